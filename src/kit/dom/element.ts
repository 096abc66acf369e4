// element.ts — <bp-widget>, the one element every widget is. It finds its model (registered by the
// widget's own script), wires the controls its markup has, and from then on calls the model and
// paints what comes back. It decides nothing about any particular widget.
//
//   HTML from the build, default numbers ──near the viewport, focus, pointer, or a link naming it──▶ active
//   active: the link's values applied (a notice for any it refuses), controls wired
//     input ──valid──▶ values = onInput(values) ──next frame──▶ compute → check → paint ──▶ URL (debounced)
//           └invalid─▶ a message under the field; the numbers stay
//     action (Step, Start over…) ──▶ values = action(values, run) ──▶ next frame
//     Play ──▶ the Player repeats the play action a few ms per frame; Pause, an input, or Reset stop it
//     compute throws an EngineError ──▶ an error line; the last valid values and numbers stay
//     Reset ──▶ defaults, messages cleared, this widget's keys removed from the URL, prose back to the book's numbers
//   a classroom link (?od1.hide=x&od1.lock=w&od1.reveal=derivation) ──▶ those controls hidden or locked,
//     the part behind Reveal hidden until the student presses it; Reset keeps the teacher's values for them
//   Share ──▶ the dialog (dom/share.ts, loaded on the first press, or for a classroom link): classroom link, embed, print
import { EngineError } from '../../engine/errors.ts';
import { inputKeys, type Schema, type Value, type Values } from '../params.ts';
import { Player } from '../player.ts';
import type { ClassroomLink } from './classroom.ts';
import { readParams, writeParams } from '../url-state.ts';
import type { Result, WidgetModel } from '../widget.ts';
import { controlFor, sayIn } from './controls.ts';
import { paint } from './painter.ts';
import { currentSearch, linkTo, writeParamsSoon } from './url.ts';

type Model = WidgetModel<Schema, Result, string, unknown>;
type AnyValues = Record<string, Value>;

/** The kit's code for teachers (Share dialog, classroom links, Reveal), fetched on first use, never with the page. */
const teacherTools = () => import('./share.ts');

type Load = () => Promise<Model>;
const loaders = new Map<string, Load>();
const loaded = new Map<string, Promise<Model>>();
const waiting = new Map<string, (() => void)[]>();

/**
 * Called by each widget's script with its model's name and a loader:
 * `register('output-delta', () => import('./model').then((m) => m.outputDelta))`. The model, and the
 * engine code it needs, is fetched only when a widget of that name first becomes live (near the viewport,
 * focused, touched, or named by a link), so a page's first load carries the kit's element and none of its
 * widgets' engines. Defines <bp-widget> on first use.
 */
export function register<S extends Schema, R extends Result, A extends string, Run>(name: string, load: () => Promise<WidgetModel<S, R, A, Run>>): void {
  loaders.set(name, async () => {
    const m = (await load()) as unknown as Model;
    if (m.name !== name) throw new Error(`register('${name}', …) loaded the model named "${m.name}"`);
    return m;
  });
  for (const resolve of waiting.get(name) ?? []) resolve();
  waiting.delete(name);
  if (!customElements.get('bp-widget')) customElements.define('bp-widget', WidgetElement);
}

async function modelNamed(name: string): Promise<Model> {
  // Another widget's script may define <bp-widget> before this one's has registered its loader.
  if (!loaders.has(name)) await new Promise<void>((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));
  let m = loaded.get(name);
  if (!m) { m = loaders.get(name)!(); loaded.set(name, m); }
  return m;
}

/** What a widget tells the page after each frame it shows (prose that follows it listens). */
export interface RenderDetail {
  readonly numbers: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly values: Readonly<AnyValues>;
  /** The reader asked the chapter's prose to use these numbers. */
  readonly mine: boolean;
}

const browserClock = {
  now: () => performance.now(),
  requestFrame: (cb: () => void) => requestAnimationFrame(cb),
  cancelFrame: (id: number) => cancelAnimationFrame(id),
};

export class WidgetElement extends HTMLElement {
  private model!: Model;
  private values: AnyValues = {};
  private lastGood: AnyValues = {};
  /** The input whose last change the engine refused (its field says so), and the input changed last. */
  private refused: string | null = null;
  private lastSet: string | null = null;
  private last: Result | null = null;
  private run: unknown;
  private runKey: string | null = null;
  private active = false;
  private interacted = false;
  private frame = 0;
  private player: Player | null = null;
  private mine = false;
  private announceAfter: string | null = null;
  /** The teacher's settings from a classroom link, and the values of the controls they hid or locked. */
  private classroom: ClassroomLink | undefined;

