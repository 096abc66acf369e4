// The hidden-delta widget's model, against chapter 4's closed forms (tests/fixtures/oracle.ts, which does
// not use the engine): every number it shows, 1 − a kept honest where a rounds to 1, the bars, the font
// fits, and the chapter's preset links.
import { describe, expect, test } from 'vitest';
import { hiddenDelta as model } from '../../../components/widgets/HiddenDelta/model';
import { barGeometry, valueFont } from '../../../components/widgets/HiddenDelta/layout';
import { fmt } from '../../../src/format/number';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { oneMinusSigma, TWO_NEURONS, twoNeurons } from '../../fixtures/oracle';

const at = (v: Partial<typeof model.defaults>) => model.compute({ ...model.defaults, ...v }, undefined);

/** |got − want| relative to |want| (absolute below 1e-300, where there is nothing to be relative to). */
const relErr = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

function expectOracle(inputs: Partial<typeof TWO_NEURONS>): void {
  const want = twoNeurons({ ...TWO_NEURONS, ...inputs });
  const got = at(inputs).numbers;
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [k, v] of Object.entries(want)) {
    const g = got[k as keyof typeof got];
    // Zero stays exactly zero (w⁽²⁾ = 0 cuts the chain; −0 prints as 0); anything else agrees to 12 digits.
    if (v === 0) expect(g + 0, k).toBe(0);
    else expect(relErr(g, v), `${k}: ${g} vs ${v}`).toBeLessThan(1e-12);
  }
}

