// model.ts — Mazur's 2-2-2 network trained in the two orders of the update, side by side, without the
// DOM: after k updates, E and the outputs of each; the gradient of layer 1 that each order's next update
// uses, next to central differences at that order's own weights; and E over the updates, on a log scale.
// Used at build time (UpdateOrder.astro: the first frame; the chapter: its presets and numbers) and in
// the browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/update-order.test.ts.
//
//   inputs x₁, x₂, y₁, y₂, α ──session──▶ two runs from the post's weights (a new pair when an input changes)
//   steps k ──compute──▶ both networks after k updates, their next updates, the plot of updates 0 … k
//     ▲
//     └── Step (+1), 100 updates, 1000 updates, Play (+1 a tenth of a second at ×1), all stopping at MAX_STEPS
import { backward, forward } from '../../../src/engine/dense.ts';
import { numericalGradient, relativeError } from '../../../src/engine/gradcheck.ts';
import { halfSquaredErrorSum } from '../../../src/engine/losses.ts';
import type { Network } from '../../../src/engine/network.ts';
import { copyNetwork } from '../../../src/engine/network.ts';
import { mazurData, mazurDefaults as d, mazurRun, updateDuringStep, type MazurParams, type MazurRun } from '../../../src/engine/examples/mazur.ts';
import { fmt } from '../../../src/format/number.ts';
import { num, state, type Values } from '../../../src/kit/params.ts';
import { axesSvg, dot, downsample, frame, frameAttrs, linePath, plotArea, type Frame } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';

/** The step count stops here: twice the post's 10 000 rounds. */
export const MAX_STEPS = 20_000;

const schema = {
  x1: num(d.x[0], { min: -5, max: 5, label: 'Input 1', symbol: 'x₁' }),
  x2: num(d.x[1], { min: -5, max: 5, label: 'Input 2', symbol: 'x₂' }),
  // Targets outside (0, 1) can be typed; a sigmoid output never reaches them.
  y1: num(d.y[0], { min: -1, max: 2, label: 'Target 1', symbol: 'y₁' }),
  y2: num(d.y[1], { min: -1, max: 2, label: 'Target 2', symbol: 'y₂' }),
  // A log scale: the post's 0.5 and the rates where the two orders part visibly (10 to 100) are a short slide apart.
  alpha: num(d.alpha, { min: 0.001, max: 100, scale: 'log', label: 'Learning rate', symbol: 'α' }),
  /** Updates taken with the buttons or Play; kept in the URL, so a link can show "after 10 000 updates". */
  steps: state(0, { min: 0, max: MAX_STEPS, label: 'Number of updates taken' }),
};

export type UpdateOrderValues = Values<typeof schema>;

/** The example with the reader's inputs, targets and α (the post's weights and biases). */
export function paramsOf(v: UpdateOrderValues): MazurParams {
  return { ...d, x: [v.x1, v.x2], y: [v.y1, v.y2], alpha: v.alpha };
}

/** The two runs, from the same start. */
export interface Runs {
  readonly standard: MazurRun;
  readonly updateDuring: MazurRun;
}

/** Significant digits of E and the outputs: enough to see the two orders part at the post's α = 0.5. */
export const VALUE_DIGITS = 9;
/** Significant digits of the gradients: enough to see the wrong order's gradient miss. */
export const GRADIENT_DIGITS = 6;
/**
 * Significant digits of the "worst miss": two. The standard order's miss is the central differences' own
 * error (about 10⁻⁸), whose later digits depend on rounding, so printing four of them would claim too much.
 */
export const MISS_DIGITS = 2;

/** What one network's next update uses and what the true gradient is there. */
function nextUpdate(net: Network, p: MazurParams, order: 'standard' | 'updateDuring') {
  const { X, Y } = mazurData(p);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const delta2 = grads.layers[1]!.delta.data;
  const W2 = net.layers[1]!.W.data;
  // The standard order sends δ⁽²⁾ back through W⁽²⁾ as it is; the wrong order through W⁽²⁾ after its update.
  const during = order === 'updateDuring' ? updateDuringStep(net, X, Y, p.alpha) : null;
  const used = during ? during.dW[0]!.data : grads.layers[0]!.dW.data;
  const W2used = during ? during.next.layers[1]!.W.data : W2;
  const probe = copyNetwork(net);
  const E = () => halfSquaredErrorSum.value(forward(probe, X).yHat, Y);
  const numeric = numericalGradient(E, probe.layers[0]!.W.data, 1e-5);
  const worst = Math.max(...Array.from(used, (g, k) => relativeError(g, numeric[k]!, 1e-9)));
  return {
    E: grads.loss, o1: trace.yHat.data[0]!, o2: trace.yHat.data[1]!,
    g1: used[0]!, n1: numeric[0]!, worst,
    // Hidden unit 1's share of the error, (Wᵀδ⁽²⁾)₁ = w5·δ_o1 + w7·δ_o2, with the W⁽²⁾ this order uses.
    w5: W2used[0]!, w7: W2used[2]!, do1: delta2[0]!, do2: delta2[1]!, back1: W2used[0]! * delta2[0]! + W2used[2]! * delta2[1]!,
  };
}

