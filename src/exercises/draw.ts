// draw.ts — values for exercises, drawn from a seed in steps a student can type (0.35, −1.2), kept in
// sensible ranges: |z| ≤ 3, so no neuron is saturated unless an exercise is about saturation.
import type { Rng } from '../engine/random.ts';
import { pick } from './define.ts';

/** The largest |z| a drawn neuron may have: beyond it σ′ is small and every gradient with it. */
export const MAX_Z = 3;

/** One neuron's x, w, b and a reachable target y (strictly between 0 and 1), with |wx + b| ≤ MAX_Z. */
export function drawNeuron(rng: Rng): { x: number; w: number; b: number; y: number } {
  for (;;) {
    const x = pick(rng, -2, 2, 0.1);
    const w = pick(rng, -1.5, 1.5, 0.05);
    const b = pick(rng, -1, 1, 0.05);
    const y = pick(rng, 0.05, 0.95, 0.05);
    if (Math.abs(x) >= 0.2 && Math.abs(w) >= 0.1 && Math.abs(w * x + b) <= MAX_Z) return { x, w, b, y };
  }
}

/** A learning rate from 0.05 to 1. */
export function drawAlpha(rng: Rng): number {
  return pick(rng, 0.05, 1, 0.05);
}
