// kit.ts — what the contract spec needs to know about widgets, found in the built site itself: every
// <bp-widget> on every page (no list to keep up to date), and how to read what it shows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const DIST = process.env['BP_OUT_DIR'] ?? 'dist';

export interface FoundWidget {
  /** The page's path, e.g. "/output-delta/". */
  readonly path: string;
  readonly id: string;
  readonly model: string;
  readonly title: string;
}

function pages(dir = DIST, prefix = '/'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) { if (!name.startsWith('_')) out.push(...pages(full, `${prefix}${name}/`)); }
    else if (name === 'index.html') out.push(prefix);
  }
  return out;
}

/** Every widget of the built book, read from dist/ when the spec is collected. */
export function builtWidgets(): FoundWidget[] {
  return pages().flatMap((path) => {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    return [...html.matchAll(/<bp-widget id="([a-z0-9]+)" class="widget" data-model="([a-z0-9-]+)"/g)].map((m) => {
      const title = new RegExp(`<p class="widget-title" id="${m[1]}-title">([^<]*)</p>`).exec(html)?.[1] ?? '';
      return { path, id: m[1]!, model: m[2]!, title };
    });
  });
}

export interface Mark { name: string; text: string }

/**
 * Every marked number inside a locator, in document order: HTML, MathML and SVG marks alike, as text
 * without spaces and with superscripts as plain characters (KaTeX typesets 10⁻⁷ as "10−7").
 */
export async function readMarks(scope: Locator): Promise<Mark[]> {
  return scope.locator('[data-v]').evaluateAll((els) => els.map((el) => ({
    name: el.getAttribute('data-v') ?? '',
    text: (el.textContent ?? '').replace(/\s+/g, '').replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '−0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]!),
  })));
}

/** Opens a page and makes one of its widgets live (scrolled into view, script attached). */
export async function openWidget(page: Page, w: FoundWidget, query = ''): Promise<Locator> {
  await page.goto(`${w.path}${query}#${w.id}`);
  const el = page.locator(`bp-widget#${w.id}`);
  await el.scrollIntoViewIfNeeded();
  await expect(el).toHaveAttribute('data-ready', '');
  return el;
}

/** Nothing on the page reads NaN, Infinity or undefined: numbers, drawings, messages aside. */
export async function expectNoBadNumbers(page: Page): Promise<void> {
  const bad = await page.locator('main').evaluate((main) => {
    const found: string[] = [];
    const badText = /NaN|Infinity|∞|undefined|−0(?![.\d])/;
    for (const el of main.querySelectorAll('[data-v], output, dd, .katex, [data-text]')) {
      if (badText.test(el.textContent ?? '')) found.push(`${el.tagName}: ${el.textContent}`);
    }
    for (const el of main.querySelectorAll('svg *')) {
      for (const attr of el.getAttributeNames()) {
        const v = el.getAttribute(attr) ?? '';
        if (/NaN|Infinity|undefined/.test(v)) found.push(`<${el.tagName} ${attr}="${v}">`);
      }
    }
    return found;
  });
  expect(bad).toEqual([]);
}
