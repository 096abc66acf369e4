// What a gradient costs: the multiply-adds of the engine's matrix products in a forward pass, in
// backpropagation, and in finite differences, for a dense network of any sizes (general-formulation);
// and, given a clock, the same three measured on the machine that runs it.
//
// The counts are those of the loops in matmul.ts, one multiply-add per innermost iteration:
//   forward   z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾           linearInto                   nₗ·nₗ₋₁·N for every layer
//   backward  (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾                 transposeTimesInto           nₗ₊₁·nₗ·N for every layer but the first
//             ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ         timesTransposeAndRowSumsInto nₗ·nₗ₋₁·N for every layer
// The element-wise work (f, f′, ⊙, the bias sums) is a few operations per unit, not per weight, and
// is left out: for any layer wider than a handful of units the products are nearly all of the work.

import { backward, forward } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import { numericalDerivative, relativeError } from '../gradcheck.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import { fromRows, type Matrix } from '../matrix.ts';
import { initNetwork, type Network } from '../network.ts';
import { mulberry32, uniform } from '../random.ts';
import { assertInteger } from '../validate.ts';

/** One layer's multiply-adds for a batch of N samples (layer numbered from 1, as in the book). */
export interface LayerCost {
  readonly layer: number;
  readonly unitsIn: number;
  readonly unitsOut: number;
  /** W·a: nₗ·nₗ₋₁·N. */
  readonly forward: number;
  /** (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾, the step back INTO this layer's δ from the layer above: nₗ₊₁·nₗ·N, 0 for the output layer. */
  readonly deltaBack: number;
  /** δ(a⁽ˡ⁻¹⁾)ᵀ, this layer's weight gradient: nₗ·nₗ₋₁·N. */
  readonly weightGradient: number;
}

/** The whole count: per layer, the totals, and finite differences for comparison. */
export interface BackpropCost {
  readonly layers: readonly LayerCost[];
  /** P: every weight and bias. */
  readonly parameters: number;
  /** One forward pass. */
  readonly forward: number;
  /** The backward pass alone: every (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ and every δ(a⁽ˡ⁻¹⁾)ᵀ. */
  readonly backward: number;
  /** The gradient by backpropagation: a forward pass and a backward pass. */
  readonly backprop: number;
  /** Forward passes for the gradient by central differences: two per parameter. */
  readonly finiteDifferencePasses: number;
  /** Their multiply-adds. */
  readonly finiteDifference: number;
}

/** Throws HyperparameterError unless there are at least two sizes and a batch, all whole numbers ≥ 1. */
function validate(sizes: readonly number[], samples: number): void {
  if (sizes.length < 2) throw new HyperparameterError(`sizes = [${sizes.join(', ')}]: expected at least [inputs, outputs]`, 'sizes');
  sizes.forEach((n, i) => assertInteger(`sizes[${i}]`, n, 1));
  assertInteger('samples', samples, 1);
}

/** P = Σₗ (nₗ·nₗ₋₁ + nₗ): the weights and the biases of every layer. */
export function parameterCount(sizes: readonly number[]): number {
  validate(sizes, 1);
  let P = 0;
  for (let l = 1; l < sizes.length; l++) P += sizes[l]! * sizes[l - 1]! + sizes[l]!;
  return P;
}

/** The multiply-adds of a forward pass, of backpropagation and of central differences (sizes: inputs first). */
export function backpropCost(sizes: readonly number[], samples = 1): BackpropCost {
  validate(sizes, samples);
  const layers = sizes.slice(1).map((unitsOut, i): LayerCost => {
    const unitsIn = sizes[i]!;
    const above = sizes[i + 2];
    return {
      layer: i + 1,
      unitsIn,
      unitsOut,
      // z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾: one multiply-add per weight and sample
      forward: unitsOut * unitsIn * samples,
      // δ⁽ˡ⁾ from (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾: one per weight of the layer above; the output layer's δ needs none
      deltaBack: above === undefined ? 0 : above * unitsOut * samples,
      // ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ: one per weight and sample
      weightGradient: unitsOut * unitsIn * samples,
    };
  });
  const total = (part: (c: LayerCost) => number) => layers.reduce((s, c) => s + part(c), 0);
  const forward = total((c) => c.forward);
  const backward = total((c) => c.deltaBack + c.weightGradient);
  const parameters = parameterCount(sizes);
  return {
    layers,
    parameters,
    forward,
    backward,
    backprop: forward + backward,
    // central differences: two forward passes per parameter
    finiteDifferencePasses: 2 * parameters,
    finiteDifference: 2 * parameters * forward,
  };
}

