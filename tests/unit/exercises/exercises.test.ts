// exercises.test.ts — every exercise of every chapter against tests/fixtures/oracle-exercises.ts (plain
// closed forms, never the engine) for a sample of seeds; the variant generator's promise (right answer
// and mistakes pairwise distinguishable at the stated tolerance, sensible ranges) over many seeds;
// the formula check; seeds and progress.
import { describe, expect, it } from 'vitest';
import { checkNumber, distinguishable, variant, type Instance } from '../../../src/exercises/define';
import { checkFormula } from '../../../src/exercises/formula';
import { exerciseSets } from '../../../src/exercises/index';
import { loadProgress, markSolved, PROGRESS_KEY, resetProgress, solvedCount } from '../../../src/exercises/progress';
import { DEFAULT_SEED, exerciseSeed, hashText, seedFromSearch, seedFromText } from '../../../src/exercises/seed';
import { exerciseOracle, sigmaPrimeFormula } from '../../fixtures/oracle-exercises';

const all = Object.entries(exerciseSets).flatMap(([chapter, list]) => list.map((ex) => ({ chapter, ex })));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('the book has exercises', () => {
  it('at least three per chapter, with ids unique in the book', () => {
    for (const list of Object.values(exerciseSets)) expect(list.length).toBeGreaterThanOrEqual(3);
    const ids = all.map(({ ex }) => ex.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(exerciseOracle[id], `an oracle for ${id}`).toBeDefined();
  });
});

describe.each(all.map(({ chapter, ex }) => [`${chapter}: ${ex.id}`, ex] as const))('%s', (_, ex) => {
  const oracle = exerciseOracle[ex.id]!;
  it('shows numbers, an answer and mistakes equal to the closed forms, for seeds 1–40', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const inst = variant(ex, seed);
      const want = oracle(inst.numbers);
      for (const [name, v] of Object.entries(inst.numbers)) {
        expect(want.numbers[name], `${ex.id} seed ${seed}: ${name}`).toBeDefined();
        expect(close(v, want.numbers[name]!), `${ex.id} seed ${seed}: ${name} = ${v}, oracle ${want.numbers[name]}`).toBe(true);
      }
      const task = inst.task;
      if (task.kind === 'number') {
        expect(close(task.answer, want.answer as number), `${ex.id} seed ${seed}: answer`).toBe(true);
        expect(task.mistakes.map((m) => m.id).sort()).toEqual(Object.keys(want.mistakes).sort());
        for (const m of task.mistakes) expect(close(m.value, want.mistakes[m.id]!), `${ex.id} seed ${seed}: ${m.id}`).toBe(true);
      } else if (task.kind === 'choice') {
        expect(task.answer, `${ex.id} seed ${seed}`).toBe(want.answer);
      }
    }
  });

  it('gives distinguishable variants for 2 000 seeds: the answer and every mistake apart at the stated tolerance', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const inst: Instance = variant(ex, seed);
      expect(distinguishable(inst.task)).toBe(true);
      const task = inst.task;
      if (task.kind !== 'number') continue;
      // The test's own tolerance: one unit in the last significant figure.
      const tol = (v: number) => 10 ** (Math.floor(Math.log10(Math.abs(v))) - task.sig + 1);
      const values = [task.answer, ...task.mistakes.map((m) => m.value)];
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          expect(Math.abs(values[i]! - values[j]!), `${ex.id} seed ${seed}: values ${i} and ${j}`).toBeGreaterThan(tol(values[i]!) + tol(values[j]!));
        }
      }
      // Each mistake's number is diagnosed as that mistake, the answer as right.
      expect(checkNumber(task, String(task.answer)).kind).toBe('right');
      for (const m of task.mistakes) {
        const v = checkNumber(task, String(m.value));
        expect(v.kind === 'mistake' && v.mistake.id, `${ex.id} seed ${seed}`).toBe(m.id);
      }
    }
  });

  it('keeps every pre-activation in a sensible range (|z| ≤ 3: no saturation)', () => {
    // sd-steeper is about saturation: its far neuron has |z| from 2.5 to 5 on purpose.
    if (ex.id === 'sd-steeper') return;
    for (let seed = 0; seed < 300; seed++) {
      const n = variant(ex, seed).numbers;
      for (const [name, v] of Object.entries(n)) if (/^z(\d*)$|^Z1-/.test(name)) expect(Math.abs(v), `${ex.id} ${name}`).toBeLessThanOrEqual(3);
    }
  });

  it('is reproducible: the same seed gives the same values, another seed other values', () => {
    expect(variant(ex, 7).numbers).toEqual(variant(ex, 7).numbers);
    if (Object.keys(variant(ex, 7).numbers).length > 0) {
      const differ = [8, 9, 10, 11].some((s) => JSON.stringify(variant(ex, s).numbers) !== JSON.stringify(variant(ex, 7).numbers));
      expect(differ).toBe(true);
    }
  });
});

