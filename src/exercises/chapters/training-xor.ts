// Exercises of chapter 10, training XOR: the output bias after one epoch of the tutorial's loop (one
// full-batch step of the summed loss), which way that epoch moves an output weight, and the diagnosis of
// a finished run from its final network (learned, plateau, stuck with saturated units, twins). Each is one
// forward and backward pass at most: no training run.
import { sigmoid } from '../../engine/activations.ts';
import { network221Defaults, network221Network, network221Pass } from '../../engine/examples/network-2-2-1.ts';
import { diagnoseXor, xorPredictions, type XorOutcome } from '../../engine/examples/xor-training.ts';
import { forward } from '../../engine/dense.ts';
import { xorData } from '../../engine/examples/xor-2-2-1.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick, type Html } from '../define.ts';
import { info, miss } from '../mistakes.ts';

const N = 4;
const SUB = ['₁', '₂'];
const SAMPLES = [1, 2, 3, 4];

/** The nine parameters in ±1 (steps of 0.05), a learning rate that is not 1, a hidden unit j. */
function drawStart(rng: Rng) {
  const p = () => pick(rng, -1, 1, 0.05);
  const W1 = [[p(), p()], [p(), p()]], b1 = [[p()], [p()]], W2 = [[p(), p()]], b2 = [[p()]];
  return { W1, b1, W2, b2, alpha: pick(rng, 0.5, 3, 0.5), j: rng() < 0.5 ? 0 : 1 };
}

type Start = ReturnType<typeof drawStart>;

/** The parameters' marks: W1-jk, b1-j, W2-j, b2. */
function params(v: Pick<Start, 'W1' | 'b1' | 'W2' | 'b2'>): Record<string, number> {
  const out: Record<string, number> = { b2: v.b2[0]![0]! };
  for (let j = 0; j < 2; j++) {
    out[`W2-${j + 1}`] = v.W2[0]![j]!;
    out[`b1-${j + 1}`] = v.b1[j]![0]!;
    for (let k = 0; k < 2; k++) out[`W1-${j + 1}${k + 1}`] = v.W1[j]![k]!;
  }
  return out;
}

/** One epoch of the tutorial's loop from these weights: one forward pass, one backward pass, one step. */
function epoch(v: Start) {
  const r = network221Pass({ ...network221Defaults, W1: v.W1, b1: v.b1, W2: v.W2, b2: v.b2, alpha: v.alpha });
  const out: Record<string, number> = { ...params(v), alpha: v.alpha };
  for (let n = 0; n < N; n++) {
    out[`Y-${n + 1}`] = r.Y.data[n]!;
    out[`A2-${n + 1}`] = r.A2.data[n]!;
    out[`Delta2-${n + 1}`] = r.Delta2.data[n]!;
    for (let j = 0; j < 2; j++) out[`A1-${j + 1}${n + 1}`] = r.A1.data[j * N + n]!;
  }
  for (let j = 0; j < 2; j++) {
    out[`dLdW2-${j + 1}`] = r.dLdW2.data[j]!;
    out[`W2Next-${j + 1}`] = r.W2Next.data[j]!;
  }
  out['dLdb2'] = r.dLdb2.data[0]!;
  out['b2Next'] = r.b2Next.data[0]!;
  return out;
}

const weights = (m: (name: string) => Html) =>
  `<p class="exercise-math">W⁽¹⁾ = [${m('W1-11')}, ${m('W1-12')}; ${m('W1-21')}, ${m('W1-22')}], b⁽¹⁾ = [${m('b1-1')}; ${m('b1-2')}], W⁽²⁾ = [${m('W2-1')}, ${m('W2-2')}], b⁽²⁾ = ${m('b2')}</p>`;

const given = (m: (name: string) => Html) =>
  `<p>The tutorial’s loop on the 2-2-1 sigmoid network: the four XOR samples (0, 0), (0, 1), (1, 0), (1, 1) with targets y = 0, 1, 1, 0, the summed loss L = Σₙ ½(yₙ − ŷₙ)², all four samples in every update, learning rate α = ${m('alpha')}, and this start (rows of W⁽¹⁾ are hidden units):</p>${weights(m)}`;

const outputs = (m: (name: string) => Html) =>
  `<p>The forward pass gives ŷ = ${SAMPLES.map((n) => m(`A2-${n}`)).join(', ')}; the output deltas Δ⁽²⁾ₙ = (ŷₙ − yₙ)·ŷₙ(1 − ŷₙ) are ${SAMPLES.map((n) => m(`Delta2-${n}`)).join(', ')}.</p>`;

const sum = (f: (n: number) => number) => SAMPLES.reduce((s, n) => s + f(n), 0);

