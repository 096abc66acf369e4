// Chapter 11's exercises through the real UI (helpers.ts). The chapter has no σ′ to forget; its
// "slope" slot is the exercise whose slip the chapter warns about most: the last, smaller batch.
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/mini-batches/',
  slope: { exercise: 'mb-updates', mistake: 'lastBatch', says: 'leave out the last, smaller batch' },
  other: { exercise: 'mb-alpha', mistake: 'inverseConvention', says: 'divide α by the batch size instead of multiplying' },
});
