import { describe, expect, test } from 'vitest';
import {
  backward,
  createTraining,
  dataset,
  forward,
  fromSamples,
  halfSquaredErrorMean,
  halfSquaredErrorSum,
  initNetwork,
  lossOf,
  mulberry32,
  networkFrom,
  step,
  train,
  twoSpirals,
  xorData,
  xorNetwork,
} from '../../../src/engine/index.ts';
import type { Dataset, Loss, Network } from '../../../src/engine/index.ts';

const weights = (net: Network) => net.layers.map((l) => [Array.from(l.W.data), Array.from(l.b.data)]);

/** One readable-API step on the samples `columns` of `data`. */
function stepOn(net: Network, data: Dataset, columns: number[], loss: Loss, alpha: number): Network {
  const pick = (m: Dataset['X']) => fromSamples(columns.map((n) => Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + n]!)));
  const X = pick(data.X);
  return step(net, backward(net, forward(net, X), pick(data.Y), loss), alpha);
}

const data5 = dataset([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.2]], [0, 1, 1, 0, 1]);
const net5 = initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(11));

describe('full batch, mini-batch and per-sample SGD', () => {
  test.each([halfSquaredErrorSum, halfSquaredErrorMean])('full batch: one epoch is exactly one step(net, backward(…), α) with the %s gradient', (loss) => {
    const run = createTraining(net5, data5, { alpha: 0.3, loss });
    const progress = run.advance(1);
    expect(weights(run.network())).toEqual(weights(stepOn(net5, data5, [0, 1, 2, 3, 4], loss, 0.3)));
    expect(progress.loss).toBe(lossOf(net5, data5.X, data5.Y, loss));
  });

  test('batch size 1 makes N = 5 updates per epoch, one per sample in dataset order', () => {
    const run = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorSum, batchSize: 1 });
    run.advance(1);
    let manual = net5;
    for (let n = 0; n < 5; n++) manual = stepOn(manual, data5, [n], halfSquaredErrorSum, 0.3);
    expect(weights(run.network())).toEqual(weights(manual));
  });

  test('batch size 2 on 5 samples makes 3 updates: samples {0, 1}, {2, 3}, then the smaller batch {4}', () => {
    const run = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorMean, batchSize: 2 });
    run.advance(1);
    let manual = net5;
    for (const batch of [[0, 1], [2, 3], [4]]) manual = stepOn(manual, data5, batch, halfSquaredErrorMean, 0.3);
    expect(weights(run.network())).toEqual(weights(manual));
  });

  test('with an rng the sample order is shuffled every epoch (and differs from dataset order)', () => {
    const plain = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorSum, batchSize: 1 });
    const shuffled = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorSum, batchSize: 1, rng: mulberry32(2) });
    plain.advance(3);
    shuffled.advance(3);
    expect(weights(shuffled.network())).not.toEqual(weights(plain.network()));
  });

  test('a batch size larger than N counts as full batch', () => {
    const big = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorSum, batchSize: 64 });
    const full = createTraining(net5, data5, { alpha: 0.3, loss: halfSquaredErrorSum });
    big.advance(5);
    full.advance(5);
    expect(weights(big.network())).toEqual(weights(full.network()));
  });
});

describe('a run advanced a little per animation frame', () => {
  test('advance(10) five times gives exactly the result of advance(50)', () => {
    const chunks = createTraining(net5, data5, { alpha: 0.5, loss: halfSquaredErrorSum, batchSize: 2, rng: mulberry32(8) });
    const once = createTraining(net5, data5, { alpha: 0.5, loss: halfSquaredErrorSum, batchSize: 2, rng: mulberry32(8) });
    for (let k = 0; k < 5; k++) chunks.advance(10);
    const p = once.advance(50);
    expect(chunks.progress()).toEqual(p);
    expect(weights(chunks.network())).toEqual(weights(once.network()));
    expect(Array.from(chunks.lossHistory())).toEqual(Array.from(once.lossHistory()));
    expect(p).toMatchObject({ epoch: 50, status: 'running' });
  });

  test('before any epoch the progress reports epoch 0 and the initial loss', () => {
    const run = createTraining(xorNetwork(1), xorData, { alpha: 0.5, loss: halfSquaredErrorSum });
    expect(run.progress()).toMatchObject({ epoch: 0, status: 'running', loss: lossOf(xorNetwork(1), xorData.X, xorData.Y, halfSquaredErrorSum) });
    expect(run.lossHistory()).toHaveLength(0);
  });

  test('the network passed in is never changed', () => {
    const net = xorNetwork(1);
    const before = weights(net);
    train(net, xorData, { alpha: 0.5, loss: halfSquaredErrorSum, maxEpochs: 100 });
    expect(weights(net)).toEqual(before);
  });
});