/** A sigmoid network of these sizes with seeded weights, and N seeded samples: what measureCosts times. */
export function costNetwork(sizes: readonly number[], samples: number, seed = 1): { readonly net: Network; readonly X: Matrix; readonly Y: Matrix } {
  validate(sizes, samples);
  const rng = mulberry32(seed);
  const net = initNetwork(sizes, sizes.slice(1).map(() => 'sigmoid'), rng);
  const column = (rows: number, lo: number, hi: number) => fromRows(Array.from({ length: rows }, () => Array.from({ length: samples }, () => uniform(rng, lo, hi))));
  return { net, X: column(sizes[0]!, -1, 1), Y: column(sizes[sizes.length - 1]!, 0, 1) };
}

/** Milliseconds measured on this machine; finiteDifference is scaled up from the first `timed` parameters when not all were timed. */
export interface MeasuredCosts {
  readonly forwardMs: number;
  readonly backpropMs: number;
  readonly finiteDifferenceMs: number;
  /** How many of the P parameters the finite differences were timed on (all of them unless the budget ran out). */
  readonly timed: number;
  readonly parameters: number;
  /** The worst relativeError (gradcheck.ts) between backprop's gradient and the finite differences, on the parameters timed. */
  readonly maxRelativeDifference: number;
}

/**
 * Times a forward pass and backpropagation (repeated until `budgetMs` has passed, the median of the
 * repetitions' mean) and the gradient by central differences: parameter by parameter until all P are
 * done or the budget is spent, then scaled to all P. `now` is the clock (performance.now), passed in
 * so that the engine knows nothing of the page. The numbers belong to this machine at this moment.
 */
export function measureCosts(sizes: readonly number[], samples: number, now: () => number, budgetMs = 300): MeasuredCosts {
  const { net, X, Y } = costNetwork(sizes, samples);
  const loss = () => halfSquaredErrorSum.value(forward(net, X).yHat, Y);
  const perCall = (f: () => void): number => {
    f(); // once before timing, so that the code is compiled
    const means: number[] = [];
    const until = now() + budgetMs / 3;
    while (means.length < 5 || now() < until) {
      let calls = 0;
      const t0 = now();
      do { f(); calls++; } while (now() - t0 < 2);
      means.push((now() - t0) / calls);
      if (means.length >= 200) break;
    }
    return means.sort((a, b) => a - b)[Math.floor(means.length / 2)]!;
  };
  const forwardMs = perCall(() => void loss());
  let grads = backward(net, forward(net, X), Y, halfSquaredErrorSum);
  const backpropMs = perCall(() => { grads = backward(net, forward(net, X), Y, halfSquaredErrorSum); });
  // Central differences, parameter by parameter (every W, then b, layer by layer), until the budget runs out.
  const thetas = net.layers.flatMap((layer, l) => [[layer.W.data, grads.layers[l]!.dW.data], [layer.b.data, grads.layers[l]!.db.data]] as const);
  const P = thetas.reduce((s, [t]) => s + t.length, 0);
  let timed = 0, worst = 0;
  const t0 = now(), until = t0 + budgetMs;
  outer: for (const [theta, g] of thetas) {
    for (let k = 0; k < theta.length; k++) {
      const original = theta[k]!;
      const numeric = numericalDerivative((t) => { theta[k] = t; return loss(); }, original);
      theta[k] = original;
      worst = Math.max(worst, relativeError(numeric, g[k]!));
      timed++;
      if (now() > until) break outer;
    }
  }
  const finiteDifferenceMs = ((now() - t0) / timed) * P;
  return { forwardMs, backpropMs, finiteDifferenceMs, timed, parameters: P, maxRelativeDifference: worst };
}
