// Losses L(ŷ, y) over a batch and their gradients ∂L/∂ŷ; the book uses ½(y − ŷ)² (output-delta).

import type { Matrix } from './matrix.ts';

/**
 * A loss over a batch. ŷ and y are (outputs × samples) matrices, one sample per column.
 * `reduction` says how per-sample losses combine: 'sum' adds them, 'mean' divides the sum by
 * the number of samples N in the batch (so a mini-batch's gradient is its average).
 * `input` says what the first argument is: 'prediction' means the network output ŷ = a(L);
 * 'logits' means raw scores z(L) (the output layer must then be the identity) and
 * `gradInto` writes ∂L/∂z(L) instead of ∂L/∂ŷ.
 */
export interface Loss {
  readonly name: LossName;
  readonly reduction: 'sum' | 'mean';
  readonly input: 'prediction' | 'logits';
  /** L for the whole batch. */
  value(yHat: Matrix, y: Matrix): number;
  /** Writes ∂L/∂ŷ (or ∂L/∂logits) entry by entry into `out`, which has ŷ's shape. */
  gradInto(out: Matrix, yHat: Matrix, y: Matrix): void;
}

/** The names of the built-in losses (keys of `losses` in loss-registry.ts). */
export type LossName =
  | 'halfSquaredErrorSum'
  | 'halfSquaredErrorMean'
  | 'meanSquaredError'
  | 'binaryCrossEntropy'
  | 'binaryCrossEntropyFromLogits'
  | 'softmaxCrossEntropy';

/** ½(y − ŷ)², the loss of one output for one sample, as the book writes it. */
export function halfSquaredError(yHat: number, y: number): number {
  const e = y - yHat;
  return 0.5 * e * e;
}

/** ∂/∂ŷ ½(y − ŷ)² = ŷ − y (the "a − y" of the output delta). */
export function halfSquaredErrorPrime(yHat: number, y: number): number {
  return yHat - y;
}

/** Σ over samples and outputs of ½(y − ŷ)². */
function sumHalfSquaredError(yHat: Matrix, y: Matrix): number {
  const p = yHat.data;
  const t = y.data;
  let total = 0;
  for (let k = 0; k < p.length; k++) total += halfSquaredError(p[k]!, t[k]!);
  return total;
}

/**
 * L = Σₙ Σₖ ½(yₖₙ − ŷₖₙ)², summed over the batch (no 1/N): the book's loss and the numpy
 * tutorial's. ∂L/∂ŷ = ŷ − y.
 */
export const halfSquaredErrorSum: Loss = Object.freeze({
  name: 'halfSquaredErrorSum',
  reduction: 'sum',
  input: 'prediction',
  value: sumHalfSquaredError,
  gradInto(out: Matrix, yHat: Matrix, y: Matrix): void {
    const g = out.data;
    const p = yHat.data;
    const t = y.data;
    for (let k = 0; k < g.length; k++) g[k] = halfSquaredErrorPrime(p[k]!, t[k]!);
  },
});

/**
 * L = (1/N) Σₙ Σₖ ½(yₖₙ − ŷₖₙ)², averaged over the N samples of the batch (summed over
 * outputs). ∂L/∂ŷ = (ŷ − y)/N.
 */
export const halfSquaredErrorMean: Loss = Object.freeze({
  name: 'halfSquaredErrorMean',
  reduction: 'mean',
  input: 'prediction',
  value: (yHat: Matrix, y: Matrix) => sumHalfSquaredError(yHat, y) / yHat.cols,
  gradInto(out: Matrix, yHat: Matrix, y: Matrix): void {
    const n = yHat.cols;
    for (let k = 0; k < out.data.length; k++) {
      out.data[k] = halfSquaredErrorPrime(yHat.data[k]!, y.data[k]!) / n;
    }
  },
});

/**
 * Mean squared error L = (1/(K·N)) Σₙ Σₖ (yₖₙ − ŷₖₙ)², averaged over every entry (K outputs
 * × N samples), no ½ — the usual library definition. ∂L/∂ŷ = 2(ŷ − y)/(K·N).
 * Its `reduction` is 'mean' (per sample it also averages over the K outputs).
 */
export const meanSquaredError: Loss = Object.freeze({
  name: 'meanSquaredError',
  reduction: 'mean',
  input: 'prediction',
  value: (yHat: Matrix, y: Matrix) => (2 * sumHalfSquaredError(yHat, y)) / yHat.data.length,
  gradInto(out: Matrix, yHat: Matrix, y: Matrix): void {
    const count = yHat.data.length;
    for (let k = 0; k < out.data.length; k++) out.data[k] = (2 * (yHat.data[k]! - y.data[k]!)) / count;
  },
});
