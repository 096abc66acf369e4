// Exercises of chapter 12, pitfalls and gradient checking: a central difference by hand, the relative
// error of the source's wrong σ′, a check's verdict from g and |g − ĝ|, tanh′ typed as a formula, and
// which mistake a gradient-check table points to.
import { sigmoid, sigmoidPrime, tanh, tanhPrime } from '../../engine/activations.ts';
import { backward221, engineGradient, PARAMETER_NAMES, pitfallsDefaults, sourceSigmoidPrime, type Mistake } from '../../engine/examples/pitfalls.ts';
import { network221Defaults } from '../../engine/examples/network-2-2-1.ts';
import { numericalDerivative, relativeError } from '../../engine/gradcheck.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick, type Html } from '../define.ts';
import { formulaTask } from '../formula.ts';
import { info, miss } from '../mistakes.ts';

// --- the verdict's scale, as the chapter states it --------------------------------------------------------

const VERDICTS = [
  { id: 'correct', label: 'correct (e ≤ 10⁻⁷)', upTo: 1e-7 },
  { id: 'suspicious', label: 'suspicious (10⁻⁷ < e ≤ 10⁻⁴)', upTo: 1e-4 },
  { id: 'bug', label: 'almost certainly a bug (10⁻⁴ < e ≤ 10⁻²)', upTo: 1e-2 },
  { id: 'wrong', label: 'wrong (e > 10⁻²)', upTo: Infinity },
] as const;
type VerdictId = (typeof VERDICTS)[number]['id'];
const verdictOf = (e: number): VerdictId => VERDICTS.find((v) => e <= v.upTo)!.id;

/** A number m × 10^k with m of three significant figures, as a student can type it. */
function scaled(rng: Rng, lo: number, hi: number, k: number): number {
  return Number((pick(rng, lo, hi, 0.01) * 10 ** k).toPrecision(3));
}

// --- which mistake made this table ---------------------------------------------------------------------

/** The mistakes a table can be told apart by (a wrong σ′ fails everywhere, whichever wrong σ′ it is). */
const CULPRITS = ['sourceDerivative', 'missingTranspose', 'updateBeforeBackprop', 'none'] as const satisfies readonly Mistake[];
type Culprit = (typeof CULPRITS)[number];
const CULPRIT_LABELS: Readonly<Record<Culprit, string>> = {
  sourceDerivative: 'the source’s wrong σ′ at both layers',
  missingTranspose: 'a missing transpose in ∂L/∂W⁽¹⁾',
  updateBeforeBackprop: 'W⁽²⁾ updated before δ⁽²⁾ is sent back',
  none: 'no mistake: the backward pass is right',
};
const PARAM_LABELS: Readonly<Record<(typeof PARAMETER_NAMES)[number], string>> = {
  W1_11: 'W⁽¹⁾₁₁', W1_12: 'W⁽¹⁾₁₂', W1_21: 'W⁽¹⁾₂₁', W1_22: 'W⁽¹⁾₂₂', b1_1: 'b⁽¹⁾₁', b1_2: 'b⁽¹⁾₂', W2_11: 'W⁽²⁾₁₁', W2_12: 'W⁽²⁾₁₂', b2: 'b⁽²⁾',
};

interface Net221Values { W1: number[][]; b1: number[][]; W2: number[][]; b2: number[][]; alpha: number; culprit: Culprit }

const paramsOf = (v: Net221Values) => ({ ...network221Defaults, W1: v.W1, b1: v.b1, W2: v.W2, b2: v.b2, alpha: v.alpha });

/**
 * Each parameter's relative error between the gradient the culprit's backward pass returns and the exact
 * gradient (the engine's), which the check's central differences approximate to about nine digits: the
 * table's numbers, without the round-off of a finite difference in their last digits.
 */
function tableOf(v: Net221Values): { readonly exact: Float64Array; readonly relError: number[] } {
  const exact = engineGradient(paramsOf(v));
  const claimed = v.culprit === 'none' ? exact : backward221(paramsOf(v), v.culprit);
  return { exact, relError: Array.from(claimed, (g, k) => relativeError(g, exact[k]!, pitfallsDefaults.tiny)) };
}