describe('stopping: converged, stopped, diverged', () => {
  test('early stop: with targetLoss 0.01 the XOR run converges before maxEpochs and then stays put', () => {
    const run = createTraining(xorNetwork(1), xorData, { alpha: 0.5, loss: halfSquaredErrorSum, targetLoss: 0.01, maxEpochs: 10_000 });
    const p = run.advance(10_000);
    expect(p.status).toBe('converged');
    expect(p.loss).toBeLessThanOrEqual(0.01);
    expect(p.epoch).toBeLessThan(10_000);
    expect(run.lossHistory()[p.epoch - 2]).toBeGreaterThan(0.01);
    expect(run.advance(100)).toEqual(p);
  });

  test('max epochs: status "stopped" after exactly maxEpochs epochs', () => {
    const p = createTraining(net5, data5, { alpha: 0.1, loss: halfSquaredErrorSum, maxEpochs: 30 }).advance(1000);
    expect(p).toMatchObject({ epoch: 30, status: 'stopped' });
  });

  test('stop() ends a running run with status "stopped"', () => {
    const run = createTraining(net5, data5, { alpha: 0.1, loss: halfSquaredErrorSum });
    run.advance(3);
    expect(run.stop()).toMatchObject({ epoch: 3, status: 'stopped' });
    expect(run.advance(3).epoch).toBe(3);
  });

  test('a huge α makes the loss overflow: status "diverged", the last finite loss kept, never a silent NaN', () => {
    const net = networkFrom([{ W: [[1]], b: [0], activation: 'identity' }]);
    const data = dataset([[1], [2], [3]], [2, 4, 6]);
    const run = createTraining(net, data, { alpha: 10, loss: halfSquaredErrorSum, maxEpochs: 1000 });
    const p = run.advance(1000);
    expect(p.status).toBe('diverged');
    expect(Number.isFinite(p.loss)).toBe(true);
    expect(p.epoch).toBeLessThan(1000);
    expect(p.loss).toBe(run.lossHistory()[p.epoch - 1]);
    expect(run.lossHistory().every(Number.isFinite)).toBe(true);
    expect(p.message).toMatch(/diverged in epoch \d+: the loss became (NaN|Infinity)/);
    expect(run.advance(10)).toEqual(p);
  });

  test('an infinite weight hidden behind a saturated sigmoid (finite loss) is still reported as diverged', () => {
    const net = networkFrom([{ W: [[0]], b: [0], activation: 'sigmoid' }]);
    const data = dataset([[100]], [0]);
    const p = createTraining(net, data, { alpha: 1.7e308, loss: halfSquaredErrorSum }).advance(5);
    expect(p.status).toBe('diverged');
    expect(p.message).toMatch(/weight became NaN or ±∞/);
  });

  test('spirals: a 2-16-16-1 tanh network lowers its loss over 200 full-batch epochs', () => {
    const rng = mulberry32(42);
    const data = twoSpirals(64, rng, 0.02);
    const net = initNetwork([2, 16, 16, 1], ['tanh', 'tanh', 'sigmoid'], rng);
    const { lossHistory } = train(net, data, { alpha: 0.5, loss: 'halfSquaredErrorMean', maxEpochs: 200 });
    expect(lossHistory[199]).toBeLessThan(lossHistory[0]!);
  });
});
