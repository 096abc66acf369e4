// A dense network: per layer a weight matrix W, a bias b and an activation (hidden-delta, weight-update).

import type { Activation, ActivationLike } from './activations.ts';
import { resolveActivation } from './activations.ts';
import { HyperparameterError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { copyMatrix, fromColumn, fromRows, zeros } from './matrix.ts';
import type { Rng } from './random.ts';
import { uniform } from './random.ts';
import { assertFiniteMatrix, assertInteger, assertShape } from './validate.ts';

/** One layer: z = W·aPrev + b·1ᵀ, a = f(z). */
export interface Layer {
  /** W: (units out × units in), i.e. (this layer's units × the previous layer's units). */
  readonly W: Matrix;
  /** b: (units out × 1), one bias per unit, added to every sample's column. */
  readonly b: Matrix;
  /** f, applied entry by entry to z. */
  readonly activation: Activation;
}

/**
 * A feed-forward network. `layers[0]` is the book's layer 1 (the first layer with weights);
 * the last layer is the output layer. Networks are values: the engine never mutates one
 * (`step` returns a new network), so a widget can keep "before" and "after" side by side.
 */
export interface Network {
  /** Units per layer, inputs first: [2, 2, 1] is the 2-2-1 XOR network. */
  readonly sizes: readonly number[];
  readonly layers: readonly Layer[];
}

/** One layer given explicitly: W as nested rows (or a Matrix), b as a list (or an n×1 Matrix). */
export interface LayerSpec {
  readonly W: readonly (readonly number[])[] | Matrix;
  readonly b: readonly number[] | Matrix;
  readonly activation: ActivationLike;
}

function isMatrix(m: unknown): m is Matrix {
  return typeof m === 'object' && m !== null && 'data' in m;
}

/**
 * A network with explicit weights, e.g. the one-neuron example:
 * networkFrom([{ W: [[0.3]], b: [0.1], activation: 'sigmoid' }]).
 * The number of inputs is read from layer 1's W; every shape and number is checked.
 */
export function networkFrom(specs: readonly LayerSpec[]): Network {
  const layers = specs.map((spec, l): Layer => {
    const what = `W of layer ${l + 1}`;
    const W = isMatrix(spec.W) ? copyMatrix(spec.W) : fromRows(spec.W, what);
    const b = isMatrix(spec.b) ? copyMatrix(spec.b) : fromColumn(spec.b);
    return { W, b, activation: resolveActivation(spec.activation) };
  });
  const net: Network = { sizes: [layers[0]?.W.cols ?? 0, ...layers.map((layer) => layer.W.rows)], layers };
  validateNetwork(net);
  return net;
}

/**
 * Checks that every W is (units out × units in), every b is (units out × 1), sizes match and
 * every weight is finite; throws ShapeError, NonFiniteError or HyperparameterError otherwise.
 */
export function validateNetwork(net: Network): void {
  if (net.layers.length === 0) {
    throw new HyperparameterError('the network has no layers: expected at least one', 'layers');
  }
  const inputs = net.sizes[0] ?? 0;
  assertInteger('number of inputs', inputs, 1);
  net.layers.forEach((layer, l) => {
    const unitsIn = l === 0 ? inputs : net.layers[l - 1]!.W.rows;
    const because = l === 0 ? `the network has ${unitsIn} inputs` : `layer ${l} outputs ${unitsIn} units`;
    const unitsOut = net.sizes[l + 1] ?? layer.W.rows;
    assertShape(`W of layer ${l + 1}`, layer.W, unitsOut, unitsIn, because);
    assertInteger(`units of layer ${l + 1}`, unitsOut, 1);
    assertShape(`b of layer ${l + 1}`, layer.b, unitsOut, 1, `layer ${l + 1} has ${unitsOut} units`);
    assertFiniteMatrix(`W of layer ${l + 1}`, layer.W);
    assertFiniteMatrix(`b of layer ${l + 1}`, layer.b);
  });
}

/**
 * How initNetwork draws the starting weights:
 * 'xavier' — W ~ U(−r, r) with r = √(6 / (units in + units out)) (Glorot), b = 0;
 * 'uniform01' — W and b ~ U[0, 1) (the XOR example's; the numpy tutorial it follows uses np.random.randn).
 */
export type WeightInit = 'xavier' | 'uniform01';

/**
 * A network with `sizes` units per layer (inputs first) and one activation per weight layer,
 * weights drawn from `rng` layer by layer: W row by row, then b. Same seed → same network.
 */
export function initNetwork(
  sizes: readonly number[],
  activationPerLayer: readonly ActivationLike[],
  rng: Rng,
  init: WeightInit = 'xavier',
): Network {
  if (sizes.length < 2) {
    throw new HyperparameterError(`sizes = [${sizes.join(', ')}]: expected at least [inputs, outputs]`, 'sizes');
  }
  sizes.forEach((units, i) => assertInteger(`sizes[${i}]`, units, 1));
  if (init !== 'xavier' && init !== 'uniform01') {
    throw new HyperparameterError(`unknown init "${String(init)}": expected 'xavier' or 'uniform01'`, 'init');
  }
  if (activationPerLayer.length !== sizes.length - 1) {
    const message = `${activationPerLayer.length} activations for ${sizes.length - 1} layers: expected one per layer`;
    throw new HyperparameterError(message, 'activations');
  }
  const layers = activationPerLayer.map((activation, l): Layer => {
    const unitsIn = sizes[l]!;
    const unitsOut = sizes[l + 1]!;
    const W = zeros(unitsOut, unitsIn);
    const b = zeros(unitsOut, 1);
    if (init === 'uniform01') {
      for (let k = 0; k < W.data.length; k++) W.data[k] = rng();
      for (let k = 0; k < b.data.length; k++) b.data[k] = rng();
    } else {
      const r = Math.sqrt(6 / (unitsIn + unitsOut));
      for (let k = 0; k < W.data.length; k++) W.data[k] = uniform(rng, -r, r);
    }
    return { W, b, activation: resolveActivation(activation) };
  });
  return { sizes: [...sizes], layers };
}

/** An independent copy (new W and b arrays, same activations). */
export function copyNetwork(net: Network): Network {
  return {
    sizes: [...net.sizes],
    layers: net.layers.map((layer) => ({ W: copyMatrix(layer.W), b: copyMatrix(layer.b), activation: layer.activation })),
  };
}
