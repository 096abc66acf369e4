// run.ts — runs a cell's code: a short JavaScript program that sees the engine as `engine` and writes with
// print(...) or console.log(...). The same function runs at build time (Node, the author's code: the output
// in the HTML) and in the cell's Web Worker (the reader's code), so both give the same lines.
// It gives no protection by itself: in the browser, src/cell/worker.ts neuters the worker first.
import { OutputBuffer, errorLine, printLines, type OutputLine } from './format.ts';
import { plotPoints } from './plot.ts';

/** What a cell's code receives besides the engine: print, console.log/info/warn/error as print, and plot. */
const PARAMS = ['engine', 'print', 'console', 'plot'] as const;

// Kept from load: the worker removes the global Function constructor before reader code runs.
const Fn = Function;

/** How many lines the Function constructor puts before the body, measured once (V8 adds two, and "use strict" one). */
let offset: number | undefined;
function lineOffset(): number {
  if (offset === undefined) {
    try { new Fn(...PARAMS, '"use strict";\nthrow new Error()')(); } catch (e) { offset = (stackLine(e) ?? 4) - 1; }
  }
  return offset ?? 3;
}

/** The line in a new Function's source where an error was thrown (the first frame from "<anonymous>"), if any. */
function stackLine(e: unknown): number | undefined {
  const stack = e instanceof Error ? String(e.stack ?? '') : '';
  const m = /<anonymous>:(\d+):\d+/.exec(stack) ?? /Function:(\d+):\d+/.exec(stack);
  return m ? Number(m[1]) : undefined;
}

/**
 * The line of a syntax error: the Function constructor's SyntaxError carries none, so compile longer and
 * longer prefixes of the code; the first one that fails with the same message (not "end of input") holds it.
 */
function syntaxErrorLine(code: string, message: string): number | undefined {
  const lines = code.split('\n');
  for (let k = 1; k <= lines.length; k++) {
    try { new Fn(...PARAMS, lines.slice(0, k).join('\n')); } catch (e) {
      if (e instanceof SyntaxError && e.message === message) return k;
    }
  }
  return undefined;
}

/** The result of running a cell: its output lines, and whether it ended with an error. */
export interface CellResult { readonly lines: readonly OutputLine[]; readonly failed: boolean }

/**
 * Runs `code` with `engine` in scope; never throws: an error becomes the last output line, with its line
 * number. `beforeRun` is called after the code is compiled and before it runs (the worker locks itself down there).
 */
export function runCell(code: string, engine: object, beforeRun?: () => void): CellResult {
  const out = new OutputBuffer();
  const print = (...args: unknown[]) => out.push(...printLines(args));
  const console = Object.freeze({ log: print, info: print, warn: print, error: print });
  // plot(ys) or plot(xs, ys): a line chart (xs default to 0, 1, 2, …).
  const plot = (a: ArrayLike<number>, b?: ArrayLike<number>) => {
    const [xs, ys] = b === undefined ? [Array.from({ length: a.length }, (_, i) => i), a] : [a, b];
    out.push({ kind: 'plot', points: plotPoints(xs, ys) });
  };
  let compiled: (...args: unknown[]) => unknown;
  try {
    // Strict mode: no `with`, no implicit globals, `this` is undefined.
    compiled = new Fn(...PARAMS, `"use strict";\n${code}`) as typeof compiled;
  } catch (e) {
    out.push(errorLine(e, e instanceof SyntaxError ? syntaxErrorLine(code, e.message) : undefined));
    return { lines: out.lines, failed: true };
  }
  const base = lineOffset();
  beforeRun?.();
  try {
    compiled(engine, print, console, plot);
  } catch (e) {
    const at = stackLine(e);
    const line = at === undefined ? undefined : at - base;
    out.push(errorLine(e, line !== undefined && line >= 1 && line <= code.split('\n').length ? line : undefined));
    return { lines: out.lines, failed: true };
  }
  return { lines: out.lines, failed: false };
}
