// number.ts — the one number formatter of the book.
// N.B. Imported by build-time MDX/Astro AND by browser widgets (and by the tests, so that a test and
// the page agree on precision). Keep it DOM-free and tiny: everything here ships to the client.
// It must not import KaTeX: a widget that only prints numbers should not pull KaTeX into its bundle.

/** How many significant digits the book shows unless a caller asks otherwise. */
export const DIGITS = 4;

/** The true minus sign (U+2212), the glyph KaTeX renders for "-". */
export const MINUS = '\u2212';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * How a number is written: plain ("−0.5"), as a factor in a product ("(−0.5)" when negative), or
 * signed for a change ("+0.25"). The one vocabulary of styles for prose, equations, widgets and tests.
 */
export type NumberStyle = 'plain' | 'factor' | 'signed';

export interface FormatOptions {
  /** Significant digits (1–15), default 4. Integer digits are never rounded away below 10⁶. */
  readonly digits?: number;
  /** 'plain' (default), 'factor' or 'signed'. */
  readonly style?: NumberStyle;
}

/** A finite number split into the parts every output style needs. Not exported: an implementation detail. */
interface Parts {
  readonly negative: boolean;
  /** Digits and decimal point, no sign, trailing zeros trimmed: "0.1966", "123456", "1.2". */
  readonly mantissa: string;
  /** Power of ten for scientific notation, or null for plain notation. */
  readonly exponent: number | null;
}

// Plain notation between 10⁻⁴ and 10⁶ (students read 0.0001234 and 123456 more easily than powers
// of ten); scientific notation outside, where a plain decimal would be mostly zeros.
const SMALLEST_PLAIN = 1e-4;
const LARGEST_PLAIN = 1e6;

function parts(x: number, digits: number): Parts {
  if (!Number.isFinite(x)) throw new RangeError(`cannot format ${x}: the book never prints NaN or ∞`);
  const abs = Math.abs(x);
  // -0 and 0 both print "0": never "−0".
  if (abs === 0) return { negative: false, mantissa: '0', exponent: null };
  const [m, e] = abs.toExponential(digits - 1).split('e') as [string, string];
  const exponent = Number(e);
  const rounded = Number(`${m}e${exponent}`);
  if (rounded >= SMALLEST_PLAIN && rounded < LARGEST_PLAIN) {
    // Plain: keep `digits` significant digits, but never round away integer digits (1234.5 → "1235").
    const decimals = Math.max(0, digits - 1 - exponent);
    const fixed = abs.toFixed(decimals);
    // Rounding never hides: a value that is not a whole number but rounds to one keeps its zeros
    // (σ(10) = 0.99995… prints "1.000", not "1"), so "1" on a page always means exactly 1.
    const whole = Number.isInteger(abs) || decimals === 0 || /\.\d*[1-9]/.test(fixed);
    return { negative: x < 0, mantissa: whole ? trimZeros(fixed) : fixed, exponent: null };
  }
  return { negative: x < 0, mantissa: trimZeros(m), exponent };
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function check(digits: number): number {
  if (!Number.isInteger(digits) || digits < 1 || digits > 15) {
    throw new RangeError(`digits must be an integer from 1 to 15, got ${digits}`);
  }
  return digits;
}

/**
 * Plain text for prose, widgets and aria-labels: `fmt(0.19661193)` → "0.1966", `fmt(-0.5)` → "−0.5",
 * `fmt(-0)` → "0", `fmt(1.2e-7)` → "1.2×10⁻⁷"; `fmt(-0.5, { style: 'factor' })` → "(−0.5)",
 * `fmt(0.25, { style: 'signed' })` → "+0.25". Throws on NaN and ±∞ (callers check first).
 */
export function fmt(x: number, { digits = DIGITS, style = 'plain' }: FormatOptions = {}): string {
  const p = parts(x, check(digits));
  const sign = p.negative ? MINUS : '';
  const power = p.exponent === null ? '' : `×10${[...String(p.exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  const s = `${sign}${p.mantissa}${power}`;
  if (style === 'factor' && p.negative) return `(${s})`;
  if (style === 'signed' && !p.negative && s !== '0') return `+${s}`;
  return s;
}

/**
 * The same number as TeX source for KaTeX: `fmtTex(1.2e-7)` → "1.2 \\times 10^{-7}", ASCII "-";
 * styles as for `fmt`: `fmtTex(-0.5, { style: 'factor' })` → "(-0.5)".
 */
export function fmtTex(x: number, { digits = DIGITS, style = 'plain' }: FormatOptions = {}): string {
  const p = parts(x, check(digits));
  const body = p.exponent === null ? p.mantissa : `${p.mantissa} \\times 10^{${p.exponent}}`;
  if (p.negative) return style === 'factor' ? `(-${body})` : `-${body}`;
  return style === 'signed' && body !== '0' ? `+${body}` : body;
}

/** What a reader typed, read as a number, or why it is not one. */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'empty' | 'not-a-number' | 'too-large' };

/**
 * Reads a number as a reader types it: "0.5", ".5", "-0.5", "−0.5" (the minus the book prints),
 * "0,5" (decimal comma), "1e-3". Rejects empty text, words, "NaN", "Infinity", and numbers too large
 * to be finite in float64 ("1e309"), saying which.
 */
export function parseNumber(text: string): ParsedNumber {
  const s = text.trim().replace(/^[\u2212\u2013]/, '-').replace(/^\+/, '').replace(',', '.');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false, reason: 'not-a-number' };
  const value = Number(s);
  // -0 typed as "-0" is still zero; normalise so that it never prints or serialises as "−0".
  return Number.isFinite(value) ? { ok: true, value: value + 0 } : { ok: false, reason: 'too-large' };
}
