// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { katexOptions } from './src/format/tex.ts';
import { remarkEquationNumbers } from './src/markdown/equation-numbers.ts';
import { remarkBaseLinks } from './src/markdown/base-links.ts';
import { basePathFromEnv } from './src/href.ts';
import { compactHtmlIntegration } from './src/build/compact-html-integration.ts';
import { printBookIntegration } from './src/build/print-book-integration.ts';
import { katexWoff2Only } from './src/build/katex-woff2-only.ts';
import { cspIntegration } from './src/build/csp.ts';
import { pagefindIntegration } from './src/build/pagefind-integration.ts';
import { rehypeGlossaryLinks } from './src/markdown/glossary-links.ts';
import { glossary } from './src/glossary.ts';

// BP_BASE: the path the book is hosted under ('/' by default; e.g. BP_BASE=/backprop/ for a GitHub Pages
// project site). Every internal link goes through src/href.ts, the chapters' links through remarkBaseLinks.
const base = basePathFromEnv(process.env.BP_BASE);

export default defineConfig({
  base,
  // compactHtmlIntegration: after the build, smaller pages that render the same (see src/build/compact-html.ts).
  // printBookIntegration: the whole-book page made valid and static (see src/build/print-book.ts).
  // pagefindIntegration: the search index, made after compact-html so it indexes the pages as served.
  // cspIntegration: last, each page's Content-Security-Policy with its inline scripts' and styles' hashes.
  integrations: [mdx(), printBookIntegration(), compactHtmlIntegration(), pagefindIntegration(), cspIntegration()],
  // Astro 7's default Markdown processor does not run remark/rehype plugins: math goes through
  // the unified processor of @astrojs/markdown-remark, which also compiles the .mdx chapters.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkEquationNumbers, remarkBaseLinks(base)],
      rehypePlugins: [
        [rehypeKatex, katexOptions],
        // Each glossary term linked on its first use in a chapter, with its definition on hover/focus.
        [rehypeGlossaryLinks, { terms: glossary, base: base.replace(/\/$/, '') }],
      ],
    }),
  },
  // The book works offline: no prefetching, no dev toolbar, nothing that calls out.
  prefetch: false,
  // KaTeX's fonts as woff2 only (see src/build/katex-woff2-only.ts). Fonts stay files, never data: URLs
  // in the stylesheet that every page waits for (a face is fetched only by a page that uses it).
  vite: {
    plugins: [katexWoff2Only()],
    build: { assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined) },
  },
  devToolbar: { enabled: false },
  // BP_OUT_DIR: build somewhere else than dist/ (e.g. to test two versions side by side).
  outDir: process.env.BP_OUT_DIR ?? './dist',
  build: { format: 'directory' },
  trailingSlash: 'ignore',
});
