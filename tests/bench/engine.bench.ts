// Benchmark of the generic training path (createTraining → runEpoch), not a test: node tests/bench/engine.bench.ts
//
// It reports and never fails: a slow or busy machine is not a broken engine (exit code 0 whatever the
// times). Absolute times on a shared 2-core machine vary about 2× from minute to minute, so job (a) is
// also timed against a plain hand-written XOR loop (numbers, no matrices, no workspace), interleaved run
// by run with the engine's, and the engine/reference ratio is the figure to compare across machines.
//
// Times only run.advance(epochs) — the epoch loop — after building the network, dataset and
// workspace, and prints the median of REPEATS runs. Before timing, each job runs untimed for at
// least WARMUP_MS (and WARMUP_RUNS runs): for its first second or two Node is still compiling
// in the background (the JIT, and the TypeScript stripper's WebAssembly), which on a 2-core
// machine slows the main thread by a third and would not be the engine's own time.

import type { Dataset, Matrix, Network, TrainingOptions } from '../../src/engine/index.ts';
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

/**
 * The reference: the numpy tutorial's 2-2-1 sigmoid XOR loop written plainly, one number per weight,
 * full batch, summed ½(y − ŷ)², from the same initial weights as job (a). Returns the last epoch's loss
 * (measured in its forward pass, as the engine's progress.loss).
 */
function referenceXor(net: Network, epochs: number, alpha: number): number {
  const [l1, l2] = net.layers as readonly { W: Matrix; b: Matrix }[] as [{ W: Matrix; b: Matrix }, { W: Matrix; b: Matrix }];
  let w11 = l1.W.data[0]!, w12 = l1.W.data[1]!, w21 = l1.W.data[2]!, w22 = l1.W.data[3]!;
  let b1 = l1.b.data[0]!, b2 = l1.b.data[1]!;
  let v1 = l2.W.data[0]!, v2 = l2.W.data[1]!, c = l2.b.data[0]!;
  const x1 = [0, 0, 1, 1], x2 = [0, 1, 0, 1], y = [0, 1, 1, 0];
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  let loss = 0;
  for (let e = 0; e < epochs; e++) {
    let gw11 = 0, gw12 = 0, gw21 = 0, gw22 = 0, gb1 = 0, gb2 = 0, gv1 = 0, gv2 = 0, gc = 0;
    loss = 0;
    for (let n = 0; n < 4; n++) {
      const h1 = sigmoid(w11 * x1[n]! + w12 * x2[n]! + b1);
      const h2 = sigmoid(w21 * x1[n]! + w22 * x2[n]! + b2);
      const o = sigmoid(v1 * h1 + v2 * h2 + c);
      const err = o - y[n]!;
      loss += 0.5 * err * err;
      const d = err * o * (1 - o);             // δ(2) = (ŷ − y)σ'(z(2))
      const d1 = d * v1 * h1 * (1 - h1);       // δ(1) = δ(2) w(2) σ'(z(1)), per hidden unit
      const d2 = d * v2 * h2 * (1 - h2);
      gv1 += d * h1; gv2 += d * h2; gc += d;
      gw11 += d1 * x1[n]!; gw12 += d1 * x2[n]!; gb1 += d1;
      gw21 += d2 * x1[n]!; gw22 += d2 * x2[n]!; gb2 += d2;
    }
    w11 -= alpha * gw11; w12 -= alpha * gw12; w21 -= alpha * gw21; w22 -= alpha * gw22;
    b1 -= alpha * gb1; b2 -= alpha * gb2; v1 -= alpha * gv1; v2 -= alpha * gv2; c -= alpha * gc;
  }
  return loss;
}

function timeReference(): { ms: number; loss: number } {
  const net = xorNetwork(xorDefaults.seed);
  const start = performance.now();
  const loss = referenceXor(net, 10_000, xorDefaults.alpha);
  return { ms: performance.now() - start, loss };
}

console.log(`Node ${process.version}, ${process.platform}/${process.arch}; median of ${REPEATS} runs after ≥ ${WARMUP_MS / 1000} s of warm-up`);
for (const [index, job] of jobs.entries()) {
  // Job (a) runs interleaved with the reference loop, so both see the same machine at the same moment.
  const withReference = index === 0;
  const warmupStart = performance.now();
  for (let i = 0; i < WARMUP_RUNS || performance.now() - warmupStart < WARMUP_MS; i++) {
    timeOnce(job);
    if (withReference) timeReference();
  }
  const runs: { ms: number; loss: number }[] = [];
  const refs: { ms: number; loss: number }[] = [];
  for (let i = 0; i < REPEATS; i++) {
    runs.push(timeOnce(job));
    if (withReference) refs.push(timeReference());
  }
  const ms = median(runs.map((r) => r.ms));
  const fastest = Math.min(...runs.map((r) => r.ms));
  const verdict = ms < job.targetMs ? 'met' : 'missed on this run (a report, not a failure)';
  console.log(`${job.name}: median ${ms.toFixed(2)} ms (min ${fastest.toFixed(2)} ms), final loss ${runs[0]!.loss.toFixed(6)}, target < ${job.targetMs} ms ${verdict}`);
  if (withReference) {
    const refMs = median(refs.map((r) => r.ms));
    const ratios = runs.map((r, i) => r.ms / refs[i]!.ms);
    console.log(`    reference: hand-written 2-2-1 XOR loop (plain numbers, no matrices): median ${refMs.toFixed(2)} ms (min ${Math.min(...refs.map((r) => r.ms)).toFixed(2)} ms), final loss ${refs[0]!.loss.toFixed(6)} (engine − reference: ${(runs[0]!.loss - refs[0]!.loss).toExponential(1)})`);
    console.log(`    engine / reference: ${(ms / refMs).toFixed(2)}× (median of per-run ratios ${median(ratios).toFixed(2)}×)`);
  }
}
