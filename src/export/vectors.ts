// vectors.ts — JSON test vectors for a widget's current state, computed by the engine's own dense
// forward and backward passes (dense.ts) and one step of gradient descent: inputs, parameters, every
// z and a, f′(z), the loss, ∂L/∂ŷ, every δ, ∂L/∂W and ∂L/∂b, the parameters after the step and the loss
// there, with the conventions spelt out so that NumPy and PyTorch code can recompute all of it.
//
//   ExportCase (from the model) ──networkFrom, forward, backward, step──▶ TestVectors (JSON-ready)
import { backward, forward, lossOf, step } from '../engine/dense.ts';
import { fromRows, toRows, type Matrix } from '../engine/matrix.ts';
import { networkFrom } from '../engine/network.ts';
import type { ExportCase, ExportLoss, Rows } from '../kit/export-case.ts';

/** The schema's name and version: a reader's code can refuse files it does not know. */
export const VECTORS_SCHEMA = 'backprop-step-by-step/test-vectors';
export const VECTORS_VERSION = 1;

/** Tolerances the scripts assert with: the engine and NumPy both compute in float64, so only rounding differs. */
export const TOLERANCE = Object.freeze({ rtol: 1e-9, atol: 1e-12 });

/** How each loss is defined, in words a NumPy or PyTorch reader can check. */
export const LOSS_CONVENTIONS: Readonly<Record<ExportLoss, { formula: string; samples: 'sum' | 'mean'; outputs: 'sum'; pytorch: string }>> = {
  halfSquaredErrorSum: {
    formula: 'L = Σ_n Σ_k ½ (y_kn − ŷ_kn)², summed over the N samples and the K outputs (no 1/N)',
    samples: 'sum', outputs: 'sum',
    pytorch: '0.5 * F.mse_loss(y_hat, Y, reduction="sum")  (PyTorch\'s default reduction="mean" would divide by K·N and drop the ½)',
  },
  binaryCrossEntropy: {
    formula: 'L = −(1/N) Σ_n Σ_k [y log ŷ + (1 − y) log(1 − ŷ)], ŷ clipped to [1e-12, 1 − 1e-12]: the mean over the N samples, the sum over the K outputs',
    samples: 'mean', outputs: 'sum',
    pytorch: 'F.binary_cross_entropy(y_hat, Y, reduction="sum") / N  (PyTorch\'s default reduction="mean" divides by K·N, not N)',
  },
};

/** One layer's forward numbers: z and a (units × N), and f′(z) (units × N). */
export interface ForwardLayer { readonly z: Rows; readonly a: Rows; readonly dadz: Rows }
/** One layer's backward numbers: δ = ∂L/∂z (units × N), ∂L/∂W (W's shape), ∂L/∂b (units × 1). */
export interface BackwardLayer { readonly delta: Rows; readonly dLdW: Rows; readonly dLdb: Rows }

/** The exported file (schema version 1). */
export interface TestVectors {
  readonly schema: typeof VECTORS_SCHEMA;
  readonly version: typeof VECTORS_VERSION;
  readonly widget: string;
  readonly example: string;
  readonly conventions: {
    readonly layout: string;
    readonly loss: ExportLoss;
    readonly lossFormula: string;
    readonly reduction: { readonly samples: 'sum' | 'mean'; readonly outputs: 'sum' };
    readonly pytorchLoss: string;
    readonly delta: string;
    readonly gradients: string;
    readonly update: string;
    readonly learningRate: number;
    readonly tolerance: typeof TOLERANCE;
  };
  readonly notes: readonly string[];
  readonly inputs: { readonly X: Rows; readonly Y: Rows };
  readonly parameters: readonly { readonly activation: string; readonly W: Rows; readonly b: Rows }[];
  readonly forward: readonly ForwardLayer[];
  readonly loss: number;
  readonly backward: { readonly dLdyHat: Rows; readonly layers: readonly BackwardLayer[] };
  readonly update: { readonly parameters: readonly { readonly W: Rows; readonly b: Rows }[]; readonly lossNext: number };
  /** The widget's numbers by name: [value, path into this file]. */
  readonly shown: Readonly<Record<string, readonly [number, string]>>;
}

