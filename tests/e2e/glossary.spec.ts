// glossary.spec.ts — the glossary (src/glossary.ts): every term link in the chapters resolves to an entry
// of /glossary/, every entry's "introduced in" link to an element of its chapter; a term is linked at most
// once per chapter and never inside math, headings, code, links or widgets; hovering or focusing a term
// shows its definition, which screen readers get as the link's description; Escape hides it.
import { expect, test } from '@playwright/test';
import { glossary } from '../../src/glossary';
import { builtChapters } from './pages';

test('the glossary page lists every term A to Z, each linked to an element of the chapter that introduces it', async ({ page, request }) => {
  await page.goto('/glossary/');
  const entries = page.locator('.glossary-entry');
  await expect(entries).toHaveCount(glossary.length);
  const names = await entries.locator('h3').allTextContents();
  expect(names).toEqual([...names].sort((p, q) => p.localeCompare(q, 'en', { sensitivity: 'base' })));
  // One entry written out: where the hidden delta is introduced.
  await expect(page.locator('#hidden-delta ~ .glossary-where a')).toHaveText('chapter 4, The hidden delta: “The hidden delta, one factor at a time”');
  const targets = await page.locator('.glossary-where a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const pages = new Map<string, string>();
  for (const href of targets) {
    const url = new URL(href);
    if (!pages.has(url.pathname)) pages.set(url.pathname, await (await request.get(url.pathname)).text());
    const id = decodeURIComponent(url.hash.slice(1));
    expect(pages.get(url.pathname), `${href}: no id="${id}"`).toContain(`id="${id}"`);
  }
});

for (const path of builtChapters()) {
  test(`${path}: each term linked once, to an entry, never inside math, headings, code, links or widgets`, async ({ page }) => {
    await page.goto(path);
    const links = await page.locator('a.term-link').evaluateAll((as) => as.map((a) => ({
      href: (a as HTMLAnchorElement).getAttribute('href') ?? '',
      text: a.textContent ?? '',
      tip: document.getElementById(a.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
      inside: a.parentElement?.parentElement?.closest('a, h1, h2, h3, h4, h5, h6, code, pre, .katex, bp-widget, .equation, button, label')?.tagName ?? null,
    })));
    expect(links.length).toBeGreaterThan(0);
    const ids = links.map((l) => l.href.replace(/^.*#/, ''));
    expect(new Set(ids).size, `linked twice: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`).toBe(ids.length);
    for (const l of links) {
      const term = glossary.find((t) => l.href === `/glossary/#${t.id}`);
      expect(term, `${l.text} → ${l.href}`).toBeDefined();
      expect(l.tip).toBe(term!.definition);
      expect(l.inside, `“${l.text}” inside <${l.inside}>`).toBeNull();
    }
  });
}

test('the glossary links of a chapter resolve to entries of the glossary page', async ({ page }) => {
  await page.goto('/glossary/');
  const ids = new Set(await page.locator('.glossary-entry h3').evaluateAll((hs) => hs.map((h) => h.id)));
  for (const path of builtChapters()) {
    await page.goto(path);
    for (const href of await page.locator('a.term-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''))) {
      expect(href.startsWith('/glossary/#') && ids.has(href.slice('/glossary/#'.length)), `${path}: ${href}`).toBe(true);
    }
  }
});

test('a term’s definition shows on hover and on keyboard focus, is its link’s description, and Escape hides it', async ({ page }) => {
  await page.goto('/sigmoid-derivative/');
  const link = page.locator('a.term-link[href="/glossary/#sigmoid"]');
  const tip = page.locator('#term-tip-sigmoid');
  const sigmoid = glossary.find((t) => t.id === 'sigmoid')!;
  await expect(tip).toBeHidden();
  await expect(link).toHaveAccessibleDescription(sigmoid.definition);
  await expect(link).toHaveAccessibleName('sigmoid');
  await link.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText('The activation σ(z) = 1/(1 + e^(−z)). It squashes any real number into the open interval (0, 1).');
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await link.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#sigmoid$/);
  await expect(page.locator('#sigmoid')).toBeInViewport();
});

test('the first use of "hidden delta" in its chapter is linked, and the later ones are not', async ({ page }) => {
  await page.goto('/hidden-delta/');
  await expect(page.locator('a.term-link[href="/glossary/#hidden-delta"]')).toHaveCount(1);
  await expect(page.locator('a.term-link[href="/glossary/#vanishing-gradient"]')).toHaveCount(1);
  const body = await page.locator('.chapter-body').textContent();
  expect(body!.match(/hidden delta/gi)!.length).toBeGreaterThan(1);
});
