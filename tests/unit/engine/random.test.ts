import { describe, expect, test } from 'vitest';
import { createTraining, dataset, initNetwork, mulberry32, shuffleInPlace, standardNormal } from '../../../src/engine/index.ts';
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

describe('standardNormal, the N(0, 1) draws behind the XOR tutorial’s np.random.randn', () => {
  test('is √(−2 ln(1 − u₁))·cos(2π u₂) of two consecutive uniforms', () => {
    const u = mulberry32(5);
    const u1 = u();
    const u2 = u();
    expect(standardNormal(mulberry32(5))).toBe(Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
  });
  test('has mean ≈ 0 and variance ≈ 1 over 200 000 draws (4 standard errors)', () => {
    const rng = mulberry32(9);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) {
      const x = standardNormal(rng);
      expect(Number.isFinite(x)).toBe(true);
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
  test("initNetwork(…, 'standardNormal') draws W row by row, then b, layer by layer, two uniforms a number", () => {
    const net = initNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], mulberry32(3), 'standardNormal');
    const rng = mulberry32(3);
    const draw = () => standardNormal(rng);
    const expected = [[draw(), draw(), draw(), draw()], [draw(), draw()], [draw(), draw()], [draw()]];
    expect([Array.from(net.layers[0]!.W.data), Array.from(net.layers[0]!.b.data), Array.from(net.layers[1]!.W.data), Array.from(net.layers[1]!.b.data)]).toEqual(expected);
  });
});
