// answer.ts — what a student typed into an answer field, read as a number, or a sentence saying why it
// is not one (never a silent "wrong", never NaN). Accepts the forms people type: -0.2308, −0.2308 (the
// minus the book prints), -.2308, -2.308e-1, −2.308×10⁻¹, 0,2308 (decimal comma), and a trailing % only
// where the exercise says the answer is a percentage.
// N.B. Imported by build-time pages AND by the browser: DOM-free and small.
import { parseNumber } from '../format/number.ts';

/** A typed answer as a number, or the message to show under the field. */
export type Answer = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Longest answer read, in characters: a number never needs more. */
export const MAX_ANSWER_LENGTH = 40;

const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁻': '-', '⁺': '+', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** "2.3×10⁻¹", "2.3 x 10^-1", "2.3*10^(-1)" → "2.3e-1"; anything else unchanged. */
function powerOfTenToE(s: string): string {
  const m = /^(.*?)\s*[×x*·]\s*10\s*(?:\^\s*\(?\s*([+\-\u2212]?\d+)\s*\)?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/.exec(s);
  if (!m) return s;
  const exponent = (m[2] ?? [...(m[3] ?? '')].map((c) => SUPERSCRIPT[c] ?? c).join('')).replace('\u2212', '-');
  return `${m[1]}e${exponent}`;
}

/**
 * Reads an answer. `percent: true` allows (and strips) a trailing "%": the value is then in percent
 * ("12.5%" and "12.5" both give 12.5). Messages say what to type instead.
 */
export function parseAnswer(text: string, { percent = false }: { readonly percent?: boolean } = {}): Answer {
  let s = text.trim();
  if (s === '') return { ok: false, message: 'Type your answer first: a number.' };
  if (s.length > MAX_ANSWER_LENGTH) return { ok: false, message: `That is longer than any number needs (${MAX_ANSWER_LENGTH} characters at most).` };
  if (s.endsWith('%')) {
    if (!percent) return { ok: false, message: 'This answer is a plain number, not a percentage: type it without the %.' };
    s = s.slice(0, -1).trim();
  }
  s = powerOfTenToE(s.replace(/\s+/g, ' '));
  const parsed = parseNumber(s.replace(/ /g, ''));
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.reason === 'too-large') return { ok: false, message: `“${text.trim()}” is too large to be a finite number.` };
  if (parsed.reason === 'empty') return { ok: false, message: 'Type your answer first: a number.' };
  return {
    ok: false,
    message: `“${text.trim()}” is not a number. Type digits with an optional minus sign and decimal point${percent ? ' (a % at the end is allowed)' : ''}; e-notation such as 2e-3 works too.`,
  };
}

/**
 * The tolerance of an answer given to `sig` significant figures: one unit in the last of those figures
 * of the right answer (so a value rounded from rounded intermediate steps still counts).
 */
export function tolerance(answer: number, sig: number): number {
  if (answer === 0) return 10 ** -sig;
  return 10 ** (Math.floor(Math.log10(Math.abs(answer))) - sig + 1);
}

/** Whether `typed` is `target` at the stated tolerance (with a hair of slack for binary fractions). */
export function matches(typed: number, target: number, sig: number): boolean {
  return Math.abs(typed - target) <= tolerance(target, sig) * (1 + 1e-9);
}
