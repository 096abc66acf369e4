// xor-training.ts — the numpy XOR tutorial's training set-up with every knob the training-xor chapter
// turns: hidden units, hidden activation, loss, batch mode; runs that can step back to epoch 0 from the
// same initial weights; and what a finished run says about itself (learned? stuck on a plateau, with a
// saturated hidden unit, or with two hidden units doing one job?), for the strip of seeds 1–100.
//
//   config ──initXorNetwork──▶ N(0, 1) weights from mulberry32(seed) ──createXorRun──▶ TrainingRun
//     (the same rng then shuffles mini-batches, so a seed fixes the whole run)
import type { ActivationName } from '../activations.ts';
import { forward } from '../dense.ts';
import type { Network } from '../network.ts';
import { initNetwork } from '../network.ts';
import { mulberry32 } from '../random.ts';
import type { TrainingRun } from '../train.ts';
import { createTraining } from '../train.ts';
import { xorData, xorTargets } from './xor-2-2-1.ts';

/** The hidden activations a reader can pick. */
export type XorHidden = Extract<ActivationName, 'sigmoid' | 'tanh' | 'relu'>;
/** The losses a reader can pick: the tutorial's summed ½(y − ŷ)², or binary cross-entropy (a mean). */
export type XorLoss = 'halfSquaredErrorSum' | 'binaryCrossEntropy';
/** Full batch (the tutorial), mini-batches of `batchSize`, or one sample per update. */
export type XorBatch = 'full' | 'mini' | 'sgd';

/** Everything that fixes a run: with the same config, the same weights after every epoch. */
export interface XorConfig {
  readonly seed: number;
  /** Learning rate α of θ ← θ − α·∂L/∂θ. */
  readonly alpha: number;
  readonly epochs: number;
  /** Units in the hidden layer (the tutorial: 2). */
  readonly hidden: number;
  readonly activation: XorHidden;
  readonly loss: XorLoss;
  readonly batch: XorBatch;
  /** Samples per update when batch is 'mini' (1 … 4). */
  readonly batchSize: number;
}

/** The tutorial's program: randn starts, sigmoid everywhere, summed ½(y − ŷ)², full batch, α = 0.1, 10 000 epochs. */
export const xorTutorial: XorConfig = Object.freeze({
  seed: 2, alpha: 0.1, epochs: 10_000, hidden: 2, activation: 'sigmoid', loss: 'halfSquaredErrorSum', batch: 'full', batchSize: 2,
});

/** A setting that learns XOR from (almost) every start: eight hidden units and a larger step. */
export const xorReliable: XorConfig = Object.freeze({ ...xorTutorial, hidden: 8, alpha: 1 });

/**
 * The untrained 2-H-1 network: W⁽¹⁾ (H×2), b⁽¹⁾ (H×1), W⁽²⁾ (1×H), b⁽²⁾ (1×1), every entry N(0, 1)
 * (np.random.randn's distribution) drawn from `rng` in that order; the output is a sigmoid.
 */
export function initXorNetwork(config: Pick<XorConfig, 'hidden' | 'activation'>, rng: () => number): Network {
  return initNetwork([2, config.hidden, 1], [config.activation, 'sigmoid'], rng, 'standardNormal');
}

/** The samples per update that a batch mode means on the four XOR samples. */
export function batchSizeOf(config: Pick<XorConfig, 'batch' | 'batchSize'>): number | 'full' {
  return config.batch === 'full' ? 'full' : config.batch === 'sgd' ? 1 : config.batchSize;
}

/**
 * A training run from the config's seed: the initial network from mulberry32(seed), then the same rng
 * shuffles the sample order of every mini-batch or per-sample epoch. Returns the run and its start.
 */
export function createXorRun(config: XorConfig): { readonly run: TrainingRun; readonly initial: Network } {
  const rng = mulberry32(config.seed);
  const initial = initXorNetwork(config, rng);
  const run = createTraining(initial, xorData, {
    alpha: config.alpha, loss: config.loss, batchSize: batchSizeOf(config), maxEpochs: config.epochs, rng,
  });
  return { run, initial };
}

/** ŷ for the four XOR inputs (0,0), (0,1), (1,0), (1,1). */
export function xorPredictions(net: Network): number[] {
  return Array.from(forward(net, xorData.X).yHat.data);
}

/** Whether every prediction rounds to its XOR target 0, 1, 1, 0. */
export function learnsXor(predictions: readonly number[]): boolean {
  return predictions.every((p, n) => Math.round(p) === xorTargets[n]);
}

