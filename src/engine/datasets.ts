// Datasets as (X, Y) batches with one sample per column, and seeded toy problems for widgets.

import { EmptyDatasetError, ShapeError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { fromSamples } from './matrix.ts';
import type { Rng } from './random.ts';
import { uniform } from './random.ts';

/** A dataset of N samples: X is (inputs × N) and Y is (outputs × N), sample n in column n. */
export interface Dataset {
  readonly X: Matrix;
  readonly Y: Matrix;
}

/**
 * A dataset from samples written one per row, the way data is usually listed:
 * dataset([[0, 0], [0, 1]], [0, 1]) has X = 2×2 and Y = 1×2. A target may be a number
 * (one output) or a list (several outputs).
 */
export function dataset(inputs: readonly (readonly number[])[], targets: readonly (number | readonly number[])[]): Dataset {
  if (inputs.length === 0) throw new EmptyDatasetError('the dataset has no samples: expected at least one');
  if (targets.length !== inputs.length) {
    const message = `${inputs.length} inputs but ${targets.length} targets: expected one target per input`;
    throw new ShapeError(message, `${inputs.length} targets`, `${targets.length} targets`);
  }
  const targetRows = targets.map((t) => (typeof t === 'number' ? [t] : t));
  return { X: fromSamples(inputs, 'inputs'), Y: fromSamples(targetRows, 'targets') };
}

/**
 * Two interleaved spirals in the plane (the TensorFlow Playground problem): `n` points,
 * the first ⌈n/2⌉ labelled 0 and the rest 1, each coordinate jittered by U(−noise, noise)
 * drawn from `rng`. Point i of a class sits at radius r = i/count and angle 3.5π·r (+π for class 1).
 */
export function twoSpirals(n: number, rng: Rng, noise = 0): Dataset {
  const inputs: number[][] = [];
  const targets: number[] = [];
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)];
  counts.forEach((count, label) => {
    for (let i = 0; i < count; i++) {
      const r = i / count;
      const t = 3.5 * Math.PI * r + label * Math.PI;
      inputs.push([r * Math.sin(t) + uniform(rng, -noise, noise), r * Math.cos(t) + uniform(rng, -noise, noise)]);
      targets.push(label);
    }
  });
  return dataset(inputs, targets);
}
