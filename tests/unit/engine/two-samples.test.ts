// The two-sample example of chapter 6 (src/engine/examples/two-samples.ts) against the chapter's closed
// forms (tests/fixtures/oracle-loss-and-batches.ts, which does not use the engine), and the binary
// cross-entropy domain check it relies on.
import { describe, expect, test } from 'vitest';
import {
  assertBinaryCrossEntropyDomain,
  binaryCrossEntropyProblem,
  classTargets,
  createTraining,
  dataset,
  DomainError,
  HyperparameterError,
  meanError,
  meanErrorDescent,
  NonFiniteError,
  numericalDerivative,
  oneNeuronNetwork,
  oneSampleDefaults,
  perSampleSgd,
  sampleLoss,
  twoSampleDefaults as d,
  twoSamples,
  twoSamplesCrossEntropy,
} from '../../../src/engine/index.ts';
import type { SampleLossName } from '../../../src/engine/index.ts';
import { fmt } from '../../../src/format/number.ts';
import * as oracle from '../../fixtures/oracle-loss-and-batches.ts';
import { expectRelClose } from './helpers.ts';

const cls = { ...d, ...classTargets };
const clsBatch: oracle.Batch = { ...oracle.TWO_SAMPLES, y: oracle.CLASS_TARGETS };

describe('twoSamples() at x = (0.5, 1), y = (1.5, 2), w = 0.3, b = 0.1, α = 0.1', () => {
  const r = twoSamples();
  const o = oracle.batch(oracle.TWO_SAMPLES);

  test('the defaults are the chapter’s, and sample 1 is the running example', () => {
    expect(d).toEqual({ x1: 0.5, x2: 1, y1: 1.5, y2: 2, w: 0.3, b: 0.1, alpha: 0.1 });
    expect(fmt(r.samples[0].yHat)).toBe('0.5622');
    expect(fmt(r.samples[0].delta)).toBe('−0.2308');
  });
  test('each sample’s forward and backward pass: z, ŷ, y − ŷ, σ′(z), δ, δx and ½(y − ŷ)²', () => {
    r.samples.forEach((s, i) => {
      const e = o.samples[i]!;
      for (const [k, v] of Object.entries({ z: e.z, yHat: e.yHat, error: e.err, dadz: e.dadz, dLdyHat: e.dLdyHat, delta: e.delta, dLdw: e.share, dLdb: e.delta, loss: e.loss })) {
        expectRelClose(s[k as keyof typeof s] as number, v, 1e-13);
      }
    });
  });
  test('sum: L = L₁ + L₂, ∂L/∂w = Σ δᵢxᵢ, ∂L/∂b = Σ δᵢ, and one step w − α∂L/∂w', () => {
    for (const k of ['loss', 'dLdw', 'dLdb', 'lossNext'] as const) expectRelClose(r.sum[k], o.sum[k], 1e-13);
    expectRelClose(r.sum.wNext, o.sum.w, 1e-14);
    expectRelClose(r.sum.bNext, o.sum.b, 1e-14);
    expectRelClose(r.sum.dLdw, r.samples[0].dLdw + r.samples[1].dLdw, 1e-14);
  });
  test('mean: everything divided by N = 2, and its step is half as long (the sum with α/N)', () => {
    for (const k of ['loss', 'dLdw', 'dLdb', 'lossNext'] as const) expectRelClose(r.mean[k], o.mean[k], 1e-13);
    expectRelClose(r.mean.wNext - d.w, (r.sum.wNext - d.w) / 2, 1e-13);
    expectRelClose(r.mean.bNext - d.b, (r.sum.bNext - d.b) / 2, 1e-13);
  });
  test('MSE (no ½, mean): the gradient times 2/N, which for N = 2 is the book’s step exactly', () => {
    for (const k of ['loss', 'dLdw', 'dLdb', 'lossNext'] as const) expectRelClose(r.meanSquared[k], o.mse[k], 1e-13);
    expectRelClose(r.meanSquared.wNext, r.sum.wNext, 1e-15);
  });
  test('per-sample SGD: sample 1 is chapter 5’s step, sample 2 starts from where it left w and b', () => {
    r.sgd.forEach((s, i) => {
      const e = o.sgd[i]!;
      expect(s.sample).toBe(i + 1);
      for (const k of ['w', 'b', 'z', 'yHat', 'delta', 'wNext', 'bNext'] as const) expectRelClose(s[k], e[k], 1e-13);
    });
    expect(r.sgd[1].w).toBe(r.sgd[0].wNext);
    expectRelClose(r.sgdLossNext, o.sgdLoss, 1e-13);
    expect([fmt(r.sgd[1].wNext), fmt(r.sum.wNext)]).toEqual(['0.3448', '0.3452']);
  });
  test('perSampleSgd agrees with one epoch of the training loop with batchSize 1 (no shuffling)', () => {
    const run = createTraining(oneNeuronNetwork(d.w, d.b), dataset([[d.x1], [d.x2]], [d.y1, d.y2]), { alpha: d.alpha, loss: 'halfSquaredErrorSum', batchSize: 1, maxEpochs: 1 });
    run.advance(1);
    const net = run.network();
    expectRelClose(net.layers[0]!.W.data[0]!, perSampleSgd(d)[1].wNext, 1e-14);
    expectRelClose(net.layers[0]!.b.data[0]!, perSampleSgd(d)[1].bNext, 1e-14);
  });
  test('the floor: both targets above 1, so L ≥ ½(1.5 − 1)² + ½(2 − 1)²', () => {
    expectRelClose(r.floor, o.floor, 1e-15);
    expect(r.floor).toBe(0.625);
  });
  test('bad parameters are refused with typed errors, never NaN', () => {
    expect(() => twoSamples({ ...d, x2: Number.NaN })).toThrow(NonFiniteError);
    expect(() => twoSamples({ ...d, alpha: -1 })).toThrow(HyperparameterError);
  });
});

