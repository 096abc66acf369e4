// model.ts — the hidden-delta widget without the DOM: two sigmoid neurons in a row, every number of
// the derivation (forward, the error flowing back, the four gradients), and the diagram's shapes that
// move: a bar under each error signal, and a smaller font for numbers too long for their box.
// Used at build time (HiddenDelta.astro: the first frame; the chapter: its numbers and preset links)
// and in the browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/hidden-delta.test.ts.
import { sigmoid } from '../../../src/engine/activations.ts';
import { twoNeuronDefaults as d, twoNeurons } from '../../../src/engine/examples/two-neurons.ts';
import { fmt } from '../../../src/format/number.ts';
import { num } from '../../../src/kit/params.ts';
import { defineWidget, type Attrs } from '../../../src/kit/widget.ts';
import { path as P } from '../../../src/kit/export-case.ts';
import { backward, barGeometry, factors, valueFont, type BackName, type FactorName } from './layout.ts';

export const hiddenDelta = defineWidget({
  name: 'hidden-delta',
  schema: {
    x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
    w1: num(d.w1, { min: -5, max: 5, label: 'Weight', symbol: 'w⁽¹⁾' }),
    b1: num(d.b1, { min: -5, max: 5, label: 'Bias', symbol: 'b⁽¹⁾' }),
    w2: num(d.w2, { min: -5, max: 5, label: 'Weight', symbol: 'w⁽²⁾' }),
    b2: num(d.b2, { min: -5, max: 5, label: 'Bias', symbol: 'b⁽²⁾' }),
    // A sigmoid output lives in (0, 1): targets outside it can be typed, to show that they are never reached.
    y: num(d.y, { min: -2, max: 3, label: 'Target', symbol: 'y' }),
  },
  compute(v) {
    // Forward and backward pass by the engine's dense network (α plays no part in the gradients).
    const r = twoNeurons({ ...d, ...v });
    const numbers = {
      x: v.x, w1: v.w1, b1: v.b1, w2: v.w2, b2: v.b2, y: v.y,
      z1: r.z1, a1: r.a1, z2: r.z2, a2: r.a2, loss: r.loss,
      // 1 − a from z (σ(−z)), not by subtraction: so a(1 − a) shows two factors that multiply to
      // σ′(z) even when a prints as 1.000 (1 − a would have lost its digits, or be exactly 0).
      oneMinusA1: sigmoid(-r.z1), oneMinusA2: sigmoid(-r.z2),
      dLda2: r.dLda2, dadz2: r.dadz2, delta2: r.delta2,
      // The one product the engine does not report on its own: the error that reaches a⁽¹⁾,
      // ∂L/∂a⁽¹⁾ = δ⁽²⁾·w⁽²⁾, the third factor of the chain applied to the first two.
      dLda1: r.delta2 * v.w2,
      dadz1: r.dadz1, delta1: r.delta1,
      dLdw2: r.dLdw2, dLdb2: r.dLdb2, dLdw1: r.dLdw1, dLdb1: r.dLdb1,
      // How much one step back scales the delta: δ⁽¹⁾ = δ⁽²⁾ · (w⁽²⁾σ′(z⁽¹⁾)).
      shrink: v.w2 * r.dadz1,
    };
    return { numbers, shapes: { ...bars(numbers), ...fits(numbers) } };
  },
  // Export: two sigmoid neurons in a row, a 1→1→1 network on one sample, summed ½(y − ŷ)², the book's α.
  vectors: (v) => ({
    example: 'two neurons in a row (x → w⁽¹⁾, b⁽¹⁾ → σ → w⁽²⁾, b⁽²⁾ → σ → ŷ, L = ½(y − ŷ)²)',
    layers: [
      { W: [[v.w1]], b: [[v.b1]], activation: 'sigmoid' },
      { W: [[v.w2]], b: [[v.b2]], activation: 'sigmoid' },
    ],
    X: [[v.x]], Y: [[v.y]], loss: 'halfSquaredErrorSum', alpha: d.alpha,
    shown: {
      x: P.x(), w1: P.W(0), b1: P.b(0), w2: P.W(1), b2: P.b(1), y: P.y(),
      z1: P.z(0), a1: P.a(0), z2: P.z(1), a2: P.a(1), loss: P.loss,
      dLda2: P.dLdyHat(), dadz2: P.dadz(1), delta2: P.delta(1), dadz1: P.dadz(0), delta1: P.delta(0),
      dLdw2: P.dLdW(1), dLdb2: P.dLdb(1), dLdw1: P.dLdW(0), dLdb1: P.dLdb(0),
    },
    notes: [`This widget has no learning rate: the update uses the book's α = ${d.alpha}.`],
  }),
});

type Numbers = Readonly<Record<BackName | FactorName, number>>;

/**
 * A bar under each backward value, as long as |value| relative to the largest of the four, so the
 * shrinking (or growing) of the error on its way back can be seen at a glance. Width in SVG units,
 * out of a track of barGeometry.width.
 */
export function bars(n: Numbers): Record<`bar-${BackName}`, Attrs> {
  const largest = Math.max(...backward.map((q) => Math.abs(n[q.name])));
  const out: Partial<Record<`bar-${BackName}`, Attrs>> = {};
  for (const q of backward) {
    const share = largest > 0 ? Math.abs(n[q.name]) / largest : 0;
    // At least a sliver, so a tiny but non-zero error is still drawn.
    const width = share > 0 ? Math.max(share * barGeometry.width, 1) : 0;
    out[`bar-${q.name}`] = { width: Math.round(width * 100) / 100 };
  }
  return out as Record<`bar-${BackName}`, Attrs>;
}

/**
 * Long numbers (5.124×10⁻¹³) are drawn smaller so that they stay inside their pill: a font size per
 * number, from its printed length (a digit is about 0.6 em wide in the diagram's sans-serif font).
 */
export function fits(n: Numbers): Record<`fit-${BackName | FactorName}`, Attrs> {
  const out: Partial<Record<`fit-${BackName | FactorName}`, Attrs>> = {};
  for (const { name } of [...backward, ...factors]) {
    const size = Math.min(valueFont.size, valueFont.room / (0.6 * fmt(n[name]).length));
    out[`fit-${name}`] = { style: `font-size: ${Math.round(size * 10) / 10}px` };
  }
  return out as Record<`fit-${BackName | FactorName}`, Attrs>;
}
