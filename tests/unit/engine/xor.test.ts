import { describe, expect, test } from 'vitest';
import { trainXor, xorData, xorDefaults, xorNetwork, xorTutorialSettings } from '../../../src/engine/index.ts';
import { numpyXorTutorial } from '../../fixtures/golden.ts';

describe('the 2-2-1 XOR network, trained like the numpy tutorial', () => {
  test('the data: X is 2×4 with one sample per column, Y = 0, 1, 1, 0', () => {
    expect([xorData.X.rows, xorData.X.cols]).toEqual([2, 4]);
    expect(Array.from(xorData.X.data)).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
    expect(Array.from(xorData.Y.data)).toEqual([...numpyXorTutorial.targets]);
  });

  test('initial weights and biases are drawn from U[0, 1) by the seed', () => {
    const net = xorNetwork(xorDefaults.seed);
    for (const layer of net.layers) {
      for (const v of [...layer.W.data, ...layer.b.data]) expect(v >= 0 && v < 1).toBe(true);
    }
    expect(xorNetwork(1)).toEqual(xorNetwork(1));
  });

  test('with seed 1, α = 0.5 and 10 000 epochs it learns XOR: predictions round to 0, 1, 1, 0', () => {
    const r = trainXor(xorDefaults);
    expect(xorDefaults).toEqual({ seed: 1, alpha: 0.5, epochs: 10_000 });
    expect(r.rounded).toEqual([0, 1, 1, 0]);
    expect(r.learned).toBe(true);
    expect(r.progress.status).toBe('stopped');
    expect(r.progress.loss).toBeLessThan(0.001);
    expect(r.lossHistory).toHaveLength(10_000);
  });

  test('the tutorial’s own settings (α = 0.1, 10 000 epochs) also learn XOR from seed 1, more slowly: loss ≈ 0.0076, ŷ ≈ 0.06, 0.94, 0.94, 0.07', () => {
    expect(xorTutorialSettings.alpha).toBe(numpyXorTutorial.alpha);
    expect(xorTutorialSettings.epochs).toBe(numpyXorTutorial.epochs);
    const r = trainXor(xorTutorialSettings);
    expect(r.learned).toBe(true);
    expect(r.progress.loss).toBeCloseTo(0.0076, 4);
    expect(r.predictions.map((p) => Number(p.toFixed(2)))).toEqual([0.06, 0.94, 0.94, 0.07]);
  });

  test('but with the tutorial’s settings some seeds stall in a local minimum: seed 4 ends with one input at ŷ ≈ 0.5 (loss ≈ 0.26)', () => {
    const r = trainXor({ ...xorTutorialSettings, seed: 4 });
    expect(r.learned).toBe(false);
    expect(r.progress.loss).toBeCloseTo(0.26, 2);
    expect(r.predictions.map((p) => Number(p.toFixed(1)))).toEqual([0.1, 0.9, 0.5, 0.5]);
  });
});
