// decimals.spec.ts — no number is typed by hand, checked on what the reader gets: every decimal on a
// built page (as served, without JavaScript) is either marked (data-v: the chapter specs check each one
// against the chapter's closed forms), an axis tick, code, or one of the running examples' inputs
// (declared by the engine's examples). Anything else fails, naming the page and the text around it.
import { expect, test } from '@playwright/test';
import { declaredDecimals } from '../../src/engine/examples/inputs';
import { builtPages } from './pages';

/** The inputs a chapter may type: the worked examples' (src/engine/examples/inputs.ts). */
const INPUTS = declaredDecimals();

test.use({ javaScriptEnabled: false });

for (const path of builtPages()) {
  test(`every decimal on ${path} is marked, a tick, code, or a declared input`, async ({ page }) => {
    await page.goto(path);
    const found = await page.locator('main').evaluate((main, inputs) => {
      const allowed = new Set(inputs);
      const skip = '[data-v], .tick, pre, code, .engine-code, script, style, annotation';
      const out: string[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!/\d\.\d/.test(text) && !/(^|[^\d])\.\d/.test(text)) continue;
        if (node.parentElement?.closest(skip)) continue;
        for (const m of text.matchAll(/\d*\.\d+/g)) {
          if (allowed.has(m[0].replace(/^\./, '0.'))) continue;
          // Not a quantity: the version of the text's licence.
          if (/BY-SA $/.test(text.slice(0, m.index))) continue;
          const context = (node.parentElement?.closest('p, li, td, th, figcaption, div')?.textContent ?? text).replace(/\s+/g, ' ').trim();
          out.push(`${m[0]} in “${context.slice(0, 120)}”`);
        }
      }
      return out;
    }, [...INPUTS]);
    expect(found, `decimals typed by hand on ${path}`).toEqual([]);
  });
}
