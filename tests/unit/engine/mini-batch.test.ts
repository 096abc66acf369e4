// The mini-batch example (src/engine/examples/mini-batch.ts) against chapter 11's plain-loop oracle:
// the three trajectories from the same start, at checkpoints; the blobs by exact output; the spread
// of batch gradients; the sum-or-mean equivalence.
import { describe, expect, test } from 'vitest';
import { twoBlobs } from '../../../src/engine/datasets';
import { mulberry32 } from '../../../src/engine/random';
import {
  samplesPerUpdate, compareConventions, compareModes, createMiniBatchRun, flatParameters, gradientNoise, miniBatchData,
  miniBatchDefaults, miniBatchNetwork, modes, perSampleGradients, trainMode, updatesPerEpoch, type MiniBatchSettings,
} from '../../../src/engine/examples/mini-batch';
import { HyperparameterError } from '../../../src/engine/errors';
import * as O from '../../fixtures/oracle-mini-batches';

const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
const dataOf = (s: MiniBatchSettings) => (s.dataset === 'xor' ? O.XOR : O.blobs());
const CHECKPOINTS = [1, 2, 10, 100, 300, 1000];

describe('twoBlobs', () => {
  test('twoBlobs(4, mulberry32(7)) draws x₁ then x₂ per point, class 0 around (−1, −1) first', () => {
    const d = twoBlobs(4, mulberry32(7));
    const want = O.blobs(4, 7, 1);
    expect(Array.from(d.Y.data)).toEqual([0, 0, 1, 1]);
    want.forEach((s, n) => { expect(d.X.data[n]).toBe(s.x1); expect(d.X.data[4 + n]).toBe(s.x2); });
  });
  test('twoBlobs(100, mulberry32(7)) is the chapter’s set, equal to the oracle’s to the last bit', () => {
    const d = miniBatchData('blobs');
    const want = O.blobs();
    expect(d.X.cols).toBe(100);
    want.forEach((s, n) => { expect(d.X.data[n]).toBe(s.x1); expect(d.X.data[100 + n]).toBe(s.x2); expect(d.Y.data[n]).toBe(s.y); });
  });
  test('twoBlobs(5, …) puts ⌈5/2⌉ points in class 0', () => {
    expect(Array.from(twoBlobs(5, mulberry32(1)).Y.data)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('the start and the batch sizes', () => {
  test('miniBatchNetwork(seed) draws N(0, 1) in the order W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾', () => {
    const p = O.start(2);
    expect(flatParameters(miniBatchNetwork(2))).toEqual([p.w[0]![0], p.w[0]![1], p.w[1]![0], p.w[1]![1], p.b[0], p.b[1], p.v[0], p.v[1], p.c]);
  });
  test('samplesPerUpdate and updatesPerEpoch: N, min(B, N) or 1 samples; ⌈N/B⌉ updates', () => {
    expect(modes.map((m) => samplesPerUpdate(m, 10, 100))).toEqual([100, 10, 1]);
    expect(samplesPerUpdate('mini', 8, 4)).toBe(4);
    expect([updatesPerEpoch(100, 100), updatesPerEpoch(10, 100), updatesPerEpoch(30, 100), updatesPerEpoch(1, 100)]).toEqual([1, 10, 4, 100]);
  });
  test('an unknown data set or convention is a HyperparameterError', () => {
    expect(() => miniBatchData('moons' as never)).toThrow(HyperparameterError);
    expect(() => createMiniBatchRun({ ...miniBatchDefaults, convention: 'median' as never }, 'full')).toThrow(HyperparameterError);
  });
});

const SETTINGS: MiniBatchSettings[] = [
  miniBatchDefaults,
  { ...miniBatchDefaults, convention: 'mean', alpha: 2 },
  { ...miniBatchDefaults, batchSize: 3, seed: 5 },                       // B ∤ N: a last batch of one
  { ...miniBatchDefaults, dataset: 'blobs', batchSize: 10, alpha: 0.1, epochs: 300 },
  { ...miniBatchDefaults, dataset: 'blobs', batchSize: 10, alpha: 1, convention: 'mean', epochs: 300 },
];

describe('compareModes: the three runs against the oracle loop', () => {
  for (const s of SETTINGS) {
    test(`${s.dataset}, seed ${s.seed}, α = ${s.alpha}, B = ${s.batchSize}, ${s.convention}: every mode at the checkpoints`, () => {
      const r = compareModes(s);
      const data = dataOf(s);
      for (const m of modes) {
        const want = O.trainLoop(data, s.seed, s.alpha, samplesPerUpdate(m, s.batchSize, data.length), s.convention, s.epochs);
        expect(r[m].history.length).toBe(s.epochs);
        for (const e of CHECKPOINTS.filter((c) => c <= s.epochs)) close(r[m].history[e - 1]!, want.history[e - 1]!);
        flatParameters(r[m].network).forEach((t, i) => close(t, want.theta[i]!, 1e-8));
      }
    });
  }
  test('the default XOR runs all learn it (ŷ rounds to 0, 1, 1, 0) and finish below a hundredth of the start', () => {
    const r = compareModes();
    for (const m of modes) {
      const t = flatParameters(r[m].network);
      const p = { w: [[t[0]!, t[1]!], [t[2]!, t[3]!]], b: [t[4]!, t[5]!], v: [t[6]!, t[7]!], c: t[8]! };
      expect(O.XOR.map((s) => Math.round(O.predict(p, s).yHat))).toEqual([0, 1, 1, 0]);
      expect(r[m].progress.loss).toBeLessThan(r[m].history[0]! / 10);
    }
  });
  test('trainMode reports the batch size and the updates per epoch', () => {
    const r = trainMode({ ...miniBatchDefaults, dataset: 'blobs', batchSize: 10, epochs: 2 }, 'mini');
    expect([r.batch, r.updatesPerEpoch, r.history.length]).toEqual([10, 10, 2]);
  });
});

describe('gradientNoise', () => {
  const net = miniBatchNetwork(2);
  test('perSampleGradients equal the chain rule by hand, sample by sample', () => {
    const g = perSampleGradients(net, miniBatchData('xor'));
    O.XOR.forEach((s, n) => O.sampleGradient(O.start(2), s).forEach((x, i) => close(g[n]![i]!, x, 1e-12)));
  });
  for (const B of [1, 2, 3, 4]) {
    test(`XOR, B = ${B}: the formula (σ²/B)(N − B)/(N − 1) equals the spread over all C(4, ${B}) batches, whose mean is the full gradient`, () => {
      const n = gradientNoise(net, miniBatchData('xor'), B, 2000, mulberry32(3));
      const formula = O.noiseFormula(O.start(2), O.XOR, B);
      const all = O.noiseByEnumeration(O.start(2), O.XOR, B);
      close(n.spread, formula.spread, 1e-12);
      close(n.spread, all.spread, 1e-12);
      expect(all.biasNorm).toBeLessThan(1e-15);
      close(n.fullNorm, formula.fullNorm, 1e-12);
      close(n.sigma, formula.sigma, 1e-12);
      // 2 000 draws: the sampled spread within 10 % of the formula, the sampled mean within 5 standard errors.
      if (B < 4) expect(Math.abs(n.sampledSpread / n.spread - 1)).toBeLessThan(0.1);
      expect(n.sampledBias).toBeLessThanOrEqual(5 * n.spread / Math.sqrt(2000) + 1e-15);
    });
  }
  test('the sampled spread and bias: the same draws as the oracle’s shuffles of one kept order', () => {
    const n = gradientNoise(net, miniBatchData('xor'), 2, 1000, mulberry32(3));
    const o = O.noiseSampled(O.start(2), O.XOR, 2, 1000, 3);
    close(n.sampledSpread, o.spread, 1e-10);
    close(n.sampledBias, o.bias, 1e-8);
  });
  test('blobs, B = 10 at the start: the formula against the oracle', () => {
    const n = gradientNoise(net, miniBatchData('blobs'), 10, 500, mulberry32(3));
    const f = O.noiseFormula(O.start(2), O.blobs(), 10);
    close(n.spread, f.spread, 1e-12);
    close(n.relativeSpread, f.spread / f.fullNorm, 1e-10);
  });
});

describe('compareConventions', () => {
  test('XOR, B = 2: the sum with α and the mean with α·B end on the same weights; the mean with α does not', () => {
    const c = compareConventions(miniBatchDefaults);
    expect([c.batch, c.sumAlpha, c.meanAlpha, c.divides]).toEqual([2, 1, 2, true]);
    expect(c.maxWeightDifference).toBeLessThan(1e-12);
    // the summed loss is N times the mean
    close(c.sum.progress.loss, 4 * c.meanScaled.progress.loss, 1e-12);
    const slower = O.trainLoop(O.XOR, 2, 1, 2, 'mean', 1000);
    close(c.meanSame.progress.loss, slower.history[999]!);
    expect(c.meanSame.progress.loss * 4).toBeGreaterThan(c.sum.progress.loss * 1.2);
  });
  test('B = 3 does not divide N = 4: the last batch of one is averaged over 1, not 3, and the runs part', () => {
    const c = compareConventions({ ...miniBatchDefaults, batchSize: 3 });
    expect(c.divides).toBe(false);
    expect(c.maxWeightDifference).toBeGreaterThan(1e-6);
  });
});
