// widgets.ts — what a reader does with a widget, in test words.
import { expect, type Locator, type Page } from '@playwright/test';

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

/**
 * No number on the page, and no coordinate of any drawing, is NaN, ±Infinity or undefined, whatever
 * happened. (Messages may quote what the reader typed, "NaN" included: they are not numbers.)
 */
export async function expectNoBadNumbers(page: Page): Promise<void> {
  const bad = await page.locator('main').evaluate((main) => {
    const found: string[] = [];
    const badText = /NaN|Infinity|∞|undefined/;
    for (const el of main.querySelectorAll('[data-v], output, .readout dd, .katex')) {
      if (badText.test(el.textContent ?? '')) found.push(`${el.tagName}: ${el.textContent}`);
    }
    for (const el of main.querySelectorAll('svg *')) {
      for (const attr of el.getAttributeNames()) {
        const v = el.getAttribute(attr) ?? '';
        if (badText.test(v)) found.push(`<${el.tagName} ${attr}="${v}">`);
      }
    }
    return found;
  });
  expect(bad).toEqual([]);
}

/** This widget's keys in the current URL, e.g. { x: '2', form: 'z' } for ?sd1.x=2&sd1.form=z. */
export function urlParams(page: Page, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(page.url()).searchParams) if (k.startsWith(`${id}.`)) out[k.slice(id.length + 1)] = v;
  return out;
}
