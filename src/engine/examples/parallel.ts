// Two sigmoid neurons in parallel: one input feeding two hidden neurons, both feeding one output
// neuron. The smallest network in which a value reaches the loss along two paths, so that the
// gradients of the paths add (neurons-in-parallel).
//
// Names are the two-neuron example's, with the hidden unit's number after the layer's: w1j, b1j,
// z1j, a1j, delta1j belong to hidden unit j (the book's W⁽¹⁾ⱼ, b⁽¹⁾ⱼ, z⁽¹⁾ⱼ, a⁽¹⁾ⱼ, δ⁽¹⁾ⱼ), and w2j is
// the output's weight from hidden unit j (W⁽²⁾ⱼ). As matrices, in the engine's layout (row = unit
// out, column = unit in): W⁽¹⁾ = [[w11], [w12]] is 2×1, W⁽²⁾ = [[w21, w22]] is 1×2.

import { sigmoidPrime } from '../activations.ts';
import { backward, forward, step } from '../dense.ts';
import { backwardSteps } from '../graph.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import type { Matrix } from '../matrix.ts';
import { fromColumn, fromSamples, zeros } from '../matrix.ts';
import { transposeTimesInto } from '../matmul.ts';
import type { Network } from '../network.ts';
import { networkFrom } from '../network.ts';
import { assertFiniteNumber, assertLearningRate } from '../validate.ts';
import { Value } from '../value.ts';

/** x → hidden units 1 and 2 (w1j, b1j) → the output (w21, w22, b2) → ŷ, target y, learning rate α. */
export interface ParallelParams {
  readonly x: number;
  /** Hidden unit 1: z⁽¹⁾₁ = w11·x + b11. */
  readonly w11: number;
  readonly b11: number;
  /** Hidden unit 2: z⁽¹⁾₂ = w12·x + b12. */
  readonly w12: number;
  readonly b12: number;
  /** The output: z⁽²⁾ = w21·a⁽¹⁾₁ + w22·a⁽¹⁾₂ + b2. */
  readonly w21: number;
  readonly w22: number;
  readonly b2: number;
  readonly y: number;
  readonly alpha: number;
}

/** The numbers the book uses: hidden unit 1 is the running example's neuron. */
export const parallelDefaults: ParallelParams = Object.freeze({
  x: 0.5, w11: 0.3, b11: 0.1, w12: -0.4, b12: 0.2, w21: 0.5, w22: -0.6, b2: 0.05, y: 1.5, alpha: 0.1,
});

/** Every quantity of the derivation; j = 1, 2 numbers the hidden units. */
export interface ParallelResult {
  /** Forward, hidden unit j: z1j = w1j·x + b1j and a1j = σ(z1j). */
  readonly z11: number;
  readonly a11: number;
  readonly z12: number;
  readonly a12: number;
  /** Forward, the output: z2 = w21·a11 + w22·a12 + b2 and a2 = σ(z2) = ŷ. */
  readonly z2: number;
  readonly a2: number;
  readonly yHat: number;
  /** L = ½(y − ŷ)². */
  readonly loss: number;
  /** ∂L/∂ŷ = ŷ − y. */
  readonly dLda2: number;
  /** σ'(z2), σ'(z11), σ'(z12), computed from z. */
  readonly dadz2: number;
  readonly dadz11: number;
  readonly dadz12: number;
  /** δ⁽²⁾ = (ŷ − y)·σ'(z2), the output delta. */
  readonly delta2: number;
  /** ∂L/∂a1j = δ⁽²⁾·w2j: what hidden unit j's output receives back from the output (one path). */
  readonly dLda11: number;
  readonly dLda12: number;
  /** δ1j = δ⁽²⁾·w2j·σ'(z1j), the hidden deltas. */
  readonly delta11: number;
  readonly delta12: number;
  /** The two paths from x to the loss, each w1j·δ1j, and their sum ∂L/∂x = (W⁽¹⁾)ᵀδ⁽¹⁾. */
  readonly dLdxPath1: number;
  readonly dLdxPath2: number;
  readonly dLdx: number;
  /** ∂L/∂w2j = δ⁽²⁾·a1j, ∂L/∂b2 = δ⁽²⁾; ∂L/∂w1j = δ1j·x, ∂L/∂b1j = δ1j. */
  readonly dLdw21: number;
  readonly dLdw22: number;
  readonly dLdb2: number;
  readonly dLdw11: number;
  readonly dLdb11: number;
  readonly dLdw12: number;
  readonly dLdb12: number;
  /** Every parameter after one step θ − α·∂L/∂θ, and the loss they give. */
  readonly w11Next: number;
  readonly b11Next: number;
  readonly w12Next: number;
  readonly b12Next: number;
  readonly w21Next: number;
  readonly w22Next: number;
  readonly b2Next: number;
  readonly lossNext: number;
}

