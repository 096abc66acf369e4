// handout.spec.ts — any chapter printed is a clean handout (book.css, "Handouts", with the print rules
// above it): in both screen themes the light palette and no controls, internal links followed by their
// address (in-page anchors not), a widget's weight table printed open but an exercise's worked solution
// not; and, in a real PDF render (page.pdf), no widget, figure, display equation or code block cut by a
// page break. The PDF is read with poppler's pdftotext: each checked box gets an invisible start and end
// mark, and both marks must be on the same page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtChapters } from './pages';

const chapters = builtChapters();
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

// A4 with the handout's margins (book.css: @page { margin: 16mm 14mm 18mm }), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PRINTABLE = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 34) * MM) };

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every chapter printed in the ${colorScheme} theme: light palette, no controls, link addresses, details as decided`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of chapters) {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      const look = await page.evaluate(() => {
        const shown = (e: Element) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetParent !== null;
        const visible = (sel: string) => [...document.querySelectorAll(sel)].filter(shown).length;
        const after = (a: Element | null) => (a ? getComputedStyle(a, '::after').content : 'none');
        const chapterLink = document.querySelector('.chapter-body a[href^="/"]:not([href*="#"]), .recap-link a');
        const anchor = document.querySelector('.chapter-body a[href^="#"]');
        return {
          bg: getComputedStyle(document.body).backgroundColor,
          fg: getComputedStyle(document.body).color,
          controls: visible('button, input[type="range"], input[type="checkbox"], input[type="radio"], select, .widget-actions'),
          chapterLink: after(chapterLink),
          chapterHref: (chapterLink as HTMLAnchorElement | null)?.href ?? '',
          anchor: after(anchor),
          // checkVisibility: a closed <details> lays out its content but skips it (content-visibility).
          openDetails: [...document.querySelectorAll('details:not(.exercise-solution) > :not(summary)')].filter((e) => e.checkVisibility()).length,
          closedDetails: document.querySelectorAll('details:not(.exercise-solution)').length,
          solutionsShown: [...document.querySelectorAll('details.exercise-solution > :not(summary)')].filter((e) => e.checkVisibility()).length,
        };
      });
      const where = `${path} (${colorScheme})`;
      if (look.bg !== 'rgb(255, 255, 255)') problems.push(`${where}: background ${look.bg}`);
      // Ink on paper: black (the print rules' colour) or the light palette's near-black, never the dark theme's light grey.
      if (!['rgb(0, 0, 0)', 'rgb(31, 30, 28)'].includes(look.fg)) problems.push(`${where}: text colour ${look.fg}, not black or the light palette's #1f1e1c`);
      if (look.controls !== 0) problems.push(`${where}: ${look.controls} controls visible`);
      if (look.chapterLink !== `" (${look.chapterHref})"`) problems.push(`${where}: an internal link is followed by ${look.chapterLink}, not its address`);
      if (look.anchor !== 'none') problems.push(`${where}: an in-page anchor is followed by ${look.anchor}`);
      if (look.openDetails < look.closedDetails) problems.push(`${where}: ${look.closedDetails - look.openDetails} details not printed open`);
      if (look.solutionsShown !== 0) problems.push(`${where}: ${look.solutionsShown} worked solutions printed`);
      await page.emulateMedia({ media: 'screen' });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('the training chapter prints its weight table open (a closed <details> that holds part of the widget)', async ({ page }) => {
  await page.goto('/training-xor/');
  const table = page.locator('details.xor-weights table').first();
  await expect(table).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(table).toBeVisible();
});

/** Marks each box to check with invisible text at its top and bottom; returns how many, and the ones too tall for a page. */
async function markBoxes(page: Page): Promise<{ marked: number; tooTall: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const result = await page.evaluate((pageHeight) => {
    const sel = '.chapter-body .widget, .chapter-body figure, .chapter-body .katex-display, .chapter-body .engine-code, .chapter-body pre';
    const boxes = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => !e.parentElement!.closest(sel) && e.offsetHeight > 0);
    const tooTall: string[] = [];
    let marked = 0;
    boxes.forEach((box) => {
      box.dataset['printBox'] = String(marked);
      if (box.getBoundingClientRect().height > pageHeight) { tooTall.push(`${box.className || box.tagName} (${Math.round(box.getBoundingClientRect().height)} px)`); return; }
      const i = marked++;
      // Zero-height blocks in the normal flow, first and last inside the box: they are fragmented with it
      // (an absolutely positioned mark at bottom: 0 can land on the next page's margin in Chromium).
      for (const name of ['S', 'E'] as const) {
        const m = document.createElement('span');
        m.textContent = `QQ${name}${i}QQ`;
        m.setAttribute('aria-hidden', 'true');
        m.style.cssText = 'display:block;height:0;overflow:visible;font:2px/0 monospace;color:#fff;white-space:nowrap;margin:0;padding:0';
        if (name === 'S') box.prepend(m); else box.append(m);
      }
    });
    return { marked, tooTall };
  }, 2 * PRINTABLE.height);
  // Back to no emulation: page.pdf() prints with print media, unless screen media is being emulated.
  await page.emulateMedia({ media: null });
  return result;
}

