// Two sigmoid neurons in a row: the smallest network with a hidden delta (chain-rule, hidden-delta).

import { sigmoidPrime } from '../activations.ts';
import { backward, forward, step } from '../dense.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import { fromColumn, fromSamples } from '../matrix.ts';
import type { Network } from '../network.ts';
import { networkFrom } from '../network.ts';
import { assertFiniteNumber, assertLearningRate } from '../validate.ts';
import { Value } from '../value.ts';

/** x → neuron 1 (w1, b1) → neuron 2 (w2, b2) → ŷ, target y, learning rate α. */
export interface TwoNeuronParams {
  readonly x: number;
  readonly w1: number;
  readonly b1: number;
  readonly w2: number;
  readonly b2: number;
  readonly y: number;
  readonly alpha: number;
}

/** The numbers the book uses. */
export const twoNeuronDefaults: TwoNeuronParams = Object.freeze({ x: 0.5, w1: 0.3, b1: 0.1, w2: 0.5, b2: -0.2, y: 1.5, alpha: 0.1 });

/** Every quantity of the two-neuron derivation. */
export interface TwoNeuronResult {
  /** z1 = w1·x + b1 and a1 = σ(z1). */
  readonly z1: number;
  readonly a1: number;
  /** z2 = w2·a1 + b2 and a2 = σ(z2) = ŷ. */
  readonly z2: number;
  readonly a2: number;
  readonly yHat: number;
  /** ∂a1/∂z1 = σ'(z1) and ∂a2/∂z2 = σ'(z2), computed from z. */
  readonly dadz1: number;
  readonly dadz2: number;
  /** ∂L/∂a2 = a2 − y. */
  readonly dLda2: number;
  /** δ2 = (a2 − y)·σ'(z2), the output delta. */
  readonly delta2: number;
  /** δ1 = w2·δ2·σ'(z1), the hidden delta. */
  readonly delta1: number;
  /** ∂L/∂w2 = δ2·a1, ∂L/∂b2 = δ2, ∂L/∂w1 = δ1·x, ∂L/∂b1 = δ1. */
  readonly dLdw2: number;
  readonly dLdb2: number;
  readonly dLdw1: number;
  readonly dLdb1: number;
  /** L = ½(y − a2)². */
  readonly loss: number;
  /** Parameters after one step θ − α·∂L/∂θ, and the loss they give. */
  readonly w1Next: number;
  readonly b1Next: number;
  readonly w2Next: number;
  readonly b2Next: number;
  readonly lossNext: number;
}

/** Throws NonFiniteError for a non-finite parameter and HyperparameterError for α < 0. */
export function validateTwoNeuronParams(params: TwoNeuronParams): void {
  for (const key of ['x', 'w1', 'b1', 'w2', 'b2', 'y', 'alpha'] as const) assertFiniteNumber(key, params[key]);
  assertLearningRate(params.alpha);
}

/** The 1→1→1 sigmoid network. */
export function twoNeuronNetwork(params: TwoNeuronParams): Network {
  return networkFrom([
    { W: [[params.w1]], b: [params.b1], activation: 'sigmoid' },
    { W: [[params.w2]], b: [params.b2], activation: 'sigmoid' },
  ]);
}

/** Runs the dense engine on the two-neuron example and returns every quantity of the derivation. */
export function twoNeurons(params: TwoNeuronParams = twoNeuronDefaults): TwoNeuronResult {
  validateTwoNeuronParams(params);
  const X = fromSamples([[params.x]]);
  const Y = fromColumn([params.y]);
  const net = twoNeuronNetwork(params);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const next = step(net, grads, params.alpha);
  const [layer1, layer2] = [trace.layers[0]!, trace.layers[1]!];
  const [g1, g2] = [grads.layers[0]!, grads.layers[1]!];
  const z1 = layer1.z.data[0]!;
  const z2 = layer2.z.data[0]!;
  return {
    z1,
    a1: layer1.a.data[0]!,
    z2,
    a2: layer2.a.data[0]!,
    yHat: layer2.a.data[0]!,
    dadz1: sigmoidPrime(z1),
    dadz2: sigmoidPrime(z2),
    dLda2: grads.dLdyHat.data[0]!,
    delta2: g2.delta.data[0]!,
    delta1: g1.delta.data[0]!,
    dLdw2: g2.dW.data[0]!,
    dLdb2: g2.db.data[0]!,
    dLdw1: g1.dW.data[0]!,
    dLdb1: g1.db.data[0]!,
    loss: grads.loss,
    w1Next: next.layers[0]!.W.data[0]!,
    b1Next: next.layers[0]!.b.data[0]!,
    w2Next: next.layers[1]!.W.data[0]!,
    b2Next: next.layers[1]!.b.data[0]!,
    lossNext: halfSquaredErrorSum.value(forward(next, X).yHat, Y),
  };
}

/** The named nodes of the two-neuron graph; `L` is the root. */
export interface TwoNeuronGraph {
  readonly x: Value;
  readonly w1: Value;
  readonly b1: Value;
  readonly z1: Value;
  readonly a1: Value;
  readonly w2: Value;
  readonly b2: Value;
  readonly z2: Value;
  readonly a2: Value;
  readonly y: Value;
  readonly L: Value;
}

/** The two neurons as a scalar autograd graph, L = ½(y − σ(w2·σ(w1·x + b1) + b2))². */
export function twoNeuronGraph(params: TwoNeuronParams = twoNeuronDefaults): TwoNeuronGraph {
  validateTwoNeuronParams(params);
  const x = new Value(params.x, 'x');
  const w1 = new Value(params.w1, 'w1');
  const b1 = new Value(params.b1, 'b1');
  const w2 = new Value(params.w2, 'w2');
  const b2 = new Value(params.b2, 'b2');
  const y = new Value(params.y, 'y');
  const z1 = w1.mul(x).named('w1x').add(b1).named('z1');
  const a1 = z1.sigmoid().named('a1');
  const z2 = w2.mul(a1).named('w2a1').add(b2).named('z2');
  const a2 = z2.sigmoid().named('a2');
  const L = y.add(a2.neg().named('−a2')).named('y−a2').pow(2).named('e²').mul(0.5).named('L');
  return { x, w1, b1, z1, a1, w2, b2, z2, a2, y, L };
}
