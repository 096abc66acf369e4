import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { check, checkCell, choice, defaults, int, matrix, num, phrase, seed, serialize, state, text, toggle } from '../../../src/kit/params';

const x = num(0.5, { min: -5, max: 5, label: 'Input', symbol: 'x' });
const alpha = num(0.1, { min: 0.001, max: 100, scale: 'log', label: 'Learning rate', symbol: 'α' });

describe('num(default, { label, symbol, … })', () => {
  test('phrase(param) names a parameter in a sentence from its label and symbol, nothing parsed', () => {
    expect(phrase(x)).toBe('the input x');
    expect(phrase(alpha)).toBe('the learning rate α');
    expect(phrase(seed(1))).toBe('the seed');
  });
  test('a default outside its own range, or a log scale through 0, is refused when the schema is declared', () => {
    expect(() => num(20, { min: 0, max: 10, label: 'Thing', symbol: 't' })).toThrow(RangeError);
    expect(() => num(1, { min: 0, max: 10, scale: 'log', label: 'Rate' })).toThrow(/log scale needs min > 0/);
  });
  test('a log-scale number steps by a twentieth of a decade unless told otherwise', () => {
    expect(alpha).toMatchObject({ scale: 'log', step: 0.05, min: 0.001, max: 100 });
    expect(x).toMatchObject({ scale: 'linear', step: 0.01, integer: false });
  });
});

describe('check(param, text)', () => {
  test('check(number, text) explains empty, text, too large and out-of-range input', () => {
    expect(check(x, '')).toMatchObject({ ok: false, message: 'Enter a number for the input x, between −5 and 5.' });
    expect(check(x, 'abc')).toMatchObject({ ok: false, message: '“abc” is not a number: enter the input x as a decimal, like 0.5.' });
    expect(check(x, '1e309')).toMatchObject({ ok: false, message: '1e309 is too large to compute with: enter a number between −5 and 5.' });
    expect(check(x, '-1e309')).toMatchObject({ ok: false, message: '−1e309 is too large to compute with: enter a number between −5 and 5.' });
    for (const bad of ['NaN', 'Infinity', '0x10', '  ']) expect(check(x, bad).ok, bad).toBe(false);
    expect(check(x, '−2.5')).toEqual({ ok: true, value: -2.5 });
    expect(check(x, '1,5')).toEqual({ ok: true, value: 1.5 });
  });
  test('a refused value is quoted as typed, never rounded: 5.0001 is not "5"', () => {
    expect(check(x, '5.0001')).toMatchObject({ ok: false, message: '5.0001 is outside the range of the input x: enter a number between −5 and 5.' });
    expect(check(alpha, '0.0009')).toMatchObject({ ok: false, message: '0.0009 is outside the range of the learning rate α: enter a number between 0.001 and 100.' });
  });
  test('check(number, "-0") is 0, never −0', () => {
    const c = check(x, '-0');
    expect(c.ok && Object.is(c.value, -0)).toBe(false);
    expect(c).toEqual({ ok: true, value: 0 });
  });
  test('an integer parameter refuses fractions; a seed is a whole number below 2³²', () => {
    const hidden = int(2, { min: 1, max: 8, label: 'Hidden units' });
    expect(check(hidden, '2.5')).toMatchObject({ ok: false, reason: 'is not a whole number' });
    expect(check(hidden, '8')).toEqual({ ok: true, value: 8 });
    expect(check(seed(1), '4294967295')).toEqual({ ok: true, value: 4294967295 });
    expect(check(seed(1), '4294967296')).toMatchObject({ ok: false, message: '4294967296 is outside the range of the seed: enter a number between 0 and 4294967295.' });
  });
  test('check(toggle) reads on/off (and true/false, 1/0) and nothing else', () => {
    const bug = toggle(false, { label: 'The bug' });
    expect(check(bug, 'on')).toEqual({ ok: true, value: true });
    expect(check(bug, 'false')).toEqual({ ok: true, value: false });
    expect(check(bug, 'yes')).toMatchObject({ ok: false, reason: 'is neither on nor off' });
  });
  test('check(choice) accepts only its options', () => {
    const form = choice('a', ['a', 'z'], { label: 'Argument of a(1 − a)' });
    expect(check(form, 'z')).toEqual({ ok: true, value: 'z' });
    expect(check(form, '<script>')).toMatchObject({ ok: false, message: '“<script>” is not one of a, z.' });
  });
  test('choice(…) keeps an option’s disableWhen flag, and an option without one has none', () => {
    const loss = choice('half', ['half', { value: 'bce', label: 'Cross-entropy', disableWhen: 'bceUndefined' }], { label: 'Loss' });
    expect(loss.options).toEqual([{ value: 'half', label: 'half' }, { value: 'bce', label: 'Cross-entropy', disableWhen: 'bceUndefined' }]);
    expect(loss.control).toBe('radio');
    expect(check(loss, 'bce')).toEqual({ ok: true, value: 'bce' });
  });
  test('check(matrix) reads rows separated by ";" and entries by ",", each entry checked in range', () => {
    const W = matrix([[0.1, -0.2], [0.4, 0.3]], { min: -5, max: 5, label: 'Weights', symbol: 'W⁽¹⁾' });
    expect(check(W, '1,2;3,4')).toEqual({ ok: true, value: [[1, 2], [3, 4]] });
    expect(check(W, '1,2;3')).toMatchObject({ ok: false, reason: 'is not a 2×2 matrix' });
    expect(check(W, '1,2;3,9')).toMatchObject({ ok: false, message: '9 is outside the range of W⁽¹⁾ row 2, column 2: enter a number between −5 and 5.' });
    expect(checkCell(W, 0, 1, 'x')).toMatchObject({ ok: false, message: '“x” is not a number: enter W⁽¹⁾ row 1, column 2 as a decimal, like −0.2.' });
  });
  test('text longer than 200 characters is refused without being quoted back in full', () => {
    const c = check(x, '1'.repeat(400));
    expect(c).toMatchObject({ ok: false, reason: 'is too long to be a value' });
    expect(JSON.stringify(c).length).toBeLessThan(200);
  });
});

