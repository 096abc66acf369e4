// The fixed-weights 2-2-1 example (chapter 8) against the chapter's closed forms, written with plain
// loops in tests/fixtures/oracle-network-2-2-1.ts (no engine): every matrix of the forward pass, the
// backward pass and one step, the one-sample pass, the repeated descent, and the errors it throws.
import { describe, expect, test } from 'vitest';
import {
  bestConstantAnswer, columnOf, EngineError, fromRows, HyperparameterError, network221Defaults as d, network221Descent,
  network221Pass, network221Sample, NonFiniteError, ShapeError, toRows, xorInputs, xorTargets, type Matrix,
} from '../../../src/engine/index.ts';
import { fmt } from '../../../src/format/number.ts';
import { NET221, net221, net221Sample, type M } from '../../fixtures/oracle-network-2-2-1.ts';
import { expectRelClose } from './helpers.ts';

/** Every entry of an engine matrix equals the oracle's, to a relative 1e-12, and the shapes agree. */
function expectMatrix(actual: Matrix, expected: M, what: string): void {
  expect([actual.rows, actual.cols], `${what}: shape`).toEqual([expected.length, expected[0]!.length]);
  toRows(actual).forEach((row, i) => row.forEach((v, j) => expectRelClose(v, expected[i]![j]!, 1e-12)));
}

const MATRICES = ['Z1', 'A1', 'Z2', 'A2', 'lossN', 'dLdA2', 'dadz2', 'Delta2', 'dLdA1', 'dadz1', 'Delta1',
  'dLdW2', 'dLdb2', 'dLdW1', 'dLdb1', 'W1Next', 'b1Next', 'W2Next', 'b2Next', 'A2Next'] as const;

describe('network221Pass() on the XOR batch with W⁽¹⁾ = [[0.1, −0.2], [0.4, 0.3]], b⁽¹⁾ = (0.05, −0.1), W⁽²⁾ = [[0.7, −0.5]], b⁽²⁾ = 0.2', () => {
  const r = network221Pass();
  const o = net221(NET221);

  test('the defaults are the chapter’s numbers, and X, Y are the XOR data shared with xor-2-2-1.ts, one sample per column', () => {
    expect({ ...d }).toEqual(NET221);
    expect(d.X).toEqual([xorInputs.map((x) => x[0]), xorInputs.map((x) => x[1])]);
    expect(d.Y).toEqual([[...xorTargets]]);
  });
  test('every matrix of the forward pass, the backward pass and the step equals the oracle’s, shape and entries', () => {
    for (const k of MATRICES) expectMatrix(r[k], o[k], k);
    expectRelClose(r.loss, o.loss);
    expectRelClose(r.lossNext, o.lossNext);
    expectRelClose(r.predictedChange, o.predictedChange);
  });
  test('the shapes the chapter writes under its symbols: Z, A, Δ one column per sample; gradients the shape of their parameters', () => {
    const shape = (m: Matrix) => `${m.rows}×${m.cols}`;
    expect([r.Z1, r.A1, r.Delta1, r.dLdA1, r.dadz1].map(shape)).toEqual(['2×4', '2×4', '2×4', '2×4', '2×4']);
    expect([r.Z2, r.A2, r.Delta2, r.dLdA2, r.dadz2, r.lossN, r.A2Next].map(shape)).toEqual(Array(7).fill('1×4'));
    expect([r.dLdW1, r.dLdb1, r.dLdW2, r.dLdb2].map(shape)).toEqual([r.W1, r.b1, r.W2, r.b2].map(shape));
    expect([r.W1, r.b1, r.W2, r.b2].map(shape)).toEqual(['2×2', '2×1', '1×2', '1×1']);
  });
  test('pins the printed numbers (a change in the engine shows up here as a diff, not as silent prose drift)', () => {
    expect([fmt(r.loss), fmt(r.lossNext), fmt(r.lossNext - r.loss), fmt(r.predictedChange)]).toEqual(['0.5093', '0.5086', '−0.0006793', '−0.0006925']);
    expect(toRows(r.A2)[0]!.map((v) => fmt(v))).toEqual(['0.5796', '0.5619', '0.5717', '0.5544']);
    expect(toRows(r.Delta1).map((row) => row.map((v) => fmt(v)))).toEqual([['0.0247', '−0.01877', '−0.01825', '0.02395'], ['−0.01761', '0.01335', '0.01282', '−0.01567']]);
    expect(toRows(r.dLdW2)[0]!.map((v) => fmt(v))).toEqual(['0.03291', '0.03598']);
    expect(fmt(r.dLdb2.data[0]!)).toBe('0.06548');
  });
  test('the batch gradient is the sum of the samples’ gradients (the chapter’s derivation), and sample 3 alone is column 3', () => {
    const samples = [0, 1, 2, 3].map((n) => network221Sample(d, n));
    for (const k of ['dLdW1', 'dLdb1', 'dLdW2', 'dLdb2'] as const) {
      const sum = samples.reduce((acc, s) => acc.map((v, i) => v + s[k].data[i]!), new Array<number>(r[k].data.length).fill(0));
      sum.forEach((v, i) => expectRelClose(v, r[k].data[i]!, 1e-12));
    }
    const one = network221Sample(d, 2);
    const oneO = net221Sample(NET221, 2);
    for (const k of MATRICES) expectMatrix(one[k], oneO[k], `sample 3: ${k}`);
    for (const k of ['Z1', 'A1', 'Delta1'] as const) expect(Array.from(one[k].data)).toEqual([r[k].data[2], r[k].data[6]]);
    expect(one.dLdW1.data[1]).toBe(0); // x₂ = 0: the weight from a silent input gets no gradient from this sample
  });
  test('the loss falls in this step, as the first-order estimate −α‖∇L‖² says', () => {
    expect(r.lossNext).toBeLessThan(r.loss);
    expect(Math.abs(r.lossNext - r.loss - r.predictedChange) / Math.abs(r.predictedChange)).toBeLessThan(0.05);
  });
});

