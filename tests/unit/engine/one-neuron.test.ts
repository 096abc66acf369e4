import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  HyperparameterError,
  NonFiniteError,
  backwardSteps,
  oneNeuron,
  oneNeuronDefaults,
  oneNeuronDelta,
  oneNeuronGraph,
  reachableTarget,
  oneNeuronSteps,
  toGraph,
} from '../../../src/engine/index.ts';
import type { OneNeuronParams } from '../../../src/engine/index.ts';
import { expectRelClose } from './helpers.ts';

/** The derivation written out with Math.exp, independent of the engine. */
function closedForm({ x, w, b, y, alpha }: OneNeuronParams) {
  const s = (t: number) => 1 / (1 + Math.exp(-t));
  const z = w * x + b;
  const a = s(z);
  const dadz = s(z) * (1 - s(z));
  const delta = (a - y) * dadz;
  const wNext = w - alpha * delta * x;
  const bNext = b - alpha * delta;
  const zNext = wNext * x + bNext;
  const aNext = s(zNext);
  return {
    z, a, dadz, dLda: a - y, delta, dLdw: delta * x, dLdb: delta,
    loss: 0.5 * (y - a) ** 2, wNext, bNext, zNext, aNext, lossNext: 0.5 * (y - aNext) ** 2,
  };
}

describe('oneNeuron() at the book’s defaults x = 0.5, w = 0.3, b = 0.1, y = 1.5, α = 0.1', () => {
  const r = oneNeuron();
  const c = closedForm(oneNeuronDefaults);

  test('z = w·x + b = 0.25', () => expectRelClose(r.z, 0.25));
  test('a = ŷ = σ(z) = 1/(1 + e^(−0.25))', () => {
    expectRelClose(r.a, c.a);
    expect(r.yHat).toBe(r.a);
  });
  test("σ'(z) = σ(z)(1 − σ(z))", () => expectRelClose(r.dadz, c.dadz));
  test('∂L/∂a = a − y', () => expectRelClose(r.dLda, c.dLda));
  test("δ = (a − y)·σ'(z)", () => expectRelClose(r.delta, c.delta));
  test('∂L/∂w = δ·x and ∂L/∂b = δ', () => {
    expectRelClose(r.dLdw, c.dLdw);
    expectRelClose(r.dLdb, c.dLdb);
  });
  test('L = ½(y − a)²', () => expectRelClose(r.loss, c.loss));
  test('after one step w ← w − α·∂L/∂w and b ← b − α·∂L/∂b', () => {
    expectRelClose(r.wNext, c.wNext);
    expectRelClose(r.bNext, c.bNext);
  });
  test('after the step z, a and L are recomputed, and the loss went down', () => {
    expectRelClose(r.zNext, c.zNext);
    expectRelClose(r.aNext, c.aNext);
    expectRelClose(r.lossNext, c.lossNext);
    expect(r.lossNext).toBeLessThan(r.loss);
  });
  test('oneNeuronDefaults is frozen', () => expect(Object.isFrozen(oneNeuronDefaults)).toBe(true));
});

test('oneNeuron() for any parameters a reader types matches the closed forms', () => {
  const num = fc.double({ min: -5, max: 5, noNaN: true });
  fc.assert(
    fc.property(num, num, num, num, fc.double({ min: 0, max: 2, noNaN: true }), (x, w, b, y, alpha) => {
      const params = { x, w, b, y, alpha };
      const r = oneNeuron(params);
      const c = closedForm(params);
      for (const key of Object.keys(c) as (keyof typeof c)[]) {
        expect(Math.abs(r[key] - c[key])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c[key])));
      }
    }),
  );
});

describe('oneNeuronSteps()', () => {
  test('entry 0 is the start and entry k the state after k steps; the loss falls step by step', () => {
    const steps = oneNeuronSteps(oneNeuronDefaults, 20);
    expect(steps).toHaveLength(21);
    expect(steps[0]).toEqual({ step: 0, w: 0.3, b: 0.1, loss: oneNeuron().loss });
    expect(steps[1]!.w).toBe(oneNeuron().wNext);
    expect(steps[1]!.loss).toBe(oneNeuron().lossNext);
    for (let k = 1; k < steps.length; k++) expect(steps[k]!.loss).toBeLessThan(steps[k - 1]!.loss);
  });
});

