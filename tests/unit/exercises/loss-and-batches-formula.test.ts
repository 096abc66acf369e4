// The formula exercise of chapter 6 (lb-no-half): ∂/∂ŷ (y − ŷ)² at y = 1 against the closed form
// −2(1 − x), the forms people type accepted, and the two named mistakes recognised.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../src/exercises/seed';
import { variant } from '../../../src/exercises/define';
import { checkFormula } from '../../../src/exercises/formula';
import { exerciseSets } from '../../../src/exercises/index';

describe('the formula exercise of chapter 6 (the slope without the ½)', () => {
  const task = variant(exerciseSets['loss-and-batches']!.find((e) => e.id === 'lb-no-half')!, DEFAULT_SEED).task;
  if (task.kind !== 'formula') throw new Error('lb-no-half is a formula task');
  it('compares with −2(1 − x) at its points', () => {
    for (const x of task.points) expect(Math.abs(task.answer(x) - -2 * (1 - x))).toBeLessThan(1e-12);
  });
  it('accepts the slope in the forms people write it', () => {
    for (const t of ['-2*(1 - x)', '−2(1 − x)', '2x - 2', '2*(x - 1)', '-2 + 2*x']) expect(checkFormula(task, t).kind, t).toBe('right');
  });
  it('names the book’s slope without the 2 and the flipped sign; anything else is wrong', () => {
    const named = (t: string) => { const v = checkFormula(task, t); return v.kind === 'mistake' ? v.mistake.id : v.kind; };
    expect(named('x - 1')).toBe('missingTwo');
    expect(named('2(1 - x)')).toBe('sign');
    expect(named('x^2')).toBe('wrong');
    expect(named('x +')).toBe('invalid');
  });
});
