// The per-layer formulas of backpropagation, one function each (chain-rule … weight-update).
//
// Every function writes into a matrix it is given instead of returning a new one, so the
// readable API (dense.ts) and the allocation-free training loop (workspace.ts) share them.
// Batches hold one sample per column: aPrev is (units in × N), z, a and δ are (units out × N).

import type { Activation } from './activations.ts';
import {
  identity,
  identityPrime,
  leakyRelu,
  leakyReluPrimeFromA,
  relu,
  reluPrimeFromA,
  sigmoid,
  sigmoidPrimeFromA,
  sigmoidSlope,
  tanh,
  tanhPrimeFromA,
  tanhSlope,
} from './activations.ts';
import type { Matrix } from './matrix.ts';
import { timesTransposeAndRowSumsInto, transposeTimesInto } from './matmul.ts';

// Each activation gets its own one-line loop (a switch picks it) so that every loop calls
// one known function, which the JIT inlines. A single loop calling activation.f for
// different activations in different layers cannot be inlined, and that call would cost
// more than computing the sigmoid itself.

/** a = f(z), entry by entry. */
export function activateInto(a: Matrix, z: Matrix, activation: Activation): void {
  const out = a.data;
  const x = z.data;
  switch (activation.name) {
    case 'sigmoid':
      for (let k = 0; k < x.length; k++) out[k] = sigmoid(x[k]!);
      return;
    case 'tanh':
      for (let k = 0; k < x.length; k++) out[k] = tanh(x[k]!);
      return;
    case 'relu':
      for (let k = 0; k < x.length; k++) out[k] = relu(x[k]!);
      return;
    case 'leakyRelu':
      for (let k = 0; k < x.length; k++) out[k] = leakyRelu(x[k]!);
      return;
    case 'identity':
      for (let k = 0; k < x.length; k++) out[k] = identity(x[k]!);
      return;
  }
}

/**
 * out = g ⊙ f'(z), entry by entry, with f'(z) read off the stored output a = f(z); out may be g.
 * Far out in a sigmoid's or tanh's tail, 1 − a has lost its digits to rounding (for z > 37,
 * a rounds to 1 and a(1 − a) to 0 instead of about e^(−z)). Given z, the slope of such saturated
 * units is recomputed from z (sigmoidSlope, tanhSlope), so every digit the book prints is right;
 * the training loop passes z = null and keeps the cheaper a(1 − a), whose rounding in the tail
 * does not change learning.
 */
export function timesSlopeInto(out: Matrix, g: Matrix, a: Matrix, z: Matrix | null, activation: Activation): void {
  const o = out.data;
  const u = g.data;
  const y = a.data;
  if (z !== null && (activation.name === 'sigmoid' || activation.name === 'tanh')) {
    const slope = activation.name === 'sigmoid' ? sigmoidSlope : tanhSlope;
    for (let k = 0; k < o.length; k++) o[k] = u[k]! * slope(y[k]!, z.data[k]!);
    return;
  }
  switch (activation.name) {
    case 'sigmoid':
      for (let k = 0; k < o.length; k++) o[k] = u[k]! * sigmoidPrimeFromA(y[k]!);
      return;
    case 'tanh':
      for (let k = 0; k < o.length; k++) o[k] = u[k]! * tanhPrimeFromA(y[k]!);
      return;
    case 'relu':
      for (let k = 0; k < o.length; k++) o[k] = u[k]! * reluPrimeFromA(y[k]!);
      return;
    case 'leakyRelu':
      for (let k = 0; k < o.length; k++) o[k] = u[k]! * leakyReluPrimeFromA(y[k]!);
      return;
    case 'identity':
      for (let k = 0; k < o.length; k++) o[k] = u[k]! * identityPrime(y[k]!);
      return;
  }
}

/**
 * The output layer's delta, δ(L) = ∂L/∂a(L) ⊙ f'(z(L)). With ½(y − a)² and a sigmoid this is
 * the book's δ = (a − y)·σ'(z), σ'(z) computed as a(1 − a).
 */
export function outputDeltaInto(delta: Matrix, dLda: Matrix, a: Matrix, z: Matrix | null, activation: Activation): void {
  // δ(L) = ∂L/∂a(L) ⊙ f'(z(L))
  timesSlopeInto(delta, dLda, a, z, activation);
}

/**
 * A hidden layer's delta, δ(l) = (W(l+1)ᵀ δ(l+1)) ⊙ f'(z(l)): each unit collects the deltas
 * of the units it feeds, weighted by the connecting weights, times its own slope f'(z).
 */
export function hiddenDeltaInto(delta: Matrix, WNext: Matrix, deltaNext: Matrix, a: Matrix, z: Matrix | null, activation: Activation): void {
  // W(l+1)ᵀ δ(l+1): what each unit of layer l receives from the next layer, l + 1
  transposeTimesInto(delta, WNext, deltaNext);
  // ⊙ f'(z(l)): times the unit's own slope
  timesSlopeInto(delta, delta, a, z, activation);
}

/**
 * The gradients of one layer: ∂L/∂W = δ·aPrevᵀ (W's shape) and ∂L/∂b = δ·1 (b's shape),
 * both summed over the samples of the batch.
 */
export function weightGradientsInto(dW: Matrix, db: Matrix, delta: Matrix, aPrev: Matrix): void {
  // ∂L/∂W = δ·aPrevᵀ, ∂L/∂b = δ·1
  timesTransposeAndRowSumsInto(dW, db, delta, aPrev);
}

/**
 * Gradient descent, in place: θ ← θ − α·∂L/∂θ, entry by entry. θ is a W, a b, or the flat
 * vector of all of a network's weights and biases (as the training workspace stores them).
 */
export function gradientStepInPlace(theta: Matrix, dTheta: Matrix, alpha: number): void {
  const t = theta.data;
  const g = dTheta.data;
  for (let k = 0; k < t.length; k++) {
    // θ ← θ − α·∂L/∂θ
    t[k] = t[k]! - alpha * g[k]!;
  }
}
