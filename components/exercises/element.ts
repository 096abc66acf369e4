// element.ts — <bp-exercises>: the behaviour of a chapter's exercises, added to the HTML the build wrote.
// Checks an answer (a clear message for anything that is not one), names the mistake behind a wrong
// number and links the equation that avoids it, reveals hints one at a time, switches every exercise to
// a student's seed (?seed=… or a name typed in "Your exercises"), and records solved exercises in
// localStorage. One listener per kind of event on the element (delegation), so re-rendering an
// exercise for a new seed keeps working. The chapter's exercises are loaded with a dynamic import.
import { answerText, check, variant, type Exercise, type Instance, type Verdict } from '../../src/exercises/define';
import { esc, exerciseInner } from '../../src/exercises/html';
import { loadExercises } from '../../src/exercises/load';
import { loadProgress, markSolved } from '../../src/exercises/progress';
import { DEFAULT_SEED, seedFromSearch, seedFromText } from '../../src/exercises/seed';

/** Where the seed a student chose is remembered, so every chapter opens with their numbers. */
const SEED_KEY = 'bp-exercises-seed';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: exercises still work, progress is not kept
  }
}

/** The seed to use: the URL's (remembered, so a student's link carries to every chapter), else the one remembered, else the book's. */
function currentSeed(): number {
  const fromUrl = seedFromSearch(window.location.search);
  if (fromUrl !== null) {
    storage()?.setItem(SEED_KEY, String(fromUrl));
    return fromUrl;
  }
  const stored = seedFromSearch(`?seed=${storage()?.getItem(SEED_KEY) ?? ''}`);
  return stored ?? DEFAULT_SEED;
}

/** "equation (3)" for a link to #eq-<id>, with the number the page gave the equation. */
function eqNumber(eq: string): string {
  const n = document.getElementById(`eq-${eq}`)?.getAttribute('data-eq-number');
  return n ? ` (${n})` : '';
}

class ExercisesElement extends HTMLElement {
  private chapter = '';
  private list: readonly Exercise[] = [];
  private instances = new Map<string, Instance>();

  connectedCallback(): void {
    this.chapter = this.dataset['chapter'] ?? '';
    this.addEventListener('submit', (e) => this.onSubmit(e));
    this.addEventListener('click', (e) => this.onClick(e));
    void this.start();
  }

  private async start(): Promise<void> {
    const list = await loadExercises(this.chapter);
    if (!list) return;
    this.list = list;
    this.show(currentSeed(), false);
    this.dataset['ready'] = '';
  }

  /** Renders every exercise for `seed` (only what differs from the HTML when it is the page's seed). */
  private show(seed: number, announce: boolean): void {
    const rerender = String(seed) !== this.dataset['seed'];
    this.list.forEach((ex, i) => {
      const inst = variant(ex, seed);
      this.instances.set(ex.id, inst);
      const li = this.querySelector<HTMLElement>(`li[data-exercise="${ex.id}"]`);
      if (!li) return;
      if (rerender) li.innerHTML = exerciseInner(ex, inst, i);
      this.decorate(li);
    });
    this.dataset['seed'] = String(seed);
    this.querySelectorAll('[data-seed-shown]').forEach((el) => (el.textContent = String(seed)));
    const key = this.querySelector<HTMLAnchorElement>('[data-answers-link]');
    if (key) key.href = `${key.pathname}?seed=${seed}#${this.chapter}`;
    if (announce) this.status(`These are now the exercises of seed ${seed}.`);
  }

  /** Equation numbers in links, solved marks from progress. */
  private decorate(li: HTMLElement): void {
    li.querySelectorAll<HTMLAnchorElement>('a[data-eq]').forEach((a) => {
      if (!a.dataset['numbered']) {
        a.textContent = `${a.textContent}${eqNumber(a.dataset['eq'] ?? '')}`;
        a.dataset['numbered'] = '';
      }
    });
    const s = storage();
    const solved = s ? (loadProgress(s)[this.chapter] ?? []).includes(li.dataset['exercise'] ?? '') : false;
    li.querySelector('[data-solved]')?.toggleAttribute('hidden', !solved);
  }

