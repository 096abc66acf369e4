// formula.ts — checks a formula a student types (e.g. σ′(x)) numerically: parsed by the engine's safe
// expression parser (no eval), evaluated at the task's points and compared with the right formula and
// with each mistake's formula. Separate from define.ts so only chapters with formula exercises load the
// parser.
import { evaluateFinite, parseExpression } from '../engine/expression.ts';
import type { FormulaTask, Verdict } from './define.ts';

/** A formula task with its checker attached. */
export function formulaTask(spec: Omit<FormulaTask, 'kind' | 'check'>): FormulaTask {
  const task: FormulaTask = { kind: 'formula', ...spec, check: (text) => checkFormula(task, text) };
  return task;
}

/** Two values agree when they differ by at most this, relative to their size (at least 1). */
const AGREE = 1e-6;

const agree = (p: number, q: number) => Math.abs(p - q) <= AGREE * Math.max(1, Math.abs(q));

/** Checks a typed formula in x at every point of the task. */
export function checkFormula(task: FormulaTask, text: string): Verdict {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { kind: 'invalid', message: `That formula cannot be read: ${parsed.message} (at character ${parsed.column}).` };
  const values: number[] = [];
  for (const x of task.points) {
    const v = evaluateFinite(parsed.expr, x);
    if (!v.ok) return { kind: 'invalid', message: `That formula cannot be checked: ${v.message}.` };
    values.push(v.value);
  }
  if (task.points.every((x, i) => agree(values[i]!, task.answer(x)))) return { kind: 'right' };
  const mistake = task.mistakes.find((m) => task.points.every((x, i) => agree(values[i]!, m.f(x))));
  return mistake ? { kind: 'mistake', mistake } : { kind: 'wrong' };
}
