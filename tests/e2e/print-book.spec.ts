// print-book.spec.ts — the whole book on one page for printing (/print/, src/pages/print.astro and
// src/build/print-book.ts). It is left out of the contract, axe and chapter-text sweeps (pages.ts,
// sweepExceptions: its widgets are static on purpose and the page is ~4 MB); what those sweeps would
// have promised for it is checked here: every chapter in order with its number, ids unique and every
// reference to one resolving, links between chapters kept on the page, presets opening their chapter,
// no widget script loaded, the book's numbers as on the chapter pages, axe on the parts that are new,
// and an A4 PDF of the whole book.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { bookPages, builtChapters, watch } from './pages';
import { RUNNING, neuron } from '../fixtures/oracle';

const PATH = '/print/';

test('the whole book: every chapter in the contents’ order, numbered, from the home page and the footer', async ({ page }) => {
  const chapters = (await bookPages(page)).filter((p) => builtChapters().includes(p));
  await expect(page.locator('main a[href$="/print/"]')).toHaveText('the whole book, for printing');
  await expect(page.locator('footer a[href$="/print/"]')).toHaveText('The whole book, for printing');
  await page.goto(PATH);
  await expect(page.locator('h1')).toHaveText('The whole book, for printing');
  const articles = page.locator('article[data-print-chapter]');
  expect(await articles.evaluateAll((as) => as.map((a) => `/${a.id}/`))).toEqual(chapters);
  const kickers = await articles.locator('.chapter-header .kicker').allTextContents();
  expect(kickers).toEqual(chapters.map((_, i) => `Chapter ${i + 1}`));
  await expect(articles.first().locator('h2').first()).toHaveText('The derivative of the sigmoid');
});

test('ids are unique, every for/aria reference and in-page link resolves, links between chapters stay on the page', async ({ page }) => {
  await page.goto(PATH);
  const report = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    const missing: string[] = [];
    for (const el of document.querySelectorAll('[for], [aria-labelledby], [aria-describedby], [aria-controls]')) {
      for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) if (!document.getElementById(id)) missing.push(`${attr}="${id}"`);
      }
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const id = decodeURIComponent(a.hash.slice(1));
      if (id && !document.getElementById(id)) missing.push(`href="${a.getAttribute('href')}"`);
    }
    const chapterLinks = [...document.querySelectorAll<HTMLAnchorElement>('.chapter-body a[href^="#"]')].filter((a) => {
      const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      return target && target.closest('article[data-print-chapter]') !== a.closest('article[data-print-chapter]');
    });
    const presets = [...document.querySelectorAll<HTMLAnchorElement>('.chapter-body a[href*="?"]')].map((a) => a.pathname);
    return { ids: ids.length, dup, missing, chapterLinks: chapterLinks.length, presets };
  });
  expect(report.dup).toEqual([]);
  expect(report.missing).toEqual([]);
  expect(report.ids).toBeGreaterThan(500);
  expect(report.chapterLinks, 'links to another chapter became links on this page').toBeGreaterThan(20);
  // A preset ("try w = 5") opens its chapter with the preset, where the widget is live.
  expect(report.presets.length).toBeGreaterThan(10);
  expect(report.presets.every((p) => p !== PATH)).toBe(true);
  // Both chapters with a widget "bc1" keep theirs, each under its chapter's prefix.
  expect(await page.locator('[id$="--bc1"]').count()).toBe(2);
});

test('no widget script is loaded, nothing fails, and the widgets show the book’s numbers, as on the chapter page', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
  const problems = watch(page, baseURL!);
  test.setTimeout(90_000);
  await page.goto(PATH, { waitUntil: 'networkidle' });
  // Through the whole page, as site.spec does for every page (in larger steps: it is ~190 A4 pages long),
  // so that every font and image it uses is fetched.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 4000) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  });
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual([]);
  expect(problems).toEqual([]);
  const o = neuron(RUNNING);
  const od = page.locator('#output-delta--od1');
  await expect(od.locator('.katex-html [data-v="delta"]').first()).toHaveText('−0.2308');
  await expect(od.locator('.katex-html [data-v="a"]').first()).toHaveText(o.a.toFixed(4));
  // No dead controls on screen either: the page says to open the chapter for live widgets.
  expect(await page.locator('.widget input[type="range"]:visible, .widget-actions:visible').count()).toBe(0);
});

test('axe finds nothing on what is new on this page: the cover, the chapters’ headers, one chapter whole', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(PATH);
  // Through the CSSOM: the site's CSP refuses an injected <style>.
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.chapter-body > *').forEach((el) => el.style.setProperty('content-visibility', 'visible', 'important')));
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('.print-book-cover').include('.print-chapter > .chapter-header').include('#output-delta').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('the whole book prints to an A4 PDF, each chapter starting on a new page', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(PATH, { waitUntil: 'networkidle' });
  const started = Date.now();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`/print/ as A4: ${pages} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB, rendered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(pages).toBeGreaterThan(100);
});
