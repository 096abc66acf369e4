// Mazur's 2-2-2 example (src/engine/examples/mazur*.ts): both orders of the update against the plain
// unit-by-unit oracle, and against the figures the post publishes, to the digits printed there.
import { describe, expect, test } from 'vitest';
import {
  agreement, compareWithPublished, HyperparameterError, MAZUR_ROUNDS, mazurData, mazurDefaults, mazurFirstUpdate,
  mazurNetwork, mazurPublished, mazurRun, mazurStep, NonFiniteError, printedDigits, toRows, updateDuringStep,
} from '../../../src/engine/index.ts';
import { MAZUR, mazurErrors, mazurForward, mazurNumericGradient, mazurUpdate } from '../../fixtures/oracle-general-formulation.ts';
import { expectRelClose } from './helpers.ts';

const weightsOf = (net: ReturnType<typeof mazurNetwork>) => [...net.layers[0]!.W.data, ...net.layers[1]!.W.data];

/** The post's figures, typed here a second time from the post (not read from the engine's list). */
const POST: Record<string, string> = {
  netH1: '0.3775', outH1: '0.593269992', outH2: '0.596884378', netO1: '1.105905967', outO1: '0.75136507', outO2: '0.772928465',
  errO1: '0.274811083', errO2: '0.023560026', errTotal: '0.298371109',
  dEdOutO1: '0.74136507', dOutdNetO1: '0.186815602', dEdW5: '0.082167041',
  w5: '0.35891648', w6: '0.408666186', w7: '0.511301270', w8: '0.561370121',
  dEdNetO1: '0.138498562', dEo1dOutH1: '0.055399425', dEo2dOutH1: '−0.019049119', dEdOutH1: '0.036350306',
  dOutdNetH1: '0.241300709', dEdW1: '0.000438568', w1: '0.149780716', w2: '0.19956143', w3: '0.24975114', w4: '0.29950229',
  errAfterOne: '0.291027924', errAfterMany: '0.0000351085', outO1AfterMany: '0.015912196', outO2AfterMany: '0.984065734',
};

/** Whether x rounds to the printed figure at the decimals printed. */
const printsAs = (x: number, text: string) => x.toFixed(text.split('.')[1]!.length) === text.replace('−', '-');

describe('the example’s network and inputs', () => {
  test('mazurNetwork(): w1, w2 into h1 and w3, w4 into h2 (W⁽¹⁾ by rows), w5 … w8 into o1, o2; one bias per layer, twice', () => {
    const net = mazurNetwork();
    expect(toRows(net.layers[0]!.W)).toEqual([[0.15, 0.2], [0.25, 0.3]]);
    expect(toRows(net.layers[1]!.W)).toEqual([[0.4, 0.45], [0.5, 0.55]]);
    expect(Array.from(net.layers[0]!.b.data)).toEqual([0.35, 0.35]);
    expect(Array.from(net.layers[1]!.b.data)).toEqual([0.6, 0.6]);
    expect(mazurDefaults.alpha).toBe(0.5);
  });
  test('bad numbers are refused with typed errors', () => {
    expect(() => mazurNetwork({ ...mazurDefaults, b1: Number.NaN })).toThrow(NonFiniteError);
    expect(() => mazurNetwork({ ...mazurDefaults, alpha: -1 })).toThrow(HyperparameterError);
    expect(() => mazurRun(mazurDefaults, 'standard').errors(-1)).toThrow(HyperparameterError);
  });
});

