// The book's first system: one sigmoid neuron, one sample, L = ½(y − ŷ)² (sigmoid-derivative … weight-update).

import { sigmoidPrime } from '../activations.ts';
import { backward, forward, step } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import type { LossLike } from '../loss-registry.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import { fromColumn, fromSamples } from '../matrix.ts';
import type { Network } from '../network.ts';
import { networkFrom } from '../network.ts';
import { assertFiniteNumber, assertLearningRate } from '../validate.ts';
import { Value } from '../value.ts';

/** Input x, weight w, bias b, target y and learning rate α of the one-neuron example. */
export interface OneNeuronParams {
  readonly x: number;
  readonly w: number;
  readonly b: number;
  readonly y: number;
  readonly alpha: number;
}

/** The numbers the book starts from. */
export const oneNeuronDefaults: OneNeuronParams = Object.freeze({ x: 0.5, w: 0.3, b: 0.1, y: 1.5, alpha: 0.1 });

/**
 * A target the sigmoid can reach (0 < y < 1). The running example's y = 1.5 cannot be reached by
 * a sigmoid output; chapters use this one to show what changes when the target is reachable.
 */
export const reachableTarget = 0.8;

/**
 * Whether a sigmoid output can ever equal the target y: σ(z) lies strictly between 0 and 1, so only
 * for 0 < y < 1. The one reachability rule of the book (chapters and widgets use this, nothing else).
 */
export function sigmoidReaches(y: number): boolean {
  return y > 0 && y < 1;
}

/**
 * The lowest loss ½(y − σ(z))² can approach: 0 when 0 ≤ y ≤ 1 (attained only strictly inside, see
 * sigmoidReaches), else half the squared distance from y to the nearer end of (0, 1).
 */
export function lossFloor(y: number): number {
  const nearest = Math.min(1, Math.max(0, y));
  return 0.5 * (y - nearest) ** 2;
}

/**
 * Below this slope the book calls a sigmoid unit saturated: σ'(z) is at most 1/4, so δ is then less
 * than 1/25 of the biggest share of the error it could pass on.
 */
export const SATURATED_SLOPE = 0.01;

/** Every quantity of the one-neuron derivation, in the book's order. */
export interface OneNeuronResult {
  /** z = w·x + b. */
  readonly z: number;
  /** a = σ(z), the prediction ŷ. */
  readonly a: number;
  /** ŷ, the same number as a. */
  readonly yHat: number;
  /** ∂a/∂z = σ'(z) = σ(z)(1 − σ(z)), computed from z (stable in the tails). */
  readonly dadz: number;
  /** ∂L/∂a = a − y. */
  readonly dLda: number;
  /** δ = ∂L/∂z = (a − y)·σ'(z). */
  readonly delta: number;
  /** ∂L/∂w = δ·x. */
  readonly dLdw: number;
  /** ∂L/∂b = δ. */
  readonly dLdb: number;
  /** L = ½(y − a)². */
  readonly loss: number;
  /** w after one step, w − α·∂L/∂w. */
  readonly wNext: number;
  /** b after one step, b − α·∂L/∂b. */
  readonly bNext: number;
  /** z, a and L again with wNext and bNext. */
  readonly zNext: number;
  readonly aNext: number;
  readonly lossNext: number;
}

/** Throws NonFiniteError for a non-finite x, w, b, y or α and HyperparameterError for α < 0. */
export function validateOneNeuronParams(params: OneNeuronParams): void {
  for (const key of ['x', 'w', 'b', 'y', 'alpha'] as const) assertFiniteNumber(key, params[key]);
  assertLearningRate(params.alpha);
}

/** The 1→1 sigmoid network with weight w and bias b. */
export function oneNeuronNetwork(w: number, b: number): Network {
  return networkFrom([{ W: [[w]], b: [b], activation: 'sigmoid' }]);
}

