// sum-plot.ts — the two paths' contributions to ∂L/∂x added like vectors on a number line: path 1's
// bar from 0 to p₁, path 2's from p₁ to p₁ + p₂, and the sum's from 0 to p₁ + p₂, so a reader sees at
// once whether the paths reinforce or cancel. PURE: bars in SVG units from data units (src/kit/plot.ts).
import { axesSvg, frame, frameAttrs, sx, sy, type Frame } from '../../../src/kit/plot.ts';

/** The three rows, top to bottom, by the y of their centres in data units. */
export const rows = [
  { key: 'path1', label: 'path 1', y: 2.5 },
  { key: 'path2', label: 'path 2', y: 1.5 },
  { key: 'sum', label: '∂L/∂x', y: 0.5 },
] as const;

/** Half a bar's height, in rows. */
const HALF = 0.3;

/** The number line's range: every end of a bar (0, p₁, p₁ + p₂) in view, with a margin; [−1, 1] if all are 0. */
export function sumFrame(p1: number, p2: number): Frame {
  const ends = [0, p1, p1 + p2];
  const lo = Math.min(...ends), hi = Math.max(...ends);
  const pad = (hi - lo) * 0.12;
  const x: [number, number] = hi > lo ? [lo - pad, hi + pad] : [-1, 1];
  return frame({ x, y: [0, 3], width: 340, height: 118, margin: { top: 6, right: 14, bottom: 34, left: 58 } });
}

/** A horizontal bar between data x = from and x = to, in row `y`. */
function bar(f: Frame, from: number, to: number, y: number): { x: number; y: number; width: number; height: number } {
  const left = sx(f, Math.min(from, to)), right = sx(f, Math.max(from, to));
  const top = sy(f, y + HALF), bottom = sy(f, y - HALF);
  return { x: left, y: top, width: Math.round((right - left) * 100) / 100, height: Math.round((bottom - top) * 100) / 100 };
}

/** Everything the plot draws for the contributions p₁ (path 1) and p₂ (path 2). */
export function sumPlot(p1: number, p2: number) {
  const f = sumFrame(p1, p2);
  const [r1, r2, r3] = rows;
  const s = p1 + p2;
  return {
    shapes: {
      sumPlot: frameAttrs(f),
      'bar-path1': bar(f, 0, p1, r1.y),
      'bar-path2': bar(f, p1, s, r2.y),
      'bar-sum': bar(f, 0, s, r3.y),
      // Dashed guides: path 2 starts where path 1 ends, and the sum ends where path 2 does.
      'join-1': { x1: sx(f, p1), x2: sx(f, p1), y1: sy(f, r1.y - HALF), y2: sy(f, r2.y + HALF) },
      'join-2': { x1: sx(f, s), x2: sx(f, s), y1: sy(f, r2.y - HALF), y2: sy(f, r3.y + HALF) },
    },
    markup: { sumAxes: axesSvg(f, { xLabel: 'added up at x', yLabel: '', yTicks: 0, xTicks: 3 }) },
  };
}

/** Where the row labels go (left margin), in SVG units: fixed, since the rows do not move. */
export function rowLabels(): { label: string; x: number; y: number }[] {
  const f = sumFrame(0, 0);
  return rows.map((r) => ({ label: r.label, x: f.margin.left - 8, y: sy(f, r.y) + 4 }));
}
