// Exercises of chapter 8, the 2-2-1 network on the XOR batch: an entry of Δ⁽¹⁾, the batch gradient of
// b⁽²⁾ (a sum over the samples), and an entry of ∂L/∂W⁽²⁾ = Δ⁽²⁾(A⁽¹⁾)ᵀ.
import { network221Defaults, network221Pass } from '../../engine/examples/network-2-2-1.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick, type Html } from '../define.ts';
import { miss } from '../mistakes.ts';

const N = 4;
const SUB = ['₁', '₂', '₃', '₄'];

/** The nine parameters in ±1 (steps of 0.05), the XOR batch, a learning rate, a hidden unit j and a sample n. */
function drawNet(rng: Rng) {
  const p = () => pick(rng, -1, 1, 0.05);
  const W1 = [[p(), p()], [p(), p()]], b1 = [[p()], [p()]], W2 = [[p(), p()]], b2 = [[p()]];
  return { W1, b1, W2, b2, alpha: pick(rng, 0.5, 2, 0.5), j: rng() < 0.5 ? 0 : 1, n: Math.floor(rng() * N) };
}

type Drawn = ReturnType<typeof drawNet>;

/** Every number the exercises show, flat: W1-jk, b1-j, W2-j, b2, X-kn, Y-n, and the backward pass's entries. */
function pass(v: Drawn) {
  const r = network221Pass({ ...network221Defaults, W1: v.W1, b1: v.b1, W2: v.W2, b2: v.b2, alpha: v.alpha });
  const out: Record<string, number> = { alpha: v.alpha, j: v.j + 1, n: v.n + 1, b2: v.b2[0]![0]! };
  for (let j = 0; j < 2; j++) {
    out[`W2-${j + 1}`] = v.W2[0]![j]!;
    out[`b1-${j + 1}`] = v.b1[j]![0]!;
    out[`dLdW2-${j + 1}`] = r.dLdW2.data[j]!;
    out[`W2Next-${j + 1}`] = r.W2Next.data[j]!;
    for (let k = 0; k < 2; k++) out[`W1-${j + 1}${k + 1}`] = v.W1[j]![k]!;
    for (let n = 0; n < N; n++) {
      out[`Z1-${j + 1}${n + 1}`] = r.Z1.data[j * N + n]!;
      out[`A1-${j + 1}${n + 1}`] = r.A1.data[j * N + n]!;
      out[`dadz1-${j + 1}${n + 1}`] = r.dadz1.data[j * N + n]!;
      out[`Delta1-${j + 1}${n + 1}`] = r.Delta1.data[j * N + n]!;
      out[`X-${j + 1}${n + 1}`] = r.X.data[j * N + n]!;
    }
  }
  for (let n = 0; n < N; n++) {
    out[`Y-${n + 1}`] = r.Y.data[n]!;
    out[`A2-${n + 1}`] = r.A2.data[n]!;
    out[`Delta2-${n + 1}`] = r.Delta2.data[n]!;
  }
  out['dLdb2'] = r.dLdb2.data[0]!;
  return out;
}

const given = (m: (name: string) => Html) =>
  `<p>The 2-2-1 sigmoid network of the chapter, on the four XOR samples (X = [0 0 1 1; 0 1 0 1], y = 0, 1, 1, 0, one sample per column), with L = Σₙ ½(yₙ − ŷₙ)² and</p>
<p class="exercise-math">W⁽¹⁾ = [${m('W1-11')}, ${m('W1-12')}; ${m('W1-21')}, ${m('W1-22')}], b⁽¹⁾ = [${m('b1-1')}; ${m('b1-2')}], W⁽²⁾ = [${m('W2-1')}, ${m('W2-2')}], b⁽²⁾ = ${m('b2')}.</p>`;

const outputs = (m: (name: string) => Html) =>
  `<p>Forward and output deltas, sample by sample: ŷ = ${[1, 2, 3, 4].map((n) => m(`A2-${n}`)).join(', ')}; Δ⁽²⁾ = (ŷ − y) ⊙ σ′(Z⁽²⁾) = ${[1, 2, 3, 4].map((n) => m(`Delta2-${n}`)).join(', ')}.</p>`;

