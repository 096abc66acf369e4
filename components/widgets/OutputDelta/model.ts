// model.ts — the output-delta widget without the DOM: δ = (a − y)·σ'(z) for the reader's x, w, b, y,
// the curve of δ over z for this target, and when to warn about saturation or an unreachable target.
import { sigmoid, sigmoidPrime } from '../../../src/engine/activations.ts';
import { oneNeuron, oneNeuronDefaults } from '../../../src/engine/examples/one-neuron.ts';
import { halfSquaredError } from '../../../src/engine/losses.ts';
import { num, type Values } from '../../../src/state/params.ts';
import { clamp, frame, linePath, sample, sx, sy, type Frame } from '../../../src/widgets/plot.ts';

const d = oneNeuronDefaults;

export const schema = {
  x: num(d.x, { min: -5, max: 5, step: 0.01, name: 'the input x' }),
  w: num(d.w, { min: -10, max: 10, step: 0.01, name: 'the weight w' }),
  b: num(d.b, { min: -5, max: 5, step: 0.01, name: 'the bias b' }),
  y: num(d.y, { min: -2, max: 3, step: 0.01, name: 'the target y' }),
};

export type DeltaValues = Values<typeof schema>;

/** Below this slope the neuron counts as saturated: δ is less than 1/25 of what the error alone says. */
export const SATURATED = 0.01;

const Z_RANGE = [-8, 8] as const;

/** δ(z) = (σ(z) − y)·σ'(z) for a fixed target: the curve the widget plots. */
const deltaAt = (y: number) => (z: number): number => (sigmoid(z) - y) * sigmoidPrime(z);

/** A frame whose y-range fits δ over the plotted z-range for this target, with 0 always in view. */
export function plotFrame(y: number): Frame {
  const values = sample(frame({ x: Z_RANGE, y: [0, 1] }), deltaAt(y), 160).map(([, v]) => v);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.12 || 0.05;
  return frame({ x: Z_RANGE, y: [lo - pad, hi + pad], height: 220, margin: { top: 12, right: 14, bottom: 34, left: 54 } });
}

export function compute(v: DeltaValues) {
  const r = oneNeuron({ ...d, x: v.x, w: v.w, b: v.b, y: v.y });
  // The best loss a sigmoid can reach for this target: 0 inside (0, 1), else at the nearer end.
  const reachable = v.y > 0 && v.y < 1;
  const lossFloor = halfSquaredError(v.y >= 1 ? 1 : 0, v.y);
  const numbers = {
    x: v.x, w: v.w, b: v.b, y: v.y, z: r.z, a: r.a, dLda: r.dLda, dadz: r.sigmoidPrimeZ, oneMinusA: 1 - r.a,
    delta: r.delta, dLdw: r.dLdw, dLdb: r.dLdb, lossFloor,
  };
  const f = plotFrame(v.y);
  const zc = clamp(r.z, f.x);
  const shapes = {
    curve: { d: linePath(f, sample(f, deltaAt(v.y), 200)) },
    marker: { cx: sx(f, zc), cy: sy(f, deltaAt(v.y)(zc)) },
    guide: { x1: sx(f, zc), x2: sx(f, zc), y1: sy(f, f.y[0]), y2: sy(f, f.y[1]) },
  };
  return { numbers, shapes, frame: f, saturated: r.sigmoidPrimeZ < SATURATED, reachable, zOffPlot: r.z !== zc };
}
