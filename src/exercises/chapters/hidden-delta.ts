// Exercises of chapter 4, the hidden delta, on two neurons in a row: δ⁽²⁾, δ⁽¹⁾ = δ⁽²⁾w⁽²⁾σ′(z⁽¹⁾),
// ∂L/∂w⁽¹⁾ = δ⁽¹⁾x, and the sign of δ⁽¹⁾.
import { twoNeurons } from '../../engine/examples/two-neurons.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick } from '../define.ts';
import { MAX_Z } from '../draw.ts';
import { info, miss } from '../mistakes.ts';

/** x → (w1, b1) → (w2, b2) → ŷ with a reachable y and both |z| ≤ MAX_Z. */
function drawChain(rng: Rng) {
  for (;;) {
    const v = {
      x: pick(rng, -2, 2, 0.1), w1: pick(rng, -1.5, 1.5, 0.05), b1: pick(rng, -1, 1, 0.05),
      w2: pick(rng, -2, 2, 0.05), b2: pick(rng, -1, 1, 0.05), y: pick(rng, 0.05, 0.95, 0.05),
    };
    const z1 = v.w1 * v.x + v.b1;
    const z2 = v.w2 / (1 + Math.exp(-z1)) + v.b2;
    if (Math.abs(v.x) >= 0.2 && Math.abs(v.w2) >= 0.2 && Math.abs(z1) <= MAX_Z && Math.abs(z2) <= MAX_Z) return v;
  }
}

function chain(v: ReturnType<typeof drawChain>) {
  const r = twoNeurons({ ...v, alpha: 0.1 });
  return {
    ...v, z1: r.z1, a1: r.a1, z2: r.z2, a2: r.a2, dLda2: r.dLda2, dadz1: r.dadz1, dadz2: r.dadz2,
    delta2: r.delta2, delta1: r.delta1, dLdw1: r.dLdw1,
  };
}

type M = ReturnType<typeof marker<ReturnType<typeof chain>>>;

const given = (m: M) =>
  `<p>Two sigmoid neurons in a row: x = ${m('x')} goes into neuron 1 (w⁽¹⁾ = ${m('w1')}, b⁽¹⁾ = ${m('b1')}), whose output goes into neuron 2 (w⁽²⁾ = ${m('w2')}, b⁽²⁾ = ${m('b2')}); the target is y = ${m('y')} and L = ½(y − a⁽²⁾)².</p>`;

const forward = (m: M) =>
  `<p>Forward: z⁽¹⁾ = ${m('z1')}, a⁽¹⁾ = ${m('a1')}, z⁽²⁾ = ${m('z2')}, a⁽²⁾ = ${m('a2')}. Slopes: σ′(z⁽¹⁾) = ${m('dadz1')}, σ′(z⁽²⁾) = ${m('dadz2')}.</p>
<p class="exercise-math">δ⁽²⁾ = (a⁽²⁾ − y)·σ′(z⁽²⁾) = ${m('dLda2')} × ${m('dadz2')} = ${m('delta2')}.</p>`;

const hidden = (m: M) => `<p class="exercise-math">δ⁽¹⁾ = δ⁽²⁾·w⁽²⁾·σ′(z⁽¹⁾) = ${m('delta2')} × ${m('w2', 'factor')} × ${m('dadz1')} = ${m('delta1')}.</p>`;

