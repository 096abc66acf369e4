// matrix-tex.ts — the TeX of the chapter's matrices: a matrix of live numbers (every entry marked, so a
// widget can update it) and a symbol with its shape written under it, Z⁽¹⁾ over "2×4". Build time (the
// widget's markup and the chapter). Shapes are read off the engine's own matrices, never typed, so the
// shape written beside a matrix is the shape the engine computed with.
import type { NumberStyle } from '../../../src/format/number.ts';
import { entry } from './entries.ts';

/** `L` of liveOf(numbers): a marked number's TeX from its name. */
export type Live = (name: string, style?: NumberStyle) => string;

/** Anything with a shape: an engine Matrix. */
export interface Shaped { readonly rows: number; readonly cols: number }

/** "2 \times 4": the shape as the book writes it, rows × columns. */
export function dims(m: Shaped): string {
  return `${m.rows} \\times ${m.cols}`;
}

/** A symbol with its shape underneath: sized('Z^{(1)}', Z1) → \underset{2 \times 4}{Z^{(1)}}. */
export function sized(symbol: string, m: Shaped): string {
  return `\\underset{${dims(m)}}{${symbol}}`;
}

/** The matrix of marked entries prefix-i-j (1-based), e.g. bmatrix(L, 'Z1', Z1). */
export function bmatrix(L: Live, prefix: string, m: Shaped, style: NumberStyle = 'plain'): string {
  const rows = Array.from({ length: m.rows }, (_, i) =>
    Array.from({ length: m.cols }, (_, j) => L(entry(prefix, i + 1, j + 1), style)).join(' & '));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The transpose of the matrix of marked entries: entry (i, j) shows prefix-j-i, e.g. (W⁽²⁾)ᵀ as a column. */
export function bmatrixT(L: Live, prefix: string, m: Shaped, style: NumberStyle = 'plain'): string {
  const rows = Array.from({ length: m.cols }, (_, j) =>
    Array.from({ length: m.rows }, (_, i) => L(entry(prefix, i + 1, j + 1), style)).join(' & '));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The shape of the transpose: (cols × rows). */
export function transposed(m: Shaped): Shaped {
  return { rows: m.cols, cols: m.rows };
}
