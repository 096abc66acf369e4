import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  backward,
  forward,
  fromRows,
  fromSamples,
  gradcheck,
  halfSquaredErrorSum,
  halfSquaredErrorMean,
  initNetwork,
  mulberry32,
  networkFrom,
  step,
  toRows,
} from '../../../src/engine/index.ts';
import { expectRelClose, smallProblem } from './helpers.ts';

describe('shapes: W is (units out × units in), a batch has one sample per column', () => {
  const net = initNetwork([3, 4, 2], ['tanh', 'sigmoid'], mulberry32(5));
  const X = fromSamples([[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, 0, 0], [1, 1, 1]]);
  const trace = forward(net, X);

  test('initNetwork([3, 4, 2]) gives W1 4×3, b1 4×1, W2 2×4, b2 2×1', () => {
    expect(net.sizes).toEqual([3, 4, 2]);
    expect(net.layers.map((l) => [l.W.rows, l.W.cols, l.b.rows, l.b.cols])).toEqual([[4, 3, 4, 1], [2, 4, 2, 1]]);
  });

  test('fromSamples puts 5 samples of 3 features into a 3×5 batch', () => {
    expect([X.rows, X.cols]).toEqual([3, 5]);
    expect(toRows(X)[0]).toEqual([1, 4, 7, 0, 1]);
  });

  test('forward keeps aPrev, z and a of every layer: z1, a1 are 4×5; z2, a2 = ŷ are 2×5', () => {
    expect(trace.layers[0]!.aPrev).toBe(X);
    expect([trace.layers[0]!.z.rows, trace.layers[0]!.z.cols]).toEqual([4, 5]);
    expect(trace.layers[1]!.aPrev).toBe(trace.layers[0]!.a);
    expect(trace.yHat).toBe(trace.layers[1]!.a);
    expect([trace.yHat.rows, trace.yHat.cols]).toEqual([2, 5]);
  });

  test('z = W·a + b column by column, the book’s formula for each sample', () => {
    const W = toRows(net.layers[0]!.W);
    const b = Array.from(net.layers[0]!.b.data);
    const z = toRows(trace.layers[0]!.z);
    for (let n = 0; n < 5; n++) {
      for (let i = 0; i < 4; i++) {
        const expected = b[i]! + W[i]!.reduce((sum, w, j) => sum + w * X.data[j * 5 + n]!, 0);
        expectRelClose(z[i]![n]!, expected, 1e-14);
      }
    }
  });

  test('backward gives δ of each layer’s shape (units × N), dW of W’s shape and db of b’s shape', () => {
    const Y = fromRows([[0, 1, 0, 1, 0], [1, 0, 1, 0, 1]]);
    const g = backward(net, trace, Y, 'halfSquaredErrorSum');
    expect(g.layers.map((l) => [l.delta.rows, l.delta.cols, l.dW.rows, l.dW.cols, l.db.rows, l.db.cols])).toEqual([
      [4, 5, 4, 3, 4, 1],
      [2, 5, 2, 4, 2, 1],
    ]);
  });
});

describe('backward agrees with gradient checking', () => {
  test('random architectures (1–4 layers, 1–6 units, sigmoid/tanh/identity): relative error < 1e-6 for every W and b', () => {
    fc.assert(
      fc.property(smallProblem, ({ net, X, Y }) => {
        const check = gradcheck(net, X, Y, halfSquaredErrorSum);
        expect(check.tensors).toHaveLength(2 * net.layers.length);
        expect(check.maxRelativeError).toBeLessThan(1e-6);
      }),
      { numRuns: 150 },
    );
  });

  test('the bias gradient is δ summed over the batch, so the batch gradient is the sum of per-sample gradients', () => {
    const net = initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(9));
    const samples = [[0.1, -0.4], [0.9, 0.3], [-0.5, 0.8]];
    const targets = [0.2, 0.7, 0.4];
    const whole = backward(net, forward(net, fromSamples(samples)), fromRows([targets]), halfSquaredErrorSum);
    const parts = samples.map((s, n) => backward(net, forward(net, fromSamples([s])), fromRows([[targets[n]!]]), halfSquaredErrorSum));
    for (let l = 0; l < 2; l++) {
      whole.layers[l]!.db.data.forEach((g, i) => expectRelClose(g, parts.reduce((sum, p) => sum + p.layers[l]!.db.data[i]!, 0), 1e-12));
      whole.layers[l]!.dW.data.forEach((g, i) => expectRelClose(g, parts.reduce((sum, p) => sum + p.layers[l]!.dW.data[i]!, 0), 1e-12));
    }
  });

  test('the mean loss gives the summed gradients divided by N', () => {
    const net = initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(9));
    const X = fromSamples([[0.1, -0.4], [0.9, 0.3], [-0.5, 0.8], [0, 1]]);
    const Y = fromRows([[0.2, 0.7, 0.4, 1]]);
    const trace = forward(net, X);
    const sum = backward(net, trace, Y, halfSquaredErrorSum);
    const mean = backward(net, trace, Y, halfSquaredErrorMean);
    mean.layers[0]!.dW.data.forEach((g, k) => expectRelClose(g, sum.layers[0]!.dW.data[k]! / 4, 1e-12));
  });
});

describe('step(net, grads, α)', () => {
  const net = networkFrom([{ W: [[0.3, -0.2]], b: [0.1], activation: 'sigmoid' }]);
  const X = fromSamples([[1, 2]]);
  const grads = backward(net, forward(net, X), fromRows([[1]]), halfSquaredErrorSum);
  const next = step(net, grads, 0.5);

  test('returns a NEW network with W − α·dW and b − α·db, leaving the old one unchanged', () => {
    expect(next).not.toBe(net);
    expect(toRows(net.layers[0]!.W)).toEqual([[0.3, -0.2]]);
    expect(next.layers[0]!.W.data[0]).toBe(0.3 - 0.5 * grads.layers[0]!.dW.data[0]!);
    expect(next.layers[0]!.b.data[0]).toBe(0.1 - 0.5 * grads.layers[0]!.db.data[0]!);
  });

  test('α = 0 leaves every weight where it was', () => {
    expect(toRows(step(net, grads, 0).layers[0]!.W)).toEqual([[0.3, -0.2]]);
  });
});
