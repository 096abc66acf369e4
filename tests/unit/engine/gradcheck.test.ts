import { describe, expect, test } from 'vitest';
import {
  fivePointDerivative,
  fromRows,
  gradcheck,
  halfSquaredErrorSum,
  networkFrom,
  numericalDerivative,
  numericalGradient,
  relativeError,
} from '../../../src/engine/index.ts';

describe('numericalDerivative(f, x, ε), the central difference (f(x + ε) − f(x − ε)) / 2ε', () => {
  test('d/dx x² = 2x at x = 3 (exact for a parabola up to rounding)', () => {
    expect(numericalDerivative((x) => x * x, 3, 1e-5)).toBeCloseTo(6, 9);
  });

  test('d/dx sin x = cos x, with an error that shrinks like ε²', () => {
    const err = (eps: number) => Math.abs(numericalDerivative(Math.sin, 1, eps) - Math.cos(1));
    expect(err(1e-5)).toBeLessThan(1e-10);
    expect(err(1e-2) / err(1e-3)).toBeCloseTo(100, 0);
  });

  test('the five-point difference is exact to ~1e-12 for sin at ε = 1e-3', () => {
    expect(Math.abs(fivePointDerivative(Math.sin, 1, 1e-3) - Math.cos(1))).toBeLessThan(1e-12);
  });
});

describe('numericalGradient and relativeError', () => {
  test('the gradient of Σ θₖ² is 2θ, and θ is restored exactly', () => {
    const theta = Float64Array.from([0.5, -1.25, 3]);
    const f = () => theta.reduce((sum, t) => sum + t * t, 0);
    const g = numericalGradient(f, theta, 1e-5);
    g.forEach((gk, k) => expect(gk).toBeCloseTo(2 * theta[k]!, 8));
    expect(Array.from(theta)).toEqual([0.5, -1.25, 3]);
  });

  test('relativeError is |a − b| / max(|a|, |b|, floor): 0 for equal numbers, the floor for tiny ones', () => {
    expect(relativeError(2, 2)).toBe(0);
    expect(relativeError(1, 1.1)).toBeCloseTo(0.1 / 1.1, 14);
    expect(relativeError(1e-9, 2e-9)).toBeCloseTo(1e-9 / 1e-5, 14);
  });
});

describe('gradcheck on a network whose gradient is known in closed form', () => {
  // A linear neuron ŷ = w·x + b with L = ½(ŷ − y)²: ∂L/∂w = (ŷ − y)·x and ∂L/∂b = ŷ − y.
  const net = networkFrom([{ W: [[0.8]], b: [-0.3], activation: 'identity' }]);
  const X = fromRows([[2]]);
  const Y = fromRows([[0.5]]);
  const check = gradcheck(net, X, Y, halfSquaredErrorSum);

  test('numeric ∂L/∂w = (ŷ − y)·x = 1.6 and ∂L/∂b = ŷ − y = 0.8', () => {
    expect(check.tensors.map((t) => `${t.tensor}${t.layer}`)).toEqual(['W1', 'b1']);
    expect(check.tensors[0]!.numeric.data[0]).toBeCloseTo(1.6, 10);
    expect(check.tensors[1]!.numeric.data[0]).toBeCloseTo(0.8, 10);
    expect(check.maxRelativeError).toBeLessThan(1e-10);
  });

  test('both stencils agree with backprop; the network itself is left untouched', () => {
    expect(gradcheck(net, X, Y, halfSquaredErrorSum, { stencil: 'twoPoint' }).maxRelativeError).toBeLessThan(1e-8);
    expect(Array.from(net.layers[0]!.W.data)).toEqual([0.8]);
  });
});
