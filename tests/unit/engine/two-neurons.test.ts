import { describe, expect, test } from 'vitest';
import { HyperparameterError, NonFiniteError, twoNeuronDefaults, twoNeuronGraph, twoNeurons } from '../../../src/engine/index.ts';
import { expectRelClose } from './helpers.ts';

describe('twoNeurons() at x = 0.5, w1 = 0.3, b1 = 0.1, w2 = 0.5, b2 = −0.2, y = 1.5, α = 0.1', () => {
  const r = twoNeurons();
  // The derivation, written out with Math.exp.
  const s = (t: number) => 1 / (1 + Math.exp(-t));
  const { x, w1, b1, w2, b2, y, alpha } = twoNeuronDefaults;
  const z1 = w1 * x + b1;
  const a1 = s(z1);
  const z2 = w2 * a1 + b2;
  const a2 = s(z2);
  const sp1 = s(z1) * (1 - s(z1));
  const sp2 = s(z2) * (1 - s(z2));
  const delta2 = (a2 - y) * sp2;
  const delta1 = w2 * delta2 * sp1;
  const next = { w1: w1 - alpha * delta1 * x, b1: b1 - alpha * delta1, w2: w2 - alpha * delta2 * a1, b2: b2 - alpha * delta2 };
  const lossNext = 0.5 * (y - s(next.w2 * s(next.w1 * x + next.b1) + next.b2)) ** 2;

  test('forward: z1 = w1·x + b1, a1 = σ(z1), z2 = w2·a1 + b2, a2 = σ(z2) = ŷ', () => {
    expectRelClose(r.z1, z1);
    expectRelClose(r.a1, a1);
    expectRelClose(r.z2, z2);
    expectRelClose(r.a2, a2);
    expect(r.yHat).toBe(r.a2);
  });
  test("σ'(z1) and σ'(z2)", () => {
    expectRelClose(r.dadz1, sp1);
    expectRelClose(r.dadz2, sp2);
  });
  test("output delta δ2 = (a2 − y)·σ'(z2)", () => {
    expectRelClose(r.dLda2, a2 - y);
    expectRelClose(r.delta2, delta2);
  });
  test("hidden delta δ1 = w2·δ2·σ'(z1)", () => expectRelClose(r.delta1, delta1));
  test('∂L/∂w2 = δ2·a1, ∂L/∂b2 = δ2, ∂L/∂w1 = δ1·x, ∂L/∂b1 = δ1', () => {
    expectRelClose(r.dLdw2, delta2 * a1);
    expectRelClose(r.dLdb2, delta2);
    expectRelClose(r.dLdw1, delta1 * x);
    expectRelClose(r.dLdb1, delta1);
  });
  test('L = ½(y − a2)²; after one step every θ ← θ − α·∂L/∂θ and the loss went down', () => {
    expectRelClose(r.loss, 0.5 * (y - a2) ** 2);
    expectRelClose(r.w1Next, next.w1);
    expectRelClose(r.b1Next, next.b1);
    expectRelClose(r.w2Next, next.w2);
    expectRelClose(r.b2Next, next.b2);
    expectRelClose(r.lossNext, lossNext);
    expect(r.lossNext).toBeLessThan(r.loss);
  });

  test('the autograd graph of the same two neurons gives the same four gradients', () => {
    const g = twoNeuronGraph();
    g.L.backward();
    expectRelClose(g.w1.grad, r.dLdw1);
    expectRelClose(g.b1.grad, r.dLdb1);
    expectRelClose(g.w2.grad, r.dLdw2);
    expectRelClose(g.b2.grad, r.dLdb2);
    expectRelClose(g.z1.grad, r.delta1);
    expectRelClose(g.z2.grad, r.delta2);
  });
});

describe('twoNeurons() rejects bad parameters', () => {
  test('b2 = −Infinity throws NonFiniteError naming b2', () => {
    expect(() => twoNeurons({ ...twoNeuronDefaults, b2: -Infinity })).toThrow(NonFiniteError);
    expect(() => twoNeurons({ ...twoNeuronDefaults, b2: -Infinity })).toThrow(/^b2 is -Infinity/);
  });
  test('α = NaN throws NonFiniteError; α < 0 throws HyperparameterError', () => {
    expect(() => twoNeurons({ ...twoNeuronDefaults, alpha: Number.NaN })).toThrow(NonFiniteError);
    expect(() => twoNeurons({ ...twoNeuronDefaults, alpha: -1 })).toThrow(HyperparameterError);
  });
});
