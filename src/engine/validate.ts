// Input checks shared by the engine: each failure throws a typed error that says what was expected.

import { HyperparameterError, NonFiniteError, ShapeError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { shapeOf } from './matrix.ts';

/** Throws NonFiniteError unless `value` is a finite number (not NaN, not ±∞, not a string). */
export function assertFiniteNumber(what: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new NonFiniteError(`${what} is ${String(value)}: expected a finite number`, what, Number(value));
  }
}

/**
 * Throws NonFiniteError naming the first NaN or ±∞ entry of `m` (rows and columns 1-based);
 * `expectation` ends the message.
 */
export function assertFiniteMatrix(what: string, m: Matrix, expectation = 'every entry must be a finite number'): void {
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k]!;
    if (!Number.isFinite(v)) {
      const where = `row ${Math.floor(k / m.cols) + 1}, column ${(k % m.cols) + 1}`;
      throw new NonFiniteError(`${what} has ${v} at ${where}: ${expectation}`, what, v);
    }
  }
}

/** Throws ShapeError unless `m` is rows × cols; `because` finishes the sentence, e.g. "layer 1 outputs 2 units". */
export function assertShape(what: string, m: Matrix, rows: number, cols: number, because: string): void {
  if (m.rows !== rows || m.cols !== cols) {
    const expected = `${rows}×${cols}`;
    const message = `${what} has shape ${shapeOf(m)} but ${because}: expected ${expected}`;
    throw new ShapeError(message, expected, shapeOf(m));
  }
}

/** Throws HyperparameterError unless the learning rate α is finite and ≥ 0 (α = 0 means "do not move"). */
export function assertLearningRate(alpha: number): void {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0) {
    throw new HyperparameterError(`learning rate α = ${String(alpha)}: expected a finite number ≥ 0`, 'alpha');
  }
}

/** Throws HyperparameterError unless `value` is an integer ≥ `min`. */
export function assertInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new HyperparameterError(`${name} = ${String(value)}: expected an integer ≥ ${min}`, name);
  }
}
