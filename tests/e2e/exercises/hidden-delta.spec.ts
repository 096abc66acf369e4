// Chapter 4's exercises through the real UI (helpers.ts).
import { chapterExercises } from './helpers';

chapterExercises({
  path: '/hidden-delta/',
  slope: { exercise: 'hd-delta1', mistake: 'forgotSlope', says: 'forget σ′(z)' },
  other: { exercise: 'hd-delta1', mistake: 'wrongLayerSlope', says: 'use the output layer’s slope σ′(z⁽²⁾) for the hidden layer' },
});