/**
 * Weights in ±1 and one culprit, redrawn until the table is clear-cut: every right gradient at least
 * 10⁻³ in size (so round-off cannot fail a right one), and every failing entry far above 10⁻⁷.
 */
function drawTable(rng: Rng): Net221Values {
  for (;;) {
    const p = () => pick(rng, -1, 1, 0.05);
    const v: Net221Values = {
      W1: [[p(), p()], [p(), p()]], b1: [[p()], [p()]], W2: [[p(), p()]], b2: [[p()]],
      alpha: pick(rng, 0.5, 2, 0.5), culprit: CULPRITS[Math.floor(rng() * CULPRITS.length)]!,
    };
    const { exact, relError } = tableOf(v);
    if (exact.every((g) => Math.abs(g) >= 1e-3) && relError.every((e) => e <= 1e-9 || e >= 1e-5)) return v;
  }
}

export const exercises = [
  exercise({
    id: 'pf-central',
    title: 'A central difference by hand',
    draw: (rng) => ({ x: pick(rng, -2.5, 2.5, 0.1), h: pick(rng, 0.1, 0.5, 0.1) }),
    make: ({ x, h }) => {
      const numbers = {
        x, h, twoH: 2 * h, xPlus: x + h, xMinus: x - h,
        fPlus: sigmoid(x + h), fMinus: sigmoid(x - h), f0: sigmoid(x),
        central: numericalDerivative(sigmoid, x, h), slope: sigmoidPrime(x),
      };
      const m = marker(numbers);
      const { fPlus, fMinus, f0 } = numbers;
      return {
        numbers,
        question: `<p>Measure the slope of the sigmoid f(x) = σ(x) at x = ${m('x')} with the central difference, step h = ${m('h')}.</p>`,
        task: {
          kind: 'number', symbol: 'ĝ', answer: numbers.central, sig: 3,
          mistakes: [
            miss('oneSided', 'central-difference', (fPlus - f0) / h),
            miss('halfStep', 'central-difference', (fPlus - fMinus) / h),
          ],
        },
        hints: [
          `<p>${eqLink('central-difference', 'The central difference')} evaluates f one step h on each side of x.</p>`,
          `<p>ĝ = (σ(x + h) − σ(x − h))/2h, with σ(x) = 1/(1 + e<sup>−x</sup>).</p>`,
        ],
        solution: `<p>σ(x + h) = σ(${m('xPlus')}) = ${m('fPlus')} and σ(x − h) = σ(${m('xMinus')}) = ${m('fMinus')}, so</p>
<p class="exercise-math">ĝ = (${m('fPlus')} − ${m('fMinus')}) / ${m('twoH')} = ${m('central')}.</p>
<p>The exact slope is σ′(x) = ${m('slope')}: with so large a step the central difference is off by about (h²/6)·|σ‴(x)|, and a one-sided difference by about (h/2)·|σ″(x)|, far more.</p>`,
      };
    },
  }),
  exercise({
    id: 'pf-source',
    title: 'The source’s σ′, checked at one point',
    draw: (rng) => ({ x: pick(rng, -4, 4, 0.1) }),
    make: ({ x }) => {
      const claim = sourceSigmoidPrime(x), gHat = numericalDerivative(sigmoid, x, pitfallsDefaults.h);
      const numbers = { x, claim, gHat, a: sigmoid(x), slope: sigmoidPrime(x), diff: Math.abs(claim - gHat), e: relativeError(claim, gHat, pitfallsDefaults.tiny) };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>The source claims that the sigmoid’s derivative is g(x) = 1/(√(1 + x²) + 0.5). A gradient checker compares it with the central difference ĝ of σ at x = ${m('x')}, with h = 10⁻⁵, which agrees with σ′(x) = σ(x)(1 − σ(x)) to about ten digits. Compute the relative error e of the claim at this x.</p>`,
        task: {
          kind: 'number', symbol: 'e', answer: numbers.e, sig: 3,
          mistakes: [
            miss('absoluteError', 'relative-error', Math.abs(claim - gHat)),
            miss('minDenominator', 'relative-error', Math.abs(claim - gHat) / Math.min(Math.abs(claim), Math.abs(gHat))),
          ],
        },
        hints: [
          `<p>Compute the claim g(x) and the slope σ′(x) = σ(x)(1 − σ(x)), which stands in for ĝ.</p>`,
          `<p>${eqLink('relative-error', 'The relative error')} divides |g − ĝ| by the larger of |g| and |ĝ|.</p>`,
        ],
        solution: `<p>The claim is g = 1/(√(1 + x²) + 0.5) = ${m('claim')}. σ(x) = ${m('a')}, so σ′(x) = ${m('slope')}, and the checker’s ĝ = ${m('gHat')}.</p>
<p class="exercise-math">e = |g − ĝ| / max(|g|, |ĝ|) = ${m('diff')} / ${m('claim')} = ${m('e')}.</p>
<p>Far above 10⁻²: the claim is wrong, here as at almost every point the checker tries.</p>`,
      };
    },
  }),
  exercise({
    id: 'pf-verdict',
    title: 'The verdict of a check',
    draw: (rng) => {
      const k = Math.floor(rng() * 8) - 6; // |g| from 10⁻⁶ to 10¹
      const j = Math.floor(rng() * 10) - 10; // e from 1.5 × 10⁻¹⁰ to 0.95, well inside one verdict's band
      const g = scaled(rng, 1, 9.99, k) * (rng() < 0.5 ? -1 : 1);
      const e = scaled(rng, 1.5, 9.5, j);
      return { g, d: Number((e * Math.abs(g)).toPrecision(3)) };
    },
    make: ({ g, d }) => {
      const numbers = { g, d, size: Math.abs(g), e: d / Math.abs(g) };
      const m = marker(numbers);
      const answer = verdictOf(numbers.e);
      // What the absolute difference |g − ĝ|, read on the same scale, would say.
      const absolutePicks = verdictOf(d);
      return {
        numbers,
        question: `<p>Backpropagation gives g = ${m('g')} for one parameter. Its central difference ĝ (h = 10⁻⁵) is a little smaller in size: |g − ĝ| = ${m('d')}. What is the check’s verdict for this parameter?</p>`,
        task: {
          kind: 'choice', answer,
          options: VERDICTS.map((v) => (v.id !== answer && v.id === absolutePicks ? { id: v.id, label: v.label, mistake: info('absoluteError', 'relative-error') } : { id: v.id, label: v.label })),
        },
        hints: [
          `<p>Not |g − ĝ| itself: ${eqLink('relative-error', 'the relative error')} divides it by the size of the gradients.</p>`,
          `<p>|ĝ| is smaller than |g|, so max(|g|, |ĝ|) = |g|.</p>`,
        ],
        solution: `<p class="exercise-math">e = |g − ĝ| / max(|g|, |ĝ|) = ${m('d')} / ${m('size')} = ${m('e')},</p>
<p>so the verdict is: ${VERDICTS.find((v) => v.id === answer)!.label}.</p>`,
      };
    },
  }),
  exercise({
    id: 'pf-tanh',
    title: 'A claimed derivative: tanh′',
    draw: (rng) => ({ shift: pick(rng, -0.5, 0.5, 0.1) }),
    make: ({ shift }) => {
      const points = [-2, -0.8, 0, 0.6, 1.7].map((x) => x + shift);
      return {
        numbers: {},
        question: `<p>Type the derivative of f(x) = tanh(x) as a formula in x, the claim a gradient checker would test against central differences of tanh. You may use tanh(x), exp(x), +, −, *, / and ^.</p>`,
        task: formulaTask({
          symbol: 'tanh′(x)', answerText: '1 − tanh(x)^2', answer: tanhPrime, points,
          mistakes: [
            { ...info('tanhOnZ', 'central-difference'), f: (x) => 1 - x * x },
            { ...info('sigmoidSlopeForTanh', 'central-difference'), f: (x) => tanh(x) * (1 - tanh(x)) },
          ],
        }),
        hints: [
          `<p>tanh(x) = (e<sup>x</sup> − e<sup>−x</sup>)/(e<sup>x</sup> + e<sup>−x</sup>): differentiate with the quotient rule.</p>`,
          `<p>Like σ′, the result can be written with the function itself: with a = tanh(x) it is 1 − a².</p>`,
        ],
        solution: `<p>tanh′(x) = 4/(e<sup>x</sup> + e<sup>−x</sup>)<sup>2</sup> = 1 − tanh²(x): typed, <code>1 - tanh(x)^2</code> or <code>4/(exp(x) + exp(-x))^2</code>. A checker of ${eqLink('central-difference', 'central differences')} finds it right at every point; the output form 1 − a² must be given a = tanh(x), never x.</p>`,
      };
    },
  }),
  exercise({
    id: 'pf-which',
    title: 'Which mistake made this table?',
    draw: drawTable,
    make: (v) => {
      const check = tableOf(v);
      const numbers: Record<string, number> = {
        alpha: v.alpha, 'W1-11': v.W1[0]![0]!, 'W1-12': v.W1[0]![1]!, 'W1-21': v.W1[1]![0]!, 'W1-22': v.W1[1]![1]!,
        'b1-1': v.b1[0]![0]!, 'b1-2': v.b1[1]![0]!, 'W2-1': v.W2[0]![0]!, 'W2-2': v.W2[0]![1]!, b2: v.b2[0]![0]!,
      };
      const failing = PARAMETER_NAMES.filter((_, k) => check.relError[k]! > pitfallsDefaults.correctBelow);
      PARAMETER_NAMES.forEach((p, k) => { if (check.relError[k]! > pitfallsDefaults.correctBelow) numbers[`e-${p}`] = check.relError[k]!; });
      const m = marker(numbers);
      const row = (p: (typeof PARAMETER_NAMES)[number]) =>
        `<tr><th scope="row">${PARAM_LABELS[p]}</th><td>${failing.includes(p) ? `${m(`e-${p}`)} (fails)` : '≤ 10⁻⁷ (passes)'}</td></tr>`;
      const table: Html = `<div class="table-wrap"><table><caption>Each parameter’s relative error e between the backward pass’s gradient and the exact one</caption><thead><tr><th scope="col">θ</th><th scope="col">e</th></tr></thead><tbody>${PARAMETER_NAMES.map(row).join('')}</tbody></table></div>`;
      const why: Readonly<Record<Culprit, string>> = {
        sourceDerivative: 'Every parameter fails, in both layers: the slope itself is wrong, and it enters every gradient.',
        missingTranspose: 'Only the two entries off the diagonal of W⁽¹⁾ fail: the diagonal of a transposed square matrix is unchanged.',
        updateBeforeBackprop: 'Layer 2 passes and every parameter of layer 1 fails: the gradients below the early update used the new W⁽²⁾.',
        none: 'Every parameter passes: the backward pass matches the central differences.',
      };
      return {
        numbers,
        question: `<p>Chapter 8’s 2-2-1 network on the XOR batch, with W⁽¹⁾ = [${m('W1-11')}, ${m('W1-12')}; ${m('W1-21')}, ${m('W1-22')}], b⁽¹⁾ = [${m('b1-1')}; ${m('b1-2')}], W⁽²⁾ = [${m('W2-1')}, ${m('W2-2')}], b⁽²⁾ = ${m('b2')} and α = ${m('alpha')}, is checked parameter by parameter. The table gives each relative error against the exact gradient, which the central differences with h = 10⁻⁵ match to about nine digits. Which mistake, if any, is in its backward pass?</p>${table}`,
        task: { kind: 'choice', answer: v.culprit, options: CULPRITS.map((c) => ({ id: c, label: CULPRIT_LABELS[c] })) },
        hints: [
          `<p>Look at which parameters fail, not at how much: a whole network, two entries of a square matrix, or one layer.</p>`,
          `<p>A wrong slope enters every δ; a transpose swaps W⁽¹⁾₁₂ and W⁽¹⁾₂₁; an early update changes only what is computed after it.</p>`,
        ],
        solution: `<p>${why[v.culprit]} The answer: ${CULPRIT_LABELS[v.culprit]}.</p>`,
      };
    },
  }),
];
