// mini-batch.ts — chapter 11's worked example: the same 2-2-1 sigmoid network, from the same seeded
// start, trained three ways on the same data — full batch (B = N), mini-batches of B, per-sample SGD
// (B = 1) — on XOR and on two Gaussian blobs; the spread of mini-batch gradients around the full
// gradient; and what the sum or mean convention of the loss does to the learning rate α.
// Derived in content/chapters/mini-batches.mdx; tested in tests/unit/engine/mini-batch.test.ts
// against tests/fixtures/oracle-mini-batches.ts.
//
// Every run trains through createTraining(…).advance(n), the allocation-free epoch loop.

import type { Dataset } from '../datasets.ts';
import { twoBlobs } from '../datasets.ts';
import { backward, forward } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import { halfSquaredErrorMean, halfSquaredErrorSum, type Loss } from '../losses.ts';
import type { Network } from '../network.ts';
import { initNetwork } from '../network.ts';
import type { Rng } from '../random.ts';
import { mulberry32, shuffleInPlace } from '../random.ts';
import type { TrainingProgress, TrainingRun } from '../train.ts';
import { createTraining } from '../train.ts';
import { xorData } from './xor-2-2-1.ts';

/** The two data sets of the chapter: the four XOR samples, and two overlapping Gaussian blobs. */
export type DatasetName = 'xor' | 'blobs';

/** How the loss combines a batch's samples: summed (the book's L) or averaged (L / B). */
export type Convention = 'sum' | 'mean';

/** The three ways to train: all N samples per update, B per update, one per update. */
export type Mode = 'full' | 'mini' | 'sgd';
export const modes: readonly Mode[] = Object.freeze(['full', 'mini', 'sgd']);

/** Everything a comparison depends on; the three runs share all of it. */
export interface MiniBatchSettings {
  readonly dataset: DatasetName;
  /** Seeds the starting weights (mulberry32(seed)) and the shuffles (mulberry32(seed + 1)). */
  readonly seed: number;
  /** Learning rate α of θ ← θ − α·∂L/∂θ, for every run. */
  readonly alpha: number;
  /** The mini-batch run's batch size B (at most N: a larger B is the full batch). */
  readonly batchSize: number;
  readonly convention: Convention;
  /** Epochs each run trains for. */
  readonly epochs: number;
}

/** The chapter's defaults: XOR, seed 2, α = 1, B = 2, the summed loss, 1 000 epochs. */
export const miniBatchDefaults: MiniBatchSettings = Object.freeze({ dataset: 'xor', seed: 2, alpha: 1, batchSize: 2, convention: 'sum', epochs: 1000 });

/** The blobs: 100 points from mulberry32(7), spread 1 around (−1, −1) and (1, 1) (see twoBlobs). */
export const blobsSpec = Object.freeze({ n: 100, seed: 7, spread: 1 });

const blobs: Dataset = twoBlobs(blobsSpec.n, mulberry32(blobsSpec.seed), blobsSpec.spread);

/** The data set by name. */
export function miniBatchData(name: DatasetName): Dataset {
  if (name === 'xor') return xorData;
  if (name === 'blobs') return blobs;
  throw new HyperparameterError(`unknown data set "${String(name)}": expected xor or blobs`, 'dataset');
}

/**
 * The untrained network every run starts from: 2-2-1, sigmoid in both layers, W and b drawn from
 * N(0, 1) like the numpy tutorial's np.random.randn (from mulberry32(seed), not numpy's stream).
 */
export function miniBatchNetwork(seed: number): Network {
  return initNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], mulberry32(seed), 'standardNormal');
}

/** The loss of a convention: Σₙ ½(yₙ − ŷₙ)² or (1/B) Σₙ ½(yₙ − ŷₙ)² over the B samples of a batch. */
export function lossOfConvention(convention: Convention): Loss {
  if (convention === 'sum') return halfSquaredErrorSum;
  if (convention === 'mean') return halfSquaredErrorMean;
  throw new HyperparameterError(`unknown convention "${String(convention)}": expected sum or mean`, 'convention');
}

