// What a gradient costs (src/engine/examples/backprop-cost.ts): the multiply-adds against the oracle's
// loops, counted one by one, for the chapter's network and for random sizes; and the measurement's shape.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { backpropCost, costNetwork, HyperparameterError, measureCosts, parameterCount } from '../../../src/engine/index.ts';
import { countMultiplyAdds } from '../../fixtures/oracle-general-formulation.ts';

describe('backpropCost(sizes, N)', () => {
  test('backpropCost([64, 32, 32, 10]): 3 466 parameters, 3 392 multiply-adds forward, 4 736 backward', () => {
    const c = backpropCost([64, 32, 32, 10]);
    expect(c.parameters).toBe(3466);
    expect([c.forward, c.backward, c.backprop]).toEqual([3392, 4736, 8128]);
    expect(c.finiteDifferencePasses).toBe(6932);
    expect(c.finiteDifference).toBe(6932 * 3392);
    expect(c.layers.map((l) => [l.forward, l.deltaBack, l.weightGradient])).toEqual([[2048, 1024, 2048], [1024, 320, 1024], [320, 0, 320]]);
  });
  test('backpropCost(sizes, N) equals the multiply-adds counted one by one, for any sizes and batch', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 6 }), (sizes, N) => {
      const c = backpropCost(sizes, N);
      const o = countMultiplyAdds(sizes, N);
      expect([c.parameters, c.forward, c.backward, c.backprop, c.finiteDifferencePasses, c.finiteDifference])
        .toEqual([o.P, o.forward, o.backward, o.backprop, o.fdPasses, o.fd]);
      expect(parameterCount(sizes)).toBe(o.P);
    }), { numRuns: 60 });
  });
  test('the backward pass is less than twice the forward pass, whatever the sizes (the first layer needs no Wᵀδ)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 6 }), (sizes) => {
      const c = backpropCost(sizes);
      expect(c.backward).toBeLessThanOrEqual(2 * c.forward);
      expect(c.backward).toBeGreaterThanOrEqual(c.forward);
    }), { numRuns: 60 });
  });
  test('bad sizes are refused', () => {
    expect(() => backpropCost([3])).toThrow(HyperparameterError);
    expect(() => backpropCost([3, 0, 2])).toThrow(HyperparameterError);
    expect(() => backpropCost([3, 2], 1.5)).toThrow(HyperparameterError);
  });
});

describe('measureCosts(sizes, N, now, budget)', () => {
  test('times all parameters of a small network, and backprop’s gradient agrees with the finite differences', () => {
    const m = measureCosts([4, 3, 2], 2, () => performance.now(), 30);
    expect(m.parameters).toBe(parameterCount([4, 3, 2]));
    expect(m.timed).toBe(m.parameters);
    expect(m.maxRelativeDifference).toBeLessThan(1e-6);
    for (const ms of [m.forwardMs, m.backpropMs, m.finiteDifferenceMs]) expect(ms).toBeGreaterThan(0);
  });
  test('stops timing finite differences when the budget is spent and scales up to all P', () => {
    let t = 0;
    // A clock that advances 1 ms on every reading: the budget of 50 ms runs out after a few parameters.
    const m = measureCosts([20, 20, 5], 1, () => (t += 1), 50);
    expect(m.timed).toBeLessThan(m.parameters);
    expect(m.finiteDifferenceMs).toBeGreaterThan(m.timed);
  });
  test('costNetwork(sizes, N) is seeded: the same weights and samples every time', () => {
    const a = costNetwork([3, 2, 1], 2), b = costNetwork([3, 2, 1], 2);
    expect(Array.from(a.net.layers[0]!.W.data)).toEqual(Array.from(b.net.layers[0]!.W.data));
    expect(Array.from(a.X.data)).toEqual(Array.from(b.X.data));
    expect([a.X.rows, a.X.cols, a.Y.rows, a.Y.cols]).toEqual([3, 2, 1, 2]);
  });
});
