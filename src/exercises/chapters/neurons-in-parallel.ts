// Exercises of chapter 7, two neurons in parallel: ∂L/∂x as the sum of two paths, one hidden delta,
// and whether raising x lowers the loss.
import { parallel } from '../../engine/examples/parallel.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick } from '../define.ts';
import { MAX_Z } from '../draw.ts';
import { info, miss } from '../mistakes.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** x → two hidden sigmoid neurons → one sigmoid output, every |z| ≤ MAX_Z and a reachable y. */
function drawParallel(rng: Rng) {
  for (;;) {
    const v = {
      x: pick(rng, -2, 2, 0.1), w11: pick(rng, -1.5, 1.5, 0.05), b11: pick(rng, -1, 1, 0.05),
      w12: pick(rng, -1.5, 1.5, 0.05), b12: pick(rng, -1, 1, 0.05),
      w21: pick(rng, -2, 2, 0.05), w22: pick(rng, -2, 2, 0.05), b2: pick(rng, -1, 1, 0.05), y: pick(rng, 0.05, 0.95, 0.05),
    };
    const z11 = v.w11 * v.x + v.b11, z12 = v.w12 * v.x + v.b12;
    const z2 = v.w21 * sig(z11) + v.w22 * sig(z12) + v.b2;
    const big = [v.x, v.w11, v.w12, v.w21, v.w22].every((p) => Math.abs(p) >= 0.2);
    if (big && [z11, z12, z2].every((z) => Math.abs(z) <= MAX_Z)) return v;
  }
}

function net(v: ReturnType<typeof drawParallel>) {
  const r = parallel({ ...v, alpha: 0.1 });
  return {
    ...v, z11: r.z11, a11: r.a11, z12: r.z12, a12: r.a12, z2: r.z2, a2: r.a2, dLda2: r.dLda2, dadz2: r.dadz2,
    dadz11: r.dadz11, dadz12: r.dadz12, delta2: r.delta2, delta11: r.delta11, delta12: r.delta12,
    dLdxPath1: r.dLdxPath1, dLdxPath2: r.dLdxPath2, dLdx: r.dLdx,
  };
}

type M = ReturnType<typeof marker<ReturnType<typeof net>>>;

const given = (m: M) =>
  `<p>The input x = ${m('x')} feeds two hidden sigmoid neurons, z⁽¹⁾₁ = W⁽¹⁾₁x + b⁽¹⁾₁ with W⁽¹⁾₁ = ${m('w11')}, b⁽¹⁾₁ = ${m('b11')}, and z⁽¹⁾₂ = W⁽¹⁾₂x + b⁽¹⁾₂ with W⁽¹⁾₂ = ${m('w12')}, b⁽¹⁾₂ = ${m('b12')}. The sigmoid output has z⁽²⁾ = W⁽²⁾₁a⁽¹⁾₁ + W⁽²⁾₂a⁽¹⁾₂ + b⁽²⁾ with W⁽²⁾₁ = ${m('w21')}, W⁽²⁾₂ = ${m('w22')}, b⁽²⁾ = ${m('b2')}; the target is y = ${m('y')} and L = ½(y − ŷ)².</p>`;

const backward = (m: M) =>
  `<p>Forward: a⁽¹⁾₁ = ${m('a11')}, a⁽¹⁾₂ = ${m('a12')}, z⁽²⁾ = ${m('z2')}, ŷ = ${m('a2')}. Output delta: δ⁽²⁾ = (ŷ − y)·σ′(z⁽²⁾) = ${m('dLda2')} × ${m('dadz2')} = ${m('delta2')}.</p>
<p class="exercise-math">δ⁽¹⁾₁ = δ⁽²⁾·W⁽²⁾₁·σ′(z⁽¹⁾₁) = ${m('delta2')} × ${m('w21', 'factor')} × ${m('dadz11')} = ${m('delta11')},</p>
<p class="exercise-math">δ⁽¹⁾₂ = δ⁽²⁾·W⁽²⁾₂·σ′(z⁽¹⁾₂) = ${m('delta2')} × ${m('w22', 'factor')} × ${m('dadz12')} = ${m('delta12')}.</p>`;

