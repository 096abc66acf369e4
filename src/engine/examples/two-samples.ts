// Two samples through one sigmoid neuron (loss-and-batches): the forward pass of a batch, its loss
// summed or averaged, one full-batch step under each convention, and per-sample SGD. The same inputs
// with targets a sigmoid can reach (0 and 1) for cross-entropy and for the "loss" without squares;
// and one sample's losses by name, for the loss explorer widget.
// (Longer than most engine files: one example, and each part of it is a few small functions.)

import { sigmoidPrime, sigmoidPrimeFromA } from '../activations.ts';
import { assertBinaryCrossEntropyDomain, binaryCrossEntropy, softmaxCrossEntropy } from '../cross-entropy.ts';
import { backward, forward, lossOf, step } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import type { Loss } from '../losses.ts';
import { halfSquaredErrorMean, halfSquaredErrorSum, meanSquaredError } from '../losses.ts';
import type { Matrix } from '../matrix.ts';
import { fromColumn, fromRows, zeros } from '../matrix.ts';
import type { Network } from '../network.ts';
import { assertFiniteNumber, assertLearningRate } from '../validate.ts';
import { Value } from '../value.ts';
import { lossFloor, oneNeuronNetwork } from './one-neuron.ts';

/** Inputs x₁, x₂, targets y₁, y₂, the neuron's w and b, and the learning rate α. */
export interface TwoSampleParams {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
  readonly w: number;
  readonly b: number;
  readonly alpha: number;
}

/** The book's neuron (w = 0.3, b = 0.1, α = 0.1) with a second sample: x = (0.5, 1), y = (1.5, 2). */
export const twoSampleDefaults: TwoSampleParams = Object.freeze({ x1: 0.5, x2: 1, y1: 1.5, y2: 2, w: 0.3, b: 0.1, alpha: 0.1 });

/**
 * Targets a sigmoid can output, for the parts that need 0 ≤ y ≤ 1 (cross-entropy, and errors of
 * opposite sign): sample 1 is class 0, sample 2 is class 1.
 */
export const classTargets = Object.freeze({ y1: 0, y2: 1 });

/** Throws NonFiniteError for a non-finite number and HyperparameterError for α < 0. */
export function validateTwoSampleParams(p: TwoSampleParams): void {
  for (const key of ['x1', 'x2', 'y1', 'y2', 'w', 'b', 'alpha'] as const) assertFiniteNumber(key, p[key]);
  assertLearningRate(p.alpha);
}

/** X = (x₁ x₂), one sample per column (1 × 2), and Y = (y₁ y₂) likewise. */
function batchOf(p: TwoSampleParams): { X: Matrix; Y: Matrix } {
  return { X: fromRows([[p.x1, p.x2]]), Y: fromRows([[p.y1, p.y2]]) };
}

const weightOf = (net: Network): number => net.layers[0]!.W.data[0]!;
const biasOf = (net: Network): number => net.layers[0]!.b.data[0]!;

// --- one sample at a time ------------------------------------------------------------------------

/** One sample through the neuron with the book's L = ½(y − ŷ)², backward included. */
export interface SampleTrace {
  readonly x: number;
  readonly y: number;
  /** z = wx + b and ŷ = σ(z). */
  readonly z: number;
  readonly yHat: number;
  /** The error y − ŷ (positive when ŷ is too small). */
  readonly error: number;
  /** σ'(z), computed from z. */
  readonly dadz: number;
  /** ∂L/∂ŷ = ŷ − y. */
  readonly dLdyHat: number;
  /** δ = ∂L/∂z = (ŷ − y)·σ'(z). */
  readonly delta: number;
  /** ∂L/∂w = δx and ∂L/∂b = δ, this sample's share of the batch gradient. */
  readonly dLdw: number;
  readonly dLdb: number;
  /** L = ½(y − ŷ)². */
  readonly loss: number;
}

/** The neuron (w, b) on one sample (x, y), by the dense engine. */
export function sampleTrace(w: number, b: number, x: number, y: number): SampleTrace {
  const net = oneNeuronNetwork(w, b);
  const X = fromColumn([x]);
  const Y = fromColumn([y]);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const z = trace.layers[0]!.z.data[0]!;
  const yHat = trace.yHat.data[0]!;
  return {
    x, y, z, yHat,
    error: y - yHat,
    dadz: sigmoidPrime(z),
    dLdyHat: grads.dLdyHat.data[0]!,
    delta: grads.layers[0]!.delta.data[0]!,
    dLdw: grads.layers[0]!.dW.data[0]!,
    dLdb: grads.layers[0]!.db.data[0]!,
    loss: grads.loss,
  };
}

