// live.ts — writes a widget's computed numbers into its page: the marked numbers inside equations
// typeset at build time (data-v, see live() in src/format/tex.ts), plain outputs (data-v on any
// element), and the screen-reader sentences of live equations (data-sr templates with {name}).
// The same formatter as the build, so a number looks the same before and after the script runs.
import { fmt, type NumberStyle } from '../format/number.ts';

export type Numbers = Readonly<Record<string, number>>;

/** Refuses to show NaN or ±∞: the caller keeps its last valid numbers and explains instead. */
export class NotFiniteError extends Error {
  readonly quantity: string;
  constructor(quantity: string, value: number) {
    super(`${quantity} would be ${value}, which cannot be shown`);
    this.name = 'NotFiniteError';
    this.quantity = quantity;
  }
}

export function format(value: number, style: string | undefined): string {
  return fmt(value, { style: (style ?? 'plain') as NumberStyle });
}

/** Fills every `[data-v]` and `[data-sr]` inside root. Checks all numbers first: all or nothing. */
export function writeNumbers(root: ParentNode, numbers: Numbers): void {
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isFinite(value)) throw new NotFiniteError(name, value);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-v]')) {
    const value = numbers[el.dataset['v'] ?? ''];
    if (value === undefined) continue;
    const text = format(value, el.dataset['style']);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-sr]')) {
    el.textContent = fillTemplate(el.dataset['sr'] ?? '', numbers);
  }
}

/** "δ = {delta}" with { delta: −0.2308 } → "δ = −0.2308". Unknown names stay as they are. */
export function fillTemplate(template: string, numbers: Numbers): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, style?: string) => {
    const value = numbers[name];
    return value === undefined ? whole : format(value, style);
  });
}

/** Sets SVG/HTML attributes of the elements marked `data-shape="name"` (plot markers, lines, paths). */
export function writeShapes(root: ParentNode, shapes: Readonly<Record<string, Readonly<Record<string, string | number>>>>): void {
  for (const [name, attrs] of Object.entries(shapes)) {
    for (const el of root.querySelectorAll(`[data-shape="${name}"]`)) {
      for (const [attr, value] of Object.entries(attrs)) el.setAttribute(attr, String(value));
    }
  }
}
