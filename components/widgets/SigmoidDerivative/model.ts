// model.ts — the sigmoid-derivative widget without the DOM: for the reader's x, w and b, the neuron's
// z and a = σ(z), the slope σ′(z) from the output (a(1 − a)) and from z, the tangent to σ at z, and
// the common bug of handing a(1 − a) the pre-activation z. Used at build time (SigmoidDerivative.astro:
// the first frame, the chapter's preset link) and in the browser (painted by <bp-widget>).
// Unit-tested in tests/unit/widgets/sigmoid-derivative.test.ts.
import { sigmoid, sigmoidPrime, sigmoidPrimeFromA } from '../../../src/engine/activations.ts';
import { oneNeuron, oneNeuronDefaults as d } from '../../../src/engine/examples/one-neuron.ts';
import { num, toggle } from '../../../src/kit/params.ts';
import { clamp, dot, frame, frameAttrs, linePath, sample, tangent, vLine } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';

export const plotFrame = frame({ x: [-8, 8], y: [-0.25, 1.05] });

/** How far the tangent reaches either side of z, in units of z. */
const TANGENT_HALF = 2.5;

/** The curves that never change: σ and σ′ over the plotted range, and z(1 − z), what the bug computes. */
export const curves = {
  sigma: linePath(plotFrame, sample(plotFrame, sigmoid)),
  sigmaPrime: linePath(plotFrame, sample(plotFrame, sigmoidPrime)),
  wrong: linePath(plotFrame, sample(plotFrame, sigmoidPrimeFromA, 240)),
};

export const sigmoidDerivative = defineWidget({
  name: 'sigmoid-derivative',
  schema: {
    x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
    w: num(d.w, { min: -5, max: 5, label: 'Weight', symbol: 'w' }),
    b: num(d.b, { min: -5, max: 5, label: 'Bias', symbol: 'b' }),
    bug: toggle(false, { label: 'Apply a(1 − a) to z instead of a (the common bug)' }),
  },
  compute(v) {
    // The neuron's forward pass and slope, by the engine (y and α play no part in σ′(z)).
    const { z, a, dadz } = oneNeuron({ ...d, x: v.x, w: v.w, b: v.b });
    // 1 − a from z, as σ(−z): where a rounds to 1, 1 − a computed by subtraction would lose every
    // digit and a(1 − a) would print as 1(1 − 1). So the two shown factors multiply to the shown product.
    const oneMinusA = sigmoid(-z);
    const wrong = sigmoidPrimeFromA(z);   // a(1 − a) handed z: z(1 − z), the bug
    const f = plotFrame;
    const zc = clamp(z, f.x);
    return {
      numbers: {
        x: v.x, w: v.w, b: v.b, z, a, oneMinusA,
        dadzFromA: a * oneMinusA,   // σ′(z) = a(1 − a), from the output a
        dadz,                       // σ′(z) by the engine, from z: e^(−z)/(1 + e^(−z))²
        wrong, oneMinusZ: 1 - z, wrongOffBy: wrong - dadz,
      },
      flags: { bug: v.bug, offPlot: z !== zc },
      shapes: {
        plot: frameAttrs(f),
        // The tangent to σ at the neuron's z (off the plot when z is; the clip path hides it there).
        tangent: tangent(f, z, a, dadz, TANGENT_HALF),
        guide: vLine(f, zc),
        markerA: dot(f, zc, a),
        markerDadz: dot(f, zc, dadz),
        markerWrong: dot(f, zc, clamp(wrong, f.y)),
      },
    };
  },
});
