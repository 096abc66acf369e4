// Chapter 10's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/training-xor/',
  slope: { exercise: 'tx-b2', mistake: 'slopeOfA', says: 'give σ′ the output a instead of z' },
  other: { exercise: 'tx-b2', mistake: 'meanForSum', says: 'average over the batch instead of summing' },
});