// --- the whole batch, one step ---------------------------------------------------------------------

/** One full-batch step under one convention of the loss (sum or mean, with or without ½). */
export interface FullBatchStep {
  /** L over the batch before the step. */
  readonly loss: number;
  /** ∂L/∂w and ∂L/∂b over the batch (the engine sums the samples' δ·x and δ, then the loss scales them). */
  readonly dLdw: number;
  readonly dLdb: number;
  /** w − α·∂L/∂w and b − α·∂L/∂b. */
  readonly wNext: number;
  readonly bNext: number;
  /** The same loss after the step, and the two outputs it comes from. */
  readonly lossNext: number;
  readonly yHatNext: readonly [number, number];
}

/** One gradient-descent step on both samples at once, under `loss`. */
export function fullBatchStep(p: TwoSampleParams, loss: Loss): FullBatchStep {
  validateTwoSampleParams(p);
  const { X, Y } = batchOf(p);
  const net = oneNeuronNetwork(p.w, p.b);
  const grads = backward(net, forward(net, X), Y, loss);
  const next = step(net, grads, p.alpha);
  const after = forward(next, X).yHat.data;
  return {
    loss: grads.loss,
    dLdw: grads.layers[0]!.dW.data[0]!,
    dLdb: grads.layers[0]!.db.data[0]!,
    wNext: weightOf(next),
    bNext: biasOf(next),
    lossNext: lossOf(next, X, Y, loss),
    yHatNext: [after[0]!, after[1]!],
  };
}

// --- per-sample SGD ----------------------------------------------------------------------------------

/** One step of per-sample SGD: the sample's trace at the weights the previous step left, and the new weights. */
export interface SgdStep extends SampleTrace {
  /** Which sample, 1 or 2. */
  readonly sample: number;
  /** The weights this step starts from and the ones it leaves. */
  readonly w: number;
  readonly b: number;
  readonly wNext: number;
  readonly bNext: number;
}

/**
 * Per-sample SGD over the batch, in order: sample 1 updates w and b, then sample 2 is run through
 * the neuron with the weights sample 1 left, and updates them again. Each step is the book's
 * w ← w − α·δx, b ← b − α·δ for one sample.
 */
export function perSampleSgd(p: TwoSampleParams): readonly [SgdStep, SgdStep] {
  validateTwoSampleParams(p);
  const samples = [[p.x1, p.y1], [p.x2, p.y2]] as const;
  let w = p.w, b = p.b;
  const steps = samples.map(([x, y], i): SgdStep => {
    const t = sampleTrace(w, b, x, y);
    const s = { ...t, sample: i + 1, w, b, wNext: w - p.alpha * t.dLdw, bNext: b - p.alpha * t.dLdb };
    w = s.wNext;
    b = s.bNext;
    return s;
  });
  return [steps[0]!, steps[1]!];
}

// --- everything the chapter works through --------------------------------------------------------

/** The example worked through: both samples, the three conventions of the squared error, and SGD. */
export interface TwoSampleResult {
  readonly samples: readonly [SampleTrace, SampleTrace];
  /** The book's L = ½ Σᵢ (yᵢ − ŷᵢ)²: gradient Σᵢ δᵢxᵢ. */
  readonly sum: FullBatchStep;
  /** L = (1/N)·½ Σᵢ (yᵢ − ŷᵢ)²: gradient divided by N. */
  readonly mean: FullBatchStep;
  /** The libraries' MSE, (1/N) Σᵢ (yᵢ − ŷᵢ)² without the ½: gradient times 2/N. */
  readonly meanSquared: FullBatchStep;
  /** Per-sample SGD, sample 1 then sample 2. */
  readonly sgd: readonly [SgdStep, SgdStep];
  /** The book's (summed) loss after both SGD steps. */
  readonly sgdLossNext: number;
  /** The lowest summed loss a sigmoid output can approach with these targets, Σᵢ lossFloor(yᵢ). */
  readonly floor: number;
}

/** The two-sample example, every number of the chapter. */
export function twoSamples(p: TwoSampleParams = twoSampleDefaults): TwoSampleResult {
  validateTwoSampleParams(p);
  const sgd = perSampleSgd(p);
  const { X, Y } = batchOf(p);
  const last = sgd[1];
  return {
    samples: [sampleTrace(p.w, p.b, p.x1, p.y1), sampleTrace(p.w, p.b, p.x2, p.y2)],
    sum: fullBatchStep(p, halfSquaredErrorSum),
    mean: fullBatchStep(p, halfSquaredErrorMean),
    meanSquared: fullBatchStep(p, meanSquaredError),
    sgd,
    sgdLossNext: lossOf(oneNeuronNetwork(last.wNext, last.bNext), X, Y, halfSquaredErrorSum),
    floor: lossFloor(p.y1) + lossFloor(p.y2),
  };
}