const KEYS = ['x', 'w11', 'b11', 'w12', 'b12', 'w21', 'w22', 'b2', 'y', 'alpha'] as const;

/** Throws NonFiniteError for a non-finite parameter and HyperparameterError for α < 0. */
export function validateParallelParams(params: ParallelParams): void {
  for (const key of KEYS) assertFiniteNumber(key, params[key]);
  assertLearningRate(params.alpha);
}

/** The 1→2→1 sigmoid network: W⁽¹⁾ is 2×1 (one row per hidden unit), W⁽²⁾ is 1×2 (one column per hidden unit). */
export function parallelNetwork(p: ParallelParams): Network {
  return networkFrom([
    { W: [[p.w11], [p.w12]], b: [p.b11, p.b12], activation: 'sigmoid' },
    { W: [[p.w21, p.w22]], b: [p.b2], activation: 'sigmoid' },
  ]);
}

/**
 * What the input receives from the hidden layer, ∂L/∂x = (W⁽¹⁾)ᵀδ⁽¹⁾ (1×1 for one sample), and the
 * two terms of that sum, W⁽¹⁾ⱼ·δ⁽¹⁾ⱼ: one per path from x to the loss. The same product as the
 * hidden delta's (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾, one layer further down, with no slope after it: x is not a neuron.
 */
export function inputGradient(W1: Matrix, delta1: Matrix): { readonly paths: readonly number[]; readonly dLdx: number } {
  // One term per hidden unit j: the weight that carried x into unit j, times unit j's delta.
  const paths = Array.from({ length: W1.rows }, (_, j) => W1.data[j]! * delta1.data[j]!);
  // The sum over the units x feeds, by the engine's product (W⁽¹⁾)ᵀδ⁽¹⁾.
  const dLdx = zeros(1, 1);
  transposeTimesInto(dLdx, W1, delta1);
  return { paths, dLdx: dLdx.data[0]! };
}

/** Runs the dense engine on the example: forward, backward, ∂L/∂x along both paths, one step. */
export function parallel(params: ParallelParams = parallelDefaults): ParallelResult {
  validateParallelParams(params);
  const X = fromSamples([[params.x]]);
  const Y = fromColumn([params.y]);
  const net = parallelNetwork(params);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const next = step(net, grads, params.alpha);
  const [hidden, output] = [trace.layers[0]!, trace.layers[1]!];
  const [g1, g2] = [grads.layers[0]!, grads.layers[1]!];
  const { paths, dLdx } = inputGradient(net.layers[0]!.W, g1.delta);
  // Layer 1's matrices have one row per hidden unit (entry j − 1); layer 2's W and dW one column per unit.
  const z11 = hidden.z.data[0]!, z12 = hidden.z.data[1]!, z2 = output.z.data[0]!;
  const delta2 = g2.delta.data[0]!;
  const [W1next, W2next] = [next.layers[0]!, next.layers[1]!];
  return {
    z11, a11: hidden.a.data[0]!, z12, a12: hidden.a.data[1]!,
    z2, a2: output.a.data[0]!, yHat: output.a.data[0]!,
    loss: grads.loss,
    dLda2: grads.dLdyHat.data[0]!,
    dadz2: sigmoidPrime(z2), dadz11: sigmoidPrime(z11), dadz12: sigmoidPrime(z12),
    delta2,
    // ∂z⁽²⁾/∂a⁽¹⁾ⱼ = W⁽²⁾ⱼ: the weight that carried a⁽¹⁾ⱼ forward carries the error back.
    dLda11: delta2 * params.w21, dLda12: delta2 * params.w22,
    delta11: g1.delta.data[0]!, delta12: g1.delta.data[1]!,
    dLdxPath1: paths[0]!, dLdxPath2: paths[1]!, dLdx,
    dLdw21: g2.dW.data[0]!, dLdw22: g2.dW.data[1]!, dLdb2: g2.db.data[0]!,
    dLdw11: g1.dW.data[0]!, dLdb11: g1.db.data[0]!, dLdw12: g1.dW.data[1]!, dLdb12: g1.db.data[1]!,
    w11Next: W1next.W.data[0]!, b11Next: W1next.b.data[0]!, w12Next: W1next.W.data[1]!, b12Next: W1next.b.data[1]!,
    w21Next: W2next.W.data[0]!, w22Next: W2next.W.data[1]!, b2Next: W2next.b.data[0]!,
    lossNext: halfSquaredErrorSum.value(forward(next, X).yHat, Y),
  };
}

