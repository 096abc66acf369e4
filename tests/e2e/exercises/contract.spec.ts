// contract.spec.ts (exercises) — what every exercise on every page promises, found in the built site
// (every <bp-exercises>, no list to keep): the questions and worked solutions without JavaScript, with no
// control that cannot work; hostile input into every answer field answered with a message, never NaN;
// a check by keyboard alone; the "Your exercises" box; progress kept across a reload, shown in the
// contents and reset there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, outDir, sweptPages } from '../pages';
import { answer, openExercises } from './helpers';

// Not the whole-book page (/print/): its exercises are static copies, each is checked on its chapter.
const pages = sweptPages(builtPages(), 'contract').filter((p) => readFileSync(join(outDir, p, 'index.html'), 'utf8').includes('<bp-exercises'));

test('the exercises are on every chapter that has them', () => {
  expect(pages.length).toBeGreaterThanOrEqual(7);
});

const HOSTILE = ['', '   ', 'abc', 'NaN', 'Infinity', '1e309', '12%', '−', '1.2.3', '<img src=x onerror=alert(1)>', '1'.repeat(100)];
const HOSTILE_FORMULAS = ['', 'x +', 'eval(x)', 'log(x)', '('.repeat(30), 'x'.repeat(300)];

for (const path of pages) {
  test.describe(`the exercises on ${path}`, () => {
    test('without JavaScript: questions and solutions with their numbers, no control that cannot work', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(path);
      const ex = page.locator('bp-exercises');
      expect(await ex.locator('li.exercise').count()).toBeGreaterThanOrEqual(3);
      await expect(ex).not.toContainText(/NaN|Infinity|undefined/);
      await expect(ex.locator('button:visible, input:visible')).toHaveCount(0);
      await expect(ex.locator('.exercise-nojs')).toBeVisible();
      expect(await ex.locator('details.exercise-solution').count()).toBe(await ex.locator('li.exercise').count());
      await context.close();
    });

    test('hostile input into every answer field gets a message, never NaN; Check works from the keyboard', async ({ page }) => {
      await openExercises(page, path);
      for (const li of await page.locator('li.exercise').all()) {
        const field = li.locator('input.exercise-input');
        const feedback = li.locator('[data-feedback]');
        if (await field.count()) {
          const formula = (await field.getAttribute('inputmode')) !== 'decimal';
          for (const text of formula ? HOSTILE_FORMULAS : HOSTILE) {
            await field.fill(text);
            await field.press('Enter'); // the keyboard: Enter in the field checks
            await expect(feedback, `“${text}”`).not.toBeEmpty();
            // The message may quote what was typed (“NaN” is not a number); nothing else may say NaN.
            expect((await feedback.textContent())!.replace(/“[^”]*”/g, ''), `“${text}”`).not.toMatch(/NaN|undefined|Infinity/);
            if (text === '12%' && (await li.locator('.exercise-tolerance').textContent())?.includes('%')) continue;
            await expect(field, `“${text}” is marked invalid`).toHaveAttribute('aria-invalid', '');
          }
          await expect(page.locator('img[src="x"]')).toHaveCount(0);
        } else {
          const fb = await answer(li, '');
          await expect(fb).toHaveText('Choose one of the answers first.');
          await li.locator('input[type="radio"]').first().focus();
          await page.keyboard.press('Space');
          await page.keyboard.press('Tab');
          await expect(li.getByRole('button', { name: 'Check' })).toBeFocused();
          await page.keyboard.press('Enter');
          await expect(fb).toHaveText(/^(Right\.|Not yet)/);
        }
      }
    });
  });
}

test('“Your exercises”: a name becomes a seed (the same however it is typed); nothing typed gets a message', async ({ page }) => {
  const path = pages[0]!;
  await openExercises(page, path);
  const box = page.locator('[data-seed-form]');
  await box.getByRole('button', { name: 'Use my numbers' }).click();
  await expect(page.locator('[data-seed-status]')).toHaveText('Type your name or student number first: the same text always gives the same numbers.');
  await box.getByLabel('Your exercises: your name or student number').fill(' ada  LOVELACE');
  await box.getByRole('button', { name: 'Use my numbers' }).click();
  // FNV-1a of "ada lovelace", 32 bits.
  await expect(page.locator('[data-seed-status]')).toHaveText('These are now the exercises of seed 2551461758.');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('2551461758');
  // Remembered: the next chapter opens with the same seed, without it in the URL.
  await openExercises(page, pages[1]!);
  await expect(page.locator('[data-seed-shown]').first()).toHaveText('2551461758');
});

test('progress survives a reload, shows in the contents, and can be reset', async ({ page }) => {
  const path = '/sigmoid-derivative/';
  await openExercises(page, path);
  const li = page.locator('li#ex-sd-formula');
  await expect(await answer(li, 'sigmoid(x)*(1 - sigmoid(x))')).toContainText('Right.');
  await page.reload();
  await expect(page.locator('bp-exercises[data-ready]')).toBeAttached();
  await expect(page.locator('li#ex-sd-formula [data-solved]')).toBeVisible();
  await expect(page.locator('li#ex-sd-slope [data-solved]')).toBeHidden();
  await page.goto('/');
  const mark = page.locator('[data-progress="sigmoid-derivative"]');
  await expect(mark).toHaveText('Exercises: 1 of 4 solved');
  await expect(page.locator('[data-progress="chain-rule"]')).toHaveText('3 exercises');
  await page.getByRole('button', { name: 'Forget my progress' }).click();
  await expect(mark).toHaveText('4 exercises');
  await page.reload();
  await expect(mark).toHaveText('4 exercises');
  await expect(page.getByRole('button', { name: 'Forget my progress' })).toBeHidden();
});
