// helpers.ts — driving a chapter's exercises through the real UI, and the tests every chapter's
// exercises get (chapterExercises): numbers against tests/fixtures/oracle-exercises.ts at the book's seed
// and at a student's seed, a right answer accepted, the σ′-forgotten answer (or the chapter's σ′ slip)
// and one other mistake named, a random wrong answer answered with "not yet" and a hint, the answer key
// matching a student's seed, and progress kept across a reload and shown in the contents.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt, parseNumber } from '../../../src/format/number';
import { exerciseOracle, type Expected } from '../../fixtures/oracle-exercises';
import { expectNumbers } from '../numbers';

/** One exercise of the page. */
export const exerciseOf = (page: Page, id: string): Locator => page.locator(`li#ex-${id}`);

/** Opens a page and waits until its exercises are live. */
export async function openExercises(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('bp-exercises[data-ready]')).toBeAttached();
}

/** The values an exercise's question shows (its marked numbers), as numbers. */
export async function inputsOf(li: Locator): Promise<Record<string, number>> {
  const marks = await li.locator('[data-part="question"] [data-v]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-v')!, e.textContent ?? ''] as const));
  const out: Record<string, number> = {};
  for (const [name, text] of marks) {
    const p = parseNumber(text.replace(/[()]/g, ''));
    if (!p.ok) throw new Error(`mark ${name} shows “${text}”`);
    out[name] = p.value;
  }
  return out;
}

/** What the oracle expects for the exercise as the page shows it. */
export async function expected(li: Locator, id: string): Promise<Expected> {
  return exerciseOracle[id]!(await inputsOf(li));
}

/** Types an answer (or picks the option with that id; '' picks none) and presses Check; returns the feedback. */
export async function answer(li: Locator, text: string): Promise<Locator> {
  if (await li.locator('input[type="radio"]').count()) {
    if (text !== '') await li.locator(`input[type="radio"][value="${text}"]`).check();
  } else await li.locator('input.exercise-input').fill(text);
  await li.getByRole('button', { name: 'Check' }).click();
  return li.locator('[data-feedback]');
}

/** A number as a student types it: 3 significant figures, with the book's minus. */
export const typed = (v: number, sig = 3): string => fmt(v, { digits: sig });

export interface ChapterExercises {
  path: string;
  /** A number exercise, and its mistake where σ′ is forgotten (or σ′'s own slip in chapter 1). */
  slope: { exercise: string; mistake: string; says: string };
  /** Another mistake of the chapter. */
  other: { exercise: string; mistake: string; says: string };
}

/** The tests every chapter's exercises get. */
export function chapterExercises(c: ChapterExercises): void {
  test.describe(`the exercises of ${c.path}`, () => {
    test('every number equals the closed forms, and a right answer is accepted and marked solved', async ({ page }) => {
      await openExercises(page, c.path);
      for (const li of await page.locator('li.exercise').all()) {
        const id = (await li.getAttribute('data-exercise'))!;
        const want = await expected(li, id);
        if (Object.keys(want.numbers).length) await expectNumbers(li, want.numbers);
      }
      const li = exerciseOf(page, c.slope.exercise);
      const want = await expected(li, c.slope.exercise);
      const fb = await answer(li, typed(want.answer as number));
      await expect(fb).toContainText('Right.');
      await expect(li.locator('[data-solved]')).toBeVisible();
      await expect(li.locator('[data-solved]')).toHaveText('· solved ✓');
    });

    test('a wrong answer is diagnosed: the mistake named, with a link to the equation that avoids it', async ({ page }) => {
      await openExercises(page, c.path);
      for (const m of [c.slope, c.other]) {
        const li = exerciseOf(page, m.exercise);
        const want = await expected(li, m.exercise);
        const fb = await answer(li, typed(want.mistakes[m.mistake]!));
        await expect(fb).toContainText(`Not yet. That is what you get if you ${m.says}.`);
        const link = fb.getByRole('link');
        const eq = decodeURIComponent(new URL((await link.getAttribute('href'))!, 'http://x').hash.slice(1));
        await expect(page.locator(`[id="${eq}"]`)).toHaveCount(1);
        await expect(link).toHaveText(`equation (${await page.locator(`[id="${eq}"]`).getAttribute('data-eq-number')})`);
      }
    });

    test('a random wrong answer gets a generic “not yet” and the first hint', async ({ page }) => {
      await openExercises(page, c.path);
      const li = exerciseOf(page, c.slope.exercise);
      const want = await expected(li, c.slope.exercise);
      const fb = await answer(li, typed((want.answer as number) * 1.37 + 0.0123));
      await expect(fb).toContainText('Not yet: that is not');
      await expect(fb).toContainText('Hint:');
      await expect(li.locator('[data-hint-index="0"]')).toBeVisible();
      await expect(li.locator('[data-hint-index="1"]')).toBeHidden();
      await li.getByRole('button', { name: /Show a hint/ }).click();
      await expect(li.locator('[data-hint-index="1"]')).toBeVisible();
      // The worked solution, for these values, ends on the right answer.
      await li.locator('summary').click();
      await expect(li.locator('[data-part="solution"]')).toBeVisible();
    });

    test('a seed in the URL changes the values, and the answer key shows the matching answers', async ({ page }) => {
      await openExercises(page, c.path);
      const li = exerciseOf(page, c.slope.exercise);
      const book = await inputsOf(li);
      await openExercises(page, `${c.path}?seed=20261202`);
      await expect(page.locator('[data-seed-shown]').first()).toHaveText('20261202');
      await expect.poll(async () => JSON.stringify(await inputsOf(li))).not.toBe(JSON.stringify(book));
      const want = await expected(li, c.slope.exercise);
      await expectNumbers(li, want.numbers);
      const fb = await answer(li, typed(want.answer as number));
      await expect(fb).toContainText('Right.');
      // The key of the same seed: the same question values and the answer.
      const slug = c.path.replace(/\//g, '');
      await page.goto(`/answers/?seed=20261202#${slug}`);
      const row = page.locator(`#${slug} tr[data-key-exercise="${c.slope.exercise}"]`);
      await expect(row.locator('[data-v="answer"]')).toHaveText(fmt(want.answer as number));
      await expectNumbers(row.locator('.key-question'), want.numbers);
    });
  });
}
