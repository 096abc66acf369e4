// log-axis.ts — a logarithmic x-axis for the kit's plots (plot.ts): the frame's x-range is given in
// log₁₀ units, so sx, linePath and every primitive of plot.ts work unchanged on log₁₀ x, and this file
// draws the decades (1, 10, 100, …) as grid lines with their labels. PURE: numbers in, SVG text out.
// Used where one run makes 1 update an epoch and another 100: on a linear axis one of them would be a
// sliver at the left edge. Tests in tests/unit/kit/log-axis.test.ts pin the exact output.
import { fmt } from '../format/number.ts';
import { sx, type Frame, type Point } from './plot.ts';

/** The whole powers k with 10ᵏ inside [10^lo, 10^hi] (lo, hi in log₁₀ units). */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  // (+ 0: Math.ceil of a hair below 0 is −0; keep it a plain 0.)
  for (let k = Math.ceil(lo - 1e-9) + 0; k <= hi + 1e-9; k++) out.push(k);
  return out;
}

/** 10ᵏ as a tick label: the digits up to 10 000, then 10⁵, 10⁶, … (superscripts, like fmt). */
export function decadeLabel(k: number): string {
  if (k >= 0 && k <= 4) return fmt(10 ** k);
  const sup = String(k).replace(/-/g, '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `10${sup}`;
}

/** Vertical grid lines and labels at the decades of a frame whose x is log₁₀ of the data. */
export function logXTicksSvg(f: Frame): string {
  const y0 = f.margin.top, y1 = f.height - f.margin.bottom;
  return decades(f.x[0], f.x[1]).map((k) => {
    const x = sx(f, k);
    return `<line class="grid" x1="${x}" x2="${x}" y1="${y0}" y2="${y1}"/><text class="tick" x="${x}" y="${y1 + 14}" text-anchor="middle">${decadeLabel(k)}</text>`;
  }).join('');
}

/** Points with x > 0 moved to log₁₀ x (x ≤ 0 has no place on a log axis and is dropped). */
export function logX(points: readonly Point[]): Point[] {
  return points.filter(([x]) => x > 0).map(([x, y]) => [Math.log10(x), y] as const);
}
