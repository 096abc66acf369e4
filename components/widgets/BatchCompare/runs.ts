// runs.ts — the batch-compare widget's session: the three training runs (full batch, mini-batch, per-sample
// SGD) of one setting, kept between frames and advanced together. PURE: no DOM; the clock of a
// measurement is passed in.
//
//   at(e) ──runs at e already?──yes──▶ their loss histories (e entries each, fewer if a run diverged)
//            ├─ behind ──▶ advance each run the missing epochs (createTraining(…).advance, allocation-free)
//            └─ ahead (Start over, Reset) ──▶ new runs from the same start, then advance
//   measure(now) ──▶ fresh copies of the three runs, each timed over a few milliseconds of epochs
import { batchSizeOf, createMiniBatchRun, miniBatchData, modes, updatesPerEpoch, type MiniBatchSettings, type Mode } from '../../../src/engine/examples/mini-batch.ts';
import type { TrainingRun, TrainingStatus } from '../../../src/engine/train.ts';

/** One run as the widget shows it. */
export interface RunView {
  /** Samples per update (N, B or 1) and updates per epoch ⌈N/B⌉. */
  readonly batch: number;
  readonly updatesPerEpoch: number;
  /** Epochs trained (less than asked if the run diverged). */
  readonly epoch: number;
  /** history[e] is the loss measured during epoch e + 1 (a copy). */
  readonly history: Float64Array;
  /** The latest epoch's loss (before any epoch: the loss at the start). */
  readonly loss: number;
  readonly status: TrainingStatus;
}

/** What a measurement found for one run: milliseconds per epoch over `epochs` timed epochs. */
export interface Cost {
  readonly msPerEpoch: number;
  readonly epochs: number;
}

/** Milliseconds of epochs a measurement times per run (after as long again to warm up). */
export const MEASURE_MS = 8;

export interface Runs {
  /** The three runs after e epochs (or where they stopped). */
  at(epoch: number): Readonly<Record<Mode, RunView>>;
  /** The loss at the start, the same for the three (same weights, same data). */
  readonly initialLoss: number;
  readonly samples: number;
  /** Times each run on fresh copies; the result stays with the session (a new setting drops it). */
  measure(now: () => number): Readonly<Record<Mode, Cost>>;
  readonly cost: Readonly<Record<Mode, Cost>> | null;
}

/** The session for one setting (every input but the epoch count). */
export function createRuns(settings: MiniBatchSettings): Runs {
  const samples = miniBatchData(settings.dataset).X.cols;
  const fresh = () => Object.fromEntries(modes.map((m) => [m, createMiniBatchRun(settings, m)])) as Record<Mode, TrainingRun>;
  let runs = fresh();
  let cost: Record<Mode, Cost> | null = null;
  const initialLoss = runs.full.progress().loss;

  function view(m: Mode): RunView {
    const run = runs[m];
    const p = run.progress();
    const batch = batchSizeOf(m, settings.batchSize, samples);
    return { batch, updatesPerEpoch: updatesPerEpoch(batch, samples), epoch: p.epoch, history: run.lossHistory(), loss: p.loss, status: p.status };
  }

  return {
    initialLoss,
    samples,
    at(epoch) {
      if (!Number.isInteger(epoch) || epoch < 0) throw new RangeError(`epoch ${epoch}: expected a whole number ≥ 0`);
      // A run is ahead when it has trained more epochs than asked for: start the three again.
      if (modes.some((m) => runs[m].progress().epoch > epoch)) runs = fresh();
      for (const m of modes) {
        const done = runs[m].progress().epoch;
        if (done < epoch) runs[m].advance(epoch - done);
      }
      return { full: view('full'), mini: view('mini'), sgd: view('sgd') };
    },
    measure(now) {
      const timed = (m: Mode): Cost => {
        const run = createMiniBatchRun({ ...settings, epochs: 100_000 }, m);
        // Warm up (the JIT compiles the loop), then count epochs until MEASURE_MS have passed.
        for (const phase of ['warm', 'timed'] as const) {
          const start = now();
          let epochs = 0, chunk = 1;
          while (now() - start < MEASURE_MS && run.progress().status === 'running') {
            const t = now();
            run.advance(chunk);
            epochs += chunk;
            // Larger chunks while one takes under a millisecond: few clock reads, little overshoot.
            if (now() - t < 1) chunk = Math.min(chunk * 2, 4096);
          }
          if (phase === 'timed') return { msPerEpoch: (now() - start) / Math.max(epochs, 1), epochs };
        }
        throw new Error('unreachable');
      };
      cost = { full: timed('full'), mini: timed('mini'), sgd: timed('sgd') };
      return cost;
    },
    get cost() { return cost; },
  };
}