// --- the "loss" without squares ------------------------------------------------------------------

/** M = ½((y₁ − ŷ₁) + (y₂ − ŷ₂)) at w and b, with its gradients, next to the book's loss. */
export interface MeanErrorPoint {
  readonly w: number;
  readonly b: number;
  readonly yHat: readonly [number, number];
  /** M, the mean of the signed errors. */
  readonly value: number;
  /** ∂M/∂w and ∂M/∂b, by backpropagation through the autograd graph. */
  readonly dMdw: number;
  readonly dMdb: number;
  /** The book's loss ½ Σᵢ (yᵢ − ŷᵢ)² at the same w and b, for comparison. */
  readonly squaredLoss: number;
}

/**
 * The signed errors averaged, M = ½((y₁ − ŷ₁) + (y₂ − ŷ₂)), which some write-ups call a loss. It is
 * not one: errors of opposite sign cancel, and ∂M/∂ŷᵢ = −½ whatever ŷᵢ is, so it has no minimum.
 * Built as a scalar autograd graph, since no loss of the engine is this.
 */
export function meanError(p: TwoSampleParams): MeanErrorPoint {
  validateTwoSampleParams(p);
  const w = new Value(p.w, 'w');
  const b = new Value(p.b, 'b');
  const outputs = [p.x1, p.x2].map((x) => w.mul(x).add(b).sigmoid());
  const errors = outputs.map((a, i) => a.neg().add(i === 0 ? p.y1 : p.y2));
  const M = errors[0]!.add(errors[1]!).mul(0.5);
  M.backward();
  const yHat = [outputs[0]!.data, outputs[1]!.data] as const;
  const squaredLoss = 0.5 * (p.y1 - yHat[0]) ** 2 + 0.5 * (p.y2 - yHat[1]) ** 2;
  return { w: p.w, b: p.b, yHat, value: M.data, dMdw: w.grad, dMdb: b.grad, squaredLoss };
}

/** Gradient descent on M for `steps` steps: entry k is where it stands after k steps (entry 0 the start). */
export function meanErrorDescent(p: TwoSampleParams, steps: number): MeanErrorPoint[] {
  if (!Number.isInteger(steps) || steps < 0) throw new HyperparameterError(`steps = ${String(steps)}: expected an integer ≥ 0`, 'steps');
  const path = [meanError(p)];
  for (let k = 0; k < steps; k++) {
    const now = path[k]!;
    path.push(meanError({ ...p, w: now.w - p.alpha * now.dMdw, b: now.b - p.alpha * now.dMdb }));
  }
  return path;
}

// --- cross-entropy -------------------------------------------------------------------------------

/** One sample under binary cross-entropy, beside the squared error's δ for the same target. */
export interface CrossEntropySample {
  readonly yHat: number;
  readonly y: number;
  /** ℓ = −[y log ŷ + (1 − y) log(1 − ŷ)]. */
  readonly loss: number;
  /** ∂ℓ/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)). */
  readonly dLdyHat: number;
  /** δ = ∂ℓ/∂z = ŷ − y: σ'(z) = ŷ(1 − ŷ) cancels. */
  readonly delta: number;
  /** δ of the book's ½(y − ŷ)² for the same sample, (ŷ − y)·σ'(z), for comparison. */
  readonly deltaSquared: number;
}

/** The batch with targets in [0, 1] under binary cross-entropy (mean over N, the engine's convention). */
export interface CrossEntropyResult {
  readonly samples: readonly [CrossEntropySample, CrossEntropySample];
  /** L = (1/N) Σᵢ ℓᵢ, by the engine's binaryCrossEntropy. */
  readonly loss: number;
  /** ∂L/∂w = (1/N) Σᵢ (ŷᵢ − yᵢ)xᵢ and ∂L/∂b = (1/N) Σᵢ (ŷᵢ − yᵢ). */
  readonly dLdw: number;
  readonly dLdb: number;
  /** The same L as a two-class softmax cross-entropy on the logits (z, 0): the same number. */
  readonly softmaxLoss: number;
  /** ∂L/∂z of the softmax version for the first class, sample by sample: the δᵢ/N of the sigmoid version. */
  readonly softmaxDelta: readonly [number, number];
}

