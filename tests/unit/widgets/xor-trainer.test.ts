import { describe, expect, test } from 'vitest';
import { ALPHA_UNITS, configOf, xorTrainer as model, type XorTrainerValues } from '../../../components/widgets/XorTrainer/model.ts';
import { readFileSync } from 'node:fs';
import { canvasBox, lossFrame, lossAxes, powerOfTen, boundaryGrid, SQUARE } from '../../../components/widgets/XorTrainer/views.ts';
import { checkResult } from '../../../src/kit/widget.ts';
import { firstLearned, initialWeights, lossAt, predictions, predict, trainOracle, tutorial, type OracleConfig } from '../../fixtures/oracle-training-xor.ts';

const d = model.defaults;

/** Values after pressing an action n times on one session (as the element does). */
function press(values: XorTrainerValues, action: keyof NonNullable<typeof model.actions>, n = 1, run = model.start(values)) {
  let v = values;
  for (let i = 0; i < n; i++) v = model.actions![action](v, run);
  return { v, run, r: model.compute(v, run) };
}

const oracleOf = (v: XorTrainerValues): OracleConfig => ({
  seed: v.seed, alpha: v.alpha, hidden: v.hidden, activation: v.activation, loss: v.loss,
  batchSize: v.batch === 'full' ? 4 : v.batch === 'sgd' ? 1 : v.batchSize,
});

describe('xorTrainer: the defaults are the numpy tutorial', () => {
  test('seed 2, α = 0.1, 10 000 epochs, 2 sigmoid hidden units, summed ½(y − ŷ)², full batch; epoch 0', () => {
    expect(configOf(d)).toEqual({ seed: 2, alpha: 0.1, epochs: 10_000, hidden: 2, activation: 'sigmoid', loss: 'halfSquaredErrorSum', batch: 'full', batchSize: 2 });
    expect(d.epoch).toBe(0);
    expect(tutorial).toMatchObject({ seed: d.seed, alpha: d.alpha, hidden: d.hidden });
  });

  test('first(): the initial weights from the seed and the initial loss and ŷ, as the oracle computes them', () => {
    const r = model.first();
    checkResult(r);
    const w = initialWeights(2, 2);
    expect(r.numbers['W1_11']).toBe(w.W1[0]![0]);
    expect(r.numbers['W1_22']).toBe(w.W1[1]![1]);
    expect(r.numbers['b1_2']).toBe(w.b1[1]);
    expect(r.numbers['W2_1']).toBe(w.W2[0]);
    expect(r.numbers['b2']).toBe(w.b2);
    expect(r.numbers['W1_31']).toBe(0);
    expect(r.flags.unit2).toBe(true);
    expect(r.flags.unit3).toBe(false);
    expect(r.numbers['lossNow']).toBeCloseTo(lossAt(w, tutorial), 12);
    expect(r.numbers['loss0']).toBeCloseTo(lossAt(w, tutorial), 12);
    predictions(w, 'sigmoid').forEach((p, i) => expect(r.numbers[`yHat${i + 1}`]).toBeCloseTo(p, 12));
    expect(r.canvas.boundary.width).toBe(48);
  });
});

describe('xorTrainer: Step, Step ×100, Back to epoch 0 follow the oracle’s loop', () => {
  test('Step ×100 thirty times, then Step: epoch 3 001, the loss and ŷ equal the oracle’s at that epoch', () => {
    const a = press(d, 'step100', 30);
    const b = press(a.v, 'step', 1, a.run);
    const o = trainOracle(tutorial, 3001);
    expect(b.r.numbers['epoch']).toBe(3001);
    expect(b.r.numbers['lossNow']).toBeCloseTo(lossAt(o.weights, tutorial), 10);
    predictions(o.weights, 'sigmoid').forEach((p, i) => expect(b.r.numbers[`yHat${i + 1}`]).toBeCloseTo(p, 10));
    expect(b.r.numbers['W2_1']).toBeCloseTo(o.weights.W2[0]!, 9);
  });

  test('the default run learns XOR (ŷ rounds to 0, 1, 1, 0) at the epoch the oracle’s loop first does, and Play stops at 10 000', () => {
    const a = press(d, 'step100', 100);
    expect(a.v.epoch).toBe(10_000);
    expect(model.play!.done(a.v, a.run)).toBe(true);
    // The oracle, epoch by epoch: the first epoch after which every ŷ rounds to its target.
    const c = { ...tutorial };
    expect(a.r.flags.everLearned).toBe(true);
    expect(a.r.numbers['learnedAt']).toBe(firstLearned(c, 10_000));
    expect(a.r.numbers['learnedAt']).toBe(3700);
    expect(a.r.numbers['lossNow']).toBeCloseTo(lossAt(trainOracle(c, 10_000).weights, c), 9);
  });

  test('Back to epoch 0 returns the same initial weights; the same steps again give the same numbers', () => {
    const a = press(d, 'step100', 5);
    const back = press(a.v, 'restart', 1, a.run);
    expect(back.r.numbers).toEqual(model.first().numbers);
    const again = press(back.v, 'step100', 5, a.run);
    expect(again.r.numbers).toEqual(a.r.numbers);
  });

  test('an input change starts again from epoch 0; the log-scale switch does not', () => {
    const a = press(d, 'step100', 3);
    expect(model.onInput!({ ...a.v, alpha: 0.5 }, a.v, 'alpha').epoch).toBe(0);
    expect(model.onInput!({ ...a.v, logScale: false }, a.v, 'logScale').epoch).toBe(300);
  });
});

