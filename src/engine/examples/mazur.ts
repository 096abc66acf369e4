// Matt Mazur's "A Step by Step Backpropagation Example" (2015), the most copied worked example of
// backpropagation: a 2-2-2 sigmoid network, one sample, E = Σ ½(t − o)², recomputed by the engine in
// the two orders of the update (general-formulation).
//
//   standard      (update after)  all deltas and gradients with the current weights, then every update:
//                                 the dense engine's backward, then step (mazurStep)
//   update during (WRONG ORDER)   each layer updated as soon as its delta is known, so the hidden
//                                 deltas are computed through output weights that have already moved
//                                 (updateDuringStep, written plainly with loops)
//
// The post names the weights w1 … w8: w1, w2 into h1 and w3, w4 into h2 (W⁽¹⁾ row by row), w5, w6
// into o1 and w7, w8 into o2 (W⁽²⁾ row by row). Each layer has one bias shared by its units, and the
// biases are not updated: here b⁽ˡ⁾ holds the shared bias once per unit and the steps leave it alone.

import { backward, forward, step, type Gradients } from '../dense.ts';
import { HyperparameterError } from '../errors.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import type { Matrix } from '../matrix.ts';
import { fromColumn, fromSamples, zeros } from '../matrix.ts';
import type { Network } from '../network.ts';
import { copyNetwork, networkFrom } from '../network.ts';
import { assertFiniteNumber, assertInteger, assertLearningRate } from '../validate.ts';

/** The 2-2-2 example: inputs x (i1, i2), targets y (the post's t), weights, the two shared biases, α (η). */
export interface MazurParams {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** W⁽¹⁾ = [[w1, w2], [w3, w4]]: row j holds the weights into hidden unit j. */
  readonly W1: readonly [readonly [number, number], readonly [number, number]];
  /** W⁽²⁾ = [[w5, w6], [w7, w8]]: row k holds the weights into output unit k. */
  readonly W2: readonly [readonly [number, number], readonly [number, number]];
  /** The hidden layer's shared bias b1 and the output layer's b2; neither is updated. */
  readonly b1: number;
  readonly b2: number;
  readonly alpha: number;
}

/** The post's numbers. */
export const mazurDefaults: MazurParams = Object.freeze({
  x: Object.freeze([0.05, 0.1] as const),
  y: Object.freeze([0.01, 0.99] as const),
  W1: Object.freeze([Object.freeze([0.15, 0.2] as const), Object.freeze([0.25, 0.3] as const)] as const),
  W2: Object.freeze([Object.freeze([0.4, 0.45] as const), Object.freeze([0.5, 0.55] as const)] as const),
  b1: 0.35,
  b2: 0.6,
  alpha: 0.5,
});

/** Every number the post starts from, in the order above (for src/engine/examples/inputs.ts). */
export function mazurInputList(p: MazurParams = mazurDefaults): number[] {
  return [...p.x, ...p.y, ...p.W1.flat(), ...p.W2.flat(), p.b1, p.b2, p.alpha];
}

/** Throws NonFiniteError for a non-finite number and HyperparameterError for α < 0. */
export function validateMazurParams(p: MazurParams): void {
  const named: [string, number][] = [
    ['x1', p.x[0]], ['x2', p.x[1]], ['y1', p.y[0]], ['y2', p.y[1]],
    ...p.W1.flat().map((w, k): [string, number] => [`w${k + 1}`, w]),
    ...p.W2.flat().map((w, k): [string, number] => [`w${k + 5}`, w]),
    ['b1', p.b1], ['b2', p.b2],
  ];
  for (const [what, v] of named) assertFiniteNumber(what, v);
  assertLearningRate(p.alpha);
}

/** The 2-2-2 sigmoid network; each layer's shared bias is written once per unit. */
export function mazurNetwork(p: MazurParams = mazurDefaults): Network {
  validateMazurParams(p);
  return networkFrom([
    { W: p.W1, b: [p.b1, p.b1], activation: 'sigmoid' },
    { W: p.W2, b: [p.b2, p.b2], activation: 'sigmoid' },
  ]);
}

/** The one sample: X = x as a column (2 × 1), Y = y as a column (2 × 1). */
export function mazurData(p: MazurParams = mazurDefaults): { readonly X: Matrix; readonly Y: Matrix } {
  return { X: fromSamples([p.x]), Y: fromColumn(p.y) };
}

/** The post's rule that the biases stay: their gradients are dropped, so step moves the weights only. */
function weightsOnly(grads: Gradients): Gradients {
  return { ...grads, layers: grads.layers.map((g) => ({ ...g, db: zeros(g.db.rows, 1) })) };
}

/**
 * One update in the standard order, through the dense engine: backward computes every delta and
 * every ∂E/∂W with the current weights, and only then does step build the updated network
 * (W ← W − α ∂E/∂W in every layer; the biases stay). `grads.loss` is E before the update.
 */
export function mazurStep(net: Network, X: Matrix, Y: Matrix, alpha: number): { readonly next: Network; readonly grads: Gradients } {
  const grads = backward(net, forward(net, X), Y, halfSquaredErrorSum);
  return { next: step(net, weightsOnly(grads), alpha), grads };
}

/** What updateDuringStep used: every layer's delta and the weight "gradient" it stepped with, and E before. */
export interface UpdateDuringResult {
  readonly next: Network;
  readonly delta: readonly Matrix[];
  readonly dW: readonly Matrix[];
  readonly loss: number;
}

