// The widget of two neurons in parallel: its model against chapter 7's closed forms (tests/fixtures/
// oracle-neurons-in-parallel.ts, which does not use the engine), its flags and presets, the diagram's
// geometry (cards placed by networkLayout, nothing overlapping, every line a number the model computes)
// and the sum plot's bars read back in data units.
import { describe, expect, test } from 'vitest';
import { parallelNeurons as model, presets } from '../../../components/widgets/ParallelNeurons/model';
import { diagram, diagramBox, leaveBox, type Rect } from '../../../components/widgets/ParallelNeurons/layout';
import { rows, sumFrame } from '../../../components/widgets/ParallelNeurons/sum-plot';
import { fmt } from '../../../src/format/number';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { PARALLEL, parallelOracle, type ParallelInputs } from '../../fixtures/oracle-neurons-in-parallel';

const at = (v: Partial<ParallelInputs>) => model.compute({ ...model.defaults, ...v }, undefined);

/** |got − want| relative to |want| (absolute below 1e-300, where there is nothing to be relative to). */
const relErr = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

function expectOracle(inputs: Partial<ParallelInputs>): void {
  const want = parallelOracle({ ...PARALLEL, ...inputs });
  const got = at(inputs).numbers;
  for (const [k, g] of Object.entries(got)) {
    const w = want[k as keyof typeof want] as number | undefined;
    expect(w, `the oracle knows ${k}`).toBeTypeOf('number');
    if (w === 0) expect(g + 0, k).toBe(0);
    else expect(relErr(g, w!), `${k}: ${g} vs ${w}`).toBeLessThan(1e-11);
  }
}

/** SVG units → data units in a frame (the inverse of plot.ts's sx, sy). */
function toData(f: ReturnType<typeof sumFrame>, px: number, py: number): [number, number] {
  const { top, right, bottom, left } = f.margin;
  return [f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]), f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0])];
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the parallel-neurons model', () => {
  test('defaults are the chapter’s example: x = 0.5; (0.3, 0.1) and (−0.4, 0.2); output (0.5, −0.6), 0.05; y = 1.5', () => {
    expect(model.defaults).toEqual(PARALLEL);
  });

  test('compute(running example) gives every number of the derivation, under the engine’s names', () => {
    expectOracle({});
    const n = at({}).numbers;
    expect(Object.keys(n)).toHaveLength(38);
    // Printed as the chapter prints them (so a formatter change shows up here too).
    expect([n.delta2, n.delta11, n.delta12, n.dLdxPath1, n.dLdxPath2, n.dLdx].map((v) => fmt(v)))
      .toEqual(['−0.248', '−0.03052', '0.0372', '−0.009156', '−0.01488', '−0.02404']);
  });

  test.each([
    ['twins', presets.twins], ['opposite', presets.opposite], ['cut', presets.cut], ['mirror', presets.mirror],
    ['everything changed', { x: -2, w11: 1.5, b11: -0.7, w12: 2, b12: 0.3, w21: -1.2, w22: 3, b2: -1, y: 0.2 }],
    ['a saturated hidden unit', { x: 5, w11: 5, b11: 5 }],
    ['targets out of reach', { y: -2 }], ['targets out of reach', { y: 3 }],
  ])('compute(%s) matches the closed forms', (_, inputs) => expectOracle(inputs));

  test('a saturated unit: a⁽¹⁾₁ prints 1.000, and 1 − a⁽¹⁾₁ is computed from z, so the two factors multiply to σ′(z)', () => {
    const n = at({ x: 5, w11: 5, b11: 5 }).numbers;
    expect(fmt(n.a11)).toBe('1.000');
    expect(n.oneMinusA11).toBeGreaterThan(0);
    expect(relErr(n.a11 * n.oneMinusA11, n.dadz11)).toBeLessThan(1e-12);
    checkResult(at({ x: 5, w11: 5, b11: 5, w12: -5, b12: -5 }));
  });

  test('the flags say how the paths combine at x: agree (the book), oppose, cut; twins; deltas of opposite signs', () => {
    expect(at({}).flags).toEqual({ pathsAgree: true, pathsOppose: false, pathCut: false, twins: false, deltasOpposite: true });
    expect(at(presets.opposite).flags).toMatchObject({ pathsAgree: false, pathsOppose: true, pathCut: false, deltasOpposite: false });
    expect(at(presets.cut).flags).toMatchObject({ pathsAgree: false, pathsOppose: false, pathCut: true });
    expect(at(presets.twins).flags).toMatchObject({ twins: true, pathsAgree: true, deltasOpposite: false });
    // Twins need all three parameters copied.
    expect(at({ ...presets.twins, w22: 0.6 }).flags.twins).toBe(false);
  });

  test('the presets: twins share every number; the mirror cancels the paths exactly while both deltas are not 0', () => {
    const t = at(presets.twins).numbers;
    expect([t.z12, t.a12, t.delta12, t.dLdw12, t.dLdb12, t.dLdw22, t.dLdxPath2]).toEqual([t.z11, t.a11, t.delta11, t.dLdw11, t.dLdb11, t.dLdw21, t.dLdxPath1]);
    const m = at(presets.mirror).numbers;
    expect(m.z12).toBe(m.z11);
    expect(m.dLdxPath2).toBe(-m.dLdxPath1);
    expect(m.dLdx).toBe(0);
    expect(Math.abs(m.delta11)).toBeGreaterThan(0.01);
    expect(presetHref(model, 'pn1', presets.opposite)).toBe('?pn1.w22=0.6#pn1');
    expect(presetHref(model, 'pn1', presets.mirror)).toBe('?pn1.w12=-0.3&pn1.b12=0.4&pn1.w22=0.5#pn1');
  });
});

