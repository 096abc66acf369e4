// model.ts — the weight-update widget without the DOM: one gradient-descent step on the one neuron,
// taken after `steps` earlier steps, with every number of it; the loss and the output plotted over the
// steps; Step, 10 steps and Play as pure actions on the step count. The run itself is the session
// (trajectory.ts): it lives between renders and grows one engine step per step taken.
// Used at build time (WeightUpdate.astro: the first frame; the chapter: its numbers and preset links)
// and in the browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/weight-update.test.ts.
//
//   inputs x, w, b, y, α ──session──▶ trajectory (a new one when an input changes: steps → 0)
//   steps k ──compute──▶ step k + 1 in full, the plots of steps 0 … k (+ the step to come)
//     ▲
//     └── Step (+1), 10 steps (+10), Play (+1 a tenth of a second at ×1), all stopping at MAX_STEPS
import { nice } from 'd3-array';
import { lossFloor, oneNeuronDefaults as d, reachableTarget, sigmoidReaches } from '../../../src/engine/examples/one-neuron.ts';
import { fmt } from '../../../src/format/number.ts';
import { num, state, type Values } from '../../../src/kit/params.ts';
import { axesSvg, band, frame, frameAttrs, hLine, plotArea, stepSeries, sy, type Frame } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { path as P } from '../../../src/kit/export-case.ts';
import { trajectory } from './trajectory.ts';

/** The step count stops here. Each step is one engine step, taken once and remembered (trajectory.ts). */
export const MAX_STEPS = 100_000;

/**
 * The loss change −α‖∇L‖² that the first-order picture predicts counts as close to the real change when
 * they differ by at most this fraction of the prediction.
 */
export const PREDICTION_CLOSE = 0.1;

const schema = {
  x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
  // w and b are where gradient descent starts (step 0); the steps move them from there.
  w: num(d.w, { min: -5, max: 5, label: 'Starting weight', symbol: 'w' }),
  b: num(d.b, { min: -5, max: 5, label: 'Starting bias', symbol: 'b' }),
  y: num(d.y, { min: -1, max: 2, label: 'Target', symbol: 'y' }),
  // A log scale: crawling (0.01), steady (10) and overshooting (50 to 100, from about 31 with
  // x = 0.5, y = 0.8) rates are all a short slide apart.
  alpha: num(d.alpha, { min: 0.001, max: 100, scale: 'log', label: 'Learning rate', symbol: 'α' }),
  /** Steps taken with Step, 10 steps or Play; no control of its own, but kept in the URL ("after 12 steps"). */
  steps: state(0, { min: 0, max: MAX_STEPS, label: 'Number of steps taken' }),
};

export type WeightUpdateValues = Values<typeof schema>;

/**
 * The chapter's preset links, as inputs (never derived numbers): a crawl, a steady descent, an
 * overshoot that dies out, one that never settles, and a step that throws z into the sigmoid's flat tail.
 * Two of the overshoots start near the best weights (w = 1, b = 1 gives z = 1.5, near z* = ln 4),
 * so that the oscillation is not hidden behind a long first jump.
 */
export const presets = {
  crawl: { y: reachableTarget, steps: 50 },
  steady: { y: reachableTarget, alpha: 10, steps: 20 },
  damped: { y: reachableTarget, w: 1, b: 1, alpha: 50, steps: 20 },
  zigzag: { y: reachableTarget, w: 1, b: 1, alpha: 70, steps: 30 },
  fling: { y: reachableTarget, alpha: 70, steps: 40 },
} as const satisfies Record<string, Partial<WeightUpdateValues>>;

/** Moves the step count by n, within 0 … MAX_STEPS. */
const stepBy = (n: number) => (v: WeightUpdateValues): WeightUpdateValues => ({ ...v, steps: Math.min(v.steps + n, MAX_STEPS) });

