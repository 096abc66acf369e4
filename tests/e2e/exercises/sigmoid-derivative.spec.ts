// Chapter 1's exercises through the real UI (helpers.ts), and the formula exercise: σ′ typed as a formula.
import { expect, test } from '@playwright/test';
import { answer, chapterExercises, exerciseOf, openExercises } from './helpers';

chapterExercises({
  path: '/sigmoid-derivative/',
  slope: { exercise: 'sd-slope', mistake: 'sigmaForSlope', says: 'use σ(z) where σ′(z) belongs' },
  other: { exercise: 'sd-slope', mistake: 'a1aOnZ', says: 'apply a(1 − a) to z' },
});

test('σ′ typed as a formula is checked at several points: right, a named mistake, unreadable', async ({ page }) => {
  await openExercises(page, '/sigmoid-derivative/');
  const li = exerciseOf(page, 'sd-formula');
  await expect(await answer(li, 'sigmoid(x)(1 − sigmoid(x))')).toContainText('Right.');
  await expect(await answer(li, 'x*(1-x)')).toHaveText(
    'Not yet. That is what you get if you apply a(1 − a) to z. a(1 − a) is σ′ written with the output a = σ(z); given z, the slope is σ(z)(1 − σ(z)). See equation (6).',
  );
  await expect(await answer(li, 'exp(-x)/(1+exp(-x))^2')).toContainText('Right.');
  await expect(await answer(li, 'sigmoid(x')).toContainText('That formula cannot be read:');
  await expect(li.locator('input.exercise-input')).toHaveAttribute('aria-invalid', '');
});
