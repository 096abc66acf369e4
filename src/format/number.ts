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

export interface FormatOptions {
  /** Significant digits (1–15), default 4. Integer digits are never rounded away below 10⁶. */
  readonly digits?: number;
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
    return { negative: x < 0, mantissa: trimZeros(abs.toFixed(decimals)), exponent: null };
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
 * `fmt(-0)` → "0", `fmt(1.2e-7)` → "1.2×10⁻⁷". Throws on NaN and ±∞ (callers check first).
 */
export function fmt(x: number, { digits = DIGITS }: FormatOptions = {}): string {
  const p = parts(x, check(digits));
  const sign = p.negative ? MINUS : '';
  if (p.exponent === null) return sign + p.mantissa;
  const power = [...String(p.exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${sign}${p.mantissa}×10${power}`;
}

/** Like `fmt`, with an explicit "+" on positive numbers: "+0.25", for changes such as Δw. */
export function fmtSigned(x: number, options: FormatOptions = {}): string {
  const s = fmt(x, options);
  return s.startsWith(MINUS) || s === '0' ? s : `+${s}`;
}

export interface TexOptions extends FormatOptions {
  /** Wrap negative numbers in parentheses, for a factor in a product: 0.3 · (−0.5). */
  readonly paren?: boolean;
}

/** The same number as TeX source for KaTeX: `fmtTex(1.2e-7)` → "1.2 \\times 10^{-7}", ASCII "-". */
export function fmtTex(x: number, { digits = DIGITS, paren = false }: TexOptions = {}): string {
  const p = parts(x, check(digits));
  const body = p.exponent === null ? p.mantissa : `${p.mantissa} \\times 10^{${p.exponent}}`;
  if (!p.negative) return body;
  return paren ? `(-${body})` : `-${body}`;
}

/** Plain-text twin of `fmtTex(x, { paren: true })`: "(−0.5)" for negatives, "0.5" otherwise. */
export function fmtFactor(x: number, options: FormatOptions = {}): string {
  const s = fmt(x, options);
  return s.startsWith(MINUS) ? `(${s})` : s;
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
