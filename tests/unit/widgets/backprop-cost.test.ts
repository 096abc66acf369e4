// The backprop-cost widget's model, against the multiply-adds counted one by one (tests/fixtures/oracle-
// general-formulation.ts, which does not use the engine): per layer and in total, for the defaults and
// other sizes; the per-layer markup; and the measurement, which lives in the session and is shown as text.
import { describe, expect, test } from 'vitest';
import { backpropCostModel as model, duration, sizesOf, type BackpropCostValues } from '../../../components/widgets/BackpropCost/model';
import { defaults } from '../../../src/kit/params';
import { countMultiplyAdds } from '../../fixtures/oracle-general-formulation';

const values = (v: Partial<BackpropCostValues> = {}): BackpropCostValues => ({ ...model.defaults, ...v });
const at = (v: Partial<BackpropCostValues> = {}) => { const all = values(v); return model.compute(all, model.start(all)); };

describe('the backprop-cost model: counts', () => {
  test('the defaults: 64 inputs, 2 hidden layers of 32, 10 outputs, one sample, a few thousand parameters', () => {
    expect(defaults(model.schema)).toEqual({ inputs: 64, hidden: 2, width: 32, outputs: 10, samples: 1 });
    expect(sizesOf(values())).toEqual([64, 32, 32, 10]);
    const n = at().numbers;
    const o = countMultiplyAdds([64, 32, 32, 10], 1);
    expect([n.parameters, n.forward, n.backward, n.backprop, n.fdPasses, n.fd]).toEqual([o.P, o.forward, o.backward, o.backprop, o.fdPasses, o.fd]);
    expect(n.parameters).toBe(3466);
    expect(n.backwardRatio).toBeCloseTo(o.backward / o.forward, 14);
    expect(n.fdRatio).toBeCloseTo(o.fd / o.backprop, 10);
  });
  test('per layer: W⁽ˡ⁾ is units out × units in, δ⁽ˡ⁾ units out × N, and forward and backward multiply-adds add up to the totals', () => {
    for (const v of [values(), values({ hidden: 0 }), values({ inputs: 3, hidden: 4, width: 7, outputs: 2, samples: 5 })]) {
      const n = model.compute(v, model.start(v)).numbers as Record<string, number>;
      const sizes = sizesOf(v);
      let forward = 0, backward = 0;
      for (let l = 1; l < sizes.length; l++) {
        expect([n[`layer${l}-out`], n[`layer${l}-in`]]).toEqual([sizes[l], sizes[l - 1]]);
        const above = sizes[l + 1];
        expect(n[`layer${l}-forward`]).toBe(sizes[l]! * sizes[l - 1]! * v.samples);
        expect(n[`layer${l}-backward`]).toBe((sizes[l]! * sizes[l - 1]! + (above ?? 0) * sizes[l]!) * v.samples);
        forward += n[`layer${l}-forward`]!;
        backward += n[`layer${l}-backward`]!;
      }
      const o = countMultiplyAdds(sizes, v.samples);
      expect([forward, backward]).toEqual([o.forward, o.backward]);
      expect(n.layers).toBe(sizes.length - 1);
    }
  });
  test('the per-layer rows are markup with marked numbers, one row per layer', () => {
    const r = at({ hidden: 1 });
    const rows = r.markup.layers.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(r.markup.layers).toContain('<td><span data-v="layer1-out" data-style="plain">32</span> × <span data-v="layer1-in" data-style="plain">64</span></td>');
    expect(r.markup.layers).toContain('<span data-v="samples" data-style="plain">1</span>');
    expect(at({ hidden: 0 }).flags.noHidden).toBe(true);
  });
});

describe('the backprop-cost model: measuring', () => {
  test('nothing is measured until the action runs; then the timings are text, for this session only', () => {
    const v = values({ inputs: 8, hidden: 1, width: 8, outputs: 2 });
    const run = model.start(v);
    const before = model.compute(v, run);
    expect(before.flags.measured).toBe(false);
    expect(before.text.fdTime).toBe('');
    expect(model.actions!.measure(v, run)).toBe(v);
    const after = model.compute(v, run);
    expect(after.flags).toMatchObject({ measured: true, estimated: false });
    for (const key of ['forwardTime', 'backpropTime', 'fdTime'] as const) expect(after.text[key]).toMatch(/^[\d.]+ (µs|ms|s)$/);
    expect(after.text.timed).toBe(String(after.numbers.parameters));
    expect(Number(after.text.agreement.replace('×10', 'e').replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))))).toBeLessThan(1e-5);
    expect(after.numbers, 'the counts do not change with a measurement').toEqual(before.numbers);
    expect(model.compute(v, model.start(v)).flags.measured, 'a new session has no timing').toBe(false);
  }, 20_000);
  test('duration(ms) writes µs below a millisecond, ms below a second, s above', () => {
    expect(duration(0.0234)).toBe('23.4 µs');
    expect(duration(135.306)).toBe('135 ms');
    expect(duration(2847.2)).toBe('2.85 s');
  });
});
