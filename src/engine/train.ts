// Gradient-descent training runs (weight-update): full batch, mini-batch or per-sample SGD, advanced in chunks.

import type { Dataset } from './datasets.ts';
import { assertLossFitsOutput, lossOf } from './dense.ts';
import { EmptyDatasetError } from './errors.ts';
import type { LossLike } from './loss-registry.ts';
import { resolveLoss } from './loss-registry.ts';
import type { Network } from './network.ts';
import { copyNetwork, validateNetwork } from './network.ts';
import type { Rng } from './random.ts';
import { assertFiniteMatrix, assertFiniteNumber, assertInteger, assertLearningRate, assertShape } from './validate.ts';
import { createWorkspace, parametersFinite, runEpochs } from './workspace.ts';

/** How to train. Only `alpha` and `loss` are required. */
export interface TrainingOptions {
  /** Learning rate α ≥ 0 of θ ← θ − α·∂L/∂θ. */
  readonly alpha: number;
  /** The loss; with a 'sum' loss the batch gradient is summed, with a 'mean' loss averaged. */
  readonly loss: LossLike;
  /** Samples per update: 'full' (default) = one update per epoch on all N samples; 1 = per-sample SGD (N updates per epoch); between = mini-batches (the last one smaller if B does not divide N). */
  readonly batchSize?: number | 'full';
  /** Stop with status 'stopped' after this many epochs (default 10 000); also the loss history's capacity. */
  readonly maxEpochs?: number;
  /** Stop with status 'converged' as soon as an epoch's loss is ≤ targetLoss (default: never). */
  readonly targetLoss?: number;
  /** If given, shuffles the sample order at the start of every mini-batch/SGD epoch; if not, dataset order is kept. */
  readonly rng?: Rng;
}

/** 'running' can continue; the other three are final. */
export type TrainingStatus = 'running' | 'converged' | 'diverged' | 'stopped';

/**
 * Where a run stands: `epoch` epochs completed; `loss` is the latest finite epoch loss (before
 * any epoch: the initial loss); `message` is a sentence a widget can show as it is.
 */
export interface TrainingProgress {
  readonly epoch: number;
  readonly loss: number;
  readonly status: TrainingStatus;
  readonly message: string;
}

/** A training run that a widget advances a few epochs per animation frame. */
export interface TrainingRun {
  /** Trains up to `epochs` more epochs, stopping early when the status leaves 'running'. */
  advance(epochs: number): TrainingProgress;
  /** The current progress, without training. */
  progress(): TrainingProgress;
  /** Ends the run with status 'stopped' (unless it already ended). */
  stop(): TrainingProgress;
  /** A copy of the current weights as a Network. */
  network(): Network;
  /** A copy of the epoch losses so far: entry e is the loss measured during epoch e + 1. */
  lossHistory(): Float64Array;
}

/** The resolved settings of a run. */
interface Settings {
  readonly alpha: number;
  readonly batchSize: number;
  readonly maxEpochs: number;
  readonly targetLoss: number;
}

function checkedSettings(net: Network, data: Dataset, options: TrainingOptions): Settings {
  validateNetwork(net);
  const samples = data.X.cols;
  if (samples === 0) throw new EmptyDatasetError('the dataset has no samples (X has 0 columns): expected at least one');
  assertShape('X', data.X, net.sizes[0]!, samples, `the network has ${net.sizes[0]} inputs`);
  const outputs = net.sizes[net.sizes.length - 1]!;
  assertShape('Y', data.Y, outputs, samples, `the network has ${outputs} outputs and X has ${samples} samples`);
  assertFiniteMatrix('X', data.X);
  assertFiniteMatrix('Y', data.Y);
  assertLearningRate(options.alpha);
  const batchSize = options.batchSize ?? 'full';
  if (batchSize !== 'full') assertInteger('batchSize', batchSize, 1);
  const maxEpochs = options.maxEpochs ?? 10_000;
  assertInteger('maxEpochs', maxEpochs, 0);
  const targetLoss = options.targetLoss ?? -Infinity;
  if (options.targetLoss !== undefined) assertFiniteNumber('targetLoss', targetLoss);
  return {
    alpha: options.alpha,
    batchSize: batchSize === 'full' ? samples : Math.min(batchSize, samples),
    maxEpochs,
    targetLoss,
  };
}

