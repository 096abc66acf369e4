// views.ts — the XOR trainer's two pictures as pure functions: the loss curve(s) over the epochs (on a
// linear or a log axis) and the decision boundary, ŷ over the input square [−0.5, 1.5]², as heat-map
// pixels for the canvas and as SVG rectangles for the HTML of the first frame and for print.
// PURE: no DOM; the kit's plot.ts and heatmap.ts do the drawing arithmetic.
import { ticks } from 'd3-array';
import { forward } from '../../../src/engine/dense.ts';
import { fromRows } from '../../../src/engine/matrix.ts';
import type { Network } from '../../../src/engine/network.ts';
import { fmt } from '../../../src/format/number.ts';
import { diverging, heatmapImage, heatmapSvg, type Grid, type HeatmapImage } from '../../../src/kit/heatmap.ts';
import { axesSvg, downsample, frame, linePath, sx, sy, type Frame, type Point } from '../../../src/kit/plot.ts';

// --- the loss curve -------------------------------------------------------------------------------

const LOSS_PLOT = { width: 440, height: 230, margin: { top: 22, right: 14, bottom: 34, left: 52 } };
/** A long run is drawn through at most this many points (the kit's downsample keeps each run's extremes). */
const MAX_POINTS = 400;
/** The log axis never goes below this (a loss of 0 has no logarithm). */
export const LOG_FLOOR = 1e-8;

/**
 * The loss plot's frame: x over 0 … the longest run's epochs, y from 0 to a round number above the
 * largest loss (linear), or over whole powers of ten around the losses (log: y in units of log₁₀ L).
 */
export function lossFrame(epochs: number, losses: readonly ArrayLike<number>[], log: boolean): Frame {
  let lo = Infinity, hi = 0;
  for (const h of losses) for (let k = 0; k < h.length; k++) { lo = Math.min(lo, h[k]!); hi = Math.max(hi, h[k]!); }
  if (!(hi > 0)) { lo = 0.1; hi = 1; }
  if (log) {
    const top = Math.ceil(Math.log10(hi)) + 0; // (+ 0: never −0)
    const bottom = Math.min(top - 1, Math.floor(Math.log10(Math.max(lo, LOG_FLOOR)))) + 0;
    return frame({ ...LOSS_PLOT, x: [0, epochs], y: [bottom, top] });
  }
  const top = ticks(0, hi * 1.05, 4);
  return frame({ ...LOSS_PLOT, x: [0, epochs], y: [0, Math.max(top[top.length - 1]! < hi ? hi * 1.05 : top[top.length - 1]!, 1e-12)] });
}

/** The points (epoch, loss) of a history: entry e is the loss measured during epoch e + 1, drawn at x = e + 1. */
function points(history: ArrayLike<number>, log: boolean): Point[] {
  const raw = downsample(history, history.length, MAX_POINTS);
  return raw.map(([e, L]) => [e + 1, log ? Math.log10(Math.max(L, LOG_FLOOR)) : L] as const);
}

/** The path of one loss curve in the frame. */
export function lossPath(f: Frame, history: ArrayLike<number>, log: boolean): string {
  return history.length === 0 ? '' : linePath(f, points(history, log));
}

const SUP: Readonly<Record<string, string>> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** "10⁻³" for k = −3: a tick label of the log axis. */
export function powerOfTen(k: number): string {
  return `10${[...String(k)].map((c) => SUP[c] ?? c).join('')}`;
}

/** The loss plot's axes: the kit's on a linear axis; on a log axis, grid lines and labels at whole powers of ten. */
export function lossAxes(f: Frame, log: boolean): string {
  if (!log) return axesSvg(f, { xLabel: 'epochs', yLabel: 'loss L', yTicks: 4, xTicks: 5 });
  // The kit's axes for x only (no y ticks, and no line at log₁₀ L = 0, which is no axis), then our own y ticks.
  const base = axesSvg(f, { xLabel: 'epochs', yLabel: 'loss L (log scale)', yTicks: 0, xTicks: 5 });
  const x0 = f.margin.left, x1 = f.width - f.margin.right;
  const [k0, k1] = f.y;
  const step = Math.max(1, Math.ceil((k1 - k0) / 5));
  const out: string[] = [];
  for (let k = k1; k >= k0; k -= step) {
    const y = sy(f, k);
    out.push(`<line class="grid" x1="${x0}" x2="${x1}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${x0 - 6}" y="${y + 4}" text-anchor="end">${powerOfTen(k)}</text>`);
  }
  return base.replace(/<line class="axis"[^>]*\/>/g, '') + out.join('');
}

