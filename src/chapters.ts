// chapters.ts — the book's chapters in reading order, for the contents page and prev/next links.
import { href } from './href';
import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** All chapters sorted by `order`; two chapters with the same order fail the build. */
export async function chaptersInOrder(): Promise<Chapter[]> {
  const all = (await getCollection('chapters')).sort((p, q) => p.data.order - q.data.order);
  all.forEach((c, i) => {
    const prev = all[i - 1];
    if (prev && prev.data.order === c.data.order) {
      throw new Error(`chapters "${prev.id}" and "${c.id}" both have order: ${c.data.order}`);
    }
  });
  return all;
}

/** The URL of a chapter page. */
export function chapterHref(c: Chapter): string {
  return href(`/${c.id}/`);
}

/** The book-level recap (src/pages/recap.astro): the algorithm and its five formulas on one page. */
export const recap = {
  title: 'Backpropagation on one page',
  summary: 'The whole algorithm in pseudo-code, and the five formulas it is made of, each linked to the equation of the chapter that derives it.',
} as const;

/** The URL of the recap page. */
export function recapHref(): string {
  return href('/recap/');
}
