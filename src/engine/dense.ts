// Forward and backward passes through a whole dense network (output-delta, hidden-delta, weight-update).

import { EmptyDatasetError, HyperparameterError } from './errors.ts';
import {
  activateInto,
  gradientStepInPlace,
  hiddenDeltaInto,
  outputDeltaInto,
  weightGradientsInto,
} from './layer-math.ts';
import { linearInto } from './matmul.ts';
import type { LossLike } from './loss-registry.ts';
import { resolveLoss } from './loss-registry.ts';
import type { Loss } from './losses.ts';
import type { Matrix } from './matrix.ts';
import { zeros } from './matrix.ts';
import type { Layer, Network } from './network.ts';
import { copyNetwork, validateNetwork } from './network.ts';
import { assertFiniteMatrix, assertLearningRate, assertShape } from './validate.ts';

/**
 * Runs every layer on a batch X (inputs × N), writing z(l) and a(l) into z[l] and a[l]
 * (each units(l) × N). Shared by forward() and the training loop; allocates nothing.
 */
export function forwardInto(layers: readonly Layer[], X: Matrix, z: readonly Matrix[], a: readonly Matrix[]): void {
  let aPrev = X;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    // z(l) = W(l)·a(l−1) + b(l)·1ᵀ
    linearInto(z[l]!, layer.W, layer.b, aPrev);
    // a(l) = f(z(l))
    activateInto(a[l]!, z[l]!, layer.activation);
    aPrev = a[l]!;
  }
}

/**
 * Backpropagates through every layer after forwardInto: fills ∂L/∂ŷ into dLda, δ(l) into
 * delta[l], ∂L/∂W(l) into dW[l] and ∂L/∂b(l) into db[l] (the loss itself is loss.value).
 * Shared by backward() and the training loop; allocates nothing.
 */
export function backwardInto(
  layers: readonly Layer[],
  X: Matrix,
  z: readonly Matrix[] | null,
  a: readonly Matrix[],
  Y: Matrix,
  loss: Loss,
  dLda: Matrix,
  delta: readonly Matrix[],
  dW: readonly Matrix[],
  db: readonly Matrix[],
): void {
  const last = layers.length - 1;
  const yHat = a[last]!;
  // ∂L/∂a(L), e.g. a − y for ½(y − a)²
  loss.gradInto(dLda, yHat, Y);
  // δ(L) = ∂L/∂a(L) ⊙ f'(z(L))
  outputDeltaInto(delta[last]!, dLda, yHat, z?.[last] ?? null, layers[last]!.activation);
  for (let l = last - 1; l >= 0; l--) {
    // δ(l) = (W(l+1)ᵀ δ(l+1)) ⊙ f'(z(l))
    hiddenDeltaInto(delta[l]!, layers[l + 1]!.W, delta[l + 1]!, a[l]!, z?.[l] ?? null, layers[l]!.activation);
  }
  for (let l = 0; l <= last; l++) {
    // ∂L/∂W(l) = δ(l)·a(l−1)ᵀ and ∂L/∂b(l) = δ(l)·1, summed over the batch
    weightGradientsInto(dW[l]!, db[l]!, delta[l]!, l === 0 ? X : a[l - 1]!);
  }
}

/** What one layer saw in the forward pass: its input aPrev = a(l−1), z(l) and a(l), each (units × N). */
export interface LayerTrace {
  readonly aPrev: Matrix;
  readonly z: Matrix;
  readonly a: Matrix;
}

/** The full forward trace: `layers[0]` is layer 1; yHat = ŷ = a(L) is (outputs × N). */
export interface Trace {
  readonly X: Matrix;
  readonly layers: readonly LayerTrace[];
  readonly yHat: Matrix;
}

/** Forward pass on a batch X (inputs × N, one sample per column), keeping every z and a. */
export function forward(net: Network, X: Matrix): Trace {
  validateNetwork(net);
  if (X.cols === 0) throw new EmptyDatasetError('X has no samples (0 columns): expected at least one column');
  assertShape('X', X, net.sizes[0]!, X.cols, `the network has ${net.sizes[0]} inputs`);
  assertFiniteMatrix('X', X);
  const z = net.layers.map((layer) => zeros(layer.W.rows, X.cols));
  const a = net.layers.map((layer) => zeros(layer.W.rows, X.cols));
  forwardInto(net.layers, X, z, a);
  z.forEach((zl, l) => assertFiniteMatrix(`z of layer ${l + 1}`, zl, 'the forward pass overflowed (weights or inputs too large)'));
  const layers = net.layers.map((_, l) => ({ aPrev: l === 0 ? X : a[l - 1]!, z: z[l]!, a: a[l]! }));
  return { X, layers, yHat: a[a.length - 1]! };
}

