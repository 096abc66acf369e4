// The one data structure of the dense engine: a row-major matrix of float64 numbers.

import { ShapeError } from './errors.ts';

/**
 * A rows × cols matrix stored row by row: entry (i, j) is `data[i * cols + j]`.
 * Float64Array keeps the training loop fast and allocation-free; the helpers below convert
 * from and to nested arrays for readable code. The engine never writes into a matrix it was
 * given (a Network's W and b, a dataset's X and Y): treat them as immutable.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/**
 * A matrix from nested arrays, one inner array per row: fromRows([[1, 2], [3, 4]]) is 2×2.
 * `what` names the matrix in the error thrown for ragged rows.
 */
export function fromRows(rows: readonly (readonly number[])[], what = 'matrix'): Matrix {
  const cols = rows[0]?.length ?? 0;
  const m = zeros(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      const message = `${what}: row ${i + 1} has ${row.length} entries but row 1 has ${cols}: every row needs ${cols}`;
      throw new ShapeError(message, `${cols} entries`, `${row.length} entries`);
    }
    m.data.set(row, i * cols);
  });
  return m;
}

/** A column vector (n × 1), the shape of a bias b or of one sample x. */
export function fromColumn(values: readonly number[]): Matrix {
  return { rows: values.length, cols: 1, data: Float64Array.from(values) };
}

/**
 * A batch from a list of samples, one sample per COLUMN: fromSamples([[0, 0], [0, 1], [1, 0]])
 * is 2×3 (features × samples). This is the engine's batch layout, so z = W·X + b·1ᵀ.
 */
export function fromSamples(samples: readonly (readonly number[])[], what = 'samples'): Matrix {
  return transpose(fromRows(samples, what));
}

/** Mᵀ, a new matrix. */
export function transpose(m: Matrix): Matrix {
  const t = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j]!;
  }
  return t;
}

/** Nested arrays, one inner array per row (for display, JSON and tests). */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
}

/** Entry (i, j), both 0-based. */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/** An independent copy of `m`. */
export function copyMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** The shape written the way the book writes it, e.g. "3×2". */
export function shapeOf(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}
