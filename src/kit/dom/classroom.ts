// classroom.ts — a classroom link's settings applied to a widget's markup, the same way for every
// widget: hidden controls are hidden, locked ones read-only (and say so, to the eye and to a screen
// reader), and the part behind Reveal hidden until the Reveal button (Widget.astro) is pressed.
import type { Classroom, RevealPart } from '../url-state.ts';

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