/** Binary cross-entropy on the two samples; throws DomainError unless both targets are in [0, 1]. */
export function twoSamplesCrossEntropy(p: TwoSampleParams): CrossEntropyResult {
  validateTwoSampleParams(p);
  const { X, Y } = batchOf(p);
  const net = oneNeuronNetwork(p.w, p.b);
  const trace = forward(net, X);
  const yHat = trace.yHat.data;
  for (const i of [0, 1]) assertBinaryCrossEntropyDomain(yHat[i]!, Y.data[i]!);
  const grads = backward(net, trace, Y, binaryCrossEntropy);
  const z = trace.layers[0]!.z;
  const samples = [0, 1].map((i) => {
    const one = sampleLoss('binaryCrossEntropy', yHat[i]!, Y.data[i]!);
    return { yHat: yHat[i]!, y: Y.data[i]!, ...one, deltaSquared: (yHat[i]! - Y.data[i]!) * sigmoidPrime(z.data[i]!) };
  });
  // Two classes: logits (z, 0) and targets (y, 1 − y); softmax((z, 0)) = (σ(z), 1 − σ(z)).
  const logits = fromRows([[z.data[0]!, z.data[1]!], [0, 0]]);
  const oneHot = fromRows([[p.y1, p.y2], [1 - p.y1, 1 - p.y2]]);
  const dLdz = zeros(2, 2);
  softmaxCrossEntropy.gradInto(dLdz, logits, oneHot);
  return {
    samples: [samples[0]!, samples[1]!],
    loss: grads.loss,
    dLdw: grads.layers[0]!.dW.data[0]!,
    dLdb: grads.layers[0]!.db.data[0]!,
    softmaxLoss: softmaxCrossEntropy.value(logits, oneHot),
    softmaxDelta: [dLdz.data[0]!, dLdz.data[1]!],
  };
}

// --- one sample's losses, by name (the loss explorer) --------------------------------------------

/**
 * Where the loss explorer starts: an output ŷ = 0.3 for the target y = 1 (a class-1 sample the neuron
 * gets badly wrong), inside the range of every loss, cross-entropy's included.
 */
export const oneSampleDefaults = Object.freeze({ yHat: 0.3, y: 1 });

/** The losses of one sample and one output that the chapter compares, and the error that is not one. */
export type SampleLossName = 'halfSquaredError' | 'squaredError' | 'binaryCrossEntropy' | 'error';

/** A loss of one sample at ŷ, with its slope, and δ for a sigmoid output ŷ = σ(z). */
export interface SampleLoss {
  readonly loss: number;
  /** ∂L/∂ŷ. */
  readonly dLdyHat: number;
  /** δ = ∂L/∂z = ∂L/∂ŷ · σ'(z), with σ'(z) = ŷ(1 − ŷ) read off ŷ. */
  readonly delta: number;
}

/** L and ∂L/∂ŷ from one of the engine's batch losses, on a batch of one sample. */
function onOneSample(loss: Loss, yHat: number, y: number): { loss: number; dLdyHat: number } {
  const P = fromColumn([yHat]);
  const T = fromColumn([y]);
  const g = zeros(1, 1);
  loss.gradInto(g, P, T);
  return { loss: loss.value(P, T), dLdyHat: g.data[0]! };
}

/**
 * One sample's loss at ŷ for target y: ½(y − ŷ)² (the book's), (y − ŷ)² (the MSE of one sample, no ½:
 * ∂L/∂ŷ = −2(y − ŷ)), binary cross-entropy (throws DomainError unless 0 ≤ y ≤ 1 and 0 < ŷ < 1), or
 * the bare error y − ŷ (∂L/∂ŷ = −1 everywhere: not a loss, see meanError).
 */
export function sampleLoss(name: SampleLossName, yHat: number, y: number): SampleLoss {
  assertFiniteNumber('ŷ', yHat);
  assertFiniteNumber('y', y);
  const slope = sigmoidPrimeFromA(yHat);
  const withDelta = (r: { loss: number; dLdyHat: number }): SampleLoss => ({ ...r, delta: r.dLdyHat * slope });
  switch (name) {
    // One sample: sum and mean agree, and the MSE's 1/(K·N) is 1.
    case 'halfSquaredError': return withDelta(onOneSample(halfSquaredErrorSum, yHat, y));
    case 'squaredError': return withDelta(onOneSample(meanSquaredError, yHat, y));
    case 'binaryCrossEntropy':
      assertBinaryCrossEntropyDomain(yHat, y);
      // δ exactly ŷ − y (the slope cancels), rather than (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ) with its rounding.
      return { ...onOneSample(binaryCrossEntropy, yHat, y), delta: yHat - y };
    // Not an engine loss, because it is not a loss: written out.
    case 'error': return withDelta({ loss: y - yHat, dLdyHat: -1 });
  }
}
