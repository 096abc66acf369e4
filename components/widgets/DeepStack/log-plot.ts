// log-plot.ts — the deep stack's plot of |δ| per layer on a log scale, pure: a value v is drawn at
// y = log₁₀ v in a plot.ts frame, with ticks at whole powers of ten labelled 10ᵏ. Zeros (a layer no
// gradient reaches) have no logarithm: they sit on the bottom edge, and the model says so in words.
import { fmt } from '../../../src/format/number.ts';
import { sx, sy, type Frame } from '../../../src/kit/plot.ts';

/** The whole decades that hold every positive value, at least two decades tall. */
export function decades(values: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0) { lo = Math.min(lo, Math.log10(v)); hi = Math.max(hi, Math.log10(v)); }
  }
  if (!Number.isFinite(lo)) return [-2, 0];
  let a = Math.floor(lo) + 0, b = Math.ceil(hi) + 0;   // + 0: never −0
  if (b - a < 2) { a = Math.min(a, b - 2); }
  return [a, b];
}

/** The superscript form of a whole number: −3 → "⁻³". */
export function superscript(k: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return (k < 0 ? '⁻' : '') + String(Math.abs(k)).split('').map((d) => digits[Number(d)]).join('');
}

/** log₁₀ v, or the frame's bottom for v = 0. */
export function logOf(f: Frame, v: number): number {
  return v > 0 ? Math.max(Math.log10(v), f.y[0]) : f.y[0];
}

/** Grid lines and labels: layers 1 … depth along x, powers of ten along y (at most 6 labels). */
export function logAxesSvg(f: Frame, depth: number, o: { xLabel: string; yLabel: string }): string {
  const { top, bottom, left, right } = f.margin;
  const x0 = left, x1 = f.width - right, y0 = top, y1 = f.height - bottom;
  const out: string[] = [];
  const every = Math.max(1, Math.ceil((f.y[1] - f.y[0]) / 6));
  for (let k = Math.ceil(f.y[0]); k <= f.y[1]; k++) {
    if ((k - Math.ceil(f.y[0])) % every !== 0) continue;
    const y = sy(f, k);
    out.push(`<line class="grid" x1="${x0}" x2="${x1}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${x0 - 6}" y="${y + 4}" text-anchor="end">10${superscript(k)}</text>`);
  }
  const step = Math.max(1, Math.ceil(depth / 10));
  for (let l = 1; l <= depth; l += step) {
    const x = sx(f, l);
    out.push(`<text class="tick" x="${x}" y="${y1 + 14}" text-anchor="middle">${fmt(l)}</text>`);
  }
  out.push(`<text class="axis-label" x="${x1}" y="${f.height - 4}" text-anchor="end">${o.xLabel}</text>`,
    `<text class="axis-label" x="${x0 + 4}" y="${y0 - 3}">${o.yLabel}</text>`);
  return out.join('');
}