/** Moves the update count by n, within 0 … MAX_STEPS. */
const stepBy = (n: number) => (v: UpdateOrderValues): UpdateOrderValues => ({ ...v, steps: Math.min(v.steps + n, MAX_STEPS) });

export const updateOrder = defineWidget({
  name: 'update-order',
  schema,
  session: (v): Runs => ({ standard: mazurRun(paramsOf(v), 'standard'), updateDuring: mazurRun(paramsOf(v), 'updateDuring') }),
  compute(v, run) {
    const k = v.steps;
    const p = paramsOf(v);
    const s = nextUpdate(run.standard.network(k), p, 'standard');
    const w = nextUpdate(run.updateDuring.network(k), p, 'updateDuring');
    const prefixed = (prefix: 's' | 'd', r: typeof s) => Object.fromEntries(Object.entries(r).map(([key, x]) => [`${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`, x]));
    return {
      numbers: {
        x1: v.x1, x2: v.x2, y1: v.y1, y2: v.y2, alpha: v.alpha,
        steps: k, stepNext: k + 1, maxSteps: MAX_STEPS,
        ...(prefixed('s', s) as Record<`s${Capitalize<keyof typeof s>}`, number>),
        ...(prefixed('d', w) as Record<`d${Capitalize<keyof typeof w>}`, number>),
        gapE: w.E - s.E,
      },
      flags: {
        stepped: k > 0,
        atCap: k >= MAX_STEPS,
        duringLower: w.E < s.E,
        duringHigher: w.E > s.E,
        sameE: w.E === s.E,
      },
      ...errorPlot(run, k),
    };
  },
  actions: { step: stepBy(1), step100: stepBy(100), step1000: stepBy(1000) },
  // The updates taken belong to the old inputs: a new input starts again from the post's weights.
  onInput: (next) => ({ ...next, steps: 0 }),
  play: { action: 'step', perSecond: 10, done: (v) => v.steps >= MAX_STEPS },
  announce: (_action, r) => `${r.numbers.steps} ${r.numbers.steps === 1 ? 'update' : 'updates'} taken. E is ${fmt(r.numbers.sE, { digits: VALUE_DIGITS })} in the standard order and ${fmt(r.numbers.dE, { digits: VALUE_DIGITS })} in the wrong order.`,
});

// --- the plot of E over the updates, log scale --------------------------------------------------

const PLOT = { width: 420, height: 210, margin: { top: 20, right: 14, bottom: 34, left: 40 } };
/** A long run's lines go through at most this many points (downsample keeps each stretch's extremes). */
const MAX_PLOT_POINTS = 400;

/** x: updates 0 … k (at least 10); y: log₁₀ E from a whole power of ten below the smallest E to one above the largest. */
export function errorFrame(k: number, lo: number, hi: number): Frame {
  const top = Math.ceil(Math.log10(hi)), bottom = Math.floor(Math.log10(lo));
  return frame({ ...PLOT, x: [0, Math.max(10, k)], y: [Math.min(bottom, top - 1), top] });
}

function errorPlot(run: Runs, k: number) {
  const s = run.standard.errors(k), w = run.updateDuring.errors(k);
  let lo = Infinity, hi = 0;
  for (const e of [s, w]) for (let j = 0; j <= k; j++) { lo = Math.min(lo, e[j]!); hi = Math.max(hi, e[j]!); }
  // E = 0 exactly cannot be drawn on a log scale; the smallest positive double stands in for it.
  const f = errorFrame(k, Math.max(lo, Number.MIN_VALUE), Math.max(hi, Number.MIN_VALUE));
  const line = (e: Float64Array) => linePath(f, downsample(e, k + 1, MAX_PLOT_POINTS).map(([j, x]) => [j, Math.log10(Math.max(x, Number.MIN_VALUE))] as const));
  return {
    shapes: {
      'error-plot': frameAttrs(f), 'error-area': plotArea(f),
      'standard-line': { d: line(s) }, 'during-line': { d: line(w) },
      'standard-now': dot(f, k, Math.log10(Math.max(s[k]!, Number.MIN_VALUE))),
      'during-now': dot(f, k, Math.log10(Math.max(w[k]!, Number.MIN_VALUE))),
    },
    markup: { errorAxes: axesSvg(f, { xLabel: 'updates', yLabel: 'log₁₀ E', yTicks: 5 }) },
  };
}