/** A marker at the latest epoch of a run (nothing to mark at epoch 0). */
export function lastPoint(f: Frame, history: ArrayLike<number>, log: boolean): { cx: number; cy: number; visibility: string } {
  if (history.length === 0) return { cx: sx(f, 0), cy: sy(f, f.y[0]), visibility: 'hidden' };
  const L = history[history.length - 1]!;
  const y = log ? Math.log10(Math.max(L, LOG_FLOOR)) : L;
  return { cx: sx(f, history.length), cy: sy(f, Math.min(Math.max(y, f.y[0]), f.y[1])), visibility: 'visible' };
}

// --- the decision boundary ------------------------------------------------------------------------

/** The input square the boundary is drawn over: [−0.5, 1.5]², the four samples well inside. */
export const SQUARE = [-0.5, 1.5] as const;
/** The heat plot's SVG box (viewBox units) and margins, square so that x₁ and x₂ have the same scale. */
export const HEAT_PLOT = { width: 300, height: 300, margin: { top: 14, right: 14, bottom: 36, left: 40 } };
/** The heat plot's frame: [−0.5, 1.5]² in data units. */
export const heatFrame: Frame = frame({ ...HEAT_PLOT, x: SQUARE, y: SQUARE });

/** Cells per side on the canvas (painted every frame) and in the build-time SVG (in the HTML). */
export const CANVAS_CELLS = 48;
export const SVG_CELLS = 24;

/** The grid's inputs as one batch (2 × cells², one point per column, row 0 at the top), made once per size. */
const batches = new Map<number, ReturnType<typeof fromRows>>();
function gridBatch(cells: number) {
  let X = batches.get(cells);
  if (!X) {
    const x1: number[] = [], x2: number[] = [];
    const [lo, hi] = SQUARE;
    for (let r = 0; r < cells; r++) {
      for (let c = 0; c < cells; c++) {
        x1.push(lo + ((c + 0.5) / cells) * (hi - lo));
        x2.push(hi - ((r + 0.5) / cells) * (hi - lo));
      }
    }
    X = fromRows([x1, x2]);
    batches.set(cells, X);
  }
  return X;
}

/** ŷ at the centre of every cell of the square (the network's output, one forward pass on the whole grid). */
export function boundaryGrid(net: Network, cells: number): Grid {
  return { cols: cells, rows: cells, values: forward(net, gridBatch(cells)).yHat.data };
}

/** ŷ = 0 → blue, ½ → a light grey, 1 → orange (the sample markers use the same two colours). */
const colour = diverging([33, 102, 172], [236, 236, 236], [214, 96, 39]);

/** The boundary as heat-map pixels (cells × cells), ŷ coloured by the scale above. */
export function boundaryImage(net: Network, cells = CANVAS_CELLS): HeatmapImage {
  return heatmapImage(boundaryGrid(net, cells), [0, 1], colour);
}

/** The same picture as SVG rectangles (the first frame in the HTML, and print without JavaScript). */
export function boundarySvg(net: Network, cells = SVG_CELLS): string {
  return heatmapSvg(boundaryImage(net, cells), heatFrame);
}

/** Where the canvas sits over the heat plot's SVG, in percent of the SVG's box (CSS left/top/width/height). */
export function canvasBox(f: Frame = heatFrame): string {
  const m = f.margin, pct = (v: number, of: number) => `${fmt((100 * v) / of, { digits: 6 })}%`;
  return `left:${pct(m.left, f.width)};top:${pct(m.top, f.height)};width:${pct(f.width - m.left - m.right, f.width)};height:${pct(f.height - m.top - m.bottom, f.height)}`;
}

/** The heat plot's axes: x₁ and x₂ over the square. */
export function heatAxes(): string {
  return axesSvg(heatFrame, { xLabel: 'x₁', yLabel: 'x₂', xTicks: 4, yTicks: 4 });
}

/** The four samples' positions in the heat plot's SVG units. */
export function samplePositions(): { cx: number; cy: number }[] {
  return [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ cx: sx(heatFrame, a!), cy: sy(heatFrame, b!) }));
}
