// classroom.ts — a classroom link's settings applied to a widget's markup, the same way for every
// widget: hidden controls are hidden, locked ones read-only (and say so, to the eye and to a screen
// reader), and the part behind Reveal hidden until the Reveal button (Widget.astro) is pressed.
// Loaded by <bp-widget> only for a link with classroom keys: a reader's first load carries none of it.
import { classroomKeys, parseClassroom, type Classroom, type RevealPart } from '../classroom.ts';
import type { Schema, Value } from '../params.ts';
import type { FromUrl } from '../url-state.ts';

/**
 * Checks a link's classroom keys and applies them to the widget `root`. Returns the settings, their
 * keys as checked (for the URL), the link's values of the controls hidden or locked (Reset keeps
 * them), and one sentence per ignored value for the widget's notice.
 */
export function applyLink(root: HTMLElement, fromUrl: FromUrl<Schema>, schema: Schema): ClassroomLink {
  const { classroom, problems } = parseClassroom(fromUrl.classroom ?? {}, schema);
  applyClassroom(root, classroom);
  const values = fromUrl.values as Record<string, Value>;
  const pinned = Object.fromEntries([...classroom.hide, ...classroom.lock].map((k) => [k, values[k]!]));
  return { ...classroom, keys: classroomKeys(classroom), pinned, problems };
}

/** A classroom link as <bp-widget> keeps it: the settings, their keys for the URL, the pinned values, the problems. */
export interface ClassroomLink extends Classroom {
  readonly keys: Readonly<Record<string, string>>;
  readonly pinned: Readonly<Record<string, Value>>;
  readonly problems: readonly string[];
}

/** Shows what a classroom link hid until Reveal and moves focus there (the button goes away). */
export function reveal(root: HTMLElement, part: RevealPart): void {
  const shown = revealTargets(root, part);
  for (const el of shown) el.hidden = false;
  const box = root.querySelector<HTMLElement>('[data-reveal]');
  if (box) box.hidden = true;
  const first = shown[0];
  if (first) { first.tabIndex = -1; first.focus(); }
  const say = root.querySelector('[data-announce]');
  if (say) say.textContent = part === 'derivation' ? 'The derivation is shown.' : 'The results and the derivation are shown.';
}

/** What a Reveal hides: the derivation, or the display (numbers, plots) and the derivation. */
export function revealTargets(root: HTMLElement, part: RevealPart): HTMLElement[] {
  const selector = part === 'derivation' ? '.widget-derivation' : '.widget-display, .widget-derivation';
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => el.closest('bp-widget') === root);
}

/** Applies a classroom link's settings to the widget `root` (its controls are `[data-param="key"]`). */
export function applyClassroom(root: HTMLElement, classroom: Classroom): void {
  const box = (key: string) => root.querySelector<HTMLElement>(`[data-param="${key}"]`);
  for (const key of classroom.hide) { const b = box(key); if (b) b.hidden = true; }
  for (const key of classroom.lock) { const b = box(key); if (b) lock(b); }
  if (classroom.reveal) {
    const targets = revealTargets(root, classroom.reveal);
    for (const el of targets) el.hidden = true;
    const button = root.querySelector<HTMLElement>('[data-reveal]');
    if (button && targets.length > 0) {
      button.hidden = false;
      const b = button.querySelector('button');
      if (b) b.textContent = classroom.reveal === 'derivation' ? 'Reveal the derivation' : 'Reveal the results';
    }
  }
}

/**
 * A locked control: text fields read-only (still focusable, so a screen reader reads the value and
 * "read only"), sliders, options, switches and buttons disabled, and "(locked)" in its label, which
 * is part of every field's accessible name. data-locked keeps the painter from enabling an option.
 */
function lock(box: HTMLElement): void {
  box.dataset['locked'] = '';
  for (const input of box.querySelectorAll<HTMLInputElement>('input[data-field], input[data-cell]')) input.readOnly = true;
  for (const el of box.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input[type="range"], input[type="radio"], input[type="checkbox"], select, button')) el.disabled = true;
  const label = box.querySelector(':scope > label, :scope > legend, label');
  if (label && !label.querySelector('.param-lock')) {
    const tag = document.createElement('span');
    tag.className = 'param-lock';
    tag.textContent = ' (locked)';
    label.append(tag);
  }
}
