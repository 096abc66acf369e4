// Exercises of chapter 11, mini-batch gradient descent: how many updates a run makes (⌈N/B⌉ per epoch),
// the spread of a mini-batch gradient ((σ²/B)(N − B)/(N − 1)), the α that makes a mean-loss run take
// the summed-loss run's steps (α·B), and whether the two runs agree when B does not divide N. Closed
// forms only: no training run.
import { samplesPerUpdate, updatesPerEpoch } from '../../engine/examples/mini-batch.ts';
import type { Rng } from '../../engine/random.ts';
import { eqLink, exercise, marker, pick } from '../define.ts';
import { info, miss } from '../mistakes.ts';

/** N samples, a batch size B below N, and a number of epochs. */
function drawRun(rng: Rng) {
  const B = pick(rng, 3, 16, 1);
  return { N: pick(rng, B + 2, 80, 1), B, epochs: pick(rng, 3, 20, 1) };
}

/** A batch size B that divides N (N = kB, k ≥ 2) and a summed-loss learning rate. */
function drawConventions(rng: Rng) {
  const B = pick(rng, 2, 8, 1), k = pick(rng, 2, 12, 1);
  return { N: B * k, B, alphaSum: pick(rng, 0.05, 0.5, 0.05) };
}

/** N and B, half the time with B dividing N and half the time not. */
function drawDivides(rng: Rng) {
  const B = pick(rng, 2, 8, 1), k = pick(rng, 2, 10, 1);
  const rest = rng() < 0.5 ? 0 : pick(rng, 1, B - 1, 1);
  return { N: B * k + rest, B, alphaSum: pick(rng, 0.05, 0.5, 0.05) };
}

/** The spread of a B-sample gradient among N, from the per-sample gradients' spread σ². */
function drawSpread(rng: Rng) {
  const N = pick(rng, 4, 40, 1);
  return { N, B: pick(rng, 2, N - 1, 1), sigma2: pick(rng, 0.05, 2, 0.05) };
}

