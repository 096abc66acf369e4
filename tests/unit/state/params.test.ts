import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkValue, choice, defaults, num, parseParams, presetHref, serializeParams } from '../../../src/state/params';

const schema = {
  x: num(0.5, { min: -5, max: 5, step: 0.01, name: 'the input x' }),
  alpha: num(0.1, { min: 0, max: 10, step: 0.01, name: 'the learning rate α' }),
  form: choice('a', ['a', 'z'], 'the argument of a(1 − a)'),
};

describe('parseParams', () => {
  test('parseParams(search, ns, schema) reads this widget’s keys and leaves the rest at defaults', () => {
    const { values, present, problems } = parseParams('?od1.x=2&od2.x=3&od1.form=z', 'od1', schema);
    expect(values).toEqual({ x: 2, alpha: 0.1, form: 'z' });
    expect(present).toEqual(['x', 'form']);
    expect(problems).toEqual([]);
  });
  test('invalid values fall back to the defaults with a notice naming the value', () => {
    const { values, problems } = parseParams('?od1.x=abc&od1.alpha=-1&od1.form=true', 'od1', schema);
    expect(values).toEqual(defaults(schema));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('The link gives the input x as “abc”, which is not a number; using the default, 0.5.');
    expect(problems[1]).toContain('outside the range between 0 and 10');
    expect(problems[2]).toContain('is not one of a, z');
  });
  test('1e309, NaN, Infinity and empty values in a link are refused', () => {
    for (const bad of ['1e309', 'NaN', 'Infinity', '']) {
      const { values, problems } = parseParams(`?od1.x=${bad}`, 'od1', schema);
      expect(values.x, bad).toBe(0.5);
      expect(problems, bad).toHaveLength(1);
    }
  });
});

describe('serializeParams', () => {
  test('serializeParams keeps other widgets’ keys and leaves out defaults', () => {
    const s = serializeParams('?other.k=1&od1.x=3', 'od1', schema, { x: 0.5, alpha: 2, form: 'a' });
    expect(s).toBe('?other.k=1&od1.alpha=2');
  });
  test('all defaults give an empty query', () => {
    expect(serializeParams('', 'od1', schema, defaults(schema))).toBe('');
  });
  test('parse(serialize(values)) gives the values back, for any valid values', () => {
    fc.assert(fc.property(
      fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom('a', 'z'),
      (x, alpha, form) => {
        const values = { x, alpha, form } as const;
        const s = serializeParams('?keep=1', 'w1', schema, values);
        expect(parseParams(s, 'w1', schema).values).toEqual({ x: x + 0, alpha: alpha + 0, form });
        expect(serializeParams(s, 'w1', schema, parseParams(s, 'w1', schema).values)).toBe(s);
      }));
  });
});

describe('checkValue', () => {
  test('checkValue explains empty, text, too large and out-of-range input', () => {
    const x = schema.x;
    expect(checkValue(x, '')).toMatchObject({ ok: false, message: 'Enter a number for the input x, between −5 and 5.' });
    expect(checkValue(x, 'abc')).toMatchObject({ ok: false, message: '“abc” is not a number: enter the input x as a decimal, like 0.5.' });
    expect(checkValue(x, '1e309')).toMatchObject({ ok: false, message: '1e309 is too large to compute with: enter a number between −5 and 5.' });
    expect(checkValue(x, 'NaN')).toMatchObject({ ok: false });
    expect(checkValue(x, '7')).toMatchObject({ ok: false, message: '7 is outside the range of the input x: enter a number between −5 and 5.' });
    expect(checkValue(x, '−2.5')).toEqual({ ok: true, value: -2.5 });
  });
  test('an integer parameter refuses fractions', () => {
    const steps = num(0, { min: 0, max: 100, step: 1, name: 'the number of steps', integer: true, control: false });
    expect(checkValue(steps, '2.5')).toMatchObject({ ok: false, reason: 'is not a whole number' });
    expect(checkValue(steps, '12')).toEqual({ ok: true, value: 12 });
  });
  test('num() refuses a default outside its own range', () => {
    expect(() => num(20, { min: 0, max: 10, step: 1, name: 'the thing t' })).toThrow(RangeError);
  });
});

describe('presetHref', () => {
  test('presetHref(ns, values) links to a widget preset that parseParams reads back', () => {
    const href = presetHref('od1', { x: -0.5, form: 'z' });
    expect(href).toBe('?od1.x=-0.5&od1.form=z#od1');
    expect(parseParams(href.split('#')[0]!, 'od1', schema).values).toEqual({ x: -0.5, alpha: 0.1, form: 'z' });
  });
});
