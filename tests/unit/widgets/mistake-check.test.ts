// The live gradient check's model against the pitfalls oracle: g of each mistake and ĝ of the code's loss,
// per parameter, written out in plain code; the verdict and the failing rows.
import { describe, expect, test } from 'vitest';
import { mistakeCheck as model, mistakePresets, MISTAKE_OPTIONS, PARAMETER_LABELS } from '../../../components/widgets/MistakeCheck/model';
import { checkResult, presetHref } from '../../../src/kit/widget';
import { fromArray, grads, numericGrads, relErr, type OracleMistake, type P9 } from '../../fixtures/oracle-pitfalls';

type V = typeof model.defaults;
const at = (v: Partial<V>) => model.compute({ ...model.defaults, ...v }, undefined);
const NAMES = ['W1_11', 'W1_12', 'W1_21', 'W1_22', 'b1_1', 'b1_2', 'W2_11', 'W2_12', 'b2'] as const;
const p9 = (v: V): P9 => fromArray([...v.W1.flat(), ...v.b1.flat(), ...v.W2.flat(), ...v.b2.flat()]);

describe('the live gradient check', () => {
  const other: Partial<V> = { W1: [[1, -2], [0.5, 3]], b1: [[0.3], [-1]], W2: [[2, -1.5]], b2: [[0.4]], alpha: 1 };
  for (const { value: mistake } of MISTAKE_OPTIONS) {
    for (const [name, v] of [['the book’s weights', {}], ['other weights and α = 1', other]] as const) {
      test(`“${mistake}” at ${name}: g, ĝ and the verdict as the oracle computes them`, () => {
        const r = at({ ...v, mistake });
        checkResult(r);
        const all = { ...model.defaults, ...v };
        const g = grads(p9(all), mistake as OracleMistake, all.alpha), n = numericGrads(p9(all), mistake !== 'lossWithoutSquares');
        NAMES.forEach((k, i) => {
          expect(relErr(r.numbers[`g${k}`]!, g[i]!, 1e-300), k).toBeLessThan(1e-12);
          expect(relErr(r.numbers[`n${k}`]!, n[i]!, 1e-300), k).toBeLessThan(1e-7);
          const e = relErr(g[i]!, n[i]!);
          expect(r.flags[`bad${k}`], k).toBe(e > 1e-7);
          if (e > 1e-6) expect(relErr(r.numbers[`e${k}`]!, e), k).toBeLessThan(1e-6);
          if (e <= 1e-7) expect(r.numbers[`e${k}`], k).toBe(0);   // round-off: shown as ≤ 10⁻⁷
        });
        expect(r.flags.passes).toBe(mistake === 'none' || mistake === 'lossWithoutSquares');
        expect(r.numbers.failing).toBe(NAMES.filter((k) => r.flags[`bad${k}`]).length);
        if (r.flags.fails) expect(Object.values(PARAMETER_LABELS)).toContain(r.text.worstName);
        else expect([r.numbers.worst, r.text.worstName]).toEqual([0, '']);
      });
    }
  }
  test('the missing transpose fails exactly W⁽¹⁾’s two entries off the diagonal', () => {
    const r = at({ mistake: 'missingTranspose' });
    expect(NAMES.filter((k) => r.flags[`bad${k}`])).toEqual(['W1_12', 'W1_21']);
  });
  test('preset links are checked against the schema', () => {
    expect(presetHref(model, 'mc1', mistakePresets.missingTranspose)).toBe('?mc1.mistake=missingTranspose#mc1');
  });
});
