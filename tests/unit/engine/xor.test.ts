import { describe, expect, test } from 'vitest';
import {
  createXorRun, diagnoseXor, seedOutcomes, trainXor, xorData, xorDefaults, xorNetwork, xorReliable, xorTutorial, xorTutorialSettings,
  type XorConfig,
} from '../../../src/engine/index.ts';
import { numpyXorTutorial } from '../../fixtures/golden.ts';
import { initialWeights, lossAt, predictions, trainOracle, type OracleConfig } from '../../fixtures/oracle-training-xor.ts';

/** The oracle's config for an engine config (full batch = 4 samples per update). */
function oracleOf(c: XorConfig): OracleConfig {
  return { seed: c.seed, alpha: c.alpha, hidden: c.hidden, activation: c.activation, loss: c.loss, batchSize: c.batch === 'full' ? 4 : c.batch === 'sgd' ? 1 : c.batchSize };
}

const weightsOf = (net: ReturnType<typeof xorNetwork>) => ({
  W1: net.layers[0]!.W, b1: net.layers[0]!.b, W2: net.layers[1]!.W, b2: net.layers[1]!.b,
});

describe('the 2-2-1 XOR network, trained like the numpy tutorial', () => {
  test('the data: X is 2×4 with one sample per column, Y = 0, 1, 1, 0', () => {
    expect([xorData.X.rows, xorData.X.cols]).toEqual([2, 4]);
    expect(Array.from(xorData.X.data)).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
    expect(Array.from(xorData.Y.data)).toEqual([...numpyXorTutorial.targets]);
  });

  test('xorNetwork(seed) draws W1 (row by row), b1, W2, b2 from N(0, 1) like np.random.randn: the oracle’s Box–Muller on mulberry32', () => {
    for (const seed of [1, 2, 9, 61]) {
      const w = weightsOf(xorNetwork(seed));
      const o = initialWeights(seed, 2);
      expect(Array.from(w.W1.data)).toEqual(o.W1.flat());
      expect(Array.from(w.b1.data)).toEqual(o.b1);
      expect(Array.from(w.W2.data)).toEqual(o.W2);
      expect(Array.from(w.b2.data)).toEqual([o.b2]);
    }
    // Normal, not uniform: some weights are negative.
    expect(Array.from(xorNetwork(1).layers[0]!.W.data).some((v) => v < 0)).toBe(true);
  });

  test('with seed 1, α = 0.5 and 10 000 epochs it learns XOR: predictions round to 0, 1, 1, 0', () => {
    const r = trainXor(xorDefaults);
    expect(xorDefaults).toEqual({ seed: 1, alpha: 0.5, epochs: 10_000 });
    expect(r.rounded).toEqual([0, 1, 1, 0]);
    expect(r.learned).toBe(true);
    expect(r.progress.status).toBe('stopped');
    expect(r.lossHistory).toHaveLength(10_000);
  });

  test('trainXor follows the oracle’s loop: the loss at epochs 1, 100, 1 000 and 10 000 and the final ŷ (tutorial settings, seed 1)', () => {
    const r = trainXor(xorTutorialSettings);
    const o = trainOracle({ seed: 1, alpha: 0.1, hidden: 2, activation: 'sigmoid', loss: 'halfSquaredErrorSum', batchSize: 4 }, 10_000);
    for (const e of [1, 100, 1000, 10_000]) expect(r.lossHistory[e - 1]).toBeCloseTo(o.loss[e - 1]!, 10);
    r.predictions.forEach((p, n) => expect(p).toBeCloseTo(predictions(o.weights, 'sigmoid')[n]!, 10));
  });

  test('with the tutorial’s settings seed 9 stalls: two inputs stay at ŷ ≈ 0.5 (loss ≈ 0.26)', () => {
    const r = trainXor({ ...xorTutorialSettings, seed: 9 });
    expect(r.learned).toBe(false);
    expect(r.progress.loss).toBeCloseTo(0.257, 2);
    expect(r.predictions.map((p) => Number(p.toFixed(1)))).toEqual([0.1, 1, 0.5, 0.5]);
  });
});

describe('createXorRun(config): the chapter’s runs with every knob', () => {
  const configs: XorConfig[] = [
    xorTutorial,
    { ...xorTutorial, hidden: 5, activation: 'tanh', alpha: 0.3 },
    { ...xorTutorial, hidden: 3, activation: 'relu', loss: 'binaryCrossEntropy', alpha: 0.5 },
    { ...xorTutorial, batch: 'mini', batchSize: 3, alpha: 0.5, seed: 7 },
    { ...xorTutorial, batch: 'sgd', loss: 'binaryCrossEntropy', seed: 11 },
  ];
  for (const c of configs) {
    test(`${c.hidden} ${c.activation} units, ${c.loss}, batch ${c.batch}${c.batch === 'mini' ? ` of ${c.batchSize}` : ''}: initial weights, the loss at checkpoints and the final ŷ equal the oracle’s`, () => {
      const { run, initial } = createXorRun(c);
      const o = trainOracle(oracleOf(c), 2000);
      expect(Array.from(initial.layers[0]!.W.data)).toEqual(o.initial.W1.flat());
      expect(run.progress().loss).toBeCloseTo(lossAt(o.initial, c), 12);
      let done = 0;
      for (const e of [1, 10, 500, 2000]) {
        run.advance(e - done);
        done = e;
        expect(run.lossHistory()[e - 1]).toBeCloseTo(o.loss[e - 1]!, 9);
      }
      const net = run.network();
      expect(Array.from(net.layers[1]!.W.data).map((v, j) => v - o.weights.W2[j]!).every((d) => Math.abs(d) < 1e-9)).toBe(true);
    });
  }
});

describe('seedOutcomes and diagnoseXor: the honest results', () => {
  test('seeds 1–12 under the tutorial’s settings: 9 and 10 are stuck with answers held at ½; the others learn', () => {
    const out = seedOutcomes(xorTutorial, Array.from({ length: 12 }, (_, i) => i + 1));
    expect(out.filter((o) => !o.learned).map((o) => o.seed)).toEqual([9, 10]);
    for (const o of out) {
      const p = trainOracle({ ...oracleOf(xorTutorial), seed: o.seed }, 10_000);
      const expected = predictions(p.weights, 'sigmoid');
      expect(o.learned).toBe(expected.every((v, n) => Math.round(v) === [0, 1, 1, 0][n]));
      expect(o.loss).toBeCloseTo(p.loss[9999]!, 9);
    }
    expect(out.find((o) => o.seed === 9)).toMatchObject({ outcome: 'stuck', undecided: [2, 3], saturated: [0, 1] });
  });

  test('seed 61: the two hidden units end up doing one job (twins); seed 99: still on the plateau near ½', () => {
    const [s61, s99] = seedOutcomes(xorTutorial, [61, 99]);
    expect(s61).toMatchObject({ outcome: 'twins', twins: [[0, 1]] });
    expect(s99!.outcome).toBe('plateau');
    expect(s99!.undecided.length).toBeGreaterThanOrEqual(3);
  });

  test('a network that learned is diagnosed "learned"', () => {
    const { run } = createXorRun(xorReliable);
    run.advance(2000);
    expect(diagnoseXor(run.network())).toMatchObject({ learned: true, outcome: 'learned' });
  });
});
