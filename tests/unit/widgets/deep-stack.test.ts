// The deep stack's model against the pitfalls oracle's plain loops (mean |δ| per layer, dead units), its
// flags at the chapter's presets, and the log-scale plot in data units (y = log₁₀ |δ|).
import { describe, expect, test } from 'vitest';
import { deepStackWidget as model, stackFrame, stackPresets } from '../../../components/widgets/DeepStack/model';
import { decades, logAxesSvg, superscript } from '../../../components/widgets/DeepStack/log-plot';
import { deepStackBatch, deepStackDefaults, deepStackNetwork } from '../../../src/engine/examples/pitfalls';
import { toRows } from '../../../src/engine/matrix';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { sx, sy } from '../../../src/kit/plot';
import { deepStackOracle, relErr } from '../../fixtures/oracle-pitfalls';

type V = typeof model.defaults;
const at = (v: Partial<V>) => model.compute({ ...model.defaults, ...v }, undefined);
function oracle(v: Partial<V>) {
  const p = { ...deepStackDefaults, ...model.defaults, ...v };
  const net = deepStackNetwork(p);       // the same initial weights (drawn from the seed), then plain loops
  const { X, Y } = deepStackBatch(p);
  return deepStackOracle(net.layers.map((l) => toRows(l.W).map((r) => [...r])), net.layers.map((l) => [...l.b.data]), p.activation, toRows(X).map((r) => [...r]), [...Y.data]);
}

describe('the deep stack', () => {
  for (const [name, v] of [['defaults', {}], ...Object.entries(stackPresets), ['depth 30', { depth: 30 }], ['depth 1', { depth: 1 }]] as [string, Partial<V>][]) {
    test(`${name}: first, last, ratio and dead units equal the plain loops`, () => {
      const r = at(v), o = oracle(v);
      checkResult(r);
      const depth = v.depth ?? model.defaults.depth;
      expect(relErr(r.numbers.first, o.meanAbsDelta[0]!)).toBeLessThan(1e-10);
      expect(relErr(r.numbers.last, o.meanAbsDelta[depth - 1]!)).toBeLessThan(1e-10);
      expect(relErr(r.numbers.ratio, o.meanAbsDelta[0]! / o.meanAbsDelta[depth - 1]!)).toBeLessThan(1e-9);
      expect(r.numbers.totalDead).toBe((v.activation ?? 'sigmoid') === 'relu' ? o.dead.reduce((s, d) => s + d, 0) : 0);
      expect(r.numbers.sigmoidBound).toBe(0.25 ** (depth - 1));
    });
  }
  test('the presets: vanishing through sigmoids, exploding through tanh with large weights, ReLUs that die', () => {
    expect(at(stackPresets.vanishing).flags).toMatchObject({ vanishing: true, exploding: false, sigmoid: true });
    expect(at(stackPresets.exploding).flags).toMatchObject({ vanishing: false, exploding: true });
    const dying = at(stackPresets.dying);
    expect(dying.flags).toMatchObject({ relu: true });
    expect(dying.numbers.totalDead).toBeGreaterThan(10);
    expect(at({ depth: 20 }).numbers.ratio).toBeLessThan(at({ depth: 10 }).numbers.ratio);
  });
  test('a layer whose every ReLU is dead blocks the gradient: δ = 0 below it, flagged, and still finite', () => {
    const r = at({ activation: 'relu', weightScale: 1.41, bias: -1 });
    checkResult(r);
    expect(r.flags.blocked).toBe(true);
    expect(r.numbers.ratio).toBe(0);
  });
  test('the plot: y is log₁₀ |δ| in whole decades, the dots at (layer, log₁₀ mean |δ|)', () => {
    const r = model.first(), o = oracle({});
    const f = stackFrame(10, Float64Array.from(o.meanAbsDelta));
    expect(JSON.parse(String(r.shapes.plot['data-frame'])).y).toEqual(decades(o.meanAbsDelta));
    const first = String(r.shapes.line.d).slice(1).split('L')[0]!.split(',').map(Number);
    expect(first).toEqual([sx(f, 1), sy(f, Math.log10(o.meanAbsDelta[0]!))]);
    expect(decades([1e-8, 0.05])).toEqual([-8, -1]);
    expect(decades([0.5, 0.6])).toEqual([-2, 0]);
    expect(superscript(-12)).toBe('⁻¹²');
    expect(logAxesSvg(f, 10, { xLabel: 'l', yLabel: 'δ' })).toContain('>10⁻⁸</text>');
  });
  test('preset links are checked against the schema', () => {
    expect(presetHref(model, 'ds1', stackPresets.exploding)).toBe('?ds1.activation=tanh&ds1.weightScale=3&ds1.bias=0#ds1');
  });
});

describe('the oracle’s own deep stack (seeded PRNG written out, for the browser test)', () => {
  test('deepStackPlain from the inputs alone gives the model’s numbers', async () => {
    const { deepStackPlain } = await import('../../fixtures/oracle-pitfalls');
    for (const v of [{}, stackPresets.exploding, stackPresets.dying, { depth: 3, seed: 7 }] as Partial<V>[]) {
      const all = { ...deepStackDefaults, ...model.defaults, ...v };
      const o = deepStackPlain(all), r = at(v).numbers;
      expect(relErr(r.first, o.first)).toBeLessThan(1e-10);
      expect(relErr(r.ratio, o.ratio)).toBeLessThan(1e-9);
      expect(r.totalDead).toBe(o.totalDead);
    }
  });
});