describe('meanError(): M = ½((y₁ − ŷ₁) + (y₂ − ŷ₂)), the “loss” without squares', () => {
  test('value and gradients by autograd equal the closed forms, for the book’s targets and for 0 and 1', () => {
    for (const [p, q] of [[d, oracle.TWO_SAMPLES], [cls, clsBatch]] as const) {
      const m = meanError(p), e = oracle.meanError(q);
      for (const k of ['value', 'dMdw', 'dMdb', 'squaredLoss'] as const) expectRelClose(m[k], e[k], 1e-13);
    }
  });
  test('errors of opposite sign cancel: negative for the class targets, exactly 0 at w = b = 0 although both outputs are ½', () => {
    expect(meanError(cls).value).toBeLessThan(0);
    const zero = meanError({ ...cls, w: 0, b: 0 });
    expect(zero.value).toBe(0);
    expect(zero.yHat).toEqual([0.5, 0.5]);
    expect(zero.squaredLoss).toBe(0.25);
  });
  test('no minimum: descent raises ŷ₁ (target 0) towards 1, M falls towards −½, the book’s loss rises', () => {
    const path = meanErrorDescent(cls, 1000), e = oracle.meanErrorDescent(clsBatch, 1000);
    for (const k of [1, 10, 100, 1000]) {
      expectRelClose(path[k]!.value, e[k]!.value, 1e-11);
      expectRelClose(path[k]!.yHat[0], e[k]!.yHat[0]!, 1e-11);
    }
    expect(path[1000]!.yHat[0]).toBeGreaterThan(path[0]!.yHat[0]);
    expect(path[1000]!.value).toBeGreaterThan(-0.5);
    expect(path[1000]!.squaredLoss).toBeGreaterThan(path[0]!.squaredLoss);
    expect(() => meanErrorDescent(cls, -1)).toThrow(HyperparameterError);
  });
});

describe('twoSamplesCrossEntropy() with targets 0 and 1', () => {
  const c = twoSamplesCrossEntropy(cls);
  const e = oracle.crossEntropy(clsBatch);
  test('each sample’s ℓ, ∂ℓ/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)), δ = ŷ − y, and the squared error’s smaller δ', () => {
    c.samples.forEach((s, i) => {
      for (const k of ['yHat', 'loss', 'dLdyHat', 'delta', 'deltaSquared'] as const) expectRelClose(s[k], e.samples[i]![k], 1e-13);
      expect(Math.abs(s.delta)).toBeGreaterThan(4 * Math.abs(s.deltaSquared));
    });
  });
  test('the mean over N, its gradients, and the two-class softmax on logits (z, 0): the same loss, δᵢ/N', () => {
    for (const k of ['loss', 'dLdw', 'dLdb', 'softmaxLoss'] as const) expectRelClose(c[k], e[k], 1e-13);
    expectRelClose(c.softmaxLoss, c.loss, 1e-13);
    c.softmaxDelta.forEach((v, i) => expectRelClose(v, c.samples[i]!.delta / 2, 1e-13));
    // The mean error is −∂L/∂b of this loss.
    expectRelClose(c.dLdb, -meanError(cls).value, 1e-13);
  });
  test('the book’s targets are refused: cross-entropy needs 0 ≤ y ≤ 1', () => {
    expect(() => twoSamplesCrossEntropy(d)).toThrow(DomainError);
  });
});

