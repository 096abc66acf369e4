import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  backward,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  forward,
  fromRows,
  halfSquaredErrorMean,
  halfSquaredErrorSum,
  losses,
  meanSquaredError,
  networkFrom,
  numericalDerivative,
  sigmoid,
  softmaxCrossEntropy,
  zeros,
} from '../../../src/engine/index.ts';
import type { Loss, Matrix } from '../../../src/engine/index.ts';
import { expectRelClose } from './helpers.ts';

function grad(loss: Loss, yHat: Matrix, y: Matrix): Matrix {
  const out = zeros(yHat.rows, yHat.cols);
  loss.gradInto(out, yHat, y);
  return out;
}

/** Central differences of loss.value with respect to every entry of yHat. */
function numericGrad(loss: Loss, yHat: Matrix, y: Matrix): number[] {
  return Array.from(yHat.data, (v, k) =>
    numericalDerivative((t) => {
      const probe = { ...yHat, data: yHat.data.slice() };
      probe.data[k] = t;
      return loss.value(probe, y);
    }, v, 1e-6),
  );
}

const yHat = fromRows([[0.2, 0.7, 0.9], [0.4, 0.1, 0.6]]);
const y = fromRows([[0, 1, 1], [1, 0, 0]]);

describe('half squared error, the book’s loss', () => {
  test('summed over the batch: L = Σ ½(y − ŷ)², ∂L/∂ŷ = ŷ − y', () => {
    let expected = 0;
    for (let k = 0; k < 6; k++) expected += 0.5 * (y.data[k]! - yHat.data[k]!) ** 2;
    expectRelClose(halfSquaredErrorSum.value(yHat, y), expected);
    expect(Array.from(grad(halfSquaredErrorSum, yHat, y).data)).toEqual(Array.from(yHat.data, (p, k) => p - y.data[k]!));
  });

  test('averaged over the batch: L and ∂L/∂ŷ are the summed ones divided by N = 3 samples', () => {
    expectRelClose(halfSquaredErrorMean.value(yHat, y), halfSquaredErrorSum.value(yHat, y) / 3);
    const sum = grad(halfSquaredErrorSum, yHat, y);
    grad(halfSquaredErrorMean, yHat, y).data.forEach((g, k) => expectRelClose(g, sum.data[k]! / 3));
  });

  test('mean squared error averages (y − ŷ)² over all K·N = 6 entries, without the ½', () => {
    expectRelClose(meanSquaredError.value(yHat, y), (2 * halfSquaredErrorSum.value(yHat, y)) / 6);
  });
});

describe('each loss’s derivative matches central differences', () => {
  const logits = fromRows([[-1.2, 0.3, 2.5], [0.8, -0.4, 0.1]]);
  const soft = fromRows([[1, 0, 0.3], [0, 1, 0.7]]);
  test.each([
    ['halfSquaredErrorSum', yHat, y],
    ['halfSquaredErrorMean', yHat, y],
    ['meanSquaredError', yHat, y],
    ['binaryCrossEntropy', yHat, y],
    ['binaryCrossEntropyFromLogits', logits, y],
    ['softmaxCrossEntropy', logits, soft],
  ] as const)('%s', (name, input, target) => {
    const loss = losses[name];
    const analytic = grad(loss, input, target);
    numericGrad(loss, input, target).forEach((n, k) => expect(Math.abs(analytic.data[k]! - n)).toBeLessThan(1e-7));
  });
});

describe('cross-entropy', () => {
  test('binary cross-entropy from logits equals the probability form at ŷ = σ(z)', () => {
    const z = fromRows([[-3, -0.5, 0.2, 4]]);
    const t = fromRows([[0, 1, 1, 0]]);
    const p = { ...z, data: z.data.map(sigmoid) };
    expectRelClose(binaryCrossEntropyFromLogits.value(z, t), binaryCrossEntropy.value(p, t), 1e-10);
  });

  test('binary cross-entropy from logits stays finite at z = ±1000', () => {
    const z = fromRows([[-1000, 1000]]);
    const t = fromRows([[1, 0]]);
    expect(binaryCrossEntropyFromLogits.value(z, t)).toBe(1000);
    expect(Array.from(grad(binaryCrossEntropyFromLogits, z, t).data)).toEqual([-0.5, 0.5]);
  });

  test('binary cross-entropy on probabilities stays finite at ŷ = 0 and 1 (clipped)', () => {
    const p = fromRows([[0, 1]]);
    const t = fromRows([[1, 0]]);
    expect(Number.isFinite(binaryCrossEntropy.value(p, t))).toBe(true);
    expect(grad(binaryCrossEntropy, p, t).data.every(Number.isFinite)).toBe(true);
  });

  test('softmax cross-entropy gives ∂L/∂z = (softmax(z) − y)/N for one-hot y, even for logits of 1000', () => {
    const z = fromRows([[1000, 0], [0, 1000]]);
    const t = fromRows([[1, 1], [0, 0]]);
    expect(Number.isFinite(softmaxCrossEntropy.value(z, t))).toBe(true);
    const g = grad(softmaxCrossEntropy, z, t);
    expect(Array.from(g.data)).toEqual([0, -0.5, 0, 0.5]);
  });

  test('sigmoid + binary cross-entropy gives δ = a − y (the σ\' cancels)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom(0, 1),
        (w, b, x, target) => {
          const net = networkFrom([{ W: [[w]], b: [b], activation: 'sigmoid' }]);
          const trace = forward(net, fromRows([[x]]));
          const a = trace.yHat.data[0]!;
          const delta = backward(net, trace, fromRows([[target]]), binaryCrossEntropy).layers[0]!.delta.data[0]!;
          expect(Math.abs(delta - (a - target))).toBeLessThan(1e-12);
        },
      ),
    );
  });

  test('identity + binary cross-entropy from logits gives δ = σ(z) − y exactly', () => {
    const net = networkFrom([{ W: [[0.7]], b: [-0.2], activation: 'identity' }]);
    const trace = forward(net, fromRows([[1.5]]));
    const delta = backward(net, trace, fromRows([[1]]), binaryCrossEntropyFromLogits).layers[0]!.delta.data[0]!;
    expect(delta).toBe(sigmoid(0.7 * 1.5 - 0.2) - 1);
  });
});
