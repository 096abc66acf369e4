// chapter-schema.ts — what every chapter's frontmatter must say. Used by src/content.config.ts, so a
// chapter with bad frontmatter fails the build with a message naming the file and the field.
import { z } from 'astro/zod';

export const chapterSchema = z.strictObject({
  /** Shown as the page title and in the table of contents. */
  title: z.string().trim().min(1, 'title must not be empty'),
  /** Position in the book (1, 2, 3, …); file names carry no numbers so URLs survive reordering. */
  order: z.number().int().positive(),
  /** One or two sentences for the table of contents. */
  summary: z.string().trim().min(20, 'summary should be a sentence or two (at least 20 characters)'),
  /** What the reader can do after the chapter ("Derive σ'(z) = σ(z)(1 − σ(z))"), at least one. */
  objectives: z.array(z.string().trim().min(1)).min(1, 'list at least one learning objective'),
});

export type ChapterData = z.infer<typeof chapterSchema>;
