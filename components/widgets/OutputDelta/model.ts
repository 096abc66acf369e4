// model.ts — the output-delta widget without the DOM: δ = (a − y)·σ'(z) for the reader's x, w, b, y,
// the curve of δ over z for this target, and when to warn about saturation or an unreachable target.
// Used at build time (OutputDelta.astro: the first frame, the chapter's preset links) and in the
// browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/output-delta.test.ts.
import { sigmoid, sigmoidPrime } from '../../../src/engine/activations.ts';
import { lossFloor, oneNeuron, oneNeuronDefaults as d, SATURATED_SLOPE, sigmoidReaches } from '../../../src/engine/examples/one-neuron.ts';
import { num } from '../../../src/kit/params.ts';
import { axesSvg, clamp, dot, frame, frameAttrs, linePath, sample, vLine, type Frame } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { path as P } from '../../../src/kit/export-case.ts';

const Z_RANGE = [-8, 8] as const;

/** δ(z) = (σ(z) − y)·σ'(z) for a fixed target: the curve the widget plots. */
const deltaAt = (y: number) => (z: number): number => (sigmoid(z) - y) * sigmoidPrime(z);

/** A frame whose y-range fits δ over the plotted z-range for this target, with 0 always in view. */
export function plotFrame(y: number): Frame {
  const values = sample(frame({ x: Z_RANGE, y: [0, 1] }), deltaAt(y), 160).map(([, v]) => v);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.12 || 0.05;
  return frame({ x: Z_RANGE, y: [lo - pad, hi + pad], height: 228, margin: { top: 20, right: 14, bottom: 34, left: 54 } });
}

export const outputDelta = defineWidget({
  name: 'output-delta',
  schema: {
    x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
    w: num(d.w, { min: -10, max: 10, label: 'Weight', symbol: 'w' }),
    b: num(d.b, { min: -5, max: 5, label: 'Bias', symbol: 'b' }),
    // Targets outside (0, 1) can be typed, to show that a sigmoid never reaches them.
    y: num(d.y, { min: -2, max: 3, label: 'Target', symbol: 'y' }),
  },
  compute(v) {
    const r = oneNeuron({ ...d, ...v });
    const f = plotFrame(v.y);
    const zc = clamp(r.z, f.x);
    return {
      numbers: {
        x: v.x, w: v.w, b: v.b, y: v.y,
        z: r.z, a: r.a, dLda: r.dLda, dadz: r.dadz, delta: r.delta, dLdw: r.dLdw, dLdb: r.dLdb,
        // 1 − a from z (σ(−z)), so that a(1 − a) shows its two factors honestly even when a rounds to 1.
        oneMinusA: sigmoid(-r.z),
        lossFloor: lossFloor(v.y),
      },
      flags: {
        offPlot: r.z !== zc,
        saturated: r.dadz < SATURATED_SLOPE,
        unreachable: !sigmoidReaches(v.y),
        floorAboveZero: lossFloor(v.y) > 0,
        // For the chapter's prose worked with the reader's numbers: which way δ points.
        deltaNegative: r.delta < 0,
      },
      shapes: {
        plot: frameAttrs(f),
        curve: { d: linePath(f, sample(f, deltaAt(v.y), 200)) },
        marker: dot(f, zc, deltaAt(v.y)(zc)),
        guide: vLine(f, zc),
      },
      markup: { axes: axesSvg(f, { xLabel: 'z', yLabel: 'δ' }) },
    };
  },
  // Export: the neuron as a 1→1 sigmoid network on one sample, summed ½(y − ŷ)², the book's α.
  vectors: (v) => ({
    example: 'the one-neuron example (x → w, b → σ → ŷ, L = ½(y − ŷ)²)',
    layers: [{ W: [[v.w]], b: [[v.b]], activation: 'sigmoid' }],
    X: [[v.x]], Y: [[v.y]], loss: 'halfSquaredErrorSum', alpha: d.alpha,
    shown: {
      x: P.x(), w: P.W(0), b: P.b(0), y: P.y(), z: P.z(0), a: P.a(0), dLda: P.dLdyHat(), dadz: P.dadz(0),
      delta: P.delta(0), dLdw: P.dLdW(0), dLdb: P.dLdb(0),
    },
    notes: [`This widget has no learning rate: the update uses the book's α = ${d.alpha}.`],
  }),
});
