// model.ts — the widget of two neurons in parallel without the DOM: every number of the derivation for
// the reader's x, the two hidden neurons, the output and y (forward, the deltas, both paths from x and
// their sum, every gradient), when the paths agree, cancel or are cut, and the plot of the sum.
// Used at build time (ParallelNeurons.astro: the first frame; the chapter: its numbers and preset links)
// and in the browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/parallel-neurons.test.ts.
import { sigmoid } from '../../../src/engine/activations.ts';
import { parallel, parallelDefaults as d } from '../../../src/engine/examples/parallel.ts';
import { num } from '../../../src/kit/params.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { path as P } from '../../../src/kit/export-case.ts';
import { sumPlot } from './sum-plot.ts';

const weight = (def: number, label: string, symbol: string) => num(def, { min: -5, max: 5, label, symbol });

/** The book's presets, for the chapter's links and the tests: the same objects. */
export const presets = {
  /** Hidden unit 2 a copy of hidden unit 1, weights out included. */
  twins: { w12: d.w11, b12: d.b11, w22: d.w21 },
  /** W⁽²⁾₂ with the other sign: path 2 brings back the opposite of path 1. */
  opposite: { w22: -d.w22 },
  /** No connection from hidden unit 2 to the output: path 2 carries nothing. */
  cut: { w22: 0 },
  /**
   * Unit 2 mirrors unit 1: its weight in flipped and its bias raised by 2·W⁽¹⁾₁x, so it computes the same z
   * (and slope) from x, and it sends that out through the same weight. The paths then bring back exact
   * opposites, W⁽¹⁾₁δ and −W⁽¹⁾₁δ, and ∂L/∂x = 0 while both hidden deltas are not 0.
   */
  mirror: { w12: -d.w11, b12: d.b11 + 2 * d.w11 * d.x, w22: d.w21 },
} as const;

export const parallelNeurons = defineWidget({
  name: 'parallel-neurons',
  schema: {
    x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
    w11: weight(d.w11, 'Weight into hidden unit 1', 'W⁽¹⁾₁'),
    b11: weight(d.b11, 'Bias of hidden unit 1', 'b⁽¹⁾₁'),
    w12: weight(d.w12, 'Weight into hidden unit 2', 'W⁽¹⁾₂'),
    b12: weight(d.b12, 'Bias of hidden unit 2', 'b⁽¹⁾₂'),
    w21: weight(d.w21, 'Output weight from unit 1', 'W⁽²⁾₁'),
    w22: weight(d.w22, 'Output weight from unit 2', 'W⁽²⁾₂'),
    b2: weight(d.b2, 'Output bias', 'b⁽²⁾'),
    // A sigmoid output lives in (0, 1): targets outside it can be typed, to show that they are never reached.
    y: num(d.y, { min: -2, max: 3, label: 'Target', symbol: 'y' }),
  },
  compute(v) {
    // Forward, backward and ∂L/∂x by the engine's dense network (α plays no part in what is shown).
    const r = parallel({ ...d, ...v });
    const numbers = {
      ...v,
      z11: r.z11, a11: r.a11, z12: r.z12, a12: r.a12, z2: r.z2, a2: r.a2, loss: r.loss,
      // 1 − a from z (σ(−z)), not by subtraction: so a(1 − a) shows two factors that multiply to
      // σ′(z) even when a prints as 1.000 (1 − a would have lost its digits, or be exactly 0).
      oneMinusA11: sigmoid(-r.z11), oneMinusA12: sigmoid(-r.z12), oneMinusA2: sigmoid(-r.z2),
      dLda2: r.dLda2, dadz2: r.dadz2, delta2: r.delta2,
      dLda11: r.dLda11, dadz11: r.dadz11, delta11: r.delta11,
      dLda12: r.dLda12, dadz12: r.dadz12, delta12: r.delta12,
      dLdxPath1: r.dLdxPath1, dLdxPath2: r.dLdxPath2, dLdx: r.dLdx,
      dLdw21: r.dLdw21, dLdw22: r.dLdw22, dLdb2: r.dLdb2,
      dLdw11: r.dLdw11, dLdb11: r.dLdb11, dLdw12: r.dLdw12, dLdb12: r.dLdb12,
    };
    const [p1, p2] = [r.dLdxPath1, r.dLdxPath2];
    const plot = sumPlot(p1, p2);
    return {
      numbers,
      flags: {
        // How the two paths combine at x: same sign (they add up), opposite signs (they cancel, partly
        // or wholly), or one of them carries nothing.
        pathsAgree: p1 * p2 > 0,
        pathsOppose: p1 * p2 < 0,
        pathCut: p1 === 0 || p2 === 0,
        // Hidden unit 2 a copy of hidden unit 1, weights out included: the same deltas, for ever.
        twins: v.w11 === v.w12 && v.b11 === v.b12 && v.w21 === v.w22,
        // Which way each hidden neuron is asked to move its z (for the chapter worked with the reader's numbers).
        deltasOpposite: r.delta11 * r.delta12 < 0,
      },
      shapes: plot.shapes,
      markup: plot.markup,
    };
  },
  // Export: the 1→2→1 sigmoid network on one sample, summed ½(y − ŷ)², the book's α. (∂L/∂x is not
  // in the vectors: the engine's backward pass stops at the first layer's weights.)
  vectors: (v) => ({
    example: 'two neurons in parallel (x → two hidden sigmoids → one output sigmoid → ŷ, L = ½(y − ŷ)²)',
    layers: [
      { W: [[v.w11], [v.w12]], b: [[v.b11], [v.b12]], activation: 'sigmoid' },
      { W: [[v.w21, v.w22]], b: [[v.b2]], activation: 'sigmoid' },
    ],
    X: [[v.x]], Y: [[v.y]], loss: 'halfSquaredErrorSum', alpha: d.alpha,
    shown: {
      x: P.x(), y: P.y(), w11: P.W(0, 0), b11: P.b(0, 0), w12: P.W(0, 1), b12: P.b(0, 1),
      w21: P.W(1, 0, 0), w22: P.W(1, 0, 1), b2: P.b(1),
      z11: P.z(0, 0), a11: P.a(0, 0), z12: P.z(0, 1), a12: P.a(0, 1), z2: P.z(1), a2: P.a(1), loss: P.loss,
      dLda2: P.dLdyHat(), dadz2: P.dadz(1), delta2: P.delta(1),
      dadz11: P.dadz(0, 0), delta11: P.delta(0, 0), dadz12: P.dadz(0, 1), delta12: P.delta(0, 1),
      dLdw21: P.dLdW(1, 0, 0), dLdw22: P.dLdW(1, 0, 1), dLdb2: P.dLdb(1),
      dLdw11: P.dLdW(0, 0), dLdb11: P.dLdb(0, 0), dLdw12: P.dLdW(0, 1), dLdb12: P.dLdb(0, 1),
    },
    notes: [`This widget has no learning rate: the update uses the book's α = ${d.alpha}.`],
  }),
});