describe('the hidden-delta model', () => {
  test('defaults are the running example x = 0.5, w⁽¹⁾ = 0.3, b⁽¹⁾ = 0.1, w⁽²⁾ = 0.5, b⁽²⁾ = −0.2, y = 1.5', () => {
    expect(model.defaults).toEqual(TWO_NEURONS);
  });

  test('compute(running example) gives δ⁽²⁾ = (a⁽²⁾ − y)σ′(z⁽²⁾), δ⁽¹⁾ = δ⁽²⁾w⁽²⁾σ′(z⁽¹⁾) and the four gradients, under the engine’s names', () => {
    expectOracle({});
    const n = at({}).numbers;
    // Printed as the chapter prints them (so a formatter change shows up here too).
    expect([fmt(n.delta2), fmt(n.dLda1), fmt(n.delta1), fmt(n.shrink)]).toEqual(['−0.2445', '−0.1223', '−0.03009', '0.1231']);
  });

  test('compute(…) matches the closed forms across the inputs, signs and a target out of reach', () => {
    for (const inputs of [{ w2: 5 }, { w1: 5, w2: 5 }, { y: 0.5 }, { w2: 0 }, { w2: -2 }, { x: -3, w1: -1.5, b1: 0.7, w2: 3, b2: -1, y: 0.8 }, { y: -2 }, { y: 3 }]) {
      expectOracle(inputs);
    }
  });

  test('w⁽²⁾ = 0 cuts the chain: ∂L/∂a⁽¹⁾, δ⁽¹⁾ and neuron 1’s gradients are exactly 0', () => {
    const n = at({ w2: 0 }).numbers;
    expect([n.dLda1, n.delta1, n.dLdw1, n.dLdb1, n.shrink].map((v) => v + 0)).toEqual([0, 0, 0, 0, 0]);
    expect(n.delta2).toBeLessThan(0);
  });

  test('a saturated neuron 1 (x = 5, w⁽¹⁾ = 5): a⁽¹⁾ prints 1.000, and 1 − a⁽¹⁾ is computed from z, so a⁽¹⁾·(1 − a⁽¹⁾) multiplies to σ′(z⁽¹⁾)', () => {
    const n = at({ x: 5, w1: 5 }).numbers;
    expect(n.z1).toBeCloseTo(25.1, 12);
    expect(fmt(n.a1)).toBe('1.000');
    expect(relErr(n.oneMinusA1, oneMinusSigma(25.1))).toBeLessThan(1e-12);
    expect(relErr(n.a1 * n.oneMinusA1, n.dadz1)).toBeLessThan(1e-12);
    // What the subtraction would have shown: 1 − a⁽¹⁾ with only a few of its digits left.
    expect(relErr(1 - n.a1, oneMinusSigma(25.1))).toBeGreaterThan(1e-9);
    // At the edge of the box (z⁽¹⁾ = 30) it is still a number, never 0.
    const edge = at({ x: 5, w1: 5, b1: 5 }).numbers;
    expect(relErr(edge.oneMinusA1, oneMinusSigma(30))).toBeLessThan(1e-12);
  });

  test('the bars: each is |value| / max |value| of its track; the largest fills it, zero has none, a tiny one a sliver', () => {
    const bar = (r: ReturnType<typeof at>, name: 'dLda2' | 'delta2' | 'dLda1' | 'delta1') => r.shapes[`bar-${name}`].width as number;
    for (const inputs of [{}, { w2: 5 }, { y: 0.5 }, { w2: -2 }]) {
      const o = twoNeurons({ ...TWO_NEURONS, ...inputs });
      const r = at(inputs);
      const sizes = { dLda2: o.dLda2, delta2: o.delta2, dLda1: o.dLda1, delta1: o.delta1 };
      const largest = Math.max(...Object.values(sizes).map(Math.abs));
      for (const [name, v] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
        expect(bar(r, name), `${name} for ${JSON.stringify(inputs)}`).toBeCloseTo(Math.max((Math.abs(v) / largest) * barGeometry.width, 1), 2);
      }
      expect(Math.max(...(['dLda2', 'delta2', 'dLda1', 'delta1'] as const).map((q) => bar(r, q)))).toBe(barGeometry.width);
    }
    expect(bar(at({ w2: 0 }), 'delta1')).toBe(0);
    expect(bar(at({ w2: 0.01 }), 'dLda1')).toBe(1);
  });

  test('long numbers are drawn smaller so they fit their box; short ones at the full size', () => {
    const fontSize = (r: ReturnType<typeof at>, name: string) => Number(/font-size: ([\d.]+)px/.exec(String(r.shapes[name as keyof typeof r.shapes].style))![1]);
    const plain = at({});
    for (const name of ['dLda2', 'delta2', 'dLda1', 'delta1', 'dadz2', 'w2', 'dadz1']) expect(fontSize(plain, `fit-${name}`)).toBe(valueFont.size);
    const tiny = at({ x: 5, w1: 5, b1: 5 });
    const printed = fmt(tiny.numbers.dadz1);
    expect(printed).toMatch(/×10⁻¹⁴$/);
    const size = fontSize(tiny, 'fit-dadz1');
    expect(size).toBeLessThan(valueFont.size);
    expect(0.6 * printed.length * size).toBeLessThanOrEqual(valueFont.room + 0.1);
  });

  test('every corner of the input box gives a result that can be shown (finite numbers, clean shapes)', () => {
    const keys = ['x', 'w1', 'b1', 'w2', 'b2', 'y'] as const;
    for (let corner = 0; corner < 2 ** keys.length; corner++) {
      const v = Object.fromEntries(keys.map((k, i) => [k, (corner >> i) & 1 ? model.schema[k].max : model.schema[k].min]));
      expect(() => checkResult(at(v))).not.toThrow();
    }
  });

  test('the chapter’s preset links are checked against the schema', () => {
    expect(presetHref(model, 'hd1', { w2: 5 })).toBe('?hd1.w2=5#hd1');
    expect(presetHref(model, 'hd1', { w1: 5, w2: 5 })).toBe('?hd1.w1=5&hd1.w2=5#hd1');
    expect(presetHref(model, 'hd1', { y: 0.5 })).toBe('?hd1.y=0.5#hd1');
    expect(presetHref(model, 'hd1', { w2: 0 })).toBe('?hd1.w2=0#hd1');
    expect(presetHref(model, 'hd1', { w2: -2 })).toBe('?hd1.w2=-2#hd1');
    expect(() => presetHref(model, 'hd1', { w2: 6 })).toThrow(/outside the range/);
  });
});
