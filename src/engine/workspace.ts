// The training workspace: every buffer one epoch needs, allocated once, so the epoch loop allocates nothing.

import type { Dataset } from './datasets.ts';
import { backwardInto, forwardInto } from './dense.ts';
import { gradientStepInPlace } from './layer-math.ts';
import type { Loss } from './losses.ts';
import type { Matrix } from './matrix.ts';
import { zeros } from './matrix.ts';
import type { Layer, Network } from './network.ts';
import type { Rng } from './random.ts';
import { shuffleInPlace } from './random.ts';

/** Buffers for one batch size B: the batch itself, every layer's z, a and δ (units × B), and its loss. */
export interface BatchBuffers {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly z: readonly Matrix[];
  readonly a: readonly Matrix[];
  readonly delta: readonly Matrix[];
  readonly dLda: Matrix;
  /** loss[0] is the batch's loss L, written by trainOnBatch (see there for why it is not returned). */
  readonly loss: Float64Array;
}

/**
 * Everything a training run writes to. `layers` are the run's own copies of W and b, updated
 * in place; `dW`/`db` have the shapes of W/b. All W and b live in one flat vector θ (`theta`,
 * P × 1, layer by layer: W1 row by row, b1, W2, …) and their gradients in `dTheta`, so one
 * loop updates every parameter. `full` holds batches of `batchSize` samples and `rest` the
 * last, smaller batch when batchSize does not divide N; `order` is the sample order.
 */
export interface Workspace {
  readonly data: Dataset;
  readonly loss: Loss;
  /** The learning rate α (kept here rather than passed around: see runEpoch). */
  readonly alpha: number;
  /** Shuffles the sample order of every mini-batch epoch, if given. */
  readonly rng: Rng | undefined;
  readonly layers: readonly Layer[];
  readonly dW: readonly Matrix[];
  readonly db: readonly Matrix[];
  readonly theta: Matrix;
  readonly dTheta: Matrix;
  readonly batchSize: number;
  readonly full: BatchBuffers;
  readonly rest: BatchBuffers | null;
  readonly order: Uint32Array;
  /** epochLoss[0] is the loss of the latest epoch, written by runEpoch. */
  readonly epochLoss: Float64Array;
}

function batchBuffers(layers: readonly Layer[], data: Dataset, samples: number): BatchBuffers {
  const whole = samples === data.X.cols;
  return {
    X: whole ? data.X : zeros(data.X.rows, samples),
    Y: whole ? data.Y : zeros(data.Y.rows, samples),
    z: layers.map((layer) => zeros(layer.W.rows, samples)),
    a: layers.map((layer) => zeros(layer.W.rows, samples)),
    delta: layers.map((layer) => zeros(layer.W.rows, samples)),
    dLda: zeros(data.Y.rows, samples),
    loss: new Float64Array(1),
  };
}

/** A rows × cols matrix whose entries are theta[offset …], a view into the flat vector. */
function view(theta: Float64Array, offset: number, rows: number, cols: number): Matrix {
  return { rows, cols, data: theta.subarray(offset, offset + rows * cols) };
}

/** How a workspace trains: the loss, α, samples per update (1 … N) and an optional shuffling rng. */
export interface WorkspaceSettings {
  readonly loss: Loss;
  readonly alpha: number;
  readonly batchSize: number;
  readonly rng: Rng | undefined;
}

/** Allocates a workspace for training a copy of `net` on `data`. */
export function createWorkspace(net: Network, data: Dataset, settings: WorkspaceSettings): Workspace {
  const { loss, alpha, batchSize, rng } = settings;
  const count = net.layers.reduce((sum, layer) => sum + layer.W.data.length + layer.b.data.length, 0);
  const theta = zeros(count, 1);
  const dTheta = zeros(count, 1);
  let offset = 0;
  const layers: Layer[] = [];
  const dW: Matrix[] = [];
  const db: Matrix[] = [];
  for (const layer of net.layers) {
    const { rows, cols } = layer.W;
    layers.push({ W: view(theta.data, offset, rows, cols), b: view(theta.data, offset + rows * cols, rows, 1), activation: layer.activation });
    dW.push(view(dTheta.data, offset, rows, cols));
    db.push(view(dTheta.data, offset + rows * cols, rows, 1));
    theta.data.set(layer.W.data, offset);
    theta.data.set(layer.b.data, offset + rows * cols);
    offset += rows * cols + rows;
  }
  const samples = data.X.cols;
  const restSize = samples % batchSize;
  return {
    data,
    loss,
    alpha,
    rng,
    layers,
    dW,
    db,
    theta,
    dTheta,
    batchSize,
    full: batchBuffers(layers, data, batchSize),
    rest: restSize === 0 ? null : batchBuffers(layers, data, restSize),
    order: Uint32Array.from({ length: samples }, (_, n) => n),
    epochLoss: new Float64Array(1),
  };
}

