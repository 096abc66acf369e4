// content.config.ts — the chapters collection: content/chapters/*.mdx, frontmatter checked by chapterSchema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './chapter-schema';

const chapters = defineCollection({
  loader: glob({ base: './content/chapters', pattern: '*.mdx' }),
  schema: chapterSchema,
});

export const collections = { chapters };
