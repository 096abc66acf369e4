// url.ts — the thin DOM side of url-state.ts: read the page's query string, write a widget's values
// back. Writes use history.replaceState (no new history entry per slider move), happen only after the
// reader interacts, never on load, and are debounced to after the frame: replaceState right after
// typing forces a layout of the whole page (about 9 ms on a long chapter), so it must never sit
// inside the frame that shows the new numbers.
import type { Schema, Values } from '../params.ts';
import { writeParams } from '../url-state.ts';

export function currentSearch(): string {
  return window.location.search;
}

const pending = new Map<string, (search: string) => string>();
let timer = 0;

/** Puts a widget's values into the address bar, soon (150 ms after the last change, outside any frame). */
export function writeParamsSoon<S extends Schema>(ns: string, schema: S, values: Values<S>, kit: { mine: boolean }, classroom: Readonly<Record<string, string>> = {}): void {
  pending.set(ns, (search) => writeParams(search, ns, schema, values, kit, classroom));
  clearTimeout(timer);
  timer = window.setTimeout(flush, 150);
}

function flush(): void {
  // Each widget's writer starts from the query as the one before left it: widgets keep each other's keys.
  let search = window.location.search;
  for (const write of pending.values()) search = write(search);
  pending.clear();
  const { pathname, hash } = window.location;
  if (search !== window.location.search) history.replaceState(history.state, '', `${pathname}${search}${hash}`);
}

/** A link that opens this page with this widget as configured, scrolled to it: for a teacher to share. */
export function linkTo<S extends Schema>(ns: string, schema: S, values: Values<S>, kit: { mine: boolean }, classroom: Readonly<Record<string, string>> = {}): string {
  const search = writeParams(window.location.search, ns, schema, values, kit, classroom);
  return `${window.location.origin}${window.location.pathname}${search}#${ns}`;
}
