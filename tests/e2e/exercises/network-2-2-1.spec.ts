// Chapter 8's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/network-2-2-1/',
  slope: { exercise: 'nn-delta1', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'nn-db2', mistake: 'meanForSum', says: 'average over the batch instead of summing' },
});