const rows = (m: Matrix): number[][] => toRows(m);

/** f′(z) for every entry, from z (the engine's df): the factor δ = ∂L/∂a ⊙ f′(z) multiplies by. */
function slopes(z: Matrix, df: (z: number) => number): number[][] {
  return rows({ ...z, data: z.data.map(df) });
}

/**
 * The test vectors of a case: the engine's forward pass, backward pass and one step at α.
 * Throws the engine's EngineError for what cannot be computed (the same values the widget refuses).
 */
export function testVectors(widget: string, c: ExportCase, numbers: Readonly<Record<string, number>>): TestVectors {
  const shown: Record<string, readonly [number, string]> = {};
  for (const [name, where] of Object.entries(c.shown)) {
    const value = numbers[name];
    if (value === undefined) throw new Error(`${widget}: Export names "${name}", which the widget does not show`);
    shown[name] = [value, where];
  }
  const net = networkFrom(c.layers.map((l) => ({ W: l.W, b: fromRows(l.b, 'b'), activation: l.activation })));
  const X = fromRows(c.X, 'X');
  const Y = fromRows(c.Y, 'Y');
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, c.loss);
  const next = step(net, grads, c.alpha);
  const loss = LOSS_CONVENTIONS[c.loss];
  const vectors: TestVectors = {
    schema: VECTORS_SCHEMA,
    version: VECTORS_VERSION,
    widget,
    example: c.example,
    conventions: {
      layout: 'one sample per column: X is (inputs × N), Y, z, a and δ are (units × N); W is (units out × units in), b is (units out × 1); layer 1 is index 0',
      loss: c.loss,
      lossFormula: loss.formula,
      reduction: { samples: loss.samples, outputs: loss.outputs },
      pytorchLoss: loss.pytorch,
      delta: 'δ of a layer = ∂L/∂z of that layer (units × N); f′(z) is dadz',
      gradients: '∂L/∂W = δ·aPrevᵀ and ∂L/∂b = δ·1, summed over the samples (any 1/N is already inside L)',
      update: 'one step of gradient descent on every layer: W ← W − α·∂L/∂W, b ← b − α·∂L/∂b; lossNext is L after it',
      learningRate: c.alpha,
      tolerance: TOLERANCE,
    },
    notes: c.notes ?? [],
    inputs: { X: c.X, Y: c.Y },
    parameters: c.layers.map((l) => ({ activation: l.activation, W: l.W, b: l.b })),
    forward: trace.layers.map((t, l) => ({ z: rows(t.z), a: rows(t.a), dadz: slopes(t.z, net.layers[l]!.activation.df) })),
    loss: grads.loss,
    backward: {
      dLdyHat: rows(grads.dLdyHat),
      layers: grads.layers.map((g) => ({ delta: rows(g.delta), dLdW: rows(g.dW), dLdb: rows(g.db) })),
    },
    update: {
      parameters: next.layers.map((l) => ({ W: rows(l.W), b: rows(l.b) })),
      lossNext: lossOf(next, X, Y, c.loss),
    },
    shown,
  };
  for (const [name, [, where]] of Object.entries(shown)) {
    if (typeof at(vectors, where) !== 'number') throw new Error(`${widget}: Export puts "${name}" at ${where}, which is not a number of the vectors`);
  }
  return vectors;
}

/** The value at a path of the vectors ("forward.0.z.0.0"), or undefined when the path leads nowhere. */
export function at(vectors: unknown, path: string): unknown {
  let here: unknown = vectors;
  for (const key of path.split('.')) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The vectors as the downloaded file: indented JSON, each row of numbers on one line, a final newline. */
export function vectorsJson(v: TestVectors): string {
  const text = JSON.stringify(v, null, 2).replace(/\[\s*(-?\d[^[\]{}"]*?)\s*\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`);
  return `${text}\n`;
}