/** The named nodes of the parallel network's graph; `L` is the root. */
export interface ParallelGraph {
  readonly x: Value;
  readonly z11: Value;
  readonly a11: Value;
  readonly z12: Value;
  readonly a12: Value;
  readonly z2: Value;
  readonly a2: Value;
  readonly L: Value;
  /** The two products w1j·x: the only nodes x feeds, so the only edges along which x.grad grows. */
  readonly w11x: Value;
  readonly w12x: Value;
  /** The parameters, as leaves. */
  readonly w11: Value;
  readonly b11: Value;
  readonly w12: Value;
  readonly b12: Value;
  readonly w21: Value;
  readonly w22: Value;
  readonly b2: Value;
}

/** The network as a scalar autograd graph, L = ½(y − σ(w21·σ(w11·x + b11) + w22·σ(w12·x + b12) + b2))². */
export function parallelGraph(params: ParallelParams = parallelDefaults): ParallelGraph {
  validateParallelParams(params);
  const v = (key: (typeof KEYS)[number]) => new Value(params[key], key);
  const [x, w11, b11, w12, b12, w21, w22, b2, y] = [v('x'), v('w11'), v('b11'), v('w12'), v('b12'), v('w21'), v('w22'), v('b2'), v('y')];
  // x is used twice, once by each hidden neuron: two parents, so two contributions to x.grad.
  const w11x = w11.mul(x).named('w11x');
  const w12x = w12.mul(x).named('w12x');
  const z11 = w11x.add(b11).named('z11');
  const z12 = w12x.add(b12).named('z12');
  const a11 = z11.sigmoid().named('a11');
  const a12 = z12.sigmoid().named('a12');
  const z2 = w21.mul(a11).named('w21a11').add(w22.mul(a12).named('w22a12')).named('sum').add(b2).named('z2');
  const a2 = z2.sigmoid().named('a2');
  const L = y.add(a2.neg().named('−a2')).named('y−a2').pow(2).named('e²').mul(0.5).named('L');
  return { x, z11, a11, z12, a12, z2, a2, L, w11x, w12x, w11, b11, w12, b12, w21, w22, b2 };
}

/**
 * The backward pass of parallelGraph as it reaches x: the amounts added to x.grad, in the order the
 * walk adds them (one per node that uses x), and x.grad at the end, their sum. `overwritten` is what
 * x.grad would be if each contribution replaced the last (`=` in place of `+=`): the last one alone.
 */
export function inputGradientSteps(params: ParallelParams = parallelDefaults): {
  readonly contributions: readonly { readonly from: string; readonly amount: number }[];
  readonly grad: number;
  readonly overwritten: number;
} {
  const g = parallelGraph(params);
  const contributions = backwardSteps(g.L).flatMap((s) => s.edges.filter((e) => e.child === g.x).map((e) => ({ from: s.node.label, amount: e.contribution })));
  return { contributions, grad: g.x.grad, overwritten: contributions[contributions.length - 1]!.amount };
}