/** Starts a training run on a copy of `net` (the given network is never changed). */
export function createTraining(net: Network, data: Dataset, options: TrainingOptions): TrainingRun {
  const loss = resolveLoss(options.loss);
  const settings = checkedSettings(net, data, options);
  assertLossFitsOutput(net, loss);
  const ws = createWorkspace(net, data, { loss, alpha: settings.alpha, batchSize: settings.batchSize, rng: options.rng });
  const history = new Float64Array(settings.maxEpochs);
  let epoch = 0;
  let status: TrainingStatus = settings.maxEpochs === 0 ? 'stopped' : 'running';
  let lastLoss = lossOf(net, data.X, data.Y, loss);
  let message = status === 'stopped' ? 'maxEpochs is 0: nothing to train' : 'ready: epoch 0';

  function snapshot(): TrainingProgress {
    return { epoch, loss: lastLoss, status, message };
  }

  function advance(epochs: number): TrainingProgress {
    assertInteger('epochs', epochs, 0);
    const end = Math.min(epoch + epochs, settings.maxEpochs);
    if (status !== 'running' || end === epoch) return snapshot();
    const { alpha, targetLoss } = settings;
    // The loss is checked every epoch (in runEpochs); the weights once per chunk below (a NaN
    // weight makes the next loss NaN anyway, but a saturated sigmoid can hide an infinite
    // weight behind a finite loss).
    const e = runEpochs(ws, history, epoch, end, targetLoss);
    if (e > epoch) lastLoss = history[e - 1]!;
    const badLoss = ws.epochLoss[0]!;
    if (e < end && !Number.isFinite(badLoss)) {
      epoch = e;
      status = 'diverged';
      message = `diverged in epoch ${e + 1}: the loss became ${badLoss} (is α = ${alpha} too large?); last finite loss ${lastLoss} after epoch ${epoch}`;
      return snapshot();
    }
    epoch = e;
    if (!parametersFinite(ws)) {
      status = 'diverged';
      message = `diverged by epoch ${epoch}: a weight became NaN or ±∞ (is α = ${alpha} too large?); last finite loss ${lastLoss}`;
    } else if (lastLoss <= targetLoss) {
      status = 'converged';
      message = `converged in epoch ${epoch}: loss ${lastLoss} ≤ target ${targetLoss}`;
    } else if (epoch >= settings.maxEpochs) {
      status = 'stopped';
      message = `stopped after maxEpochs = ${settings.maxEpochs} epochs: loss ${lastLoss}`;
    } else {
      message = `epoch ${epoch}: loss ${lastLoss}`;
    }
    return snapshot();
  }

  return {
    advance,
    progress: snapshot,
    stop(): TrainingProgress {
      if (status === 'running') {
        status = 'stopped';
        message = `stopped by the caller after epoch ${epoch}: loss ${lastLoss}`;
      }
      return snapshot();
    },
    network: () => copyNetwork({ sizes: net.sizes, layers: ws.layers }),
    lossHistory: () => history.slice(0, epoch),
  };
}

/** Trains until converged, diverged or maxEpochs; returns the final network, loss history and progress. */
export function train(
  net: Network,
  data: Dataset,
  options: TrainingOptions,
): { readonly network: Network; readonly lossHistory: Float64Array; readonly progress: TrainingProgress } {
  const run = createTraining(net, data, options);
  const progress = run.advance(options.maxEpochs ?? 10_000);
  return { network: run.network(), lossHistory: run.lossHistory(), progress };
}
