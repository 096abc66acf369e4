// pagefind-integration.ts — after `astro build` (and after compact-html, which is listed before it in
// astro.config.mjs, so the index is made from the pages as served), Pagefind indexes the built pages into
// <outDir>/pagefind/: the search index and its small client, served by the site itself (works offline).
// What is indexed: each page's <main data-pagefind-body> (Base.astro) minus the noise listed below.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Kept out of the index: KaTeX's markup (its MathML and its HTML letters, one span per glyph; an
 * equation is found by its label instead, Eq.astro's title), widgets (their controls and numbers change
 * with the reader's inputs), the on-page contents and the pager (they repeat other pages' headings), and
 * the glossary's hover definitions (they belong to the glossary page, where they are indexed once).
 */
export const searchExcluded = ['.katex', 'bp-widget', '.toc', '.pager', '.term-tip', '.skip-link'];

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'bp-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExcluded, forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Every page but 404.html (its "page not found" is not a search result).
        const added = await index.addDirectory({ path: root, glob: '**/index.html' });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`Pagefind indexed ${added.page_count} pages into pagefind/`);
        await pagefind.close();
      },
    },
  };
}
