// painter.ts — writes a Result into a widget's markup. It checks everything first (checkResult) and
// only then writes, so a frame is shown whole or not at all: "never NaN on screen" by construction.
//
//   markup  [data-markup="k"]      innerHTML, when it changed (axes, a graph at a step)
//   numbers [data-v="k"]           text, in the mark's data-style and data-digits (HTML, MathML <mn>, SVG <tspan>)
//   shapes  [data-shape="k"]       attributes
//   text    [data-text="k"]        text
//   flags   [data-show-when="k"]   hidden unless k ("!k": unless not k), HTML and SVG alike
//           [data-disable-when="k"] disabled while k; a focused control that gets disabled hands
//                                   focus to the next enabled control of its group, so focus is never lost
//   canvas  canvas[data-canvas="k"] pixels
import { fmt, type NumberStyle } from '../../format/number.ts';
import { checkResult, type Result } from '../widget.ts';

/** Writes the numbers into every mark under root; a mark whose name has no number is a bug, reported. */
export function writeNumbers(root: ParentNode, numbers: Readonly<Record<string, number>>, where: string): void {
  const unknown = new Set<string>();
  for (const el of root.querySelectorAll<Element>('[data-v]')) {
    const name = el.getAttribute('data-v') ?? '';
    const value = numbers[name];
    if (value === undefined) { unknown.add(name); continue; }
    const style = (el.getAttribute('data-style') ?? 'plain') as NumberStyle;
    // A mark that asked for more significant digits than the book's 4 keeps them (markHtml's digits).
    const digits = el.getAttribute('data-digits');
    const text = fmt(value, digits === null ? { style } : { style, digits: Number(digits) });
    if (el.textContent !== text) el.textContent = text;
  }
  if (unknown.size > 0) console.error(`${where}: marked numbers without a value: ${[...unknown].join(', ')}`);
}

export function paint(root: HTMLElement, r: Result, previous: Result | null): void {
  checkResult(r);
  for (const [name, html] of Object.entries(r.markup ?? {})) {
    if (previous?.markup?.[name] === html) continue;
    for (const el of root.querySelectorAll(`[data-markup="${name}"]`)) el.innerHTML = html;
  }
  writeNumbers(root, r.numbers, `<bp-widget id="${root.id}">`);
  for (const [name, attrs] of Object.entries(r.shapes ?? {})) {
    for (const el of root.querySelectorAll(`[data-shape="${name}"]`)) {
      for (const [attr, v] of Object.entries(attrs)) {
        const s = String(v);
        if (el.getAttribute(attr) !== s) el.setAttribute(attr, s);
      }
    }
  }
  for (const [name, s] of Object.entries(r.text ?? {})) {
    for (const el of root.querySelectorAll(`[data-text="${name}"]`)) if (el.textContent !== s) el.textContent = s;
  }
  writeFlags(root, r.flags ?? {});
  for (const [name, img] of Object.entries(r.canvas ?? {})) {
    for (const el of root.querySelectorAll<HTMLCanvasElement>(`canvas[data-canvas="${name}"]`)) {
      if (el.width !== img.width) el.width = img.width;
      if (el.height !== img.height) el.height = img.height;
      el.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(img.rgba), img.width, img.height), 0, 0);
    }
  }
}

function holds(flags: Readonly<Record<string, boolean>>, expr: string): boolean | undefined {
  const negate = expr.startsWith('!');
  const v = flags[negate ? expr.slice(1) : expr];
  return v === undefined ? undefined : negate ? !v : v;
}

function writeFlags(root: HTMLElement, flags: Readonly<Record<string, boolean>>): void {
  // The hidden attribute, not the property: SVG elements (a curve, a marker, a legend entry) have no
  // `hidden` property, but the attribute hides them as it hides HTML (widget.css: [hidden]).
  for (const el of root.querySelectorAll<Element>('[data-show-when]')) {
    const on = holds(flags, el.getAttribute('data-show-when') ?? '');
    if (on !== undefined && el.hasAttribute('hidden') === on) el.toggleAttribute('hidden', !on);
  }
  const focused = document.activeElement;
  let rescue: HTMLElement | null = null;
  for (const el of root.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-disable-when]')) {
    const off = holds(flags, el.dataset['disableWhen'] ?? '');
    if (off === undefined || el.disabled === off) continue;
    if (el.closest('[data-locked]')) continue;   // a control a classroom link locked stays disabled
    el.disabled = off;
    if (off && el === focused) rescue = el;
  }
  if (rescue) focusNext(root, rescue);
}

/** Focus goes to the nearest enabled control after `from` in its group (or before it), else the widget. */
function focusNext(root: HTMLElement, from: HTMLElement): void {
  const group = from.closest('[role="group"]') ?? root;
  const controls = [...group.querySelectorAll<HTMLElement>('button, input, select')];
  const i = controls.indexOf(from);
  const order = [...controls.slice(i + 1), ...controls.slice(0, i).reverse()];
  const next = order.find((c) => !(c as HTMLButtonElement).disabled && !c.closest('[hidden]'));
  if (next) next.focus();
  else { root.tabIndex = -1; root.focus(); }
}
