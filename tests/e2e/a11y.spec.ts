// a11y.spec.ts — axe over every page of the book, in both themes, at phone and desktop widths
// (Starlight's sweep). Colour contrast is checked too, which is why both themes are swept.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { bookPages } from './pages';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${colorScheme} theme, on a phone and on a desktop`, async ({ browser }) => {
    test.setTimeout(120_000);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
      const context = await browser.newContext({ colorScheme, viewport });
      const page = await context.newPage();
      const pages = [...(await bookPages(page)), '/no-such-page/'];
      for (const path of pages) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary, `${path} at ${viewport.width}px, ${colorScheme}`).toEqual([]);
      }
      await context.close();
    }
  });
}
