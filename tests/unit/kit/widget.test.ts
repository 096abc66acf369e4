import { describe, expect, test } from 'vitest';
import { NonFiniteError } from '../../../src/engine/errors';
import { named, markHtml } from '../../../src/format/names';
import { liveOf, renderTex } from '../../../src/format/tex';
import { choice, matrix, num, state } from '../../../src/kit/params';
import { checkResult, defineWidget, followedInputs, presetHref, shape, showWhen } from '../../../src/kit/widget';

const counter = defineWidget({
  name: 'counter',
  schema: { start: num(1, { min: 0, max: 10, label: 'Start', symbol: 's' }), steps: state(0, { min: 0, max: 5, label: 'Steps' }) },
  session: (v) => ({ made: v.start }),
  compute: (v, run) => ({ numbers: { total: v.start + v.steps, made: run.made }, flags: { atEnd: v.steps === 5 }, shapes: { bar: { width: v.steps * 10 } } }),
  actions: { step: (v) => ({ ...v, steps: Math.min(5, v.steps + 1) }) },
  onInput: (next) => ({ ...next, steps: 0 }),
});

describe('defineWidget(spec)', () => {
  test('first() is compute(defaults) with a fresh session: the frame rendered into the HTML', () => {
    expect(counter.first().numbers).toEqual({ total: 1, made: 1 });
    expect(counter.defaults).toEqual({ start: 1, steps: 0 });
  });
  test('actions and onInput are pure transitions, testable without a browser', () => {
    let v = counter.defaults;
    for (let i = 0; i < 7; i++) v = counter.actions!.step(v, counter.start(v));
    expect(v.steps).toBe(5);
    expect(counter.onInput!({ ...v, start: 3 }, v, 'start')).toEqual({ start: 3, steps: 0 });
  });
  test('first() refuses a choice option disabled by a flag that compute does not return (a typo fails the build)', () => {
    const schema = { form: choice('a', ['a', { value: 'b', label: 'B', disableWhen: 'bOff' }], { label: 'Form' }) };
    const ok = defineWidget({ name: 'picker', schema, compute: () => ({ numbers: { one: 1 }, flags: { bOff: false } }) });
    expect(ok.first().flags).toEqual({ bOff: false });
    const typo = defineWidget({ name: 'picker', schema, compute: () => ({ numbers: { one: 1 }, flags: { boff: false } }) });
    expect(() => typo.first()).toThrow('option "b" of form is disabled by the flag "bOff", which compute does not return');
  });
  test('sessionKey(values) changes with the inputs, not with widget-owned state', () => {
    expect(counter.sessionKey({ start: 1, steps: 0 })).toBe(counter.sessionKey({ start: 1, steps: 4 }));
    expect(counter.sessionKey({ start: 1, steps: 0 })).not.toBe(counter.sessionKey({ start: 2, steps: 0 }));
  });
  test('play and announce name actions without narrowing them: every action of `actions` stays an action (type-checked)', () => {
    const stepper = defineWidget({
      name: 'stepper',
      schema: { steps: state(0, { min: 0, max: 50, label: 'Steps' }) },
      compute: (v) => ({ numbers: { steps: v.steps } }),
      actions: { step: (v) => ({ ...v, steps: v.steps + 1 }), step10: (v) => ({ ...v, steps: v.steps + 10 }) },
      play: { action: 'step', perSecond: 10, done: (v) => v.steps >= 50 },
      announce: (action, r) => `${action}: ${r.numbers.steps}`,
    });
    expect(stepper.actions!.step10(stepper.defaults, undefined).steps).toBe(10);
    expect(stepper.announce!('step10', stepper.first())).toBe('step10: 0');
  });
  test('a parameter named like the kit’s own keys, or a name that is not kebab-case, is refused', () => {
    expect(() => defineWidget({ name: 'Bad Name', schema: {}, compute: () => ({ numbers: {} }) })).toThrow(/kebab-case/);
    expect(() => defineWidget({ name: 'ok', schema: { mine: num(0, { min: 0, max: 1, label: 'M' }) }, compute: () => ({ numbers: {} }) })).toThrow(/cannot be a parameter name/);
  });
});

