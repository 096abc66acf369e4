// load.ts — one chapter's exercises in the browser, loaded when needed (a dynamic import per chapter: a
// page never downloads the other chapters' exercises, and none of it counts as first-load JavaScript).
import type { Exercise } from './define.ts';

const modules = import.meta.glob<{ exercises: readonly Exercise[] }>('./chapters/*.ts');

/** The exercises of the chapter `slug`, or null if it has none. */
export async function loadExercises(slug: string): Promise<readonly Exercise[] | null> {
  const load = modules[`./chapters/${slug}.ts`];
  return load ? (await load()).exercises : null;
}

/** Every chapter slug that has exercises (for the answer key). */
export const chapterSlugs: readonly string[] = Object.keys(modules).map((p) => p.replace('./chapters/', '').replace('.ts', ''));
