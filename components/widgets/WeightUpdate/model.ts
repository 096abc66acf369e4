// model.ts — the weight-update widget without the DOM: parameters, the numbers of one gradient-descent
// step taken after `steps` earlier steps, and the two plots (loss and output over the steps).
// Used at build time (WeightUpdate.astro, the chapter's preset links) and in the browser (weight-update.ts).
import { nice } from 'd3-array';
import { sigmoid } from '../../../src/engine/activations.ts';
import { oneNeuron, oneNeuronDefaults, oneNeuronSteps, reachableTarget } from '../../../src/engine/examples/one-neuron.ts';
import { halfSquaredError } from '../../../src/engine/losses.ts';
import { num, type Values } from '../../../src/state/params.ts';
import { axesSvg, frame, linePath, sx, sy, type Frame, type Point } from '../../../src/widgets/plot.ts';

const d = oneNeuronDefaults;

/** The Step buttons stop here: a few hundred steps are cheap, thousands would make every keystroke slow. */
export const MAX_STEPS = 500;

export const schema = {
  x: num(d.x, { min: -5, max: 5, step: 0.01, name: 'the input x' }),
  // w and b are where gradient descent starts (step 0); the steps move them from there.
  w: num(d.w, { min: -5, max: 5, step: 0.01, name: 'the starting weight w' }),
  b: num(d.b, { min: -5, max: 5, step: 0.01, name: 'the starting bias b' }),
  y: num(d.y, { min: -1, max: 2, step: 0.01, name: 'the target y' }),
  // Up to 100, so that overshooting (from about 31 with x = 0.5, y = 0.8) is in reach; a step of 0.1
  // keeps the default on the slider's grid and lets arrow keys make small changes.
  alpha: num(d.alpha, { min: 0, max: 100, step: 0.1, name: 'the learning rate α' }),
  /** Steps taken with the Step buttons; no control of its own, but kept in the URL ("after 12 steps"). */
  steps: num(0, { min: 0, max: MAX_STEPS, step: 1, name: 'the number of steps taken', integer: true, control: false }),
};

export type WeightUpdateValues = Values<typeof schema>;

/** A target the sigmoid can reach (0 < y < 1), for the chapter's links about the learning rate. */
export const REACHABLE_Y = reachableTarget;

/**
 * The chapter's preset links, as inputs (never derived numbers): a crawl, a steady descent, an
 * overshoot that dies out, one that never settles, and a step that throws z into the sigmoid's flat tail.
 * The last three but one start near the best weights (w = 1, b = 1 gives z = 1.5, near z* = ln 4),
 * so that the oscillation is not hidden behind a long first jump.
 */
export const presets = {
  crawl: { y: REACHABLE_Y, steps: 50 },
  steady: { y: REACHABLE_Y, alpha: 10, steps: 20 },
  damped: { y: REACHABLE_Y, w: 1, b: 1, alpha: 50, steps: 20 },
  zigzag: { y: REACHABLE_Y, w: 1, b: 1, alpha: 70, steps: 30 },
  fling: { y: REACHABLE_Y, alpha: 70, steps: 40 },
} as const satisfies Record<string, Partial<WeightUpdateValues>>;

/** Rises of the loss smaller than this are rounding noise near a minimum, not overshoot. */
const RISE_TOLERANCE = 1e-12;

/**
 * The lowest loss the neuron can approach: ŷ = σ(z) stays strictly between 0 and 1, so a target
 * outside that interval leaves a gap of at least y − 1 (or −y). Null when the target is reachable.
 */
export function lossFloor(y: number): number | null {
  if (y > 1) return halfSquaredError(1, y);
  if (y < 0) return halfSquaredError(0, y);
  return null;
}

export function compute(v: WeightUpdateValues) {
  const params = { x: v.x, w: v.w, b: v.b, y: v.y, alpha: v.alpha };
  const k = v.steps;
  // The steps taken so far (k + 1 entries, entry 0 the start), then the next step in full detail.
  const path = oneNeuronSteps(params, k);
  const now = path[k]!;
  const r = oneNeuron({ ...params, w: now.w, b: now.b });
  const losses = [...path.map((p) => p.loss), r.lossNext];
  // ŷ after each step, for the output plot (the same σ(wx + b) the engine's forward pass computes).
  const outputs = [...path.map((p) => sigmoid(p.w * v.x + p.b)), r.aNext];
  let lossUps = 0;
  for (let j = 1; j <= k; j++) if (losses[j]! > losses[j - 1]! + RISE_TOLERANCE) lossUps++;
  const floor = lossFloor(v.y);

  const numbers = {
    x: v.x, y: v.y, alpha: v.alpha,
    steps: k, stepNext: k + 1,
    w: now.w, b: now.b, z: r.z, a: r.a, loss: r.loss,
    dLda: r.dLda, dadz: r.dadz, delta: r.delta, dLdw: r.dLdw, dLdb: r.dLdb,
    wNext: r.wNext, bNext: r.bNext, zNext: r.zNext, aNext: r.aNext, lossNext: r.lossNext,
    wChange: r.wNext - now.w, bChange: r.bNext - now.b, aChange: r.aNext - r.a, lossChange: r.lossNext - r.loss,
    loss0: path[0]!.loss, lossUps,
    floor: floor ?? 0,
  };
  return {
    numbers,
    plots: plots(losses, outputs, v.y, floor),
    unreachable: floor !== null,
    atCap: k >= MAX_STEPS,
    stepped: k > 0,
  };
}

