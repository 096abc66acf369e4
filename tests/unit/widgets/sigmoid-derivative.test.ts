// The sigmoid-derivative widget's model, against the chapter's closed forms (tests/fixtures/oracle.ts,
// which does not use the engine): every number it shows, the tangent in the plot's own units, the
// bug's flag, and the factors of a(1 − a) when the output saturates.
import { describe, expect, test } from 'vitest';
import { curves, sigmoidDerivative as model } from '../../../components/widgets/SigmoidDerivative/model';
import { fmt } from '../../../src/format/number';
import { presetHref } from '../../../src/kit/widget';
import { RUNNING, sigmoidSlope } from '../../fixtures/oracle';

const at = (v: Partial<typeof model.defaults>) => model.compute({ ...model.defaults, ...v }, undefined);

/** SVG units → data units, from the frame the plot carries (data-frame), as the browser tests read it. */
function toData(frameJson: string, px: number, py: number): [number, number] {
  const f = JSON.parse(frameJson) as { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] };
  const [top, right, bottom, left] = f.margin;
  return [
    f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]),
    f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0]),
  ];
}

describe('the sigmoid-derivative model', () => {
  test('defaults are the running example, the bug switched off', () => {
    expect(model.defaults).toEqual({ x: RUNNING.x, w: RUNNING.w, b: RUNNING.b, bug: false });
  });

  for (const [x, w, b] of [[RUNNING.x, RUNNING.w, RUNNING.b], [2, -1.5, 0.7], [-5, 5, -5], [5, 5, 5]] as const) {
    test(`compute(x = ${x}, w = ${w}, b = ${b}) gives z, a, 1 − a, σ′(z) from a and from z, and z(1 − z)`, () => {
      const o = sigmoidSlope(x, w, b);
      const n = at({ x, w, b }).numbers;
      expect(Object.keys(n).sort()).toEqual(Object.keys(o).sort());
      for (const [k, v] of Object.entries(o)) expect(n[k as keyof typeof n], k).toBeCloseTo(v, 12);
      // Relative agreement too, for the tiny slopes of a saturated neuron.
      for (const k of ['oneMinusA', 'dadz', 'dadzFromA'] as const) expect(Math.abs(n[k] / o[k] - 1), k).toBeLessThan(1e-12);
    });
  }

  test('at saturation (z = 30) 1 − a is its own number, so the shown factors multiply to the shown product', () => {
    const n = at({ x: 5, w: 5, b: 5 }).numbers;
    expect(fmt(n.a)).toBe('1.000');                 // a rounds to 1 but is not 1 …
    expect(fmt(n.oneMinusA)).toBe('9.358×10⁻¹⁴');    // … and 1 − a is not shown as 1 − 1
    expect(fmt(n.dadzFromA)).toBe(fmt(n.dadz));
    expect(fmt(Number(fmt(n.a)) * n.oneMinusA)).toBe(fmt(n.dadzFromA));
  });

  test('the bug flag follows the switch; off-plot z (|z| > 8) is flagged and its markers sit at the edge', () => {
    expect(at({}).flags).toEqual({ bug: false, offPlot: false });
    expect(at({ bug: true }).flags.bug).toBe(true);
    const far = at({ x: 5, w: 5, b: 5 });
    expect(far.flags.offPlot).toBe(true);
    const [zc] = toData(far.shapes.plot['data-frame'], far.shapes.markerA.cx, far.shapes.markerA.cy);
    expect(zc).toBeCloseTo(8, 2);
  });

  for (const [x, w, b] of [[RUNNING.x, RUNNING.w, RUNNING.b], [1, -2, 0.5], [2, 1.5, 0]] as const) {
    test(`the tangent at z = ${w * x + b} touches σ at (z, a) with slope σ′(z), in the plot’s data units`, () => {
      const r = at({ x, w, b });
      const o = sigmoidSlope(x, w, b);
      const t = r.shapes.tangent;
      const frameJson = r.shapes.plot['data-frame'];
      const [x1, y1] = toData(frameJson, t.x1, t.y1);
      const [x2, y2] = toData(frameJson, t.x2, t.y2);
      // SVG coordinates are rounded to 0.01 units, about 4·10⁻⁴ in z and 6·10⁻⁵ in σ.
      expect((y2 - y1) / (x2 - x1)).toBeCloseTo(o.dadz, 3);
      expect((x1 + x2) / 2).toBeCloseTo(o.z, 3);
      expect((y1 + y2) / 2).toBeCloseTo(o.a, 3);
      const [mz, ma] = toData(frameJson, r.shapes.markerA.cx, r.shapes.markerA.cy);
      expect([mz, ma].map((v) => v.toFixed(2))).toEqual([o.z, o.a].map((v) => v.toFixed(2)));
    });
  }

  test('the curves are fixed paths: σ, σ′ and z(1 − z), the last one broken where it leaves the plot', () => {
    expect(curves.sigma.startsWith('M')).toBe(true);
    expect(curves.sigmaPrime.startsWith('M')).toBe(true);
    // z(1 − z) is below the plot's −0.25 except for z between about −0.2 and 1.2: one short piece.
    expect(curves.wrong.split('M')).toHaveLength(2);
  });

  test('presetHref(model, "sd1", { w: 4, b: 0, bug: true }) is the chapter’s link', () => {
    expect(presetHref(model, 'sd1', { w: 4, b: 0, bug: true })).toBe('?sd1.w=4&sd1.b=0&sd1.bug=on#sd1');
    expect(() => presetHref(model, 'sd1', { w: 9 })).toThrow(/outside the range/);
  });
});
