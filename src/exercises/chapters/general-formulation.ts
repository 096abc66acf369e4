// Exercises of chapter 9, the general formulation, on a 2-2-2 sigmoid network shaped like Mazur's (one
// sample, E = Σₖ ½(yₖ − aₖ)², one shared bias per layer): a hidden delta through (W⁽²⁾)ᵀ, an entry of
// ∂E/∂W⁽²⁾ = δ⁽²⁾(a⁽¹⁾)ᵀ, which way the standard update moves a first-layer weight, and the
// multiply-adds of a backward pass.
import { backpropCost } from '../../engine/examples/backprop-cost.ts';
import { mazurData, mazurNetwork, mazurStep, updateDuringStep, type MazurParams } from '../../engine/examples/mazur.ts';
import { forward } from '../../engine/dense.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick, type Html } from '../define.ts';
import { info, miss } from '../mistakes.ts';

const SUB = ['₁', '₂'];

/** x, y, W⁽¹⁾, W⁽²⁾ (entries in ±1, steps of 0.05), the shared biases, α, a unit j and an input k. */
function drawNet(rng: Rng) {
  const p = () => pick(rng, -1, 1, 0.05);
  for (;;) {
    const params: MazurParams = {
      x: [pick(rng, -1, 1, 0.05), pick(rng, -1, 1, 0.05)],
      y: [pick(rng, 0.05, 0.95, 0.05), pick(rng, 0.05, 0.95, 0.05)],
      W1: [[p(), p()], [p(), p()]], W2: [[p(), p()], [p(), p()]],
      b1: pick(rng, -0.5, 0.5, 0.05), b2: pick(rng, -0.5, 0.5, 0.05), alpha: pick(rng, 0.5, 2, 0.5),
    };
    const j = rng() < 0.5 ? 0 : 1, k = rng() < 0.5 ? 0 : 1;
    if (Math.abs(params.x[0]) >= 0.1 && Math.abs(params.x[1]) >= 0.1) return { params, j, k };
  }
}

type Drawn = ReturnType<typeof drawNet>;

/** Every number the exercises show, by the chapter's names: mzX-1, mzW1-1-2, mzDelta2-1, … */
function pass(v: Drawn) {
  const p = v.params;
  const net = mazurNetwork(p);
  const { X, Y } = mazurData(p);
  const trace = forward(net, X);
  const { next, grads } = mazurStep(net, X, Y, p.alpha);
  const during = updateDuringStep(net, X, Y, p.alpha);
  const out: Record<string, number> = { mzB1: p.b1, mzB2: p.b2, mzAlpha: p.alpha, j: v.j + 1, k: v.k + 1 };
  for (let i = 0; i < 2; i++) {
    out[`mzX-${i + 1}`] = p.x[i]!;
    out[`mzY-${i + 1}`] = p.y[i]!;
    out[`mzZ1-${i + 1}`] = trace.layers[0]!.z.data[i]!;
    out[`mzA1-${i + 1}`] = trace.layers[0]!.a.data[i]!;
    out[`mzZ2-${i + 1}`] = trace.layers[1]!.z.data[i]!;
    out[`mzA2-${i + 1}`] = trace.layers[1]!.a.data[i]!;
    out[`mzDelta2-${i + 1}`] = grads.layers[1]!.delta.data[i]!;
    out[`mzDelta1-${i + 1}`] = grads.layers[0]!.delta.data[i]!;
    out[`mzDuringDelta1-${i + 1}`] = during.delta[0]!.data[i]!;
    for (let c = 0; c < 2; c++) {
      const at = `${i + 1}-${c + 1}`;
      out[`mzW1-${at}`] = p.W1[i]![c]!;
      out[`mzW2-${at}`] = p.W2[i]![c]!;
      out[`mzW2Next-${at}`] = next.layers[1]!.W.data[i * 2 + c]!;
      out[`mzDW1-${at}`] = grads.layers[0]!.dW.data[i * 2 + c]!;
      out[`mzDW2-${at}`] = grads.layers[1]!.dW.data[i * 2 + c]!;
    }
  }
  return out;
}

