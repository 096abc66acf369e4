// numbers.ts — reading the book's marked numbers (data-v) from a page and comparing them with an oracle,
// at the precision shown, through the same formatter the site uses (src/format/number.ts).
import { expect, type Locator } from '@playwright/test';
import { fmt, type NumberStyle } from '../../src/format/number';

const SUPERSCRIPTS: Record<string, string> = { '⁻': '−', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** KaTeX prints 10^{-7} as "10−7" in text; the formatter prints "10⁻⁷". Compare them as one. */
export function canonical(text: string): string {
  return text.replace(/\s+/g, '').replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPTS[c] ?? c);
}

export interface Marked { name: string; style: string; text: string; digits?: number }

/**
 * Every marked number in scope, shown or not (hidden notes and screen-reader text are kept up to date
 * too), in HTML, MathML and SVG; `outside` excludes marks inside matching elements (e.g. widgets).
 */
export async function readMarked(scope: Locator, outside?: string): Promise<Marked[]> {
  // A chapter's exercises (<bp-exercises>) show numbers of their own variant, checked against their own
  // oracle by tests/e2e/exercises/: a scope around a chapter leaves them out, a scope inside them reads them.
  const inExercises = await scope.evaluateAll((els) => els.some((el) => el.closest('bp-exercises') !== null));
  const skip = [outside, inExercises ? null : 'bp-exercises'].filter(Boolean).join(', ') || null;
  return scope.locator('[data-v]').evaluateAll((els, outsideSel) => els
    .filter((el) => !outsideSel || !el.closest(outsideSel))
    .map((el) => {
      const digits = el.getAttribute('data-digits');
      return { name: el.getAttribute('data-v') ?? '', style: el.getAttribute('data-style') ?? 'plain', text: el.textContent ?? '', ...(digits === null ? {} : { digits: Number(digits) }) };
    }),
  skip);
}

/**
 * Every marked number in scope equals the oracle's value for its name, as the formatter shows it (to the
 * mark's data-digits when it has them);
 * a number the oracle does not know fails too (so nothing on the page goes unchecked).
 * Retries until the page has caught up (widgets render on the next animation frame).
 */
export async function expectNumbers(scope: Locator, oracle: Readonly<Record<string, number>>, options: { outside?: string; atLeast?: number } = {}): Promise<void> {
  await expect(async () => {
    const marked = await readMarked(scope, options.outside);
    expect(marked.length, 'marked numbers found').toBeGreaterThanOrEqual(options.atLeast ?? 1);
    const wrong = marked.flatMap(({ name, style, text, digits }) => {
      const value = oracle[name];
      if (value === undefined) return [`${name}: no expected value for “${text}”`];
      const want = fmt(value, digits === undefined ? { style: style as NumberStyle } : { style: style as NumberStyle, digits });
      return canonical(text) === canonical(want) ? [] : [`${name}: page shows “${text}”, derivation gives “${want}”`];
    });
    expect(wrong).toEqual([]);
  }).toPass({ timeout: 5_000 });
}

/**
 * Every "symbol = number" pair (<Q>) in scope reads, as a screen reader reads it (the MathML), the
 * symbol and the value the oracle gives for its name: `{ dadz: ['σ′(z)', 0.235] }`. A pair the oracle
 * does not know fails too.
 */
export async function expectPairs(scope: Locator, oracle: Readonly<Record<string, readonly [string, number]>>, options: { outside?: string; atLeast?: number } = {}): Promise<void> {
  await expect(async () => {
    const pairs = await scope.locator('.q').evaluateAll((els, outsideSel) => els
      .filter((el) => !outsideSel || !el.closest(outsideSel))
      .map((el) => ({ name: el.getAttribute('data-q') ?? '', style: el.querySelector('[data-v]')?.getAttribute('data-style') ?? 'plain', text: el.querySelector('.katex-mathml')?.textContent ?? '' })),
    options.outside ?? null);
    expect(pairs.length, 'symbol = number pairs found').toBeGreaterThanOrEqual(options.atLeast ?? 1);
    const wrong = pairs.flatMap(({ name, style, text }) => {
      const want = oracle[name];
      if (!want) return [`${name}: no expected pair for “${text}”`];
      const expected = `${want[0]}=${fmt(want[1], { style: style as NumberStyle })}`;
      return canonical(text) === canonical(expected) ? [] : [`${name}: page reads “${text}”, derivation gives “${expected}”`];
    });
    expect(wrong).toEqual([]);
  }).toPass({ timeout: 5_000 });
}

/** The frame of a plot (its data-frame attribute), to read shapes back in data units. */
export interface PlotFrame { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] }

export async function plotFrame(svg: Locator): Promise<PlotFrame> {
  return JSON.parse((await svg.getAttribute('data-frame')) ?? 'null') as PlotFrame;
}

/** SVG units → data units. */
export function toData(f: PlotFrame, px: number, py: number): [number, number] {
  const [top, right, bottom, left] = f.margin;
  return [
    f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]),
    f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0]),
  ];
}
