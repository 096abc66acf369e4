// pages.ts — every page of the built book, found the way a reader finds them: from the contents.
import type { Page } from '@playwright/test';

/** The home page's chapter links, in order, plus the home page itself. */
export async function bookPages(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.locator('.contents a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  return ['/', ...hrefs];
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
