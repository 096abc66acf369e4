// The two-neurons-in-parallel example against chapter 7's closed forms (tests/fixtures/oracle-neurons-
// in-parallel.ts, independent of the engine): every quantity, ∂L/∂x as the sum of its two paths (and
// against a finite difference), the autograd graph's +=, and bad parameters.
import { describe, expect, test } from 'vitest';
import { fmt } from '../../../src/format/number.ts';
import {
  HyperparameterError, inputGradientSteps, NonFiniteError, parallel, parallelDefaults, parallelGraph, type ParallelParams,
} from '../../../src/engine/index.ts';
import { ALPHA, dLdxNumeric, PARALLEL, parallelOracle, type ParallelInputs } from '../../fixtures/oracle-neurons-in-parallel.ts';
import { expectRelClose } from './helpers.ts';

const params = (p: Partial<ParallelInputs> = {}): ParallelParams => ({ ...PARALLEL, alpha: ALPHA, ...p });

/** Every field of parallel(p) equals the oracle's number of the same name (zeros exactly). */
function expectOracle(p: Partial<ParallelInputs>): void {
  const got = parallel(params(p));
  const want = parallelOracle({ ...PARALLEL, ...p });
  for (const [k, g] of Object.entries(got)) {
    const w = want[k as keyof typeof want];
    expect(w, `the oracle has ${k}`).toBeTypeOf('number');
    if (w === 0) expect(g + 0, k).toBe(0);
    else expectRelClose(g, w as number, 1e-11);
  }
}

describe('parallel() at the book’s numbers', () => {
  test('the defaults are the chapter’s: x = 0.5; (0.3, 0.1) and (−0.4, 0.2); output (0.5, −0.6), 0.05; y = 1.5, α = 0.1', () => {
    expect(parallelDefaults).toEqual(params());
    expect(Object.isFrozen(parallelDefaults)).toBe(true);
  });

  test('every quantity of the derivation equals its closed form, under the engine’s names', () => expectOracle({}));

  test('printed as the chapter prints them (so a formatter change shows up here too)', () => {
    const r = parallel();
    expect([r.z12, r.a12, r.dadz12].map((v) => fmt(v))).toEqual(['0', '0.5', '0.25']);
    expect([r.delta2, r.delta11, r.delta12].map((v) => fmt(v))).toEqual(['−0.248', '−0.03052', '0.0372']);
    expect([r.dLdxPath1, r.dLdxPath2, r.dLdx].map((v) => fmt(v))).toEqual(['−0.009156', '−0.01488', '−0.02404']);
  });

  test('∂L/∂x is the sum of the two path products, and a central difference of the loss agrees', () => {
    const r = parallel();
    expectRelClose(r.dLdx, r.dLdxPath1 + r.dLdxPath2, 1e-15);
    expect(Math.abs(r.dLdx - dLdxNumeric(PARALLEL)) / Math.abs(r.dLdx)).toBeLessThan(1e-7);
    // Either path alone is far off: both are needed.
    for (const alone of [r.dLdxPath1, r.dLdxPath2]) expect(Math.abs(alone - r.dLdx) / Math.abs(r.dLdx)).toBeGreaterThan(0.3);
  });

  test('the step lowers the loss, and θ ← θ − α·∂L/∂θ for all seven parameters', () => {
    const r = parallel();
    expect(r.lossNext).toBeLessThan(r.loss);
    expectRelClose(r.w22Next, PARALLEL.w22 - ALPHA * r.dLdw22);
  });
});

describe('parallel() across the inputs', () => {
  test.each([
    ['twins (hidden unit 2 = hidden unit 1)', { w12: 0.3, b12: 0.1, w22: 0.5 }],
    ['a path cut (W⁽²⁾₂ = 0)', { w22: 0 }],
    ['paths of opposite signs', { w22: 0.6 }],
    ['a reachable target', { y: 0.5 }],
    ['everything changed', { x: -2, w11: 1.5, b11: -0.7, w12: 2, b12: 0.3, w21: -1.2, w22: 3, b2: -1, y: 0.2 }],
    ['a saturated hidden unit', { x: 5, w11: 5 }],
  ])('%s: every quantity equals its closed form', (_, p) => expectOracle(p));

  test('twins get the same deltas and gradients, and after the step they are still twins', () => {
    const r = parallel(params({ w12: 0.3, b12: 0.1, w22: 0.5 }));
    expect(r.delta12).toBe(r.delta11);
    expect([r.w12Next, r.b12Next, r.w22Next]).toEqual([r.w11Next, r.b11Next, r.w21Next]);
    expect(r.dLdxPath2).toBe(r.dLdxPath1);
  });

  test('W⁽²⁾₂ = 0 cuts path 2: δ⁽¹⁾₂ and its gradients are exactly 0, and ∂L/∂x is path 1 alone', () => {
    const r = parallel(params({ w22: 0 }));
    expect([r.dLda12, r.delta12, r.dLdw12, r.dLdb12, r.dLdxPath2].map((v) => v + 0)).toEqual([0, 0, 0, 0, 0]);
    expect(r.dLdx).toBe(r.dLdxPath1);
  });
});

describe('parallelGraph() and inputGradientSteps(): the autograd graph adds what reaches x', () => {
  test('backward() gives every gradient of the dense engine, and x.grad = ∂L/∂x', () => {
    const g = parallelGraph();
    g.L.backward();
    const r = parallel();
    const pairs: [number, number][] = [
      [g.x.grad, r.dLdx], [g.z11.grad, r.delta11], [g.z12.grad, r.delta12], [g.z2.grad, r.delta2],
      [g.a11.grad, r.dLda11], [g.a12.grad, r.dLda12],
      [g.w11.grad, r.dLdw11], [g.b11.grad, r.dLdb11], [g.w12.grad, r.dLdw12], [g.b12.grad, r.dLdb12],
      [g.w21.grad, r.dLdw21], [g.w22.grad, r.dLdw22], [g.b2.grad, r.dLdb2],
    ];
    for (const [got, want] of pairs) expectRelClose(got, want, 1e-12);
    expectRelClose(g.L.data, r.loss);
  });

  test('x.grad receives two contributions, one from each product w1j·x, equal to the two path products', () => {
    const s = inputGradientSteps();
    const o = parallelOracle(PARALLEL);
    expect(s.contributions.map((c) => c.from)).toEqual(['w12x', 'w11x']);
    expectRelClose(s.contributions[0]!.amount, o.dLdxPath2);
    expectRelClose(s.contributions[1]!.amount, o.dLdxPath1);
    expectRelClose(s.grad, o.dLdx);
    // With = instead of +=, the last contribution would be all that is left.
    expect(s.overwritten).toBe(s.contributions[1]!.amount);
  });
});

describe('parallel() rejects bad parameters', () => {
  test('w22 = NaN throws NonFiniteError naming w22; α < 0 throws HyperparameterError', () => {
    expect(() => parallel(params({ w22: Number.NaN }))).toThrow(NonFiniteError);
    expect(() => parallel(params({ w22: Number.NaN }))).toThrow(/^w22 is NaN/);
    expect(() => parallel({ ...params(), alpha: -1 })).toThrow(HyperparameterError);
    expect(() => parallelGraph(params({ x: Infinity }))).toThrow(NonFiniteError);
  });
  test('a forward pass that overflows throws instead of returning NaN', () => {
    expect(() => parallel(params({ x: 1e308, w11: 1e308 }))).toThrow(NonFiniteError);
  });
});
