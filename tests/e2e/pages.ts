// pages.ts — every page of the built book: from the built files (to make one test per page when the
// tests are collected) and the way a reader finds them (from the contents, in reading order).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';

/** The folder of the build under test (as in playwright.config.ts). */
export const outDir = process.env['BP_OUT_DIR'] ?? 'dist';

/**
 * Every page of the build, as URL paths ('/', '/chain-rule/', …), read from <outDir>/**\/index.html
 * when the tests are collected, so a new chapter gets its own tests without a list to keep.
 */
export function builtPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        const folder = relative(outDir, dir).split(sep).filter(Boolean).join('/');
        found.push(folder ? `/${folder}/` : '/');
      }
    }
  };
  walk(outDir);
  return found.sort();
}

/** The chapters: the built pages made from content/chapters/*.mdx (each at /<file name>/). */
export function builtChapters(): string[] {
  const slugs = new Set(readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).map((f) => `/${f.slice(0, -'.mdx'.length)}/`));
  return builtPages().filter((p) => slugs.has(p));
}

/** The pages of running text with math: the built pages with a chapter body (the chapters and the recap; not the home page or the answer key). */
export function builtTextPages(): string[] {
  return builtPages().filter((p) => p !== '/' && readFileSync(join(outDir, p, 'index.html'), 'utf8').includes('class="chapter-body"'));
}

/** A path that is not in the book, to reach the 404 page. */
export const missingPage = '/no-such-page/';

/** The home page's chapter links, in order, plus the home page itself. */
export async function bookPages(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.locator('.contents a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  return ['/', ...hrefs];
}

/** The pages besides chapters that the home page links to (data-book-page: the answer key). */
export async function homeLinkedPages(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.locator('a[data-book-page]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Collects console errors, page errors and requests that leave the site, for one page load. */
export function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('console', (m) => {
    // A failed load is reported below with its URL; the console line about it carries none.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    // The 404 page is served with status 404 on purpose; anything else failing is a broken asset.
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request left the site: ${url}`);
  });
  return problems;
}

/** Whether a built page is a widget's embed page (/embed/<widget>/): no site chrome, reached from a widget's Share dialog, not from the contents. */
export function isEmbedPage(path: string): boolean {
  return path.startsWith('/embed/');
}

/** The embed pages of the build, one per widget (src/pages/embed/[widget].astro). */
export function builtEmbedPages(): string[] {
  return builtPages().filter(isEmbedPage);
}

/** The per-page sweeps a page can be left out of (see sweepExceptions). */
export type Sweep = 'contract' | 'a11y' | 'chapter-text' | 'page-load' | 'scroll-cue';

/**
 * Pages that some per-page sweeps leave out, and why; each is tested in its own spec instead. Only the
 * sweeps named; every other sweep (gates, decimals, site's "every page") still runs on them.
 */
export const sweepExceptions: Record<string, { sweeps: Sweep[]; why: string; spec: string }> = {
  '/print/': {
    sweeps: ['contract', 'a11y', 'chapter-text', 'page-load', 'scroll-cue'],
    why: 'the whole book on one page (about 4 MB): its widgets are static on purpose (no widget scripts, so no live contract); '
      + 'axe over twelve chapter bodies at once takes minutes, and each body is already checked on its chapter page; '
      + 'the chapter-text checks expect one chapter body and its pager; scrolling it 600 px a step to load everything takes over 30 s; '
      + 'measuring its thousands of scrollable regions for scroll cues takes longer than that test waits, and each is checked on its chapter page',
    spec: 'tests/e2e/print-book.spec.ts',
  },
};

/** `pages` without those that `sweep` leaves out (sweepExceptions). */
export function sweptPages(pages: string[], sweep: Sweep): string[] {
  return pages.filter((p) => !sweepExceptions[p]?.sweeps.includes(sweep));
}
