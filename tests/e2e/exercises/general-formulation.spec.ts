// Chapter 9's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/general-formulation/',
  slope: { exercise: 'gf-delta1', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'gf-delta1', mistake: 'transpose', says: 'use the wrong weight matrix (a missing transpose)' },
});
