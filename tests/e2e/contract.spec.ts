// contract.spec.ts — what every widget on every page promises, tested once for all of them (the widget
// kit's contract). Widgets are discovered in the built site: a new widget is covered without being
// listed anywhere. Chapter specs check only their chapter's numbers and particular behaviour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { builtPages, outDir, sweptPages } from './pages';
import { builtWidgets, expectNoBadNumbers, openWidget, readMarks } from './widgets';
import { builtCells, openCell, run as runCell } from './cells';

const widgets = builtWidgets();

test('every widget of the built book is a <bp-widget> the contract checks', () => {
  const all = sweptPages(builtPages(), 'contract').flatMap((path) => [...readFileSync(join(outDir, path, 'index.html'), 'utf8').matchAll(/<[a-z-]+ [^>]*class="widget"/g)].map((m) => `${path}: ${m[0]}`));
  expect(all.filter((tag) => !tag.includes('<bp-widget '))).toEqual([]);
  expect(widgets.length).toBe(all.length);
  expect(widgets.length).toBeGreaterThanOrEqual(5);
});

/** The text fields of a widget: number and seed fields, and every cell of a matrix. */
function fields(w: Locator): Locator {
  return w.locator('.param input[data-field], .param input[data-cell]');
}

/** A valid value for a number field that differs from its current one (inside its range). */
async function anotherValue(field: Locator): Promise<string> {
  return field.evaluate((input: HTMLInputElement) => {
    const box = input.closest<HTMLElement>('.param')!;
    const min = Number(box.dataset['min'] ?? '-1'), max = Number(box.dataset['max'] ?? '1');
    const now = Number(input.value);
    const integer = box.dataset['integer'] !== undefined || box.dataset['kind'] === 'seed';
    let v = now + (max - now) / 2;
    if (!(v > min && v < max) || v === now) v = (min + max) / 2;
    if (box.dataset['kind'] === 'seed') v = now + 1;
    return String(integer ? Math.round(v) : Math.round(v * 100) / 100);
  });
}

/** Waits until the marks differ from `before` (the frame after an input has been painted). */
async function changedFrom(w: Locator, before: Awaited<ReturnType<typeof readMarks>>): Promise<void> {
  await expect.poll(async () => JSON.stringify(await readMarks(w)) !== JSON.stringify(before)).toBe(true);
}

const idKeys = (page: Page, id: string) => [...new URL(page.url()).searchParams.keys()].filter((k) => k.startsWith(`${id}.`));

