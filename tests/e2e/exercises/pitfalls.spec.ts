// The pitfalls chapter's exercises through the real UI (helpers.ts), and its formula exercise: tanh′ typed.
import { expect, test } from '@playwright/test';
import { answer, chapterExercises, exerciseOf, openExercises } from './helpers';

chapterExercises({
  path: '/pitfalls/',
  slope: { exercise: 'pf-central', mistake: 'oneSided', says: 'take the one-sided difference (f(x + h) − f(x))/h' },
  other: { exercise: 'pf-source', mistake: 'absoluteError', says: 'take the absolute difference |g − ĝ| as the error' },
});

test('tanh′ typed as a formula is checked at several points: right, a named mistake, unreadable', async ({ page }) => {
  await openExercises(page, '/pitfalls/');
  const li = exerciseOf(page, 'pf-tanh');
  await expect(await answer(li, '1 - tanh(x)^2')).toContainText('Right.');
  await expect(await answer(li, '4/(exp(x) + exp(-x))^2')).toContainText('Right.');
  await expect(await answer(li, '1 - x^2')).toContainText('Not yet. That is what you get if you apply 1 − a² to x.');
  await expect(await answer(li, 'tanh(x)*(1 - tanh(x))')).toContainText('use the sigmoid’s slope a(1 − a) for tanh');
  await expect(await answer(li, 'tanh(x')).toContainText('That formula cannot be read:');
});
