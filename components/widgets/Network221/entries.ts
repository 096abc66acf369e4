// entries.ts — the entries of a matrix as named numbers, so that every entry can be marked on the page
// (data-v="Z1-2-3" is Z⁽¹⁾ row 2, column 3, counted from 1 as the book counts). PURE: used by the model
// (the browser), the widget's markup and the chapter (build time), and mirrored by the tests' oracle.
import type { Matrix } from '../../../src/engine/matrix.ts';

/** The name of entry (i, j) of a matrix, both 1-based: entry('Z1', 2, 3) → "Z1-2-3". */
export function entry(prefix: string, i: number, j: number): string {
  return `${prefix}-${i}-${j}`;
}

/** Every entry of m by name: entries('b1', b1) → { 'b1-1-1': 0.05, 'b1-2-1': −0.1 }. */
export function entries(prefix: string, m: Matrix): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out[entry(prefix, i + 1, j + 1)] = m.data[i * m.cols + j]!;
  }
  return out;
}