type M = (name: string, style?: 'plain' | 'factor' | 'signed') => Html;

const given = (m: M) =>
  `<p>A 2-2-2 sigmoid network like Mazur’s, on one sample, with E = Σₖ ½(yₖ − aₖ⁽²⁾)² and one bias shared by each layer’s units:</p>
<p class="exercise-math">x = (${m('mzX-1')}, ${m('mzX-2')}), y = (${m('mzY-1')}, ${m('mzY-2')}), W⁽¹⁾ = [${m('mzW1-1-1')}, ${m('mzW1-1-2')}; ${m('mzW1-2-1')}, ${m('mzW1-2-2')}], b⁽¹⁾ = ${m('mzB1')}, W⁽²⁾ = [${m('mzW2-1-1')}, ${m('mzW2-1-2')}; ${m('mzW2-2-1')}, ${m('mzW2-2-2')}], b⁽²⁾ = ${m('mzB2')}.</p>`;

const forwardAndOutput = (m: M) =>
  `<p>Forward: z⁽¹⁾ = (${m('mzZ1-1')}, ${m('mzZ1-2')}), a⁽¹⁾ = (${m('mzA1-1')}, ${m('mzA1-2')}); z⁽²⁾ = (${m('mzZ2-1')}, ${m('mzZ2-2')}), a⁽²⁾ = (${m('mzA2-1')}, ${m('mzA2-2')}). The output delta δ⁽²⁾ = (a⁽²⁾ − y) ⊙ a⁽²⁾ ⊙ (1 − a⁽²⁾) = (${m('mzDelta2-1')}, ${m('mzDelta2-2')}).</p>`;

/** The hidden delta of unit j, and the numbers its mistakes give. */
function hidden(n: Readonly<Record<string, number>>, j: number) {
  const at = (name: string) => n[name]!;
  const a = at(`mzA1-${j}`), slope = a * (1 - a);
  const d2 = [at('mzDelta2-1'), at('mzDelta2-2')];
  const col = (W: string) => at(`${W}-1-${j}`) * d2[0]! + at(`${W}-2-${j}`) * d2[1]!;
  return {
    slope, answer: at(`mzDelta1-${j}`),
    noSlope: col('mzW2'),
    row: (at(`mzW2-${j}-1`) * d2[0]! + at(`mzW2-${j}-2`) * d2[1]!) * slope,
    updated: at(`mzDuringDelta1-${j}`),
    onePath: at(`mzW2-1-${j}`) * d2[0]! * slope,
  };
}

