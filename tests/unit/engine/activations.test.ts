import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  activations,
  numericalDerivative,
  resolveActivation,
  sigmoid,
  sigmoidPrime,
  sigmoidPrimeFromA,
  sigmoidSlope,
  tanhSlope,
  HyperparameterError,
} from '../../../src/engine/index.ts';
import type { ActivationName } from '../../../src/engine/index.ts';
import { expectRelClose } from './helpers.ts';

describe('sigmoid', () => {
  test('σ(0) = ½ and σ(z) = 1/(1 + e^(−z))', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [-3, -0.5, 0.25, 2, 7]) expectRelClose(sigmoid(z), 1 / (1 + Math.exp(-z)));
  });

  test('σ is stable at z = ±1000: finite, 0 ≤ σ ≤ 1, never NaN', () => {
    for (const z of [-1000, 1000, -1e300, 1e300]) {
      const s = sigmoid(z);
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isNaN(sigmoidPrime(1000))).toBe(false);
  });

  test('σ stays in [0, 1] and σ(−z) = 1 − σ(z) for any finite z', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (z) => {
        const s = sigmoid(z);
        expect(s >= 0 && s <= 1).toBe(true);
        expect(Math.abs(sigmoid(-z) - (1 - s))).toBeLessThan(1e-15);
      }),
    );
  });

  test("σ'(z) from z equals a(1 − a) from a = σ(z), up to the digits 1 − a loses to rounding", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (z) => {
        const fromA = sigmoidPrimeFromA(sigmoid(z));
        // 1 − a carries an absolute rounding error of about 2⁻⁵³, i.e. a relative one of ~1e-16·e^|z|.
        const tolerance = 1e-15 * (1 + Math.exp(Math.abs(z)));
        expect(Math.abs(sigmoidPrime(z) - fromA)).toBeLessThanOrEqual(tolerance * fromA);
      }),
    );
  });

  test("σ'(z) from z keeps its digits in the tails, where a(1 − a) rounds to 0", () => {
    for (const z of [30, 40, 100, 700, -40, -700]) {
      const exact = Math.exp(-Math.abs(z)) / (1 + Math.exp(-Math.abs(z))) ** 2;
      expect(Math.abs(sigmoidPrime(z) - exact)).toBeLessThanOrEqual(1e-15 * exact);
    }
    expect(sigmoidPrimeFromA(sigmoid(40))).toBe(0); // the catastrophe sigmoidSlope avoids
    expect(sigmoidSlope(sigmoid(40), 40)).toBeCloseTo(Math.exp(-40), 50);
    expect(sigmoidSlope(sigmoid(40), 40) / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(sigmoidPrime(1000)).toBe(0);
    expect(Number.isNaN(sigmoidPrime(-1000))).toBe(false);
  });

  test("sigmoidSlope(a, z) is a(1 − a) below saturation and σ'(z) above, agreeing where they meet", () => {
    const z = Math.log(1e6 - 1); // σ(z) = 1 − 10⁻⁶, where sigmoidSlope switches
    expect(sigmoidSlope(0.5, 0)).toBe(0.25);
    expect(Math.abs(sigmoidSlope(sigmoid(z), z) / sigmoidPrimeFromA(sigmoid(z)) - 1)).toBeLessThan(1e-9);
  });

  test("tanhSlope(a, z) keeps its digits where 1 − a² would round to 0", () => {
    const z = 20;
    const exact = 1 / Math.cosh(z) ** 2;
    expect(1 - Math.tanh(z) ** 2).toBe(0);
    expect(tanhSlope(Math.tanh(z), z) / exact).toBeCloseTo(1, 12);
    expect(tanhSlope(Math.tanh(-z), -z) / exact).toBeCloseTo(1, 12);
    expect(tanhSlope(Math.tanh(0.5), 0.5)).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
  });

  test("σ'(0) = ¼, the largest slope of the sigmoid", () => {
    expect(sigmoidPrime(0)).toBe(0.25);
    expect(sigmoidPrimeFromA(0.5)).toBe(0.25);
  });
});

describe('every activation', () => {
  const names = Object.keys(activations) as ActivationName[];

  test.each(names)("%s: df(z) matches the central difference of f away from kinks", (name) => {
    const act = activations[name];
    for (const z of [-2.3, -0.7, 0.4, 1.9]) {
      const numeric = numericalDerivative(act.f, z, 1e-6);
      expect(Math.abs(act.df(z) - numeric)).toBeLessThan(1e-8);
    }
  });

  test.each(names)('%s: dfFromA(f(z)) is the same number as df(z)', (name) => {
    const act = activations[name];
    for (const z of [-2.3, -0.7, 0, 0.4, 1.9]) expectRelClose(act.dfFromA(act.f(z)), act.df(z), 1e-12);
  });

  test('ReLU and leaky ReLU use slope 0 and 0.01 at the kink z = 0', () => {
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.leakyRelu.df(0)).toBe(0.01);
    expect(activations.leakyRelu.f(-2)).toBe(-0.02);
  });

  test('an unknown activation name throws a HyperparameterError naming it', () => {
    expect(() => resolveActivation('softplus' as ActivationName)).toThrow(HyperparameterError);
    expect(() => resolveActivation('softplus' as ActivationName)).toThrow(/softplus/);
  });
});