/** The kinds of ending a finished run can have, as the chapter names them. */
const ENDINGS: readonly { id: XorOutcome; label: string }[] = [
  { id: 'learned', label: 'It learned XOR' },
  { id: 'plateau', label: 'Still on the plateau (answers near ½)' },
  { id: 'stuck', label: 'Stuck, with saturated hidden units' },
  { id: 'twins', label: 'Twin hidden units' },
];

/**
 * A finished network of one kind, drawn near a shape that ends that way: the hidden units as OR and AND
 * (learned), as OR and AND so steep that both saturate with the output parked at ½ on (1, 1) (stuck), as
 * one unit and a slightly scaled copy of it (twins), or all weights small (plateau). The engine's diagnosis
 * decides: the draw is repeated until it says the kind drawn.
 */
function drawEnding(rng: Rng) {
  const kind = ENDINGS[Math.floor(rng() * ENDINGS.length)]!.id;
  for (;;) {
    const v = endingOf(kind, rng);
    if (diagnoseXor(network221Network({ ...network221Defaults, ...v })).outcome === kind) return v;
  }
}

function endingOf(kind: XorOutcome, rng: Rng) {
  const r = (lo: number, hi: number, step = 0.5) => pick(rng, lo, hi, step);
  if (kind === 'learned') {
    const s = r(5, 8), t = r(5, 8), c = r(6, 10);
    return { W1: [[s, r(5, 8)], [t, r(5, 8)]], b1: [[-s / 2], [-1.5 * t]], W2: [[c, -c]], b2: [[-c / 2]] };
  }
  if (kind === 'stuck') {
    const s = r(10, 14), t = r(18, 24, 1), c = r(6, 10, 1);
    return { W1: [[s, s], [t, t]], b1: [[-s / 2], [-1.5 * t]], W2: [[c, -c / 2]], b2: [[Number((-c / 2 + r(0.1, 0.3, 0.1)).toFixed(1))]] };
  }
  if (kind === 'twins') {
    const w1 = r(-4, 4), w2 = r(-4, 4), b = r(-2, 2), k = r(1.1, 1.4, 0.1);
    return { W1: [[w1, w2], [Number((k * w1).toFixed(2)), Number((k * w2).toFixed(2))]], b1: [[b], [Number((k * b).toFixed(2))]], W2: [[r(-3, 3), r(-3, 3)]], b2: [[r(-1, 1)]] };
  }
  const p = () => r(-0.5, 0.5, 0.05);
  return { W1: [[p(), p()], [p(), p()]], b1: [[p()], [p()]], W2: [[p(), p()]], b2: [[p()]] };
}

/** The marks of a finished network: its parameters, ŷ (yHat-n) and the hidden outputs A1-jn. */
function ending(v: ReturnType<typeof endingOf>) {
  const net = network221Network({ ...network221Defaults, ...v });
  const out: Record<string, number> = params(v);
  xorPredictions(net).forEach((p, n) => { out[`yHat-${n + 1}`] = p; });
  const A1 = forward(net, xorData.X).layers[0]!.a;
  for (let j = 0; j < 2; j++) for (let n = 0; n < N; n++) out[`A1-${j + 1}${n + 1}`] = A1.data[j * N + n]!;
  return { numbers: out, diagnosis: diagnoseXor(net) };
}

