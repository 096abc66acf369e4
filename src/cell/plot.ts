// plot.ts — a cell's plot(xs, ys): a line chart drawn with the book's plot code (src/kit/plot.ts), as SVG
// markup made only from numbers (no text from the cell's code goes into it), at build time and in the page.
import { axesSvg, frame, frameAttrs, linePath, type Point } from '../kit/plot.ts';
import { fmt } from '../format/number.ts';

/** Most points a plot keeps (the rest of a longer series is dropped, evenly). */
export const MAX_POINTS = 2_000;

/** The finite points of a series, at most MAX_POINTS of them, evenly spaced through it. */
export function plotPoints(xs: ArrayLike<number>, ys: ArrayLike<number>): Point[] {
  const n = Math.min(xs.length, ys.length);
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: Point[] = [];
  for (let i = 0; i < n; i += step) {
    const x = Number(xs[i]), y = Number(ys[i]);
    if (Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
  }
  return out;
}

function span(values: number[]): [number, number] {
  const lo = Math.min(...values), hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/**
 * The chart as SVG markup: axes with the book's ticks, the line, and an aria-label saying what it shows.
 * Its frame (data units) is on data-frame, as on every plot of the book.
 */
export function plotSvg(points: readonly Point[]): string {
  if (points.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" class="plot cell-plot" role="img" aria-label="An empty plot: no finite points" viewBox="0 0 460 60"></svg>';
  const f = frame({ x: span(points.map((p) => p[0])), y: span(points.map((p) => p[1])) });
  const a = frameAttrs(f);
  const label = `A line through ${points.length} points: x from ${fmt(f.x[0])} to ${fmt(f.x[1])}, y from ${fmt(f.y[0])} to ${fmt(f.y[1])}`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="plot cell-plot" role="img" aria-label="${attr(label)}" viewBox="${a.viewBox}" data-frame="${attr(a['data-frame'])}">`
    + `${axesSvg(f, { xLabel: 'x', yLabel: 'y' })}<path class="curve" d="${linePath(f, points)}"/></svg>`;
}