describe('the formula exercise (σ′ in chapter 1)', () => {
  const inst = variant(exerciseSets['sigmoid-derivative']!.find((e) => e.id === 'sd-formula')!, DEFAULT_SEED);
  const task = inst.task;
  if (task.kind !== 'formula') throw new Error('sd-formula is a formula task');
  it('compares with the oracle’s σ′ at its points', () => {
    for (const x of task.points) expect(close(task.answer(x), sigmaPrimeFormula.answer(x))).toBe(true);
  });
  it('accepts σ′ in every form people write it', () => {
    for (const t of ['sigmoid(x)*(1 - sigmoid(x))', 'sigmoid(x)(1−sigmoid(x))', 'exp(-x)/(1+exp(-x))^2', 'e^(-x)/(1 + e^(-x))**2', 'sigmoid(x) - sigmoid(x)^2']) {
      expect(checkFormula(task, t).kind, t).toBe('right');
    }
  });
  it('names the mistakes: a(1 − a) applied to x, σ for σ′, the missing factor (1 − σ)', () => {
    const named = (t: string) => { const v = checkFormula(task, t); return v.kind === 'mistake' ? v.mistake.id : v.kind; };
    expect(named('x(1 - x)')).toBe('a1aOnZ');
    expect(named('sigmoid(x)')).toBe('sigmaForSlope');
    expect(named('sigmoid(x)^2')).toBe('forgotOneMinus');
    expect(named('x^2')).toBe('wrong');
  });
  it('says why a formula cannot be checked, never NaN', () => {
    for (const t of ['', 'x +', 'foo(x)', 'eval(x)', '('.repeat(40), 'x'.repeat(300)]) {
      const v = checkFormula(task, t);
      expect(v.kind, t).toBe('invalid');
      if (v.kind === 'invalid') expect(v.message).not.toMatch(/NaN|undefined/);
    }
    const v = checkFormula(task, 'log(x)');
    expect(v.kind === 'invalid' && v.message).toMatch(/no finite value at x = /);
  });
});

describe('seeds', () => {
  it('FNV-1a: the published test vectors', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
    expect(hashText('foobar')).toBe(0xbf9cf968);
  });
  it('a name gives one seed however it is spaced or capitalised; a number is its own seed', () => {
    expect(seedFromText(' Ada  Lovelace ')).toBe(seedFromText('ada lovelace'));
    expect(seedFromText('42')).toBe(42);
    expect(seedFromText('s1234567')).toBe(hashText('s1234567'));
    expect(seedFromText('   ')).toBeNull();
  });
  it('reads ?seed= from a query string and refuses anything that is not a 32-bit seed', () => {
    expect(seedFromSearch('?seed=17')).toBe(17);
    expect(seedFromSearch('?od1.x=0.4&seed=17')).toBe(17);
    for (const s of ['', '?seed=', '?seed=-1', '?seed=1e3', '?seed=4294967296', '?seed=abc', '?myseed=3']) expect(seedFromSearch(s), s).toBeNull();
  });
  it('gives every exercise its own stream', () => {
    expect(exerciseSeed(1, 'od-delta')).not.toBe(exerciseSeed(1, 'od-dldw'));
  });
});

describe('progress', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
  };
  it('records solved exercises per chapter, counts them and resets', () => {
    const s = memory();
    markSolved(s, 'output-delta', 'od-delta');
    markSolved(s, 'output-delta', 'od-delta');
    markSolved(s, 'chain-rule', 'cr-dldw');
    const p = loadProgress(s);
    expect(solvedCount(p, 'output-delta', ['od-delta', 'od-dldw', 'od-direction'])).toBe(1);
    expect(solvedCount(p, 'chain-rule', ['cr-dldw'])).toBe(1);
    resetProgress(s);
    expect(loadProgress(s)).toEqual({});
  });
  it('treats unreadable stored progress as none', () => {
    const s = memory();
    for (const bad of ['{', '[]', 'null', '"x"', '{"a": 3}']) {
      s.setItem(PROGRESS_KEY, bad);
      expect(() => loadProgress(s)).not.toThrow();
    }
    s.setItem(PROGRESS_KEY, '{"a": [1, "x"]}');
    expect(loadProgress(s)).toEqual({ a: ['x'] });
  });
});
