// Exercises of chapter 3, the output delta: δ = (a − y)·σ′(z), ∂L/∂w = δx from it, and which way one
// step moves z.
import { sigmoid } from '../../engine/activations.ts';
import { oneNeuron } from '../../engine/examples/one-neuron.ts';
import { eqLink, exercise, marker } from '../define.ts';
import { drawNeuron } from '../draw.ts';
import { info, miss } from '../mistakes.ts';

function neuron(v: { x: number; w: number; b: number; y: number }) {
  const r = oneNeuron({ ...v, alpha: 0.1 });
  return { x: v.x, w: v.w, b: v.b, y: v.y, z: r.z, a: r.a, dLda: r.dLda, dadz: r.dadz, delta: r.delta, dLdw: r.dLdw };
}

type M = ReturnType<typeof marker<ReturnType<typeof neuron>>>;

const given = (m: M) =>
  `<p>A sigmoid output neuron has input x = ${m('x')}, weight w = ${m('w')}, bias b = ${m('b')}, target y = ${m('y')} and the loss L = ½(y − a)².</p>`;

const delta = (m: M) =>
  `<p>z = wx + b = ${m('z')}, a = σ(z) = ${m('a')}, σ′(z) = a(1 − a) = ${m('dadz')}, and by ${eqLink('output-delta', 'the output delta')}</p>
<p class="exercise-math">δ = (a − y)·σ′(z) = ${m('dLda')} × ${m('dadz')} = ${m('delta')}.</p>`;

export const exercises = [
  exercise({
    id: 'od-delta',
    title: 'The output delta',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { z, a, y, dadz } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute its delta δ = ∂L/∂z.</p>`,
        task: {
          kind: 'number', symbol: 'δ', answer: numbers.delta, sig: 3,
          mistakes: [
            miss('forgotSlope', 'output-delta', a - y),
            miss('a1aOnZ', 'output-delta', (a - y) * z * (1 - z)),
            miss('sigmaForSlope', 'output-delta', (a - y) * sigmoid(z)),
            miss('sign', 'output-delta', (y - a) * dadz),
            miss('factor2', 'two-factors', 2 * (a - y) * dadz),
          ],
        },
        hints: [
          `<p>δ has ${eqLink('two-factors', 'two factors')}: ∂L/∂a and ∂a/∂z.</p>`,
          `<p>∂L/∂a = a − y and ∂a/∂z = σ′(z) = a(1 − a), with a = σ(wx + b).</p>`,
        ],
        solution: delta(m),
      };
    },
  }),
  exercise({
    id: 'od-dldw',
    title: 'The weight’s gradient from δ',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, a, y, dadz, delta: d } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂w, through the neuron’s delta.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂w', answer: numbers.dLdw, sig: 3,
          mistakes: [
            miss('forgotX', 'grads', d),
            miss('forgotSlope', 'output-delta', (a - y) * x),
            miss('sign', 'output-delta', (y - a) * dadz * x),
          ],
        },
        hints: [
          `<p>First the delta, ${eqLink('output-delta', 'δ = (a − y)·σ′(z)')}.</p>`,
          `<p>${eqLink('grads', 'Every gradient is δ times the parameter’s partner in z')}: for w that partner is x.</p>`,
        ],
        solution: `${delta(m)}<p class="exercise-math">∂L/∂w = δ·x = ${m('delta')} × ${m('x', 'factor')} = ${m('dLdw')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'od-direction',
    title: 'Which way does z move?',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const answer = numbers.delta < 0 ? 'rises' : 'falls';
      const option = (id: 'rises' | 'falls', label: string) => (id === answer ? { id, label } : { id, label, mistake: info('uphill', 'grads') });
      return {
        numbers,
        question: `${given(m)}<p>After one step of gradient descent on w and b, does z = wx + b rise or fall?</p>`,
        task: { kind: 'choice', answer, options: [option('rises', 'z rises'), option('falls', 'z falls')] },
        hints: [
          `<p>The step moves w by −αδx and b by −αδ, so z moves by −αδ(x² + 1).</p>`,
          `<p>x² + 1 and α are positive: only the sign of δ matters.</p>`,
        ],
        solution: `${delta(m)}<p>z changes by −αδ(x² + 1): with δ = ${m('delta')}, z ${answer}.</p>`,
      };
    },
  }),
];
