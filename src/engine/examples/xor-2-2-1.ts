// The classic 2-2-1 sigmoid network learning XOR by full-batch gradient descent. No chapter uses it yet
// (the benchmark does, tests/bench/engine.bench.ts); it is kept for a later chapter on training.
//
// Its updates are those of the common numpy tutorial: δ2 = (a2 − y)·a2(1 − a2),
// δ1 = W2ᵀδ2 · a1(1 − a1), W2 −= α δ2 a1ᵀ, b2 −= α Σδ2, W1 −= α δ1 Xᵀ, b1 −= α Σδ1 —
// i.e. the summed half squared error (no 1/N), all four samples in every update. Its weights start
// from np.random.randn: here N(0, 1) from the book's seeded mulberry32 (standardNormal), the same
// distribution but not numpy's stream, so seed s here is not np.random.seed(s) there.

import type { Dataset } from '../datasets.ts';
import { dataset } from '../datasets.ts';
import { forward } from '../dense.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import type { Network } from '../network.ts';
import { initNetwork } from '../network.ts';
import { mulberry32 } from '../random.ts';
import type { TrainingProgress, TrainingRun } from '../train.ts';
import { createTraining } from '../train.ts';

/** The four XOR inputs, one per row as the tutorial lists them. */
export const xorInputs: readonly (readonly number[])[] = Object.freeze([[0, 0], [0, 1], [1, 0], [1, 1]]);

/** XOR of each input: 0, 1, 1, 0. */
export const xorTargets: readonly number[] = Object.freeze([0, 1, 1, 0]);

/** The dataset: X is 2×4 and Y is 1×4, one sample per column. */
export const xorData: Dataset = dataset(xorInputs, xorTargets);

/** A seed for the initial weights, a learning rate α and a number of epochs. */
export interface XorSettings {
  readonly seed: number;
  readonly alpha: number;
  readonly epochs: number;
}

/** Settings for which the network learns XOR (predictions round to 0, 1, 1, 0). */
export const xorDefaults: XorSettings = Object.freeze({ seed: 1, alpha: 0.5, epochs: 10_000 });

/** The tutorial's own settings (lr = 0.1, epochs = 10 000) with our seed; see tests/unit/engine/xor.test.ts for what they do. */
export const xorTutorialSettings: XorSettings = Object.freeze({ seed: 1, alpha: 0.1, epochs: 10_000 });

/**
 * The untrained 2-2-1 network: sigmoid in both layers, every weight and bias drawn from
 * N(0, 1) like the tutorial's np.random.randn, from mulberry32(seed) in the order
 * W1 (row by row), b1, W2, b2.
 */
export function xorNetwork(seed: number): Network {
  return initNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], mulberry32(seed), 'standardNormal');
}

/** A training run on XOR (full batch, summed ½(y − ŷ)²) that a widget can advance a few epochs at a time. */
export function createXorTraining(settings: XorSettings = xorDefaults): TrainingRun {
  return createTraining(xorNetwork(settings.seed), xorData, {
    alpha: settings.alpha,
    loss: halfSquaredErrorSum,
    maxEpochs: settings.epochs,
  });
}

/** The outcome of training: ŷ for the four inputs, ŷ rounded, and whether that equals 0, 1, 1, 0. */
export interface XorResult {
  readonly network: Network;
  readonly progress: TrainingProgress;
  readonly lossHistory: Float64Array;
  readonly predictions: readonly number[];
  readonly rounded: readonly number[];
  readonly learned: boolean;
}

/** Trains for `settings.epochs` epochs and reports the predictions. */
export function trainXor(settings: XorSettings = xorDefaults): XorResult {
  const run = createXorTraining(settings);
  const progress = run.advance(settings.epochs);
  const network = run.network();
  const predictions = Array.from(forward(network, xorData.X).yHat.data);
  const rounded = predictions.map((p) => Math.round(p));
  const learned = rounded.every((r, n) => r === xorTargets[n]);
  return { network, progress, lossHistory: run.lossHistory(), predictions, rounded, learned };
}