describe('xorTrainer: every knob trains what the oracle trains', () => {
  const cases: Partial<XorTrainerValues>[] = [
    { hidden: 4, activation: 'tanh', alpha: 0.3 },
    { hidden: 3, activation: 'relu', loss: 'binaryCrossEntropy', alpha: 0.5 },
    { batch: 'mini', batchSize: 3, seed: 5 },
    { batch: 'sgd', seed: 12345 },
  ];
  for (const c of cases) {
    test(`${JSON.stringify(c)}: the loss and ŷ after 700 epochs`, () => {
      const v0 = { ...d, ...c };
      const { r } = press(v0, 'step100', 7);
      const o = trainOracle(oracleOf(v0), 700);
      expect(r.numbers['lossNow']).toBeCloseTo(lossAt(o.weights, oracleOf(v0)), 9);
      predictions(o.weights, v0.activation).forEach((p, i) => expect(r.numbers[`yHat${i + 1}`]).toBeCloseTo(p, 9));
    });
  }
});

describe('xorTrainer: pinning a run to compare', () => {
  test('Pin keeps the run’s settings and epochs, starts this one at epoch 0; another α then shows as a difference', () => {
    const a = press(d, 'step100', 20);
    const pinned = press(a.v, 'pin', 1, a.run);
    expect(pinned.v).toMatchObject({ pinned: 1, pSeed: 2, pAlpha: 0.1 * ALPHA_UNITS, pEpoch: 2000, epoch: 0 });
    const v = model.onInput!({ ...pinned.v, alpha: 0.5 }, pinned.v, 'alpha');
    const b = press(v, 'step100', 20);
    expect(b.r.flags.pinned).toBe(true);
    expect(b.r.flags.diffAlpha).toBe(true);
    expect(b.r.flags.diffSeed).toBe(false);
    const o1 = trainOracle(tutorial, 2000), o2 = trainOracle({ ...tutorial, alpha: 0.5 }, 2000);
    expect(b.r.numbers['plossNow']).toBeCloseTo(lossAt(o1.weights, tutorial), 9);
    expect(b.r.numbers['lossNow']).toBeCloseTo(lossAt(o2.weights, tutorial), 9);
    expect(b.r.numbers['lossDiff']).toBeCloseTo(lossAt(o2.weights, tutorial) - lossAt(o1.weights, tutorial), 9);
    expect(b.r.shapes['pin-line'].d).not.toBe('');
    const un = press(b.v, 'unpin', 1, b.run);
    expect(un.r.flags.pinned).toBe(false);
    expect(un.r.shapes['pin-line'].d).toBe('');
  });
});

describe('views', () => {
  test('powerOfTen(−3) is "10⁻³"; the log axis labels whole powers of ten', () => {
    expect(powerOfTen(-3)).toBe('10⁻³');
    const f = lossFrame(10_000, [Float64Array.of(0.5, 0.01)], true);
    expect(f.y).toEqual([-2, 0]);
    expect(lossAxes(f, true)).toContain('>10⁻²</text>');
  });

  test('the boundary grid is ŷ at cell centres over [−0.5, 1.5]², row 0 at the top (x₂ = 1.5)', () => {
    const { run } = press(d, 'step100', 1);
    const net = run.network();
    const g = boundaryGrid(net, 4);
    const o = trainOracle(tutorial, 100).weights;
    const h = (SQUARE[1] - SQUARE[0]) / 4;
    expect(g.values[0]).toBeCloseTo(predict(o, 'sigmoid', [SQUARE[0] + h / 2, SQUARE[1] - h / 2]).yHat, 10);
    expect(g.values[15]).toBeCloseTo(predict(o, 'sigmoid', [SQUARE[1] - h / 2, SQUARE[0] + h / 2]).yHat, 10);
  });
});

test('the canvas’s CSS box in XorTrainer.astro is canvasBox(): it covers the heat plot’s plotting area exactly', () => {
  const astro = readFileSync(new URL('../../../components/widgets/XorTrainer/XorTrainer.astro', import.meta.url), 'utf8');
  expect(astro).toContain(`.heat-canvas { position: absolute; ${canvasBox()}; }`);
});
