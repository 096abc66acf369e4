// Export's JSON test vectors: they re-run through the engine to the same numbers, an independent oracle
// (tests/fixtures/oracle-export.ts, plain loops) agrees with them, and every number the widget shows
// is where the file says it is.
import { describe, expect, test } from 'vitest';
import { backward, forward, lossOf, step } from '../../../src/engine/dense';
import { fromRows, toRows as rowsOf } from '../../../src/engine/matrix';
import { networkFrom } from '../../../src/engine/network';
import { at, LOSS_CONVENTIONS, testVectors, VECTORS_SCHEMA, VECTORS_VERSION, vectorsJson, type TestVectors } from '../../../src/export/vectors';
import { HyperparameterError } from '../../../src/engine/errors';
import { outputDelta } from '../../../components/widgets/OutputDelta/model';
import { sigmoidDerivative } from '../../../components/widgets/SigmoidDerivative/model';
import { denseOracle } from '../../fixtures/oracle-export';
import { EXPORT_CASES, exportAt } from './cases';

/** Entry by entry within a relative tolerance (the oracle sums in another order than the engine). */
function close(got: unknown, want: unknown, what: string, rel = 1e-12): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got), what).toBe(true);
    expect((got as unknown[]).length, `${what}: length`).toBe(want.length);
    want.forEach((w, i) => close((got as unknown[])[i], w, `${what}[${i}]`, rel));
    return;
  }
  const g = got as number, w = want as number;
  expect(Math.abs(g - w), `${what}: ${g} vs ${w}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(w)));
}

describe.each(EXPORT_CASES)('Export of %s', (_label, model, changed) => {
  const { numbers, vectors } = exportAt(model, changed);
  // What a reader downloads: the file's text, parsed back.
  const file = JSON.parse(vectorsJson(vectors)) as TestVectors;

  test('the file states its schema, version and conventions', () => {
    expect(file.schema).toBe(VECTORS_SCHEMA);
    expect(file.version).toBe(VECTORS_VERSION);
    expect(file.widget).toBe(model.name);
    expect(file.conventions.lossFormula).toBe(LOSS_CONVENTIONS[file.conventions.loss].formula);
    expect(file.conventions.reduction.outputs).toBe('sum');
    expect(file.conventions.reduction.samples).toBe(file.conventions.loss === 'binaryCrossEntropy' ? 'mean' : 'sum');
    expect(file.conventions.learningRate).toBeGreaterThan(0);
  });

  test('re-run through the engine, the file’s inputs and parameters give exactly the file’s numbers', () => {
    // (As JSON, which has no −0: a ReLU's δ of −0 is written 0.)
    const toRows = (m: Parameters<typeof rowsOf>[0]) => JSON.parse(JSON.stringify(rowsOf(m))) as number[][];
    const net = networkFrom(file.parameters.map((p) => ({ W: p.W, b: fromRows(p.b), activation: p.activation as 'sigmoid' })));
    const X = fromRows(file.inputs.X), Y = fromRows(file.inputs.Y);
    const trace = forward(net, X);
    const grads = backward(net, trace, Y, file.conventions.loss);
    const next = step(net, grads, file.conventions.learningRate);
    trace.layers.forEach((t, l) => {
      expect(toRows(t.z), `z${l + 1}`).toEqual(file.forward[l]!.z);
      expect(toRows(t.a), `a${l + 1}`).toEqual(file.forward[l]!.a);
    });
    expect(grads.loss).toBe(file.loss);
    expect(toRows(grads.dLdyHat)).toEqual(file.backward.dLdyHat);
    grads.layers.forEach((g, l) => {
      expect(toRows(g.delta), `δ${l + 1}`).toEqual(file.backward.layers[l]!.delta);
      expect(toRows(g.dW), `dW${l + 1}`).toEqual(file.backward.layers[l]!.dLdW);
      expect(toRows(g.db), `db${l + 1}`).toEqual(file.backward.layers[l]!.dLdb);
    });
    next.layers.forEach((p, l) => {
      expect(toRows(p.W)).toEqual(file.update.parameters[l]!.W);
      expect(toRows(p.b)).toEqual(file.update.parameters[l]!.b);
    });
    expect(lossOf(next, X, Y, file.conventions.loss)).toBe(file.update.lossNext);
  });

  test('the oracle (plain loops, not the engine) agrees with every number of the file', () => {
    const o = denseOracle(file.parameters.map((p) => ({ W: p.W.map((r) => [...r]), b: p.b.map((r) => [...r]), activation: p.activation })),
      file.inputs.X.map((r) => [...r]), file.inputs.Y.map((r) => [...r]), file.conventions.loss, file.conventions.learningRate);
    file.forward.forEach((f, l) => {
      close(f.z, o.zs[l], `z${l + 1}`);
      close(f.a, o.as[l], `a${l + 1}`);
      close(f.dadz, o.dadz[l], `dadz${l + 1}`);
    });
    close(file.loss, o.loss, 'L');
    close(file.backward.dLdyHat, o.dLdyHat, '∂L/∂ŷ');
    file.backward.layers.forEach((b, l) => {
      close(b.delta, o.deltas[l], `δ${l + 1}`);
      close(b.dLdW, o.dLdW[l], `∂L/∂W${l + 1}`);
      close(b.dLdb, o.dLdb[l], `∂L/∂b${l + 1}`);
    });
    file.update.parameters.forEach((p, l) => {
      close(p.W, o.next[l]!.W, `W${l + 1} after`);
      close(p.b, o.next[l]!.b, `b${l + 1} after`);
    });
    close(file.update.lossNext, o.lossNext, 'L after');
  });

  test('every number the widget shows is in the file, at its path, with the widget’s value', () => {
    expect(Object.keys(file.shown).length).toBeGreaterThan(5);
    for (const [name, [value, where]] of Object.entries(file.shown)) {
      expect(value, name).toBe(numbers[name]);
      expect(at(file, where), `${name} at ${where}`).toBe(value);
    }
  });
});

describe('Export, generally', () => {
  test('the one-neuron example at the book’s numbers, written out: z = 0.25, L = ½(1.5 − σ(0.25))²', () => {
    const { vectors } = exportAt(outputDelta as never, {});
    expect(vectors.inputs).toEqual({ X: [[0.5]], Y: [[1.5]] });
    expect(vectors.parameters).toEqual([{ activation: 'sigmoid', W: [[0.3]], b: [[0.1]] }]);
    expect(vectors.forward[0]!.z).toEqual([[0.25]]);
    expect(vectors.loss).toBeCloseTo(0.5 * (1.5 - 1 / (1 + Math.exp(-0.25))) ** 2, 15);
    expect(vectors.conventions.learningRate).toBe(0.1);
    expect(vectors.shown['delta']![1]).toBe('backward.layers.0.delta.0.0');
    expect(vectorsJson(vectors)).toContain('"X": [\n      [0.5]\n    ]');
  });
  test('the mini-batch trainer says that the exported step is the full-batch one', () => {
    const mini = EXPORT_CASES.find(([label]) => label.includes('mini'))!;
    expect(exportAt(mini[1], mini[2]).vectors.notes.join(' ')).toMatch(/full-batch step/);
  });
  test('a widget without `vectors` has nothing to export (it shows no Export button)', () => {
    expect(sigmoidDerivative.vectors).toBeUndefined();
  });
  test('what the engine cannot compute is refused with its EngineError, never a file of NaN', () => {
    const c = outputDelta.vectors!({ ...outputDelta.defaults }, undefined);
    expect(() => testVectorsOf({ ...c, alpha: -1 })).toThrow(HyperparameterError);
    expect(() => testVectorsOf({ ...c, X: [[Number.NaN]] })).toThrow(/not finite|NaN/);
  });
  test('a name the widget does not show, or a path that leads nowhere, is a bug the export names', () => {
    const c = outputDelta.vectors!({ ...outputDelta.defaults }, undefined);
    expect(() => testVectorsOf({ ...c, shown: { nope: 'loss' } })).toThrow(/does not show/);
    expect(() => testVectorsOf({ ...c, shown: { z: 'forward.7.z.0.0' } })).toThrow(/not a number of the vectors/);
  });
});

const testVectorsOf = (c: Parameters<typeof testVectors>[1]) => testVectors('output-delta', c, outputDelta.first().numbers);
