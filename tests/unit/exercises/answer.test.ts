// answer.test.ts — parseAnswer(text, { percent }) reads the forms people type and says why anything
// else is not a number; tolerance(answer, sig) is one unit in the last significant figure.
import { describe, expect, it } from 'vitest';
import { matches, parseAnswer, tolerance } from '../../../src/exercises/answer';

const value = (text: string, percent = false) => {
  const r = parseAnswer(text, { percent });
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const message = (text: string, percent = false) => {
  const r = parseAnswer(text, { percent });
  if (r.ok) throw new Error(`${text} was read as ${r.value}`);
  return r.message;
};

describe('parseAnswer', () => {
  it('reads the forms the issue lists: -0.2308, −0.2308, -.2308, -2.308e-1', () => {
    for (const t of ['-0.2308', '\u22120.2308', '-.2308', '-2.308e-1', '  -0.2308 ', '-2.308E-1', '\u2212.2308', '-0,2308']) {
      expect(value(t), t).toBeCloseTo(-0.2308, 12);
    }
  });
  it('reads a power of ten written out: −2.308×10⁻¹, -2.308 x 10^-1, -2.308*10^(-1)', () => {
    for (const t of ['\u22122.308×10⁻¹', '-2.308 x 10^-1', '-2.308*10^(-1)', '-2.308 × 10^\u22121']) expect(value(t), t).toBeCloseTo(-0.2308, 12);
  });
  it('reads integers, a plus sign and zero (never −0)', () => {
    expect(value('3')).toBe(3);
    expect(value('+0.5')).toBe(0.5);
    expect(Object.is(value('-0'), -0)).toBe(false);
  });
  it('accepts a trailing % only where the answer is a percentage, and then reads the number in percent', () => {
    expect(value('12.5%', true)).toBe(12.5);
    expect(value('12.5', true)).toBe(12.5);
    expect(message('12.5%')).toBe('This answer is a plain number, not a percentage: type it without the %.');
  });
  it('says what is wrong with anything else, never NaN', () => {
    expect(message('')).toBe('Type your answer first: a number.');
    expect(message('   ')).toBe('Type your answer first: a number.');
    for (const t of ['abc', 'NaN', 'Infinity', '-', '.', '1.2.3', '0x10', '1e', '--1', '<script>', '½', '1/2']) {
      expect(message(t), t).toMatch(/is not a number/);
    }
    expect(message('1e309')).toBe('“1e309” is too large to be a finite number.');
    expect(message('1'.repeat(41))).toMatch(/longer than any number needs/);
  });
});

describe('tolerance and matches', () => {
  it('is one unit in the last of the stated significant figures', () => {
    expect(tolerance(-0.2308, 3)).toBeCloseTo(0.001, 15);
    expect(tolerance(0.01333, 3)).toBeCloseTo(0.0001, 15);
    expect(tolerance(7.511, 2)).toBeCloseTo(0.1, 15);
    expect(tolerance(123, 3)).toBeCloseTo(1, 12);
  });
  it('accepts an answer rounded to 3 significant figures and rejects one off by two units', () => {
    expect(matches(-0.231, -0.23085, 3)).toBe(true);
    expect(matches(-0.23, -0.23085, 3)).toBe(true);
    expect(matches(-0.233, -0.23085, 3)).toBe(false);
    expect(matches(0.2308, -0.2308, 3)).toBe(false);
  });
});
