// The batch-compare widget's model against chapter 11's oracle (tests/fixtures/oracle-mini-batches.ts,
// plain loops, no engine): the three runs at the epoch shown, the actions on the epoch count, an input
// change, the measurement with a fake clock, and both plots in data units.
import { describe, expect, test } from 'vitest';
import { batchCompare as model, BATCH_OF, FIRST_EPOCH, type BatchCompareValues } from '../../../components/widgets/BatchCompare/model';
import { createRuns, WINDOW_MS, WINDOWS } from '../../../components/widgets/BatchCompare/runs';
import { defaults } from '../../../src/kit/params';
import * as O from '../../fixtures/oracle-mini-batches';

const values = (v: Partial<BatchCompareValues> = {}): BatchCompareValues => ({ ...model.defaults, ...v });
const at = (v: Partial<BatchCompareValues> = {}) => { const all = values(v); return model.compute(all, model.start(all)); };
const closeTo = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

/** Every number the widget shows, from the oracle's three loops. */
const oracle = (v: BatchCompareValues) => O.widgetNumbers(v);

function expectOracle(v: BatchCompareValues, numbers: Readonly<Record<string, number>>): void {
  const o = oracle(v);
  expect(Object.keys(numbers).sort()).toEqual(Object.keys(o).sort());
  for (const [name, x] of Object.entries(numbers)) closeTo(x, o[name]!);
}

function toData(frameJson: string | number, px: number, py: number): [number, number] {
  const f = JSON.parse(String(frameJson)) as { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] };
  const [top, right, bottom, left] = f.margin;
  return [f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]), f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0])];
}