// --- the plots ------------------------------------------------------------------------------------

// Narrower than the kit's default frame, so that on a phone the labels shrink less; the right margin
// holds the labels of the floor and the target lines, where they never cover the data.
const PLOT = { width: 420, height: 200, margin: { top: 12, right: 48, bottom: 34, left: 50 } };
/** Dots on every step while they fit; beyond that the line alone. */
const DOTS_UP_TO = 60;

/** Loss (or ŷ) after step j, for j = 0 … k + 1; the last point is the step not yet taken. */
function plots(losses: number[], outputs: number[], y: number, floor: number | null) {
  const k = losses.length - 2;
  const xMax = Math.max(10, k + 1);
  // The loss plot always starts at 0 (a loss is never negative), and its top adapts to the data.
  const top = Math.max(...losses);
  const lossFrame = frame({ ...PLOT, x: [0, xMax], y: [0, top > 0 ? nice(0, top * 1.05, 4)[1] : 1] });
  // The output plot shows 0…1 (where ŷ lives) and the target, wherever it is.
  const lo = Math.min(0, y), hi = Math.max(1, y), pad = (hi - lo) * 0.06;
  const outFrame = frame({ ...PLOT, x: [0, xMax], y: [lo - pad, hi + pad] });
  return {
    lossAxes: axesSvg(lossFrame, { xLabel: 'steps', yLabel: 'loss L', yTicks: 4 }),
    outAxes: axesSvg(outFrame, { xLabel: 'steps', yLabel: 'output ŷ', yTicks: 4 }),
    shapes: {
      ...series('loss', lossFrame, losses),
      ...series('out', outFrame, outputs),
      'loss-floor': hLine(lossFrame, floor ?? 0),
      'out-target': hLine(outFrame, y),
      // The bands ŷ can never enter: above 1 and below 0.
      'out-above': band(outFrame, 1, outFrame.y[1]),
      'out-below': band(outFrame, outFrame.y[0], 0),
      'loss-floor-label': { x: lossFrame.width - lossFrame.margin.right + 10, y: sy(lossFrame, floor ?? 0) + 4 },
      'out-target-label': { x: outFrame.width - outFrame.margin.right + 10, y: sy(outFrame, y) + 4 },
    },
  };
}

/** The shapes of one plotted series, named "<series>-line" etc. for writeShapes. */
type Series<N extends string> =
  Record<`${N}-line` | `${N}-dots`, { d: string }> &
  Record<`${N}-now` | `${N}-next`, { cx: number; cy: number }> &
  Record<`${N}-step`, { x1: number; y1: number; x2: number; y2: number }>;

/** The path through steps 0…k, a dot on each, the current point and a dashed segment to the next. */
function series<N extends string>(name: N, f: Frame, values: number[]): Series<N> {
  const k = values.length - 2;
  const points: Point[] = values.slice(0, k + 1).map((v, j) => [j, v]);
  const [nowX, nowY] = [sx(f, k), sy(f, values[k]!)];
  const [nextX, nextY] = [sx(f, k + 1), sy(f, values[k + 1]!)];
  return {
    [`${name}-line`]: { d: linePath(f, points) },
    [`${name}-dots`]: { d: k + 1 <= DOTS_UP_TO ? points.map(([j, v]) => dot(sx(f, j), sy(f, v), 2.4)).join('') : '' },
    [`${name}-now`]: { cx: nowX, cy: nowY },
    [`${name}-next`]: { cx: nextX, cy: nextY },
    [`${name}-step`]: { x1: nowX, y1: nowY, x2: nextX, y2: nextY },
  } as Series<N>;
}

function dot(cx: number, cy: number, r: number): string {
  return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

function hLine(f: Frame, value: number) {
  const y = sy(f, value);
  return { x1: f.margin.left, x2: f.width - f.margin.right, y1: y, y2: y };
}

function band(f: Frame, from: number, to: number) {
  const [top, bottom] = [sy(f, Math.max(from, to)), sy(f, Math.min(from, to))];
  return { x: f.margin.left, y: top, width: f.width - f.margin.left - f.margin.right, height: Math.max(0, bottom - top) };
}

/** The frames' fixed size, for the .astro file's clip paths and viewBoxes. */
export const plotSize = PLOT;
