// define.ts — what an exercise is: values drawn from a seed, the question and worked solution for those
// values (HTML whose numbers are marked like every number in the book), the right answer, and the
// numbers that named mistakes produce, so that a wrong answer can be recognised and named.
// N.B. Imported by build-time pages AND by the browser (through each chapter's module): DOM-free.
import { mulberry32, type Rng } from '../engine/random.ts';
import { markHtml } from '../format/names.ts';
import { fmt, type NumberStyle } from '../format/number.ts';
import { matches, parseAnswer, tolerance } from './answer.ts';
import { exerciseSeed } from './seed.ts';

/** A fragment of HTML, made only from the book's own strings and marked numbers. */
export type Html = string;

/** A common mistake: what it is called, why it is wrong, and the equation (#eq-<eq>) that avoids it. */
export interface MistakeInfo {
  readonly id: string;
  /** A short name, e.g. "forgot σ′(z)". */
  readonly name: string;
  /** One sentence on what goes wrong, e.g. "δ multiplies the error by the slope σ′(z)". */
  readonly why: string;
  /** The chapter's equation id that gets it right (the anchor #eq-<eq>). */
  readonly eq: string;
}

/** A mistake's number for these values (computed by the engine or by the wrong formula written plainly). */
export interface NumberMistake extends MistakeInfo { readonly value: number }

/** A mistake as a wrong formula in x, for formula exercises. */
export interface FormulaMistake extends MistakeInfo { readonly f: (x: number) => number }

/** The outcome of checking one answer. */
export type Verdict =
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'right' }
  | { readonly kind: 'mistake'; readonly mistake: MistakeInfo }
  | { readonly kind: 'wrong' };

export interface NumberTask {
  readonly kind: 'number';
  /** What the field asks for, as the field's label says it: "δ", "∂L/∂w". */
  readonly symbol: string;
  readonly answer: number;
  /** Significant figures the answer is checked to (stated beside the field). */
  readonly sig: number;
  /** The answer is a percentage: a trailing % is accepted. */
  readonly percent?: boolean;
  readonly mistakes: readonly NumberMistake[];
}

export interface ChoiceOption {
  readonly id: string;
  readonly label: string;
  /** The mistake that leads to this (wrong) option, if one does. */
  readonly mistake?: MistakeInfo;
}

export interface ChoiceTask {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
  /** The id of the right option. */
  readonly answer: string;
}

export interface FormulaTask {
  readonly kind: 'formula';
  readonly symbol: string;
  /** The right formula, as the key prints it. */
  readonly answerText: string;
  readonly answer: (x: number) => number;
  /** Where typed formulas are compared with the answer and the mistakes. */
  readonly points: readonly number[];
  readonly mistakes: readonly FormulaMistake[];
  /** Checks a typed formula (formula.ts: only chapters with formula exercises load the parser). */
  readonly check: (text: string) => Verdict;
}

export type Task = NumberTask | ChoiceTask | FormulaTask;

/** One exercise at one set of values. */
export interface Instance {
  /** Every number the question and solution show, by the name that marks it (data-v). */
  readonly numbers: Readonly<Record<string, number>>;
  readonly question: Html;
  readonly task: Task;
  /** Hints, revealed one at a time. */
  readonly hints: readonly Html[];
  /** The worked solution for these values. */
  readonly solution: Html;
}

/** An exercise: how to draw its values from a seed, and what it asks at those values. */
export interface Exercise<V = unknown> {
  /** Unique in the book, e.g. "od-delta": the element id is ex-<id>, progress is kept under it. */
  readonly id: string;
  readonly title: string;
  readonly draw: (rng: Rng) => V;
  readonly make: (values: V) => Instance;
}

/** An exercise, with its values' type checked against its draw and make. */
export function exercise<V>(e: Exercise<V>): Exercise {
  return e as unknown as Exercise;
}