/**
 * THE WRONG ORDER, kept to show what it computes: backpropagation that updates each layer's weights as
 * soon as its delta is known, from the output layer down. The hidden delta δ⁽ˡ⁾ is then computed
 * through W⁽ˡ⁺¹⁾ AFTER its update, so for every layer below the output the "gradient" it steps with
 * is the gradient of no network: not of the weights before the update, nor of those after it.
 * Written with plain loops for E = Σ ½(y − a)² (∂E/∂a = a − y); the biases stay, as in the post.
 */
export function updateDuringStep(net: Network, X: Matrix, Y: Matrix, alpha: number): UpdateDuringResult {
  assertLearningRate(alpha);
  const trace = forward(net, X);
  const next = copyNetwork(net);
  const last = net.layers.length - 1;
  const samples = X.cols;
  const delta: Matrix[] = [];
  const dW: Matrix[] = [];
  for (let l = last; l >= 0; l--) {
    const { a, aPrev } = trace.layers[l]!;
    const slope = net.layers[l]!.activation.dfFromA;
    const d = zeros(a.rows, samples);
    for (let i = 0; i < a.rows; i++) {
      for (let n = 0; n < samples; n++) {
        let g = 0;
        if (l === last) {
          // the output layer: ∂E/∂a = a − y
          g = a.data[i * samples + n]! - Y.data[i * samples + n]!;
        } else {
          // Σₖ W⁽ˡ⁺¹⁾ₖᵢ δ⁽ˡ⁺¹⁾ₖ, through next's W⁽ˡ⁺¹⁾: already updated (the mistake)
          const W = next.layers[l + 1]!.W;
          const dNext = delta[0]!;
          for (let k = 0; k < W.rows; k++) g += W.data[k * W.cols + i]! * dNext.data[k * samples + n]!;
        }
        d.data[i * samples + n] = g * slope(a.data[i * samples + n]!);
      }
    }
    // ∂E/∂W⁽ˡ⁾ = δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ, summed over the samples, and the update at once
    const W = next.layers[l]!.W;
    const g = zeros(W.rows, W.cols);
    for (let i = 0; i < W.rows; i++) {
      for (let j = 0; j < W.cols; j++) {
        let sum = 0;
        for (let n = 0; n < samples; n++) sum += d.data[i * samples + n]! * aPrev.data[j * samples + n]!;
        g.data[i * W.cols + j] = sum;
        W.data[i * W.cols + j] = W.data[i * W.cols + j]! - alpha * sum;
      }
    }
    delta.unshift(d);
    dW.unshift(g);
  }
  return { next, delta, dW, loss: halfSquaredErrorSum.value(trace.yHat, Y) };
}

/** Which order a run updates in. */
export type UpdateOrder = 'standard' | 'updateDuring';

/**
 * A run of updates from the post's start, kept between frames: the networks are made on demand and
 * remembered (all weights of update k in one row of a flat array), so going from 9 999 to 10 000
 * updates costs one update, not 10 000.
 */
export interface MazurRun {
  readonly order: UpdateOrder;
  /** The network after k updates (k = 0: the post's start). */
  network(k: number): Network;
  /** E after 0 … k updates: a view of k + 1 numbers, not a copy. */
  errors(k: number): Float64Array;
}

/** The most updates a run keeps (each costs 12 numbers of memory for the 2-2-2 network). */
export const MAZUR_MAX_UPDATES = 100_000;

/** A run in either order; E after k updates is errors(k)[k]. */
export function mazurRun(p: MazurParams, order: UpdateOrder): MazurRun {
  const start = mazurNetwork(p);
  const { X, Y } = mazurData(p);
  const size = start.layers.reduce((s, layer) => s + layer.W.data.length + layer.b.data.length, 0);
  let thetas = new Float64Array(size * 64);
  let errors = new Float64Array(64);
  let done = 0;
  let current = start;
  write(thetas, 0, start);
  errors[0] = halfSquaredErrorSum.value(forward(start, X).yHat, Y);
  const extend = (k: number) => {
    assertInteger('number of updates', k, 0);
    if (k > MAZUR_MAX_UPDATES) throw new HyperparameterError(`${k} updates: this run keeps at most ${MAZUR_MAX_UPDATES}`, 'steps');
    while (errors.length <= k) {
      thetas = grow(thetas, thetas.length * 2);
      errors = grow(errors, errors.length * 2);
    }
    for (; done < k; done++) {
      current = order === 'standard' ? mazurStep(current, X, Y, p.alpha).next : updateDuringStep(current, X, Y, p.alpha).next;
      write(thetas, (done + 1) * size, current);
      errors[done + 1] = halfSquaredErrorSum.value(forward(current, X).yHat, Y);
    }
  };
  return {
    order,
    network(k) {
      extend(k);
      return k === done ? current : read(start, thetas, k * size);
    },
    errors(k) {
      extend(k);
      return errors.subarray(0, k + 1);
    },
  };
}

function grow(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

/** Writes every W and b of net, layer by layer, into out from offset. */
function write(out: Float64Array, offset: number, net: Network): void {
  let at = offset;
  for (const layer of net.layers) {
    out.set(layer.W.data, at);
    at += layer.W.data.length;
    out.set(layer.b.data, at);
    at += layer.b.data.length;
  }
}

/** A network shaped like `shape` with the weights and biases stored by write at offset. */
function read(shape: Network, from: Float64Array, offset: number): Network {
  const net = copyNetwork(shape);
  let at = offset;
  for (const layer of net.layers) {
    layer.W.data.set(from.subarray(at, at + layer.W.data.length));
    at += layer.W.data.length;
    layer.b.data.set(from.subarray(at, at + layer.b.data.length));
    at += layer.b.data.length;
  }
  return net;
}