export const exercises = [
  exercise({
    id: 'gf-delta1',
    title: 'A hidden delta through the transpose',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const j = v.j + 1;
      const h = hidden(numbers, j);
      return {
        numbers,
        question: `${given(m)}<p>The learning rate is α = ${m('mzAlpha')}. In the standard order of the update, compute the hidden delta δ⁽¹⁾ of unit j = ${m('j')}.</p>`,
        task: {
          kind: 'number', symbol: `δ⁽¹⁾${SUB[j - 1]}`, answer: h.answer, sig: 3,
          mistakes: [
            miss('transpose', 'hidden-delta', h.row),
            miss('updatedWeight', 'hidden-delta', h.updated),
            miss('forgotSlope', 'hidden-delta', h.noSlope),
            miss('onePath', 'hidden-delta-unit', h.onePath),
          ],
        },
        hints: [
          `<p>Run the forward pass and find the output delta δ⁽²⁾ = (a⁽²⁾ − y) ⊙ σ′(z⁽²⁾) first. α is not needed: nothing is updated before every delta is known.</p>`,
          `<p>${eqLink('hidden-delta-unit', 'The hidden delta of one unit')}: δ⁽¹⁾ⱼ = (Σₖ W⁽²⁾ₖⱼ δ⁽²⁾ₖ)·σ′(z⁽¹⁾ⱼ), down column j of W⁽²⁾, row j of its transpose, with the weights as the forward pass used them.</p>`,
        ],
        solution: `${forwardAndOutput(m)}<p>Column j = ${m('j')} of W⁽²⁾ is (${m(`mzW2-1-${j}`)}, ${m(`mzW2-2-${j}`)}), and σ′(z⁽¹⁾<sub>${j}</sub>) = a(1 − a) with a = ${m(`mzA1-${j}`)}, so</p>
<p class="exercise-math">δ⁽¹⁾<sub>${j}</sub> = (${m(`mzW2-1-${j}`)} × ${m('mzDelta2-1', 'factor')} + ${m(`mzW2-2-${j}`)} × ${m('mzDelta2-2', 'factor')}) · σ′(z⁽¹⁾<sub>${j}</sub>) = ${m(`mzDelta1-${j}`)}.</p>`,
      };
    },
  }),
  exercise({
    id: 'gf-dw2',
    title: 'An entry of ∂E/∂W⁽²⁾',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const j = v.j + 1, k = v.k + 1;
      const at = (name: string) => numbers[name]!;
      const answer = at(`mzDW2-${j}-${k}`);
      return {
        numbers,
        question: `${given(m)}<p>Compute the entry (j, k) = (${m('j')}, ${m('k')}) of ∂E/∂W⁽²⁾: the gradient of the weight from hidden unit k into output unit j.</p>`,
        task: {
          kind: 'number', symbol: `∂E/∂W⁽²⁾${SUB[j - 1]}${SUB[k - 1]}`, answer, sig: 3,
          mistakes: [
            miss('inputForHidden', 'grads', at(`mzDelta2-${j}`) * at(`mzX-${k}`)),
            miss('forgotSlope', 'output-delta', (at(`mzA2-${j}`) - at(`mzY-${j}`)) * at(`mzA1-${k}`)),
            miss('sign', 'output-delta', -answer),
          ],
        },
        hints: [
          `<p>Output unit j’s delta is δ⁽²⁾ⱼ = (a⁽²⁾ⱼ − yⱼ)·a⁽²⁾ⱼ(1 − a⁽²⁾ⱼ), by ${eqLink('output-delta', 'the output delta')}.</p>`,
          `<p>${eqLink('grads', '∂E/∂W⁽²⁾ = δ⁽²⁾(a⁽¹⁾)ᵀ')}: entry (j, k) is δ⁽²⁾ⱼ times what enters the layer from unit k, a⁽¹⁾ₖ.</p>`,
        ],
        solution: `${forwardAndOutput(m)}<p class="exercise-math">∂E/∂W⁽²⁾<sub>${j}${k}</sub> = δ⁽²⁾<sub>${j}</sub> · a⁽¹⁾<sub>${k}</sub> = ${m(`mzDelta2-${j}`)} × ${m(`mzA1-${k}`, 'factor')} = ${m(`mzDW2-${j}-${k}`)}.</p>`,
      };
    },
  }),
  exercise({
    id: 'gf-w1-direction',
    title: 'Which way does a first-layer weight move?',
    draw: drawNet,
    make: (v) => {
      const numbers = pass(v);
      const m = marker(numbers);
      const j = v.j + 1, k = v.k + 1;
      const at = (name: string) => numbers[name]!;
      const g = at(`mzDW1-${j}-${k}`);
      const answer = g < 0 ? 'rises' : 'falls';
      // The transposed sum gives the other direction for some networks: that mistake, else moving uphill.
      const viaRow = hidden(numbers, j).row * at(`mzX-${k}`);
      const wrong = Math.sign(viaRow) !== Math.sign(g) ? info('transpose', 'hidden-delta') : info('uphill', 'grads');
      const option = (id: 'rises' | 'falls', label: string) => (id === answer ? { id, label } : { id, label, mistake: wrong });
      return {
        numbers,
        question: `${given(m)}<p>One standard gradient-descent step is taken with α = ${m('mzAlpha')}. Does the weight W⁽¹⁾<sub>${j}${k}</sub>, from input k = ${m('k')} into hidden unit j = ${m('j')}, rise or fall?</p>`,
        task: { kind: 'choice', answer, options: [option('rises', 'it rises'), option('falls', 'it falls')] },
        hints: [
          `<p>The step is W ← W − α·∂E/∂W and α is positive: only the sign of ∂E/∂W⁽¹⁾ⱼₖ = δ⁽¹⁾ⱼ xₖ matters (${eqLink('grads', 'the gradients of layer l')}).</p>`,
          `<p>δ⁽¹⁾ⱼ comes back through column j of W⁽²⁾, by ${eqLink('hidden-delta', 'the hidden delta')}; σ′ is positive, so its sign is that of Σₖ W⁽²⁾ₖⱼ δ⁽²⁾ₖ.</p>`,
        ],
        solution: `${forwardAndOutput(m)}<p>δ⁽¹⁾ = (${m('mzDelta1-1')}, ${m('mzDelta1-2')}), so ∂E/∂W⁽¹⁾<sub>${j}${k}</sub> = δ⁽¹⁾<sub>${j}</sub> · x<sub>${k}</sub> = ${m(`mzDelta1-${j}`)} × ${m(`mzX-${k}`, 'factor')} = ${m(`mzDW1-${j}-${k}`)}, and the weight ${answer === 'rises' ? 'rises (it moves against a negative gradient)' : 'falls (it moves against a positive gradient)'}.</p>`,
      };
    },
  }),
  exercise({
    id: 'gf-cost',
    title: 'The multiply-adds of a backward pass',
    draw: (rng: Rng) => ({
      sizes: [pick(rng, 2, 10, 1), pick(rng, 3, 20, 1), pick(rng, 3, 20, 1), pick(rng, 1, 5, 1)],
      samples: pick(rng, 2, 8, 1),
    }),
    make: (v) => {
      const c = backpropCost(v.sizes, v.samples);
      const [n0, n1, n2, n3] = v.sizes as [number, number, number, number];
      const numbers = { n0, n1, n2, n3, N: v.samples, forward: c.forward, backward: c.backward };
      const m = marker(numbers);
      const products = n1 * n0 + n2 * n1 + n3 * n2;
      return {
        numbers,
        question: `<p>A fully connected network has n₀ = ${m('n0')} inputs, two hidden layers of n₁ = ${m('n1')} and n₂ = ${m('n2')} units, and n₃ = ${m('n3')} outputs. Counting only the multiply-adds of the matrix products, how many does one backward pass on a batch of N = ${m('N')} samples take (every δ⁽ˡ⁾ and every ∂L/∂W⁽ˡ⁾)?</p>`,
        task: {
          kind: 'number', symbol: 'multiply-adds', answer: c.backward, sig: 3,
          mistakes: [
            miss('deltaIntoInput', 'cost', 2 * v.samples * products),
            miss('onlyGradProducts', 'cost', v.samples * products),
            miss('oneSample', 'cost', c.backward / v.samples),
          ],
        },
        hints: [
          `<p>A product W⁽ˡ⁾a uses each weight once per sample: the forward pass is N·Σₗ nₗnₗ₋₁.</p>`,
          `<p>${eqLink('cost', 'The backward pass')} uses every weight once more in δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ, and the weights of layers 2 and 3 once more in (W⁽ˡ⁾)ᵀδ⁽ˡ⁾; no delta goes back into the input.</p>`,
        ],
        solution: `<p>The forward pass takes N·(n₁n₀ + n₂n₁ + n₃n₂) = ${m('forward')} multiply-adds. The backward pass:</p>
<p class="exercise-math">N·(n₂n₁ + n₃n₂) + N·(n₁n₀ + n₂n₁ + n₃n₂) = ${m('backward')},</p><p>less than twice the forward pass, as ${eqLink('cost', 'the count')} promises.</p>`,
      };
    },
  }),
];
