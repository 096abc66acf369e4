// Chapter 5's exercises through the real UI (helpers.ts), and the percentage answer that accepts a %.
import { expect, test } from '@playwright/test';
import { answer, chapterExercises, expected, exerciseOf, openExercises, typed } from './helpers';

chapterExercises({
  path: '/weight-update/',
  slope: { exercise: 'wu-w', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'wu-w', mistake: 'uphill', says: 'move with the gradient instead of against it' },
});

test('the percentage exercise accepts a trailing %, and names the fraction given for the percentage', async ({ page }) => {
  await openExercises(page, '/weight-update/');
  const li = exerciseOf(page, 'wu-percent');
  const want = await expected(li, 'wu-percent');
  await expect(await answer(li, `${typed(want.answer as number, 2)}%`)).toContainText('Right.');
  await expect(await answer(li, typed(want.mistakes['fraction']!, 2))).toContainText('give the fraction instead of the percentage');
});