describe('checkResult(result): compute first, write last, by construction', () => {
  test('a non-finite number refuses the whole frame, naming the quantity', () => {
    expect(() => checkResult({ numbers: { a: 1, delta: Number.NaN } })).toThrow(NonFiniteError);
    expect(() => checkResult({ numbers: { delta: Infinity } })).toThrow(/delta would be Infinity/);
  });
  test('shapes, markup and text may not carry NaN, Infinity or undefined', () => {
    expect(() => checkResult({ numbers: {}, shapes: { marker: { cx: Number.NaN } } })).toThrow(/cx of marker/);
    expect(() => checkResult({ numbers: {}, shapes: { curve: { d: 'M0,NaN' } } })).toThrow(NonFiniteError);
    expect(() => checkResult({ numbers: {}, markup: { axes: '<text>undefined</text>' } })).toThrow(/axes would show “undefined”/);
    expect(() => checkResult({ numbers: { a: 1 }, shapes: { m: { cx: 1, d: 'M0,0' } }, markup: { g: '<g/>' }, flags: { f: true } })).not.toThrow();
  });
});

describe('build-time helpers', () => {
  test('showWhen(result, flag) gives the attributes of an element shown only while the flag holds', () => {
    const r = counter.first();
    expect(showWhen(r, 'atEnd')).toEqual({ 'data-show-when': 'atEnd', hidden: true });
    expect(showWhen(r, 'atEnd', true)).toEqual({ 'data-show-when': '!atEnd', hidden: false });
    expect(() => showWhen(r, 'nope' as 'atEnd')).toThrow(/no flag "nope"/);
  });
  test('shape(result, name) gives a moving shape’s attributes with its data-shape name', () => {
    expect(shape(counter.first(), 'bar')).toEqual({ 'data-shape': 'bar', width: 0 });
  });
  test('presetHref(model, id, preset) checks the preset against the schema', () => {
    expect(presetHref(counter, 'c1', { start: 4 })).toBe('?c1.start=4#c1');
    expect(() => presetHref(counter, 'c1', { start: 40 })).toThrow(/outside the range/);
  });
});

describe('named numbers and marks', () => {
  test('named(numbers)(name) binds a name once; an unknown name fails, listing the known ones', () => {
    const N = named({ delta: -0.2308, x: 0.5 });
    expect(N('delta')).toEqual({ name: 'delta', value: -0.2308 });
    expect(() => N('dleta' as 'delta')).toThrow('there is no number named "dleta"; the numbers are: delta, x');
  });
  test('markHtml(q, style) is the mark the painter writes into, with the same formatter', () => {
    expect(markHtml({ name: 'x', value: -0.5 }, 'factor')).toBe('<span data-v="x" data-style="factor">(−0.5)</span>');
    expect(markHtml({ name: 'g', value: 1.2e-7 }, 'plain', 'tspan')).toBe('<tspan data-v="g" data-style="plain">1.2×10⁻⁷</tspan>');
  });
  test('renderTex marks a live number in the HTML and in the MathML a screen reader reads, and drops the TeX copy', () => {
    const L = liveOf({ delta: -0.23077, tiny: 1.2e-7 });
    const html = renderTex(`\\delta = ${L('delta')} + ${L('tiny', 'factor')}`);
    expect(html).toContain('<mn data-v="delta" data-style="plain">−0.2308</mn>');
    expect(html).toContain('<mn data-v="tiny" data-style="factor">1.2×10⁻⁷</mn>');
    expect(html.match(/<span class="enclosing" data-v="delta" data-style="plain">/g)).toHaveLength(1);
    expect(html).not.toContain('<annotation');
    expect(html).not.toContain('BPLIVE');
    expect(renderTex('x^2')).not.toContain('<annotation');
  });
});

describe('followedInputs(schema, numbers)', () => {
  test('names reported numbers with their values and matrices by symbol, in schema order; the rest not at all', () => {
    const schema = {
      W: matrix([[0.1, -0.2]], { min: -5, max: 5, label: 'Weights', symbol: 'W⁽¹⁾' }),
      x: num(0.5, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
      hidden: num(1, { min: 0, max: 5, label: 'Not reported' }),
      form: choice('z', ['z', 'a'], { label: 'Form' }),
      steps: state(0, { min: 0, max: 5, label: 'Steps' }),
      X: matrix([[0], [1]], { min: -5, max: 5, label: 'Inputs' }),
    };
    expect(followedInputs(schema, { x: 0.5, z: 1 })).toEqual([
      { key: 'W', symbol: 'W⁽¹⁾', withValue: false },
      { key: 'x', symbol: 'x', withValue: true },
      { key: 'X', symbol: 'Inputs', withValue: false },
    ]);
  });
});
