// site.spec.ts — what every reader gets on every page: math typeset, nothing fetched from elsewhere,
// no errors, a theme that follows the system and a toggle that is remembered.
import { test, expect } from '@playwright/test';
import { bookPages, builtChapters, builtPages, builtTextPages, homeLinkedPages, isEmbedPage, missingPage, sweptPages, watch } from './pages';

test.describe('every page', () => {
  test('the build has the home page and chapters, and the contents link to every chapter built', async ({ page }) => {
    expect(builtChapters().length).toBeGreaterThan(1);
    // Embed pages are reached from a widget's Share dialog, not from the contents (embed.spec.ts covers them).
    expect([...(await bookPages(page)), ...(await homeLinkedPages(page))].sort()).toEqual(builtPages().filter((p) => !isEmbedPage(p)));
  });

  for (const path of sweptPages([...builtPages(), missingPage], 'page-load')) {
    test(`${path} loads with no console errors and no request leaving the site`, async ({ page, baseURL }) => {
      const problems = watch(page, baseURL!);
      await page.goto(path, { waitUntil: 'networkidle' });
      // Scroll through the page so that widgets activate and lazy assets load: one step per frame.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
      });
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });
  }

  test('a missing page shows the book’s 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the table of contents' }).click();
    await expect(page.getByRole('heading', { name: 'Contents' })).toBeVisible();
  });
});

test.describe('chapters', () => {
  for (const path of sweptPages(builtTextPages(), 'chapter-text')) {
    test(`${path}: math is typeset by KaTeX at build time, with no raw $ delimiters left`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('.chapter-body .katex').first()).toBeAttached();
      expect(await page.locator('.katex-error').count(), 'KaTeX errors').toBe(0);
      const prose = await page.locator('.chapter-body').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('pre, code, .katex').forEach((n) => n.remove());
        return copy.textContent ?? '';
      });
      expect(prose, 'raw TeX delimiters').not.toMatch(/\$|\\\(|\\\[|\\frac|\\begin/);
    });
  }

  test('the first chapter typesets math with braces: a fraction inline and an aligned display', async ({ page }) => {
    await page.goto('/');
    await page.locator('.contents a').first().click();
    await expect(page.locator('.chapter-body .katex .mfrac').first()).toBeAttached();
    await expect(page.locator('.chapter-body .katex-display .mtable').first()).toBeAttached();
  });

  for (const path of sweptPages(builtTextPages(), 'chapter-text')) {
    test(`${path}: display equations are numbered in order and references link to them`, async ({ page }) => {
      await page.goto(path);
      const numbers = await page.locator('.equation').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['eqNumber']));
      expect(numbers, 'equation numbers').toEqual(numbers.map((_, i) => String(i + 1)));
      // Every reference in one pass in the page: the target exists once and the link shows its number.
      const refs = await page.locator('a.eqref').evaluateAll((as) => as.map((a) => {
        const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
        const targets = document.querySelectorAll(`[id="${CSS.escape(id)}"]`);
        return { href: a.getAttribute('href'), text: a.textContent, count: targets.length, n: targets[0]?.getAttribute('data-eq-number') ?? null };
      }));
      for (const ref of refs) {
        expect(ref.count, `${ref.href}`).toBe(1);
        expect(ref.text, `${ref.href}`).toBe(`(${ref.n})`);
      }
    });
  }

  // One test per page (a walk through every chapter in one test outgrew its time on a busy machine): each
  // page's Previous and Next point at its neighbours in the contents' order, the first has no Previous
  // and the last no Next.
  for (const path of sweptPages(builtTextPages(), 'chapter-text')) {
    test(`${path}: Previous and Next link its neighbours in the contents' order`, async ({ page }) => {
      const order = (await bookPages(page)).slice(1);
      const i = order.indexOf(path);
      expect(i, `${path} is in the contents`).toBeGreaterThanOrEqual(0);
      await page.goto(path);
      const previous = page.getByRole('link', { name: /^Previous/ });
      const next = page.getByRole('link', { name: /^Next/ });
      if (i === 0) await expect(previous).toHaveCount(0);
      else expect(new URL((await previous.getAttribute('href'))!, page.url()).pathname).toBe(order[i - 1]);
      if (i === order.length - 1) await expect(next).toHaveCount(0);
      else expect(new URL((await next.getAttribute('href'))!, page.url()).pathname).toBe(order[i + 1]);
    });
  }

  test('a Next link, clicked, opens the next chapter', async ({ page }) => {
    const [first, second] = (await bookPages(page)).slice(1);
    await page.goto(first!);
    await page.getByRole('link', { name: /^Next/ }).click();
    await expect(page).toHaveURL(new RegExp(`${second}$`), { timeout: 15_000 });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of builtChapters()) {
    test(`${path} and its widgets still show their worked numbers (progressive enhancement)`, async ({ page }) => {
      await page.goto(path);
      const widgets = page.locator('.widget');
      expect(await widgets.count(), 'widgets').toBeGreaterThan(0);
      for (const w of await widgets.all()) {
        expect(await w.locator('[data-v]').count(), 'numbers in a widget').toBeGreaterThan(5);
        await expect(w).not.toContainText(/NaN|Infinity|undefined/);
      }
      // Buttons that need JavaScript are hidden rather than dead.
      await expect(page.locator('.widget-actions').first()).toBeHidden();
      await expect(page.locator('.widget button:visible')).toHaveCount(0);
    });
  }
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