export const exercises = [
  exercise({
    id: 'tx-b2',
    title: 'One epoch of the tutorial: the output bias',
    draw: drawStart,
    make: (v) => {
      const numbers = epoch(v);
      const m = marker(numbers);
      const at = (name: string) => numbers[name]!;
      const b2 = at('b2'), alpha = at('alpha'), g = at('dLdb2');
      const errors = (n: number) => at(`A2-${n}`) - at(`Y-${n}`);
      return {
        numbers,
        question: `${given(m)}<p>Run one epoch of the loop (the tutorial’s <code>b2 -= lr * d2.sum(...)</code> among its lines). What is b⁽²⁾ afterwards?</p>`,
        task: {
          kind: 'number', symbol: 'the new b⁽²⁾', answer: at('b2Next'), sig: 3,
          mistakes: [
            miss('meanForSum', 'xor-loss', b2 - (alpha * g) / N),
            miss('uphill', 'xor-step', b2 + alpha * g),
            miss('forgotAlpha', 'xor-step', b2 - g),
            miss('slopeOfA', 'xor-deltas', b2 - alpha * sum((n) => errors(n) * sigmoid(at(`A2-${n}`)) * (1 - sigmoid(at(`A2-${n}`))))),
          ],
        },
        hints: [
          `<p>Run the four samples forward and take each output delta, ${eqLink('xor-deltas', 'the first row of the deltas')}: the slope is ŷ(1 − ŷ), from the output, as the tutorial’s <code>sigmoid_derivative(a2)</code> computes it.</p>`,
          `<p>${eqLink('xor-step', 'The step')}: b⁽²⁾ ← b⁽²⁾ − α Σₙ Δ⁽²⁾ₙ. ${eqLink('xor-loss', 'The loss is summed')}, so there is no 1/4.</p>`,
        ],
        solution: `${outputs(m)}<p class="exercise-math">b⁽²⁾ ← b⁽²⁾ − α Σₙ Δ⁽²⁾ₙ = ${m('b2')} − ${m('alpha')} × ${m('dLdb2', 'factor')} = ${m('b2Next')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'tx-w2-direction',
    title: 'Which way does an output weight move?',
    draw: drawStart,
    make: (v) => {
      const j = v.j + 1;
      const numbers: Record<string, number> = { ...epoch(v), j };
      const m = marker(numbers);
      const g = numbers[`dLdW2-${j}`]!;
      const answer = g < 0 ? 'grows' : 'shrinks';
      const wrong = answer === 'grows' ? 'shrinks' : 'grows';
      const label = (id: string) => (id === 'grows' ? `W⁽²⁾${SUB[j - 1]} grows` : `W⁽²⁾${SUB[j - 1]} shrinks`);
      return {
        numbers,
        question: `${given(m)}<p>In the first epoch of the loop, does the weight W⁽²⁾<sub>${j}</sub> from hidden unit j = ${m('j')} to the output grow or shrink?</p>`,
        task: {
          kind: 'choice', answer,
          options: ['grows', 'shrinks'].map((id) => ({ id, label: label(id), ...(id === wrong ? { mistake: info('uphill', 'xor-step') } : {}) })),
        },
        hints: [
          `<p>The step is W⁽²⁾ ← W⁽²⁾ − α Δ⁽²⁾(A⁽¹⁾)ᵀ (${eqLink('xor-step', 'the step')}); α is positive, so only the sign of the gradient’s entry matters.</p>`,
          `<p>Entry j of the gradient is Σₙ Δ⁽²⁾ₙ A⁽¹⁾ⱼₙ: the four output deltas weighted by hidden unit j’s outputs.</p>`,
        ],
        solution: `${outputs(m)}<p>Hidden unit ${j} outputs A⁽¹⁾ = ${SAMPLES.map((n) => m(`A1-${j}${n}`)).join(', ')}, so ∂L/∂W⁽²⁾<sub>${j}</sub> = Σₙ Δ⁽²⁾ₙ A⁽¹⁾<sub>${j}n</sub> = ${m(`dLdW2-${j}`)}. The step subtracts α times it: W⁽²⁾<sub>${j}</sub> goes from ${m(`W2-${j}`)} to ${m(`W2Next-${j}`)}; it ${answer}.</p>`,
      };
    },
  }),
  exercise({
    id: 'tx-diagnose',
    title: 'How did this run end?',
    draw: drawEnding,
    make: (v) => {
      const { numbers } = ending(v);
      const m = marker(numbers);
      const answer = ending(v).diagnosis.outcome;
      const row = (j: number) => SAMPLES.map((n) => m(`A1-${j}${n}`)).join(', ');
      return {
        numbers,
        question: `<p>A 2-2-1 sigmoid network has been trained on XOR (inputs (0, 0), (0, 1), (1, 0), (1, 1), targets 0, 1, 1, 0) and ended at</p>${weights(m)}
<p>For the four inputs it answers ŷ = ${SAMPLES.map((n) => m(`yHat-${n}`)).join(', ')}; hidden unit 1 outputs ${row(1)} and hidden unit 2 outputs ${row(2)}. How did this run end?</p>`,
        task: { kind: 'choice', answer, options: ENDINGS.map((e) => ({ id: e.id, label: e.label })) },
        hints: [
          `<p>First: do all four ŷ round to their targets 0, 1, 1, 0? Then it learned.</p>`,
          `<p>If not: do the two hidden units compute the same function of the input (one row a scaled or shifted copy of the other)? Are three or more ŷ close to ½? Otherwise look at the slopes a(1 − a) of the hidden units: near 0, no gradient reaches them (${eqLink('xor-deltas', 'the hidden delta')} has the factor A⁽¹⁾ ⊙ (1 − A⁽¹⁾)).</p>`,
        ],
        solution: `<p>${
          answer === 'learned' ? 'Every answer rounds to its target: the run learned XOR.'
          : answer === 'twins' ? 'Not every answer rounds to its target. The two hidden units’ outputs rise and fall together over the four inputs, one nearly a copy of the other: they do one job, and one unit cannot draw XOR. Twin hidden units.'
          : answer === 'plateau' ? 'Not every answer rounds to its target, and three or more answers are close to ½: the network still nearly ignores its input. It is still on the plateau around ŷ = ½.'
          : 'Not every answer rounds to its target, yet most are right and one is held near ½; the hidden units are neither twins nor undecided: they sit in the flat tails of their sigmoids, where a(1 − a) is nearly 0 on most inputs, so almost no gradient reaches them. Stuck, with saturated hidden units.'}</p>`,
      };
    },
  }),
];