/** A prediction this close to ½ is undecided: the network sits on a plateau for that input. */
export const UNDECIDED_WITHIN = 0.1;
/** A hidden unit whose slope f′ is below this on two or more inputs is saturated there: almost no gradient flows through it. */
export const SATURATED_HIDDEN_SLOPE = 0.02;
/** Two hidden units whose activations over the four inputs correlate beyond this (±) do one job between them. */
export const TWIN_CORRELATION = 0.98;

/**
 * How a run ended: 'learned'; 'twins' (hidden units that do one job between them, so the network has
 * fewer units than XOR needs); 'plateau' (three or more answers still near ½: the flat region around
 * the start, a saddle); 'stuck' (the rest: some answers right, one or two held at ½ by hidden units
 * that saturated on them — a local minimum for this loss).
 */
export type XorOutcome = 'learned' | 'twins' | 'plateau' | 'stuck';

/** Why a run did not learn, from its final network. */
export interface XorDiagnosis {
  readonly learned: boolean;
  readonly outcome: XorOutcome;
  /** Inputs (0-based) whose ŷ is within UNDECIDED_WITHIN of ½. */
  readonly undecided: readonly number[];
  /** Hidden units (0-based) with f′ < SATURATED_HIDDEN_SLOPE on two or more of the four inputs. */
  readonly saturated: readonly number[];
  /** Pairs of hidden units (0-based) whose activations correlate by more than TWIN_CORRELATION in size. */
  readonly twins: readonly (readonly [number, number])[];
}

/** Looks at a trained network: its predictions, each hidden unit's slopes, and how alike its hidden units are. */
export function diagnoseXor(net: Network): XorDiagnosis {
  const trace = forward(net, xorData.X);
  const predictions = Array.from(trace.yHat.data);
  const hidden = trace.layers[0]!;
  const act = net.layers[0]!.activation;
  const H = hidden.a.rows, N = hidden.a.cols;
  const row = (j: number) => Array.from(hidden.a.data.subarray(j * N, (j + 1) * N));
  const saturated: number[] = [];
  for (let j = 0; j < H; j++) {
    // f′ at each sample, from z (ReLU's slope from a would be the same; from z is exact for all three)
    const slopes = Array.from(hidden.z.data.subarray(j * N, (j + 1) * N), (z) => act.df(z));
    if (slopes.filter((s) => s < SATURATED_HIDDEN_SLOPE).length >= 2) saturated.push(j);
  }
  const twins: [number, number][] = [];
  for (let i = 0; i < H; i++) {
    for (let j = i + 1; j < H; j++) {
      const c = correlation(row(i), row(j));
      if (Math.abs(c) > TWIN_CORRELATION) twins.push([i, j]);
    }
  }
  const learned = learnsXor(predictions);
  const undecided = predictions.flatMap((p, n) => (Math.abs(p - 0.5) < UNDECIDED_WITHIN ? [n] : []));
  const outcome: XorOutcome = learned ? 'learned' : twins.length > 0 ? 'twins' : undecided.length >= 3 ? 'plateau' : 'stuck';
  return { learned, outcome, undecided, saturated, twins };
}

/** Pearson's correlation of two lists; 0 when either is constant (a unit that does nothing is no twin). */
function correlation(u: readonly number[], v: readonly number[]): number {
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n, mv = v.reduce((s, x) => s + x, 0) / n;
  let suv = 0, suu = 0, svv = 0;
  for (let k = 0; k < n; k++) {
    suv += (u[k]! - mu) * (v[k]! - mv);
    suu += (u[k]! - mu) ** 2;
    svv += (v[k]! - mv) ** 2;
  }
  return suu < 1e-12 || svv < 1e-12 ? 0 : suv / Math.sqrt(suu * svv);
}

/** One seed's outcome under a config: learned or not, the final loss and ŷ, and the diagnosis. */
export interface SeedOutcome extends XorDiagnosis {
  readonly seed: number;
  readonly loss: number;
  readonly predictions: readonly number[];
}

/** Trains the config from each seed for config.epochs epochs (the strip of honest results). */
export function seedOutcomes(config: XorConfig, seeds: readonly number[]): SeedOutcome[] {
  return seeds.map((seed) => {
    const { run } = createXorRun({ ...config, seed });
    const progress = run.advance(config.epochs);
    const net = run.network();
    return { seed, loss: progress.loss, predictions: xorPredictions(net), ...diagnoseXor(net) };
  });
}
