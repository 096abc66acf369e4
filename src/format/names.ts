// names.ts — a computed number and its name, bound once. `const N = named(result.numbers)` and then
// `N('delta')` is the quantity δ with its value: the name is checked against the numbers' type by the
// compiler (in .ts and .astro files) and at build time (in MDX), so a misspelt name is an error
// instead of a number that silently never updates.
// N.B. Imported by build-time prose AND by browser widgets: keep it DOM-free and tiny.
import { fmt, type NumberStyle } from './number.ts';

/** A marked number: its name (data-v="name") and its value. */
export interface Quantity<K extends string = string> {
  readonly name: K;
  readonly value: number;
}

export type Named<T extends Readonly<Record<string, number>>> = <K extends keyof T & string>(name: K) => Quantity<K>;

/** Names that can mark a number in HTML and TeX: letters, digits and dashes, starting with a letter. */
export const NAME = /^[a-zA-Z][\w-]*$/;

export function named<T extends Readonly<Record<string, number>>>(numbers: T): Named<T> {
  return <K extends keyof T & string>(name: K): Quantity<K> => {
    if (!NAME.test(name)) throw new Error(`"${name}" cannot name a number (letters, digits and dashes)`);
    const value = Object.hasOwn(numbers, name) ? numbers[name] : undefined;
    if (typeof value !== 'number') {
      throw new Error(`there is no number named "${name}"; the numbers are: ${Object.keys(numbers).join(', ')}`);
    }
    if (!Number.isFinite(value)) throw new RangeError(`${name} is ${value}: the book never prints NaN or ∞`);
    return { name, value };
  };
}

/**
 * A marked number as HTML (or SVG: tag 'tspan'), for markup built as a string: what <Num> renders and
 * what the painter later writes into it, with the same formatter. `digits` (significant digits, 1–15)
 * is kept on the mark as data-digits, so every later frame prints as many: for the rare number that
 * must be compared with a source printed to more than the book's 4 digits. Without it, the mark is as
 * it always was (no data-digits attribute).
 */
export function markHtml(q: Quantity, style: NumberStyle = 'plain', tag: 'span' | 'tspan' = 'span', digits?: number): string {
  const more = digits === undefined ? '' : ` data-digits="${digits}"`;
  return `<${tag} data-v="${q.name}" data-style="${style}"${more}>${fmt(q.value, digits === undefined ? { style } : { style, digits })}</${tag}>`;
}
