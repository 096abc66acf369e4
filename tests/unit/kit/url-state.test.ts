import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { choice, defaults, matrix, num, state, text } from '../../../src/kit/params';
import { presetQuery, readParams, writeParams } from '../../../src/kit/url-state';

const schema = {
  x: num(0.5, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
  alpha: num(0.1, { min: 0, max: 10, label: 'Learning rate', symbol: 'α' }),
  form: choice('a', ['a', 'z'], { label: 'Argument' }),
  W: matrix([[0.1, -0.2]], { min: -5, max: 5, label: 'Weights', symbol: 'W' }),
  steps: state(0, { min: 0, max: 500, label: 'Steps taken' }),
};

describe('readParams(search, id, schema)', () => {
  test('reads this widget’s keys and leaves the rest at defaults', () => {
    const r = readParams('?od1.x=2&od2.x=3&od1.form=z&od1.steps=12&od1.W=1,2', 'od1', schema);
    expect(r.values).toEqual({ x: 2, alpha: 0.1, form: 'z', W: [[1, 2]], steps: 12 });
    expect(r.present).toEqual(['x', 'form', 'steps', 'W']);
    expect(r.problems).toEqual([]);
  });
  test('invalid values fall back to the defaults with a notice naming the value', () => {
    const r = readParams('?od1.x=abc&od1.alpha=-1&od1.form=true', 'od1', schema);
    expect(r.values).toEqual(defaults(schema));
    expect(r.problems).toEqual([
      'The link gives the input x as “abc”, which is not a number; using the default, 0.5.',
      'The link gives the learning rate α as “-1”, which is outside the range between 0 and 10; using the default, 0.1.',
      'The link gives the argument as “true”, which is not one of a, z; using the default, a.',
    ]);
  });
  test('hostile links: markup, javascript: URLs, TeX links, long strings and __proto__ give defaults and notices', () => {
    const long = 'A'.repeat(400);
    const search = `?od1.x=${encodeURIComponent('<script>alert(1)</script>')}&od1.form=${encodeURIComponent('javascript:alert(1)')}`
      + `&od1.alpha=${encodeURIComponent('\\href{javascript:alert(1)}{x}')}&od1.steps=${long}&od1.__proto__=1&__proto__[x]=1&od1.constructor=2`;
    const r = readParams(search, 'od1', schema);
    expect(r.values).toEqual(defaults(schema));
    expect(r.problems).toHaveLength(6);
    expect(r.problems.join(' ')).toContain('The link sets “__proto__”, which this widget does not have; it is ignored.');
    expect(r.problems.join(' ')).not.toContain(long);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  test('1e309, NaN, Infinity and empty values in a link are refused', () => {
    for (const bad of ['1e309', 'NaN', 'Infinity', '']) {
      const r = readParams(`?od1.x=${bad}`, 'od1', schema);
      expect(r.values.x, bad).toBe(0.5);
      expect(r.problems, bad).toHaveLength(1);
    }
  });
  test('the kit’s own key "mine" says the chapter follows the widget', () => {
    expect(readParams('?od1.mine=on', 'od1', schema).kit).toEqual({ mine: true });
    expect(readParams('?od1.x=1', 'od1', schema).kit).toEqual({ mine: false });
  });
});

describe('writeParams(search, id, schema, values)', () => {
  test('keeps other widgets’ keys, drops this widget’s stale and unknown keys, leaves out defaults', () => {
    const s = writeParams('?other.k=1&od1.x=3&od1.junk=1', 'od1', schema, { ...defaults(schema), alpha: 2, W: [[1, 0]] });
    expect(s).toBe('?other.k=1&od1.alpha=2&od1.W=1%2C0');
  });
  test('all defaults give an empty query', () => {
    expect(writeParams('', 'od1', schema, defaults(schema))).toBe('');
  });
  test('read(write(values)) gives the values back, and write(read(s)) gives s back, for any valid values', () => {
    fc.assert(fc.property(
      fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom('a', 'z' as const), fc.integer({ min: 0, max: 500 }),
      (x, alpha, form, steps) => {
        const values = { ...defaults(schema), x: x + 0, alpha: alpha + 0, form, steps };
        const s = writeParams('?keep=1', 'w1', schema, values);
        expect(readParams(s, 'w1', schema).values).toEqual(values);
        expect(writeParams(s, 'w1', schema, readParams(s, 'w1', schema).values)).toBe(s);
      }));
  });
});

describe('presetQuery(id, schema, preset)', () => {
  test('links to a preset that readParams reads back', () => {
    const href = presetQuery('od1', schema, { x: -0.5, form: 'z' });
    expect(href).toBe('?od1.x=-0.5&od1.form=z#od1');
    expect(readParams(href.split('#')[0]!, 'od1', schema).values).toMatchObject({ x: -0.5, form: 'z' });
  });
  test('a preset naming a parameter the widget does not have, or a value it refuses, fails', () => {
    expect(() => presetQuery('od1', schema, { nope: 1 } as never)).toThrow(/has no parameter "nope"/);
    expect(() => presetQuery('od1', schema, { x: 7 })).toThrow(/7 is outside the range of the input x/);
  });
});

describe('text parameters in the URL', () => {
  const formula = { f: text('x*x', { label: 'Formula', symbol: 'f(x)', refuse: (s) => (/^[x*+\-() 0-9]+$/.test(s) ? null : 'has a character that is not x, a digit or * + − ( )') }) };
  test('a formula round-trips through writeParams and readParams, escaped in the query', () => {
    const search = writeParams('', 'gc1', formula, { f: '(x + 1)*(x - 1)' });
    expect(search).toBe('?gc1.f=(x%20%2B%201)*(x%20-%201)');
    expect(readParams(search, 'gc1', formula).values).toEqual({ f: '(x + 1)*(x - 1)' });
  });
  test('a hostile formula in a link is refused with the rule’s reason, and the default is kept', () => {
    const r = readParams(`?gc1.f=${encodeURIComponent('</script><img onerror=alert(1)>')}`, 'gc1', formula);
    expect(r.values).toEqual({ f: 'x*x' });
    expect(r.problems).toEqual(['The link gives the formula f(x) as “</script><img onerror=alert(1)>”, which is refused: has a character that is not x, a digit or * + − ( ); using the default, x*x.']);
  });
});
