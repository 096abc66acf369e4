// site.spec.ts — what every reader gets on every page: math typeset, nothing fetched from elsewhere,
// no errors, a theme that follows the system and a toggle that is remembered.
import { test, expect } from '@playwright/test';
import { bookPages, watch } from './pages';

test.describe('every page', () => {
  test('loads with no console errors and no request leaving the site', async ({ page, baseURL }) => {
    const pages = [...(await bookPages(page)), '/no-such-page/'];
    expect(pages.length).toBeGreaterThan(1);
    for (const path of pages) {
      const problems = watch(page, baseURL!);
      await page.goto(path, { waitUntil: 'networkidle' });
      // Scroll through the page so that widgets activate and lazy assets load.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 30)); }
      });
      await page.waitForLoadState('networkidle');
      expect(problems, `problems on ${path}`).toEqual([]);
      page.removeAllListeners();
    }
  });

  test('a missing page shows the book’s 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the table of contents' }).click();
    await expect(page.getByRole('heading', { name: 'Contents' })).toBeVisible();
  });
});

test.describe('chapters', () => {
  test('math is typeset by KaTeX at build time, with no raw $ delimiters left', async ({ page }) => {
    const chapters = (await bookPages(page)).slice(1);
    for (const path of chapters) {
      await page.goto(path);
      await expect(page.locator('.chapter-body .katex').first()).toBeAttached();
      expect(await page.locator('.katex-error').count(), `KaTeX errors on ${path}`).toBe(0);
      const prose = await page.locator('.chapter-body').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('pre, code, .katex').forEach((n) => n.remove());
        return copy.textContent ?? '';
      });
      expect(prose, `raw TeX delimiters on ${path}`).not.toMatch(/\$|\\\(|\\\[|\\frac|\\begin/);
    }
  });

  test('the first chapter typesets math with braces: a fraction inline and an aligned display', async ({ page }) => {
    await page.goto('/');
    await page.locator('.contents a').first().click();
    await expect(page.locator('.chapter-body .katex .mfrac').first()).toBeAttached();
    await expect(page.locator('.chapter-body .katex-display .mtable').first()).toBeAttached();
  });

  test('display equations are numbered in order and references link to them', async ({ page }) => {
    const chapters = (await bookPages(page)).slice(1);
    for (const path of chapters) {
      await page.goto(path);
      const numbers = await page.locator('.equation').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['eqNumber']));
      expect(numbers, `equation numbers on ${path}`).toEqual(numbers.map((_, i) => String(i + 1)));
      for (const ref of await page.locator('a.eqref').all()) {
        const target = (await ref.getAttribute('href'))!;
        await expect(page.locator(target), `${target} on ${path}`).toHaveCount(1);
        const n = await page.locator(target).getAttribute('data-eq-number');
        await expect(ref).toHaveText(`(${n})`);
      }
    }
  });

  test('previous and next links walk the book in order', async ({ page }) => {
    const chapters = (await bookPages(page)).slice(1);
    await page.goto(chapters[0]!);
    for (const next of chapters.slice(1)) {
      await page.getByRole('link', { name: /^Next/ }).click();
      await expect(page).toHaveURL(new RegExp(`${next}$`));
    }
    await expect(page.getByRole('link', { name: /^Next/ })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test('every chapter and its widgets still show their worked numbers (progressive enhancement)', async ({ browser, page }) => {
    const chapters = (await bookPages(page)).slice(1);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    for (const path of chapters) {
      await noJs.goto(path);
      const widgets = noJs.locator('.widget');
      expect(await widgets.count(), `widgets on ${path}`).toBeGreaterThan(0);
      for (const w of await widgets.all()) {
        expect(await w.locator('[data-v]').count(), `numbers in a widget on ${path}`).toBeGreaterThan(5);
        await expect(w).not.toContainText(/NaN|Infinity|undefined/);
      }
      // Buttons that need JavaScript are hidden rather than dead.
      await expect(noJs.locator('.widget-actions').first()).toBeHidden();
      await expect(noJs.locator('.widget button:visible')).toHaveCount(0);
    }
    await context.close();
  });
});

test.describe('theme', () => {
  test('follows the system when nothing is remembered', async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await context.close();
    }
  });

  test('the toggle switches the theme and the choice is remembered across pages and reloads', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(lightBg);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.locator('.contents a').first().click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Dark theme' }).press('Enter');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await context.close();
  });
});
