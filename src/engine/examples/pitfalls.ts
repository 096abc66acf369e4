// The pitfalls chapter's worked examples (pitfalls): a gradient check by central differences on chapter 8's
// 2-2-1 network, the mistakes that a gradient check catches (and one it cannot), the derivative check of
// a claimed f′ against f, and the gradients of a deep stack of layers (vanishing, exploding, dead ReLUs).
//
// The correct gradients come from the dense engine (examples/network-2-2-1.ts). The mistakes are one
// backward pass written out for the 2-2-1 network, sample by sample, with one wrong line switched in,
// so the chapter can say exactly which line is wrong and what it computes instead.

import { sigmoid, sigmoidPrime } from '../activations.ts';
import { backward, forward, step, type Gradients } from '../dense.ts';
import { EngineError, HyperparameterError, NonFiniteError } from '../errors.ts';
import { numericalDerivative, numericalGradient, relativeError } from '../gradcheck.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import { zeros, type Matrix } from '../matrix.ts';
import { initNetwork, type Network } from '../network.ts';
import { mulberry32, standardNormal } from '../random.ts';
import { assertInteger } from '../validate.ts';
import { network221Defaults, network221Network, network221Pass, type Network221Params } from './network-2-2-1.ts';
import { oneNeuronDefaults } from './one-neuron.ts';

/** The chapter's inputs: the step h of the central differences, the "tiny" floor of the relative error, the verdict's bound. */
export const pitfallsDefaults = Object.freeze({
  /** h of (f(x + h) − f(x − h)) / 2h. */
  h: 1e-5,
  /** The floor of |g − ĝ| / max(|g|, |ĝ|, tiny): only gradients below it are compared on its scale. */
  tiny: 1e-12,
  /** Relative errors at or below this say "correct" for float64 with h = 10⁻⁵. */
  correctBelow: 1e-7,
  /** The z the source's arithmetic slip evaluated σ at (σ(0.05) printed as ŷ ≈ 0.51). */
  slipZ: 0.05,
  /** The ŷ the source prints for the one neuron (x = 0.5, w = 0.3, b = 0.1): σ(0.05) rounded, not σ(0.25). */
  sourceYHat: 0.51,
});

// --- the source's wrong derivative ------------------------------------------------------------------

/** The source's "sigmoid derivative" 1/(√(1 + x²) + 0.5): not σ′ at all (it is 2/3 at x = 0, where σ′ is 1/4). */
export function sourceSigmoidPrime(x: number): number {
  return 1 / (Math.sqrt(1 + x ** 2) + 0.5);
}

/** a(1 − a) handed z instead of a = σ(z): z(1 − z), the common bug. */
export function sigmoidPrimeOfZBug(z: number): number {
  return z * (1 - z);
}

// --- the error of a finite difference, as h shrinks -------------------------------------------------------

/** The steps h = 10⁻¹, 10⁻², …, 10⁻¹² of the chapter's table. */
export const H_STEPS: readonly number[] = Array.from({ length: 12 }, (_, k) => 10 ** -(k + 1));

/** One row of the table: the one-sided and the central difference of σ at x with step h, and their errors from σ′(x). */
export interface DifferenceRow {
  readonly h: number;
  readonly forward: number;
  readonly central: number;
  readonly forwardError: number;
  readonly centralError: number;
}

/**
 * (σ(x + h) − σ(x))/h (error ∝ h) and (σ(x + h) − σ(x − h))/2h (error ∝ h²) for every h of H_STEPS,
 * against the exact σ′(x) = σ(x)(1 − σ(x)): both errors shrink with h until round-off, ∝ 1/h, takes over.
 */
export function differenceErrors(x: number): DifferenceRow[] {
  const exact = sigmoidPrime(x);
  return H_STEPS.map((h) => {
    const forwardDiff = (sigmoid(x + h) - sigmoid(x)) / h;
    const centralDiff = numericalDerivative(sigmoid, x, h);
    return { h, forward: forwardDiff, central: centralDiff, forwardError: Math.abs(forwardDiff - exact), centralError: Math.abs(centralDiff - exact) };
  });
}

// --- checking a claimed derivative f′ against f -------------------------------------------------------

