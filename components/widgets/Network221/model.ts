// model.ts — the 2-2-1 widget without the DOM: the reader's nine parameters (W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾ as
// matrices), the batch (X and Y, one sample per column) and α; every matrix of the forward pass, the
// backward pass and one full-batch step, entry by entry; each sample's share of ∂L/∂W; the loss before
// and after the step; and the diagram's connections, as wide as their weights.
// Used at build time (Network221.astro: the first frame; the chapter: its numbers and preset links) and
// in the browser (painted by <bp-widget>). Unit-tested in tests/unit/widgets/network-2-2-1.test.ts.
//
//   W⁽¹⁾ b⁽¹⁾ W⁽²⁾ b⁽²⁾ X Y α ──network221Pass (the dense engine)──▶ Z, A, Δ, ∂L/∂W, ∂L/∂b, the step
//                           ──network221Sample, per column──────▶ δₙ aₙᵀ, the terms of ∂L/∂W
import { network221Defaults as d, network221Pass, network221Sample, type Network221Params } from '../../../src/engine/examples/network-2-2-1.ts';
import { matrix, num, type Values } from '../../../src/kit/params.ts';
import { defineWidget, type Attrs } from '../../../src/kit/widget.ts';
import { entries, entry } from './entries.ts';
import { edgeWidth, layout, weightName } from './layout.ts';

const schema = {
  W1: matrix(d.W1, { min: -5, max: 5, label: 'Weights into layer 1', symbol: 'W⁽¹⁾' }),
  b1: matrix(d.b1, { min: -5, max: 5, label: 'Biases of layer 1', symbol: 'b⁽¹⁾' }),
  W2: matrix(d.W2, { min: -5, max: 5, label: 'Weights into layer 2', symbol: 'W⁽²⁾' }),
  b2: matrix(d.b2, { min: -5, max: 5, label: 'Bias of layer 2', symbol: 'b⁽²⁾' }),
  // The batch as matrices (not per-sample switches): its shapes, and so every matrix's shape, stay 2×4
  // and 1×4 whatever the reader types, and the reader can change the data itself (other targets, a
  // sample repeated), not only choose among XOR's four samples.
  X: matrix(d.X, { min: -5, max: 5, label: 'Inputs, one sample per column', symbol: 'X' }),
  // Targets outside (0, 1) can be typed, to show that a sigmoid output never reaches them.
  Y: matrix(d.Y, { min: -2, max: 3, label: 'Targets, one per sample', symbol: 'Y' }),
  alpha: num(d.alpha, { min: 0.001, max: 100, scale: 'log', label: 'Learning rate', symbol: 'α' }),
};

export type Network221Values = Values<typeof schema>;

/**
 * The chapter's preset links, as inputs (never derived numbers). `copies`: the batch is sample 3,
 * x = (1, 0) with y = 1, four times over, so every gradient is four times that sample's.
 * `symmetric`: both hidden units start the same (hidden unit 2 gets unit 1's weights, bias and
 * outgoing weight), so they get the same gradients, and one step keeps them the same.
 */
export const presets = {
  copies: { X: [[1, 1, 1, 1], [0, 0, 0, 0]], Y: [[1, 1, 1, 1]] },
  symmetric: { W1: [d.W1[0]!, d.W1[0]!], b1: [d.b1[0]!, d.b1[0]!], W2: [[d.W2[0]![0]!, d.W2[0]![0]!]] },
} as const satisfies Record<string, Partial<Network221Values>>;

/** The sample the chapter works first on its own: x = (1, 0), y = 1, column 3 of the XOR batch (0-based 2). */
export const ONE_SAMPLE = 2;

/** Two rows of a matrix (as typed) are the same, entry for entry. */
const sameRows = (m: readonly (readonly number[])[], i: number, k: number) => m[i]!.every((v, j) => v === m[k]![j]);