export const exercises = [
  exercise({
    id: 'hd-delta1',
    title: 'The hidden delta',
    draw: drawChain,
    make: (v) => {
      const numbers = chain(v);
      const m = marker(numbers);
      const { w2, z1, delta2, dadz1, dadz2 } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute the hidden neuron’s delta δ⁽¹⁾ = ∂L/∂z⁽¹⁾.</p>`,
        task: {
          kind: 'number', symbol: 'δ⁽¹⁾', answer: numbers.delta1, sig: 3,
          mistakes: [
            miss('forgotSlope', 'hidden-delta', delta2 * w2),
            miss('forgotWeight', 'hidden-delta', delta2 * dadz1),
            miss('wrongLayerSlope', 'hidden-delta', delta2 * w2 * dadz2),
            miss('a1aOnZ', 'hidden-delta', delta2 * w2 * z1 * (1 - z1)),
          ],
        },
        hints: [
          `<p>Start at the output: ${eqLink('output-delta', 'δ⁽²⁾ = (a⁽²⁾ − y)·σ′(z⁽²⁾)')}.</p>`,
          `<p>${eqLink('hidden-delta', 'The hidden delta')} carries δ⁽²⁾ back through the weight w⁽²⁾ and the slope of neuron 1.</p>`,
        ],
        solution: `${forward(m)}${hidden(m)}`,
      };
    },
  }),
  exercise({
    id: 'hd-dldw1',
    title: 'The first weight’s gradient',
    draw: drawChain,
    make: (v) => {
      const numbers = chain(v);
      const m = marker(numbers);
      const { x, a1, w2, delta1, delta2 } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂w⁽¹⁾.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂w⁽¹⁾', answer: numbers.dLdw1, sig: 3,
          mistakes: [
            miss('forgotX', 'grads-1', delta1),
            miss('hiddenForInput', 'grads-1', delta1 * a1),
            miss('forgotSlope', 'hidden-delta', delta2 * w2 * x),
          ],
        },
        hints: [`<p>First δ⁽¹⁾, by ${eqLink('hidden-delta', 'the hidden delta')}.</p>`, `<p>${eqLink('grads-1', 'Then')} ∂L/∂w⁽¹⁾ = δ⁽¹⁾ times what w⁽¹⁾ multiplies in z⁽¹⁾.</p>`],
        solution: `${forward(m)}${hidden(m)}<p class="exercise-math">∂L/∂w⁽¹⁾ = δ⁽¹⁾·x = ${m('delta1')} × ${m('x', 'factor')} = ${m('dLdw1')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'hd-delta2',
    title: 'The output delta of the chain',
    draw: drawChain,
    make: (v) => {
      const numbers = chain(v);
      const m = marker(numbers);
      const { a2, y, z2, dadz2 } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute the output neuron’s delta δ⁽²⁾.</p>`,
        task: {
          kind: 'number', symbol: 'δ⁽²⁾', answer: numbers.delta2, sig: 3,
          mistakes: [
            miss('forgotSlope', 'output-delta', a2 - y),
            miss('sign', 'output-delta', (y - a2) * dadz2),
            miss('a1aOnZ', 'output-delta', (a2 - y) * z2 * (1 - z2)),
          ],
        },
        hints: [`<p>Run the forward pass through both neurons first.</p>`, `<p>${eqLink('output-delta', 'δ⁽²⁾ = (a⁽²⁾ − y)·σ′(z⁽²⁾)')}.</p>`],
        solution: forward(m),
      };
    },
  }),
  exercise({
    id: 'hd-sign',
    title: 'The sign of the hidden delta',
    draw: drawChain,
    make: (v) => {
      const numbers = chain(v);
      const m = marker(numbers);
      const answer = numbers.delta1 > 0 ? 'positive' : 'negative';
      // Choosing the sign of δ⁽²⁾ when w⁽²⁾ < 0 is forgetting the weight that carries δ back.
      const forgot = (numbers.delta2 > 0 ? 'positive' : 'negative') !== answer;
      const option = (id: 'positive' | 'negative') =>
        id !== answer && forgot ? { id, label: id, mistake: info('forgotWeight', 'hidden-delta') } : { id, label: id };
      return {
        numbers,
        question: `${given(m)}<p>Its output delta is δ⁽²⁾ = ${m('delta2')}. Is the hidden delta δ⁽¹⁾ positive or negative?</p>`,
        task: { kind: 'choice', answer, options: [option('positive'), option('negative')] },
        hints: [`<p>σ′ is always positive: ${eqLink('hidden-delta', 'δ⁽¹⁾ = δ⁽²⁾·w⁽²⁾·σ′(z⁽¹⁾)')} has the sign of δ⁽²⁾·w⁽²⁾.</p>`],
        solution: `${hidden(m)}<p>So δ⁽¹⁾ is ${answer}: the sign of δ⁽²⁾ = ${m('delta2')} times the sign of w⁽²⁾ = ${m('w2')}.</p>`,
      };
    },
  }),
];

