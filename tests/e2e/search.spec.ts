// search.spec.ts — the header's search (Pagefind, built into dist/pagefind/ by the build), through the real
// UI: `/` focuses the box (but not while typing in a field), typing finds the book's passages, and a
// result's link lands on the section that holds them. Pagefind is not first-load JavaScript: it is fetched
// only once the box is used (gates.spec.ts checks the 30 KB budget on every page).
import { expect, test, type Page } from '@playwright/test';

const box = (page: Page) => page.getByRole('searchbox', { name: 'Search the book (shortcut: /)' });
const panel = (page: Page) => page.locator('#site-search-panel');

async function search(page: Page, term: string) {
  await box(page).click();
  await box(page).fill(term);
  await expect(panel(page).getByRole('status')).toContainText(`found for “${term}”`);
}

test('nothing of Pagefind loads before the search box is used', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/pagefind/')) fetched.push(r.url()); });
  await page.goto('/chain-rule/');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await box(page).focus();
  await expect.poll(() => fetched.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('`/` focuses the search box, but types a slash in a field', async ({ page }) => {
  await page.goto('/output-delta/');
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('');
  // In a widget's text field `/` is a character, not the shortcut.
  const field = page.locator('bp-widget input[type="text"]').first();
  await field.focus();
  await field.press('End');
  await field.press('/');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/\/$/);
});

test('"hidden delta" lands on the hidden-delta chapter’s section that derives it', async ({ page }) => {
  await page.goto('/');
  await search(page, 'hidden delta');
  const link = panel(page).locator('a.search-section[href="/hidden-delta/#the-hidden-delta-one-factor-at-a-time"]');
  await expect(link).toHaveText(/The hidden delta, one factor at a time/);
  await expect(link.locator('mark').first()).toHaveText(/hidden|delta/i);
  await link.click();
  await expect(page).toHaveURL(/\/hidden-delta\/#the-hidden-delta-one-factor-at-a-time$/);
  await expect(page.locator('#the-hidden-delta-one-factor-at-a-time')).toBeInViewport();
});

test('"vanishing gradient" lands on a section about vanishing gradients', async ({ page }) => {
  await page.goto('/weight-update/');
  await search(page, 'vanishing gradient');
  const sections = panel(page).locator('a.search-section');
  const hrefs = await sections.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
  const targets = ['/hidden-delta/#why-%CE%B4-shrinks-on-its-way-back', '/hidden-delta/#why-δ-shrinks-on-its-way-back', '/pitfalls/#when-every-derivative-is-right-vanishing-exploding-and-dead-gradients'];
  const first = hrefs.find((h) => h && targets.includes(h));
  expect(first, `section links: ${hrefs.join(', ')}`).toBeDefined();
  await sections.and(page.locator(`[href="${first}"]`)).first().click();
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  expect(['why-δ-shrinks-on-its-way-back', 'when-every-derivative-is-right-vanishing-exploding-and-dead-gradients']).toContain(id);
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading).toBeInViewport();
  // The section under that heading speaks of vanishing gradients.
  const sectionText = await heading.evaluate((h) => {
    let text = '';
    for (let n = h.nextElementSibling; n && !/^H[12]$/.test(n.tagName); n = n.nextElementSibling) text += n.textContent;
    return text;
  });
  expect(sectionText).toMatch(/vanish/i);
});

test('the keyboard moves from the box into the results and Escape returns', async ({ page }) => {
  await page.goto('/');
  await search(page, 'outer product');
  await box(page).press('ArrowDown');
  const first = panel(page).locator('a').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panel(page).locator('a').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box(page)).toBeFocused();
  await expect(panel(page)).toBeHidden();
});

test('no results says so', async ({ page }) => {
  await page.goto('/');
  await box(page).fill('qwxzqwxz');
  await expect(panel(page).getByRole('status')).toHaveText('No results for “qwxzqwxz”.');
});