/** Copies the samples order[start], order[start + 1], … into the batch's X and Y columns. */
function gatherBatch(batch: BatchBuffers, data: Dataset, order: Uint32Array, start: number): void {
  const size = batch.X.cols;
  const samples = data.X.cols;
  for (let r = 0; r < data.X.rows; r++) {
    for (let n = 0; n < size; n++) batch.X.data[r * size + n] = data.X.data[r * samples + order[start + n]!]!;
  }
  for (let r = 0; r < data.Y.rows; r++) {
    for (let n = 0; n < size; n++) batch.Y.data[r * size + n] = data.Y.data[r * samples + order[start + n]!]!;
  }
}

/**
 * One update on one batch: forward, loss, backward, then θ ← θ − α·∂L/∂θ for every W and b.
 * The loss goes into batch.loss[0] rather than being returned: a JavaScript function that
 * returns a fractional number (unless the JIT inlines it) allocates a box for the number,
 * and the epoch loop must not allocate. runEpoch reports its loss the same way.
 */
export function trainOnBatch(ws: Workspace, batch: BatchBuffers): void {
  forwardInto(ws.layers, batch.X, batch.z, batch.a);
  batch.loss[0] = ws.loss.value(batch.a[batch.a.length - 1]!, batch.Y);
  // z = null: the fast a(1 − a) slopes (see timesSlopeInto)
  backwardInto(ws.layers, batch.X, null, batch.a, batch.Y, ws.loss, batch.dLda, batch.delta, ws.dW, ws.db);
  // every W(l) ← W(l) − α·∂L/∂W(l) and b(l) ← b(l) − α·∂L/∂b(l), as one vector θ
  gradientStepInPlace(ws.theta, ws.dTheta, ws.alpha);
}

/**
 * One epoch: every sample once. Full batch (batchSize = N) is one update on X and Y as given;
 * otherwise the order is shuffled with the workspace's rng (if any) and each batch is one
 * update. Writes the epoch's loss into ws.epochLoss[0]: the sum of the batch losses for a
 * 'sum' loss, their sample-weighted average for a 'mean' loss (for full batch: the loss
 * before the update).
 */
export function runEpoch(ws: Workspace): void {
  if (ws.batchSize !== ws.order.length) {
    runMiniBatchEpoch(ws);
    return;
  }
  trainOnBatch(ws, ws.full);
  ws.epochLoss[0] = ws.full.loss[0]!;
}

/** The mini-batch and per-sample part of runEpoch: shuffle, then one update per batch. */
function runMiniBatchEpoch(ws: Workspace): void {
  const samples = ws.order.length;
  if (ws.rng !== undefined) shuffleInPlace(ws.order, ws.rng);
  ws.epochLoss[0] = 0;
  for (let start = 0; start < samples; start += ws.batchSize) {
    const batch = start + ws.batchSize <= samples ? ws.full : ws.rest!;
    gatherBatch(batch, ws.data, ws.order, start);
    trainOnBatch(ws, batch);
    const batchLoss = batch.loss[0]!;
    ws.epochLoss[0] += ws.loss.reduction === 'mean' ? (batchLoss * batch.X.cols) / samples : batchLoss;
  }
}

/**
 * Number.isFinite(x) written with comparisons (NaN fails both). Called on a freshly computed
 * number, Number.isFinite can make V8's optimizing tiers box that number, an allocation per epoch.
 */
function isFiniteNumber(x: number): boolean {
  return x > -Infinity && x < Infinity;
}

/**
 * The epoch loop: runs epochs from, from + 1, … (0-based) up to `to`, writing each epoch's loss
 * into history[e]. Stops after an epoch whose loss is ≤ targetLoss, or at an epoch whose loss
 * is NaN or ±∞ (not written to history; ws.epochLoss[0] keeps it). Returns how many epochs
 * are complete. Nothing in here allocates.
 */
export function runEpochs(ws: Workspace, history: Float64Array, from: number, to: number, targetLoss: number): number {
  for (let e = from; e < to; e++) {
    runEpoch(ws);
    const loss = ws.epochLoss[0]!;
    if (!isFiniteNumber(loss)) return e;
    history[e] = loss;
    if (loss <= targetLoss) return e + 1;
  }
  return to;
}

/** True when every W and b entry is finite (a NaN or ±∞ weight means training diverged). */
export function parametersFinite(ws: Workspace): boolean {
  return ws.theta.data.every(Number.isFinite);
}