  private status(text: string): void {
    const out = this.querySelector('[data-seed-status]');
    if (out) out.textContent = text;
  }

  private onSubmit(e: Event): void {
    const form = e.target as HTMLFormElement;
    e.preventDefault();
    if (form.matches('[data-seed-form]')) return this.onSeed(form);
    const li = form.closest<HTMLElement>('li[data-exercise]');
    const id = li?.dataset['exercise'] ?? '';
    const inst = this.instances.get(id);
    if (!li || !inst) return;
    const input = inst.task.kind === 'choice'
      ? (form.querySelector<HTMLInputElement>('input[data-answer]:checked')?.value ?? '')
      : (form.querySelector<HTMLInputElement>('input[data-answer]')?.value ?? '');
    this.feedback(li, inst, check(inst.task, input));
  }

  private onSeed(form: HTMLFormElement): void {
    const input = form.querySelector<HTMLInputElement>('[data-seed-input]');
    const seed = seedFromText(input?.value ?? '');
    if (seed === null) {
      input?.setAttribute('aria-invalid', 'true');
      this.status('Type your name or student number first: the same text always gives the same numbers.');
      return;
    }
    input?.removeAttribute('aria-invalid');
    storage()?.setItem(SEED_KEY, String(seed));
    const url = new URL(window.location.href);
    url.searchParams.set('seed', String(seed));
    history.replaceState(history.state, '', url);
    this.show(seed, true);
  }

  private onClick(e: Event): void {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-hint]');
    const li = button?.closest<HTMLElement>('li[data-exercise]');
    if (button && li) this.nextHint(li);
  }

  /** Reveals the next hint; returns its text (or null when all are shown). */
  private nextHint(li: HTMLElement): string | null {
    const hidden = li.querySelector<HTMLElement>('[data-hint-index][hidden]');
    const button = li.querySelector<HTMLButtonElement>('button[data-hint]');
    if (!hidden) return null;
    hidden.hidden = false;
    const total = li.querySelectorAll('[data-hint-index]').length;
    const shown = total - li.querySelectorAll('[data-hint-index][hidden]').length;
    if (button) {
      if (shown >= total) {
        button.textContent = 'All hints shown';
        button.disabled = true;
      } else button.textContent = `Show a hint (${shown + 1} of ${total})`;
    }
    return hidden.textContent;
  }

  private feedback(li: HTMLElement, inst: Instance, verdict: Verdict): void {
    const out = li.querySelector<HTMLElement>('[data-feedback]');
    const field = li.querySelector<HTMLInputElement>('input.exercise-input');
    if (!out) return;
    field?.toggleAttribute('aria-invalid', verdict.kind === 'invalid');
    out.dataset['verdict'] = verdict.kind;
    const what = inst.task.kind === 'choice' ? 'the answer' : esc(inst.task.symbol);
    if (verdict.kind === 'invalid') {
      out.textContent = verdict.message;
    } else if (verdict.kind === 'right') {
      out.innerHTML = `<strong>Right.</strong> ${inst.task.kind === 'choice' ? esc(answerText(inst.task)) : `${what} = ${esc(answerText(inst.task))}`}.`;
      const s = storage();
      if (s) markSolved(s, this.chapter, li.dataset['exercise'] ?? '');
      li.querySelector('[data-solved]')?.removeAttribute('hidden');
    } else if (verdict.kind === 'mistake') {
      const m = verdict.mistake;
      out.innerHTML = `<strong>Not yet.</strong> That is what you get if you ${esc(m.name)}. ${esc(m.why)} `
        + `See <a href="#eq-${esc(m.eq)}">equation${eqNumber(m.eq)}</a>.`;
    } else {
      const hint = this.nextHint(li);
      out.innerHTML = `<strong>Not yet:</strong> that is not ${what}${inst.task.kind === 'number' ? ` to ${inst.task.sig} significant figures` : ''}.`
        + (hint ? ` Hint: ${esc(hint)}` : ' Open the worked solution below.');
    }
  }
}

/** Defines <bp-exercises> once. */
export function defineExercises(): void {
  if (!customElements.get('bp-exercises')) customElements.define('bp-exercises', ExercisesElement);
}