/** A number from lo to hi in steps of `step` (so students get values they can type: 0.35, −1.2). */
export function pick(rng: Rng, lo: number, hi: number, step: number): number {
  const k = Math.round((lo + (hi - lo) * rng()) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((k * step).toFixed(decimals)) + 0;
}

/** Marked numbers for HTML from one record: `const m = marker(numbers); m('delta')`. */
export function marker<T extends Readonly<Record<string, number>>>(numbers: T) {
  return (name: keyof T & string, style: NumberStyle = 'plain'): Html => {
    const value = numbers[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`exercise number ${name} is ${String(value)}`);
    return markHtml({ name, value }, style);
  };
}

/** A link to an equation of the page: "equation (n)" once the browser knows n. */
export function eqLink(eq: string, text = 'this equation'): Html {
  return `<a class="exercise-eq" href="#eq-${eq}" data-eq="${eq}">${text}</a>`;
}

/** Whether two numbers' tolerance windows overlap (then an answer could match both). */
function overlap(p: number, q: number, sig: number): boolean {
  return Math.abs(p - q) <= (tolerance(p, sig) + tolerance(q, sig)) * (1 + 1e-9);
}

/** The smallest size of a right answer: nearer 0 an answer to n significant figures means little. */
export const SMALLEST_ANSWER = 1e-3;

/**
 * Whether every pair among the right answer and the mistakes' numbers can be told apart at the task's
 * tolerance (for formulas: each mistake differs from the answer somewhere among the points).
 */
export function distinguishable(task: Task): boolean {
  if (task.kind === 'choice') return task.options.some((o) => o.id === task.answer);
  if (task.kind === 'formula') {
    return task.mistakes.every((m) => task.points.some((x) => Math.abs(m.f(x) - task.answer(x)) > 1e-3));
  }
  const all = [task.answer, ...task.mistakes.map((m) => m.value)];
  if (!all.every(Number.isFinite) || Math.abs(task.answer) < SMALLEST_ANSWER) return false;
  return all.every((p, i) => all.every((q, j) => j <= i || !overlap(p, q, task.sig)));
}

/** How many draws a variant may take before the generator gives up (it never needs more than a few). */
const MAX_DRAWS = 500;

/**
 * The exercise at a student's seed: values drawn from mulberry32, redrawn while the right answer and a
 * mistake could be confused at the stated tolerance.
 */
export function variant(ex: Exercise, seed: number): Instance {
  const rng = mulberry32(exerciseSeed(seed, ex.id));
  for (let i = 0; i < MAX_DRAWS; i++) {
    const inst = ex.make(ex.draw(rng));
    if (distinguishable(inst.task)) return inst;
  }
  throw new Error(`exercise ${ex.id}: no distinguishable values in ${MAX_DRAWS} draws from seed ${seed}`);
}

/** Checks a typed number against the answer and then against each mistake. */
export function checkNumber(task: NumberTask, text: string): Verdict {
  const typed = parseAnswer(text, { percent: task.percent === true });
  if (!typed.ok) return { kind: 'invalid', message: typed.message };
  if (matches(typed.value, task.answer, task.sig)) return { kind: 'right' };
  const mistake = task.mistakes.find((m) => matches(typed.value, m.value, task.sig));
  return mistake ? { kind: 'mistake', mistake } : { kind: 'wrong' };
}

/** Checks a chosen option. */
export function checkChoice(task: ChoiceTask, optionId: string): Verdict {
  const option = task.options.find((o) => o.id === optionId);
  if (!option) return { kind: 'invalid', message: 'Choose one of the answers first.' };
  if (option.id === task.answer) return { kind: 'right' };
  return option.mistake ? { kind: 'mistake', mistake: option.mistake } : { kind: 'wrong' };
}

/** Checks an answer: typed text for numbers and formulas, the chosen option's id for choices. */
export function check(task: Task, input: string): Verdict {
  if (task.kind === 'number') return checkNumber(task, input);
  if (task.kind === 'choice') return checkChoice(task, input);
  return task.check(input);
}

/** The right answer as the key prints it. */
export function answerText(task: Task): string {
  if (task.kind === 'number') return `${fmt(task.answer, { digits: Math.max(task.sig, 4) })}${task.percent ? '%' : ''}`;
  if (task.kind === 'formula') return task.answerText;
  return task.options.find((o) => o.id === task.answer)?.label ?? task.answer;
}