/** The points of an SVG path "M…L…" as pairs. */
const pathPoints = (d: string | number) => [...String(d).matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('the batch-compare model: numbers', () => {
  test('the defaults are XOR, seed 2, α = 1, B = 2, summed, 1 000 epochs, shown after 300', () => {
    expect(defaults(model.schema)).toEqual({ dataset: 'xor', seed: 2, alpha: 1, batchSize: 2, convention: 'sum', epochs: 1000, epoch: FIRST_EPOCH });
    expectOracle(values(), at().numbers);
    expect(model.first().numbers).toEqual(at().numbers);
  });
  for (const v of [
    { epoch: 0 }, { epoch: 1000 }, { convention: 'mean', alpha: 2, epoch: 500 }, { batchSize: 3, seed: 9, epoch: 77 },
    { dataset: 'blobs', batchSize: 10, alpha: 0.1, epoch: 120 }, { dataset: 'blobs', batchSize: 30, convention: 'mean', epoch: 40 },
  ] as Partial<BatchCompareValues>[]) {
    test(`compute(${JSON.stringify(v)}) equals the oracle’s three loops`, () => expectOracle(values(v), at(v).numbers));
  }
  test('the mini-batch run is the full batch when B ≥ N, and the flags say so', () => {
    const r = at({ batchSize: 8 });
    expect(r.numbers.batchMini).toBe(4);
    expect(r.numbers.lossMini).toBe(r.numbers.lossFull);
    expect(r.flags.miniIsFull).toBe(true);
    expect(at({ batchSize: 3 }).flags.divides).toBe(false);
    expect(at().flags.divides).toBe(true);
  });
  test('a learning rate too large for the sum over 100 samples diverges or saturates without a NaN on screen', () => {
    const r = at({ dataset: 'blobs', batchSize: 10, alpha: 10, epoch: 200 });
    for (const x of Object.values(r.numbers)) expect(Number.isFinite(x)).toBe(true);
  });
});

describe('the batch-compare model: actions and inputs', () => {
  test('Step, 100 epochs and Start over move the epoch count within 0 … epochs; the session follows', () => {
    const v = values();
    const run = model.start(v);
    let w = model.actions!.step(v, run);
    expect(w.epoch).toBe(FIRST_EPOCH + 1);
    w = model.actions!.step100(w, run);
    expect(w.epoch).toBe(FIRST_EPOCH + 101);
    expectOracle(w, model.compute(w, run).numbers);
    w = model.actions!.restart(w, run);
    expect(w.epoch).toBe(0);
    expectOracle(w, model.compute(w, run).numbers);
    for (let i = 0; i < 12; i++) w = model.actions!.step100(w, run);
    expect(w.epoch).toBe(1000);
    expect(model.play!.done(w, run)).toBe(true);
    expectOracle(w, model.compute(w, run).numbers);
  });
  test('choosing a data set brings its batch size; a shorter run cuts the epoch count', () => {
    const v = values();
    expect(model.onInput!({ ...v, dataset: 'blobs' }, v, 'dataset').batchSize).toBe(BATCH_OF.blobs);
    expect(model.onInput!({ ...v, batchSize: 3 }, v, 'batchSize').batchSize).toBe(3);
    expect(model.onInput!({ ...v, epochs: 100 }, v, 'epochs').epoch).toBe(100);
    expect(model.sessionKey(v)).not.toBe(model.sessionKey({ ...v, alpha: 2 }));
    expect(model.sessionKey(v)).toBe(model.sessionKey({ ...v, epoch: 7 }));
  });
  test('measure times each run in windows of WINDOW_MS after a warm-up, and keeps the fastest, with the clock it is given', () => {
    const runs = createRuns({ ...O.DEFAULTS });
    let t = 0, reads = 0;
    // A fake clock: a millisecond per read, and once (read 40: the mini-batch run's second counted window) a stall of 50 ms.
    const cost = runs.measure(() => { reads++; t += reads === 40 ? 50 : 1; return t; });
    for (const c of [cost.full, cost.mini, cost.sgd]) {
      expect(c.epochs).toBeGreaterThan(0);
      expect(c.msPerEpoch * c.epochs).toBeGreaterThanOrEqual(WINDOW_MS);
      expect(c.msPerEpoch * c.epochs).toBeLessThan(50);   // the stalled window is never the one kept
    }
    expect(WINDOWS).toBeGreaterThan(1);
    expect(runs.cost).toBe(cost);
  });
  test('the measurement is shown as text, never as a marked number', () => {
    const v = values();
    const run = model.start(v);
    expect(model.compute(v, run).text).toEqual({ costFull: '—', costMini: '—', costSgd: '—', setting: 'XOR, 4 samples; the loss summed over each batch.' });
    expect(at({ dataset: 'blobs', convention: 'mean' }).text.setting).toBe('Blobs, 100 samples; the loss averaged over each batch.');
    model.actions!.measure(v, run);
    const r = model.compute(v, run);
    expect(r.flags.measured).toBe(true);
    expect(r.text.costFull).toMatch(/ ms$/);
    expect(Object.keys(r.numbers).some((k) => k.startsWith('cost'))).toBe(false);
  });
});

describe('the batch-compare model: plots in data units', () => {
  test('loss against epochs: the line passes through (e, loss of epoch e) for each run', () => {
    const v = values({ epoch: 50 });
    const r = at(v);
    const o = { Full: O.trainLoop(O.XOR, 2, 1, 4, 'sum', 50), Mini: O.trainLoop(O.XOR, 2, 1, 2, 'sum', 50), Sgd: O.trainLoop(O.XOR, 2, 1, 1, 'sum', 50) };
    for (const [name, run] of Object.entries(o)) {
      const pts = pathPoints(r.shapes[`epoch-${name.toLowerCase()}` as 'epoch-full'].d!);
      expect(pts.length).toBe(50);
      pts.forEach(([px, py], j) => {
        const [x, y] = toData(r.shapes['epoch-plot']['data-frame']!, px, py);
        expect(x).toBeCloseTo(j + 1, 1);
        expect(y).toBeCloseTo(run.history[j]!, 2);
      });
    }
    const [sx0, sy0] = toData(r.shapes['epoch-plot']['data-frame']!, Number(r.shapes['epoch-start'].cx), Number(r.shapes['epoch-start'].cy));
    expect(sx0).toBeCloseTo(0, 5);
    expect(sy0).toBeCloseTo(oracle(v)['lossStart']!, 2);
  });
  test('loss against updates: x is log₁₀ of the updates made by the end of each epoch; the axis spans 1 … epochs·N', () => {
    const r = at({ epoch: 20 });
    const f = JSON.parse(String(r.shapes['update-plot']['data-frame'])) as { x: [number, number] };
    expect(f.x[0]).toBe(0);
    expect(f.x[1]).toBeCloseTo(Math.log10(1000 * 4), 12);
    for (const [name, upe] of [['full', 1], ['mini', 2], ['sgd', 4]] as const) {
      const pts = pathPoints(r.shapes[`update-${name}`].d!);
      const [x0] = toData(r.shapes['update-plot']['data-frame']!, pts[0]![0], pts[0]![1]);
      const [x1] = toData(r.shapes['update-plot']['data-frame']!, pts.at(-1)![0], pts.at(-1)![1]);
      expect(10 ** x0).toBeCloseTo(upe, 1);
      expect(10 ** x1 / (20 * upe)).toBeCloseTo(1, 2);
    }
    expect(r.markup.updateAxes).toContain('>1000</text>');
    expect(r.markup.updateAxes).toContain('parameter updates (log scale)');
  });
});
