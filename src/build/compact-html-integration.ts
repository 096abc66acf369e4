// compact-html-integration.ts — after `astro build`, rewrites every page of the output with compactHtml
// (./compact-html.ts) and prints the sizes before and after. BP_NO_COMPACT=1 skips it (to compare).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compactHtml } from './compact-html.ts';

export function compactHtmlIntegration(): AstroIntegration {
  return {
    name: 'bp-compact-html',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (process.env['BP_NO_COMPACT']) { logger.info('BP_NO_COMPACT is set: pages left as built'); return; }
        const root = fileURLToPath(dir);
        for (const file of htmlFiles(root)) {
          const before = readFileSync(file, 'utf8');
          const result = compactHtml(before);
          writeFileSync(file, result.html);
          const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(1);
          logger.info(`${relative(root, file)}: ${kb(before)} → ${kb(result.html)} KB (${result.annotationsRemoved} TeX annotations dropped, ${result.stylesHoisted} inline styles → ${result.distinctStyles} classes)`);
        }
      },
    },
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(path) : e.name.endsWith('.html') ? [path] : [];
  });
}