/** One point of a derivative check: the claim f′(x), the central difference of f at x, and their relative error. */
export interface DerivativePoint {
  readonly x: number;
  readonly claim: number;
  readonly numeric: number;
  readonly relError: number;
}

/** A claimed derivative checked at many points: every point, and the worst one. */
export interface DerivativeCheck {
  readonly points: readonly DerivativePoint[];
  readonly worst: DerivativePoint;
  /** Whether every relative error is at most `correctBelow`. */
  readonly agrees: boolean;
}

/** The n + 1 evenly spaced points from `from` to `to` (both included). */
export function grid(from: number, to: number, n: number): number[] {
  if (!(from < to)) throw new HyperparameterError(`the range from ${from} to ${to} is empty: “from” must be below “to”`, 'from');
  assertInteger('n', n, 1);
  return Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
}

/**
 * Checks the claim f′ against central differences of f at every x: relative error
 * |claim − (f(x + h) − f(x − h))/2h| / max(|claim|, |numeric|, tiny). A value that is not finite (log of a
 * negative number, 1/0) is refused with a NonFiniteError that says where.
 */
export function checkDerivative(
  f: (x: number) => number,
  claim: (x: number) => number,
  xs: readonly number[],
  { h = pitfallsDefaults.h, tiny = pitfallsDefaults.tiny, correctBelow = pitfallsDefaults.correctBelow } = {},
): DerivativeCheck {
  const points = xs.map((x): DerivativePoint => {
    finiteAt('f', f, x);
    const c = finiteAt('the claimed derivative', claim, x);
    finiteAt('f', f, x - h);
    finiteAt('f', f, x + h);
    const numeric = numericalDerivative(f, x, h);
    return { x, claim: c, numeric, relError: relativeError(c, numeric, tiny) };
  });
  const worst = points.reduce((w, p) => (p.relError > w.relError ? p : w), points[0]!);
  return { points, worst, agrees: worst.relError <= correctBelow };
}

function finiteAt(what: string, fn: (x: number) => number, x: number): number {
  const v = fn(x);
  if (!Number.isFinite(v)) throw new NonFiniteError(`${what} has no finite value at x = ${String(+x.toPrecision(6)).replace('-', '\u2212')}`, what, v);
  return v + 0;
}

// --- the 2-2-1 network's nine parameters as one vector θ ---------------------------------------------

/** The nine parameters in the order the chapter lists them: W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, b⁽²⁾. */
export const PARAMETER_NAMES = ['W1_11', 'W1_12', 'W1_21', 'W1_22', 'b1_1', 'b1_2', 'W2_11', 'W2_12', 'b2'] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/** θ, the nine parameters of the 2-2-1 network in PARAMETER_NAMES order. */
export function thetaOf(p: Network221Params): Float64Array {
  return Float64Array.from([...p.W1.flat(), ...p.b1.flat(), ...p.W2.flat(), ...p.b2.flat()]);
}

/** The parameters with θ's nine numbers in place of W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾ (X, Y and α kept). */
export function withTheta(p: Network221Params, t: ArrayLike<number>): Network221Params {
  return { ...p, W1: [[t[0]!, t[1]!], [t[2]!, t[3]!]], b1: [[t[4]!], [t[5]!]], W2: [[t[6]!, t[7]!]], b2: [[t[8]!]] };
}

// --- backpropagation with one mistake switched in -----------------------------------------------------

/**
 * The mistakes of the chapter, each one line of the backward pass (or of the loss):
 * - 'none': the correct pass;
 * - 'sourceDerivative': σ′(z) replaced by the source's 1/(√(1 + z²) + 0.5);
 * - 'derivativeOfZ': a(1 − a) handed z, so z(1 − z) instead of σ′(z);
 * - 'lossWithoutSquares': the loss L = Σₙ (yₙ − ŷₙ), differentiated correctly (∂L/∂ŷ = −1);
 * - 'missingTranspose': ∂L/∂W⁽¹⁾ = X(Δ⁽¹⁾)ᵀ instead of Δ⁽¹⁾Xᵀ: the same 2×2 shape, transposed;
 * - 'updateBeforeBackprop': W⁽²⁾ updated first, and the new W⁽²⁾ used to send δ back to layer 1.
 */
