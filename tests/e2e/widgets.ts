// widgets.ts — what a reader does with a widget, in test words, and what the contract spec needs to know
// about widgets, found in the built site itself: every <bp-widget> on every page (no list to keep up to date).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { builtPages, outDir, sweptPages } from './pages';

/** A widget, found as a reader (or a screen reader) finds it: the figure named by its title. */
export function widget(page: Page, title: string): Locator {
  return page.getByRole('figure', { name: title, exact: true });
}

/** Types into a parameter's field, as a reader would: select all, type, (no Enter needed). */
export async function type(w: Locator, label: string, text: string): Promise<void> {
  const field = w.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
}

export function slider(w: Locator, label: string): Locator {
  return w.getByRole('slider', { name: label, exact: true });
}

/** Presses a key on a parameter's slider `times` times. */
export async function pressSlider(w: Locator, label: string, key: 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown', times = 1): Promise<void> {
  const s = slider(w, label);
  await s.focus();
  for (let i = 0; i < times; i++) await s.press(key);
}

/** The inline message under a parameter's field. */
export function messageFor(w: Locator, label: string): Locator {
  return w.locator('.param').filter({ has: w.page().getByRole('textbox', { name: label, exact: true }) }).locator('[data-msg]');
}

/** This widget's keys in the current URL, e.g. { x: '2', form: 'z' } for ?sd1.x=2&sd1.form=z. */
export function urlParams(page: Page, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(page.url()).searchParams) if (k.startsWith(`${id}.`)) out[k.slice(id.length + 1)] = v;
  return out;
}

export interface FoundWidget {
  /** The page's path, e.g. "/output-delta/". */
  readonly path: string;
  readonly id: string;
  readonly model: string;
  readonly title: string;
}

/** Every widget of the built book, read from dist/ when the spec is collected. */
export function builtWidgets(): FoundWidget[] {
  return sweptPages(builtPages(), 'contract').flatMap((path) => {
    const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
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