/** Samples per update of a mode on N samples: N, min(B, N), or 1. */
export function samplesPerUpdate(mode: Mode, batchSize: number, samples: number): number {
  return mode === 'full' ? samples : mode === 'mini' ? Math.min(batchSize, samples) : 1;
}

/** Updates in one epoch with batches of B out of N samples: ⌈N/B⌉ (the last batch smaller if B ∤ N). */
export function updatesPerEpoch(batch: number, samples: number): number {
  return Math.ceil(samples / batch);
}

/** One of the three runs, ready to advance: same start, same shuffles' seed, its own batch size. */
export function createMiniBatchRun(settings: MiniBatchSettings, mode: Mode): TrainingRun {
  const data = miniBatchData(settings.dataset);
  return createTraining(miniBatchNetwork(settings.seed), data, {
    alpha: settings.alpha,
    loss: lossOfConvention(settings.convention),
    batchSize: samplesPerUpdate(mode, settings.batchSize, data.X.cols),
    maxEpochs: settings.epochs,
    rng: mulberry32(settings.seed + 1),
  });
}

/** A finished run: its batch size, updates per epoch, epoch losses and where it ended. */
export interface ModeResult {
  readonly batch: number;
  readonly updatesPerEpoch: number;
  /** Entry e is the loss measured during epoch e + 1 (see train.ts). */
  readonly history: Float64Array;
  readonly progress: TrainingProgress;
  readonly network: Network;
}

/** Trains one mode for settings.epochs epochs. */
export function trainMode(settings: MiniBatchSettings, mode: Mode): ModeResult {
  const samples = miniBatchData(settings.dataset).X.cols;
  const batch = samplesPerUpdate(mode, settings.batchSize, samples);
  const run = createMiniBatchRun(settings, mode);
  const progress = run.advance(settings.epochs);
  return { batch, updatesPerEpoch: updatesPerEpoch(batch, samples), history: run.lossHistory(), progress, network: run.network() };
}

/** The three runs of a comparison, trained to the end. */
export function compareModes(settings: MiniBatchSettings = miniBatchDefaults): Readonly<Record<Mode, ModeResult>> {
  return { full: trainMode(settings, 'full'), mini: trainMode(settings, 'mini'), sgd: trainMode(settings, 'sgd') };
}

// --- the noise of small batches ------------------------------------------------------------------

/** Every W and b of a network as one list, layer by layer: W row by row, then b (the order of θ). */
export function flatParameters(net: Network): number[] {
  return net.layers.flatMap((layer) => [...layer.W.data, ...layer.b.data]);
}

/**
 * ∂Lₙ/∂θ for each sample n alone, Lₙ = ½(yₙ − ŷₙ)²: one row of P numbers per sample, in θ's order.
 * One batched backward pass gives them all: with the summed loss, column n of δ⁽ˡ⁾ is sample n's own
 * delta, so sample n's ∂Lₙ/∂W⁽ˡ⁾ = δ⁽ˡ⁾ₙ (a⁽ˡ⁻¹⁾ₙ)ᵀ is one outer product and ∂Lₙ/∂b⁽ˡ⁾ = δ⁽ˡ⁾ₙ (chapter 8).
 */
export function perSampleGradients(net: Network, data: Dataset): number[][] {
  const trace = forward(net, data.X);
  const grads = backward(net, trace, data.Y, halfSquaredErrorSum);
  const samples = data.X.cols;
  const out: number[][] = [];
  for (let n = 0; n < samples; n++) {
    const row: number[] = [];
    net.layers.forEach((layer, l) => {
      const delta = grads.layers[l]!.delta;
      const aPrev = l === 0 ? trace.X : trace.layers[l - 1]!.a;
      for (let i = 0; i < layer.W.rows; i++) {
        for (let k = 0; k < layer.W.cols; k++) row.push(delta.data[i * samples + n]! * aPrev.data[k * samples + n]!);
      }
      for (let i = 0; i < layer.W.rows; i++) row.push(delta.data[i * samples + n]!);
    });
    out.push(row);
  }
  return out;
}