for (const found of widgets) {
  test.describe(`the widget “${found.title}” (${found.id} on ${found.path})`, () => {
    test('shows its worked numbers without JavaScript, and the script’s first frame is the same', async ({ browser, page }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await context.newPage();
      await noJs.goto(found.path);
      const still = noJs.locator(`bp-widget#${found.id}`);
      const html = await readMarks(still);
      expect(html.length, 'marked numbers in the HTML').toBeGreaterThan(5);
      await expect(still).not.toContainText(/NaN|Infinity|undefined/);
      await expect(still.locator('button:visible')).toHaveCount(0);
      await context.close();

      const w = await openWidget(page, found);
      // Typing the default into the first field makes the script compute the first frame itself.
      const first = fields(w).first();
      await first.fill(await first.inputValue());
      await expect.poll(() => readMarks(w)).toEqual(html);
    });

    test('refuses bad input in every field with a message and keeps the last valid numbers', async ({ page }) => {
      const w = await openWidget(page, found);
      const before = await readMarks(w);
      expect(await fields(w).count()).toBeGreaterThan(0);
      // Typed as the browser types (value, then an input event), in the page, field by field: the message
      // is written by the input handler itself, and a refused value schedules no frame.
      const problems = await w.evaluate(async (root, bads) => {
        const marks = () => JSON.stringify([...root.querySelectorAll('[data-v]')].map((m) => m.textContent));
        const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const out: string[] = [];
        for (const [i, field] of [...root.querySelectorAll<HTMLInputElement>('.param input[data-field], .param input[data-cell]')].entries()) {
          const box = field.closest<HTMLElement>('.param')!;
          const message = box.querySelector<HTMLElement>('[data-msg]')!;
          const max = Number(box.dataset['max']);
          const tooBig = box.dataset['kind'] === 'seed' ? '4294967296' : String(max + Math.max(Math.abs(max) * 1e-4, 1e-4));
          const type = (text: string) => { field.value = text; field.dispatchEvent(new Event('input', { bubbles: true })); };
          const start = marks();
          for (const bad of [...bads, tooBig]) {
            type(bad);
            const said = message.hidden ? '' : message.textContent ?? '';
            if (said.length < 10) out.push(`field ${i + 1}: no message for “${bad}”`);
            if (!field.hasAttribute('aria-invalid')) out.push(`field ${i + 1}: “${bad}” not marked invalid`);
            if (marks() !== start) out.push(`field ${i + 1}: numbers changed after “${bad}”`);
            if (bad === tooBig && !said.includes(tooBig.replace('-', '−'))) out.push(`field ${i + 1}: the message does not quote ${tooBig} as typed: “${said}”`);
          }
          // Odd but valid: -0 is zero (never printed "−0"); a decimal comma is a decimal point.
          const original = field.defaultValue;
          const zeroAllowed = box.dataset['kind'] === 'seed' || (Number(box.dataset['min']) <= 0 && 0 <= max);
          type('-0');
          if (zeroAllowed && !message.hidden) out.push(`field ${i + 1}: “-0” refused: ${message.textContent}`);
          type(original.replace('.', ','));
          if (!message.hidden) out.push(`field ${i + 1}: “${original.replace('.', ',')}” refused: ${message.textContent}`);
          await frames();   // the valid values above are painted before the next field starts
        }
        return out;
      }, ['', '   ', 'abc', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1,2,3', '<b>x</b>']);
      expect(problems).toEqual([]);
      await expect.poll(() => readMarks(w)).toEqual(before);
      await expectNoBadNumbers(page);
    });

    test('keeps its values in the URL, written after the frame, and a link restores them', async ({ page, context }) => {
      const w = await openWidget(page, found);
      const first = fields(w).first();
      const before = await readMarks(w);
      await first.fill(await anotherValue(first));
      await changedFrom(w, before);
      await expect.poll(() => idKeys(page, found.id).length).toBeGreaterThan(0);
      const shown = await readMarks(w);
      const again = await context.newPage();
      const restored = await openWidget(again, found, new URL(page.url()).search);
      await expect.poll(() => readMarks(restored)).toEqual(shown);
    });

    test('a hostile link gives the defaults and a notice, and nothing in it runs or is injected', async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(found.path);
      const defaults = await readMarks(page.locator(`bp-widget#${found.id}`));
      const keys = await page.locator(`bp-widget#${found.id} .param[data-param]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['param']!));
      const hostile = ['<script>alert(1)</script>', 'javascript:alert(1)', '\\href{javascript:alert(1)}{x}', '<img src=x onerror=alert(1)>', 'A'.repeat(400)];
      const query = keys.map((k, i) => `${found.id}.${k}=${encodeURIComponent(hostile[i % hostile.length]!)}`)
        .concat([`${found.id}.__proto__=1`, `${found.id}.constructor=1`, '__proto__[polluted]=1'])
        .join('&');
      const w = await openWidget(page, found, `?${query}`);
      const notice = w.locator('[data-notice]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('The link gives');
      await expect(notice).toContainText('which this widget does not have');
      await expect(notice).not.toContainText('A'.repeat(100));
      expect(await readMarks(w)).toEqual(defaults);
      expect(await page.locator('[onerror], script:has-text("alert(1)")').count()).toBe(0);
      expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
      expect(dialogs).toEqual([]);
      await expectNoBadNumbers(page);
    });

    test('Reset brings back the book’s numbers and clears its keys from the URL', async ({ page }) => {
      await page.goto(found.path);
      const defaults = await readMarks(page.locator(`bp-widget#${found.id}`));
      const w = await openWidget(page, found);
      const first = fields(w).first();
      await first.fill(await anotherValue(first));
      await changedFrom(w, defaults);
      await w.getByRole('button', { name: 'Reset', exact: true }).click();
      await expect.poll(() => readMarks(w)).toEqual(defaults);
      await expect.poll(() => idKeys(page, found.id)).toEqual([]);
      await expect(first).not.toHaveAttribute('aria-invalid');
    });

    test('Copy link copies a link that opens the widget as configured', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const w = await openWidget(page, found);
      const first = fields(w).first();
      const before = await readMarks(w);
      await first.fill(await anotherValue(first));
      await changedFrom(w, before);
      const shown = await readMarks(w);
      await w.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect(w.locator('[data-link-status]')).toHaveText('Link copied. It opens this page with these numbers.');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain(`#${found.id}`);
      const other = await context.newPage();
      await other.goto(link);
      const restored = other.locator(`bp-widget#${found.id}`);
      await expect.poll(() => readMarks(restored)).toEqual(shown);
    });

    test('works with the keyboard alone: Tab reaches every control, arrows move sliders, focus is never lost', async ({ page }) => {
      const w = await openWidget(page, found);
      // Tab stops at every control once, except radio buttons: once per group (arrows move inside it).
      const expected = await w.locator('input:visible, button:visible, select:visible').evaluateAll((els) => els
        .map((e, i) => { e.setAttribute('data-tab-probe', String(i)); return e; })
        .filter((e) => !(e as HTMLButtonElement).disabled && !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked))
        .map((e) => Number(e.getAttribute('data-tab-probe'))));
      await w.locator('[data-tab-probe="0"]').focus();
      const reached: number[] = [];
      for (let i = 0; i < expected.length + 3; i++) {
        const at = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-probe') ?? null);
        if (at === null) break;
        reached.push(Number(at));
        await page.keyboard.press('Tab');
      }
      expect(reached, 'controls reached by Tab, in order').toEqual(expected);

      const slider = w.locator('input[type="range"]').first();
      if (await slider.count()) {
        const before = await slider.inputValue();
        await slider.focus();
        await page.keyboard.press(Number(before) >= Number(await slider.getAttribute('max')) ? 'ArrowLeft' : 'ArrowRight');
        await expect(slider).not.toHaveValue(before);
      }
      // Every action button, pressed with Enter until it disables itself: focus stays in the widget.
      const actions = w.locator('button[data-action]:not([data-action="copy-link"]):not([data-action="reset"]):not([data-action="mine"]):not([data-action="play"]):visible');
      for (let i = 0; i < await actions.count(); i++) {
        const button = actions.nth(i);
        for (let k = 0; k < 20 && await button.isEnabled(); k++) {
          await button.focus();
          await page.keyboard.press('Enter');
        }
        await expect.poll(() => page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement) ?? false, found.id)).toBe(true);
      }
      await w.getByRole('button', { name: 'Reset', exact: true }).focus();
      await page.keyboard.press(' ');
      await expect.poll(() => page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement) ?? false, found.id)).toBe(true);
    });

    test('Play runs and Pause stops it; an input stops it too (widgets that play)', async ({ page }) => {
      const w = await openWidget(page, found);
      const play = w.locator('button[data-action="play"]');
      test.skip(await play.count() === 0, 'this widget does not play');
      const before = await readMarks(w);
      await play.click();
      await expect(play).toHaveAttribute('aria-pressed', 'true');
      await changedFrom(w, before);
      await play.click();
      await expect(play).toHaveAttribute('aria-pressed', 'false');
      const paused = await readMarks(w);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await readMarks(w)).toEqual(paused);
      await play.click();
      await expect(play).toHaveAttribute('aria-pressed', 'true');
      const first = fields(w).first();
      await first.fill(await anotherValue(first));
      await expect(play).toHaveAttribute('aria-pressed', 'false');
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no WCAG 2.2 A/AA violations in the ${colorScheme} theme, with a message showing`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        const w = await openWidget(page, found);
        await fields(w).first().fill('abc');
        await expect(w.locator('[data-msg]:visible').first()).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).include(`#${found.id}`)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        await context.close();
      });
    }
  });
}


