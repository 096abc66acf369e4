// format.ts — what a notebook cell prints, as lines of text: numbers through the book's formatter, matrices
// as aligned tables with their shape, errors with the line of the reader's code. DOM-free: the same lines
// are rendered to HTML at build time (in Node) and to text nodes in the browser, so both are the same.
// N.B. Runs inside the cell's Web Worker and at build time; keep it free of the DOM and of KaTeX.
import { fmt } from '../format/number.ts';
import { plotSvg } from './plot.ts';

/** A piece of an output line: text, and for a number its full value (marked, so tests can check it). */
export interface Part {
  readonly text: string;
  /** The number this text shows, unrounded; absent for plain text. */
  readonly value?: number;
}

/** One line of a cell's output: printed text, or an error with the line of the reader's code it came from. */
export type OutputLine =
  | { readonly kind: 'text'; readonly parts: readonly Part[] }
  | { readonly kind: 'error'; readonly text: string; readonly line?: number }
  | { readonly kind: 'plot'; readonly points: readonly (readonly [number, number])[] };

/** Output limits: a cell that prints without end is cut, with a line saying so. */
export const LIMITS = Object.freeze({ lines: 400, charsPerLine: 2_000, chars: 40_000 });

/** A matrix as the engine stores it: rows × cols, row-major in a Float64Array. */
interface MatrixLike { readonly rows: number; readonly cols: number; readonly data: ArrayLike<number> }

function isMatrix(v: unknown): v is MatrixLike {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return Number.isInteger(m['rows']) && Number.isInteger(m['cols']) && (m['data'] instanceof Float64Array || Array.isArray(m['data']))
    && (m['data'] as ArrayLike<number>).length === (m['rows'] as number) * (m['cols'] as number);
}

/** A number as the book prints it; NaN and ±∞ are spelt out (a cell may compute them; the book never hides them). */
export function numberPart(x: number): Part {
  if (Number.isNaN(x)) return { text: 'NaN' };
  if (!Number.isFinite(x)) return { text: x > 0 ? '∞' : '−∞' };
  return { text: fmt(x), value: x };
}

const text = (s: string): Part => ({ text: s });

/** A value inline (inside a print line): numbers formatted, arrays in brackets, objects one level deep. */
function inline(v: unknown, depth: number): Part[] {
  if (typeof v === 'number') return [numberPart(v)];
  if (typeof v === 'string') return [text(v)];
  if (typeof v === 'bigint') return [text(`${v}n`)];
  if (v === null || v === undefined || typeof v === 'boolean') return [text(String(v))];
  if (typeof v === 'function') return [text(`[function ${v.name || 'anonymous'}]`)];
  if (typeof v === 'symbol') return [text(v.toString())];
  if (v instanceof Error) return [text(`${v.name}: ${v.message}`)];
  if (isMatrix(v)) return [text(`[${v.rows}×${v.cols} matrix]`)];
  if (depth > 1) return [text(Array.isArray(v) ? '[…]' : '{…}')];
  const list = (items: Part[][], open: string, close: string): Part[] =>
    [text(open), ...items.flatMap((p, i) => (i === 0 ? p : [text(', '), ...p])), text(close)];
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>).slice(0, 50).map((x) => inline(x, depth + 1));
    const more = (v as ArrayLike<unknown>).length > 50 ? [[text(`… ${(v as ArrayLike<unknown>).length - 50} more`)]] : [];
    return list([...items, ...more], '[', ']');
  }
  const entries = Object.entries(v as Record<string, unknown>).slice(0, 30);
  return list(entries.map(([k, x]) => [text(`${k}: `), ...inline(x, depth + 1)]), '{ ', ' }');
}

/**
 * A matrix as an aligned table with its shape: a header "W: 2×2 matrix" (or "2×2 matrix"), then one
 * line per row, each column right-aligned to its widest entry, e.g. "[ 0.1  −0.2 ]".
 */