describe('oneNeuronGraph(), the chain-rule chapter’s graph', () => {
  test('its nodes carry the book’s labels and values', () => {
    const g = oneNeuronGraph();
    expect([g.x, g.w, g.b, g.wx, g.z, g.a, g.y, g.e, g.L].map((v) => v.label)).toEqual(['x', 'w', 'b', 'wx', 'z', 'a', 'y', 'y−a', 'L']);
    const r = oneNeuron();
    expectRelClose(g.z.data, r.z);
    expectRelClose(g.a.data, r.a);
    expectRelClose(g.L.data, r.loss);
  });

  test('backward through the graph gives the same ∂L/∂w, ∂L/∂b and δ = ∂L/∂z as the dense engine', () => {
    const g = oneNeuronGraph();
    g.L.backward();
    const r = oneNeuron();
    expectRelClose(g.w.grad, r.dLdw);
    expectRelClose(g.b.grad, r.dLdb);
    expectRelClose(g.z.grad, r.delta);
    expectRelClose(g.a.grad, r.dLda);
  });

  test('the step-through starts at L with upstream 1 and visits every node of the drawn graph once', () => {
    const g = oneNeuronGraph();
    const steps = backwardSteps(g.L);
    const drawn = toGraph(g.L);
    expect(steps[0]!.node).toBe(g.L);
    expect(steps[0]!.upstream).toBe(1);
    expect(steps.map((s) => s.id).sort((p, q) => p - q)).toEqual(drawn.nodes.map((n) => n.id));
    const aStep = steps.find((s) => s.node === g.a)!;
    expect(aStep.edges).toHaveLength(1);
    expect(aStep.edges[0]!.child).toBe(g.z);
    expectRelClose(aStep.edges[0]!.contribution, aStep.edges[0]!.localGrad * aStep.upstream);
  });
});

describe('bad parameters raise typed errors the widgets can show', () => {
  test.each(['x', 'w', 'b', 'y', 'alpha'] as const)('%s = NaN throws NonFiniteError naming %s', (key) => {
    const params = { ...oneNeuronDefaults, [key]: Number.NaN };
    expect(() => oneNeuron(params)).toThrow(NonFiniteError);
    expect(() => oneNeuron(params)).toThrow(new RegExp(`^${key} is NaN`));
  });

  test('w = Infinity throws NonFiniteError', () => {
    expect(() => oneNeuron({ ...oneNeuronDefaults, w: Infinity })).toThrow(NonFiniteError);
  });

  test('α = −0.1 throws HyperparameterError saying α must be ≥ 0', () => {
    expect(() => oneNeuron({ ...oneNeuronDefaults, alpha: -0.1 })).toThrow(HyperparameterError);
    expect(() => oneNeuron({ ...oneNeuronDefaults, alpha: -0.1 })).toThrow(/≥ 0/);
    expect(() => oneNeuronGraph({ ...oneNeuronDefaults, alpha: -0.1 })).toThrow(HyperparameterError);
  });

  test('a negative or fractional number of steps throws HyperparameterError', () => {
    expect(() => oneNeuronSteps(oneNeuronDefaults, -1)).toThrow(HyperparameterError);
    expect(() => oneNeuronSteps(oneNeuronDefaults, 1.5)).toThrow(HyperparameterError);
  });
});

describe('oneNeuronDelta', () => {
  test('oneNeuronDelta(params, halfSquaredErrorSum) is the output delta (a − y)·σ\'(z)', () => {
    const r = oneNeuron(oneNeuronDefaults);
    expectRelClose(oneNeuronDelta(oneNeuronDefaults, 'halfSquaredErrorSum'), (r.a - 1.5) * r.a * (1 - r.a), 1e-12);
  });
  test('oneNeuronDelta(params, binaryCrossEntropy) is a − y: the σ\'(z) cancels', () => {
    const p = { ...oneNeuronDefaults, w: 10, y: 0 };
    const a = 1 / (1 + Math.exp(-(10 * 0.5 + 0.1)));
    expectRelClose(oneNeuronDelta(p, 'binaryCrossEntropy'), a - 0, 1e-9);
  });
  test('reachableTarget is inside the sigmoid\'s range (0, 1)', () => {
    expect(reachableTarget).toBeGreaterThan(0);
    expect(reachableTarget).toBeLessThan(1);
  });
});

describe('far out in the sigmoid’s tail', () => {
  test('oneNeuron() keeps every digit of δ at z = 50, where a rounds to 1 and a(1 − a) to 0', () => {
    const p = { ...oneNeuronDefaults, x: 5, w: 10, b: 0 };
    const slope = Math.exp(-50) / (1 + Math.exp(-50)) ** 2; // σ'(50) from the quotient form, no cancellation
    const a = 1 / (1 + Math.exp(-50));
    const r = oneNeuron(p);
    expect(r.a).toBe(1);
    expectRelClose(r.dadz, slope, 1e-12);
    expectRelClose(r.delta, (a - p.y) * slope, 1e-12);
    expectRelClose(r.dLdw, (a - p.y) * slope * p.x, 1e-12);
  });
});
