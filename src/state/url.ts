// url.ts — the thin DOM side of params.ts: read the page's query string, write a widget's values back.
// Writes use history.replaceState (no new history entry per slider move) and happen only after the
// reader interacts, never on load.
import { serializeParams, type Schema, type Values } from './params.ts';

export function currentSearch(): string {
  return window.location.search;
}

/** Puts a widget's non-default values into the address bar, keeping other widgets' keys and the #hash. */
export function writeParams<S extends Schema>(ns: string, schema: S, values: Values<S>): void {
  const search = serializeParams(window.location.search, ns, schema, values);
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

/** A link that opens this page with this widget as configured, scrolled to it: for a teacher to share. */
export function linkTo<S extends Schema>(ns: string, schema: S, values: Values<S>): string {
  const search = serializeParams(window.location.search, ns, schema, values);
  return `${window.location.origin}${window.location.pathname}${search}#${ns}`;
}