export type Mistake = 'none' | 'sourceDerivative' | 'derivativeOfZ' | 'lossWithoutSquares' | 'missingTranspose' | 'updateBeforeBackprop';
export const MISTAKES: readonly Mistake[] = ['none', 'sourceDerivative', 'derivativeOfZ', 'lossWithoutSquares', 'missingTranspose', 'updateBeforeBackprop'];

/** The slope the code multiplies by where σ′(z) belongs, given z and a = σ(z). */
function slope(mistake: Mistake, z: number, a: number): number {
  if (mistake === 'sourceDerivative') return sourceSigmoidPrime(z);
  if (mistake === 'derivativeOfZ') return z * (1 - z);     // the bug: a(1 − a) given z
  return a * (1 - a);                                       // σ′(z) = a(1 − a)
}

/** The loss the code computes: ½ Σₙ (yₙ − ŷₙ)², or Σₙ (yₙ − ŷₙ) without the squares. */
export function codeLoss(p: Network221Params, mistake: Mistake): number {
  const { A2, Y } = network221Pass(p);
  let L = 0;
  for (let n = 0; n < Y.cols; n++) {
    const e = Y.data[n]! - A2.data[n]!;
    L += mistake === 'lossWithoutSquares' ? e : 0.5 * e * e;
  }
  return L;
}

/**
 * The nine gradients (PARAMETER_NAMES order) as a backward pass with `mistake` computes them: one
 * sample at a time, summed over the batch. With 'none' it equals the dense engine's backward.
 */
export function backward221(p: Network221Params, mistake: Mistake): Float64Array {
  const { Z1, A1, Z2, A2, X, Y, W2 } = network221Pass(p);
  const N = X.cols;
  const g = new Float64Array(9);
  const delta2 = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    const yHat = A2.data[n]!, y = Y.data[n]!;
    const dLdyHat = mistake === 'lossWithoutSquares' ? -1 : yHat - y;   // ∂L/∂ŷ of the code's loss
    delta2[n] = dLdyHat * slope(mistake, Z2.data[n]!, yHat);             // δ⁽²⁾ = ∂L/∂ŷ · σ′(z⁽²⁾)
    for (let j = 0; j < 2; j++) g[6 + j]! += delta2[n]! * A1.data[j * N + n]!;   // ∂L/∂W⁽²⁾ = δ⁽²⁾ a⁽¹⁾ᵀ
    g[8]! += delta2[n]!;                                                   // ∂L/∂b⁽²⁾ = δ⁽²⁾
  }
  // The weights that carry δ⁽²⁾ back: W⁽²⁾, or (the mistake) W⁽²⁾ after its update.
  const W2used = [0, 1].map((j) => W2.data[j]! - (mistake === 'updateBeforeBackprop' ? p.alpha * g[6 + j]! : 0));
  for (let n = 0; n < N; n++) {
    const delta1 = [0, 1].map((j) => W2used[j]! * delta2[n]! * slope(mistake, Z1.data[j * N + n]!, A1.data[j * N + n]!));
    for (let j = 0; j < 2; j++) {
      for (let k = 0; k < 2; k++) {
        // ∂L/∂W⁽¹⁾ⱼₖ = δ⁽¹⁾ⱼ xₖ; the missing transpose computes δ⁽¹⁾ₖ xⱼ.
        g[2 * j + k]! += mistake === 'missingTranspose' ? delta1[k]! * X.data[j * N + n]! : delta1[j]! * X.data[k * N + n]!;
      }
      g[4 + j]! += delta1[j]!;                                            // ∂L/∂b⁽¹⁾ = δ⁽¹⁾
    }
  }
  return g;
}

/** A gradient check of every parameter: backprop's g, the central difference ĝ, and their relative error. */
export interface GradientCheck {
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly relError: Float64Array;
  /** The worst relative error and the parameter it belongs to. */
  readonly worst: number;
  readonly worstName: ParameterName;
  /** Whether the worst relative error is at most `correctBelow` (10⁻⁷). */
  readonly passes: boolean;
}

/**
 * The gradient check of the 2-2-1 network: each ĝₖ = (L(θ + h eₖ) − L(θ − h eₖ)) / 2h of the loss the
 * code computes, against the gradient its backward pass returns (the engine's own for 'none').
 */
