// model.ts — the loss explorer without the DOM: for the reader's output ŷ and target y, every loss the
// chapter compares (½(y − ŷ)², (y − ŷ)², binary cross-entropy, and the bare error y − ŷ that is not a
// loss), each with ∂L/∂ŷ and δ for a sigmoid output, as numbers and as curves over ŷ ∈ [0, 1]; the
// picked loss worked out. Binary cross-entropy is refused where it is not defined (0 ≤ y ≤ 1 and
// 0 < ŷ < 1): picked, the engine's DomainError reaches the kit, which says so and keeps the last
// numbers; not picked, its cells say "not defined" and its option is disabled.
// Used at build time (LossExplorer.astro: the first frame, the chapter's preset links) and in the
// browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/loss-explorer.test.ts.
import { binaryCrossEntropyProblem } from '../../../src/engine/cross-entropy.ts';
import { oneSampleDefaults as d, sampleLoss, type SampleLoss, type SampleLossName } from '../../../src/engine/examples/two-samples.ts';
import { lossFloor, sigmoidReaches } from '../../../src/engine/examples/one-neuron.ts';
import { markHtml } from '../../../src/format/names.ts';
import { choice, num } from '../../../src/kit/params.ts';
import { axesSvg, clamp, dot, frame, frameAttrs, linePath, vLine, type Frame, type Point } from '../../../src/kit/plot.ts';
import { defineWidget, type Attrs } from '../../../src/kit/widget.ts';

/** The losses, in the order of the table and the legend: the reader's name (URL), the engine's, a short key. */
export const LOSSES = [
  { value: 'half', engine: 'halfSquaredError', key: 'Half' },
  { value: 'squared', engine: 'squaredError', key: 'Squared' },
  { value: 'cross-entropy', engine: 'binaryCrossEntropy', key: 'Bce' },
  { value: 'error', engine: 'error', key: 'Error' },
] as const satisfies readonly { value: string; engine: SampleLossName; key: string }[];

export type LossChoice = (typeof LOSSES)[number]['value'];
type Key = (typeof LOSSES)[number]['key'];

const YHAT_RANGE = [0, 1] as const;
/** Samples per curve over ŷ ∈ [0, 1]. */
const SAMPLES = 200;
/** How far up (loss) and out (gradient) a plot grows to keep cross-entropy's marker in view. */
const LOSS_CAP = 6;
const GRAD_CAP = 12;

const size = { height: 236, margin: { top: 20, right: 14, bottom: 34, left: 50 } };

/** The ŷ at which the curves are sampled: the ends for the squared losses, strictly inside for cross-entropy. */
const grid = (open: boolean): number[] => Array.from({ length: SAMPLES + 1 }, (_, i) => i / SAMPLES).filter((t) => !open || (t > 0 && t < 1));

/** Whether cross-entropy accepts the target y (asked at ŷ = ½, which it always accepts: the engine's one rule). */
const targetIsProbability = (y: number): boolean => binaryCrossEntropyProblem(0.5, y) === null;

interface Curves { readonly loss: Point[]; readonly grad: Point[] }

/** One loss's curves: (ŷ, L) and (ŷ, ∂L/∂ŷ), or none where it is not defined for this y. */
function curvesOf(engine: SampleLossName, y: number): Curves {
  if (engine === 'binaryCrossEntropy' && !targetIsProbability(y)) return { loss: [], grad: [] };
  const at = grid(engine === 'binaryCrossEntropy').map((t) => [t, sampleLoss(engine, t, y)] as const);
  return { loss: at.map(([t, r]) => [t, r.loss] as const), grad: at.map(([t, r]) => [t, r.dLdyHat] as const) };
}

/**
 * Every loss's curves for the target y. They depend on y alone, so while the reader drags ŷ the last
 * ones are reused (a cache of one: compute stays a pure function of the values).
 */
let lastCurves: { y: number; curves: Record<Key, Curves> } | null = null;
function curvesFor(y: number): Record<Key, Curves> {
  if (lastCurves?.y !== y) lastCurves = { y, curves: Object.fromEntries(LOSSES.map((l) => [l.key, curvesOf(l.engine, y)])) as Record<Key, Curves> };
  return lastCurves.curves;
}

/** A frame over ŷ ∈ [0, 1] whose height fits the values (and 0), padded a little. */
function fitFrame(values: readonly number[]): Frame {
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.08 || 0.5;
  return frame({ x: YHAT_RANGE, y: [lo - pad, hi + pad], ...size });
}

/** The values a plot must show: every point of the squared losses and the error, and cross-entropy's marker (capped). */
function plotValues(curves: Record<Key, Point[]>, bceNow: number | null, cap: number): number[] {
  const out = [...curves.Half, ...curves.Squared, ...curves.Error].map(([, v]) => v);
  if (bceNow !== null) out.push(clamp(bceNow, [-cap, cap]));
  return out;
}

