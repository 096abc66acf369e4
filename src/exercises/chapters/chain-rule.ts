// Exercises of chapter 2, the chain rule: ∂L/∂w and ∂L/∂b of one neuron, and the sign of ∂L/∂w.
import { oneNeuron } from '../../engine/examples/one-neuron.ts';
import { eqLink, exercise, marker } from '../define.ts';
import { drawNeuron } from '../draw.ts';
import { info, miss } from '../mistakes.ts';

/** The neuron's numbers as the exercises mark them (the engine's names). */
function neuron(v: { x: number; w: number; b: number; y: number }) {
  const r = oneNeuron({ ...v, alpha: 0.1 });
  return { x: v.x, w: v.w, b: v.b, y: v.y, z: r.z, a: r.a, dLda: r.dLda, dadz: r.dadz, dLdw: r.dLdw, dLdb: r.dLdb };
}

const given = (m: ReturnType<typeof marker<ReturnType<typeof neuron>>>) =>
  `<p>A sigmoid neuron with input x = ${m('x')}, weight w = ${m('w')} and bias b = ${m('b')} has the loss L = ½(y − a)² for the target y = ${m('y')}.</p>`;

const forward = (m: ReturnType<typeof marker<ReturnType<typeof neuron>>>) =>
  `<p>Forward: z = wx + b = ${m('z')} and a = σ(z) = ${m('a')}. The three factors of ${eqLink('chain', 'the chain rule')}: ∂L/∂a = a − y = ${m('dLda')}, ∂a/∂z = σ′(z) = a(1 − a) = ${m('dadz')}, ∂z/∂w = x = ${m('x')}.</p>`;

export const exercises = [
  exercise({
    id: 'cr-dldw',
    title: 'The gradient of the weight',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, z, a, y, dadz } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂w.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂w', answer: numbers.dLdw, sig: 3,
          mistakes: [
            miss('forgotSlope', 'grad-w', (a - y) * x),
            miss('forgotX', 'grad-w', (a - y) * dadz),
            miss('sign', 'dl-da', (y - a) * dadz * x),
            miss('a1aOnZ', 'da-dz', (a - y) * z * (1 - z) * x),
            miss('factor2', 'dl-da', 2 * (a - y) * dadz * x),
          ],
        },
        hints: [
          `<p>Run the forward pass first: z = wx + b, then a = σ(z).</p>`,
          `<p>${eqLink('chain', 'The chain rule')} multiplies three factors: ∂L/∂a, ∂a/∂z and ∂z/∂w.</p>`,
          `<p>∂L/∂a = a − y, ∂a/∂z = σ′(z) = a(1 − a), ∂z/∂w = x.</p>`,
        ],
        solution: `${forward(m)}<p class="exercise-math">∂L/∂w = (a − y)·σ′(z)·x = ${m('dLda')} × ${m('dadz')} × ${m('x', 'factor')} = ${m('dLdw')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'cr-dldb',
    title: 'The gradient of the bias',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, a, y, dadz } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂b.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂b', answer: numbers.dLdb, sig: 3,
          mistakes: [
            miss('forgotSlope', 'grad-b', a - y),
            miss('extraX', 'dz-dw', (a - y) * dadz * x),
            miss('sign', 'dl-da', (y - a) * dadz),
          ],
        },
        hints: [
          `<p>The chain is the same as for w except for its last factor.</p>`,
          `<p>z = wx + b, so ${eqLink('dz-dw', '∂z/∂b = 1')}.</p>`,
        ],
        solution: `${forward(m)}<p class="exercise-math">∂L/∂b = (a − y)·σ′(z)·1 = ${m('dLda')} × ${m('dadz')} = ${m('dLdb')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'cr-sign',
    title: 'Which way is downhill?',
    draw: drawNeuron,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const answer = numbers.dLdw > 0 ? 'positive' : 'negative';
      const wrong = info('sign', 'grad-w');
      const option = (id: 'positive' | 'negative', label: string) => (id === answer ? { id, label } : { id, label, mistake: wrong });
      return {
        numbers,
        question: `${given(m)}<p>Without computing it to the end: is ∂L/∂w positive or negative?</p>`,
        task: { kind: 'choice', answer, options: [option('positive', 'positive: raising w raises the loss'), option('negative', 'negative: raising w lowers the loss')] },
        hints: [
          `<p>σ′(z) is always positive, so the sign of ${eqLink('grad-w', '∂L/∂w = (a − y)·σ′(z)·x')} is the sign of (a − y)·x.</p>`,
          `<p>Is the output a above or below the target y? And is x positive?</p>`,
        ],
        solution: `${forward(m)}<p>a − y = ${m('dLda')} and x = ${m('x')}, so ∂L/∂w = ${m('dLdw')} is ${answer}.</p>`,
      };
    },
  }),
];

