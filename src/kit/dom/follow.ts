// follow.ts — <bp-follow for="od1">: prose that follows a widget. When the reader presses "Work this
// chapter with my numbers" (in the widget, or in the prose), every marked number inside this element
// is recomputed from the widget's current values (the same names: one vocabulary from engine to page),
// sentences that depend on the numbers switch with the widget's flags (data-show-when), and the prose
// says so; "Back to the book's numbers" (or the widget's Reset) restores what the build wrote.
//
//   the book's numbers (from the build) ──mine on──▶ the widget's numbers and flags, every frame it shows
//                       ◀──mine off, or Reset────────
import { writeNumbers } from './painter.ts';
import type { RenderDetail, WidgetElement } from './element.ts';

class Follow extends HTMLElement {
  private readonly texts = new Map<Element, string>();
  private readonly shown = new Map<HTMLElement, boolean>();

  connectedCallback(): void {
    const id = this.getAttribute('for') ?? '';
    const widget = document.getElementById(id) as WidgetElement | null;
    if (!widget) { console.error(`<bp-follow for="${id}">: no widget with that id on this page`); return; }
    for (const el of this.querySelectorAll('[data-v]')) this.texts.set(el, el.textContent ?? '');
    for (const el of this.querySelectorAll<HTMLElement>('[data-show-when]')) this.shown.set(el, !el.hidden);
    widget.addEventListener('bp-render', (e) => this.follow((e as CustomEvent<RenderDetail>).detail, id));
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-follow-action]')) {
      button.addEventListener('click', () => widget.setMine(button.dataset['followAction'] === 'mine'));
    }
  }

  private follow(d: RenderDetail, id: string): void {
    this.toggleAttribute('data-mine', d.mine);
    for (const el of this.querySelectorAll<HTMLElement>('[data-if-mine]')) el.hidden = !d.mine;
    for (const el of this.querySelectorAll<HTMLElement>('[data-if-book]')) el.hidden = d.mine;
    if (d.mine) {
      writeNumbers(this, d.numbers, `<bp-follow for="${id}">`);
      for (const el of this.shown.keys()) {
        const expr = el.dataset['showWhen'] ?? '';
        const flag = d.flags[expr.replace(/^!/, '')];
        if (flag === undefined) console.error(`<bp-follow for="${id}">: the widget has no flag "${expr}"`);
        else el.hidden = expr.startsWith('!') ? flag : !flag;
      }
    } else {
      for (const [el, text] of this.texts) if (el.textContent !== text) el.textContent = text;
      for (const [el, on] of this.shown) el.hidden = !on;
    }
  }
}

if (!customElements.get('bp-follow')) customElements.define('bp-follow', Follow);
