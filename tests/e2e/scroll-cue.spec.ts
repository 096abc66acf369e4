// scroll-cue.spec.ts — on a phone, whatever is too wide scrolls sideways and shows it: a fading edge
// where more content waits (data-scroll, set by src/ui/scrollables.ts; the look is in book.css).
import { expect, test } from '@playwright/test';
import { builtTextPages, sweptPages } from './pages';

test.use({ viewport: { width: 390, height: 844 } });

for (const path of sweptPages(builtTextPages(), 'scroll-cue')) {
  test(`${path}: at 390 px every region that overflows is marked with where it stands, and only those`, async ({ page }) => {
    await page.goto(path);
    // Near the screen at once, the rest once a key is pressed, while the page is idle (src/ui/scrollables.ts).
    await page.keyboard.press('Shift');
    await expect(page.locator('html')).toHaveAttribute('data-scrollables', 'ready');
    const selector = '.katex-display:not(.live-eq .katex-display), .live-eq-display, .table-wrap, pre.astro-code';
    await expect.poll(() => page.locator(selector).evaluateAll((els) => els.filter((el) => {
      const overflows = el.scrollWidth > el.clientWidth + 1;
      const marked = (el as HTMLElement).dataset['scroll'] !== undefined;
      return overflows !== marked;
    }).length)).toBe(0);
    const first = page.locator('[data-scroll]').first();
    if (await first.count() === 0) return;
    await expect(first).toHaveAttribute('data-scroll', 'start');
    expect(await first.evaluate((el) => getComputedStyle(el).maskImage)).toContain('linear-gradient');
    await first.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await expect(first).toHaveAttribute('data-scroll', 'end');
    await first.evaluate((el) => { el.scrollLeft = 8; });
    await expect(first).toHaveAttribute('data-scroll', 'middle');
  });
}

test('a reader who only scrolls pays for no measuring far from the screen; the first key starts it', async ({ page }) => {
  const [path] = builtTextPages().filter((p) => p.includes('network-2-2-1')).concat(builtTextPages());
  await page.goto(path!);
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.wheel(0, 400);
  await expect(page.locator('html')).not.toHaveAttribute('data-scrollables', 'ready');
  await page.keyboard.press('Tab');
  await expect(page.locator('html')).toHaveAttribute('data-scrollables', 'ready');
});
