// Shared test helpers: relative comparison and fast-check generators for small networks.

import fc from 'fast-check';
import { expect } from 'vitest';
import type { ActivationName, Matrix, Network } from '../../../src/engine/index.ts';
import { networkFrom, zeros } from '../../../src/engine/index.ts';

/** Expects |actual − expected| ≤ tol·max(|expected|, tiny). */
export function expectRelClose(actual: number, expected: number, tol = 1e-12): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** A matrix with the given entries, row-major. */
export function matrixOf(rows: number, cols: number, entries: readonly number[]): Matrix {
  const m = zeros(rows, cols);
  m.data.set(entries.slice(0, rows * cols));
  return m;
}

/** A random small network: 1–4 layers of 1–6 units, 1–9 samples, smooth activations, weights in [−1, 1]. */
export interface SmallProblem {
  readonly net: Network;
  readonly X: Matrix;
  readonly Y: Matrix;
}

const smooth: readonly ActivationName[] = ['sigmoid', 'tanh', 'identity'];
const unit = fc.double({ min: -1, max: 1, noNaN: true });

export const smallProblem: fc.Arbitrary<SmallProblem> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
    samples: fc.integer({ min: 1, max: 9 }), // past 4, so the four-at-a-time loops of matmul.ts run their remainder paths
  })
  .chain(({ sizes, samples }) => {
    const layers = sizes.length - 1;
    const inputs = sizes[0]!;
    const outputs = sizes[layers]!;
    return fc.record({
      acts: fc.array(fc.constantFrom(...smooth), { minLength: layers, maxLength: layers }),
      weights: fc.tuple(
        ...Array.from({ length: layers }, (_, l) =>
          fc.record({
            W: fc.array(unit, { minLength: sizes[l + 1]! * sizes[l]!, maxLength: sizes[l + 1]! * sizes[l]! }),
            b: fc.array(unit, { minLength: sizes[l + 1]!, maxLength: sizes[l + 1]! }),
          }),
        ),
      ),
      x: fc.array(unit, { minLength: inputs * samples, maxLength: inputs * samples }),
      y: fc.array(unit, { minLength: outputs * samples, maxLength: outputs * samples }),
    }).map(({ acts, weights, x, y }) => {
      const net = networkFrom(
        weights.map((w, l) => ({
          W: matrixOf(sizes[l + 1]!, sizes[l]!, w.W),
          b: matrixOf(sizes[l + 1]!, 1, w.b),
          activation: acts[l]!,
        })),
      );
      return { net, X: matrixOf(inputs, samples, x), Y: matrixOf(outputs, samples, y) };
    });
  });
