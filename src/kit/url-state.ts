// url-state.ts — a widget's values in the page's query string, namespaced by widget id because a
// chapter has several widgets: ?od1.x=0.7&od1.y=0.8#od1 opens widget "od1" with x = 0.7 and y = 0.8.
// PURE: strings in, typed values out (dom/url.ts reads and writes the address bar).
// A link is untrusted input: every value is checked by its kind, invalid or unknown ones are reported
// (quoted short, shown as text, never as HTML) and fall back to the defaults, never coerced.
import { check, defaults, phrase, quote, sameValue, serialize, type Schema, type Value, type Values } from './params.ts';

/** Keys the kit itself keeps in a widget's namespace, beside the schema's. */
export const KIT_KEYS = ['mine', 'hide', 'lock', 'reveal'] as const;

export interface FromUrl<S extends Schema> {
  readonly values: Values<S>;
  /** Keys of this widget found in the URL (schema keys and the kit's own). */
  readonly present: readonly string[];
  /** One sentence per value that was ignored, for the widget's notice. */
  readonly problems: readonly string[];
  /** The kit's own keys that were set, e.g. { mine: true }. */
  readonly kit: { readonly mine: boolean };
  /**
   * The classroom keys in the link, as text (undefined: none). They are checked by classroom.ts, which is
   * loaded only for a classroom link, so a reader's first load carries none of that code.
   */
  readonly classroom: Readonly<Partial<Record<'hide' | 'lock' | 'reveal', string>>> | undefined;
}

/** Reads a widget's values from a query string: `readParams('?od1.x=2', 'od1', schema)`. */
export function readParams<S extends Schema>(search: string, ns: string, schema: S): FromUrl<S> {
  const query = parseQuery(search);
  const values: Record<string, Value> = { ...defaults(schema) };
  const present: string[] = [];
  const problems: string[] = [];
  let mine = false;
  let classroom: Partial<Record<'hide' | 'lock' | 'reveal', string>> | undefined;
  for (const [fullKey, text] of query) {
    if (!fullKey.startsWith(`${ns}.`)) continue;
    const key = fullKey.slice(ns.length + 1);
    present.push(key);
    if (key === 'mine') { mine = text === 'on'; continue; }
    if (key === 'hide' || key === 'lock' || key === 'reveal') { (classroom ??= {})[key] = text; continue; }
    const param = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!param) {
      problems.push(`The link sets “${quote(key)}”, which this widget does not have; it is ignored.`);
      continue;
    }
    const checked = check(param, text);
    if (checked.ok) values[key] = checked.value;
    else problems.push(`The link gives ${phrase(param)} as “${quote(text)}”, which ${checked.reason}; using the default, ${showValue(param.default)}.`);
  }
  return { values: values as Values<S>, present, problems, kit: { mine }, classroom };
}

function showValue(v: Value): string {
  if (typeof v === 'number') return String(v + 0).replace('-', '−');
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'string') return v;
  return v.map((r) => r.join(', ')).join('; ');
}

/**
 * Writes a widget's values into a query string, keeping every other key (other widgets, other apps),
 * and after them the classroom keys given (`{ hide: 'x', reveal: 'derivation' }`).
 * Values equal to their default are left out, so a link names only what the teacher changed.
 */
export function writeParams<S extends Schema>(search: string, ns: string, schema: S, values: Values<S>, kit: { mine: boolean } = { mine: false }, classroom: Readonly<Record<string, string>> = {}): string {
  const query = parseQuery(search);
  for (const key of [...query.keys()]) if (key.startsWith(`${ns}.`)) query.delete(key);
  for (const [key, param] of Object.entries(schema)) {
    const v = (values as Record<string, Value>)[key];
    if (v !== undefined && !sameValue(v, param.default)) query.set(`${ns}.${key}`, serialize(v));
  }
  if (kit.mine) query.set(`${ns}.mine`, 'on');
  // A classroom link's keys (classroom.ts, classroomKeys), as checked when the link was read.
  for (const key in classroom) query.set(`${ns}.${key}`, classroom[key]!);
  return formatQuery(query);
}

/**
 * A link to a widget preset on the same page, for prose: `presetQuery('od1', schema, { y: 0.8 })` →
 * "?od1.y=0.8#od1". Every value is checked against the schema: a preset that names a parameter the
 * widget does not have, or a value it refuses, fails the build.
 */
export function presetQuery<S extends Schema>(ns: string, schema: S, preset: Partial<Values<S>>): string {
  const pairs: string[] = [];
  for (const [key, v] of Object.entries(preset) as [string, Value][]) {
    const param = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!param) throw new Error(`preset for ${ns}: the widget has no parameter "${key}" (it has ${Object.keys(schema).join(', ')})`);
    const text = serialize(v);
    const checked = check(param, text);
    if (!checked.ok) throw new Error(`preset for ${ns}: ${checked.message}`);
    pairs.push(`${encodeURIComponent(`${ns}.${key}`)}=${encodeURIComponent(text)}`);
  }
  return `?${pairs.join('&')}#${ns}`;
}

// A query string as an ordered map. (URLSearchParams would do, but it belongs to the DOM/Node
// libraries, and this file must type-check with plain ES2023, like the engine.)
export function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    query.set(decode(k), decode(v));
  }
  return query;
}

export function formatQuery(query: ReadonlyMap<string, string>): string {
  const s = [...query].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return s === '' ? '' : `?${s}`;
}

function decode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}
