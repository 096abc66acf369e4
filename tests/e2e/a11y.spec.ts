// a11y.spec.ts — axe on every page of the book (Starlight's sweep), WCAG 2.2 levels A and AA (axe's tags
// for 2.0, 2.1 and 2.2), at phone and desktop widths. Split so that each test stays short on a busy
// machine and a failure names its page: the rules that do not depend on colour run once per width;
// colour contrast, the slowest rule and the one that depends on the theme, runs per theme, at the
// desktop width only; both on the odd and the even blocks of a chapter's body separately (with the page
// around it in the first half: the 2-2-1 chapter alone took 23 s for all its blocks). Desktop only: the colours are the same at every width (the phone layout changes sizes and
// places, not colours; its larger plot labels only relax the contrast needed).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, missingPage, outDir, sweptPages } from './pages';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const hasBody = (path: string) => path !== missingPage && readFileSync(`${outDir}${path}index.html`, 'utf8').includes('class="chapter-body"');

async function check(page: Page, path: string, axe: (b: AxeBuilder) => AxeBuilder): Promise<void> {
  await page.goto(path);
  // Scrollable regions far from the screen are marked once the keyboard is first used, while the page is
  // idle (src/ui/scrollables.ts): axe checks what a keyboard user gets.
  await page.keyboard.press('Shift');
  await expect(page.locator('html')).toHaveAttribute('data-scrollables', 'ready');
  // Blocks far from the screen are left unlaid-out until the reader gets there (content-visibility in
  // book.css); axe measures every element, so the page is checked as it renders where the reader is.
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.chapter-body > *').forEach((el) => el.style.setProperty('content-visibility', 'visible', 'important')));   // through the CSSOM: the site's CSP refuses an injected <style>
  const { violations } = await axe(new AxeBuilder({ page })).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary).toEqual([]);
}

for (const path of sweptPages([...builtPages(), missingPage], 'a11y')) {
  const halves = hasBody(path)
    ? { 'the page around the chapter text and its odd blocks': (b: AxeBuilder) => b.exclude('.chapter-body > :nth-child(even)'),
        'the even blocks of the chapter text': (b: AxeBuilder) => b.include('.chapter-body > :nth-child(even)') }
    : { 'the whole page': (b: AxeBuilder) => b };
  for (const [name, viewport] of Object.entries(widths)) {
    for (const [part, scope] of Object.entries(halves)) {
      test(`${path} passes axe on a ${name} (${viewport.width} px), all rules but colour contrast: ${part}`, async ({ browser }) => {
        const context = await browser.newContext({ viewport });
        await check(await context.newPage(), path, (b) => scope(b.withTags(tags).disableRules(['color-contrast'])));
        await context.close();
      });
    }
    for (const colorScheme of name === 'desktop' ? (['light', 'dark'] as const) : []) {
      for (const [part, scope] of Object.entries(halves)) {
        test(`${path} has enough colour contrast in the ${colorScheme} theme on a ${name}: ${part}`, async ({ browser }) => {
          const context = await browser.newContext({ colorScheme, viewport });
          await check(await context.newPage(), path, (b) => scope(b.withRules(['color-contrast'])));
          await context.close();
        });
      }
    }
  }
}
