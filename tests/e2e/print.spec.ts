// print.spec.ts — what a printed page looks like, whatever the screen theme: the light palette, no
// controls, external links followed by their address, code wrapped instead of cut.
import { expect, test } from '@playwright/test';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`printing in the ${colorScheme} theme uses the light palette and hides the controls`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/weight-update/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const visible = (sel: string) => [...document.querySelectorAll(sel)].filter((e) => getComputedStyle(e).display !== 'none').length;
      const code = document.querySelector('pre.astro-code');
      return {
        bg: getComputedStyle(document.documentElement).backgroundColor,
        fg: css.getPropertyValue('--fg').trim(),
        plot: css.getPropertyValue('--plot-1').trim(),
        codeColor: code ? getComputedStyle(code.querySelector('span')!).color : '',
        buttons: visible('button'),
        sliders: visible('input[type="range"]'),
        linkSuffix: getComputedStyle(document.querySelector('a[href^="https://"]')!, '::after').content,
        codeWraps: code ? getComputedStyle(code).whiteSpace : '',
      };
    });
    expect(look.bg).toBe('rgb(255, 255, 255)');
    expect(look.fg).toBe('#1f1e1c');
    expect(look.plot).toBe('#1d4f9c');
    expect(look.buttons).toBe(0);
    expect(look.sliders).toBe(0);
    expect(look.linkSuffix).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https:\/\//);
    expect(look.codeWraps).toBe('pre-wrap');
    // Shiki's light colours, not its dark ones (#e6edf3 and the like are unreadable on paper).
    expect(look.codeColor).not.toMatch(/rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)/);
    await context.close();
  });
}
