// The update-order widget's model, against the chapter's closed forms (tests/fixtures/oracle-general-
// formulation.ts, which does not use the engine): E, the outputs and the next layer-1 gradient of both
// orders after k updates, the central differences beside them, the actions, and the plot in data units.
import { describe, expect, test } from 'vitest';
import { MAX_STEPS, updateOrder as model, type UpdateOrderValues } from '../../../components/widgets/UpdateOrder/model';
import { defaults } from '../../../src/kit/params';
import { MAZUR, mazurErrors, mazurForward, mazurNumericGradient, mazurUpdate, type MazurSetting } from '../../fixtures/oracle-general-formulation';

const values = (v: Partial<UpdateOrderValues> = {}): UpdateOrderValues => ({ ...model.defaults, ...v });
const at = (v: Partial<UpdateOrderValues> = {}) => { const all = values(v); return model.compute(all, model.start(all)); };
const settingOf = (v: UpdateOrderValues): MazurSetting => ({ ...MAZUR, i: [v.x1, v.x2], t: [v.y1, v.y2], eta: v.alpha });

/** Everything the widget shows for one order after k updates, from the oracle. */
function expected(s: MazurSetting, k: number, order: 'standard' | 'updateDuring') {
  const { w } = mazurErrors(s, k, order);
  const f = mazurForward(s, w);
  const next = mazurUpdate(s, w, order);
  const numeric = mazurNumericGradient(s, w);
  const w5 = order === 'standard' ? w[4]! : next.next[4]!, w7 = order === 'standard' ? w[6]! : next.next[6]!;
  const worst = Math.max(...[0, 1, 2, 3].map((j) => Math.abs(next.grads[j]! - numeric[j]!) / Math.max(Math.abs(next.grads[j]!), Math.abs(numeric[j]!))));
  return { E: f.E, o1: f.outO1, o2: f.outO2, g1: next.grads[0]!, n1: numeric[0]!, worst, w5, w7, do1: next.dO1, do2: next.dO2, back1: next.dEdOutH1 };
}

function expectOrder(numbers: Readonly<Record<string, number>>, prefix: 's' | 'd', o: ReturnType<typeof expected>): void {
  const close = (name: string, v: number, digits = 11) => expect(numbers[`${prefix}${name}`], `${prefix}${name}`).toBeCloseTo(v, digits);
  close('E', o.E); close('O1', o.o1); close('O2', o.o2);
  close('G1', o.g1, 13); close('N1', o.n1, 9);
  close('W5', o.w5); close('W7', o.w7); close('Do1', o.do1); close('Do2', o.do2); close('Back1', o.back1, 13);
}

describe('the update-order model: numbers', () => {
  test('compute(the post, 0 updates): both orders from the same start; only the wrong order’s next gradient misses', () => {
    expect(defaults(model.schema)).toEqual({ x1: 0.05, x2: 0.1, y1: 0.01, y2: 0.99, alpha: 0.5, steps: 0 });
    const n = at().numbers;
    expectOrder(n, 's', expected(MAZUR, 0, 'standard'));
    expectOrder(n, 'd', expected(MAZUR, 0, 'updateDuring'));
    expect(n.sE).toBe(n.dE);
    expect(n.sWorst).toBeLessThan(1e-6);
    expect(n.dWorst).toBeGreaterThan(0.1);
    expect(model.first().numbers).toEqual(n);
  });
  test('after 1 and 37 updates, and with other inputs and α, each column follows its own order', () => {
    for (const v of [values({ steps: 1 }), values({ steps: 37 }), values({ x1: 1, y2: 0.3, alpha: 20, steps: 12 })]) {
      const r = model.compute(v, model.start(v));
      expectOrder(r.numbers, 's', expected(settingOf(v), v.steps, 'standard'));
      expectOrder(r.numbers, 'd', expected(settingOf(v), v.steps, 'updateDuring'));
      expect(r.numbers.gapE).toBeCloseTo(r.numbers.dE - r.numbers.sE, 15);
    }
  });
  test('after one update E is the post’s 0.291027924 only in the wrong order, and the flags say which is lower', () => {
    const r = at({ steps: 1 });
    expect(r.numbers.dE.toFixed(9)).toBe('0.291027924');
    expect(r.numbers.sE.toFixed(9)).toBe('0.291027774');
    // Higher after one update, lower after 10 000: the wrong order is not simply slower.
    expect(r.flags).toMatchObject({ stepped: true, duringLower: false, duringHigher: true, sameE: false });
    expect(at({ steps: 10_000 }).flags).toMatchObject({ duringLower: true, duringHigher: false });
    expect(at().flags).toMatchObject({ stepped: false, sameE: true });
  });
});

describe('the update-order model: actions, inputs and the run', () => {
  test('Update, 100 and 1000 updates move the count, never past MAX_STEPS; an input starts again from 0', () => {
    const a = model.actions!;
    expect(a.step(values(), undefined as never).steps).toBe(1);
    expect(a.step100(values({ steps: 5 }), undefined as never).steps).toBe(105);
    expect(a.step1000(values({ steps: MAX_STEPS - 10 }), undefined as never).steps).toBe(MAX_STEPS);
    expect(model.onInput!(values({ steps: 40, alpha: 2 }), values({ steps: 40 }), 'alpha').steps).toBe(0);
    expect(model.play!.done(values({ steps: MAX_STEPS }), undefined as never)).toBe(true);
    expect(at({ steps: MAX_STEPS }).flags.atCap).toBe(true);
  });
  test('the session keeps both runs: going from k to k + 1 reuses the first k updates', () => {
    const v = values({ steps: 300 });
    const run = model.start(v);
    const first = model.compute(v, run).numbers;
    const t0 = performance.now();
    const next = model.compute({ ...v, steps: 301 }, run).numbers;
    expect(performance.now() - t0).toBeLessThan(250);
    expect(next.sE).toBeLessThan(first.sE);
    expect(model.sessionKey(v)).toBe(model.sessionKey({ ...v, steps: 301 }));
    expect(model.sessionKey(v)).not.toBe(model.sessionKey({ ...v, alpha: 1 }));
  });
});

describe('the update-order model: the plot', () => {
  test('the markers sit at (k, log₁₀ E) of each order, in the plot’s data units', () => {
    const k = 25;
    const r = at({ steps: k });
    const f = JSON.parse(String(r.shapes['error-plot']['data-frame'])) as { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] };
    const [top, right, bottom, left] = f.margin;
    const toData = (px: number, py: number) => [
      f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]),
      f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0]),
    ];
    const s = mazurErrors(MAZUR, k, 'standard').errors[k]!, d = mazurErrors(MAZUR, k, 'updateDuring').errors[k]!;
    const [sx, sy] = toData(r.shapes['standard-now'].cx, r.shapes['standard-now'].cy);
    const [dx, dy] = toData(r.shapes['during-now'].cx, r.shapes['during-now'].cy);
    expect(sx).toBeCloseTo(k, 1);
    expect(sy).toBeCloseTo(Math.log10(s), 2);
    expect(dx).toBeCloseTo(k, 1);
    expect(dy).toBeCloseTo(Math.log10(d), 2);
    expect(f.y[1]).toBeGreaterThanOrEqual(Math.log10(mazurForward(MAZUR).E));
    expect(r.shapes['standard-line'].d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){25}$/);
  });
});
