import { Session } from 'node:inspector/promises';
import type { HeapProfiler } from 'node:inspector';
import { expect, test } from 'vitest';
import { createTraining, initNetwork, mulberry32, twoSpirals, xorData, xorNetwork } from '../../../src/engine/index.ts';
import type { TrainingRun } from '../../../src/engine/index.ts';

/** Bytes that V8's sampling heap profiler sees allocated by src/engine code while `work` runs. */
async function engineAllocations(work: () => void): Promise<number> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 128,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let bytes = 0;
  const walk = (node: HeapProfiler.SamplingHeapProfileNode): void => {
    if (node.callFrame.url.includes('/src/engine/')) bytes += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return bytes;
}

/**
 * Warms the JIT up the way a widget does (many short advance calls, then a long one, so both
 * the function and its loop get optimized), then returns the bytes allocated per epoch over
 * chunks of `epochs` epochs: the least of three, because the JIT may recompile a function
 * during one chunk (a one-off burst of a few kB), while anything allocated per epoch shows
 * up in every chunk.
 */
async function bytesPerEpoch(run: TrainingRun, epochs: number): Promise<number> {
  for (let k = 0; k < 300; k++) run.advance(10);
  run.advance(epochs);
  const chunks = [];
  for (let k = 0; k < 5; k++) chunks.push(await engineAllocations(() => run.advance(epochs)));
  return Math.min(...chunks) / epochs;
}

// On a loaded machine (other test files running on the other core) the JIT can finish optimizing
// late, and a chunk then sees the unoptimized code's allocations: hence five chunks and retries.
// A real per-epoch allocation shows up in every chunk of every try.
// Allocating anything per epoch — even one boxed number — costs at least 12 bytes per epoch;
// the summary object returned once per advance() call is about 100 bytes per chunk.
test.each(['full', 1, 3] as const)('the epoch loop allocates nothing (XOR, batch size %s)', { retry: 2 }, async (batchSize) => {
  const run = createTraining(xorNetwork(1), xorData, { alpha: 0.5, loss: 'halfSquaredErrorMean', batchSize, rng: mulberry32(1), maxEpochs: 1_000_000 });
  expect(await bytesPerEpoch(run, 20_000)).toBeLessThan(1);
});

test('the epoch loop allocates nothing (spirals 2-16-16-1, 64 points, full batch)', { retry: 2 }, async () => {
  const rng = mulberry32(42);
  const net = initNetwork([2, 16, 16, 1], ['tanh', 'tanh', 'sigmoid'], rng);
  const run = createTraining(net, twoSpirals(64, rng, 0.02), { alpha: 0.1, loss: 'halfSquaredErrorMean', maxEpochs: 100_000 });
  expect(await bytesPerEpoch(run, 2_000)).toBeLessThan(1);
});
