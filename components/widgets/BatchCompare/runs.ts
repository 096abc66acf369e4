// runs.ts — the batch-compare widget's session: the three training runs (full batch, mini-batch, per-sample
// SGD) of one setting, kept between frames and advanced together. PURE: no DOM; the clock of a
// measurement is passed in.
//
//   at(e) ──runs at e already?──yes──▶ their loss histories (e entries each, fewer if a run diverged)
//            ├─ behind ──▶ advance each run the missing epochs (createTraining(…).advance, allocation-free)
//            └─ ahead (Start over, Reset) ──▶ new runs from the same start, then advance
//   measure(now) ──▶ fresh copies of the three runs, each timed in a few 2 ms windows (the fastest counts)
import { samplesPerUpdate, createMiniBatchRun, miniBatchData, modes, updatesPerEpoch, type MiniBatchSettings, type Mode } from '../../../src/engine/examples/mini-batch.ts';
import type { Network } from '../../../src/engine/network.ts';
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
  /** The run's current weights (a copy). */
  readonly network: Network;
}

/** What a measurement found for one run: milliseconds per epoch, over the `epochs` of its fastest window. */
export interface Cost {
  readonly msPerEpoch: number;
  readonly epochs: number;
}

/** A measurement times each run in WINDOWS windows of WINDOW_MS (after one more to warm up): about 8 ms a run. */
export const WINDOW_MS = 2;
export const WINDOWS = 3;

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
    const batch = samplesPerUpdate(m, settings.batchSize, samples);
    return { batch, updatesPerEpoch: updatesPerEpoch(batch, samples), epoch: p.epoch, history: run.lossHistory(), loss: p.loss, status: p.status, network: run.network() };
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
        // One window: epochs in chunks that double while a chunk takes under WINDOW_MS / 4, until
        // WINDOW_MS have passed. The first window warms the JIT up and is not counted; of the others
        // the fastest counts (a garbage collection or another tab only ever makes a window slower).
        const window = (): Cost => {
          const start = now();
          let epochs = 0, chunk = 1;
          while (now() - start < WINDOW_MS && run.progress().status === 'running') {
            const t = now();
            run.advance(chunk);
            epochs += chunk;
            if (now() - t < WINDOW_MS / 4) chunk = Math.min(chunk * 2, 4096);
          }
          return { msPerEpoch: (now() - start) / Math.max(epochs, 1), epochs };
        };
        window();
        let best = window();
        for (let k = 1; k < WINDOWS; k++) {
          const next = window();
          if (next.msPerEpoch < best.msPerEpoch) best = next;
        }
        return best;
      };
      cost = { full: timed('full'), mini: timed('mini'), sgd: timed('sgd') };
      return cost;
    },
    get cost() { return cost; },
  };
}