export function matrixLines(m: MatrixLike, label?: string): OutputLine[] {
  const cells = Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => numberPart(Number(m.data[i * m.cols + j]))));
  const widths = Array.from({ length: m.cols }, (_, j) => Math.max(...cells.map((row) => row[j]!.text.length)));
  const head: OutputLine = { kind: 'text', parts: [text(`${label ? `${label}: ` : ''}${m.rows}×${m.cols} matrix`)] };
  const rows: OutputLine[] = cells.map((row) => ({
    kind: 'text',
    parts: [text('[ '), ...row.flatMap((c, j) => [...(j === 0 ? [] : [text('  ')]), text(' '.repeat(widths[j]! - c.text.length)), c]), text(' ]')],
  }));
  return [head, ...rows];
}

/**
 * What one print(...) call writes: its arguments separated by spaces on one line; a matrix argument gets
 * its own table (a string just before it is its label: print('W', W) → "W: 2×2 matrix").
 */
export function printLines(args: readonly unknown[]): OutputLine[] {
  const out: OutputLine[] = [];
  let parts: Part[] = [];
  const flush = () => { if (parts.length) out.push({ kind: 'text', parts }); parts = []; };
  args.forEach((arg, i) => {
    if (isMatrix(arg)) {
      const prev = parts.at(-1);
      const label = i > 0 && typeof args[i - 1] === 'string' && prev?.text === args[i - 1] ? (parts.pop(), parts.pop(), String(args[i - 1])) : undefined;
      flush();
      out.push(...matrixLines(arg, label));
      return;
    }
    if (parts.length) parts.push(text(' '));
    parts.push(...inline(arg, 0));
  });
  if (parts.length || args.length === 0) out.push({ kind: 'text', parts });
  return out;
}

/** An error as a cell shows it: its name and message, and the line of the reader's code when known. */
export function errorLine(e: unknown, line?: number): OutputLine {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `Thrown: ${String(e)}`;
  return line === undefined ? { kind: 'error', text: message } : { kind: 'error', text: `${message} (line ${line})`, line };
}

/** The text of one output line, as it appears on the page. */
export function lineText(l: OutputLine): string {
  if (l.kind === 'plot') return `[a line chart of ${l.points.length} points]`;
  return l.kind === 'error' ? l.text : l.parts.map((p) => p.text).join('');
}

/**
 * Output under the limits: at most LIMITS.lines lines of at most LIMITS.charsPerLine characters and
 * LIMITS.chars in all; what is cut is said in a last line.
 */
export class OutputBuffer {
  readonly lines: OutputLine[] = [];
  private chars = 0;
  cut = false;

  push(...lines: OutputLine[]): void {
    for (const l of lines) {
      if (this.cut) return;
      const n = l.kind === 'plot' ? 200 : lineText(l).length;   // a plot counts as a few lines' worth
      if (this.lines.length >= LIMITS.lines || this.chars + Math.min(n, LIMITS.charsPerLine) > LIMITS.chars) {
        this.cut = true;
        this.lines.push({ kind: 'error', text: `Output stopped here: a cell prints at most ${LIMITS.lines} lines and ${LIMITS.chars} characters.` });
        return;
      }
      this.chars += Math.min(n, LIMITS.charsPerLine);
      this.lines.push(l.kind !== 'plot' && n > LIMITS.charsPerLine ? { kind: 'text', parts: [text(`${lineText(l).slice(0, LIMITS.charsPerLine)}… (line cut at ${LIMITS.charsPerLine} characters)`)] } : l);
    }
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * The output as HTML, for the build: every line a <span data-line> (errors data-error), every number a
 * <span data-n="full value">. The browser writes the same structure with text nodes (src/cell/dom.ts).
 */
export function outputHtml(lines: readonly OutputLine[]): string {
  return lines.map((l) => l.kind === 'plot' ? `<span data-line data-plot>${plotSvg(l.points)}</span>` : l.kind === 'error'
    ? `<span data-line data-error>${escape(l.text)}</span>`
    : `<span data-line>${l.parts.map((p) => (p.value === undefined ? escape(p.text) : `<span data-n="${p.value}">${escape(p.text)}</span>`)).join('')}</span>`).join('\n');
}
