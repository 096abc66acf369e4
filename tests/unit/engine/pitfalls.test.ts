// The pitfalls chapter's example (src/engine/examples/pitfalls.ts) against its oracle
// (tests/fixtures/oracle-pitfalls.ts: plain loops and closed forms, no engine).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  arithmeticSlip, backward221, codeLoss, differenceErrors, checkDerivative, deepStack, deepStackBatch, deepStackDefaults, deepStackNetwork, descend221,
  engineGradient, gradientCheck221, grid, MISTAKES, pitfallsDefaults, sourceSigmoidPrime, targetsForInputs, thetaOf, withTheta,
} from '../../../src/engine/examples/pitfalls';
import { network221Defaults } from '../../../src/engine/examples/network-2-2-1';
import { EngineError } from '../../../src/engine/errors';
import { toRows } from '../../../src/engine/matrix';
import { fmt } from '../../../src/format/number';
import { BOOK, central, deepStackOracle, grads, loss, numericGrads, relErr, sigma, sigmaPrime, sourceWrong, tanhPrime, toArray } from '../../fixtures/oracle-pitfalls';

const close = (got: ArrayLike<number>, want: readonly number[], tol: number) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, k) => expect(relErr(got[k]!, w, 1e-300), `entry ${k}: ${got[k]} vs ${w}`).toBeLessThan(tol));
};

describe('the source’s wrong derivative', () => {
  test('sourceSigmoidPrime(0) is 2/3, where σ′(0) = 1/4, and prints as 0.6667', () => {
    expect(sourceSigmoidPrime(0)).toBeCloseTo(2 / 3, 15);
    expect(fmt(sourceSigmoidPrime(0))).toBe('0.6667');
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => relErr(sourceSigmoidPrime(x), sourceWrong(x)) < 1e-15));
  });
});

describe('checkDerivative(f, claim, xs)', () => {
  const xs = grid(-4, 4, 80);
  test('the true σ′ agrees with central differences of σ to far below 10⁻⁷ everywhere', () => {
    const r = checkDerivative(sigma, sigmaPrime, xs);
    expect(r.agrees).toBe(true);
    expect(r.worst.relError).toBeLessThan(1e-8);
    r.points.forEach((p) => expect(relErr(p.numeric, central(sigma, p.x))).toBeLessThan(1e-12));
  });
  test('the source’s formula fails, worst at the ends of the range, by the relative error computed in plain code', () => {
    const r = checkDerivative(sigma, sourceWrong, xs);
    expect(r.agrees).toBe(false);
    let worst = 0, worstX = 0;
    for (const x of xs) { const e = relErr(sourceWrong(x), central(sigma, x)); if (e > worst) { worst = e; worstX = x; } }
    expect(r.worst.x).toBe(worstX);
    expect(relErr(r.worst.relError, worst)).toBeLessThan(1e-9);
  });
  test('tanh′ = 1 − tanh² agrees; a(1 − a) handed x does not', () => {
    expect(checkDerivative(Math.tanh, tanhPrime, xs).agrees).toBe(true);
    expect(checkDerivative(sigma, (x) => x * (1 - x), xs).agrees).toBe(false);
  });
  test('a claim or an f with no finite value somewhere is refused with an EngineError saying where', () => {
    expect(() => checkDerivative(Math.log, (x) => 1 / x, xs)).toThrow(EngineError);
    expect(() => checkDerivative(Math.log, (x) => 1 / x, xs)).toThrow(/f has no finite value at x = −4/);
    expect(() => grid(2, 1, 10)).toThrow(/“from” must be below “to”/);
  });
});

