// session.ts — one training run of the XOR trainer, kept between frames: the engine's allocation-free
// loop (createXorRun → createTraining(…).advance(n)), the epoch it has reached, and the first epoch at
// which its predictions rounded to 0, 1, 1, 0. Asked for an earlier epoch (Back to epoch 0, a link), it
// starts again from the same seed: the same initial weights, the same shuffles, the same trajectory.
//
//   to(e) ──e ≥ reached──▶ advance: one epoch at a time (checking ŷ) until learned, then in one call
//         └─e < reached──▶ a fresh run from the seed, then as above
//
// PURE: no DOM. Tested through the model in tests/unit/widgets/xor-trainer.test.ts.
import { createXorRun, learnsXor, xorPredictions, type XorConfig } from '../../../src/engine/examples/xor-training.ts';
import type { Network } from '../../../src/engine/network.ts';
import type { TrainingRun, TrainingStatus } from '../../../src/engine/train.ts';

/** One run of the trainer, remembered between frames; `to(e)` is the only thing that trains. */
export interface XorSession {
  readonly config: XorConfig;
  /** Trains (or starts again and trains) until `epoch` epochs are done, or the run ends; returns the epoch reached. */
  to(epoch: number): number;
  /** Epochs done. */
  readonly reached: number;
  /** The first epoch after which ŷ rounded to 0, 1, 1, 0 (0: the start already did), or −1. */
  readonly learnedAt: number;
  readonly status: TrainingStatus;
  /** The engine's sentence when the run diverged. */
  readonly message: string;
  /** The weights now (a copy). */
  network(): Network;
  /** The weights at epoch 0. */
  readonly initial: Network;
  /** The loss measured during each epoch done (entry e: epoch e + 1). */
  history(): Float64Array;
}

/** A session for a config: the engine's run from the seed, at epoch 0. */
export function xorSession(config: XorConfig): XorSession {
  let { run, initial } = createXorRun(config);
  let learnedAt = learnsXor(xorPredictions(initial)) ? 0 : -1;
  const startLearned = learnedAt;

  function restart(): void {
    ({ run, initial } = createXorRun(config));
    learnedAt = startLearned;
  }

  function to(epoch: number): number {
    if (epoch < run.progress().epoch) restart();
    const r: TrainingRun = run;
    while (r.progress().epoch < epoch && r.progress().status === 'running') {
      if (learnedAt >= 0) { r.advance(epoch - r.progress().epoch); break; }
      // Until it has learned, one epoch at a time, so the epoch it learned at is exact.
      r.advance(1);
      if (learnsXor(xorPredictions(r.network()))) learnedAt = r.progress().epoch;
    }
    return r.progress().epoch;
  }

  return {
    config,
    to,
    get reached() { return run.progress().epoch; },
    get learnedAt() { return learnedAt; },
    get status() { return run.progress().status; },
    get message() { return run.progress().message; },
    network: () => run.network(),
    get initial() { return initial; },
    history: () => run.lossHistory(),
  };
}
