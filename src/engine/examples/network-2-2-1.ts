// The 2-2-1 sigmoid network with fixed weights on the four XOR samples: every matrix of one forward
// pass, one backward pass and one full-batch step, with its shape (network-2-2-1).
//
// A batch holds one sample per column: X is 2×4, Y is 1×4, and every Z, A and Δ has one column per
// sample. The loss is the book's ½ Σₙ (yₙ − ŷₙ)², summed over the batch, so the gradients are sums of
// the samples' gradients. (examples/xor-2-2-1.ts trains the same shape of network from random starts;
// this file is the fixed-weights worked example, and shares only the XOR data with it.)

import { sigmoidPrime } from '../activations.ts';
import { backward, forward, step } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import type { Matrix } from '../matrix.ts';
import { fromRows, toRows, zeros } from '../matrix.ts';
import { transposeTimesInto } from '../matmul.ts';
import type { Network } from '../network.ts';
import { networkFrom } from '../network.ts';
import { createTraining } from '../train.ts';
import { assertLearningRate } from '../validate.ts';
import { xorData } from './xor-2-2-1.ts';

/** A matrix written as nested rows, e.g. [[0.1, −0.2], [0.4, 0.3]]; a column vector is [[0.05], [−0.1]]. */
export type Rows = readonly (readonly number[])[];

/** The nine parameters (W⁽¹⁾ 2×2, b⁽¹⁾ 2×1, W⁽²⁾ 1×2, b⁽²⁾ 1×1), the batch (X 2×N, Y 1×N) and α. */
export interface Network221Params {
  /** W⁽¹⁾, (hidden units × inputs): entry (j, k) is the weight from input k to hidden unit j. */
  readonly W1: Rows;
  readonly b1: Rows;
  /** W⁽²⁾, (outputs × hidden units). */
  readonly W2: Rows;
  readonly b2: Rows;
  /** The inputs, one sample per column (inputs × N). */
  readonly X: Rows;
  /** The targets, one sample per column (outputs × N). */
  readonly Y: Rows;
  readonly alpha: number;
}

/** The book's numbers: fixed weights, the XOR batch (shared with xor-2-2-1.ts), α = 0.1. */
export const network221Defaults: Network221Params = Object.freeze({
  W1: [[0.1, -0.2], [0.4, 0.3]],
  b1: [[0.05], [-0.1]],
  W2: [[0.7, -0.5]],
  b2: [[0.2]],
  X: toRows(xorData.X),
  Y: toRows(xorData.Y),
  alpha: 0.1,
});

/** Every matrix of the forward pass, the backward pass and one step, each with the shape in its comment. */
export interface Network221Result {
  /** The parameters: W⁽¹⁾ (2×2), b⁽¹⁾ (2×1), W⁽²⁾ (1×2), b⁽²⁾ (1×1). */
  readonly W1: Matrix;
  readonly b1: Matrix;
  readonly W2: Matrix;
  readonly b2: Matrix;
  /** The batch: X (2×N), Y (1×N). */
  readonly X: Matrix;
  readonly Y: Matrix;
  /** Z⁽¹⁾ = W⁽¹⁾X + b⁽¹⁾1ᵀ and A⁽¹⁾ = σ(Z⁽¹⁾), both (2×N). */
  readonly Z1: Matrix;
  readonly A1: Matrix;
  /** Z⁽²⁾ = W⁽²⁾A⁽¹⁾ + b⁽²⁾1ᵀ and Ŷ = A⁽²⁾ = σ(Z⁽²⁾), both (1×N). */
  readonly Z2: Matrix;
  readonly A2: Matrix;
  /** Each sample's loss ½(yₙ − ŷₙ)² (1×N), and L, their sum. */
  readonly lossN: Matrix;
  readonly loss: number;
  /** ∂L/∂A⁽²⁾ = A⁽²⁾ − Y (1×N). */
  readonly dLdA2: Matrix;
  /** σ′(Z⁽²⁾) (1×N) and σ′(Z⁽¹⁾) (2×N), entry by entry, computed from Z. */
  readonly dadz2: Matrix;
  readonly dadz1: Matrix;
  /** Δ⁽²⁾ = (A⁽²⁾ − Y) ⊙ σ′(Z⁽²⁾) (1×N): column n is sample n's output delta. */
  readonly Delta2: Matrix;
  /** ∂L/∂A⁽¹⁾ = (W⁽²⁾)ᵀΔ⁽²⁾ (2×N): what each hidden unit receives from the output. */
  readonly dLdA1: Matrix;
  /** Δ⁽¹⁾ = (W⁽²⁾)ᵀΔ⁽²⁾ ⊙ σ′(Z⁽¹⁾) (2×N). */
  readonly Delta1: Matrix;
  /** ∂L/∂W⁽²⁾ = Δ⁽²⁾(A⁽¹⁾)ᵀ (1×2) and ∂L/∂b⁽²⁾ = Δ⁽²⁾1 (1×1), summed over the batch. */
  readonly dLdW2: Matrix;
  readonly dLdb2: Matrix;
  /** ∂L/∂W⁽¹⁾ = Δ⁽¹⁾Xᵀ (2×2) and ∂L/∂b⁽¹⁾ = Δ⁽¹⁾1 (2×1), summed over the batch. */
  readonly dLdW1: Matrix;
  readonly dLdb1: Matrix;
  /** The parameters after one step θ ← θ − α ∂L/∂θ, with the shapes of W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾. */
  readonly W1Next: Matrix;
  readonly b1Next: Matrix;
  readonly W2Next: Matrix;
  readonly b2Next: Matrix;
  /** Ŷ after the step (1×N) and the loss it gives. */
  readonly A2Next: Matrix;
  readonly lossNext: number;
  /** The first-order prediction of the change, −α‖∇L‖² (the sum of all nine squared gradients). */
  readonly predictedChange: number;
}

