// export-case.ts — what a widget hands to Export: its worked example at the current values, as a dense network,
// a batch and the training conventions. Small on purpose (plain numbers, no engine objects): a model's
// `vectors(values, run)` builds one on every click, and everything heavier — the forward and backward
// passes, the JSON, the scripts — is in src/export/ (vectors.ts, scripts.ts), loaded only when the reader exports.
import type { ActivationName } from '../engine/activations.ts';

/** The losses Export can state in PyTorch terms (the ones the book's widgets train with). */
export type ExportLoss = 'halfSquaredErrorSum' | 'binaryCrossEntropy';

/** Matrices as nested rows: entry (i, j) is rows[i][j]. */
export type Rows = readonly (readonly number[])[];

/** One layer: z = W·aPrev + b·1ᵀ, a = f(z); W is (units out × units in), b is (units out × 1). */
export interface ExportLayer {
  readonly W: Rows;
  readonly b: Rows;
  readonly activation: ActivationName;
}

/** A widget's worked example at its current values. */
export interface ExportCase {
  /** Which example of the book this is ("the one-neuron example"). */
  readonly example: string;
  readonly layers: readonly ExportLayer[];
  /** The batch, one sample per column: X (inputs × N), Y (outputs × N). */
  readonly X: Rows;
  readonly Y: Rows;
  readonly loss: ExportLoss;
  /** Learning rate α of the step W ← W − α·∂L/∂W. */
  readonly alpha: number;
  /**
   * Where the widget's own numbers sit in the vectors, by the name the widget shows them under: a path
   * of keys and indices ("forward.0.z.0.0": layer 1's z, row 0, sample 0; see `path`). The file gets
   * each with its value; the scripts check them too, and the browser test compares them with the page.
   */
  readonly shown: Readonly<Record<string, string>>;
  /** Anything a reader of the file must know (where α came from, what "the next step" means). */
  readonly notes?: readonly string[];
}

/**
 * Paths into the vectors, layer l counted from 0 (the book's layer l + 1), row i, sample (column) n:
 * `path.z(0)` is layer 1's z of sample 1, "forward.0.z.0.0".
 */
export const path = {
  x: (i = 0, n = 0) => `inputs.X.${i}.${n}`,
  y: (i = 0, n = 0) => `inputs.Y.${i}.${n}`,
  W: (l: number, i = 0, j = 0) => `parameters.${l}.W.${i}.${j}`,
  b: (l: number, i = 0) => `parameters.${l}.b.${i}.0`,
  z: (l: number, i = 0, n = 0) => `forward.${l}.z.${i}.${n}`,
  a: (l: number, i = 0, n = 0) => `forward.${l}.a.${i}.${n}`,
  dadz: (l: number, i = 0, n = 0) => `forward.${l}.dadz.${i}.${n}`,
  loss: 'loss',
  dLdyHat: (i = 0, n = 0) => `backward.dLdyHat.${i}.${n}`,
  delta: (l: number, i = 0, n = 0) => `backward.layers.${l}.delta.${i}.${n}`,
  dLdW: (l: number, i = 0, j = 0) => `backward.layers.${l}.dLdW.${i}.${j}`,
  dLdb: (l: number, i = 0) => `backward.layers.${l}.dLdb.${i}.0`,
  WNext: (l: number, i = 0, j = 0) => `update.parameters.${l}.W.${i}.${j}`,
  bNext: (l: number, i = 0) => `update.parameters.${l}.b.${i}.0`,
  lossNext: 'update.lossNext',
} as const;

/** A column of numbers as a (k × 1) matrix in rows: a bias or one sample. */
export const column = (values: readonly number[]): number[][] => values.map((v) => [v]);
