// Chapter 3's exercises through the real UI (helpers.ts), and one diagnosis written out in full.
import { expect, test } from '@playwright/test';
import { answer, chapterExercises, expected, exerciseOf, openExercises, typed } from './helpers';

chapterExercises({
  path: '/output-delta/',
  slope: { exercise: 'od-delta', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'od-delta', mistake: 'factor2', says: 'drop the ½ of the loss (a factor 2 too many)' },
});

test('forgetting σ′(z) in δ is named, in these words, with the output delta’s number', async ({ page }) => {
  await openExercises(page, '/output-delta/');
  const li = exerciseOf(page, 'od-delta');
  const want = await expected(li, 'od-delta');
  await expect(await answer(li, typed(want.mistakes['forgotSlope']!))).toHaveText(
    'Not yet. That is what you get if you forget σ′(z). The chain from the loss to z passes through a = σ(z), so the slope σ′(z) is one of its factors. See equation (3).',
  );
});