export const network221 = defineWidget({
  name: 'network-2-2-1',
  schema,
  compute(v) {
    const p: Network221Params = v;
    const r = network221Pass(p);
    // Each sample's ∂L/∂W⁽²⁾ = δ⁽²⁾ₙ (a⁽¹⁾ₙ)ᵀ, the terms of the batch gradient's sum.
    const terms = Array.from({ length: r.X.cols }, (_, n) => entries(`dLdW2s${n + 1}`, network221Sample(p, n).dLdW2));
    // Entries are named by matrix, row and column (entries.ts): a record of names, checked at build
    // time by named() and in the browser by the painter, rather than a type with 120 keys.
    const numbers: Record<string, number> = {
      alpha: v.alpha,
      ...entries('W1', r.W1), ...entries('b1', r.b1), ...entries('W2', r.W2), ...entries('b2', r.b2),
      ...entries('X', r.X), ...entries('Y', r.Y),
      ...entries('Z1', r.Z1), ...entries('A1', r.A1), ...entries('Z2', r.Z2), ...entries('A2', r.A2),
      ...entries('lossN', r.lossN), loss: r.loss,
      ...entries('dLdA2', r.dLdA2), ...entries('dadz2', r.dadz2), ...entries('Delta2', r.Delta2),
      ...entries('dLdA1', r.dLdA1), ...entries('dadz1', r.dadz1), ...entries('Delta1', r.Delta1),
      ...entries('dLdW2', r.dLdW2), ...entries('dLdb2', r.dLdb2), ...entries('dLdW1', r.dLdW1), ...entries('dLdb1', r.dLdb1),
      ...Object.assign({}, ...terms) as Record<string, number>,
      ...entries('W1Next', r.W1Next), ...entries('b1Next', r.b1Next), ...entries('W2Next', r.W2Next), ...entries('b2Next', r.b2Next),
      ...entries('A2Next', r.A2Next), lossNext: r.lossNext,
      lossChange: r.lossNext - r.loss, predictedChange: r.predictedChange,
    };
    return {
      numbers,
      flags: {
        lossFell: r.lossNext < r.loss,
        lossRose: r.lossNext > r.loss,
        lossSame: r.lossNext === r.loss,
        // Both hidden units compute the same function of the inputs and feed the output equally.
        symmetric: sameRows(v.W1, 0, 1) && sameRows(v.b1, 0, 1) && v.W2[0]![0] === v.W2[0]![1],
      },
      shapes: edges(v),
    };
  },
  // Export: the 2-2-1 sigmoid network on the whole batch (one sample per column), summed ½(y − ŷ)².
  vectors: (v) => {
    const N = v.X[0]!.length;
    const shown: Record<string, string> = { loss: 'loss', lossNext: 'update.lossNext', alpha: 'conventions.learningRate' };
    // Every entry the widget shows (named like entries.ts, 1-based) and the matrix of the vectors that holds it.
    const matrices: [string, string, number, number][] = [
      ['W1', 'parameters.0.W', 2, 2], ['b1', 'parameters.0.b', 2, 1], ['W2', 'parameters.1.W', 1, 2], ['b2', 'parameters.1.b', 1, 1],
      ['X', 'inputs.X', 2, N], ['Y', 'inputs.Y', 1, N],
      ['Z1', 'forward.0.z', 2, N], ['A1', 'forward.0.a', 2, N], ['dadz1', 'forward.0.dadz', 2, N],
      ['Z2', 'forward.1.z', 1, N], ['A2', 'forward.1.a', 1, N], ['dadz2', 'forward.1.dadz', 1, N],
      ['dLdA2', 'backward.dLdyHat', 1, N], ['Delta2', 'backward.layers.1.delta', 1, N], ['Delta1', 'backward.layers.0.delta', 2, N],
      ['dLdW2', 'backward.layers.1.dLdW', 1, 2], ['dLdb2', 'backward.layers.1.dLdb', 1, 1],
      ['dLdW1', 'backward.layers.0.dLdW', 2, 2], ['dLdb1', 'backward.layers.0.dLdb', 2, 1],
      ['W1Next', 'update.parameters.0.W', 2, 2], ['b1Next', 'update.parameters.0.b', 2, 1],
      ['W2Next', 'update.parameters.1.W', 1, 2], ['b2Next', 'update.parameters.1.b', 1, 1],
    ];
    for (const [name, where, rows, cols] of matrices) {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) shown[entry(name, i + 1, j + 1)] = `${where}.${i}.${j}`;
    }
    return {
      example: 'the 2-2-1 sigmoid network on a batch (chapter 8: X is 2×N, one sample per column)',
      layers: [{ W: v.W1, b: v.b1, activation: 'sigmoid' }, { W: v.W2, b: v.b2, activation: 'sigmoid' }],
      X: v.X, Y: v.Y, loss: 'halfSquaredErrorSum', alpha: v.alpha, shown,
    };
  },
});

/** The attributes of the connection drawn for weight W⁽ˡ⁾ row `to`, column `from` (1-based in the name). */
export function edgeShapeName(layer: number, to: number, from: number): string {
  return `edge-${layer}-${to + 1}-${from + 1}`;
}

/** Every connection of the diagram: its width from the size of its weight, and the weight's sign (negative: dashed). */
export function edges(v: Pick<Network221Values, 'W1' | 'W2'>): Record<string, Attrs> {
  const out: Record<string, Attrs> = {};
  for (const e of layout.edges) {
    const w = v[weightName(e.layer) as 'W1' | 'W2'][e.to]![e.from]!;
    out[edgeShapeName(e.layer, e.to, e.from)] = { 'stroke-width': edgeWidth(w), 'data-sign': w < 0 ? 'negative' : w > 0 ? 'positive' : 'zero' };
  }
  return out;
}
