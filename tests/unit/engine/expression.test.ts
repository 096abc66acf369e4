import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateFinite, parseExpression, printExpression, type Expr } from '../../../src/engine/expression';

const value = (text: string, x: number): number => {
  const p = parseExpression(text);
  if (!p.ok) throw new Error(p.message);
  return evaluate(p.expr, x);
};
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('parseExpression(text) and evaluate(expr, x)', () => {
  test('reads the ways a reader writes a derivative, with the usual precedence', () => {
    expect(value('x*(1 - x)', 0.25)).toBeCloseTo(0.1875, 15);
    expect(value('sigmoid(x)(1 − sigmoid(x))', 0.25)).toBeCloseTo(sigma(0.25) * (1 - sigma(0.25)), 15);
    expect(value('1/(sqrt(1 + x**2) + 0.5)', 0)).toBeCloseTo(2 / 3, 15);   // the source's wrong σ′: 0.667 at 0
    expect(value('exp(-x)/(1 + exp(-x))^2', 0)).toBeCloseTo(0.25, 15);
    expect(value('2x^2', 3)).toBe(18);
    expect(value('-x^2', 3)).toBe(-9);
    expect(value('2^-x', 1)).toBe(0.5);
    expect(value('2^3^2', 0)).toBe(512);
    expect(value('(x + 1)(x - 1)', 3)).toBe(8);
    expect(value('1 - tanh(x)^2', 0)).toBe(1);
    expect(value('e^x', 1)).toBeCloseTo(Math.E, 15);
    expect(value('abs(x) + pi', -1)).toBeCloseTo(1 + Math.PI, 15);
    expect(value('3 × x · 2', 1)).toBe(6);
    expect(value('.5x + 1e-3', 2)).toBeCloseTo(1.001, 15);
  });
  test('a syntax error says what and where, by column', () => {
    expect(parseExpression('x*(1 - x))')).toEqual({ ok: false, message: 'unexpected ‘)’ at column 10', column: 10 });
    expect(parseExpression('x*(1 - x')).toMatchObject({ ok: false, message: '‘(’ at column 3 is not closed at column 9' });
    expect(parseExpression('sinh(x)')).toMatchObject({ ok: false, column: 1 });
    expect((parseExpression('sinh(x)') as { message: string }).message).toContain('unknown name ‘sinh’');
    expect(parseExpression('exp x')).toMatchObject({ ok: false, message: 'exp needs its argument in parentheses, like exp(x) at column 5' });
    expect(parseExpression('x +')).toMatchObject({ ok: false, message: 'unexpected the end of the formula at column 4' });
    expect(parseExpression('x ; 1')).toMatchObject({ ok: false, message: 'unexpected ‘;’ at column 3' });
    expect(parseExpression('   ')).toMatchObject({ ok: false, message: 'the formula is empty' });
    expect(parseExpression('1e999')).toMatchObject({ ok: false, message: 'the number 1e999 is too large at column 1' });
  });
  test('hostile input is refused, not run: names of globals, markup, huge or deep formulas', () => {
    for (const bad of ['constructor', 'window', 'alert(1)', '__proto__', 'x.constructor', '<img src=x>', 'this', "'x'", '`x`', 'x[0]']) {
      expect(parseExpression(bad).ok, bad).toBe(false);
    }
    expect(parseExpression('x+'.repeat(150) + 'x')).toMatchObject({ ok: false, message: 'the formula is longer than 200 characters' });
    expect(parseExpression(`${'('.repeat(30)}x${')'.repeat(30)}`)).toMatchObject({ ok: false });
    expect((parseExpression(`${'('.repeat(30)}x${')'.repeat(30)}`) as { message: string }).message).toContain('nested more than 24 levels');
    expect(parseExpression('-'.repeat(40) + 'x').ok).toBe(false);
  });
  test('evaluateFinite says where a formula has no finite value instead of returning NaN', () => {
    const p = parseExpression('log(x)');
    if (!p.ok) throw new Error('parse');
    expect(evaluateFinite(p.expr, -1)).toEqual({ ok: false, message: 'the formula has no finite value at x = −1' });
    expect(evaluateFinite(p.expr, 1)).toEqual({ ok: true, value: 0 });
    const q = parseExpression('1/x');
    if (!q.ok) throw new Error('parse');
    expect(evaluateFinite(q.expr, 0).ok).toBe(false);
  });
});

describe('properties', () => {
  test('any string at all: parseExpression never throws, and evaluating what it accepts never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.double({ noNaN: true, min: -50, max: 50 }), (text, x) => {
      const p = parseExpression(text);
      if (p.ok) expect(typeof evaluateFinite(p.expr, x).ok).toBe('boolean');
      else expect(p.column).toBeGreaterThanOrEqual(1);
    }));
  });
  test('strings of formula characters: the same, far more often accepted', () => {
    const alphabet = fc.constantFrom(...'x1.2+-*/^() ', 'exp(', 'log(', 'sqrt(', 'sigmoid(', 'tanh(', 'abs(', '**');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      const p = parseExpression(text);
      if (p.ok) expect(() => evaluateFinite(p.expr, 0.3)).not.toThrow();
    }));
  });
  const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant<Expr>({ kind: 'x' }),
      fc.integer({ min: 0, max: 9 }).map((v): Expr => ({ kind: 'number', value: v })),
      tie('e').map((arg): Expr => ({ kind: 'negate', arg })),
      fc.record({ op: fc.constantFrom('+', '-', '*', '/', '^' as const), left: tie('e'), right: tie('e') }).map((r): Expr => ({ kind: 'binary', ...r })),
      fc.record({ fn: fc.constantFrom('exp', 'log', 'sqrt', 'abs', 'sigmoid', 'tanh' as const), arg: tie('e') }).map((r): Expr => ({ kind: 'call', ...r })),
    ),
  })).e;
  test('a formula written back by printExpression reads as the same formula', () => {
    fc.assert(fc.property(exprArb, fc.double({ noNaN: true, min: -3, max: 3 }), (expr, x) => {
      const text = printExpression(expr);
      const p = parseExpression(text, { maxLength: 10_000, maxDepth: 1000 });
      expect(p.ok, text).toBe(true);
      if (p.ok) expect(Object.is(evaluate(p.expr, x), evaluate(expr, x)) || evaluate(p.expr, x) === evaluate(expr, x)).toBe(true);
    }));
  });
});
