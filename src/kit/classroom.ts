// classroom.ts — a classroom link's keys checked against the widget's schema: `hide` and `lock` are lists
// of the widget's controls, `reveal` is a part of the widget (REVEAL_PARTS). PURE. Loaded by the kit only
// when a link has classroom keys (dom/classroom.ts applies the result to the markup).
import { inputKeys, quote, type Schema } from './params.ts';
import type { FromUrl } from './url-state.ts';

/** What a widget's results are hidden behind a Reveal button: its derivation, or display and derivation. */
export const REVEAL_PARTS = ['derivation', 'results'] as const;
export type RevealPart = (typeof REVEAL_PARTS)[number];

/**
 * A teacher's classroom settings (the Share dialog): which controls are hidden, which are locked
 * (read-only), and what stays hidden until the student presses Reveal. In the URL:
 * `?od1.hide=x,b&od1.lock=w&od1.reveal=derivation`.
 */
export interface Classroom {
  readonly hide: readonly string[];
  readonly lock: readonly string[];
  readonly reveal: RevealPart | null;
}

export const NO_CLASSROOM: Classroom = { hide: [], lock: [], reveal: null };


/**
 * The classroom settings of a link (readParams(…).classroom), and one sentence per value that was
 * ignored, for the widget's notice: `parseClassroom({ hide: 'x,b', reveal: 'derivation' }, schema)`.
 */
export function parseClassroom(raw: NonNullable<FromUrl<Schema>['classroom']>, schema: Schema): { classroom: Classroom; problems: string[] } {
  const problems: string[] = [];
  const classroom: Classroom = {
    hide: raw.hide === undefined ? NO_CLASSROOM.hide : controlList(raw.hide, 'hide', schema, problems),
    lock: raw.lock === undefined ? NO_CLASSROOM.lock : controlList(raw.lock, 'lock', schema, problems),
    reveal: raw.reveal === undefined ? null : revealPart(raw.reveal, problems),
  };
  return { classroom, problems };
}

/**
 * A classroom list (`x,b`): the names of controls of this widget, each at most once. A name the widget
 * has no control for is reported and left out; the others still apply.
 */
function controlList(text: string, key: 'hide' | 'lock', schema: Schema, problems: string[]): string[] {
  const controls = new Set<string>(inputKeys(schema));
  const out: string[] = [];
  for (const name of text.split(',')) {
    if (controls.has(name)) { if (!out.includes(name)) out.push(name); continue; }
    problems.push(`The link ${key === 'hide' ? 'hides' : 'locks'} “${quote(name)}”, which is not a control of this widget; it is ignored.`);
  }
  return out;
}

function revealPart(text: string, problems: string[]): RevealPart | null {
  const part = REVEAL_PARTS.find((p) => p === text);
  if (part) return part;
  problems.push(`The link hides “${quote(text)}” until Reveal, which is neither derivation nor results; nothing is hidden.`);
  return null;
}


/** The settings as the keys of a link (none for what is not set), for writeParams: `{ hide: 'x,b', reveal: 'derivation' }`. */
export function classroomKeys(c: Classroom): Record<string, string> {
  const keys: Record<string, string> = {};
  if (c.hide.length > 0) keys['hide'] = c.hide.join(',');
  if (c.lock.length > 0) keys['lock'] = c.lock.join(',');
  if (c.reveal) keys['reveal'] = c.reveal;
  return keys;
}