describe('the diagram’s layout', () => {
  const D = diagram();
  const inBox = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.width <= D.width && r.y + r.height <= D.height;

  test('every line of every card and every edge label shows a number the model computes', () => {
    const names = new Set(Object.keys(model.first().numbers));
    const lines = [...D.cards.flatMap((c) => [...c.forward, ...c.backward]), ...D.edges.flatMap((e) => (e.label ? [e.label.line] : []))];
    expect(lines.filter((l) => !names.has(l.name))).toEqual([]);
    // Every input and every quantity of the derivation is on the diagram (the 1 − a factors only in the equations).
    expect([...names].filter((n) => !n.startsWith('oneMinus') && !n.startsWith('dLdw') && !n.startsWith('dLdb') && !lines.some((l) => l.name === n))).toEqual([]);
  });

  test('cards sit where networkLayout puts units, layers down the page: input, two hidden side by side, output, loss', () => {
    const centre = (layer: number, unit: number) => {
      const b = D.cards.find((c) => c.layer === layer && c.unit === unit)!.box;
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const step = (diagramBox.height - 2 * diagramBox.padTop) / 3;
    expect([0, 1, 2, 3].map((l) => centre(l, 0)[1])).toEqual([0, 1, 2, 3].map((l) => diagramBox.padTop + l * step));
    expect(centre(1, 0)[0]).toBe(diagramBox.padSide);
    expect(centre(1, 1)[0]).toBe(diagramBox.width - diagramBox.padSide);
    expect(centre(0, 0)[0]).toBe(diagramBox.width / 2);
  });

  test('nothing overlaps: cards, weight labels, all inside the drawing; edges run from card border to card border', () => {
    const cards = D.cards.map((c) => c.box);
    const labels = D.edges.flatMap((e) => (e.label ? [{ x: e.label.at.x - e.label.width / 2, y: e.label.at.y - 9, width: e.label.width, height: 17 }] : []));
    expect(labels).toHaveLength(4);
    for (const r of [...cards, ...labels]) expect(inBox(r), JSON.stringify(r)).toBe(true);
    const all = [...cards, ...labels];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!), `${i} and ${j}`).toBe(false);
    for (const e of D.edges) {
      const upper = D.cards.find((c) => c.layer === e.layer - 1 && c.unit === e.from)!.box;
      const lower = D.cards.find((c) => c.layer === e.layer && c.unit === e.to)!.box;
      expect(e.y1, 'starts on the bottom of the upper card').toBeCloseTo(upper.y + upper.height, 1);
      expect(e.y2, 'ends on the top of the lower card').toBeCloseTo(lower.y, 1);
      expect(e.y2 - e.y1, 'room for the arrows').toBeGreaterThan(40);
    }
  });

  test('leaveBox(box, to) is where the ray from the centre towards `to` crosses the border', () => {
    const box = { x: 0, y: 0, width: 100, height: 40 };
    expect(leaveBox(box, { x: 50, y: 120 })).toEqual({ x: 50, y: 40 });
    expect(leaveBox(box, { x: 250, y: 20 })).toEqual({ x: 100, y: 20 });
    expect(leaveBox(box, { x: 150, y: 70 })).toEqual({ x: 90, y: 40 });
  });
});