describe('mazurStep (standard) and updateDuringStep (the wrong order) against the unit-by-unit oracle', () => {
  const { X, Y } = mazurData();
  const net = mazurNetwork();
  test('mazurStep: every derivative with the weights before the update; the biases stay', () => {
    const { next, grads } = mazurStep(net, X, Y, 0.5);
    const o = mazurUpdate(MAZUR, MAZUR.w, 'standard');
    weightsOf(next).forEach((w, k) => expectRelClose(w, o.next[k]!));
    expectRelClose(grads.layers[0]!.dW.data[0]!, o.grads[0]!);
    expect(Array.from(next.layers[0]!.b.data)).toEqual([0.35, 0.35]);
    expect(Array.from(next.layers[1]!.b.data)).toEqual([0.6, 0.6]);
  });
  test('updateDuringStep: w5 … w8 the same, w1 … w4 through the updated w5 … w8', () => {
    const r = updateDuringStep(net, X, Y, 0.5);
    const o = mazurUpdate(MAZUR, MAZUR.w, 'updateDuring');
    weightsOf(r.next).forEach((w, k) => expectRelClose(w, o.next[k]!));
    expectRelClose(r.delta[0]!.data[0]!, o.dH1);
    expectRelClose(r.delta[1]!.data[1]!, o.dO2);
    expectRelClose(r.loss, mazurForward(MAZUR).E);
    expect(weightsOf(net), 'the network it was given is not changed').toEqual([...MAZUR.w]);
  });
  test('only the standard order’s layer-1 gradient is ∂E/∂W⁽¹⁾ (central differences), at the start and after 500 updates', () => {
    // The wrong order's error shrinks as the steps of w5 … w8 do: over 1% at the start, still over 10⁻⁴ after 500 updates.
    for (const [k, off] of [[0, 0.01], [500, 1e-4]] as const) {
      const s = mazurRun(mazurDefaults, 'standard').network(k);
      const d = mazurRun(mazurDefaults, 'updateDuring').network(k);
      const numericS = mazurNumericGradient(MAZUR, weightsOf(s));
      const numericD = mazurNumericGradient(MAZUR, weightsOf(d));
      const gS = mazurStep(s, X, Y, 0.5).grads.layers[0]!.dW.data;
      const gD = updateDuringStep(d, X, Y, 0.5).dW[0]!.data;
      for (let j = 0; j < 4; j++) {
        expectRelClose(gS[j]!, numericS[j]!, 1e-6);
        expect(Math.abs(gD[j]! - numericD[j]!) / Math.abs(numericD[j]!)).toBeGreaterThan(off);
      }
    }
  });
});

describe('mazurRun(p, order): E after every update', () => {
  test('both orders follow the oracle for 2 000 updates, and differ', () => {
    for (const order of ['standard', 'updateDuring'] as const) {
      const run = mazurRun(mazurDefaults, order);
      const errors = run.errors(2000);
      const o = mazurErrors(MAZUR, 2000, order);
      expect(errors.length).toBe(2001);
      for (const k of [0, 1, 2, 10, 100, 1999, 2000]) expectRelClose(errors[k]!, o.errors[k]!, 1e-10);
      weightsOf(run.network(2000)).forEach((w, j) => expectRelClose(w, o.w[j]!, 1e-10));
      weightsOf(run.network(1)).forEach((w, j) => expectRelClose(w, mazurUpdate(MAZUR, MAZUR.w, order).next[j]!, 1e-12));
    }
    expect(mazurRun(mazurDefaults, 'standard').errors(1)[1]).not.toBe(mazurRun(mazurDefaults, 'updateDuring').errors(1)[1]);
  });
  test('a run extends on demand and remembers: errors(k) after errors(k + 5) is the same numbers', () => {
    const run = mazurRun(mazurDefaults, 'standard');
    const later = Array.from(run.errors(105));
    expect(Array.from(run.errors(100))).toEqual(later.slice(0, 101));
  });
});