/**
 * How far mini-batch gradients scatter around the full gradient, for one set of weights. With
 * gₙ = ∂Lₙ/∂θ, the full gradient's mean form is ḡ = (1/N) Σ gₙ and a batch of B samples drawn without
 * replacement estimates it by ĝ = (1/B) Σ_{n ∈ batch} gₙ. E[ĝ] = ḡ (unbiased), and
 * E‖ĝ − ḡ‖² = (σ²/B)·(N − B)/(N − 1) with σ² = (1/N) Σ ‖gₙ − ḡ‖² (the finite-population correction
 * makes it 0 at B = N). `sampled` draws that many batches with `rng` (a shuffle, then the first B).
 */
export interface GradientNoise {
  /** ‖ḡ‖, the length of the full gradient (mean convention). */
  readonly fullNorm: number;
  /** σ = √((1/N) Σ ‖gₙ − ḡ‖²), the per-sample gradients' spread. */
  readonly sigma: number;
  /** √E‖ĝ − ḡ‖² from the formula. */
  readonly spread: number;
  /** spread / ‖ḡ‖: how large the noise is next to the signal. */
  readonly relativeSpread: number;
  /** √(mean of ‖ĝ − ḡ‖²) over the sampled batches. */
  readonly sampledSpread: number;
  /** ‖(mean of the sampled ĝ) − ḡ‖: small (about spread/√draws), since ĝ is unbiased. */
  readonly sampledBias: number;
  readonly draws: number;
}

/** The formula part of GradientNoise: ‖ḡ‖, σ, the spread √E‖ĝ − ḡ‖² and spread/‖ḡ‖ (0 when ḡ = 0 and B = N). */
export type GradientSpread = Pick<GradientNoise, 'fullNorm' | 'sigma' | 'spread' | 'relativeSpread'>;

/** The spread of B-sample gradients around the full one at `net`'s weights, by the formula (no draws). */
export function gradientSpread(net: Network, data: Dataset, batch: number): GradientSpread & { readonly perSample: number[][]; readonly mean: number[] } {
  const g = perSampleGradients(net, data);
  const N = g.length, P = g[0]!.length, B = Math.min(batch, N);
  const mean = new Array<number>(P).fill(0);
  for (const gn of g) for (let p = 0; p < P; p++) mean[p]! += gn[p]! / N;
  let variance = 0;
  for (const gn of g) for (let p = 0; p < P; p++) variance += (gn[p]! - mean[p]!) ** 2 / N;
  const spread = N === 1 || B === N ? 0 : Math.sqrt((variance / B) * ((N - B) / (N - 1)));
  const fullNorm = Math.hypot(...mean);
  // No noise is no noise, even at a stationary point (0/0 would be NaN).
  const relativeSpread = spread === 0 ? 0 : spread / fullNorm;
  return { fullNorm, sigma: Math.sqrt(variance), spread, relativeSpread, perSample: g, mean };
}

/** The spread of B-sample gradients around the full one at `net`'s weights, by the formula and by `draws` draws (see GradientNoise). */
export function gradientNoise(net: Network, data: Dataset, batch: number, draws: number, rng: Rng): GradientNoise {
  const { perSample: g, mean, ...formula } = gradientSpread(net, data, batch);
  const N = g.length, P = mean.length, B = Math.min(batch, N);
  const order = Uint32Array.from({ length: N }, (_, n) => n);
  const sum = new Array<number>(P).fill(0);
  let squared = 0;
  for (let d = 0; d < draws; d++) {
    shuffleInPlace(order, rng);
    const estimate = new Array<number>(P).fill(0);
    for (let k = 0; k < B; k++) for (let p = 0; p < P; p++) estimate[p]! += g[order[k]!]![p]! / B;
    for (let p = 0; p < P; p++) { sum[p]! += estimate[p]!; squared += (estimate[p]! - mean[p]!) ** 2; }
  }
  const n = Math.max(draws, 1);
  const sampledBias = Math.hypot(...sum.map((s, p) => (draws === 0 ? 0 : s / n - mean[p]!)));
  return { ...formula, sampledSpread: Math.sqrt(squared / n), sampledBias, draws };
}

