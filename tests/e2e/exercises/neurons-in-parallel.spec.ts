// Chapter 7's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/neurons-in-parallel/',
  slope: { exercise: 'np-delta11', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'np-dldx', mistake: 'onePath', says: 'follow only one of the two paths' },
});
