// The gradient checker's model against the pitfalls oracle (tests/fixtures/oracle-pitfalls.ts): the worst
// point and its relative error computed in plain code, the parser's messages as the field's rule, the
// plot in data units, and the presets.
import { describe, expect, test } from 'vitest';
import { formulaProblem, formulas, gradientChecker as model, POINTS, presets, yRange } from '../../../components/widgets/GradientChecker/model';
import { check } from '../../../src/kit/params';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { readParams } from '../../../src/kit/url-state';
import { central, relErr, sigma, sigmaPrime, sourceWrong, tanhPrime } from '../../fixtures/oracle-pitfalls';

type V = typeof model.defaults;
const at = (v: Partial<V>) => model.compute({ ...model.defaults, ...v }, undefined);

/** The worst point of claim against central differences of f on the widget's grid, in plain loops. */
function worstOf(f: (x: number) => number, claim: (x: number) => number, from = -4, to = 4) {
  let worst = { x: from, e: -1, claim: 0, numeric: 0 }, failing = 0;
  for (let i = 0; i <= POINTS; i++) {
    const x = from + ((to - from) * i) / POINTS;
    const numeric = central(f, x), c = claim(x), e = relErr(c, numeric);
    if (e > 1e-7) failing++;
    if (e > worst.e) worst = { x, e, claim: c, numeric };
  }
  return { ...worst, failing };
}

describe('the gradient checker', () => {
  test('at the defaults (σ and the source’s formula) the claim fails, worst at the range’s end, as the oracle says', () => {
    const r = model.first();
    checkResult(r);
    const w = worstOf(sigma, sourceWrong);
    expect(r.flags).toEqual({ agrees: false, wrong: true });
    expect(r.numbers.worstX).toBe(w.x);
    expect(relErr(r.numbers.worstRelError, w.e)).toBeLessThan(1e-9);
    expect(relErr(r.numbers.worstClaim, w.claim)).toBeLessThan(1e-14);
    expect(relErr(r.numbers.worstNumeric, w.numeric)).toBeLessThan(1e-9);
    expect(r.numbers.failing).toBe(w.failing);
    expect(r.numbers.points).toBe(POINTS + 1);
    expect(r.text).toEqual({ f: 'sigmoid(x)', df: '1/(sqrt(1 + x**2) + 1/2)' });
  });
  test('the true σ′ and tanh′ agree everywhere; a(1 − a) given x fails near 0', () => {
    for (const [v, f, claim] of [[presets.trueSigmoid, sigma, sigmaPrime], [presets.tanh, Math.tanh, tanhPrime]] as const) {
      const r = at(v);
      expect(r.flags.agrees).toBe(true);
      expect(r.numbers.failing).toBe(0);
      expect(r.numbers.worstRelError).toBeLessThan(1e-8);
      expect(relErr(r.numbers.worstRelError, worstOf(f, claim).e)).toBeLessThan(1e-3);
    }
    const z = at(presets.onZ);
    const w = worstOf(sigma, (x) => x * (1 - x));
    expect(z.flags.wrong).toBe(true);
    expect(z.numbers.worstX).toBeCloseTo(w.x, 12);
    expect(relErr(z.numbers.worstRelError, w.e)).toBeLessThan(1e-9);
  });
  test('the source’s formula as printed (0.5) and as the field’s default (1/2) are the same function', () => {
    expect(at(presets.source).numbers).toEqual(model.first().numbers);
  });
  test('the range moves the check: from 0 to 2 the source’s claim is worst at x = 2', () => {
    const r = at({ from: 0, to: 2 });
    const w = worstOf(sigma, sourceWrong, 0, 2);
    expect(r.numbers.worstX).toBe(w.x);
    expect(relErr(r.numbers.worstRelError, w.e)).toBeLessThan(1e-9);
  });
  test('a formula field refuses what the parser refuses, with its column; hostile text is refused, not run', () => {
    const df = model.schema.df;
    expect(formulaProblem('sigmoid(x))')).toBe('unexpected ‘)’ at column 11');
    expect(check(df, 'x*(1 - x))')).toMatchObject({ ok: false, message: 'Claimed derivative f′(x): unexpected ‘)’ at column 10.' });
    expect(check(df, '</script><img onerror=alert(1)>')).toMatchObject({ ok: false, message: 'Claimed derivative f′(x): unexpected ‘<’ at column 1.' });
    expect(check(df, 'exp(')).toMatchObject({ ok: false });
    for (const bad of ['', '   ', 'abc', '1e309', 'NaN', 'Infinity', '0x10', '1,2,3', '<b>x</b>']) expect(check(df, bad).ok, bad).toBe(false);
    for (const good of ['-0', formulas.sourceHalf, 'sigmoid(x)(1 − sigmoid(x))', '2x']) expect(check(df, good).ok, good).toBe(true);
    const link = readParams(`?gc1.df=${encodeURIComponent('alert(1)')}`, 'gc1', model.schema);
    expect(link.values.df).toBe(formulas.sourceHalf);
    expect(link.problems[0]).toContain('unknown name ‘alert’');
  });
  test('a formula with no finite value in the range is an EngineError naming x (the kit shows it, keeps the last plot)', () => {
    expect(() => at({ f: 'log(x)', df: '1/x' })).toThrow(/f has no finite value at x = −4/);
    expect(() => at({ from: 1, to: 1 })).toThrow(/“from” must be below “to”/);
    // A range given backwards is the same range.
    expect(at({ from: 2, to: 0 }).numbers).toEqual({ ...at({ from: 0, to: 2 }).numbers, from: 2, to: 0 });
  });
  test('the plot is in data units: the frame spans the range, both curves pass through their values', () => {
    const r = model.first();
    const fr = JSON.parse(String(r.shapes.plot['data-frame'])) as { x: [number, number]; y: [number, number] };
    expect(fr.x).toEqual([-4, 4]);
    const values = [];
    for (let i = 0; i <= POINTS; i++) { const x = -4 + (8 * i) / POINTS; values.push(sourceWrong(x), central(sigma, x)); }
    expect(fr.y).toEqual(yRange(values));
    // The path starts at x = −4 with the claim there: 46 + 0 px across, and y by the frame's scale.
    const [x0, y0] = String(r.shapes.claim.d).slice(1).split('L')[0]!.split(',').map(Number);
    const innerH = 250 - 20 - 34;
    expect(x0).toBe(46);
    expect(Math.abs(y0! - (250 - 34 - ((sourceWrong(-4) - fr.y[0]) / (fr.y[1] - fr.y[0])) * innerH))).toBeLessThan(0.01);
  });
  test('preset links are checked against the schema', () => {
    expect(presetHref(model, 'gc1', presets.tanh)).toBe('?gc1.f=tanh(x)&gc1.df=1%20-%20tanh(x)%5E2#gc1');
  });
});
