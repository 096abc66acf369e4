// Gradient checking: backprop's gradients against central finite differences (chain-rule, hidden-delta).

import { backward, forward } from './dense.ts';
import type { LossLike } from './loss-registry.ts';
import { resolveLoss } from './loss-registry.ts';
import type { Matrix } from './matrix.ts';
import { copyMatrix } from './matrix.ts';
import type { Network } from './network.ts';
import { copyNetwork } from './network.ts';

/** f'(x) ≈ (f(x + ε) − f(x − ε)) / 2ε, the central difference (error shrinks like ε²). */
export function numericalDerivative(f: (x: number) => number, x: number, eps = 1e-5): number {
  return (f(x + eps) - f(x - eps)) / (2 * eps);
}

/**
 * f'(x) ≈ (f(x − 2ε) − 8f(x − ε) + 8f(x + ε) − f(x + 2ε)) / 12ε, the five-point central
 * difference (error shrinks like ε⁴). It is the two-point difference with its ε² error
 * cancelled (Richardson), accurate enough to check deep networks to 1e-6.
 */
export function fivePointDerivative(f: (x: number) => number, x: number, eps = 1e-3): number {
  return (f(x - 2 * eps) - 8 * f(x - eps) + 8 * f(x + eps) - f(x + 2 * eps)) / (12 * eps);
}

/** Which central difference to use: 'twoPoint' (numericalDerivative) or 'fivePoint' (fivePointDerivative). */
export type Stencil = 'twoPoint' | 'fivePoint';

/**
 * ∂f/∂θₖ for every entry of θ by central differences. θ is nudged in place (θₖ ± ε) while f()
 * runs and restored exactly afterwards, so f can read θ directly.
 */
export function numericalGradient(f: () => number, theta: Float64Array, eps: number, stencil: Stencil = 'twoPoint'): Float64Array {
  const derivative = stencil === 'fivePoint' ? fivePointDerivative : numericalDerivative;
  const grad = new Float64Array(theta.length);
  for (let k = 0; k < theta.length; k++) {
    const original = theta[k]!;
    const fAt = (t: number): number => {
      theta[k] = t;
      return f();
    };
    grad[k] = derivative(fAt, original, eps);
    theta[k] = original;
  }
  return grad;
}

/**
 * |a − b| / max(|a|, |b|, floor); 0 when a = b. Without the floor, two gradients that are both
 * almost 0 (say 1e-9 and 2e-9, far below what a finite difference can resolve) would count as
 * 50% apart; with it, gradients smaller than `floor` are compared on the scale of `floor`.
 */
export function relativeError(a: number, b: number, floor = 1e-5): number {
  const diff = Math.abs(a - b);
  return diff === 0 ? 0 : diff / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Backprop's gradient of one tensor (W or b of a layer, numbered from 1) next to the numerical one. */
export interface TensorCheck {
  readonly layer: number;
  readonly tensor: 'W' | 'b';
  readonly analytic: Matrix;
  readonly numeric: Matrix;
  /** The worst relativeError over the tensor's entries. */
  readonly maxRelativeError: number;
  /** The worst |analytic − numeric| over the tensor's entries. */
  readonly maxAbsoluteError: number;
}

/** Per-tensor checks (layer 1's W, layer 1's b, layer 2's W, …) and the worst relative error of all. */
export interface GradcheckResult {
  readonly tensors: readonly TensorCheck[];
  readonly maxRelativeError: number;
}

/** Settings of gradcheck; the defaults (five-point, ε = 1e-3, floor 1e-5) resolve relative errors well below 1e-6. */
export interface GradcheckOptions {
  readonly stencil?: Stencil;
  readonly eps?: number;
  /** The floor of relativeError. */
  readonly floor?: number;
}

/**
 * Compares backward() with central differences of the loss for every W and b of `net` on
 * (X, Y). Meant for smooth activations: near a ReLU kink a finite difference straddles it.
 */
export function gradcheck(net: Network, X: Matrix, Y: Matrix, lossLike: LossLike, options: GradcheckOptions = {}): GradcheckResult {
  const { stencil = 'fivePoint', eps = stencil === 'fivePoint' ? 1e-3 : 1e-5, floor = 1e-5 } = options;
  const loss = resolveLoss(lossLike);
  const grads = backward(net, forward(net, X), Y, loss);
  const probe = copyNetwork(net);
  const lossAt = (): number => loss.value(forward(probe, X).yHat, Y);
  const tensors = probe.layers.flatMap((layer, l) => {
    const g = grads.layers[l]!;
    return [
      compare(l + 1, 'W', g.dW, numericalGradient(lossAt, layer.W.data, eps, stencil), layer.W, floor),
      compare(l + 1, 'b', g.db, numericalGradient(lossAt, layer.b.data, eps, stencil), layer.b, floor),
    ];
  });
  return { tensors, maxRelativeError: Math.max(...tensors.map((t) => t.maxRelativeError)) };
}

function compare(layer: number, tensor: 'W' | 'b', analytic: Matrix, numerical: Float64Array, theta: Matrix, floor: number): TensorCheck {
  const numeric = { rows: theta.rows, cols: theta.cols, data: numerical };
  let maxRelativeError = 0;
  let maxAbsoluteError = 0;
  for (let k = 0; k < numeric.data.length; k++) {
    const a = analytic.data[k]!;
    const n = numeric.data[k]!;
    maxRelativeError = Math.max(maxRelativeError, relativeError(a, n, floor));
    maxAbsoluteError = Math.max(maxAbsoluteError, Math.abs(a - n));
  }
  return { layer, tensor, analytic: copyMatrix(analytic), numeric, maxRelativeError, maxAbsoluteError };
}