export const weightUpdate = defineWidget({
  name: 'weight-update',
  schema,
  session: (v) => trajectory({ x: v.x, w: v.w, b: v.b, y: v.y, alpha: v.alpha }),
  // (compute comes before announce: TypeScript infers the result's type from the properties in order.)
  compute(v, run) {
    const k = v.steps;
    const r = run.at(k);
    const losses = run.losses(k);
    const lossChange = r.lossNext - r.loss;
    const predictedChange = -v.alpha * (r.dLdw ** 2 + r.dLdb ** 2);
    const floor = lossFloor(v.y);
    return {
      numbers: {
        x: v.x, y: v.y, alpha: v.alpha,
        steps: k, stepNext: k + 1, maxSteps: MAX_STEPS,
        w: r.w, b: r.b, z: r.z, a: r.a, loss: r.loss,
        dLda: r.dLda, dadz: r.dadz, delta: r.delta, dLdw: r.dLdw, dLdb: r.dLdb,
        wNext: r.wNext, bNext: r.bNext, zNext: r.zNext, aNext: r.aNext, lossNext: r.lossNext,
        wChange: r.wNext - r.w, bChange: r.bNext - r.b, aChange: r.aNext - r.a, lossChange, zChange: r.zNext - r.z,
        // ΔL ≈ −α‖∇L‖², the first-order prediction (the chapter's "the loss decreases").
        predictedChange,
        loss0: losses[0]!, lossUps: run.lossUps(k),
        floor,
      },
      flags: {
        unreachable: !sigmoidReaches(v.y),
        floorAboveZero: floor > 0,
        stepped: k > 0,
        atCap: k >= MAX_STEPS,
        // Which way the step moves w and b: Δb = −αδ, Δw = −αδx (α > 0), so the signs of δ and x decide.
        moveBothUp: r.delta < 0 && v.x > 0,
        moveBothDown: r.delta > 0 && v.x > 0,
        moveOpposite: r.delta !== 0 && v.x < 0,
        moveOnlyB: r.delta !== 0 && v.x === 0,
        moveNone: r.delta === 0,
        lossFell: lossChange < 0,
        lossRose: lossChange > 0,
        lossSame: lossChange === 0,
        predictionClose: Math.abs(lossChange - predictedChange) <= PREDICTION_CLOSE * Math.abs(predictedChange),
      },
      ...plots(k, losses, run.outputs(k), run.maxLoss(k), v.y, floor),
    };
  },
  actions: { step: stepBy(1), step10: stepBy(10) },
  // The steps taken belong to the old inputs: a new input starts again from step 0.
  onInput: (next) => ({ ...next, steps: 0 }),
  play: { action: 'step', perSecond: 10, done: (v) => v.steps >= MAX_STEPS },
  announce: (_action, r) => `${r.numbers.steps} ${r.numbers.steps === 1 ? 'step' : 'steps'} taken. The loss is now ${fmt(r.numbers.loss)}.`,
  // Export: the neuron where k steps have brought it, and the step to come (step k + 1).
  vectors: (v, run) => {
    const r = run.at(v.steps);
    return {
      example: 'gradient descent on the one-neuron example (x → w, b → σ → ŷ, L = ½(y − ŷ)²)',
      layers: [{ W: [[r.w]], b: [[r.b]], activation: 'sigmoid' }],
      X: [[v.x]], Y: [[v.y]], loss: 'halfSquaredErrorSum', alpha: v.alpha,
      shown: {
        x: P.x(), y: P.y(), w: P.W(0), b: P.b(0), z: P.z(0), a: P.a(0), loss: P.loss,
        dLda: P.dLdyHat(), dadz: P.dadz(0), delta: P.delta(0), dLdw: P.dLdW(0), dLdb: P.dLdb(0),
        wNext: P.WNext(0), bNext: P.bNext(0), lossNext: P.lossNext,
      },
      notes: [`The parameters are w and b after ${v.steps} ${v.steps === 1 ? 'step' : 'steps'} from the starting weights; the update is step ${v.steps + 1}.`],
    };
  },
});

// --- the plots ------------------------------------------------------------------------------------

// Narrower than the kit's default frame, so that on a phone the labels shrink less; the right margin
// holds the labels of the floor and the target lines, where they never cover the data.
const PLOT = { width: 420, height: 206, margin: { top: 20, right: 48, bottom: 34, left: 50 } };
/** Dots on every step while they fit; beyond that the line alone. */
const DOTS_UP_TO = 60;
/** A long run's line goes through at most this many points (about one per unit of the plot's width). */
const MAX_PLOT_POINTS = 400;

/** The loss plot: from 0 (a loss is never negative) to a round number above the largest loss so far. */
export function lossFrame(k: number, maxLoss: number): Frame {
  return frame({ ...PLOT, x: [0, Math.max(10, k + 1)], y: [0, maxLoss > 0 ? nice(0, maxLoss * 1.05, 4)[1] : 1] });
}

/** The output plot: 0 … 1 (where ŷ lives) and the target, wherever it is. */
export function outputFrame(k: number, y: number): Frame {
  const lo = Math.min(0, y), hi = Math.max(1, y), pad = (hi - lo) * 0.06;
  return frame({ ...PLOT, x: [0, Math.max(10, k + 1)], y: [lo - pad, hi + pad] });
}

/** The shapes of one series over the steps, named "<series>-line", "-dots", "-now", "-next", "-step". */
function series<P extends string>(prefix: P, f: Frame, values: ArrayLike<number>) {
  const s = stepSeries(f, values, DOTS_UP_TO, MAX_PLOT_POINTS);
  return {
    [`${prefix}-line`]: s.line, [`${prefix}-dots`]: s.dots, [`${prefix}-now`]: s.now, [`${prefix}-next`]: s.next, [`${prefix}-step`]: s.step,
  } as Record<`${P}-${'line' | 'dots'}`, { d: string }> & Record<`${P}-${'now' | 'next'}`, { cx: number; cy: number }>
    & Record<`${P}-step`, { x1: number; y1: number; x2: number; y2: number }>;
}

/** A line label in the right margin, level with data y; hidden (SVG visibility) unless shown. */
function marginLabel(f: Frame, y: number, shown = true) {
  return { x: f.width - f.margin.right + 10, y: sy(f, y) + 4, visibility: shown ? 'visible' : 'hidden' };
}

function plots(k: number, losses: ArrayLike<number>, outputs: ArrayLike<number>, maxLoss: number, y: number, floor: number) {
  const lf = lossFrame(k, maxLoss), of = outputFrame(k, y);
  // The floor shows only above 0 (a target the sigmoid cannot reach, like the default y = 1.5). SVG
  // elements have no `hidden` property for data-show-when, so the model sets their visibility.
  const showFloor = floor > 0;
  return {
    shapes: {
      'loss-plot': frameAttrs(lf), 'out-plot': frameAttrs(of), 'plot-area': plotArea(lf),
      ...series('loss', lf, losses),
      ...series('out', of, outputs),
      'loss-floor': { ...hLine(lf, floor), visibility: showFloor ? 'visible' : 'hidden' },
      'loss-floor-label': marginLabel(lf, floor, showFloor),
      'out-target': hLine(of, y),
      'out-target-label': marginLabel(of, y),
      // The bands ŷ can never enter: above 1 and below 0.
      'out-above': band(of, 1, of.y[1]),
      'out-below': band(of, of.y[0], 0),
    },
    markup: {
      lossAxes: axesSvg(lf, { xLabel: 'steps', yLabel: 'loss L', yTicks: 4 }),
      outAxes: axesSvg(of, { xLabel: 'steps', yLabel: 'output ŷ', yTicks: 4 }),
    },
  };
}
