// Cross-entropy losses for classification, written to stay finite (see output-delta for δ = a − y).

import type { Loss } from './losses.ts';
import type { Matrix } from './matrix.ts';
import { sigmoid } from './activations.ts';
import { DomainError } from './errors.ts';
import { assertFiniteNumber } from './validate.ts';

/** Probabilities are clipped into [ε, 1 − ε] before taking logs, so log(0) never appears. */
export const PROBABILITY_EPSILON = 1e-12;

function clipProbability(p: number): number {
  return Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON);
}

/**
 * Why −[y·log ŷ + (1 − y)·log(1 − ŷ)] is not a binary cross-entropy at (ŷ, y), or null when it is.
 * The target must be a probability, 0 ≤ y ≤ 1: outside, one of the weights y and 1 − y is negative
 * and the formula has no minimum (it falls without bound as ŷ nears 0 or 1). And ŷ must lie in
 * [ε, 1 − ε], where both logarithms are finite and the clipping of `binaryCrossEntropy` changes
 * nothing. That loss clips silently (training must not stop); this check is for callers that would
 * rather refuse, such as a widget that shows the formula's value.
 */
export function binaryCrossEntropyProblem(yHat: number, y: number): string | null {
  if (!(y >= 0 && y <= 1)) return `binary cross-entropy needs a target y between 0 and 1 (a probability), but y = ${String(y)}`;
  if (yHat <= 0 || yHat >= 1) {
    const where = yHat === 0 ? 'log ŷ is −∞' : yHat === 1 ? 'log(1 − ŷ) is −∞' : 'ŷ is not a probability';
    return `binary cross-entropy needs 0 < ŷ < 1, but ŷ = ${String(yHat)}, where ${where}`;
  }
  if (!(yHat >= PROBABILITY_EPSILON && yHat <= 1 - PROBABILITY_EPSILON)) {
    return `binary cross-entropy needs ŷ at least ${String(PROBABILITY_EPSILON)} from 0 and from 1, but ŷ = ${String(yHat)}`;
  }
  return null;
}

/** Throws DomainError (naming y or ŷ) unless binaryCrossEntropyProblem(ŷ, y) is null. */
export function assertBinaryCrossEntropyDomain(yHat: number, y: number): void {
  assertFiniteNumber('ŷ', yHat);
  assertFiniteNumber('y', y);
  const problem = binaryCrossEntropyProblem(yHat, y);
  if (problem !== null) {
    const targetBad = !(y >= 0 && y <= 1);
    throw new DomainError(problem, targetBad ? 'y' : 'ŷ', targetBad ? y : yHat);
  }
}

/**
 * Binary cross-entropy on probabilities ŷ ∈ (0, 1) (a sigmoid output layer), averaged over the
 * N samples: L = −(1/N) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)].
 * ∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)) / N, with ŷ clipped to [ε, 1 − ε]. Times σ'(z) = ŷ(1 − ŷ)
 * this gives δ = (ŷ − y)/N = (a − y)/N: the sigmoid's derivative cancels.
 */
export const binaryCrossEntropy: Loss = Object.freeze({
  name: 'binaryCrossEntropy',
  reduction: 'mean',
  input: 'prediction',
  value(yHat: Matrix, y: Matrix): number {
    let total = 0;
    for (let k = 0; k < yHat.data.length; k++) {
      const p = clipProbability(yHat.data[k]!);
      const t = y.data[k]!;
      total -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
    }
    return total / yHat.cols;
  },
  gradInto(out: Matrix, yHat: Matrix, y: Matrix): void {
    const n = yHat.cols;
    for (let k = 0; k < out.data.length; k++) {
      const p = clipProbability(yHat.data[k]!);
      out.data[k] = (p - y.data[k]!) / (p * (1 - p)) / n;
    }
  },
});

/**
 * Binary cross-entropy on logits z (identity output layer; the sigmoid is inside the loss),
 * averaged over the N samples: L = (1/N) Σ [max(z, 0) − z·y + log(1 + e^(−|z|))], which
 * equals the probability form with ŷ = σ(z) but never overflows.
 * `gradInto` writes ∂L/∂z = (σ(z) − y)/N.
 */
export const binaryCrossEntropyFromLogits: Loss = Object.freeze({
  name: 'binaryCrossEntropyFromLogits',
  reduction: 'mean',
  input: 'logits',
  value(z: Matrix, y: Matrix): number {
    let total = 0;
    for (let k = 0; k < z.data.length; k++) {
      const zk = z.data[k]!;
      total += Math.max(zk, 0) - zk * y.data[k]! + Math.log1p(Math.exp(-Math.abs(zk)));
    }
    return total / z.cols;
  },
  gradInto(out: Matrix, z: Matrix, y: Matrix): void {
    const n = z.cols;
    for (let k = 0; k < out.data.length; k++) out.data[k] = (sigmoid(z.data[k]!) - y.data[k]!) / n;
  },
});

/** log Σₖ e^(zₖ) over column `col` of z, shifted by the column's maximum so e^(·) ≤ 1. */
function logSumExpOfColumn(z: Matrix, col: number): number {
  let max = -Infinity;
  for (let k = 0; k < z.rows; k++) max = Math.max(max, z.data[k * z.cols + col]!);
  let sum = 0;
  for (let k = 0; k < z.rows; k++) sum += Math.exp(z.data[k * z.cols + col]! - max);
  return max + Math.log(sum);
}

/**
 * Softmax cross-entropy on logits z (K classes × N samples, identity output layer), averaged
 * over samples: per sample ℓ = −Σₖ yₖ log softmax(z)ₖ = Σₖ yₖ (logΣe^z − zₖ).
 * `gradInto` writes ∂L/∂zⱼ = ((Σₖ yₖ)·softmax(z)ⱼ − yⱼ)/N, i.e. (p − y)/N for one-hot y.
 */
export const softmaxCrossEntropy: Loss = Object.freeze({
  name: 'softmaxCrossEntropy',
  reduction: 'mean',
  input: 'logits',
  value(z: Matrix, y: Matrix): number {
    let total = 0;
    for (let n = 0; n < z.cols; n++) {
      const lse = logSumExpOfColumn(z, n);
      for (let k = 0; k < z.rows; k++) total += y.data[k * z.cols + n]! * (lse - z.data[k * z.cols + n]!);
    }
    return total / z.cols;
  },
  gradInto(out: Matrix, z: Matrix, y: Matrix): void {
    for (let n = 0; n < z.cols; n++) {
      const lse = logSumExpOfColumn(z, n);
      let ySum = 0;
      for (let k = 0; k < z.rows; k++) ySum += y.data[k * z.cols + n]!;
      for (let k = 0; k < z.rows; k++) {
        const i = k * z.cols + n;
        out.data[i] = (ySum * Math.exp(z.data[i]! - lse) - y.data[i]!) / z.cols;
      }
    }
  },
});