export const exercises = [
  exercise({
    id: 'nn-delta1',
    title: 'An entry of Δ⁽¹⁾',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const j = v.j + 1, n = v.n + 1, other = 3 - j;
      const at = (name: string) => numbers[name]!;
      const d2 = at(`Delta2-${n}`), s = at(`dadz1-${j}${n}`), z = at(`Z1-${j}${n}`);
      return {
        numbers,
        question: `${given(m)}<p>The learning rate is α = ${m('alpha')}. Compute the hidden delta Δ⁽¹⁾ of unit j = ${m('j')} for sample n = ${m('n')}, the entry Δ⁽¹⁾<sub>${j}${n}</sub>.</p>`,
        task: {
          kind: 'number', symbol: `Δ⁽¹⁾${SUB[j - 1]}${SUB[n - 1]}`, answer: at(`Delta1-${j}${n}`), sig: 3,
          mistakes: [
            miss('forgotSlope', 'batch-deltas', at(`W2-${j}`) * d2),
            miss('otherWeight', 'batch-deltas', at(`W2-${other}`) * d2 * s),
            miss('transpose', 'batch-deltas', at(`W1-${j}${j}`) * d2 * s),
            miss('updatedWeight', 'batch-deltas', at(`W2Next-${j}`) * d2 * s),
            miss('a1aOnZ', 'batch-deltas', at(`W2-${j}`) * d2 * z * (1 - z)),
          ],
        },
        hints: [
          `<p>Only sample n matters: run it forward and find its output delta Δ⁽²⁾ₙ.</p>`,
          `<p>${eqLink('batch-deltas', 'Δ⁽¹⁾ = (W⁽²⁾)ᵀΔ⁽²⁾ ⊙ σ′(Z⁽¹⁾)')}: entry (j, n) is W⁽²⁾ⱼ · Δ⁽²⁾ₙ · σ′(Z⁽¹⁾ⱼₙ). α is not needed.</p>`,
        ],
        solution: `${outputs(m)}<p>Z⁽¹⁾<sub>${j}${n}</sub> = ${m(`Z1-${j}${n}`)}, so σ′(Z⁽¹⁾<sub>${j}${n}</sub>) = ${m(`dadz1-${j}${n}`)} and</p>
<p class="exercise-math">Δ⁽¹⁾<sub>${j}${n}</sub> = W⁽²⁾<sub>${j}</sub> · Δ⁽²⁾<sub>${n}</sub> · σ′(Z⁽¹⁾<sub>${j}${n}</sub>) = ${m(`W2-${j}`)} × ${m(`Delta2-${n}`, 'factor')} × ${m(`dadz1-${j}${n}`)} = ${m(`Delta1-${j}${n}`)}.</p>`,
      };
    },
  }),
  exercise({
    id: 'nn-db2',
    title: 'The output bias’s batch gradient',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const at = (name: string) => numbers[name]!;
      const d = [1, 2, 3, 4].map((n) => at(`Delta2-${n}`));
      const errors = [1, 2, 3, 4].map((n) => at(`A2-${n}`) - at(`Y-${n}`));
      return {
        numbers,
        question: `${given(m)}<p>Compute ∂L/∂b⁽²⁾ for the whole batch.</p>`,
        task: {
          kind: 'number', symbol: '∂L/∂b⁽²⁾', answer: at('dLdb2'), sig: 3,
          mistakes: [
            miss('meanForSum', 'batch-grads', at('dLdb2') / N),
            miss('oneSample', 'sum', d[0]!),
            miss('forgotSlope', 'batch-deltas', errors.reduce((s, e) => s + e, 0)),
          ],
        },
        hints: [`<p>Each sample’s output delta is Δ⁽²⁾ₙ = (ŷₙ − yₙ)·σ′(Z⁽²⁾ₙ).</p>`, `<p>${eqLink('sum', 'The gradient of a sum is the sum of the gradients')}: add the four deltas.</p>`],
        solution: `${outputs(m)}<p class="exercise-math">∂L/∂b⁽²⁾ = Σₙ Δ⁽²⁾ₙ = ${d.map((_, i) => m(`Delta2-${i + 1}`, i === 0 ? 'plain' : 'factor')).join(' + ')} = ${m('dLdb2')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'nn-dw2',
    title: 'An entry of ∂L/∂W⁽²⁾',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const j = v.j + 1;
      const at = (name: string) => numbers[name]!;
      const sum = (f: (n: number) => number) => [1, 2, 3, 4].reduce((s, n) => s + f(n), 0);
      const answer = at(`dLdW2-${j}`);
      return {
        numbers,
        question: `${given(m)}<p>Compute the entry j = ${m('j')} of ∂L/∂W⁽²⁾, the gradient of the weight from hidden unit j to the output, for the whole batch.</p>`,
        task: {
          kind: 'number', symbol: `∂L/∂W⁽²⁾${SUB[j - 1]}`, answer, sig: 3,
          mistakes: [
            miss('meanForSum', 'batch-grads', answer / N),
            miss('inputForHidden', 'batch-grads', sum((n) => at(`Delta2-${n}`) * at(`X-${j}${n}`))),
            miss('forgotSlope', 'batch-grads', sum((n) => (at(`A2-${n}`) - at(`Y-${n}`)) * at(`A1-${j}${n}`))),
          ],
        },
        hints: [
          `<p>You need every sample’s output delta Δ⁽²⁾ₙ and hidden output A⁽¹⁾ⱼₙ.</p>`,
          `<p>${eqLink('batch-grads', '∂L/∂W⁽²⁾ = Δ⁽²⁾(A⁽¹⁾)ᵀ')}: entry j is Σₙ Δ⁽²⁾ₙ A⁽¹⁾ⱼₙ.</p>`,
        ],
        solution: `${outputs(m)}<p>Hidden outputs of unit ${j}: A⁽¹⁾ = ${[1, 2, 3, 4].map((n) => m(`A1-${j}${n}`)).join(', ')}.</p>
<p class="exercise-math">∂L/∂W⁽²⁾<sub>${j}</sub> = Σₙ Δ⁽²⁾ₙ A⁽¹⁾<sub>${j}n</sub> = ${m(`dLdW2-${j}`)}.</p>`,
      };
    },
  }),
];