export const lossExplorer = defineWidget({
  name: 'loss-explorer',
  schema: {
    yHat: num(d.yHat, { min: 0, max: 1, label: 'Output', symbol: 'ŷ' }),
    // Targets outside [0, 1] can be set: the book's are 1.5 and 2, which cross-entropy refuses.
    y: num(d.y, { min: -1, max: 2.5, label: 'Target', symbol: 'y' }),
    loss: choice('half', [
      { value: 'half', label: '½(y − ŷ)², the book’s' },
      { value: 'squared', label: '(y − ŷ)², without the ½' },
      { value: 'cross-entropy', label: 'Binary cross-entropy', disableWhen: 'bceUndefined' },
      { value: 'error', label: 'y − ŷ, no square (not a loss)' },
    ], { label: 'Loss to work out' }),
  },
  compute(v) {
    const picked = LOSSES.find((l) => l.value === v.loss)!;
    // The picked loss first: if it cannot be computed (cross-entropy outside its domain), the engine's
    // DomainError stops the frame here, and the kit shows its message.
    const worked = sampleLoss(picked.engine, v.yHat, v.y);
    const bceProblem = binaryCrossEntropyProblem(v.yHat, v.y);
    const half = sampleLoss('halfSquaredError', v.yHat, v.y);
    const squared = sampleLoss('squaredError', v.yHat, v.y);
    const error = sampleLoss('error', v.yHat, v.y);
    const bce = bceProblem === null ? sampleLoss('binaryCrossEntropy', v.yHat, v.y) : null;
    const rows: Record<Key, SampleLoss | null> = { Half: half, Squared: squared, Bce: bce, Error: error };
    // Cross-entropy's cells are markup: its marked numbers where it is defined, words where it is not.
    const bceNumbers = bce ? { lossBce: bce.loss, gradBce: bce.dLdyHat, deltaBce: bce.delta } : null;
    const cell = (name: keyof NonNullable<typeof bceNumbers>): string =>
      (bceNumbers ? markHtml({ name, value: bceNumbers[name] }) : '<span class="not-defined">not defined</span>');

    const curves = curvesFor(v.y);
    const lossFrame = fitFrame(plotValues(mapCurves(curves, 'loss'), bce?.loss ?? null, LOSS_CAP));
    const gradFrame = fitFrame(plotValues(mapCurves(curves, 'grad'), bce?.dLdyHat ?? null, GRAD_CAP));

    const shapes: Record<string, Attrs> = {
      'loss-plot': frameAttrs(lossFrame),
      'grad-plot': frameAttrs(gradFrame),
      'loss-guide': vLine(lossFrame, v.yHat),
      'grad-guide': vLine(gradFrame, v.yHat),
      'loss-target': vLine(lossFrame, clamp(v.y, YHAT_RANGE)),
    };
    for (const { key, value } of LOSSES) {
      const r = rows[key];
      const isPicked = String(value === v.loss);
      shapes[`loss-${value}`] = { d: linePath(lossFrame, curves[key].loss), 'data-picked': isPicked };
      shapes[`grad-${value}`] = { d: linePath(gradFrame, curves[key].grad), 'data-picked': isPicked };
      // Markers sit on their curves at ŷ (at the plot's edge when off it); an undefined loss's markers
      // are hidden (flag bceUndefined) but still need a place.
      shapes[`loss-${value}-marker`] = { ...dot(lossFrame, v.yHat, clamp(r?.loss ?? 0, lossFrame.y)), 'data-picked': isPicked };
      shapes[`grad-${value}-marker`] = { ...dot(gradFrame, v.yHat, clamp(r?.dLdyHat ?? 0, gradFrame.y)), 'data-picked': isPicked };
    }

    return {
      numbers: {
        yHat: v.yHat, y: v.y,
        err: v.y - v.yHat, gap: v.yHat - v.y,
        oneMinusY: 1 - v.y, oneMinusYHat: 1 - v.yHat,
        slope: v.yHat * (1 - v.yHat),
        lossHalf: half.loss, gradHalf: half.dLdyHat, deltaHalf: half.delta,
        lossSquared: squared.loss, gradSquared: squared.dLdyHat, deltaSquared: squared.delta,
        lossError: error.loss, gradError: error.dLdyHat, deltaError: error.delta,
        ...bceNumbers,
        // The picked loss, for its worked derivation.
        loss: worked.loss, dLdyHat: worked.dLdyHat, delta: worked.delta,
        lossFloor: lossFloor(v.y),
      },
      flags: {
        pickHalf: v.loss === 'half', pickSquared: v.loss === 'squared', pickBce: v.loss === 'cross-entropy', pickError: v.loss === 'error',
        bceUndefined: bce === null,
        bceBadTarget: !targetIsProbability(v.y),
        bceBadOutput: targetIsProbability(v.y) && bce === null,
        bceOffPlot: bce !== null && (Math.abs(bce.loss) > LOSS_CAP || Math.abs(bce.dLdyHat) > GRAD_CAP),
        pushUp: worked.dLdyHat < 0, pushDown: worked.dLdyHat > 0, atRest: worked.dLdyHat === 0,
        pastTarget: v.yHat > v.y,
        targetOnPlot: v.y >= 0 && v.y <= 1,
        unreachable: !sigmoidReaches(v.y),
        floorAboveZero: lossFloor(v.y) > 0,
      },
      shapes,
      markup: {
        lossAxes: axesSvg(lossFrame, { xLabel: 'ŷ', yLabel: 'L' }),
        gradAxes: axesSvg(gradFrame, { xLabel: 'ŷ', yLabel: '∂L/∂ŷ' }),
        lossBce: cell('lossBce'), gradBce: cell('gradBce'), deltaBce: cell('deltaBce'),
      },
    };
  },
});

function mapCurves(curves: Record<Key, Curves>, which: 'loss' | 'grad'): Record<Key, Point[]> {
  return Object.fromEntries(Object.entries(curves).map(([k, c]) => [k, c[which]])) as Record<Key, Point[]>;
}
