// print-book-integration.ts — after `astro build`, rewrites the whole-book page (<outDir>/print/index.html)
// with printBookHtml (./print-book.ts): ids unique per chapter, links between chapters inside the page,
// no widget scripts. Runs before compactHtmlIntegration, which then compacts the result like any page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { printBookHtml } from './print-book.ts';

export function printBookIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'bp-print-book',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base; },
      'astro:build:done': ({ dir, logger }) => {
        const file = join(fileURLToPath(dir), 'print', 'index.html');
        if (!existsSync(file)) throw new Error('bp-print-book: print/index.html was not built (src/pages/print.astro)');
        const result = printBookHtml(readFileSync(file, 'utf8'), base);
        writeFileSync(file, result.html);
        logger.info(`print/index.html: ${result.chapters} chapters, ids made unique per chapter, ${result.scriptsRemoved} module scripts removed`);
      },
    },
  };
}
