// a11y.spec.ts — axe on every page of the book (Starlight's sweep), one test per page, theme and width, so
// that each stays short on a busy machine and a failure names its page. Colour contrast is checked too,
// which is why both themes are swept. Rules: WCAG 2.2 levels A and AA (axe's tags for 2.0, 2.1, 2.2).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, missingPage } from './pages';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

for (const path of [...builtPages(), missingPage]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [name, viewport] of Object.entries(widths)) {
      test(`${path} passes axe in the ${colorScheme} theme on a ${name} (${viewport.width} px)`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme, viewport });
        const page = await context.newPage();
        await page.goto(path);
        // Scrollable regions are marked once fonts are in (src/ui/scrollables.ts); check the settled page.
        await page.evaluate(() => document.fonts.ready);
        const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
        const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary).toEqual([]);
        await context.close();
      });
    }
  }
}
