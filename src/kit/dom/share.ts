// share.ts — a widget's Share dialog, loaded on the first press of Share (not with the page). In it a
// teacher ticks which controls to hide or lock and what stays hidden until Reveal, and gets: a link
// that opens the widget that way (with its current values), the <iframe> snippet of its embed page,
// and "Print this widget". A native modal <dialog>: Escape closes it, Tab stays inside, and focus
// goes back to the Share button.
import { href } from '../../href.ts';
import { inputKeys, type Param, type Schema } from '../params.ts';
import { classroomKeys, NO_CLASSROOM, type Classroom, type RevealPart } from '../classroom.ts';
import { embedSnippet } from '../share.ts';
import { printWidget } from './print-one.ts';

// One chunk for everything a teacher's link or the Share button needs (one fetch, one entry in <bp-widget>).
export { applyLink, reveal } from './classroom.ts';

/** What the dialog needs from <bp-widget> (WidgetElement.shareState). */
export interface ShareHost extends HTMLElement {
  shareState(): { schema: Schema; classroom: Classroom | undefined; query: (search: string, keys: Record<string, string>) => string };
}

const dialogs = new WeakMap<ShareHost, HTMLDialogElement>();

/** Opens the Share dialog of a widget (built on first use, then reused), for the widget as it is now. */
export function openShare(host: ShareHost, opener: HTMLElement): void {
  let dialog = dialogs.get(host);
  if (!dialog) {
    dialog = build(host);
    dialogs.set(host, dialog);
    host.append(dialog);
    dialog.addEventListener('close', () => opener.focus());
  }
  const state = host.shareState();
  const now = state.classroom ?? NO_CLASSROOM;
  // Start from the settings in effect (a teacher re-sharing a classroom link keeps them).
  for (const box of dialog.querySelectorAll<HTMLInputElement>('input[data-hide], input[data-lock]')) {
    const key = box.dataset['hide'] ?? box.dataset['lock'] ?? '';
    box.checked = (box.dataset['hide'] !== undefined ? now.hide : now.lock).includes(key);
  }
  for (const radio of dialog.querySelectorAll<HTMLInputElement>('input[name$="-reveal"]')) radio.checked = radio.value === (now.reveal ?? 'none');
  update(host, dialog);
  dialog.showModal();
  dialog.querySelector<HTMLElement>('input, button')?.focus();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const titleOf = (host: HTMLElement): string => host.querySelector('.widget-title')?.textContent ?? host.id;
const nameOf = (p: Param): string => (p.symbol ? `${p.label} ${p.symbol}` : p.label);

function build(host: ShareHost): HTMLDialogElement {
  const { schema } = host.shareState();
  const title = titleOf(host);
  const id = host.id;
  const hasDerivation = host.querySelector('.widget-derivation') !== null;
  const dialog = el('dialog', { className: 'share-dialog' });
  dialog.setAttribute('aria-labelledby', `${id}-share-title`);

  const controls = inputKeys(schema).filter((k) => host.querySelector(`[data-param="${k}"]`));
  const table = el('table', { className: 'share-controls' },
    el('caption', {}, 'For a class: hide or lock controls'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Control'), el('th', { scope: 'col' }, 'Hide'), el('th', { scope: 'col' }, 'Lock'))));
  const body = el('tbody');
  for (const key of controls) {
    const name = nameOf(schema[key]!);
    const hide = el('input', { type: 'checkbox' });
    hide.dataset['hide'] = key;
    hide.setAttribute('aria-label', `Hide ${name}`);
    const lock = el('input', { type: 'checkbox' });
    lock.dataset['lock'] = key;
    lock.setAttribute('aria-label', `Lock ${name}`);
    body.append(el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, hide), el('td', {}, lock)));
  }
  table.append(body);

  const reveal = el('fieldset', { className: 'share-reveal' }, el('legend', {}, 'Hidden until the student presses Reveal'));
  const options: [RevealPart | 'none', string][] = [['none', 'Nothing'], ...(hasDerivation ? [['derivation', 'The derivation'] as [RevealPart, string]] : []), ['results', hasDerivation ? 'The results and the derivation' : 'The results']];
  for (const [value, label] of options) {
    reveal.append(el('label', {}, el('input', { type: 'radio', name: `${id}-reveal`, value }), ` ${label}`));
  }

  const link = el('input', { type: 'text', readOnly: true, className: 'share-field', id: `${id}-share-link` });
  link.dataset['shareLink'] = '';
  const snippet = el('textarea', { readOnly: true, rows: 4, className: 'share-field', id: `${id}-share-embed` });
  snippet.dataset['shareEmbed'] = '';
  snippet.spellcheck = false;
  const status = el('p', { className: 'share-status' });
  status.setAttribute('role', 'status');

  const copy = (field: HTMLInputElement | HTMLTextAreaElement, done: string) => async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = done;
    } catch {
      // No clipboard: the text is selected for Ctrl+C.
      field.focus();
      field.select();
      status.textContent = 'Press Ctrl+C (⌘C) to copy the selected text.';
    }
  };
  const copyLink = el('button', { type: 'button', textContent: 'Copy classroom link' });
  copyLink.addEventListener('click', copy(link, 'Link copied. It opens this widget with these numbers and settings.'));
  const copyEmbed = el('button', { type: 'button', textContent: 'Copy embed code' });
  copyEmbed.addEventListener('click', copy(snippet, 'Embed code copied. Paste it into your course page’s HTML.'));
  const print = el('button', { type: 'button', textContent: 'Print this widget' });
  print.addEventListener('click', () => {
    const url = link.value;
    dialog.close();
    void printWidget(host, url);
  });
  const close = el('button', { type: 'button', textContent: 'Close' });
  close.addEventListener('click', () => dialog.close());

  const linkLabel = el('label', { htmlFor: link.id }, 'Classroom link');
  const embedLabel = el('label', { htmlFor: snippet.id }, 'Embed in a course page (an iframe that sizes itself)');
  dialog.append(
    el('h2', { id: `${id}-share-title`, className: 'share-title' }, `Share “${title}”`),
    table, reveal,
    el('section', { className: 'share-section' }, linkLabel, link, el('div', { className: 'share-buttons' }, copyLink, print)),
    el('section', { className: 'share-section' }, embedLabel, snippet, el('div', { className: 'share-buttons' }, copyEmbed)),
    status,
    el('div', { className: 'share-buttons share-close' }, close),
  );
  dialog.addEventListener('change', () => update(host, dialog));
  dialog.addEventListener('keydown', (e) => trapTab(dialog, e));
  return dialog;
}