// --- sum or mean: what the convention does to α -----------------------------------------------------

/**
 * The same mini-batch run three times: the summed loss with α, the mean loss with α·B, the mean loss
 * with α. The first two take identical steps (the mean's gradient is the sum's divided by B) when B
 * divides N; their weights then agree to rounding, and the summed loss is N times the mean one.
 */
export interface ConventionComparison {
  readonly batch: number;
  readonly sumAlpha: number;
  readonly meanAlpha: number;
  readonly sum: ModeResult;
  readonly meanScaled: ModeResult;
  readonly meanSame: ModeResult;
  /** Largest |θ_sum − θ_mean| entry after the last epoch. */
  readonly maxWeightDifference: number;
  /** Whether B divides N (else the last, smaller batch is divided by its own size, and they differ). */
  readonly divides: boolean;
}

/** Compares the conventions for the mini-batch run of `settings` (its own convention is ignored). */
export function compareConventions(settings: MiniBatchSettings, mode: Mode = 'mini'): ConventionComparison {
  const samples = miniBatchData(settings.dataset).X.cols;
  const batch = samplesPerUpdate(mode, settings.batchSize, samples);
  const run = (convention: Convention, alpha: number, m: Mode) => trainMode({ ...settings, convention, alpha, batchSize: batch }, m);
  const sum = run('sum', settings.alpha, mode);
  const meanScaled = run('mean', settings.alpha * batch, mode);
  const meanSame = run('mean', settings.alpha, mode);
  const a = flatParameters(sum.network), b = flatParameters(meanScaled.network);
  const maxWeightDifference = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
  return { batch, sumAlpha: settings.alpha, meanAlpha: settings.alpha * batch, sum, meanScaled, meanSame, maxWeightDifference, divides: samples % batch === 0 };
}

/**
 * The chapter's other settings (inputs, like the defaults): the blobs with the summed loss at a small α
 * and at α = 3 (too large for the full batch's sum of 100 gradients), and with the mean loss at α = 1.
 */
export const miniBatchPresets = Object.freeze({
  blobsSum: Object.freeze({ dataset: 'blobs', batchSize: 10, alpha: 0.1, convention: 'sum' }),
  blobsSumLarge: Object.freeze({ dataset: 'blobs', batchSize: 10, alpha: 3, convention: 'sum' }),
  blobsMean: Object.freeze({ dataset: 'blobs', batchSize: 10, alpha: 1, convention: 'mean' }),
} as const satisfies Record<string, Partial<MiniBatchSettings>>);

/** The numbers of the example's inputs, for the list of what a chapter may write (inputs.ts). */
export function miniBatchInputNumbers(): number[] {
  const d = miniBatchDefaults;
  return [d.seed, d.alpha, d.batchSize, d.epochs, blobsSpec.n, blobsSpec.seed, blobsSpec.spread,
    ...Object.values(miniBatchPresets).flatMap((p) => [p.batchSize, p.alpha]), noiseSettings.draws, noiseSettings.seed];
}

/** The chapter's noise measurement: this many batches drawn, from mulberry32(seed). */
export const noiseSettings = Object.freeze({ draws: 1000, seed: 3 });

/** gradientNoise for a named data set with the chapter's draws (see GradientNoise). */
export function noiseAt(net: Network, dataset: DatasetName, batch: number): GradientNoise {
  return gradientNoise(net, miniBatchData(dataset), batch, noiseSettings.draws, mulberry32(noiseSettings.seed));
}
