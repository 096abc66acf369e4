// Datasets as (X, Y) batches with one sample per column, and seeded toy problems for widgets.

import { EmptyDatasetError, ShapeError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { fromSamples } from './matrix.ts';
import type { Rng } from './random.ts';
import { standardNormal, uniform } from './random.ts';

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

/**
 * Two Gaussian blobs in the plane, a two-class set that overlaps a little: `n` points, the first
 * ⌈n/2⌉ labelled 0 around (−1, −1) and the rest labelled 1 around (1, 1), each coordinate the centre
 * plus `spread` times a standard normal drawn from `rng` (x₁ then x₂, point by point). With spread 1
 * about one point in thirteen lies on the other class's side of the line x₁ + x₂ = 0, so the loss
 * has a floor above 0 and the noise of small batches shows there.
 */
export function twoBlobs(n: number, rng: Rng, spread = 1): Dataset {
  const inputs: number[][] = [];
  const targets: number[] = [];
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)];
  counts.forEach((count, label) => {
    const centre = label === 0 ? -1 : 1;
    for (let i = 0; i < count; i++) {
      const x1 = centre + spread * standardNormal(rng);
      const x2 = centre + spread * standardNormal(rng);
      inputs.push([x1, x2]);
      targets.push(label);
    }
  });
  return dataset(inputs, targets);
}