export function gradientCheck221(p: Network221Params = network221Defaults, mistake: Mistake = 'none', h = pitfallsDefaults.h): GradientCheck {
  const theta = thetaOf(p);
  const analytic = mistake === 'none' ? engineGradient(p) : backward221(p, mistake);
  const numeric = numericalGradient(() => codeLoss(withTheta(p, theta), mistake), theta, h);
  const relError = analytic.map((g, k) => relativeError(g, numeric[k]!, pitfallsDefaults.tiny));
  let w = 0;
  relError.forEach((e, k) => { if (e > relError[w]!) w = k; });
  return { analytic, numeric, relError, worst: relError[w]!, worstName: PARAMETER_NAMES[w]!, passes: relError[w]! <= pitfallsDefaults.correctBelow };
}

/** The dense engine's gradients of the 2-2-1 network, as θ's nine numbers. */
export function engineGradient(p: Network221Params): Float64Array {
  const r = network221Pass(p);
  return Float64Array.from([...r.dLdW1.data, ...r.dLdb1.data, ...r.dLdW2.data, ...r.dLdb2.data]);
}

/** The network's outputs ŷ (one per sample) after `steps` full-batch steps θ ← θ − α g with the mistake's g. */
export function descend221(p: Network221Params, mistake: Mistake, steps: number): { readonly yHat: Float64Array; readonly loss: number } {
  assertInteger('steps', steps, 0);
  let q = p;
  for (let s = 0; s < steps; s++) {
    const g = backward221(q, mistake);
    q = withTheta(q, thetaOf(q).map((t, k) => t - q.alpha * g[k]!));
  }
  return { yHat: Float64Array.from(network221Pass(q).A2.data), loss: network221Pass(q).loss };
}

// --- the source's example program: targets where the inputs belong -------------------------------------

/**
 * What `dL_dW1(y_true)` does in the book's layout: Δ⁽¹⁾ times the targets' transpose, (2×N)(N×1) = 2×1,
 * where ∂L/∂W⁽¹⁾ = Δ⁽¹⁾Xᵀ is 2×2. The engine's update then refuses it; returns that gradient and the message.
 */
export function targetsForInputs(p: Network221Params = network221Defaults): { readonly dW1: Matrix; readonly message: string } {
  const r = network221Pass(p);
  const N = r.X.cols;
  const dW1 = zeros(2, 1);
  for (let j = 0; j < 2; j++) for (let n = 0; n < N; n++) dW1.data[j]! += r.Delta1.data[j * N + n]! * r.Y.data[n]!;
  const net = network221Network(p);
  const trace = forward(net, r.X);
  const right = backward(net, trace, r.Y, halfSquaredErrorSum);
  const wrong: Gradients = { ...right, layers: [{ ...right.layers[0]!, dW: dW1 }, right.layers[1]!] };
  try {
    step(net, wrong, p.alpha);
  } catch (e) {
    if (e instanceof EngineError) return { dW1, message: e.message };
    throw e;
  }
  throw new Error('the engine accepted a 2×1 gradient for a 2×2 W');
}

// --- the arithmetic slip -----------------------------------------------------------------------------

/** The one neuron's z = wx + b and σ(z), beside σ of the slip's z (and wx − b, one way to reach it). */
export function arithmeticSlip(): { readonly z: number; readonly yHat: number; readonly slipZ: number; readonly slipYHat: number; readonly wxMinusB: number } {
  const { x, w, b } = oneNeuronDefaults;
  const z = w * x + b;
  return { z, yHat: sigmoid(z), slipZ: pitfallsDefaults.slipZ, slipYHat: sigmoid(pitfallsDefaults.slipZ), wxMinusB: w * x - b };
}

// --- gradients through a deep stack --------------------------------------------------------------------

export type StackActivation = 'sigmoid' | 'tanh' | 'relu';

/** A deep stack: `depth` hidden layers of `width` units, weights N(0, scale²/units in), every bias `bias`. */
export interface DeepStackParams {
  readonly depth: number;
  readonly width: number;
  readonly activation: StackActivation;
  readonly weightScale: number;
  readonly bias: number;
  readonly seed: number;
}

export const deepStackDefaults: DeepStackParams = Object.freeze({ depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, bias: 0, seed: 1 });