/** The settings ticked in the dialog. A hidden control needs no lock: hiding wins. */
function ticked(dialog: HTMLDialogElement): Classroom {
  const keys = (attr: 'hide' | 'lock') => [...dialog.querySelectorAll<HTMLInputElement>(`input[data-${attr}]:checked`)].map((b) => b.dataset[attr]!);
  const hide = keys('hide');
  const lock = keys('lock').filter((k) => !hide.includes(k));
  const value = dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
  return { hide, lock, reveal: value === 'derivation' || value === 'results' ? value : null };
}

function update(host: ShareHost, dialog: HTMLDialogElement): void {
  const { query } = host.shareState();
  const model = host.dataset['model'] ?? '';
  const title = titleOf(host);
  const classroom = ticked(dialog);
  for (const box of dialog.querySelectorAll<HTMLInputElement>('input[data-lock]')) box.disabled = classroom.hide.includes(box.dataset['lock']!);
  const link = `${location.origin}${location.pathname}${query(location.search, classroomKeys(classroom))}#${host.id}`;
  const embed = `${location.origin}${href(`/embed/${model}/`)}${query('', classroomKeys(classroom))}`;
  dialog.querySelector<HTMLInputElement>('[data-share-link]')!.value = link;
  dialog.querySelector<HTMLTextAreaElement>('[data-share-embed]')!.value = embedSnippet(embed, `${title} (Backprop, Step by Step)`, host.id);
}

/** Tab and Shift+Tab wrap inside the dialog (showModal makes the page inert, but not the browser's own UI). */
function trapTab(dialog: HTMLDialogElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input, textarea')].filter((x) => !(x as HTMLButtonElement).disabled && !(x instanceof HTMLInputElement && x.type === 'radio' && !x.checked));
  const first = focusable[0], last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
}
