// Exercises of chapter 6, the loss of a batch: the summed loss's gradient Σᵢ δᵢxᵢ, one full-batch step
// under the mean loss (the sum with α/N), two steps of per-sample SGD, and which way a full-batch step
// moves w when the two samples pull in opposite directions, and the slope of the squared error without ½
// as a formula.
import { twoSamples } from '../../engine/examples/two-samples.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick, type Html } from '../define.ts';
import { drawAlpha, MAX_Z } from '../draw.ts';
import { formulaTask } from '../formula.ts';
import { info, miss } from '../mistakes.ts';

const N = 2;

/** Two samples (x₁, y₁), (x₂, y₂) with reachable targets, the neuron's w and b, and α; |zᵢ| ≤ 3. */
function drawBatch(rng: Rng) {
  for (;;) {
    const x1 = pick(rng, -2, 2, 0.1), x2 = pick(rng, -2, 2, 0.1);
    const w = pick(rng, -1.5, 1.5, 0.05), b = pick(rng, -1, 1, 0.05);
    const y1 = pick(rng, 0.05, 0.95, 0.05), y2 = pick(rng, 0.05, 0.95, 0.05);
    const alpha = drawAlpha(rng);
    const ok = [x1, x2].every((x) => Math.abs(x) >= 0.2 && Math.abs(w * x + b) <= MAX_Z);
    if (ok && Math.abs(w) >= 0.1 && x1 !== x2) return { x1, x2, y1, y2, w, b, alpha };
  }
}

type Drawn = ReturnType<typeof drawBatch>;

/** Every number the exercises show, by the chapter's names (sample i's are "<quantity>-<i>"). */
function batch(v: Drawn) {
  const r = twoSamples(v);
  const [s1, s2] = r.samples;
  const [g1, g2] = r.sgd;
  return {
    'x-1': v.x1, 'x-2': v.x2, 'y-1': v.y1, 'y-2': v.y2, w: v.w, b: v.b, alpha: v.alpha,
    'z-1': s1.z, 'z-2': s2.z, 'yHat-1': s1.yHat, 'yHat-2': s2.yHat, 'dadz-1': s1.dadz, 'dadz-2': s2.dadz,
    'dLdyHat-1': s1.dLdyHat, 'dLdyHat-2': s2.dLdyHat, 'delta-1': s1.delta, 'delta-2': s2.delta,
    'share-1': s1.dLdw, 'share-2': s2.dLdw,
    dLdwSum: r.sum.dLdw, dLdwMean: r.mean.dLdw, wSum: r.sum.wNext, wMean: r.mean.wNext,
    'sgdW-1': g1.wNext, 'sgdB-1': g1.bNext, 'sgdZ-2': g2.z, 'sgdYHat-2': g2.yHat, 'sgdDadz-2': g2.dadz,
    'sgdDelta-2': g2.delta, 'sgdW-2': g2.wNext,
  };
}

type Numbers = ReturnType<typeof batch>;
type M = (name: keyof Numbers & string, style?: 'plain' | 'factor' | 'signed') => Html;

const given = (m: M) =>
  `<p>A sigmoid neuron, w = ${m('w')} and b = ${m('b')}, on a batch of two samples: x₁ = ${m('x-1')} with the target y₁ = ${m('y-1')}, and x₂ = ${m('x-2')} with y₂ = ${m('y-2')}.</p>`;

const deltas = (m: M) =>
  `<p>Forward: z₁ = ${m('z-1')}, ŷ₁ = σ(z₁) = ${m('yHat-1')}; z₂ = ${m('z-2')}, ŷ₂ = ${m('yHat-2')}. Each sample’s own delta, δᵢ = (ŷᵢ − yᵢ)·σ′(zᵢ), and its share δᵢxᵢ of the weight’s gradient:</p>
<p class="exercise-math">δ₁ = ${m('dLdyHat-1')} × ${m('dadz-1')} = ${m('delta-1')}, δ₁x₁ = ${m('share-1')}; δ₂ = ${m('dLdyHat-2')} × ${m('dadz-2')} = ${m('delta-2')}, δ₂x₂ = ${m('share-2')}.</p>`;