describe('the published figures, to the digits printed', () => {
  const { rows, standardErrorOneShort } = compareWithPublished();
  const row = (key: string) => rows.find((r) => r.figure.key === key)!;
  test('the engine’s list quotes the post’s figures exactly', () => {
    expect(Object.fromEntries(mazurPublished.map((f) => [f.key, f.text]))).toEqual(POST);
  });
  test('the forward pass and the output layer’s update: both orders reproduce every figure', () => {
    for (const r of rows.filter((x) => x.figure.group === 'forward' || x.figure.group === 'outputLayer')) {
      expect(printsAs(r.standard, r.figure.text), r.figure.key).toBe(true);
      expect(printsAs(r.updateDuring, r.figure.text), r.figure.key).toBe(true);
    }
  });
  test('the hidden layer’s update: the standard order reproduces every figure (one in its last digit only); the wrong order none but the slope', () => {
    for (const r of rows.filter((x) => x.figure.group === 'hiddenLayer')) {
      if (r.figure.key === 'dEo2dOutH1') {
        // The post prints −0.019049119; −0.0190491183 rounds to −0.019049118: one unit off in the last digit.
        expect(r.standard.toFixed(9)).toBe('-0.019049118');
        expect(r.standardAgrees).toBe('lastDigit');
      } else {
        expect(printsAs(r.standard, r.figure.text), r.figure.key).toBe(true);
      }
      const sameInBoth = r.figure.key === 'dEdNetO1' || r.figure.key === 'dOutdNetH1';
      expect(printsAs(r.updateDuring, r.figure.text), r.figure.key).toBe(sameInBoth);
    }
  });
  test('E after the first round, 0.291027924, is the wrong order’s; the standard order gives 0.291027774', () => {
    expect(printsAs(row('errAfterOne').updateDuring, POST.errAfterOne!)).toBe(true);
    expect(row('errAfterOne').standard.toFixed(9)).toBe('0.291027774');
    expectRelClose(row('errAfterOne').standard, mazurErrors(MAZUR, 1, 'standard').errors[1]!, 1e-12);
  });
  test('the outputs after 10 000 rounds are the wrong order’s; E after 10 000 rounds is the standard order’s after 9 999', () => {
    expect(MAZUR_ROUNDS).toBe(10_000);
    expect(printsAs(row('outO1AfterMany').updateDuring, POST.outO1AfterMany!)).toBe(true);
    expect(printsAs(row('outO2AfterMany').updateDuring, POST.outO2AfterMany!)).toBe(true);
    expect(printsAs(row('outO1AfterMany').standard, POST.outO1AfterMany!)).toBe(false);
    expect(row('errAfterMany').standardAgrees).toBe('differs');
    expect(row('errAfterMany').updateDuringAgrees).toBe('differs');
    expect(printsAs(standardErrorOneShort, POST.errAfterMany!)).toBe(true);
    const o = mazurErrors(MAZUR, MAZUR_ROUNDS, 'standard');
    expectRelClose(standardErrorOneShort, o.errors[MAZUR_ROUNDS - 1]!, 1e-9);
    expectRelClose(row('errAfterMany').standard, o.errors[MAZUR_ROUNDS]!, 1e-9);
  });
  test('the standard order’s values the chapter shows beside them (nine digits)', () => {
    expect(row('errAfterMany').standard.toPrecision(6)).toBe('0.0000351019');
    expect(row('errAfterMany').updateDuring.toPrecision(6)).toBe('0.0000350848');
    expect(row('outO1AfterMany').standard.toFixed(9)).toBe('0.015913620');
    expect(row('w1').updateDuring.toFixed(9)).toBe('0.149817639');
    expect(row('dEdW1').updateDuring.toFixed(9)).toBe('0.000364723');
  });
  test('agreement(value, text) and printedDigits(text) count the digits as printed', () => {
    expect(agreement(0.0190491183, '0.019049119')).toBe('lastDigit');
    expect(agreement(0.75136506955, '0.75136507')).toBe('agrees');
    expect(agreement(0.2910277737, '0.291027924')).toBe('differs');
    expect([printedDigits('0.000438568'), printedDigits('1.105905967'), printedDigits('−0.019049119'), printedDigits('0.511301270')]).toEqual([6, 10, 8, 9]);
  });
});

describe('mazurFirstUpdate(): the first update in both orders', () => {
  const f = mazurFirstUpdate();
  const s = mazurUpdate(MAZUR, MAZUR.w, 'standard');
  const d = mazurUpdate(MAZUR, MAZUR.w, 'updateDuring');
  test('forward, output deltas, hidden deltas and gradients as the oracle has them', () => {
    expectRelClose(f.z1[1]!, s.f.netH2);
    expectRelClose(f.a2[1]!, s.f.outO2);
    expectRelClose(f.E, s.f.E);
    expectRelClose(f.delta2[1]!, s.dO2);
    expectRelClose(f.back[1]!, s.dEdOutH2);
    expectRelClose(f.delta1[0]!, s.dH1);
    expectRelClose(f.dW1[1]![1]!, s.grads[3]!);
    expectRelClose(f.duringBack[0]!, d.dEdOutH1);
    expectRelClose(f.duringDelta1[1]!, d.dH2);
    expectRelClose(f.duringDW1[0]![1]!, d.grads[1]!);
    expectRelClose(f.duringENext, mazurForward(MAZUR, d.next).E);
  });
  test('the wrong order’s "∂E/∂W⁽¹⁾" is the gradient neither before nor after w5 … w8 moved', () => {
    const before = mazurNumericGradient(MAZUR, MAZUR.w);
    const after = mazurNumericGradient(MAZUR, [...MAZUR.w.slice(0, 4), ...s.next.slice(4)]);
    f.numericDW1.flat().forEach((g, k) => expectRelClose(g, before[k]!, 1e-6));
    f.numericDW1AfterW2.flat().forEach((g, k) => expectRelClose(g, after[k]!, 1e-6));
    f.duringDW1.flat().forEach((g, k) => {
      expect(Math.abs(g - before[k]!) / before[k]!).toBeGreaterThan(0.1);
      expect(Math.abs(g - after[k]!) / after[k]!).toBeGreaterThan(0.01);
    });
  });
});