// Notebook cells (<bp-cell>, components/cell/Cell.astro) are discovered the same way: every cell of the
// build keeps the component's promises for hostile links and accessibility (its own behaviour: cells.spec.ts).
for (const cell of builtCells()) {
  test.describe(`the cell “${cell.title}” (${cell.id} on ${cell.path})`, () => {
    test('a hostile link shows its code as text, runs nothing, injects nothing', async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      const hostile = '</textarea><img src=x onerror=alert(1)><script>alert(2)</script>\nalert(3)';
      const c = await openCell(page, cell, `?${cell.id}.code=${encodeURIComponent(hostile)}&${cell.id}.__proto__=1&__proto__[polluted]=1`);
      await expect(c.getByRole('textbox', { name: /^Code/ })).toHaveValue(hostile);
      await expect(c.locator('[data-cell-note]')).toContainText('came from a link');
      expect(await page.locator('[onerror], script:has-text("alert(2)")').count()).toBe(0);
      expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
      await page.waitForTimeout(300);
      expect(workers, 'nothing runs before Run').toEqual([]);
      // Too long a link is refused with a notice, and the book's code stays.
      const other = await page.context().newPage();
      const long = await openCell(other, cell, `?${cell.id}.code=${'A'.repeat(4_001)}`);
      await expect(long.locator('[data-cell-note]')).toContainText('more than a cell takes');
      await expect(long.getByRole('textbox', { name: /^Code/ })).not.toHaveValue(/^A+$/);
      expect(dialogs).toEqual([]);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no WCAG 2.2 A/AA violations in the ${colorScheme} theme, before and after a run that fails`, async ({ browser }) => {
        test.slow();   // axe runs twice, on some of the book's longest pages
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        const c = await openCell(page, cell);
        const axe = async () => (await new AxeBuilder({ page }).include(`#${cell.id}`)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(await axe()).toEqual([]);
        await c.getByRole('textbox', { name: /^Code/ }).fill('print(1)\nnull.x');
        await runCell(c);
        await expect(c.locator('[data-cell-output] [data-error]')).toBeVisible();
        expect(await axe()).toEqual([]);
        await context.close();
      });
    }
  });
}