export const exercises = [
  exercise({
    id: 'mb-updates',
    title: 'Updates in a run',
    draw: drawRun,
    make: (v) => {
      const perEpoch = updatesPerEpoch(v.B, v.N);
      const numbers = { N: v.N, B: v.B, epochs: v.epochs, perEpoch, updates: v.epochs * perEpoch, full: Math.floor(v.N / v.B), last: v.N - Math.floor(v.N / v.B) * v.B };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>A data set has N = ${m('N')} samples. Mini-batch gradient descent with batches of B = ${m('B')} runs for ${m('epochs')} epochs (each epoch shuffles the samples and cuts them into consecutive batches). How many parameter updates does it make in all?</p>`,
        task: {
          kind: 'number', symbol: 'updates', answer: numbers.updates, sig: 4,
          mistakes: [
            miss('lastBatch', 'three-ways', v.epochs * Math.floor(v.N / v.B)),
            miss('countSamples', 'three-ways', v.epochs * v.N),
          ],
        },
        hints: [
          `<p>An epoch uses every sample once, and ${eqLink('update', 'one update')} is made per batch.</p>`,
          `<p>When B does not divide N, the samples left over make one more, smaller batch: ⌈N/B⌉ updates per epoch.</p>`,
        ],
        solution: `<p>Each epoch holds ${m('full')} full batches of ${m('B')} and one batch of the remaining ${m('last')} samples: ⌈N/B⌉ = ${m('perEpoch')} updates. Over ${m('epochs')} epochs:</p>
<p class="exercise-math">${m('epochs')} × ${m('perEpoch')} = ${m('updates')} updates.</p>`,
      };
    },
  }),
  exercise({
    id: 'mb-spread',
    title: 'How noisy is a mini-batch gradient?',
    draw: drawSpread,
    make: (v) => {
      const correction = (v.N - v.B) / (v.N - 1);
      const numbers = { N: v.N, B: v.B, sigma2: v.sigma2, perSample: v.sigma2 / v.B, correction, spread: (v.sigma2 / v.B) * correction };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>A data set has N = ${m('N')} samples, and its per-sample gradients gₙ scatter around their mean ḡ with σ<sub>g</sub>² = (1/N) Σₙ ‖gₙ − ḡ‖² = ${m('sigma2')}. A batch of B = ${m('B')} distinct samples, drawn at random, estimates ḡ by its own mean ĝ. Compute the expected squared distance E‖ĝ − ḡ‖².</p>`,
        task: {
          kind: 'number', symbol: 'E‖ĝ − ḡ‖²', answer: numbers.spread, sig: 3,
          mistakes: [
            miss('noCorrection', 'spread', v.sigma2 / v.B),
            miss('rootB', 'spread', (v.sigma2 / Math.sqrt(v.B)) * correction),
          ],
        },
        hints: [
          `<p>Averaging B samples divides the squared spread by B.</p>`,
          `<p>The samples are drawn without replacement: ${eqLink('spread', 'the spread')} has the finite-population factor (N − B)/(N − 1), which makes it 0 at B = N.</p>`,
        ],
        solution: `<p class="exercise-math">E‖ĝ − ḡ‖² = (σ<sub>g</sub>²/B) · (N − B)/(N − 1) = ${m('perSample')} × ${m('correction')} = ${m('spread')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'mb-alpha',
    title: 'The same steps with the mean loss',
    draw: drawConventions,
    make: (v) => {
      const B = samplesPerUpdate('mini', v.B, v.N);
      const numbers = { N: v.N, B: v.B, alphaSum: v.alphaSum, alphaMean: v.alphaSum * B };
      const m = marker(numbers);
      return {
        numbers,
        question: `<p>A network is trained on N = ${m('N')} samples with mini-batches of B = ${m('B')}, on the book’s summed loss with α<sub>sum</sub> = ${m('alphaSum')}. Another run, from the same start with the same shuffles, averages the loss over each batch instead. Which α<sub>mean</sub> makes it take exactly the same steps?</p>`,
        task: {
          kind: 'number', symbol: 'the mean-loss α', answer: numbers.alphaMean, sig: 3,
          mistakes: [
            miss('sameAlpha', 'equivalence', v.alphaSum),
            miss('inverseConvention', 'equivalence', v.alphaSum / B),
            miss('samplesForBatch', 'equivalence', v.alphaSum * v.N),
          ],
        },
        hints: [
          `<p>The mean loss’s gradient is the sum’s divided by the batch size |𝓑| (${eqLink('mean-update', 'the update with the mean')}).</p>`,
          `<p>Compare it with ${eqLink('update', 'the update with the sum')}: the factor 1/|𝓑| must be made up by α.</p>`,
        ],
        solution: `<p>Every batch holds B = ${m('B')} samples (B divides N), so by ${eqLink('equivalence', 'the equivalence')}</p>
<p class="exercise-math">α<sub>mean</sub> = α<sub>sum</sub> · |𝓑| = ${m('alphaSum')} × ${m('B')} = ${m('alphaMean')}.</p>`,
      };
    },
  }),
  exercise({
    id: 'mb-same',
    title: 'Do the two conventions agree?',
    draw: drawDivides,
    make: (v) => {
      const perEpoch = updatesPerEpoch(v.B, v.N);
      const last = v.N - (perEpoch - 1) * v.B;
      const numbers = { N: v.N, B: v.B, alphaSum: v.alphaSum, alphaMean: v.alphaSum * v.B, perEpoch, last };
      const m = marker(numbers);
      const answer = last === v.B ? 'same' : 'differ';
      return {
        numbers,
        question: `<p>On N = ${m('N')} samples with mini-batches of B = ${m('B')}, one run uses the summed loss with α = ${m('alphaSum')}, the other the mean loss with α = ${m('alphaSum')} × ${m('B')} = ${m('alphaMean')}; same start, same shuffles. After many epochs, do they end on the same weights (up to rounding)?</p>`,
        task: {
          kind: 'choice', answer,
          options: [
            { id: 'same', label: 'The same weights', ...(answer === 'differ' ? { mistake: info('lastBatch', 'equivalence') } : {}) },
            { id: 'differ', label: 'Different weights' },
          ],
        },
        hints: [
          `<p>${eqLink('equivalence', 'The equivalence')} α<sub>mean</sub> = α<sub>sum</sub> · |𝓑| holds batch by batch, with that batch’s own size.</p>`,
          `<p>Does every batch of an epoch hold B samples? Cut N into batches of B and look at the last one.</p>`,
        ],
        solution: answer === 'same'
          ? `<p>B divides N: every epoch is ${m('perEpoch')} batches of ${m('B')}, and the mean’s 1/B is made up by α × B in every update. The steps are identical: the same weights.</p>`
          : `<p>B does not divide N: each epoch ends with a batch of only ${m('last')} samples. The mean divides that batch’s gradient by ${m('last')}, not by ${m('B')}, so its step is not the summed run’s; from the first epoch on the runs part. Different weights.</p>`,
      };
    },
  }),
];
