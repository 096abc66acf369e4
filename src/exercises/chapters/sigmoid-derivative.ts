// Exercises of chapter 1, the sigmoid derivative: σ′(z) from z, σ′ from the output a, σ′ typed as a
// formula (checked at several points), and where the slope is larger.
import { sigmoid, sigmoidPrime, sigmoidPrimeFromA } from '../../engine/activations.ts';
import { eqLink, exercise, marker, pick } from '../define.ts';
import { formulaTask } from '../formula.ts';
import { info, miss } from '../mistakes.ts';

export const exercises = [
  exercise({
    id: 'sd-slope',
    title: 'The slope at a point',
    draw: (rng) => ({ z: pick(rng, -3, 3, 0.1) }),
    make: ({ z }) => {
      const a = sigmoid(z);
      const numbers = { z, a, oneMinusA: 1 - a, dadz: sigmoidPrime(z) };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>A sigmoid neuron has the pre-activation z = ${m('z')}. Compute the slope σ′(z) of the sigmoid there.</p>`,
        task: {
          kind: 'number', symbol: 'σ′(z)', answer: numbers.dadz, sig: 3,
          mistakes: [
            miss('a1aOnZ', 'result', z * (1 - z)),
            miss('sigmaForSlope', 'result', a),
            miss('forgotOneMinus', 'result', a * a),
          ],
        },
        hints: [
          `<p>First compute the output a = σ(z) = 1/(1 + e<sup>−z</sup>).</p>`,
          `<p>Then use ${eqLink('result', 'the derivative written with σ itself')}: σ′(z) = σ(z)(1 − σ(z)).</p>`,
        ],
        solution: `<p>σ(z) = 1/(1 + e<sup>−z</sup>) = ${m('a')}, so 1 − σ(z) = ${m('oneMinusA')} and</p>
<p class="exercise-math">σ′(z) = σ(z)(1 − σ(z)) = ${m('a')} × ${m('oneMinusA')} = ${m('dadz')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'sd-from-a',
    title: 'The slope from the output',
    draw: (rng) => ({ a: pick(rng, 0.05, 0.95, 0.01) }),
    make: ({ a }) => {
      const numbers = { a, oneMinusA: 1 - a, dadz: sigmoidPrimeFromA(a), slopeAtA: sigmoidPrime(a) };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>The forward pass stored a neuron’s output a = σ(z) = ${m('a')}, but not z. Compute σ′(z).</p>`,
        task: {
          kind: 'number', symbol: 'σ′(z)', answer: numbers.dadz, sig: 3,
          mistakes: [
            miss('slopeOfA', 'from-a', numbers.slopeAtA),
            miss('sigmaForSlope', 'from-a', a),
          ],
        },
        hints: [
          `<p>You do not need z: ${eqLink('from-a', 'σ′ can be written with the output alone')}.</p>`,
          `<p>σ′(z) = a(1 − a).</p>`,
        ],
        solution: `<p class="exercise-math">σ′(z) = a(1 − a) = ${m('a')} × ${m('oneMinusA')} = ${m('dadz')}.</p>
<p>Giving the formula that expects z the output instead, σ(a)(1 − σ(a)), would give ${m('slopeAtA')}: the bug of the chapter.</p>`,
      };
    },
  }),
  exercise({
    id: 'sd-formula',
    title: 'The derivative as a formula',
    draw: (rng) => ({ shift: pick(rng, -0.5, 0.5, 0.1) }),
    make: ({ shift }) => {
      const points = [-2.5, -1, 0, 0.7, 1.8].map((x) => x + shift);
      return {
        numbers: {},
        question: `<p>Type the derivative σ′(x) of the sigmoid as a formula in x. You may use sigmoid(x), exp(x), +, −, *, / and ^.</p>`,
        task: formulaTask({
          symbol: 'σ′(x)', answerText: 'sigmoid(x)(1 − sigmoid(x))', answer: sigmoidPrime, points,
          mistakes: [
            { ...info('a1aOnZ', 'result'), f: (x) => x * (1 - x) },
            { ...info('sigmaForSlope', 'result'), f: sigmoid },
            { ...info('forgotOneMinus', 'result'), f: (x) => sigmoid(x) ** 2 },
          ],
        }),
        hints: [
          `<p>Differentiate σ(x) = (1 + e<sup>−x</sup>)<sup>−1</sup> with the power rule and the chain rule.</p>`,
          `<p>${eqLink('result', 'The result')} can be written with σ itself: two factors.</p>`,
        ],
        solution: `<p>σ′(x) = e<sup>−x</sup>/(1 + e<sup>−x</sup>)<sup>2</sup> = σ(x)(1 − σ(x)): typed, <code>sigmoid(x)*(1 - sigmoid(x))</code> or <code>exp(-x)/(1 + exp(-x))^2</code>. Both are checked at the same points.</p>`,
      };
    },
  }),
  exercise({
    id: 'sd-steeper',
    title: 'Where is it steeper?',
    draw: (rng) => {
      const near = pick(rng, -1.5, 1.5, 0.5);
      const far = pick(rng, 2.5, 5, 0.5) * (rng() < 0.5 ? 1 : -1);
      return rng() < 0.5 ? { z1: near, z2: far } : { z1: far, z2: near };
    },
    make: ({ z1, z2 }) => {
      const numbers = { z1, z2, dadz1: sigmoidPrime(z1), dadz2: sigmoidPrime(z2), a1: sigmoid(z1), a2: sigmoid(z2) };
      const m = marker(numbers);
      const answer = numbers.dadz1 > numbers.dadz2 ? 'first' : 'second';
      // The wrong option is what comparing σ itself picks, when it picks it.
      const sigmaPicks = numbers.a1 > numbers.a2 ? 'first' : 'second';
      const option = (id: 'first' | 'second', label: string) =>
        id !== answer && id === sigmaPicks ? { id, label, mistake: info('sigmaForSlope', 'result') } : { id, label };
      return {
        numbers,
        question: `<p>Two sigmoid neurons have z₁ = ${m('z1')} and z₂ = ${m('z2')}. Which one has the larger slope σ′?</p>`,
        task: { kind: 'choice', answer, options: [option('first', 'the neuron with z₁'), option('second', 'the neuron with z₂')] },
        hints: [`<p>σ′(z) is largest at z = 0 and symmetric: σ′(−z) = σ′(z). Compare the sizes |z|.</p>`],
        solution: `<p>σ′(z₁) = ${m('dadz1')} and σ′(z₂) = ${m('dadz2')}: the slope falls as |z| grows, whatever the sign. (The values σ(z₁) = ${m('a1')} and σ(z₂) = ${m('a2')} compare differently.)</p>`,
      };
    },
  }),
];
