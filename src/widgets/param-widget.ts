// param-widget.ts — the behaviour every widget shares, as a base class for its custom element.
// A widget's HTML is complete without JavaScript (rendered at build time with the default numbers);
// this class wires its controls, its URL state, Reset and "Copy link", and calls the widget's `show`.
//
//   build-time HTML ──near the viewport, or first focus/pointer──▶ active
//   active: URL values applied (a notice for any that are invalid)
//     control input ──valid──▶ one render per animation frame: show(values) ──ok──▶ numbers + URL updated
//                   │                                                    └─throws──▶ message, last numbers stay
//                   └─invalid─▶ inline message under the field, last valid numbers stay
//   Reset ─▶ defaults, messages cleared, this widget's keys removed from the URL
import { EngineError } from '../engine/errors.ts';
import { checkValue, defaults, parseParams, type Param, type Schema, type Values } from '../state/params.ts';
import { currentSearch, linkTo, writeParams } from '../state/url.ts';
import { NotFiniteError } from './live.ts';

type AnyValues = Record<string, number | string>;

export abstract class ParamWidget<S extends Schema> extends HTMLElement {
  /** The widget's parameters; the same object its .astro file rendered the controls from. */
  protected abstract readonly schema: S;
  /**
   * Computes everything for `values` and writes it into the widget. Compute first, write last:
   * throw (EngineError, NotFiniteError) before writing anything to refuse these values.
   */
  protected abstract show(values: Values<S>): void;
  /** Extra wiring (step buttons, switches). Called once, on activation. */
  protected onActivate(): void {}

  /** The values currently on screen: always valid. */
  protected values!: Values<S>;
  private active = false;
  private frame = 0;
  private interacted = false;

  connectedCallback(): void {
    // Interactive once it scrolls into view (or is reached by keyboard or pointer first).
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { observer.disconnect(); this.activate(); }
    }, { rootMargin: '200px 0px' });
    observer.observe(this);
    this.addEventListener('focusin', () => this.activate(), { once: true });
    this.addEventListener('pointerdown', () => this.activate(), { once: true });
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.frame);
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    this.values = defaults(this.schema);
    for (const [key, param] of Object.entries(this.schema)) this.wire(key, param);
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => this.reset());
    this.querySelector('[data-action="copy-link"]')?.addEventListener('click', () => void this.copyLink());
    this.onActivate();

    const fromUrl = parseParams(currentSearch(), this.id, this.schema);
    this.setNotice(fromUrl.problems.join(' '));
    if (fromUrl.present.length > 0) {
      this.values = fromUrl.values;
      this.syncControls();
      this.render();
    }
    this.toggleAttribute('data-ready', true);
  }

  // --- controls -----------------------------------------------------------------------------------

  private control(key: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-param="${key}"]`);
  }

  private wire(key: string, param: Param): void {
    if (param.kind === 'number' && param.control === false) return; // set by the widget itself
    const box = this.control(key);
    if (!box) throw new Error(`<${this.localName} id="${this.id}"> has no control for "${key}"`);
    const range = box.querySelector<HTMLInputElement>('input[type="range"]');
    const field = box.querySelector<HTMLInputElement>('input[data-field]');
    range?.addEventListener('input', () => {
      if (field) field.value = range.value;
      this.setMessage(key, '');
      this.set(key as keyof S & string, Number(range.value));
    });
    field?.addEventListener('input', () => {
      const checked = checkValue(param, field.value);
      if (!checked.ok) { this.setMessage(key, checked.message); return; }
      this.setMessage(key, '');
      if (range) range.value = String(checked.value);
      this.set(key as keyof S & string, checked.value);
    });
    for (const input of box.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')) {
      input.addEventListener('change', () => this.set(key as keyof S & string, this.readChoice(box, param)));
    }
  }

  private readChoice(box: HTMLElement, param: Param): string {
    if (param.kind !== 'choice') throw new Error('readChoice on a number parameter');
    const radio = box.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (radio) return radio.value;
    const toggle = box.querySelector<HTMLInputElement>('input[type="checkbox"]');
    return param.options[toggle?.checked ? 1 : 0] ?? param.default;
  }

  /** Puts `this.values` into every control (after Reset or a URL). */
  private syncControls(): void {
    const values = this.values as AnyValues;
    for (const key of Object.keys(this.schema)) {
      const box = this.control(key);
      const v = values[key];
      if (!box || v === undefined) continue;
      const range = box.querySelector<HTMLInputElement>('input[type="range"]');
      const field = box.querySelector<HTMLInputElement>('input[data-field]');
      if (range) range.value = String(v);
      if (field) field.value = String(v);
      for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === v;
      const toggle = box.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const param = this.schema[key];
      if (toggle && param?.kind === 'choice') toggle.checked = param.options[1] === v;
      this.setMessage(key, '');
    }
  }

  private setMessage(key: string, message: string): void {
    const box = this.control(key);
    const msg = box?.querySelector<HTMLElement>('[data-msg]');
    const field = box?.querySelector<HTMLInputElement>('input[data-field]');
    if (msg) { msg.textContent = message; msg.hidden = message === ''; }
    if (field) field.toggleAttribute('aria-invalid', message !== '');
  }

  // --- rendering ----------------------------------------------------------------------------------

  /** Sets one value (from a control, or from the widget itself for a param without control) and re-renders. */
  protected set(key: keyof S & string, value: number | string): void {
    this.interacted = true;
    this.values = { ...(this.values as AnyValues), [key]: value } as Values<S>;
    this.scheduleRender();
  }

  /** Widgets that change their own state (a Step button) call this to re-render. */
  protected scheduleRender(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.render());
  }

  private lastShown: Values<S> | null = null;

  protected render(): void {
    try {
      this.show(this.values);
      this.lastShown = this.values;
      this.setError('');
      if (this.interacted) writeParams(this.id, this.schema, this.values);
    } catch (e) {
      if (!(e instanceof EngineError || e instanceof NotFiniteError)) throw e;
      this.setError(`These numbers cannot be computed (${e.message}). The last valid result is still shown.`);
      if (this.lastShown) this.values = this.lastShown;
    }
  }

  private setError(message: string): void {
    const el = this.querySelector<HTMLElement>('[data-widget-error]');
    if (el) { el.textContent = message; el.hidden = message === ''; }
  }

  private setNotice(message: string): void {
    const el = this.querySelector<HTMLElement>('[data-notice]');
    if (el) { el.textContent = message; el.hidden = message === ''; }
  }

  // --- Reset and Copy link ------------------------------------------------------------------------

  protected reset(): void {
    this.values = defaults(this.schema);
    this.syncControls();
    this.setNotice('');
    this.interacted = true;
    this.onReset();
    this.render();
  }

  /** Widgets with their own state (steps taken) clear it here. */
  protected onReset(): void {}

  private async copyLink(): Promise<void> {
    const link = linkTo(this.id, this.schema, this.values);
    const status = this.querySelector<HTMLElement>('[data-link-status]');
    try {
      await navigator.clipboard.writeText(link);
      if (status) status.textContent = 'Link copied. It opens this page with these numbers.';
    } catch {
      // No clipboard (permissions, old browser): show the link so it can be copied by hand.
      if (status) status.textContent = `Copy this link: ${link}`;
    }
  }
}
