// Chapter 2's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/chain-rule/',
  slope: { exercise: 'cr-dldw', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'cr-dldw', mistake: 'forgotX', says: 'forget the input x' },
});