describe('sampleLoss(name, ŷ, y): one sample’s loss, slope ∂L/∂ŷ and δ, against the closed forms', () => {
  const names: Record<SampleLossName, keyof ReturnType<typeof oracle.sampleLosses>> = { halfSquaredError: 'half', squaredError: 'squared', binaryCrossEntropy: 'bce', error: 'error' };
  test('on a grid of ŷ ∈ (0, 1) and y ∈ {0, 0.3, 1}: every value as the formula gives it', () => {
    for (const y of [0, 0.3, 1]) {
      for (let i = 1; i < 20; i++) {
        const yHat = i / 20;
        const o = oracle.sampleLosses(yHat, y);
        for (const [name, key] of Object.entries(names)) {
          const r = sampleLoss(name as SampleLossName, yHat, y), e = o[key]!;
          expectRelClose(r.loss + 10, e.loss + 10, 1e-14);   // + 10: the error y − ŷ crosses 0
          expectRelClose(r.dLdyHat, e.dLdyHat, 1e-13);
          expectRelClose(r.delta + 10, e.delta + 10, 1e-14);
        }
      }
    }
  });
  test('the slope is the derivative of the loss (central differences)', () => {
    for (const name of Object.keys(names) as SampleLossName[]) {
      for (const [yHat, y] of [[0.3, 1], [0.7, 0], [0.45, 0.8]] as const) {
        expectRelClose(sampleLoss(name, yHat, y).dLdyHat, numericalDerivative((t) => sampleLoss(name, t, y).loss, yHat, 1e-6), 1e-7);
      }
    }
  });
  test('the widget’s start: ŷ = 0.3, y = 1', () => {
    expect(oneSampleDefaults).toEqual({ yHat: 0.3, y: 1 });
    expect(fmt(sampleLoss('binaryCrossEntropy', 0.3, 1).dLdyHat)).toBe('−3.333');
    expect(fmt(sampleLoss('squaredError', 0.3, 1).dLdyHat)).toBe('−1.4');
  });
  test('squared losses take any ŷ and y; cross-entropy refuses what it cannot take, saying why', () => {
    expect(sampleLoss('halfSquaredError', 0, 2.5).loss).toBe(3.125);
    expect(() => sampleLoss('binaryCrossEntropy', 0.3, 1.5)).toThrow('binary cross-entropy needs a target y between 0 and 1 (a probability), but y = 1.5');
    expect(() => sampleLoss('binaryCrossEntropy', 0, 1)).toThrow('binary cross-entropy needs 0 < ŷ < 1, but ŷ = 0, where log ŷ is −∞');
    expect(() => sampleLoss('binaryCrossEntropy', 1, 1)).toThrow('where log(1 − ŷ) is −∞');
    expect(() => sampleLoss('binaryCrossEntropy', 1e-13, 1)).toThrow('needs ŷ at least 1e-12 from 0 and from 1, but ŷ = 1e-13');
    expect(() => sampleLoss('halfSquaredError', Number.NaN, 1)).toThrow(NonFiniteError);
  });
});

describe('binaryCrossEntropyProblem / assertBinaryCrossEntropyDomain', () => {
  test('null inside the domain (0 ≤ y ≤ 1, ε ≤ ŷ ≤ 1 − ε); a sentence outside it', () => {
    expect(binaryCrossEntropyProblem(0.5, 0)).toBeNull();
    expect(binaryCrossEntropyProblem(1e-12, 1)).toBeNull();
    expect(binaryCrossEntropyProblem(0.5, -0.1)).toMatch(/^binary cross-entropy needs a target y between 0 and 1/);
    expect(binaryCrossEntropyProblem(-0.2, 0)).toBe('binary cross-entropy needs 0 < ŷ < 1, but ŷ = -0.2, where ŷ is not a probability');
  });
  test('the DomainError names y when the target is wrong, ŷ otherwise', () => {
    const caught = (f: () => void) => { try { f(); } catch (e) { return e as DomainError; } throw new Error('no error'); };
    expect(caught(() => assertBinaryCrossEntropyDomain(0.5, 2))).toMatchObject({ name: 'DomainError', what: 'y', value: 2 });
    expect(caught(() => assertBinaryCrossEntropyDomain(0, 0.5))).toMatchObject({ what: 'ŷ', value: 0 });
    expect(() => assertBinaryCrossEntropyDomain(Number.POSITIVE_INFINITY, 0.5)).toThrow(NonFiniteError);
  });
});