export const exercises = [
  exercise({
    id: 'lb-dldw',
    title: 'The gradient of the summed loss',
    draw: drawBatch,
    make: (v) => {
      const numbers = batch(v);
      const m = marker(numbers);
      const sum = numbers.dLdwSum;
      return {
        numbers,
        question: `${given(m)}<p>Its loss is the book’s L = ½(y₁ − ŷ₁)² + ½(y₂ − ŷ₂)², a sum over the batch. Compute ∂L/∂w.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂w', answer: sum, sig: 3,
          mistakes: [
            miss('meanForSum', 'grad-sum', sum / N),
            miss('oneSample', 'grad-sum', numbers['share-1']),
            miss('factor2', 'loss-batch', 2 * sum),
            miss('forgotSlope', 'grad-sum', numbers['dLdyHat-1'] * v.x1 + numbers['dLdyHat-2'] * v.x2),
          ],
        },
        hints: [
          `<p>Run each sample forward and find its own delta δᵢ = (ŷᵢ − yᵢ)·σ′(zᵢ), as in chapter 3.</p>`,
          `<p>${eqLink('grad-sum', 'The gradient of a sum is the sum of the samples’ gradients')}: ∂L/∂w = δ₁x₁ + δ₂x₂, with no 1/N.</p>`,
        ],
        solution: `${deltas(m)}<p class="exercise-math">∂L/∂w = δ₁x₁ + δ₂x₂ = ${m('share-1')} + ${m('share-2', 'factor')} = ${m('dLdwSum')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'lb-mean-step',
    title: 'One full-batch step on the mean loss',
    draw: drawBatch,
    make: (v) => {
      const numbers = batch(v);
      const m = marker(numbers);
      const sum = numbers.dLdwSum;
      return {
        numbers,
        question: `${given(m)}<p>This time the loss is the mean, L<sub>mean</sub> = ½·[½(y₁ − ŷ₁)² + ½(y₂ − ŷ₂)²], as most libraries take it. Compute w after one full-batch gradient-descent step on L<sub>mean</sub> with the learning rate α = ${m('alpha')}.</p>`,
        task: {
          kind: 'number', symbol: 'w', answer: numbers.wMean, sig: 3,
          mistakes: [
            miss('sumForMean', 'grad-mean', v.w - v.alpha * sum),
            miss('uphill', 'alpha-n', v.w + (v.alpha * sum) / N),
            miss('forgotAlpha', 'alpha-n', v.w - sum / N),
          ],
        },
        hints: [
          `<p>Both samples’ deltas are computed at the starting w and b, before anything changes.</p>`,
          `<p>${eqLink('grad-mean', 'The mean loss’s gradient')} is ∂L<sub>mean</sub>/∂w = (δ₁x₁ + δ₂x₂)/N with N = 2; then ${eqLink('alpha-n', 'the step')} w ← w − α·∂L<sub>mean</sub>/∂w.</p>`,
        ],
        solution: `${deltas(m)}<p class="exercise-math">∂L<sub>mean</sub>/∂w = (δ₁x₁ + δ₂x₂)/2 = ${m('dLdwSum')}/2 = ${m('dLdwMean')}, and w ← ${m('w')} − ${m('alpha')} × ${m('dLdwMean', 'factor')} = ${m('wMean')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'lb-sgd',
    title: 'Two steps of per-sample SGD',
    // A larger α, and samples that share a direction (x₁x₂ + 1 away from 0): step 1 then moves z₂ far
    // enough (|z₂| still ≤ 3) that sample 2's delta at the new weights differs visibly from the one at the old weights.
    draw: (rng: Rng) => {
      for (;;) {
        const v = { ...drawBatch(rng), alpha: pick(rng, 0.5, 2, 0.25) };
        if (Math.abs(v.x1 * v.x2 + 1) >= 0.5 && Math.abs(twoSamples(v).sgd[1].z) <= MAX_Z) return v;
      }
    },
    make: (v) => {
      const numbers = batch(v);
      const m = marker(numbers);
      return {
        numbers,
        question: `${given(m)}<p>Train it by per-sample SGD on the book’s loss ½(yᵢ − ŷᵢ)², sample 1 first, then sample 2, with α = ${m('alpha')}. Compute w after both steps.</p>`,
        task: {
          kind: 'number', symbol: 'w', answer: numbers['sgdW-2'], sig: 3,
          mistakes: [
            miss('staleWeights', 'sgd', numbers.wSum),
            miss('oneSample', 'sgd', numbers['sgdW-1']),
          ],
        },
        hints: [
          `<p>Step 1 is chapter 5’s step on sample 1: w ← w − α·δ₁x₁ and b ← b − α·δ₁.</p>`,
          `<p>${eqLink('sgd', 'Per-sample SGD')} runs sample 2 forward with the w and b that step 1 left, not the starting ones.</p>`,
        ],
        solution: `<p>Step 1, at the starting weights: z₁ = ${m('z-1')}, ŷ₁ = ${m('yHat-1')}, δ₁ = ${m('delta-1')}, so</p>
<p class="exercise-math">w ← ${m('w')} − ${m('alpha')} × ${m('delta-1', 'factor')} × ${m('x-1', 'factor')} = ${m('sgdW-1')}, b ← ${m('b')} − ${m('alpha')} × ${m('delta-1', 'factor')} = ${m('sgdB-1')}.</p>
<p>Step 2, with these: z₂ = ${m('sgdW-1')} × ${m('x-2', 'factor')} + ${m('sgdB-1', 'factor')} = ${m('sgdZ-2')}, ŷ₂ = ${m('sgdYHat-2')}, σ′(z₂) = ${m('sgdDadz-2')}, δ₂ = ${m('sgdDelta-2')}, so</p>
<p class="exercise-math">w ← ${m('sgdW-1')} − ${m('alpha')} × ${m('sgdDelta-2', 'factor')} × ${m('x-2', 'factor')} = ${m('sgdW-2')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'lb-direction',
    title: 'Which way does the batch move w?',
    draw: (rng: Rng) => {
      // Samples that pull w in opposite directions, so the batch's answer is not sample 1's alone.
      for (;;) {
        const v = drawBatch(rng);
        const r = twoSamples(v);
        const [a, c] = [r.samples[0].dLdw, r.samples[1].dLdw];
        if (a * c < 0 && Math.abs(a + c) >= 1e-3) return v;
      }
    },
    make: (v) => {
      const numbers = batch(v);
      const m = marker(numbers);
      const answer = numbers.dLdwSum < 0 ? 'rises' : 'falls';
      const wrong = Math.sign(numbers['share-1']) === Math.sign(numbers.dLdwSum) ? info('uphill', 'grad-sum') : info('oneSample', 'grad-sum');
      const option = (id: 'rises' | 'falls', label: string) => (id === answer ? { id, label } : { id, label, mistake: wrong });
      return {
        numbers,
        question: `${given(m)}<p>One full-batch gradient-descent step is taken on the book’s summed loss L = ½(y₁ − ŷ₁)² + ½(y₂ − ŷ₂)². Does w rise or fall?</p>`,
        task: { kind: 'choice', answer, options: [option('rises', 'w rises'), option('falls', 'w falls')] },
        hints: [
          `<p>The step is w ← w − α·∂L/∂w: only the sign of ∂L/∂w matters, and α is positive.</p>`,
          `<p>${eqLink('grad-sum', '∂L/∂w = δ₁x₁ + δ₂x₂')}: here the two samples’ shares have opposite signs, so compute both.</p>`,
        ],
        solution: `${deltas(m)}<p class="exercise-math">∂L/∂w = ${m('share-1')} + ${m('share-2', 'factor')} = ${m('dLdwSum')}, so w ${answer === 'rises' ? 'rises (it moves against a negative gradient)' : 'falls (it moves against a positive gradient)'}.</p>`,
      };
    },
  }),
  exercise({
    id: 'lb-no-half',
    title: 'The slope without the ½',
    draw: (rng: Rng) => ({ shift: pick(rng, -0.05, 0.05, 0.01) }),
    make: ({ shift }) => {
      // x is ŷ, but the slope is a polynomial in it: checked below 0 too, so a formula such as ln(x),
      // undefined there, is refused with a message.
      const points = [-0.5, 0.1, 0.35, 0.6, 0.85].map((x) => x + shift);
      return {
        numbers: {},
        question: `<p>Many libraries drop the ½: the squared error of one sample is L = (y − ŷ)². For the target y = 1, type its slope ∂L/∂ŷ as a formula in x, where x stands for the output ŷ. You may use +, −, *, / and ^.</p>`,
        task: formulaTask({
          symbol: '∂L/∂ŷ at ŷ = x', answerText: '−2(1 − x)', answer: (x) => -2 * (1 - x), points,
          mistakes: [
            { ...info('missingTwo', 'minus-two'), f: (x) => x - 1 },
            { ...info('sign', 'minus-two'), f: (x) => 2 * (1 - x) },
          ],
        }),
        hints: [
          `<p>Differentiate the square by the chain rule: the outer derivative of u² is 2u, with u = y − ŷ.</p>`,
          `<p>${eqLink('minus-two', 'The inner derivative')} ∂(y − ŷ)/∂ŷ is −1, and no ½ is there to cancel the 2.</p>`,
        ],
        solution: `<p>∂/∂ŷ (y − ŷ)² = 2(y − ŷ)·(−1) = −2(y − ŷ); with y = 1 and ŷ written x: <code>-2*(1 - x)</code>, or <code>2*x - 2</code>. It is twice the book’s slope ŷ − y: dropping the ½ doubles the step, like doubling α.</p>`,
      };
    },
  }),
];
