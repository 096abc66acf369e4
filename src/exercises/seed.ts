// seed.ts — a student's seed: from ?seed=… in the URL, or from a name or student number typed into the
// "Your exercises" box (hashed here, in the browser: nothing is sent anywhere). The same seed gives the
// same values on every page and on the teacher's answer key.
// N.B. Imported by build-time pages AND by the browser: DOM-free and small.

/** The seed of the exercises printed in the HTML (and used when the URL names none). */
export const DEFAULT_SEED = 1;

/** The largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 4294967295;

/** FNV-1a, 32 bits: a fixed, documented hash, so a teacher can reproduce a student's seed anywhere. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A seed from what a student typed: a whole number 0…4294967295 is the seed itself (a teacher can
 * hand out 1, 2, 3, …); any other text (a name, "s1234567") is hashed after trimming, collapsing
 * spaces and lower-casing, so "Ada Lovelace" and " ada  lovelace" give the same seed.
 */
export function seedFromText(text: string): number | null {
  const s = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (s === '') return null;
  if (/^\d{1,10}$/.test(s) && Number(s) <= MAX_SEED) return Number(s);
  return hashText(s);
}

/** The seed in a query string (?seed=…), or null if there is none or it is not a valid seed. */
export function seedFromSearch(search: string): number | null {
  // A regular expression rather than URLSearchParams: this file is type-checked without the DOM's types.
  const raw = /(?:^\?|&)seed=([^&]*)/.exec(search)?.[1];
  if (raw === undefined || !/^\d{1,10}$/.test(raw) || Number(raw) > MAX_SEED) return null;
  return Number(raw);
}

/** The seed of one exercise, mixed from the student's seed and the exercise's id (so exercises differ). */
export function exerciseSeed(seed: number, exerciseId: string): number {
  return (seed ^ hashText(exerciseId)) >>> 0;
}
