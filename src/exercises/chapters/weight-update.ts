// Exercises of chapter 5, the weight update: the new w, the new b, the loss after the step and the
// percentage by which it fell.
import { sigmoid } from '../../engine/activations.ts';
import { oneNeuron } from '../../engine/examples/one-neuron.ts';
import { eqLink, exercise, marker } from '../define.ts';
import { drawAlpha, drawNeuron } from '../draw.ts';
import { miss } from '../mistakes.ts';
import type { Rng } from '../../engine/random.ts';

function drawStep(rng: Rng) {
  return { ...drawNeuron(rng), alpha: drawAlpha(rng) };
}

/** The loss ½(y − σ(wx + b))² at other parameters: for the mistakes' numbers. */
const lossAt = (x: number, w: number, b: number, y: number) => 0.5 * (y - sigmoid(w * x + b)) ** 2;

function neuron(v: ReturnType<typeof drawStep>) {
  const r = oneNeuron(v);
  return {
    x: v.x, w: v.w, b: v.b, y: v.y, alpha: v.alpha, z: r.z, a: r.a, dadz: r.dadz, delta: r.delta, dLdw: r.dLdw,
    loss: r.loss, wNext: r.wNext, bNext: r.bNext, zNext: r.zNext, aNext: r.aNext, lossNext: r.lossNext,
    lossFallPercent: (100 * (r.loss - r.lossNext)) / r.loss,
  };
}

type M = ReturnType<typeof marker<ReturnType<typeof neuron>>>;

const given = (m: M) =>
  `<p>A sigmoid neuron has input x = ${m('x')}, weight w = ${m('w')}, bias b = ${m('b')}, target y = ${m('y')}, the loss L = ½(y − a)², and the learning rate is α = ${m('alpha')}.</p>`;

const backward = (m: M) =>
  `<p>z = ${m('z')}, a = σ(z) = ${m('a')}, δ = (a − y)·σ′(z) = ${m('delta')}, ∂L/∂w = δx = ${m('dLdw')}.</p>`;

export const exercises = [
  exercise({
    id: 'wu-w',
    title: 'The new weight',
    draw: drawStep,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, w, a, y, alpha, delta } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute the weight after one step of gradient descent.</p>`,
        task: {
          kind: 'number', symbol: 'the new w', answer: numbers.wNext, sig: 3,
          mistakes: [
            miss('uphill', 'one-neuron', w + alpha * delta * x),
            miss('forgotX', 'one-neuron', w - alpha * delta),
            miss('forgotAlpha', 'one-neuron', w - delta * x),
            miss('forgotSlope', 'one-neuron', w - alpha * (a - y) * x),
          ],
        },
        hints: [
          `<p>First the gradient: ∂L/∂w = δx with δ = (a − y)·σ′(z).</p>`,
          `<p>Then ${eqLink('one-neuron', 'the update')}: w ← w − α·δ·x.</p>`,
        ],
        solution: `${backward(m)}<p class="exercise-math">w<sub>new</sub> = w − α·∂L/∂w = ${m('w')} − ${m('alpha')} × ${m('dLdw', 'factor')} = ${m('wNext')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'wu-b',
    title: 'The new bias',
    draw: drawStep,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, b, alpha, delta } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute the bias after one step of gradient descent.</p>`,
        task: {
          kind: 'number', symbol: 'the new b', answer: numbers.bNext, sig: 3,
          mistakes: [
            miss('uphill', 'one-neuron', b + alpha * delta),
            miss('extraX', 'one-neuron', b - alpha * delta * x),
            miss('forgotAlpha', 'one-neuron', b - delta),
          ],
        },
        hints: [`<p>∂L/∂b = δ: the bias’s partner in z = wx + b is 1.</p>`, `<p>${eqLink('one-neuron', 'The update')}: b ← b − α·δ.</p>`],
        solution: `${backward(m)}<p class="exercise-math">b<sub>new</sub> = b − α·δ = ${m('b')} − ${m('alpha')} × ${m('delta', 'factor')} = ${m('bNext')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'wu-loss',
    title: 'The loss after the step',
    draw: drawStep,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const { x, w, b, y, alpha, delta } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Take one step of gradient descent on w and b, then compute the new loss.</p>`,
        task: {
          kind: 'number', symbol: 'the new L', answer: numbers.lossNext, sig: 3,
          mistakes: [
            miss('oldLoss', 'descent', numbers.loss),
            miss('onlyW', 'descent', lossAt(x, numbers.wNext, b, y)),
            miss('uphill', 'descent', lossAt(x, w + alpha * delta * x, b + alpha * delta, y)),
          ],
        },
        hints: [
          `<p>Compute the new w and b with ${eqLink('descent', 'gradient descent')}.</p>`,
          `<p>Then run the forward pass again with them: z<sub>new</sub>, a<sub>new</sub>, and L<sub>new</sub> = ½(y − a<sub>new</sub>)².</p>`,
        ],
        solution: `${backward(m)}<p>w<sub>new</sub> = ${m('wNext')}, b<sub>new</sub> = ${m('bNext')}, so z<sub>new</sub> = ${m('zNext')}, a<sub>new</sub> = ${m('aNext')} and</p>
<p class="exercise-math">L<sub>new</sub> = ½(y − a<sub>new</sub>)² = ${m('lossNext')} (it was ${m('loss')}).</p>`,
      };
    },
  }),
  exercise({
    id: 'wu-percent',
    title: 'How much did it help?',
    draw: drawStep,
    make: (v) => {
      const numbers = neuron(v);
      const m = marker(numbers);
      const fall = numbers.lossFallPercent;
      return {
        numbers,
        question: `${given(m)}<p>By what percentage of the old loss does one step of gradient descent lower the loss? (A trailing % is allowed.)</p>`,
        task: {
          kind: 'number', symbol: 'the fall in %', answer: fall, sig: 2, percent: true,
          mistakes: [miss('fraction', 'descent', fall / 100), miss('sign', 'descent', -fall)],
        },
        hints: [`<p>You need L before and after the step: the new loss needs a second forward pass.</p>`, `<p>The fall in percent is 100 × (L − L<sub>new</sub>)/L.</p>`],
        solution: `${backward(m)}<p>L = ${m('loss')} and, after the step, L<sub>new</sub> = ${m('lossNext')}, so</p>
<p class="exercise-math">100 × (L − L<sub>new</sub>)/L = ${m('lossFallPercent')}%.</p>`,
      };
    },
  }),
];
