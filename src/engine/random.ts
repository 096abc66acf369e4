// Seeded randomness: the same seed gives the same weights and shuffles in Node and in every browser.

/** A source of uniform numbers in [0, 1); every random choice in the engine draws from one. */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG. Its state is one 32-bit integer and it uses only integer
 * operations (Math.imul, shifts), so the sequence is bit-identical on every JavaScript engine.
 * Returns an Rng whose numbers are multiples of 2⁻³² in [0, 1).
 */
export function mulberry32(seed: number): Rng {
  // The state lives in a Uint32Array rather than a local variable: a 32-bit unsigned number in
  // a closure variable would be boxed (a small heap allocation) on every draw.
  const state = Uint32Array.of(seed >>> 0);
  return () => {
    state[0] = state[0]! + 0x6d2b79f5;
    let t = state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [lo, hi) drawn from `rng`. */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/**
 * A standard normal number (mean 0, variance 1) by the Box–Muller transform: two uniforms u₁, u₂
 * give √(−2 ln u₁)·cos(2π u₂). This is what numpy's np.random.randn draws from, but not numpy's
 * stream: the same seed gives different numbers there. One normal per two draws (the sine twin is
 * dropped) so that a normal depends only on the rng's state, not on a cache kept between calls.
 */
export function standardNormal(rng: Rng): number {
  // 1 − rng() lies in (0, 1]: ln never sees 0.
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Fisher–Yates shuffle of `items` in place (no allocation), every order equally likely. */
export function shuffleInPlace(items: Uint32Array | number[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
