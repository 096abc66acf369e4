// index.ts — every chapter's exercises, by the chapter's slug (its file name in content/chapters).
// Build-time pages (a chapter's <Exercises>, the answer key, the contents' progress marks) read this;
// the browser loads one chapter's module at a time (src/exercises/load.ts), never this list.
import type { Exercise } from './define.ts';
import { exercises as sigmoidDerivative } from './chapters/sigmoid-derivative.ts';
import { exercises as chainRule } from './chapters/chain-rule.ts';
import { exercises as outputDelta } from './chapters/output-delta.ts';
import { exercises as hiddenDelta } from './chapters/hidden-delta.ts';
import { exercises as weightUpdate } from './chapters/weight-update.ts';
import { exercises as neuronsInParallel } from './chapters/neurons-in-parallel.ts';
import { exercises as network221 } from './chapters/network-2-2-1.ts';
import { exercises as pitfalls } from './chapters/pitfalls.ts';
import { exercises as trainingXor } from './chapters/training-xor.ts';
import { exercises as miniBatches } from './chapters/mini-batches.ts';
import { exercises as lossAndBatches } from './chapters/loss-and-batches.ts';
import { exercises as generalFormulation } from './chapters/general-formulation.ts';

/** Chapter slug → its exercises, in order. A new chapter adds one line. */
export const exerciseSets: Readonly<Record<string, readonly Exercise[]>> = {
  'sigmoid-derivative': sigmoidDerivative,
  'chain-rule': chainRule,
  'output-delta': outputDelta,
  'hidden-delta': hiddenDelta,
  'weight-update': weightUpdate,
  'neurons-in-parallel': neuronsInParallel,
  'network-2-2-1': network221,
  'pitfalls': pitfalls,
  'training-xor': trainingXor,
  'mini-batches': miniBatches,
  'loss-and-batches': lossAndBatches,
  'general-formulation': generalFormulation,
};

/** A chapter's exercises; an unknown slug fails the build naming the file to edit. */
export function exercisesOf(chapter: string): readonly Exercise[] {
  const set = exerciseSets[chapter];
  if (!set) throw new Error(`no exercises for "${chapter}": add src/exercises/chapters/${chapter}.ts and a line in src/exercises/index.ts`);
  return set;
}