/** Runs the dense engine on the one-neuron example and returns every quantity of the derivation. */
export function oneNeuron(params: OneNeuronParams = oneNeuronDefaults): OneNeuronResult {
  validateOneNeuronParams(params);
  const { x, w, b, y, alpha } = params;
  const X = fromSamples([[x]]);
  const Y = fromColumn([y]);
  const net = oneNeuronNetwork(w, b);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const next = step(net, grads, alpha);
  const traceNext = forward(next, X);
  const z = trace.layers[0]!.z.data[0]!;
  const a = trace.yHat.data[0]!;
  return {
    z,
    a,
    yHat: a,
    dadz: sigmoidPrime(z),
    dLda: grads.dLdyHat.data[0]!,
    delta: grads.layers[0]!.delta.data[0]!,
    dLdw: grads.layers[0]!.dW.data[0]!,
    dLdb: grads.layers[0]!.db.data[0]!,
    loss: grads.loss,
    wNext: next.layers[0]!.W.data[0]!,
    bNext: next.layers[0]!.b.data[0]!,
    zNext: traceNext.layers[0]!.z.data[0]!,
    aNext: traceNext.yHat.data[0]!,
    lossNext: halfSquaredErrorSum.value(traceNext.yHat, Y),
  };
}

/**
 * δ = ∂L/∂z of the same neuron under another loss, e.g. 'binaryCrossEntropy' (for which the
 * σ'(z) cancels and δ = a − y): for comparing losses in the output-delta chapter.
 */
export function oneNeuronDelta(params: OneNeuronParams, loss: LossLike): number {
  validateOneNeuronParams(params);
  const net = oneNeuronNetwork(params.w, params.b);
  const X = fromSamples([[params.x]]);
  const grads = backward(net, forward(net, X), fromColumn([params.y]), loss);
  return grads.layers[0]!.delta.data[0]!;
}

/** Where gradient descent stands after `step` steps. */
export interface OneNeuronStep {
  readonly step: number;
  readonly w: number;
  readonly b: number;
  readonly loss: number;
}

/**
 * The trajectory of n gradient-descent steps from `params`: n + 1 entries, entry k holding w,
 * b and the loss after k steps (entry 0 is the start), for a "Step" button and a loss plot.
 */
export function oneNeuronSteps(params: OneNeuronParams, n: number): OneNeuronStep[] {
  validateOneNeuronParams(params);
  if (!Number.isInteger(n) || n < 0) throw new HyperparameterError(`n = ${String(n)}: expected an integer ≥ 0 steps`, 'n');
  const trajectory: OneNeuronStep[] = [];
  let current: OneNeuronParams = params;
  for (let k = 0; k <= n; k++) {
    const r = oneNeuron(current);
    trajectory.push({ step: k, w: current.w, b: current.b, loss: r.loss });
    current = { ...current, w: r.wNext, b: r.bNext };
  }
  return trajectory;
}

/** The named nodes of the one-neuron graph; `L` is the root. */
export interface OneNeuronGraph {
  readonly x: Value;
  readonly w: Value;
  readonly b: Value;
  readonly wx: Value;
  readonly z: Value;
  readonly a: Value;
  readonly y: Value;
  readonly e: Value;
  readonly L: Value;
}

/**
 * The same neuron as a scalar autograd graph: x, w, b → wx = w·x → z = wx + b → a = σ(z)
 * → e = y − a → L = ½·e². Call backward() or backwardSteps(graph.L) to fill the gradients.
 * (e = y − a is built as y + (−1)·a, so the graph also holds the nodes "−a" and "e²".)
 */
export function oneNeuronGraph(params: OneNeuronParams = oneNeuronDefaults): OneNeuronGraph {
  validateOneNeuronParams(params);
  const x = new Value(params.x, 'x');
  const w = new Value(params.w, 'w');
  const b = new Value(params.b, 'b');
  const y = new Value(params.y, 'y');
  const wx = w.mul(x).named('wx');
  const z = wx.add(b).named('z');
  const a = z.sigmoid().named('a');
  const e = y.add(a.neg().named('−a')).named('y−a');
  const L = e.pow(2).named('e²').mul(0.5).named('L');
  return { x, w, b, wx, z, a, y, e, L };
}
