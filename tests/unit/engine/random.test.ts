import { describe, expect, test } from 'vitest';
import { createTraining, dataset, initNetwork, mulberry32, shuffleInPlace } from '../../../src/engine/index.ts';
import { mulberry32Seed1 } from '../../fixtures/golden.ts';

describe('mulberry32, the seeded PRNG behind every random choice', () => {
  test('mulberry32(1) starts 0.6270739405881613, 0.002735721180215478, 0.5274470399599522, … (pinned)', () => {
    const rng = mulberry32(1);
    expect(Array.from({ length: 5 }, rng)).toEqual([...mulberry32Seed1]);
  });

  test('numbers lie in [0, 1) and the same seed repeats the same sequence', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    for (let k = 0; k < 1000; k++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  test('shuffleInPlace gives a permutation, the same one for the same seed', () => {
    const one = [0, 1, 2, 3, 4, 5, 6, 7];
    const two = [...one];
    shuffleInPlace(one, mulberry32(7));
    shuffleInPlace(two, mulberry32(7));
    expect(one).toEqual(two);
    expect([...one].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('same seed → same network and same training', () => {
  test('initNetwork with the same seed gives identical weights', () => {
    const a = initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(42));
    const b = initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(42));
    expect(a.layers.map((l) => Array.from(l.W.data))).toEqual(b.layers.map((l) => Array.from(l.W.data)));
  });

  test('two shuffled mini-batch runs with the same seeds end with bit-identical weights and losses', () => {
    const data = dataset([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]], [0, 1, 1, 0, 1]);
    const run = () => {
      const r = createTraining(initNetwork([2, 3, 1], ['tanh', 'sigmoid'], mulberry32(3)), data, {
        alpha: 0.5,
        loss: 'halfSquaredErrorMean',
        batchSize: 2,
        rng: mulberry32(4),
        maxEpochs: 50,
      });
      r.advance(50);
      return { w: r.network().layers.map((l) => Array.from(l.W.data)), h: Array.from(r.lossHistory()) };
    };
    expect(run()).toEqual(run());
  });
});