describe('the gradient check of chapter 8’s 2-2-1 network', () => {
  test('θ round-trips, and the engine’s gradient equals the plain per-parameter formulas', () => {
    expect(toArray(BOOK)).toEqual([...thetaOf(network221Defaults)]);
    expect(withTheta(network221Defaults, thetaOf(network221Defaults))).toEqual({ ...network221Defaults });
    close(engineGradient(network221Defaults), grads(BOOK), 1e-12);
  });
  test('the correct backprop passes: every relative error below 10⁻⁷, the numeric gradient as the oracle’s', () => {
    const r = gradientCheck221();
    expect(r.passes).toBe(true);
    expect(r.worst).toBeLessThan(1e-8);
    close(r.numeric, numericGrads(BOOK), 1e-8);
    const want = grads(BOOK).map((g, k) => relErr(g, numericGrads(BOOK)[k]!));
    want.forEach((w, k) => expect(Math.abs(r.relError[k]! - w)).toBeLessThan(1e-8));
  });
  for (const mistake of MISTAKES) {
    test(`backward221 with “${mistake}” computes what the oracle’s code with the same mistake computes`, () => {
      close(backward221(network221Defaults, mistake), grads(BOOK, mistake, network221Defaults.alpha), 1e-12);
    });
  }
  test('each mistake’s verdict: every one fails the check except the loss without squares, whose derivative is right', () => {
    for (const mistake of MISTAKES) {
      const r = gradientCheck221(network221Defaults, mistake);
      const squares = mistake !== 'lossWithoutSquares';
      const g = grads(BOOK, mistake), n = numericGrads(BOOK, squares);
      const worst = Math.max(...g.map((v, k) => relErr(v, n[k]!)));
      expect(r.passes, mistake).toBe(mistake === 'none' || mistake === 'lossWithoutSquares');
      if (worst > 1e-6) expect(relErr(r.worst, worst), mistake).toBeLessThan(1e-6);
    }
    // The missing transpose is wrong only off the diagonal of ∂L/∂W⁽¹⁾: the check names exactly those.
    const t = gradientCheck221(network221Defaults, 'missingTranspose');
    expect([...t.relError].map((e) => e > 1e-7)).toEqual([false, true, true, false, false, false, false, false, false]);
    // Updating W⁽²⁾ first leaves W⁽²⁾'s and b⁽²⁾'s gradients right and bends layer 1's a little.
    const u = gradientCheck221(network221Defaults, 'updateBeforeBackprop');
    expect([...u.relError].map((e) => e > 1e-7)).toEqual([true, true, true, true, true, true, false, false, false]);
    expect(u.worst).toBeLessThan(1e-1);
    // …by an amount that grows with α (the chapter: "try a larger α and watch the error grow with it").
    const worstAt = (alpha: number) => gradientCheck221({ ...network221Defaults, alpha }, 'updateBeforeBackprop').worst;
    expect(worstAt(0.01)).toBeLessThan(worstAt(0.1));
    expect(worstAt(0.1)).toBeLessThan(worstAt(1));
  });
  test('the loss without squares drives every output towards 1 (its gradient is −1 for every sample)', () => {
    const r = descend221({ ...network221Defaults, alpha: 0.5 }, 'lossWithoutSquares', 2000);
    for (const y of r.yHat) expect(y).toBeGreaterThan(0.99);
    expect(relErr(codeLoss(network221Defaults, 'lossWithoutSquares'), loss(BOOK, false))).toBeLessThan(1e-12);
    expect(relErr(codeLoss(network221Defaults, 'none'), loss(BOOK))).toBeLessThan(1e-12);
  });
});

describe('the source’s program: targets where the inputs belong', () => {
  test('Δ⁽¹⁾ times Yᵀ is 2×1, and the engine’s update refuses it for the 2×2 W⁽¹⁾', () => {
    const r = targetsForInputs();
    expect([r.dW1.rows, r.dW1.cols]).toEqual([2, 1]);
    expect(r.message).toBe("dW of layer 1 has shape 2×1 but layer 1's weights have that shape: expected 2×2");
    // Δ⁽¹⁾ from the plain formulas: δ⁽¹⁾ⱼ = vⱼ δ⁽²⁾ σ′(zⱼ), summed against y.
    const want = [0, 1].map((j) => [0, 1, 2, 3].reduce((s, n) => {
      const x1 = [0, 0, 1, 1][n]!, x2 = [0, 1, 0, 1][n]!, y = [0, 1, 1, 0][n]!;
      const z = j === 0 ? BOOK.w11 * x1 + BOOK.w12 * x2 + BOOK.b11 : BOOK.w21 * x1 + BOOK.w22 * x2 + BOOK.b12;
      const zo = BOOK.v1 * sigma(BOOK.w11 * x1 + BOOK.w12 * x2 + BOOK.b11) + BOOK.v2 * sigma(BOOK.w21 * x1 + BOOK.w22 * x2 + BOOK.b12) + BOOK.c;
      const d2 = (sigma(zo) - y) * sigmaPrime(zo);
      return s + (j === 0 ? BOOK.v1 : BOOK.v2) * d2 * sigmaPrime(z) * y;
    }, 0));
    close(r.dW1.data, want, 1e-12);
  });
});

