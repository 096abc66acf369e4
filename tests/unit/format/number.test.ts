import { describe, expect, test } from 'vitest';
import { fmt, fmtTex, parseNumber } from '../../../src/format/number';

describe('fmt', () => {
  test('fmt(x) keeps 4 significant digits and trims trailing zeros', () => {
    expect(fmt(0.19661193)).toBe('0.1966');
    expect(fmt(0.25)).toBe('0.25');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(0.562176500885798)).toBe('0.5622');
    expect(fmt(2)).toBe('2');
  });
  test('fmt(x) writes negatives with the true minus sign U+2212, as KaTeX does', () => {
    expect(fmt(-0.5)).toBe('−0.5');
    expect(fmt(-0.230770)).toBe('−0.2308');
  });
  test('fmt(-0) and fmt(0) are "0", never "−0"', () => {
    expect(fmt(-0)).toBe('0');
    expect(fmt(0)).toBe('0');
  });
  test('fmt(x) uses ×10ⁿ below 10⁻⁴ and from 10⁶', () => {
    expect(fmt(1.2e-7)).toBe('1.2×10⁻⁷');
    expect(fmt(-3.456789e-5)).toBe('−3.457×10⁻⁵');
    expect(fmt(2.5e6)).toBe('2.5×10⁶');
    expect(fmt(0.0001)).toBe('0.0001');
  });
  test('fmt(x) never rounds away integer digits below 10⁶', () => {
    expect(fmt(123456)).toBe('123456');
    expect(fmt(1234.56)).toBe('1235');
    expect(fmt(9.99996)).toBe('10.00');
    expect(fmt(999999.7)).toBe('1×10⁶');
  });
  test('fmt(x, { digits }) changes the precision', () => {
    expect(fmt(Math.PI, { digits: 2 })).toBe('3.1');
    expect(fmt(Math.PI, { digits: 8 })).toBe('3.1415927');
    expect(() => fmt(1, { digits: 0 })).toThrow(RangeError);
  });
  test('fmt(NaN) and fmt(±Infinity) throw: the book never prints them', () => {
    expect(() => fmt(Number.NaN)).toThrow(/never prints NaN/);
    expect(() => fmt(Infinity)).toThrow(RangeError);
    expect(() => fmt(-Infinity)).toThrow(RangeError);
  });
});

describe('fmt(x, { style }) and fmtTex', () => {
  test("fmt(x, { style: 'signed' }) adds \"+\" to positive numbers only", () => {
    expect(fmt(0.25, { style: 'signed' })).toBe('+0.25');
    expect(fmt(-0.25, { style: 'signed' })).toBe('−0.25');
    expect(fmt(0, { style: 'signed' })).toBe('0');
    expect(fmt(-0, { style: 'signed' })).toBe('0');
  });
  test("fmt(x, { style: 'factor' }) puts negative factors in parentheses", () => {
    expect(fmt(-0.5, { style: 'factor' })).toBe('(−0.5)');
    expect(fmt(0.5, { style: 'factor' })).toBe('0.5');
    expect(fmt(-1.2e-7, { style: 'factor' })).toBe('(−1.2×10⁻⁷)');
  });
  test('fmtTex(x) is TeX with ASCII minus and \\times 10^{n}', () => {
    expect(fmtTex(1.2e-7)).toBe('1.2 \\times 10^{-7}');
    expect(fmtTex(-0.5)).toBe('-0.5');
    expect(fmtTex(-0.5, { style: 'factor' })).toBe('(-0.5)');
    expect(fmtTex(0.25, { style: 'signed' })).toBe('+0.25');
    expect(fmtTex(-0)).toBe('0');
    expect(fmtTex(0.19661193)).toBe('0.1966');
  });
});

describe('rounding never hides', () => {
  test('fmt(x) keeps the zeros of a value that rounds to a whole number it is not', () => {
    expect(fmt(0.99995460)).toBe('1.000');      // σ(10): not 1
    expect(fmt(-0.99999)).toBe('−1.000');
    expect(fmt(2.00004)).toBe('2.000');
    expect(fmt(1)).toBe('1');                   // exactly 1 stays "1"
    expect(fmt(0.0999999)).toBe('0.1');         // rounds to a decimal, not to a whole number
    expect(fmtTex(0.99995460)).toBe('1.000');
  });
});

describe('parseNumber', () => {
  test('parseNumber(text) reads the ways a reader writes a number', () => {
    for (const [text, value] of [['0.5', 0.5], ['.5', 0.5], ['-0.5', -0.5], ['−0.5', -0.5], ['0,5', 0.5], [' 2 ', 2], ['1e-3', 0.001], ['+3', 3], ['-0', 0]] as const) {
      expect(parseNumber(text), text).toEqual({ ok: true, value });
    }
    expect(Object.is((parseNumber('-0') as { value: number }).value, -0)).toBe(false);
  });
  test('parseNumber(text) says why text is not a usable number', () => {
    expect(parseNumber('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNumber('   ')).toEqual({ ok: false, reason: 'empty' });
    for (const text of ['abc', 'NaN', 'Infinity', '-Infinity', '0x10', '1/2', '1..2', '--1', 'e5']) {
      expect(parseNumber(text), text).toEqual({ ok: false, reason: 'not-a-number' });
    }
    expect(parseNumber('1e309')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseNumber('-1e309')).toEqual({ ok: false, reason: 'too-large' });
  });
});
