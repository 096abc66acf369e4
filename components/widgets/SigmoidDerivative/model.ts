// model.ts — the sigmoid-derivative widget without the DOM: parameters, numbers and plot shapes for
// given x, w, b. Used at build time (SigmoidDerivative.astro) and in the browser (sigmoid-derivative.ts).
import { sigmoid, sigmoidPrime, sigmoidPrimeFromA } from '../../../src/engine/activations.ts';
import { oneNeuron, oneNeuronDefaults } from '../../../src/engine/examples/one-neuron.ts';
import { choice, num, type Values } from '../../../src/state/params.ts';
import { clamp, frame, linePath, sample, sx, sy } from '../../../src/widgets/plot.ts';

const d = oneNeuronDefaults;

export const schema = {
  x: num(d.x, { min: -5, max: 5, step: 0.01, name: 'the input x' }),
  w: num(d.w, { min: -5, max: 5, step: 0.01, name: 'the weight w' }),
  b: num(d.b, { min: -5, max: 5, step: 0.01, name: 'the bias b' }),
  /** Which number a(1 − a) is given: the output a (right) or the pre-activation z (the common bug). */
  form: choice('a', ['a', 'z'], 'the argument of a(1 − a)'),
};

export type SigmoidValues = Values<typeof schema>;

export const plotFrame = frame({ x: [-8, 8], y: [-0.25, 1.05] });

export function compute(v: SigmoidValues) {
  // The neuron's forward pass, by the engine (y and α play no part in σ'(z)).
  const { z, a } = oneNeuron({ ...d, x: v.x, w: v.w, b: v.b });
  const dadz = sigmoidPrimeFromA(a);      // σ'(z) = a(1 − a), from the output a: right
  const dadzFromZ = sigmoidPrime(z);      // σ'(z) computed from z (σ(z)(1 − σ(z))): the same number
  const wrong = sigmoidPrimeFromA(z);     // a(1 − a) applied to z: z(1 − z), the bug
  const numbers = {
    x: v.x, w: v.w, b: v.b, z, a, oneMinusA: 1 - a, dadz, dadzFromZ, wrong, oneMinusZ: 1 - z,
    wrongOffBy: wrong - dadz,
  };
  return { numbers, shapes: shapes(z, a, dadz, wrong), zOffPlot: z < plotFrame.x[0] || z > plotFrame.x[1], wrongShown: v.form === 'z' };
}

/** Static curves: σ and σ' over the plotted range, and z(1 − z) for the bug. */
export const curves = {
  sigma: linePath(plotFrame, sample(plotFrame, sigmoid)),
  sigmaPrime: linePath(plotFrame, sample(plotFrame, sigmoidPrime)),
  wrong: linePath(plotFrame, sample(plotFrame, (t) => t * (1 - t), 240)),
};

function shapes(z: number, a: number, dadz: number, wrong: number) {
  const f = plotFrame;
  const zc = clamp(z, f.x);
  // The tangent to σ at z: the line through (z, a) with slope σ'(z), drawn 2.5 units either side.
  const t0 = z - 2.5, t1 = z + 2.5;
  return {
    tangent: { x1: sx(f, t0), y1: sy(f, a + dadz * (t0 - z)), x2: sx(f, t1), y2: sy(f, a + dadz * (t1 - z)) },
    guide: { x1: sx(f, zc), x2: sx(f, zc), y1: sy(f, f.y[0]), y2: sy(f, f.y[1]) },
    'marker-a': { cx: sx(f, zc), cy: sy(f, a) },
    'marker-dadz': { cx: sx(f, zc), cy: sy(f, dadz) },
    'marker-wrong': { cx: sx(f, zc), cy: sy(f, clamp(wrong, f.y)) },
  };
}