export const exercises = [
  exercise({
    id: 'np-dldx',
    title: 'Where the paths meet',
    draw: drawParallel,
    make: (v) => {
      const numbers = net(v);
      const m = marker(numbers);
      const { w21, w22, delta11, delta12, dLdxPath1, dLdxPath2 } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂x.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂x', answer: numbers.dLdx, sig: 3,
          mistakes: [
            miss('onePath', 'input-gradient', dLdxPath1),
            { ...miss('onePath', 'input-gradient', dLdxPath2), id: 'onePath2' },
            miss('outgoingWeights', 'input-gradient', w21 * delta11 + w22 * delta12),
          ],
        },
        hints: [
          `<p>First each hidden neuron’s delta, by ${eqLink('hidden-deltas', 'what each hidden neuron receives')}.</p>`,
          `<p>x reaches the loss along two paths, and ${eqLink('input-gradient', 'their contributions add')}: W⁽¹⁾₁δ⁽¹⁾₁ + W⁽¹⁾₂δ⁽¹⁾₂.</p>`,
        ],
        solution: `${backward(m)}<p class="exercise-math">∂L/∂x = W⁽¹⁾₁δ⁽¹⁾₁ + W⁽¹⁾₂δ⁽¹⁾₂ = ${m('dLdxPath1')} + ${m('dLdxPath2', 'factor')} = ${m('dLdx')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'np-delta11',
    title: 'One hidden neuron’s delta',
    draw: drawParallel,
    make: (v) => {
      const numbers = net(v);
      const m = marker(numbers);
      const { w21, w22, delta2, dadz11 } = numbers;
      return {
        numbers,
        question: `${given(m)}<p>Compute the delta δ⁽¹⁾₁ of the first hidden neuron.</p>`,
        task: {
          kind: 'number', symbol: 'δ⁽¹⁾₁', answer: numbers.delta11, sig: 3,
          mistakes: [
            miss('forgotSlope', 'hidden-deltas', delta2 * w21),
            miss('otherWeight', 'hidden-deltas', delta2 * w22 * dadz11),
            miss('forgotWeight', 'hidden-deltas', delta2 * dadz11),
          ],
        },
        hints: [`<p>Start with δ⁽²⁾ = (ŷ − y)·σ′(z⁽²⁾).</p>`, `<p>${eqLink('hidden-deltas', 'Hidden neuron 1 receives')} δ⁽²⁾ through its own weight W⁽²⁾₁, times its own slope.</p>`],
        solution: backward(m),
      };
    },
  }),
  exercise({
    id: 'np-direction',
    title: 'Nudging the input',
    draw: drawParallel,
    make: (v) => {
      const numbers = net(v);
      const m = marker(numbers);
      const answer = numbers.dLdx < 0 ? 'lowers' : 'raises';
      // The wrong choice is what one path alone says, when it says so.
      const onePathSays = (p: number) => (p < 0 ? 'lowers' : 'raises') !== answer;
      const misled = onePathSays(numbers.dLdxPath1) || onePathSays(numbers.dLdxPath2);
      const option = (id: 'lowers' | 'raises', label: string) =>
        id !== answer && misled ? { id, label, mistake: info('onePath', 'input-gradient') } : { id, label };
      return {
        numbers,
        question: `${given(m)}<p>Does raising x a little raise or lower the loss?</p>`,
        task: { kind: 'choice', answer, options: [option('raises', 'it raises L'), option('lowers', 'it lowers L')] },
        hints: [`<p>The answer is the sign of ∂L/∂x, ${eqLink('input-gradient', 'the sum of both paths')}.</p>`],
        solution: `${backward(m)}<p>∂L/∂x = ${m('dLdxPath1')} + ${m('dLdxPath2', 'factor')} = ${m('dLdx')}, so raising x ${answer} L.</p>`,
      };
    },
  }),
];
