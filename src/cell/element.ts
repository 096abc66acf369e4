// element.ts — <bp-cell>: a notebook cell on the page. The code area is a plain <textarea> (no editor
// package: nothing to load, and the browser's own editing, selection, undo and screen-reader support).
// Run (or Ctrl/Cmd+Enter) sends the code to a module Web Worker, created on the first Run (the engine comes
// with it, so none of it is in the page's first load); after LIMIT_MS the worker is terminated and the next
// Run starts a fresh one. Code from a link is shown and never run until the reader presses Run.
import type { OutputLine } from './format.ts';
import type { RunReply } from './worker.ts';
import { writeOutput } from './dom.ts';

/** How long reader code may run before its worker is terminated. */
export const LIMIT_MS = 3_000;
/** Longest code a link may carry (characters); a longer one is refused with a notice. */
export const MAX_LINK_CODE = 4_000;

class BpCell extends HTMLElement {
  private worker: Worker | null = null;
  private timer = 0;
  private original = '';
  private firstOutput: Node[] = [];
  private tabIndents = false;
  private escaped = false;

  private el<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-cell-${name}]`)!;
  }
  private get key(): string { return `${this.id}.code`; }

  connectedCallback(): void {
    const code = this.el<HTMLTextAreaElement>('code');
    const output = this.el<HTMLElement>('output');
    this.original = code.defaultValue;
    this.firstOutput = [...output.childNodes].map((n) => n.cloneNode(true));
    this.el('run').addEventListener('click', () => this.run());
    this.el('reset').addEventListener('click', () => this.reset());
    this.el('copy').addEventListener('click', () => void this.copyLink());
    this.el<HTMLInputElement>('tab').addEventListener('change', (e) => { this.tabIndents = (e.target as HTMLInputElement).checked; });
    code.addEventListener('keydown', (e) => this.onKey(e, code));
    this.fromLink(code, output);
  }

  /** Code from the URL (?<id>.code=…) is shown, with a line saying where it came from, and not run. */
  private fromLink(code: HTMLTextAreaElement, output: HTMLElement): void {
    const linked = new URLSearchParams(location.search).get(this.key);
    if (linked === null || linked === this.original) return;
    if (linked.length > MAX_LINK_CODE) {
      this.note(`The link carries ${linked.length} characters of code, more than a cell takes (${MAX_LINK_CODE}): the cell shows the book’s code.`);
      return;
    }
    code.value = linked;
    writeOutput(output, [{ kind: 'text', parts: [{ text: 'Not run yet: press Run to see what this code prints.' }] }]);
    this.note('This code came from a link, not from the book, and has not run. Read it, then press Run; Reset brings back the book’s code.');
  }

  private note(text: string | null): void {
    const p = this.el('note');
    p.textContent = text ?? '';
    p.hidden = text === null;
  }

  private status(text: string): void { this.el('status').textContent = text; }

  /** Ctrl/Cmd+Enter runs. Tab indents only once the reader has opted in; Escape, then Tab, leaves. */
  private onKey(e: KeyboardEvent, code: HTMLTextAreaElement): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.run(); return; }
    if (e.key === 'Escape') { this.escaped = true; return; }
    if (e.key === 'Tab' && this.tabIndents && !this.escaped && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      code.setRangeText('  ', code.selectionStart, code.selectionEnd, 'end');
      code.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.escaped = false;
  }

  private show(lines: readonly OutputLine[]): void { writeOutput(this.el('output'), lines); }

  private stop(): void {
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }

  run(): void {
    const code = this.el<HTMLTextAreaElement>('code').value;
    this.stop();    // one run at a time: a run still going is ended by the next Run
    this.status('Running…');
    this.el('output').setAttribute('aria-busy', 'true');
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cell' });
    this.worker = worker;
    const started = performance.now();
    let timing = false;
    const end = (lines: readonly OutputLine[], said: string) => {
      if (this.worker !== worker) return;
      // The reader's code can post messages of its own: a malformed one ends the run with a message instead.
      try { this.show(lines); } catch { this.show([{ kind: 'error', text: 'The cell’s worker sent output the page could not read.' }]); }
      this.el('output').removeAttribute('aria-busy');
      this.status(said);
    };
    worker.onmessage = (e: MessageEvent<RunReply>) => {
      if (e.data?.kind === 'started') {
        // Only the first "started" counts: code that posts its own cannot push the time limit back.
        if (timing) return;
        timing = true;
        this.timer = window.setTimeout(() => {
          end([{ kind: 'error', text: `Stopped after ${LIMIT_MS / 1000} s: the code was still running (an endless loop?). The next Run starts afresh.` }], `Stopped after ${LIMIT_MS / 1000} s.`);
          this.stop();
        }, LIMIT_MS);
        return;
      }
      clearTimeout(this.timer);
      const ms = Math.round(performance.now() - started);
      const lines: readonly OutputLine[] = Array.isArray(e.data?.lines) ? e.data.lines : [];
      const err = lines.at(-1);
      end(lines, e.data?.failed ? `Ended with an error${err?.kind === 'error' && err.line ? ` on line ${err.line}` : ''}.` : `Ran in ${ms} ms.`);
      this.stop();   // a fresh worker for every run: nothing a run leaves behind reaches the next
    };
    worker.onerror = (e) => { e.preventDefault(); end([{ kind: 'error', text: 'The cell could not start its worker.' }], 'Could not run.'); this.stop(); };
    worker.postMessage({ code });
  }

  reset(): void {
    this.stop();
    const code = this.el<HTMLTextAreaElement>('code');
    code.value = this.original;
    this.el('output').replaceChildren(...this.firstOutput.map((n) => n.cloneNode(true)));
    this.el('output').removeAttribute('aria-busy');
    this.note(null);
    this.status('The book’s code is back.');
    const url = new URL(location.href);
    if (url.searchParams.has(this.key)) { url.searchParams.delete(this.key); history.replaceState(history.state, '', url); }
  }

  /** A link to this page with the cell's code as it is now (?<id>.code=…#<id>), also written to the address bar. */
  private async copyLink(): Promise<void> {
    const value = this.el<HTMLTextAreaElement>('code').value;
    const url = new URL(location.href);
    if (value === this.original) url.searchParams.delete(this.key); else url.searchParams.set(this.key, value);
    url.hash = this.id;
    history.replaceState(history.state, '', url);
    try {
      await navigator.clipboard.writeText(url.href);
      this.status('Link copied. It opens this page with this code in the cell, not yet run.');
    } catch {
      this.status('Copying was refused: the address bar now holds the link.');
    }
  }
}

if (!customElements.get('bp-cell')) customElements.define('bp-cell', BpCell);