/** The chapter's presets of the deep stack: gradients that vanish, explode, and ReLUs that die. */
export const deepStackPresets = Object.freeze({
  vanishing: deepStackDefaults,
  exploding: { ...deepStackDefaults, activation: 'tanh', weightScale: 3 } as DeepStackParams,
  dying: { ...deepStackDefaults, activation: 'relu', weightScale: 2, bias: -0.5 } as DeepStackParams,
});

/** How many samples the stack sees: a batch of standard-normal inputs with uniform targets. */
export const DEEP_STACK_SAMPLES = 32;

/** Per hidden layer (index 0 = layer 1): the mean |δ| and how many units are dead (z ≤ 0 for every sample). */
export interface DeepStackResult {
  readonly meanAbsDelta: Float64Array;
  readonly deadUnits: Uint32Array;
  /** Mean |δ| of layer 1 and of the last hidden layer (the one next to the output). */
  readonly first: number;
  readonly last: number;
  /** first / last: how much of the last hidden layer's signal reaches layer 1 (0 when none reaches the last). */
  readonly ratio: number;
  readonly totalDead: number;
  /** Whether some layer has every unit dead: no gradient passes it, and every layer below it gets δ = 0. */
  readonly blocked: boolean;
  /** ¼ (the largest σ′) to the power depth − 1: what σ′ alone may leave of the signal across the stack. */
  readonly sigmoidBound: number;
}

/** The stack as an engine network: `depth` hidden layers, one identity output, drawn from the seed. */
export function deepStackNetwork(p: DeepStackParams): Network {
  assertInteger('depth', p.depth, 1);
  assertInteger('width', p.width, 1);
  const sizes = [p.width, ...Array.from({ length: p.depth }, () => p.width), 1];
  const acts = [...Array.from({ length: p.depth }, () => p.activation), 'identity' as const];
  const net = initNetwork(sizes, acts, mulberry32(p.seed), 'standardNormal');
  for (const layer of net.layers) {
    const s = p.weightScale / Math.sqrt(layer.W.cols);
    for (let k = 0; k < layer.W.data.length; k++) layer.W.data[k]! *= s;
    layer.b.data.fill(p.bias);
  }
  return net;
}

/** The stack's batch: DEEP_STACK_SAMPLES standard-normal inputs (width × N) and targets from U[0, 1) (1 × N). */
export function deepStackBatch(p: DeepStackParams): { readonly X: Matrix; readonly Y: Matrix } {
  const rng = mulberry32(p.seed + 1);
  const X = zeros(p.width, DEEP_STACK_SAMPLES);
  for (let k = 0; k < X.data.length; k++) X.data[k] = standardNormal(rng);
  const Y = zeros(1, DEEP_STACK_SAMPLES);
  for (let k = 0; k < Y.data.length; k++) Y.data[k] = rng();
  return { X, Y };
}

/** One forward and backward pass of the stack on its batch (half squared error), by the engine: |δ| per layer. */
export function deepStack(p: DeepStackParams = deepStackDefaults): DeepStackResult {
  const net = deepStackNetwork(p);
  const { X, Y } = deepStackBatch(p);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const N = X.cols;
  const meanAbsDelta = new Float64Array(p.depth);
  const deadUnits = new Uint32Array(p.depth);
  for (let l = 0; l < p.depth; l++) {
    const { delta } = grads.layers[l]!;
    const z = trace.layers[l]!.z;
    meanAbsDelta[l] = delta.data.reduce((s, d) => s + Math.abs(d), 0) / delta.data.length;
    if (p.activation !== 'relu') continue;
    // A ReLU unit is dead on this batch when z ≤ 0 for every sample: its slope is 0 everywhere.
    for (let j = 0; j < p.width; j++) {
      let alive = false;
      for (let n = 0; n < N; n++) if (z.data[j * N + n]! > 0) alive = true;
      if (!alive) deadUnits[l]!++;
    }
  }
  const first = meanAbsDelta[0]!, last = meanAbsDelta[p.depth - 1]!;
  return {
    meanAbsDelta, deadUnits, first, last,
    ratio: last > 0 ? first / last : 0,
    totalDead: deadUnits.reduce((s, d) => s + d, 0),
    blocked: deadUnits.some((d) => d === p.width),
    sigmoidBound: 0.25 ** (p.depth - 1),
  };
}
