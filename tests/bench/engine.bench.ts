// Benchmark of the generic training path (createTraining → runEpoch), not a test: node tests/bench/engine.bench.ts
//
// Times only run.advance(epochs) — the epoch loop — after building the network, dataset and
// workspace, and prints the median of REPEATS runs. Before timing, each job runs untimed for at
// least WARMUP_MS (and WARMUP_RUNS runs): for its first second or two Node is still compiling
// in the background (the JIT, and the TypeScript stripper's WebAssembly), which on a 2-core
// machine slows the main thread by a third and would not be the engine's own time.

import type { Dataset, Network, TrainingOptions } from '../../src/engine/index.ts';
import { createTraining, initNetwork, mulberry32, twoSpirals, xorData, xorDefaults, xorNetwork } from '../../src/engine/index.ts';

const WARMUP_RUNS = 5;
const WARMUP_MS = 2500;
const REPEATS = 21;

interface Job {
  readonly name: string;
  readonly targetMs: number;
  readonly epochs: number;
  readonly setup: () => { net: Network; data: Dataset; options: TrainingOptions };
}

const jobs: readonly Job[] = [
  {
    name: '(a) XOR 2-2-1 sigmoid, 4 samples, full batch, 10 000 epochs',
    targetMs: 5,
    epochs: 10_000,
    setup: () => ({
      net: xorNetwork(xorDefaults.seed),
      data: xorData,
      options: { alpha: xorDefaults.alpha, loss: 'halfSquaredErrorSum', maxEpochs: 10_000 },
    }),
  },
  {
    name: '(b) spirals 2-16-16-1 tanh/tanh/sigmoid, 256 samples, full batch, 1 000 epochs',
    targetMs: 450,
    epochs: 1_000,
    setup: () => {
      const rng = mulberry32(42);
      const data = twoSpirals(256, rng, 0.02);
      const net = initNetwork([2, 16, 16, 1], ['tanh', 'tanh', 'sigmoid'], rng);
      return { net, data, options: { alpha: 0.1, loss: 'halfSquaredErrorMean', maxEpochs: 1_000 } };
    },
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeOnce(job: Job): { ms: number; loss: number } {
  const { net, data, options } = job.setup();
  const run = createTraining(net, data, options);
  const start = performance.now();
  const progress = run.advance(job.epochs);
  const ms = performance.now() - start;
  return { ms, loss: progress.loss };
}

console.log(`Node ${process.version}, ${process.platform}/${process.arch}; median of ${REPEATS} runs after ≥ ${WARMUP_MS / 1000} s of warm-up`);
let allUnderTarget = true;
for (const job of jobs) {
  const warmupStart = performance.now();
  for (let i = 0; i < WARMUP_RUNS || performance.now() - warmupStart < WARMUP_MS; i++) timeOnce(job);
  const runs = Array.from({ length: REPEATS }, () => timeOnce(job));
  const ms = median(runs.map((r) => r.ms));
  const ok = ms < job.targetMs;
  allUnderTarget &&= ok;
  const fastest = Math.min(...runs.map((r) => r.ms));
  console.log(`${job.name}: median ${ms.toFixed(2)} ms (min ${fastest.toFixed(2)} ms), final loss ${runs[0]!.loss.toFixed(6)}, target < ${job.targetMs} ms ${ok ? 'OK' : 'MISSED'}`);
}
if (!allUnderTarget) process.exitCode = 1;
