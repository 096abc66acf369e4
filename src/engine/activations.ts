// Activation functions f(z) and their derivatives f'(z); the book derives σ' in sigmoid-derivative.

import { HyperparameterError } from './errors.ts';

/**
 * σ(z) = 1 / (1 + e^(−z)), the logistic sigmoid.
 * Already stable in IEEE arithmetic: for z < −709, e^(−z) overflows to ∞ and 1/∞ = 0,
 * so any finite z (even ±1000) gives a finite value in [0, 1], never NaN.
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * σ'(z) = e^(−z)/(1 + e^(−z))² = σ(z)(1 − σ(z)): the sigmoid's derivative, evaluated FROM z
 * (the pre-activation). Written with |z| (σ' is even) so that e^(−|z|) never overflows and no
 * digits are lost far out in the tails, where 1 − σ(z) would round away.
 */
export function sigmoidPrime(z: number): number {
  const t = Math.exp(-Math.abs(z));
  return t / ((1 + t) * (1 + t));
}

/**
 * σ'(z) written with the output a = σ(z): a(1 − a). Takes a, NOT z — it is the
 * `sigmoid_derivative(a) = a * (1 - a)` of most tutorials, valid only because a = σ(z).
 */
export function sigmoidPrimeFromA(a: number): number {
  return a * (1 - a);
}

/**
 * Beyond this output (z ≈ 13.8 for the sigmoid), 1 − a has lost more than 6 of its 16 digits to
 * rounding, and a(1 − a) or 1 − a² no longer gives a trustworthy slope: see sigmoidSlope.
 */
export const SLOPE_FROM_Z_ABOVE = 1 - 1e-6;

/**
 * σ'(z) as the backward pass computes it: a(1 − a) from the stored output a, except when a is
 * within 10⁻⁶ of 1. There 1 − a cancels (for z > 37, a rounds to exactly 1 and a(1 − a) would
 * be 0 instead of about e^(−z)), so σ'(z) is recomputed from z, at the cost of one exponential.
 */
export function sigmoidSlope(a: number, z: number): number {
  return a < SLOPE_FROM_Z_ABOVE ? a * (1 - a) : sigmoidPrime(z);
}

/** tanh(z), squashing to (−1, 1). */
export function tanh(z: number): number {
  return Math.tanh(z);
}

/** tanh'(z) = 1 − tanh²(z) = 4e^(−2|z|)/(1 + e^(−2|z|))², evaluated from z without cancellation. */
export function tanhPrime(z: number): number {
  const t = Math.exp(-2 * Math.abs(z));
  return (4 * t) / ((1 + t) * (1 + t));
}

/** tanh'(z) written with the output a = tanh(z): 1 − a² (takes a, not z). */
export function tanhPrimeFromA(a: number): number {
  return 1 - a * a;
}

/** tanh'(z) as the backward pass computes it: 1 − a², or from z where |a| is near 1 (see sigmoidSlope). */
export function tanhSlope(a: number, z: number): number {
  return a < SLOPE_FROM_Z_ABOVE && a > -SLOPE_FROM_Z_ABOVE ? 1 - a * a : tanhPrime(z);
}

/** ReLU(z) = max(0, z). */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** ReLU'(z) = 1 for z > 0, else 0 (we pick 0 at the kink z = 0); evaluated from z. */
export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

/** ReLU'(z) from the output a = max(0, z): 1 if a > 0, else 0 (a > 0 exactly when z > 0). */
export function reluPrimeFromA(a: number): number {
  return a > 0 ? 1 : 0;
}

/** Slope of leaky ReLU for z ≤ 0. */
export const LEAKY_RELU_SLOPE = 0.01;

/** Leaky ReLU(z) = z for z > 0, else 0.01·z. */
export function leakyRelu(z: number): number {
  return z > 0 ? z : LEAKY_RELU_SLOPE * z;
}

/** Leaky ReLU'(z) = 1 for z > 0, else 0.01 (also at z = 0); evaluated from z. */
export function leakyReluPrime(z: number): number {
  return z > 0 ? 1 : LEAKY_RELU_SLOPE;
}

/** Leaky ReLU'(z) from the output a: 1 if a > 0, else 0.01 (a > 0 exactly when z > 0). */
export function leakyReluPrimeFromA(a: number): number {
  return a > 0 ? 1 : LEAKY_RELU_SLOPE;
}

/** identity(z) = z (a linear output layer, or logits for a from-logits loss). */
export function identity(z: number): number {
  return z;
}

/** identity'(z) = 1, from z or from a alike. */
export function identityPrime(_z: number): number {
  return 1;
}

/** The names the engine knows (also the keys of `activations`). */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'identity';

/**
 * An activation a = f(z) applied entry by entry. `df(z)` is f'(z) evaluated at the
 * pre-activation z; `dfFromA(a)` is the same number f'(z) computed from the output a = f(z),
 * which the backward pass uses because the forward pass has already stored a.
 * The layer loops (layer-math.ts) pick the function by `name`, so only the five built-in
 * activations below exist.
 */
export interface Activation {
  readonly name: ActivationName;
  /** a = f(z). */
  readonly f: (z: number) => number;
  /** f'(z), evaluated at z. */
  readonly df: (z: number) => number;
  /** f'(z) expressed with a = f(z) (takes a, not z). */
  readonly dfFromA: (a: number) => number;
}

/** σ: squashes to (0, 1); f'(z) = σ(z)(1 − σ(z)) = a(1 − a). */
export const sigmoidActivation: Activation = Object.freeze({
  name: 'sigmoid',
  f: sigmoid,
  df: sigmoidPrime,
  dfFromA: sigmoidPrimeFromA,
});

/** tanh: squashes to (−1, 1); f'(z) = 1 − tanh²(z) = 1 − a². */
export const tanhActivation: Activation = Object.freeze({ name: 'tanh', f: tanh, df: tanhPrime, dfFromA: tanhPrimeFromA });

/** ReLU: max(0, z); f'(z) = 1 for z > 0, else 0. */
export const reluActivation: Activation = Object.freeze({ name: 'relu', f: relu, df: reluPrime, dfFromA: reluPrimeFromA });

/** Leaky ReLU: z for z > 0, else 0.01·z; f'(z) = 1 for z > 0, else 0.01. */
export const leakyReluActivation: Activation = Object.freeze({
  name: 'leakyRelu',
  f: leakyRelu,
  df: leakyReluPrime,
  dfFromA: leakyReluPrimeFromA,
});

/** Identity: f(z) = z, f'(z) = 1. */
export const identityActivation: Activation = Object.freeze({
  name: 'identity',
  f: identity,
  df: identityPrime,
  dfFromA: identityPrime,
});

/** Every activation by name: activations.sigmoid, activations.tanh, … */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze({
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  leakyRelu: leakyReluActivation,
  identity: identityActivation,
});

/** An activation given by name or as an object. */
export type ActivationLike = ActivationName | Activation;

/**
 * The built-in Activation for a name, or for an object's `name` (the layer loops dispatch on
 * the name, so only the five built-ins exist); unknown names throw.
 */
export function resolveActivation(activation: ActivationLike): Activation {
  const name: unknown = typeof activation === 'string' ? activation : activation.name;
  if (typeof name !== 'string' || !Object.hasOwn(activations, name)) {
    const known = Object.keys(activations).join(', ');
    throw new HyperparameterError(`unknown activation "${String(name)}": expected one of ${known}`, 'activation');
  }
  return activations[name as ActivationName];
}