interface Word { text: string; y: number }

/** In PDF points: a box whose first line is this close to the top of its page started on that page's top (16 mm margin ≈ 45 pt). */
const TOP_OF_PAGE_PT = 90;

/** The PDF's words with their vertical position, page by page (pdftotext -bbox). */
function pdfPages(pdf: Buffer): Word[][] {
  const dir = mkdtempSync(join(tmpdir(), 'bp-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const r = spawnSync('pdftotext', ['-bbox', join(dir, 'a.pdf'), '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.split('<page ').slice(1).map((page) => [...page.matchAll(/yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ y: Number(m[1]), text: m[2]! })));
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

/**
 * The page of every start and end mark; a box is cut when its two marks are on different pages. A start
 * mark with nothing below it on its page is only the box's empty first line (a zero-height mark fits
 * where the box did not): the box then starts on the next page.
 */
function cutBoxes(pages: Word[][], marked: number): { cut: string[]; found: number; taller: string[] } {
  const pageOf = new Map<string, number>();
  const topOf = new Map<string, number>();
  pages.forEach((words, p) => {
    for (const w of words) {
      const m = /^QQ([SE]\d+)QQ$/.exec(w.text);
      if (!m) continue;
      const last = m[1]!.startsWith('S') && !words.some((o) => o !== w && o.y > w.y + 0.5);
      pageOf.set(m[1]!, last ? p + 2 : p + 1);
      topOf.set(m[1]!, last ? 0 : w.y);
    }
  });
  const cut: string[] = [];
  const taller: string[] = [];
  let found = 0;
  for (let i = 0; i < marked; i++) {
    const s = pageOf.get(`S${i}`), e = pageOf.get(`E${i}`);
    if (s === undefined || e === undefined) continue;
    found++;
    if (s === e) continue;
    // A box that starts at the top of a page and still ends on the next is taller than a page: it has
    // to break (break-inside: avoid cannot help); anything else that breaks is a fault.
    if (topOf.get(`S${i}`)! < TOP_OF_PAGE_PT) taller.push(`box ${i}: pages ${s}–${e}`); else cut.push(`box ${i}: pages ${s}–${e}`);
  }
  return { cut, found, taller };
}

for (const path of ['/weight-update/', '/hidden-delta/', '/training-xor/']) {
  test(`${path} as an A4 PDF: no widget, figure, display equation or code block is cut by a page break`, async ({ page }) => {
    test.skip(!hasPdftotext, 'needs pdftotext (Debian: apt-get install poppler-utils)');
    test.setTimeout(120_000);
    await page.goto(path);
    const { marked, tooTall } = await markBoxes(page);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(test.info().outputPath('handout.pdf'), pdf);
    const pages = pdfPages(pdf);
    const { cut, found, taller } = cutBoxes(pages, marked);
    console.log(`${path}: ${pages.length} A4 pages, ${marked} boxes checked, taller than a page (so they break): ${[...tooTall, ...taller].join(', ') || 'none'}`);
    expect(found, 'every mark is found in the PDF').toBe(marked);
    expect(marked).toBeGreaterThan(10);
    const names = await page.evaluate((ids) => ids.map((i) => { const b = document.querySelector(`[data-print-box="${i}"]`)!; return `${b.tagName.toLowerCase()}.${b.className} ${b.getAttribute('aria-label') ?? b.textContent!.slice(0, 40)} (${Math.round(b.getBoundingClientRect().height)} px)`; }), cut.map((c) => c.split(':')[0]!.slice(4)));
    expect(cut.map((c, i) => `${c}: ${names[i]}`)).toEqual([]);
  });
}