describe('network221Descent(params, steps) and bestConstantAnswer(params)', () => {
  test('entry k is the loss after k steps: the oracle’s steps, taken one after another', () => {
    const losses = network221Descent(d, 5);
    expect(losses.length).toBe(6);
    let p = NET221;
    for (let k = 0; k <= 5; k++) {
      const o = net221(p);
      expectRelClose(losses[k]!, o.loss, 1e-11);
      p = { ...p, W1: o.W1Next, b1: o.b1Next, W2: o.W2Next, b2: o.b2Next };
    }
  });
  test('the best constant answer to XOR is ŷ = ½ for every sample, with loss 4 · ½ · (½)² = ½', () => {
    expect(bestConstantAnswer(d)).toEqual({ c: 0.5, loss: 0.5 });
    expect(bestConstantAnswer({ ...d, Y: [[0, 0, 0, 1]] })).toEqual({ c: 0.25, loss: 0.5 * (3 * 0.25 ** 2 + 0.75 ** 2) });
  });
});

describe('network221Pass(params) refuses what it cannot compute, with an EngineError that says why', () => {
  test('a NaN weight: NonFiniteError naming the layer', () => {
    expect(() => network221Pass({ ...d, W1: [[Number.NaN, 0], [0, 0]] })).toThrow(NonFiniteError);
    expect(() => network221Pass({ ...d, W1: [[Number.NaN, 0], [0, 0]] })).toThrow(/W of layer 1/);
  });
  test('a batch of the wrong shape: ShapeError with the expected shape', () => {
    expect(() => network221Pass({ ...d, X: [[0, 1], [1, 0], [1, 1]] })).toThrow(ShapeError);
    expect(() => network221Pass({ ...d, Y: [[0, 1, 1]] })).toThrow(/expected 1×4/);
    expect(() => network221Pass({ ...d, W2: [[0.7, -0.5, 1]] })).toThrow(/expected 1×2/);
  });
  test('a negative learning rate, and a sample that does not exist: HyperparameterError', () => {
    expect(() => network221Pass({ ...d, alpha: -1 })).toThrow(HyperparameterError);
    expect(() => columnOf(fromRows(d.X), 4)).toThrow(/sample 5 does not exist: the batch has 4 samples/);
    expect(() => network221Sample(d, -1)).toThrow(EngineError);
  });
});
