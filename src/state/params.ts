// params.ts — a widget's parameters: declared once, read from what a reader types or from the URL,
// written back to the URL. PURE: strings in, typed values out; no window, no DOM (see url.ts for that).
//
// Keys in the URL are namespaced by widget id, because a chapter has several widgets:
//   ?od1.x=0.7&od1.y=0.8#od1   → widget "od1" starts with x = 0.7 and y = 0.8, the rest at defaults.
// Invalid values fall back to the defaults and are reported, never coerced.
import { fmt, parseNumber } from '../format/number.ts';

/** A real-valued parameter, e.g. the input x or the learning rate α. */
export interface NumberParam {
  readonly kind: 'number';
  readonly default: number;
  /** Smallest and largest accepted values (inclusive); the slider spans them. */
  readonly min: number;
  readonly max: number;
  /** The slider's step (arrow keys move by it); typed values may be finer. */
  readonly step: number;
  /** How the book names it in a sentence: "the input x", "the learning rate α". */
  readonly name: string;
  /** Only whole numbers (a count of steps). */
  readonly integer?: boolean;
  /**
   * false: no slider or field; the widget itself sets it (e.g. the number of steps taken by a Step
   * button). It is still read from and written to the URL, so a link restores it.
   */
  readonly control?: false;
}

/** One of a few named options, e.g. which form of σ' to apply. */
export interface ChoiceParam<T extends string = string> {
  readonly kind: 'choice';
  readonly default: T;
  readonly options: readonly T[];
  readonly name: string;
}

export type Param = NumberParam | ChoiceParam;
export type Schema = Readonly<Record<string, Param>>;

/** The typed values of a schema: numbers for number params, the option strings for choices. */
export type Values<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends ChoiceParam<infer T> ? T : number;
};

export function num(
  def: number,
  o: { min: number; max: number; step: number; name: string; integer?: boolean; control?: false },
): NumberParam {
  if (!(o.min <= def && def <= o.max)) throw new RangeError(`default ${def} of ${o.name} is outside [${o.min}, ${o.max}]`);
  return { kind: 'number', default: def, ...o };
}

export function choice<const T extends string>(def: T, options: readonly T[], name: string): ChoiceParam<T> {
  return { kind: 'choice', default: def, options, name };
}

/** Why a value was refused: a short clause ("is not a number") and a full sentence for the field. */
export interface Refusal { readonly ok: false; readonly reason: string; readonly message: string }
export type Checked<V> = { readonly ok: true; readonly value: V } | Refusal;

/** Reads one value as typed by a reader (or found in a URL), with a sentence saying what is wrong. */
export function checkValue(param: Param, text: string): Checked<number | string> {
  const shown = text.trim();
  if (param.kind === 'choice') {
    if (param.options.includes(shown)) return { ok: true, value: shown };
    const reason = `is not one of ${param.options.join(', ')}`;
    return { ok: false, reason, message: `“${shown}” ${reason}.` };
  }
  const range = `between ${fmt(param.min)} and ${fmt(param.max)}`;
  const parsed = parseNumber(text);
  if (!parsed.ok) {
    switch (parsed.reason) {
      case 'empty':
        return { ok: false, reason: 'is empty', message: `Enter a number for ${param.name}, ${range}.` };
      case 'too-large':
        return { ok: false, reason: 'is too large to compute with', message: `${shown} is too large to compute with: enter a number ${range}.` };
      case 'not-a-number':
        return { ok: false, reason: 'is not a number', message: `“${shown}” is not a number: enter ${param.name} as a decimal, like ${fmt(param.default)}.` };
    }
  }
  const x = parsed.value;
  if (param.integer && !Number.isInteger(x)) {
    return { ok: false, reason: 'is not a whole number', message: `${fmt(x)} is not a whole number: enter ${param.name} as a whole number.` };
  }
  if (x < param.min || x > param.max) {
    const reason = `is outside the range ${range}`;
    return { ok: false, reason, message: `${fmt(x)} is outside the range of ${param.name}: enter a number ${range}.` };
  }
  return { ok: true, value: x };
}

function showDefault(param: Param): string {
  return typeof param.default === 'number' ? fmt(param.default) : param.default;
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, number | string> = {};
  for (const [key, p] of Object.entries(schema)) out[key] = p.default;
  return out as Values<S>;
}

export interface Parsed<S extends Schema> {
  readonly values: Values<S>;
  /** Keys found in the URL for this widget. */
  readonly present: readonly (keyof S & string)[];
  /** One sentence per value that was ignored, for a notice in the widget. */
  readonly problems: readonly string[];
}

/**
 * Reads a widget's values from a query string: `parseParams('?od1.x=2', 'od1', schema)`.
 * Missing keys take their defaults; invalid ones take their defaults and add a problem.
 */
export function parseParams<S extends Schema>(search: string, ns: string, schema: S): Parsed<S> {
  const query = parseQuery(search);
  const values: Record<string, number | string> = defaults(schema);
  const present: string[] = [];
  const problems: string[] = [];
  for (const [key, param] of Object.entries(schema)) {
    const text = query.get(`${ns}.${key}`);
    if (text === undefined) continue;
    present.push(key);
    const checked = checkValue(param, text);
    if (checked.ok) values[key] = checked.value;
    else problems.push(`The link gives ${param.name} as “${text}”, which ${checked.reason}; using the default, ${showDefault(param)}.`);
  }
  return { values: values as Values<S>, present: present as (keyof S & string)[], problems };
}

/** A number as it goes into a URL: shortest exact form, "-" not "−", never "-0". */
function urlNumber(x: number): string {
  return String(x + 0);
}

/**
 * Writes a widget's values into a query string, keeping every other key (other widgets, other apps).
 * Values equal to their default are left out, so a link names only what the teacher changed.
 */
export function serializeParams<S extends Schema>(search: string, ns: string, schema: S, values: Values<S>): string {
  const query = parseQuery(search);
  for (const [key, param] of Object.entries(schema)) {
    const v = (values as Record<string, number | string>)[key];
    if (v === undefined || v === param.default) query.delete(`${ns}.${key}`);
    else query.set(`${ns}.${key}`, typeof v === 'number' ? urlNumber(v) : v);
  }
  const s = [...query].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return s === '' ? '' : `?${s}`;
}

// A query string as an ordered map. (URLSearchParams would do, but it belongs to the DOM/Node
// libraries, and this file must type-check with plain ES2023, like the engine.)
function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    query.set(decode(k), decode(v));
  }
  return query;
}

function decode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

/**
 * A link to a widget preset on the same page, for prose: presetHref('od1', { y: 0.8 }) →
 * "?od1.y=0.8#od1". Numbers go in as they are (they are inputs, not derived values).
 */
export function presetHref(ns: string, values: Readonly<Record<string, number | string>>): string {
  const pairs = Object.entries(values).map(([k, v]) => `${encodeURIComponent(`${ns}.${k}`)}=${encodeURIComponent(typeof v === 'number' ? urlNumber(v) : v)}`);
  return `?${pairs.join('&')}#${ns}`;
}
