import { describe, expect, test } from 'vitest';
import { Value, backwardSteps, numericalDerivative, toGraph, topoSort } from '../../../src/engine/index.ts';
import { microgradReadme } from '../../fixtures/golden.ts';

describe('each primitive has its local derivative beside it', () => {
  const x = new Value(1.5, 'x');
  const y = new Value(-2, 'y');
  test.each([
    ['x + y', x.add(y), -0.5, [1, 1]],
    ['x · y', x.mul(y), -3, [-2, 1.5]],
    ['x³', x.pow(3), 3.375, [3 * 1.5 ** 2]],
    ['eˣ', x.exp(), Math.exp(1.5), [Math.exp(1.5)]],
    ['σ(x)', x.sigmoid(), 1 / (1 + Math.exp(-1.5)), [(1 / (1 + Math.exp(-1.5))) * (1 - 1 / (1 + Math.exp(-1.5)))]],
    ['tanh(x)', x.tanh(), Math.tanh(1.5), [1 - Math.tanh(1.5) ** 2]],
    ['relu(y)', y.relu(), 0, [0]],
  ] as const)('%s', (_, node, data, locals) => {
    expect(node.data).toBeCloseTo(data, 14);
    node.localGrads.forEach((g, i) => expect(g).toBeCloseTo(locals[i]!, 14));
  });

  test('sub, div and neg are built from add, mul and pow', () => {
    expect(x.sub(y).op).toBe('+');
    expect(x.div(y).op).toBe('*');
    expect(x.div(y).children[1]!.op).toBe('**-1');
    expect(x.neg().data).toBe(-1.5);
    expect(x.div(y).data).toBe(-0.75);
  });
});

describe('backward()', () => {
  test("reproduces micrograd's README example: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773", () => {
    const a = new Value(microgradReadme.inputs.a, 'a');
    const b = new Value(microgradReadme.inputs.b, 'b');
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(Value.from(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(Value.from(3).mul(d).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(Value.from(10).div(f));
    g.backward();
    const tol = 0.5 * 10 ** -microgradReadme.decimals;
    expect(Math.abs(g.data - microgradReadme.g)).toBeLessThan(tol);
    expect(Math.abs(a.grad - microgradReadme.dgda)).toBeLessThan(tol);
    expect(Math.abs(b.grad - microgradReadme.dgdb)).toBeLessThan(tol);
  });

  test('a node used twice collects both paths: d(x·x)/dx = 2x', () => {
    const x = new Value(3);
    const y = x.mul(x);
    y.backward();
    expect(x.grad).toBe(6);
  });

  test('calling backward() twice gives the same gradients (they are reset, not accumulated)', () => {
    const x = new Value(0.7);
    const y = x.tanh().mul(x.exp());
    y.backward();
    const first = x.grad;
    y.backward();
    expect(x.grad).toBe(first);
    expect(first).toBeCloseTo(numericalDerivative((t) => Math.tanh(t) * Math.exp(t), 0.7), 8);
  });
});

describe('the graph: a stable order, ids for drawing and a step-through', () => {
  function build() {
    const w = new Value(2, 'w');
    const x = new Value(3, 'x');
    const b = new Value(1, 'b');
    const z = w.mul(x).named('wx').add(b).named('z');
    return { w, x, b, z, L: z.tanh().named('L') };
  }

  test('topoSort lists children before parents, left operand first: w, x, wx, b, z, L', () => {
    expect(topoSort(build().L).map((v) => v.label)).toEqual(['w', 'x', 'wx', 'b', 'z', 'L']);
  });

  test('the same graph gives the same order and ids every time', () => {
    const one = toGraph(build().L);
    const two = toGraph(build().L);
    expect(one.nodes.map((n) => [n.id, n.label, n.op])).toEqual(two.nodes.map((n) => [n.id, n.label, n.op]));
    expect(one.edges).toEqual(two.edges);
  });

  test('toGraph gives one edge per operand, child → parent, with ∂parent/∂child', () => {
    const { edges, nodes } = toGraph(build().L);
    const id = (label: string) => nodes.find((n) => n.label === label)!.id;
    expect(edges).toContainEqual({ from: id('w'), to: id('wx'), operand: 0, localGrad: 3 });
    expect(edges).toContainEqual({ from: id('x'), to: id('wx'), operand: 1, localGrad: 2 });
    expect(edges).toHaveLength(5);
  });

  test('backwardSteps: root first with upstream 1, then local × upstream = contribution on every edge', () => {
    const g = build();
    const steps = backwardSteps(g.L);
    expect(steps.map((s) => s.node.label)).toEqual(['L', 'z', 'b', 'wx', 'x', 'w']);
    expect(steps[0]!.upstream).toBe(1);
    for (const s of steps) {
      for (const e of s.edges) expect(e.contribution).toBe(e.localGrad * s.upstream);
    }
    const wxStep = steps.find((s) => s.node.label === 'wx')!;
    expect(wxStep.upstream).toBe(g.z.grad);
    expect(wxStep.edges.map((e) => e.childGradAfter)).toEqual([g.w.grad, g.x.grad]);
    expect(steps.find((s) => s.node === g.w)!.edges).toEqual([]);
  });
});
