// The 2-2-1 widget's model, against chapter 8's closed forms (tests/fixtures/oracle-network-2-2-1.ts,
// plain loops, no engine): every number it shows at the book's inputs and at others, its flags, the
// diagram's line widths, and the chapter's preset links.
import { describe, expect, test } from 'vitest';
import { network221 as model, presets, edges } from '../../../components/widgets/Network221/model';
import { layout } from '../../../components/widgets/Network221/layout';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { defaults } from '../../../src/kit/params';
import { edgeWidth, NET221, net221, net221Numbers, net221Sample, type Net221Inputs } from '../../fixtures/oracle-network-2-2-1';

type V = typeof model.defaults;
const at = (v: Partial<V>) => model.compute({ ...model.defaults, ...v }, undefined);
const relErr = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
const inputs = (v: Partial<V>): Net221Inputs => {
  const all = { ...model.defaults, ...v };
  const m = (x: readonly (readonly number[])[]) => x.map((r) => [...r]);
  return { W1: m(all.W1), b1: m(all.b1), W2: m(all.W2), b2: m(all.b2), X: m(all.X), Y: m(all.Y), alpha: all.alpha };
};

function expectOracle(v: Partial<V>): void {
  const want = net221Numbers(inputs(v));
  const got = at(v).numbers;
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [k, w] of Object.entries(want)) {
    if (w === 0) expect(got[k]! + 0, k).toBe(0);
    else expect(relErr(got[k]!, w), `${k}: ${got[k]} vs ${w}`).toBeLessThan(1e-12);
  }
}

describe('the 2-2-1 model', () => {
  test('defaults are the chapter’s network and the XOR batch, and every number matches the closed forms', () => {
    expect(defaults(model.schema)).toEqual(NET221);
    expectOracle({});
    expect(Object.keys(at({}).numbers).length).toBe(120); // 5 scalars and the entries of 30 matrices
    checkResult(model.first());
  });
  test('other weights, another batch and another learning rate: every number still matches', () => {
    expectOracle({ W1: [[2, -1.5], [-3, 4]], b1: [[0.5], [-2]], W2: [[-1, 2.5]], b2: [[-0.3]] });
    expectOracle({ X: [[1, -2, 0.5, 3], [4, 0, -1, 2]], Y: [[0.2, 0.9, -1, 2]], alpha: 3 });
  });
  test('the flags: the loss fell at the book’s α; it rises for a far too large α', () => {
    expect(at({}).flags).toMatchObject({ lossFell: true, lossRose: false, lossSame: false, symmetric: false });
    const big = at({ alpha: 100, W1: [[3, 3], [-3, -3]] });
    const o = net221(inputs({ alpha: 100, W1: [[3, 3], [-3, -3]] }));
    expect(big.flags.lossRose).toBe(o.lossNext > o.loss);
    expect(o.lossNext).toBeGreaterThan(o.loss);
  });
  test('preset "copies": a batch of four copies of sample 3 has four times sample 3’s gradients', () => {
    const copies = net221(inputs(presets.copies));
    const one = net221Sample(NET221, 2);
    for (const k of ['dLdW1', 'dLdb1', 'dLdW2', 'dLdb2'] as const) {
      copies[k].forEach((row, i) => row.forEach((g, j) => expect(relErr(g, 4 * one[k][i]![j]!)).toBeLessThan(1e-12)));
    }
    expect(presetHref(model, 'n1', presets.copies)).toBe('?n1.X=1%2C1%2C1%2C1%3B0%2C0%2C0%2C0&n1.Y=1%2C1%2C1%2C1#n1');
  });
  test('preset "symmetric": identical hidden units get identical rows of Δ⁽¹⁾ and of the gradients, and the flag says so', () => {
    const r = at(presets.symmetric);
    expect(r.flags.symmetric).toBe(true);
    const n = r.numbers;
    for (let s = 1; s <= 4; s++) expect(n[`Delta1-1-${s}`]).toBe(n[`Delta1-2-${s}`]);
    expect(n['dLdW1-1-1']).toBe(n['dLdW1-2-1']);
    expect(n['dLdb1-1-1']).toBe(n['dLdb1-2-1']);
    expect(n['W1Next-1-2']).toBe(n['W1Next-2-2']);
    expect(presets.symmetric).toEqual({ W1: [[0.1, -0.2], [0.1, -0.2]], b1: [[0.05], [0.05]], W2: [[0.7, 0.7]] });
  });
  test('the diagram: one line per weight, as wide as 0.8 + 3|w| (at most 10), dashed (data-sign) where negative', () => {
    expect(layout.edges.length).toBe(6);
    const v = { ...model.defaults, W1: [[0, -2], [5, 0.4]], W2: [[-0.5, 1]] };
    const shapes = edges(v);
    expect(shapes['edge-1-1-1']).toEqual({ 'stroke-width': edgeWidth(0), 'data-sign': 'zero' });
    expect(shapes['edge-1-1-2']).toEqual({ 'stroke-width': edgeWidth(-2), 'data-sign': 'negative' });
    expect(shapes['edge-1-2-1']).toEqual({ 'stroke-width': 10, 'data-sign': 'positive' });
    expect(shapes['edge-2-1-1']!['stroke-width']).toBeCloseTo(edgeWidth(-0.5), 10);
    expect(shapes['edge-2-1-2']!['stroke-width']).toBeCloseTo(edgeWidth(1), 10);
    // The edge from input k to hidden unit j is drawn between those two units (network-layout.ts).
    const e = layout.edges.find((x) => x.layer === 1 && x.to === 1 && x.from === 0)!;
    expect(e.y2).toBeGreaterThan(e.y1);
  });
});