describe('the sum plot', () => {
  test('the bars, read back in data units: path 1 from 0 to p₁, path 2 from p₁ to p₁ + p₂, the sum from 0 to p₁ + p₂', () => {
    for (const inputs of [{}, presets.opposite, presets.cut, presets.mirror, { x: -2, w11: 1.5, w22: 3 }]) {
      const o = parallelOracle({ ...PARALLEL, ...inputs });
      const r = at(inputs);
      const f = JSON.parse(r.shapes.sumPlot['data-frame'] as string) as { x: [number, number] };
      const frame = { ...sumFrame(o.dLdxPath1, o.dLdxPath2), x: f.x };
      const want = sumFrame(o.dLdxPath1, o.dLdxPath2).x;
      expect(relErr(f.x[0], want[0]) + relErr(f.x[1], want[1])).toBeLessThan(1e-9);
      const span = (name: 'bar-path1' | 'bar-path2' | 'bar-sum') => {
        const b = r.shapes[name] as { x: number; y: number; width: number; height: number };
        const [x0, yTop] = toData(frame, b.x, b.y);
        const [x1, yBottom] = toData(frame, b.x + b.width, b.y + b.height);
        return { from: x0, to: x1, row: (yTop + yBottom) / 2 };
      };
      const tol = (frame.x[1] - frame.x[0]) * 1e-3;
      const cases = [
        ['bar-path1', 0, o.dLdxPath1, rows[0].y], ['bar-path2', o.dLdxPath1, o.dLdx, rows[1].y], ['bar-sum', 0, o.dLdx, rows[2].y],
      ] as const;
      for (const [name, a, b, row] of cases) {
        const s = span(name);
        expect(Math.abs(s.from - Math.min(a, b)), `${name} starts`).toBeLessThan(tol);
        expect(Math.abs(s.to - Math.max(a, b)), `${name} ends`).toBeLessThan(tol);
        expect(s.row).toBeCloseTo(row, 6);
        expect(s.from).toBeGreaterThanOrEqual(frame.x[0]);
        expect(s.to).toBeLessThanOrEqual(frame.x[1]);
      }
    }
  });

  test('the range keeps 0 and every bar’s end in view; when every path is 0 it is −1 … 1', () => {
    expect(sumFrame(0, 0).x).toEqual([-1, 1]);
    const f = sumFrame(-1, 3);
    expect(f.x[0]).toBeLessThan(-1);
    expect(f.x[1]).toBeGreaterThan(2);
    expect(sumFrame(2, 1).x[0]).toBeLessThan(0);
    expect(at({ w21: 0, w22: 0 }).shapes['bar-sum']).toMatchObject({ width: 0 });
  });
});
