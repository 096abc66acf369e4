// trajectory.ts — gradient descent on the one neuron, remembered between renders: the weight-update
// widget's session. The steps taken so far are kept, and extended only when a later step is asked for,
// one engine step (oneNeuron: forward, backward, update, forward again) per new step. So a render after
// k steps costs O(1) new engine steps, not O(k), and a run of 100 000 steps is computed once.
//
//   at(k) ──steps 0 … k already taken?──yes──▶ the derivation of step k + 1 (remembered for the last k asked)
//              └no──▶ take the missing steps, one oneNeuron each, recording w, b, L and ŷ after each
//
// PURE: no DOM. The engine step is passed in (the widget's tests count its calls).
import { oneNeuron, type OneNeuronParams, type OneNeuronResult } from '../../../src/engine/examples/one-neuron.ts';

/** Rises of the loss smaller than this are rounding noise near a minimum, not overshoot. */
export const RISE_TOLERANCE = 1e-12;

/** Where k steps have brought w and b, and the full derivation of the step from there (step k + 1). */
export interface StepFrom extends OneNeuronResult {
  readonly w: number;
  readonly b: number;
}

export interface Trajectory {
  /** The derivation of step k + 1, from w and b after k steps (taking any steps not yet taken). */
  at(k: number): StepFrom;
  /** L after j steps, j = 0 … k + 1 (a view of the run, not a copy). Takes the steps first if needed. */
  losses(k: number): Float64Array;
  /** ŷ after j steps, j = 0 … k + 1. */
  outputs(k: number): Float64Array;
  /** How many of steps 1 … k raised the loss. */
  lossUps(k: number): number;
  /** The largest loss over steps 0 … k + 1 (the top of the loss plot). */
  maxLoss(k: number): number;
  /** Engine steps taken so far: k + 1 once step k + 1 has been derived. */
  readonly taken: number;
}

/** A growable column of numbers (doubling, so n appends cost O(n)). */
class Column {
  data = new Float64Array(64);
  set(j: number, v: number): void {
    if (j >= this.data.length) {
      const bigger = new Float64Array(Math.max(this.data.length * 2, j + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[j] = v;
  }
  get(j: number): number {
    return this.data[j]!;
  }
}

/** The run of gradient descent from params (w and b are the start, step 0). */
export function trajectory(params: OneNeuronParams, stepOnce: (p: OneNeuronParams) => OneNeuronResult = oneNeuron): Trajectory {
  // After n engine steps, entries 0 … n of every column are known: engine step j, taken at (w_j, b_j),
  // gives L_j and ŷ_j, and w, b, L and ŷ after step j + 1.
  const w = new Column(), b = new Column(), loss = new Column(), out = new Column();
  // ups: rises of the loss among steps 1 … j; top: the largest loss among steps 0 … j.
  const ups = new Column(), top = new Column();
  w.set(0, params.w);
  b.set(0, params.b);
  ups.set(0, 0);
  let n = 0;
  let last: { k: number; r: StepFrom } | null = null;

  function record(j: number, L: number, a: number): void {
    loss.set(j, L);
    out.set(j, a);
    ups.set(j, j === 0 ? 0 : ups.get(j - 1) + (L > loss.get(j - 1) + RISE_TOLERANCE ? 1 : 0));
    top.set(j, j === 0 ? L : Math.max(top.get(j - 1), L));
  }

  function derive(k: number): StepFrom {
    const at = { w: w.get(k), b: b.get(k) };
    return { ...stepOnce({ ...params, ...at }), ...at };
  }

  /** Takes steps until step k + 1 is known, and returns its derivation. */
  function through(k: number): StepFrom {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`step ${k}: expected a whole number ≥ 0`);
    while (n <= k) {
      const r = derive(n);
      if (n === 0) record(0, r.loss, r.a);
      w.set(n + 1, r.wNext);
      b.set(n + 1, r.bNext);
      record(n + 1, r.lossNext, r.aNext);
      last = { k: n, r };
      n++;
    }
    if (last?.k !== k) last = { k, r: derive(k) };
    return last.r;
  }

  return {
    at: through,
    losses(k) { through(k); return loss.data.subarray(0, k + 2); },
    outputs(k) { through(k); return out.data.subarray(0, k + 2); },
    lossUps(k) { through(k); return ups.get(k); },
    maxLoss(k) { through(k); return top.get(k + 1); },
    get taken() { return n; },
  };
}
