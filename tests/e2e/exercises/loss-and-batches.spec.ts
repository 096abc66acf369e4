// Chapter 6's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/loss-and-batches/',
  slope: { exercise: 'lb-dldw', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'lb-dldw', mistake: 'meanForSum', says: 'average over the batch instead of summing' },
});