/** One layer's backward results: δ(l) (units × N), ∂L/∂W(l) (W's shape), ∂L/∂b(l) (units × 1). */
export interface LayerGradients {
  readonly delta: Matrix;
  readonly dW: Matrix;
  readonly db: Matrix;
}

/** The backward pass: the loss L, ∂L/∂ŷ (outputs × N) and, per layer (layers[0] = layer 1), δ, dW, db. */
export interface Gradients {
  readonly loss: number;
  readonly dLdyHat: Matrix;
  readonly layers: readonly LayerGradients[];
}

/** Throws unless a from-logits loss sits on an identity output layer (else σ would be applied twice). */
export function assertLossFitsOutput(net: Network, loss: Loss): void {
  const output = net.layers[net.layers.length - 1]!.activation;
  if (loss.input === 'logits' && output.name !== 'identity') {
    const message = `${loss.name} takes logits, so the output layer's activation must be identity, not ${output.name}`;
    throw new HyperparameterError(message, 'loss');
  }
}

/** Backward pass for targets Y (outputs × N) after `trace = forward(net, X)`. */
export function backward(net: Network, trace: Trace, Y: Matrix, lossLike: LossLike): Gradients {
  const loss = resolveLoss(lossLike);
  validateNetwork(net);
  assertLossFitsOutput(net, loss);
  assertShape('Y', Y, trace.yHat.rows, trace.yHat.cols, `the network outputs ${trace.yHat.rows} units for ${trace.yHat.cols} samples`);
  assertFiniteMatrix('Y', Y);
  const dLdyHat = zeros(Y.rows, Y.cols);
  const delta = net.layers.map((layer) => zeros(layer.W.rows, Y.cols));
  const dW = net.layers.map((layer) => zeros(layer.W.rows, layer.W.cols));
  const db = net.layers.map((layer) => zeros(layer.W.rows, 1));
  const z = trace.layers.map((layer) => layer.z);
  const a = trace.layers.map((layer) => layer.a);
  backwardInto(net.layers, trace.X, z, a, Y, loss, dLdyHat, delta, dW, db);
  dW.forEach((g, l) => assertFiniteMatrix(`∂L/∂W of layer ${l + 1}`, g, 'the backward pass overflowed'));
  db.forEach((g, l) => assertFiniteMatrix(`∂L/∂b of layer ${l + 1}`, g, 'the backward pass overflowed'));
  const layers = net.layers.map((_, l) => ({ delta: delta[l]!, dW: dW[l]!, db: db[l]! }));
  return { loss: loss.value(trace.yHat, Y), dLdyHat, layers };
}

/** One gradient-descent step: a NEW network with W ← W − α·dW and b ← b − α·db in every layer. */
export function step(net: Network, grads: Gradients, alpha: number): Network {
  assertLearningRate(alpha);
  const next = copyNetwork(net);
  next.layers.forEach((layer, l) => {
    const g = grads.layers[l];
    const because = `layer ${l + 1}'s weights have that shape`;
    if (g === undefined) throw new HyperparameterError(`no gradients for layer ${l + 1}: expected one entry per layer`, 'grads');
    assertShape(`dW of layer ${l + 1}`, g.dW, layer.W.rows, layer.W.cols, because);
    assertShape(`db of layer ${l + 1}`, g.db, layer.b.rows, 1, because);
    gradientStepInPlace(layer.W, g.dW, alpha);
    gradientStepInPlace(layer.b, g.db, alpha);
  });
  validateNetwork(next);
  return next;
}

/** The loss of `net` on the batch (X, Y): forward pass plus loss.value, no gradients. */
export function lossOf(net: Network, X: Matrix, Y: Matrix, lossLike: LossLike): number {
  const loss = resolveLoss(lossLike);
  const trace = forward(net, X);
  assertShape('Y', Y, trace.yHat.rows, trace.yHat.cols, `the network outputs ${trace.yHat.rows} units for ${trace.yHat.cols} samples`);
  return loss.value(trace.yHat, Y);
}