  connectedCallback(): void {
    const named = new RegExp(`(^|[?&])${this.id}\\.`).test(currentSearch().replace(/^\?/, ''));
    if (named) { void this.activate(); return; }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { observer.disconnect(); void this.activate(); }
    }, { rootMargin: '200px 0px' });
    observer.observe(this);
    this.addEventListener('focusin', () => void this.activate(), { once: true });
    this.addEventListener('pointerdown', () => void this.activate(), { once: true });
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.frame);
    this.player?.pause();
  }

  /** Makes the widget live now (prose that follows it asks for this). */
  async activate(): Promise<void> {
    if (this.active) return;
    this.active = true;
    this.model = await modelNamed(this.dataset['model'] ?? '');
    const schema = this.model.schema;
    this.values = { ...this.model.defaults };
    this.lastGood = this.values;
    for (const key of inputKeys(schema)) this.wire(key);
    this.wireButtons();
    const fromUrl = readParams(currentSearch(), this.id, schema);
    const problems = fromUrl.problems as string[];
    if (fromUrl.classroom) {
      // A classroom link: its code is fetched for it alone, and applied before the widget is ready.
      this.classroom = (await teacherTools()).applyLink(this, fromUrl, schema);
      problems.push(...this.classroom.problems);
    }
    this.notice(problems.join(' '));
    this.mine = fromUrl.kit.mine;
    this.showMine();
    if (fromUrl.present.length > 0) {
      const linked = fromUrl.values as AnyValues;
      this.values = linked;
      this.syncControls();
      this.render();
      if (this.values !== linked) {
        // The engine refused the link's values together: the fields show the numbers in effect.
        this.syncControls();
        this.notice([...problems, 'The link’s values cannot be computed together, so the widget shows the book’s numbers.'].join(' '));
      }
    } else {
      this.catchUp();
    }
    this.toggleAttribute('data-ready', true);
  }

  /**
   * What the reader changed before the widget was live (its code still loading): a field whose value
   * is no longer the one the build wrote is handed to its control as if typed now, so nothing is lost.
   */
  private catchUp(): void {
    for (const el of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.widget-controls input, .widget-controls select')) {
      if (el instanceof HTMLSelectElement) {
        if ([...el.options].some((o) => o.selected !== o.defaultSelected)) el.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (el.type === 'radio' || el.type === 'checkbox') {
        if (el.checked !== el.defaultChecked && (el.type === 'checkbox' || el.checked)) el.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (el.type !== 'range' && el.value !== el.defaultValue) {
        // (Not a slider: the browser rounds its value to the step, so it can differ without a touch.)
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }

  // --- controls and buttons -----------------------------------------------------------------------

  private box(key: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-param="${key}"]`);
  }

  private wire(key: string): void {
    const param = this.model.schema[key]!;
    const control = controlFor(param);
    const box = this.box(key);
    if (!control) return;
    if (!box) throw new Error(`<bp-widget id="${this.id}"> has no control for "${key}"`);
    control.wire(box, (v) => this.set(key, v), (message) => sayIn(box, message));
  }

  private wireButtons(): void {
    // One listener for every action button, also those inside markup the painter rebuilds.
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action], button[data-share]');
      if (!button || !this.contains(button) || button.disabled) return;
      // Share: the dialog's code is fetched on the first press, not with the page.
      if (button.dataset['action']) this.press(button.dataset['action']);
      else void teacherTools().then((m) => m.openShare(this, button));
    });
    const play = this.model.play;
    if (play) {
      const act = this.model.actions?.[play.action];
      if (!act) throw new Error(`${this.model.name}: play.action "${play.action}" is not an action`);
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.player = new Player({
        clock: browserClock, perSecond: play.perSecond, minFrameMs: reduced ? 500 : 0,
        advance: (n) => {
          let did = 0;
          while (did < n && !play.done(this.values as never, this.session())) { this.values = act(this.values as never, this.session()) as AnyValues; did++; }
          this.lastSet = null;
          this.interacted = true;
          return did;
        },
        done: () => play.done(this.values as never, this.session()),
        render: () => this.render(),
        onChange: (playing) => this.showPlaying(playing),
      });
      new IntersectionObserver((entries) => this.player?.setVisible(entries.some((e) => e.isIntersecting))).observe(this);
      const speed = this.querySelector<HTMLSelectElement>('select[data-speed]');
      speed?.addEventListener('change', () => { if (this.player) this.player.speed = Number(speed.value); });
    }
    if (document.querySelector(`bp-follow[for="${this.id}"]`)) {
      for (const el of this.querySelectorAll<HTMLElement>('[data-if-follow]')) el.hidden = false;
    }
  }

  private press(name: string): void {
    switch (name) {
      case 'reset': this.reset(); return;
      case 'copy-link': void this.copyLink(); return;
      case 'play': if (this.player?.playing) this.player.pause(); else this.player?.play(); return;
      case 'mine': this.setMine(!this.mine); return;
      case 'export': void this.toggleExport(); return;
      case 'reveal': void teacherTools().then((m) => m.reveal(this, this.classroom!.reveal!)); return;
    }
    const act = this.model.actions?.[name];
    if (!act) throw new Error(`${this.model.name} has no action "${name}"`);
    this.player?.pause();
    this.values = act(this.values as never, this.session()) as AnyValues;
    this.lastSet = null;
    this.interacted = true;
    this.announceAfter = name;
    this.schedule();
  }

  private showPlaying(playing: boolean): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (!button) return;
    button.setAttribute('aria-pressed', String(playing));
    const label = button.querySelector('[data-play-label]');
    if (label) label.textContent = playing ? 'Pause' : 'Play';
  }

  /** Sets one value from a control and re-renders on the next frame. */
  private set(key: string, value: Value): void {
    const previous = this.values;
    let next: AnyValues = { ...previous, [key]: value };
    if (this.model.onInput) next = this.model.onInput(next as never, previous as never, key) as AnyValues;
    this.player?.stop();
    this.values = next;
    this.lastSet = key;
    this.interacted = true;
    this.schedule();
  }

  /**
   * After a result: a field whose value the engine refused still shows what was typed. If another input
   * has changed since, that text is not in effect: put back the value that is, so no field shows a
   * number the numbers were not computed with.
   */
  private settleRefused(): void {
    const key = this.refused;
    if (key === null) return;
    this.refused = null;
    const box = this.box(key);
    const control = controlFor(this.model.schema[key]!);
    if (!box || !control) return;
    if (key !== this.lastSet) control.write(box, this.values[key]!);
    sayIn(box, '');
  }

  /** Puts the current values into every control (after Reset, a link, or an error). */
  private syncControls(): void {
    for (const key of inputKeys(this.model.schema)) {
      const box = this.box(key);
      const control = controlFor(this.model.schema[key]!);
      if (!box || !control) continue;
      control.write(box, this.values[key]!);
      sayIn(box, '');
    }
  }

  // --- rendering ----------------------------------------------------------------------------------

  /**
   * Renders now, in the task of the input: the numbers are in the DOM before the next paint, which
   * shows them. A second change within the same frame (a key held down) waits for that frame instead,
   * so one frame never computes twice.
   */
  private schedule(): void {
    if (this.frame !== 0) return;
    if (!this.renderedThisFrame) {
      this.render();
      this.renderedThisFrame = true;
      requestAnimationFrame(() => { this.renderedThisFrame = false; });
      return;
    }
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  private renderedThisFrame = false;

  /** The session for the current inputs: a new one whenever an input changed. */
  private session(): unknown {
    const key = this.model.sessionKey(this.values as never);
    if (key !== this.runKey) {
      this.run = this.model.start(this.values as never);
      this.runKey = key;
    }
    return this.run;
  }

  private render(): void {
    let result: Result;
    try {
      result = this.model.compute(this.values as never, this.session());
      paint(this, result, this.last);
    } catch (e) {
      // The engine refuses what it cannot compute (EngineError); a formatter meeting an overflow is the
      // same situation (RangeError). Anything else is a bug and is thrown on.
      if (!(e instanceof EngineError || e instanceof RangeError)) throw e;
      this.error(`These numbers cannot be computed (${e.message}). The last valid result is still shown.`);
      this.values = this.lastGood;
      this.player?.stop();
      // Say it beside the field just changed too (the error line may be a screen away on a phone).
      const box = this.lastSet === null ? null : this.box(this.lastSet);
      if (box) { sayIn(box, 'Not used: the engine cannot compute this with the other values (see the message below).'); this.refused = this.lastSet; }
      return;
    }
    this.last = result;
    this.lastGood = this.values;
    this.settleRefused();
    if (this.model.play) {
      // Nothing left to play (the run reached its end): Play is disabled until an input or Reset.
      const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
      if (play) {
        const done = this.model.play.done(this.values as never, this.session());
        if (done && document.activeElement === play) this.querySelector<HTMLButtonElement>('[data-action="reset"]')?.focus();
        play.disabled = done;
      }
    }
    this.error('');
    if (this.announceAfter && this.model.announce) this.announce(this.model.announce(this.announceAfter, result));
    this.announceAfter = null;
    if (this.interacted) writeParamsSoon(this.id, this.model.schema, this.values as Values<Schema>, { mine: this.mine }, this.classroom?.keys);
    this.dispatchEvent(new CustomEvent<RenderDetail>('bp-render', { detail: { numbers: result.numbers, flags: result.flags ?? {}, values: this.values, mine: this.mine } }));
  }

  private say(selector: string, message: string): void {
    const el = this.querySelector<HTMLElement>(selector);
    if (el) { el.textContent = message; el.hidden = message === ''; }
  }

  private error(message: string): void { this.say('[data-widget-error]', message); }
  private notice(message: string): void { this.say('[data-notice]', message); }
  private announce(message: string): void {
    const el = this.querySelector<HTMLElement>('[data-announce]');
    if (el) el.textContent = message;
  }

  // --- Reset, Copy link, the reader's numbers in the prose ----------------------------------------

  private reset(): void {
    this.player?.stop();
    // A classroom link's hidden and locked controls keep the teacher's values: the student cannot set them again.
    this.values = { ...this.model.defaults, ...this.classroom?.pinned };
    this.refused = this.lastSet = null;
    this.syncControls();
    this.notice('');
    this.announce('');
    this.interacted = true;
    this.mine = false;
    this.showMine();
    this.render();
  }

  /** Whether the chapter's prose works with the reader's numbers (see Follow.astro). */
  setMine(mine: boolean): void {
    void this.activate().then(() => {
      this.mine = mine;
      this.interacted = true;
      this.showMine();
      this.render();
    });
  }

  private showMine(): void {
    for (const b of this.querySelectorAll('[data-action="mine"]')) b.setAttribute('aria-pressed', String(this.mine));
  }

  /** Export (models with `vectors`): the menu and everything it needs load on the first click. */
  private async toggleExport(): Promise<void> {
    const vectors = this.model.vectors;
    const button = this.querySelector<HTMLButtonElement>('button[data-action="export"]');
    if (!vectors || !button) return;
    const { toggleExportMenu } = await import('../../export/dom/menu.ts');
    const status = this.querySelector<HTMLElement>('[data-link-status]');
    toggleExportMenu(button, () => ({
      widget: this.model.name, id: this.id,
      // The values and numbers on screen (after a refused input, the last valid ones).
      case: vectors(this.values as never, this.session()),
      numbers: (this.last ?? this.model.compute(this.values as never, this.session())).numbers,
    }), (message) => { if (status) status.textContent = message; });
  }

  private async copyLink(): Promise<void> {
    const link = linkTo(this.id, this.model.schema, this.values as Values<Schema>, { mine: this.mine }, this.classroom?.keys);
    const status = this.querySelector<HTMLElement>('[data-link-status]');
    try {
      await navigator.clipboard.writeText(link);
      if (status) status.textContent = 'Link copied. It opens this page with these numbers.';
    } catch {
      // No clipboard (permissions, an old browser): show the link so it can be copied by hand.
      if (status) status.textContent = `Copy this link: ${link}`;
    }
  }

  // --- what the Share dialog needs -------------------------------------------------------------------

  /** The widget as it is now, for the Share dialog: its parameters, values and classroom settings. */
  shareState(): { schema: Schema; classroom: ClassroomLink | undefined; query: (search: string, keys: Record<string, string>) => string } {
    return {
      // The dialog writes its links with this (not by importing url-state.ts: that would split it out of this chunk).
      query: (search, keys) => writeParams(search, this.id, this.model.schema, this.values as Values<Schema>, { mine: false }, keys),
      schema: this.model.schema,
      classroom: this.classroom,
    };
  }
}