describe('serialize(value)', () => {
  test('serialize writes what check reads back, for every kind', () => {
    const steps = state(0, { min: 0, max: 500, label: 'Steps taken' });
    const W = matrix([[0.1, -0.2]], { min: -5, max: 5, label: 'Weights' });
    const cases = [[x, -0.25], [steps, 12], [toggle(false, { label: 'Bug' }), true], [W, [[1.5, -0]]]] as const;
    for (const [p, v] of cases) expect(check(p, serialize(v))).toEqual({ ok: true, value: p === W ? [[1.5, 0]] : v });
    expect(serialize(-0)).toBe('0');
    expect(serialize([[1, 2], [3, 4]])).toBe('1,2;3,4');
  });
  test('for any number in range, check(serialize(v)) gives v back exactly', () => {
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (v) => {
      expect(check(x, serialize(v))).toEqual({ ok: true, value: v + 0 });
    }));
  });
  test('defaults(schema) is every default by key', () => {
    expect(defaults({ x, alpha })).toEqual({ x: 0.5, alpha: 0.1 });
  });
});

describe('text(default, { label, symbol, refuse })', () => {
  // A rule of the widget's: here, "a word of letters only"; the kit quotes its clause back.
  const word = text('sigmoid', { label: 'Function name', symbol: 'f', refuse: (s) => (/^[a-z]+$/.test(s) ? null : `‘${s.charAt(s.search(/[^a-z]/))}’ is not a letter at column ${s.search(/[^a-z]/) + 1}`) });
  test('check(text, s) accepts what the rule accepts, as typed', () => {
    expect(check(word, 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(serialize(check(word, 'relu').ok ? 'relu' : '')).toBe('relu');
  });
  test('check(text, s) refuses with the rule’s clause, in the field’s sentence and in a link’s reason', () => {
    expect(check(word, 'ta)nh')).toEqual({ ok: false, reason: 'is refused: ‘)’ is not a letter at column 3', message: 'Function name f: ‘)’ is not a letter at column 3.' });
    const hostile = check(word, '<img src=x onerror=alert(1)>');
    expect(hostile.ok).toBe(false);
  });
  test('check(text, s) refuses text longer than its maximum, before the rule sees it', () => {
    let seen = '';
    const short = text('ab', { label: 'Word', maxLength: 5, refuse: (s) => { seen = s; return null; } });
    seen = '';
    expect(check(short, 'abcdef')).toMatchObject({ ok: false, reason: 'is longer than 5 characters' });
    expect(seen).toBe('');
    expect(check(short, 'a'.repeat(300))).toMatchObject({ ok: false, reason: 'is too long to be a value' });
  });
  test('a default its own rule refuses is refused when the schema is declared', () => {
    expect(() => text('Tanh', { label: 'Word', refuse: (s) => (/^[a-z]+$/.test(s) ? null : 'not lower case') })).toThrow(/the default of the word is refused/);
  });
  test('its value round-trips through serialize and check, and defaults() gives the default', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,30}$/), (s) => {
      const c = check(word, serialize(s));
      return c.ok && c.value === s;
    }));
    expect(defaults({ f: word })).toEqual({ f: 'sigmoid' });
  });
});