/** The network of the parameters (sigmoid in both layers); NonFiniteError or ShapeError for bad entries. */
export function network221Network(params: Network221Params): Network {
  return networkFrom([
    { W: fromRows(params.W1, 'W of layer 1'), b: fromRows(params.b1, 'b of layer 1'), activation: 'sigmoid' },
    { W: fromRows(params.W2, 'W of layer 2'), b: fromRows(params.b2, 'b of layer 2'), activation: 'sigmoid' },
  ]);
}

/** Column n (0-based) of m, as an (m.rows × 1) matrix: one sample of a batch. */
export function columnOf(m: Matrix, n: number): Matrix {
  if (!Number.isInteger(n) || n < 0 || n >= m.cols) {
    throw new HyperparameterError(`sample ${n + 1} does not exist: the batch has ${m.cols} samples`, 'sample');
  }
  const out = zeros(m.rows, 1);
  for (let i = 0; i < m.rows; i++) out.data[i] = m.data[i * m.cols + n]!;
  return out;
}

/** f applied to every entry of m (e.g. σ′ to Z), as a new matrix of the same shape. */
function entrywise(m: Matrix, f: (v: number) => number): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.map(f) };
}

/** One forward pass, one backward pass and one gradient-descent step on the whole batch, by the dense engine. */
export function network221Pass(params: Network221Params = network221Defaults): Network221Result {
  assertLearningRate(params.alpha);
  const net = network221Network(params);
  const X = fromRows(params.X, 'X');
  const Y = fromRows(params.Y, 'Y');
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const next = step(net, grads, params.alpha);
  const [t1, t2] = [trace.layers[0]!, trace.layers[1]!];
  const [g1, g2] = [grads.layers[0]!, grads.layers[1]!];
  // (W⁽²⁾)ᵀΔ⁽²⁾ is the first half of the engine's hidden delta; computed again here to show it.
  const dLdA1 = zeros(t1.a.rows, X.cols);
  transposeTimesInto(dLdA1, net.layers[1]!.W, g2.delta);
  const A2Next = forward(next, X).yHat;
  const lossN = zeros(1, X.cols);
  for (let n = 0; n < X.cols; n++) lossN.data[n] = halfSquaredErrorSum.value(columnOf(t2.a, n), columnOf(Y, n));
  let squares = 0;
  for (const g of [g1.dW, g1.db, g2.dW, g2.db]) for (const v of g.data) squares += v * v;
  const [layer1, layer2] = [net.layers[0]!, net.layers[1]!];
  return {
    W1: layer1.W, b1: layer1.b, W2: layer2.W, b2: layer2.b,
    X, Y,
    Z1: t1.z, A1: t1.a, Z2: t2.z, A2: t2.a,
    lossN, loss: grads.loss,
    dLdA2: grads.dLdyHat,
    dadz2: entrywise(t2.z, sigmoidPrime), dadz1: entrywise(t1.z, sigmoidPrime),
    Delta2: g2.delta, dLdA1, Delta1: g1.delta,
    dLdW2: g2.dW, dLdb2: g2.db, dLdW1: g1.dW, dLdb1: g1.db,
    W1Next: next.layers[0]!.W, b1Next: next.layers[0]!.b, W2Next: next.layers[1]!.W, b2Next: next.layers[1]!.b,
    A2Next, lossNext: halfSquaredErrorSum.value(A2Next, Y),
    predictedChange: -params.alpha * squares,
  };
}

/**
 * The same passes for sample n alone (0-based): the batch of one column X[:, n], Y[:, n]. Its
 * ∂L/∂W are the outer products δ aᵀ whose sum over the samples is the batch gradient.
 */
export function network221Sample(params: Network221Params, n: number): Network221Result {
  const X = fromRows(params.X, 'X');
  const Y = fromRows(params.Y, 'Y');
  return network221Pass({ ...params, X: toRows(columnOf(X, n)), Y: toRows(columnOf(Y, n)) });
}

/**
 * The loss after k = 0, 1, …, steps full-batch steps of gradient descent from the parameters, with
 * their α (entry k: after k steps; entry 0: the start), by the engine's training loop.
 */
export function network221Descent(params: Network221Params, steps: number): Float64Array {
  const data = { X: fromRows(params.X, 'X'), Y: fromRows(params.Y, 'Y') };
  // The loss recorded in epoch k + 1 is that of the weights before its update: after k steps.
  const run = createTraining(network221Network(params), data, { alpha: params.alpha, loss: halfSquaredErrorSum, maxEpochs: steps + 1 });
  run.advance(steps + 1);
  return run.lossHistory();
}

/**
 * The best a network can do that answers the same ŷ = c for every sample: c is the mean target
 * (where ∂/∂c of ½ Σₙ (yₙ − c)² is 0), and the loss is ½ Σₙ (yₙ − c)².
 */
export function bestConstantAnswer(params: Network221Params): { readonly c: number; readonly loss: number } {
  const Y = fromRows(params.Y, 'Y');
  const c = Y.data.reduce((s, y) => s + y, 0) / Y.data.length;
  const constant = { rows: Y.rows, cols: Y.cols, data: Y.data.map(() => c) };
  return { c, loss: halfSquaredErrorSum.value(constant, Y) };
}