describe('the arithmetic slip', () => {
  test('z = wx + b = 0.25 gives σ(z) = 0.5622, while σ(0.05) = 0.5125 prints as 0.51 to two digits', () => {
    const s = arithmeticSlip();
    expect(s.z).toBeCloseTo(0.25, 15);
    expect(fmt(s.yHat)).toBe('0.5622');
    expect(fmt(s.slipYHat, { digits: 2 })).toBe('0.51');
    expect(s.wxMinusB).toBeCloseTo(pitfallsDefaults.slipZ, 15);
  });
});

describe('deepStack(params)', () => {
  const oracle = (p: typeof deepStackDefaults) => {
    const net = deepStackNetwork(p);
    const { X, Y } = deepStackBatch(p);
    const W = net.layers.map((l) => toRows(l.W).map((r) => [...r]));
    const b = net.layers.map((l) => [...l.b.data]);
    return deepStackOracle(W, b, p.activation, toRows(X).map((r) => [...r]), [...Y.data]);
  };
  const cases = [
    deepStackDefaults,
    { ...deepStackDefaults, depth: 25 },
    { ...deepStackDefaults, activation: 'tanh' as const, weightScale: 3 },
    { ...deepStackDefaults, activation: 'relu' as const, weightScale: 2, bias: -0.5 },
    { ...deepStackDefaults, activation: 'relu' as const, weightScale: 1.41, bias: -1 },
  ];
  for (const p of cases) {
    test(`mean |δ| per layer and dead units equal the plain loops (${p.activation}, depth ${p.depth}, scale ${p.weightScale}, bias ${p.bias})`, () => {
      const r = deepStack(p), o = oracle(p);
      o.meanAbsDelta.forEach((w, l) => {
        if (w === 0) expect(r.meanAbsDelta[l]).toBe(0);
        else expect(relErr(r.meanAbsDelta[l]!, w), `layer ${l + 1}`).toBeLessThan(1e-10);
      });
      if (p.activation === 'relu') expect([...r.deadUnits]).toEqual(o.dead);
      expect(r.ratio).toBe(r.last > 0 ? r.first / r.last : 0);
      expect(r.blocked).toBe(o.dead.some((d) => d === p.width) && p.activation === 'relu');
    });
  }
  test('a sigmoid stack’s δ vanishes with depth; tanh with large weights explodes; negative biases kill ReLUs', () => {
    expect(deepStack().ratio).toBeLessThan(1e-4);
    expect(deepStack({ ...deepStackDefaults, depth: 25 }).ratio).toBeLessThan(deepStack().ratio);
    expect(deepStack({ ...deepStackDefaults, activation: 'tanh', weightScale: 3 }).ratio).toBeGreaterThan(10);
    expect(deepStack({ ...deepStackDefaults, activation: 'relu', weightScale: 1.41, bias: -1 }).blocked).toBe(true);
  });
});

describe('differenceErrors(x)', () => {
  test('the one-sided and central differences of σ at 2 and their errors, as the plain formulas give them', () => {
    const rows = differenceErrors(2);
    expect(rows.map((r) => r.h)).toEqual(Array.from({ length: 12 }, (_, k) => 10 ** -(k + 1)));
    for (const r of rows) {
      const fwd = (sigma(2 + r.h) - sigma(2)) / r.h, cen = (sigma(2 + r.h) - sigma(2 - r.h)) / (2 * r.h);
      expect(r.forward).toBe(fwd);
      expect(r.central).toBe(cen);
      expect(relErr(r.forwardError, Math.abs(fwd - sigmaPrime(2)), 1e-300)).toBeLessThan(1e-6);
    }
    // Central beats one-sided at every h down to round-off, and its error is smallest near h = 10⁻⁵.
    const best = rows.reduce((b, r) => (r.centralError < b.centralError ? r : b));
    expect(best.h).toBeGreaterThanOrEqual(1e-6);
    expect(best.h).toBeLessThanOrEqual(1e-4);
    expect(rows[0]!.centralError).toBeLessThan(rows[0]!.forwardError);
  });
});
