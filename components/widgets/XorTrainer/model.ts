// model.ts — the XOR trainer without the DOM: the numpy tutorial's network trained live, with every knob
// the chapter turns (seed, α, epochs, hidden units, hidden activation, loss, batch mode), the loss curve,
// the decision boundary over [−0.5, 1.5]², the four predictions and every weight; a pinned run to
// compare with. Used at build time (XorTrainer.astro: the first frame; the chapter: its numbers and the
// seed strip's links) and in the browser (painted by <bp-widget>). Unit-tested in
// tests/unit/widgets/xor-trainer.test.ts against tests/fixtures/oracle-training-xor.ts.
//
//   inputs ──session──▶ xorSession (a new one when an input changes: epoch → 0)
//   epoch ──compute──▶ the run trained to that epoch: ŷ, L, W, b, the curves, the boundary pixels
//     ▲
//     └── Step (+1), Step ×100, Play (×100 epochs, 100 times a second at ×1 = 10 000 epochs a second,
//         time-sliced by the kit's Player within a few ms per frame), Back to epoch 0, Pin this run
import { lossOf } from '../../../src/engine/dense.ts';
import { xorData } from '../../../src/engine/examples/xor-2-2-1.ts';
import { xorPredictions, xorTutorial, type XorBatch, type XorConfig, type XorHidden, type XorLoss } from '../../../src/engine/examples/xor-training.ts';
import { fmt } from '../../../src/format/number.ts';
import { choice, int, num, seed, state, toggle, type Values } from '../../../src/kit/params.ts';
import { frameAttrs, plotArea } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { path as P } from '../../../src/kit/export-case.ts';
import { toRows } from '../../../src/engine/matrix.ts';
import { xorSession, type XorSession } from './session.ts';
import { boundaryImage, lastPoint, lossAxes, lossFrame, lossPath } from './views.ts';

/** The most hidden units (the issue: 1–8); the markup has a row of weights for each. */
export const MAX_HIDDEN = 8;
/** The most epochs a run may be set to. */
export const MAX_EPOCHS = 100_000;
/** A pinned run's α is kept in the link as a whole number of millionths (state is whole numbers). */
export const ALPHA_UNITS = 1_000_000;

const ACTIVATIONS = [
  { value: 'sigmoid', label: 'sigmoid' }, { value: 'tanh', label: 'tanh' }, { value: 'relu', label: 'ReLU' },
] as const satisfies readonly { value: XorHidden; label: string }[];
const LOSSES = [
  { value: 'halfSquaredErrorSum', label: 'half squared error, summed' }, { value: 'binaryCrossEntropy', label: 'binary cross-entropy' },
] as const satisfies readonly { value: XorLoss; label: string }[];
const BATCHES = [
  { value: 'full', label: 'full batch' }, { value: 'mini', label: 'mini-batch' }, { value: 'sgd', label: 'one sample (SGD)' },
] as const satisfies readonly { value: XorBatch; label: string }[];

const t = xorTutorial;
const schema = {
  seed: seed(t.seed),
  alpha: num(t.alpha, { min: 0.001, max: 100, scale: 'log', label: 'Learning rate', symbol: 'α' }),
  epochs: num(t.epochs, { min: 10, max: MAX_EPOCHS, scale: 'log', integer: true, label: 'Epochs' }),
  hidden: int(t.hidden, { min: 1, max: MAX_HIDDEN, label: 'Hidden units' }),
  activation: choice<XorHidden>(t.activation, ACTIVATIONS, { label: 'Hidden activation', control: 'radio' }),
  loss: choice<XorLoss>(t.loss, LOSSES, { label: 'Loss', control: 'radio' }),
  batch: choice<XorBatch>(t.batch, BATCHES, { label: 'Samples per update', control: 'radio' }),
  batchSize: int(t.batchSize, { min: 1, max: 4, label: 'Mini-batch size' }),
  logScale: toggle(true, { label: 'Log-scale loss axis' }),
  /** Epochs trained so far (Step, Play): no control, kept in the link. */
  epoch: state(0, { min: 0, max: MAX_EPOCHS, label: 'Epochs trained' }),
  // The pinned run: its settings and how far it had trained when pinned (all whole numbers: state).
  pinned: state(0, { min: 0, max: 1, label: 'A run is pinned' }),
  pSeed: state(t.seed, { min: 0, max: 2 ** 32 - 1, label: 'Pinned seed' }),
  pAlpha: state(Math.round(t.alpha * ALPHA_UNITS), { min: 1_000, max: 100 * ALPHA_UNITS, label: 'Pinned learning rate in millionths' }),
  pEpochs: state(t.epochs, { min: 10, max: MAX_EPOCHS, label: 'Pinned epochs' }),
  pHidden: state(t.hidden, { min: 1, max: MAX_HIDDEN, label: 'Pinned hidden units' }),
  pAct: state(0, { min: 0, max: ACTIVATIONS.length - 1, label: 'Pinned activation' }),
  pLoss: state(0, { min: 0, max: LOSSES.length - 1, label: 'Pinned loss' }),
  pBatch: state(0, { min: 0, max: BATCHES.length - 1, label: 'Pinned batch mode' }),
  pSize: state(t.batchSize, { min: 1, max: 4, label: 'Pinned mini-batch size' }),
  pEpoch: state(0, { min: 0, max: MAX_EPOCHS, label: 'Pinned run’s epochs trained' }),
};

/** The trainer's values: the reader's inputs and the state the link keeps (epoch, the pinned run). */
export type XorTrainerValues = Values<typeof schema>;

/** The run's configuration from the reader's inputs. */
export function configOf(v: XorTrainerValues): XorConfig {
  return { seed: v.seed, alpha: v.alpha, epochs: v.epochs, hidden: v.hidden, activation: v.activation, loss: v.loss, batch: v.batch, batchSize: v.batchSize };
}

/** The pinned run's configuration, from the state the link keeps. */
export function pinnedConfigOf(v: XorTrainerValues): XorConfig {
  return {
    seed: v.pSeed, alpha: v.pAlpha / ALPHA_UNITS, epochs: v.pEpochs, hidden: v.pHidden,
    activation: ACTIVATIONS[v.pAct]!.value, loss: LOSSES[v.pLoss]!.value, batch: BATCHES[v.pBatch]!.value, batchSize: v.pSize,
  };
}

// The pinned run is trained once and remembered here (its settings do not change while it is pinned):
// a fresh session for the current inputs must not train it again.
let pinnedMemo: { key: string; run: XorSession } | null = null;
function pinnedRun(c: XorConfig, epoch: number): XorSession {
  const key = JSON.stringify(c);
  if (pinnedMemo?.key !== key) pinnedMemo = { key, run: xorSession(c) };
  pinnedMemo.run.to(epoch);
  return pinnedMemo.run;
}

/** Trains to epoch e (within the run's epochs) and records the epoch reached (fewer if the run diverged). */
function trainTo(v: XorTrainerValues, run: XorSession, e: number): XorTrainerValues {
  return { ...v, epoch: run.to(Math.min(e, v.epochs)) };
}

const labelOf = <T extends string>(list: readonly { value: T; label: string }[], value: T) => list.find((o) => o.value === value)!.label;

/** Every weight and bias of a 2-H-1 network, named W1_j1, W1_j2, b1_j, W2_j (hidden unit j = 1 … 8) and b2; absent units are 0. */
function weightNumbers(prefix: '' | 'p', net: ReturnType<XorSession['network']>): Record<string, number> {
  const [l1, l2] = net.layers;
  const out: Record<string, number> = { [`${prefix}b2`]: l2!.b.data[0]! };
  for (let j = 0; j < MAX_HIDDEN; j++) {
    const here = j < l1!.W.rows;
    out[`${prefix}W1_${j + 1}1`] = here ? l1!.W.data[j * 2]! : 0;
    out[`${prefix}W1_${j + 1}2`] = here ? l1!.W.data[j * 2 + 1]! : 0;
    out[`${prefix}b1_${j + 1}`] = here ? l1!.b.data[j]! : 0;
    out[`${prefix}W2_${j + 1}`] = here ? l2!.W.data[j]! : 0;
  }
  return out;
}

/** ŷ, ŷ rounded, L and the first epoch learned of a run at its current epoch, with names prefixed. */
function runNumbers<P extends string>(prefix: P, c: XorConfig, run: XorSession) {
  const net = run.network();
  const p = xorPredictions(net);
  const L = lossOf(net, xorData.X, xorData.Y, c.loss);
  const n: Record<string, number> = {
    [`${prefix}epochNow`]: run.reached, [`${prefix}lossNow`]: L, [`${prefix}learnedAt`]: Math.max(0, run.learnedAt),
  };
  p.forEach((v, i) => { n[`${prefix}yHat${i + 1}`] = v; n[`${prefix}round${i + 1}`] = Math.round(v); });
  return { numbers: n, predictions: p, loss: L, learned: p.every((v, i) => Math.round(v) === [0, 1, 1, 0][i]) };
}

/** The XOR trainer: <bp-widget data-model="xor-trainer">, painted from compute() at every frame. */
export const xorTrainer = defineWidget({
  name: 'xor-trainer',
  schema,
  session: (v) => xorSession(configOf(v)),
  compute(v, run) {
    const c = configOf(v);
    run.to(Math.min(v.epoch, v.epochs));
    const now = runNumbers('', c, run);
    const history = run.history();
    const pin = v.pinned === 1 ? pinnedConfigOf(v) : null;
    const pinRun = pin ? pinnedRun(pin, v.pEpoch) : null;
    const pinNow = pin && pinRun ? runNumbers('p', pin, pinRun) : null;
    const pinHistory = pinRun ? pinRun.history() : new Float64Array(0);
    const f = lossFrame(Math.max(v.epochs, pin?.epochs ?? 0), [history, pinHistory], v.logScale);
    const initialLoss = lossOf(run.initial, xorData.X, xorData.Y, c.loss);
    const flags: Record<string, boolean> = {
      learned: now.learned, everLearned: run.learnedAt >= 0, neverLearned: run.learnedAt < 0,
      atStart: run.reached === 0, atEnd: run.reached >= v.epochs || run.status !== 'running',
      diverged: run.status === 'diverged', mini: v.batch === 'mini',
      pinned: pin !== null, pinLearned: pinNow?.learned ?? false, pinEverLearned: (pinRun?.learnedAt ?? -1) >= 0,
      pinNeverLearned: (pinRun?.learnedAt ?? 0) < 0,
      diffSeed: pin !== null && pin.seed !== c.seed, diffAlpha: pin !== null && pin.alpha !== c.alpha,
      diffEpochs: pin !== null && pin.epochs !== c.epochs, diffHidden: pin !== null && pin.hidden !== c.hidden,
      diffActivation: pin !== null && pin.activation !== c.activation, diffLoss: pin !== null && pin.loss !== c.loss,
      diffBatch: pin !== null && (pin.batch !== c.batch || (c.batch === 'mini' && pin.batchSize !== c.batchSize)),
    };
    for (let j = 1; j <= MAX_HIDDEN; j++) flags[`unit${j}`] = j <= v.hidden;
    for (let j = 1; j <= MAX_HIDDEN; j++) flags[`pUnit${j}`] = pin !== null && j <= pin.hidden;
    // Named by hidden unit and prefix (weightNumbers, runNumbers): a record of names, checked at build
    // time by named() and in the browser by the painter, as Network221's entries are.
    const numbers: Record<string, number> = {
        seed: v.seed, alpha: v.alpha, epochs: v.epochs, hidden: v.hidden, batchSize: v.batchSize,
        epoch: run.reached, loss0: initialLoss,
        ...now.numbers, ...weightNumbers('', run.network()),
        pSeed: pin?.seed ?? 0, pAlpha: pin?.alpha ?? 0, pEpochs: pin?.epochs ?? 0, pHidden: pin?.hidden ?? 0, pBatchSize: pin?.batchSize ?? 0,
        ...(pinNow?.numbers ?? runNumbers('p', c, run).numbers),
        lossDiff: now.loss - (pinNow?.loss ?? now.loss),
    };
    return {
      numbers,
      flags,
      text: {
        activationName: labelOf(ACTIVATIONS, c.activation), lossName: labelOf(LOSSES, c.loss), batchName: batchText(c),
        pActivationName: pin ? labelOf(ACTIVATIONS, pin.activation) : '', pLossName: pin ? labelOf(LOSSES, pin.loss) : '',
        pBatchName: pin ? batchText(pin) : '',
      },
      shapes: {
        'loss-plot': frameAttrs(f), 'loss-area': plotArea(f),
        'loss-line': { d: lossPath(f, history, v.logScale) },
        'pin-line': { d: lossPath(f, pinHistory, v.logScale) },
        'loss-now': lastPoint(f, history, v.logScale),
      },
      markup: { lossAxes: lossAxes(f, v.logScale) },
      canvas: { boundary: boundaryImage(run.network()) },
    };
  },
  actions: {
    step: (v, run) => trainTo(v, run, v.epoch + 1),
    step100: (v, run) => trainTo(v, run, v.epoch + 100),
    restart: (v) => ({ ...v, epoch: 0 }),
    // Pin the run as it stands, and start this one again from epoch 0, to change one thing and compare.
    pin: (v, run) => ({
      ...v, pinned: 1, pSeed: v.seed, pAlpha: Math.min(Math.max(Math.round(v.alpha * ALPHA_UNITS), 1_000), 100 * ALPHA_UNITS), pEpochs: v.epochs,
      pHidden: v.hidden, pAct: ACTIVATIONS.findIndex((o) => o.value === v.activation), pLoss: LOSSES.findIndex((o) => o.value === v.loss),
      pBatch: BATCHES.findIndex((o) => o.value === v.batch), pSize: v.batchSize, pEpoch: run.reached, epoch: 0,
    }),
    unpin: (v) => ({ ...v, pinned: 0 }),
  },
  // The epochs trained belong to the old inputs: a new input starts again from epoch 0 (the axis is only a view).
  onInput: (next, _previous, key) => (key === 'logScale' ? next : { ...next, epoch: 0 }),
  play: { action: 'step100', perSecond: 100, done: (v, run) => v.epoch >= v.epochs || run.status !== 'running' },
  // Export: the run's current weights (after the epochs trained) on the four XOR samples, and one
  // full-batch step from there.
  vectors: (v, run) => {
    run.to(Math.min(v.epoch, v.epochs));
    const net = run.network();
    const c = configOf(v);
    const shown: Record<string, string> = { lossNow: P.loss, alpha: 'conventions.learningRate' };
    for (let n = 0; n < 4; n++) shown[`yHat${n + 1}`] = P.a(1, 0, n);
    for (let j = 0; j < v.hidden; j++) {
      Object.assign(shown, {
        [`W1_${j + 1}1`]: P.W(0, j, 0), [`W1_${j + 1}2`]: P.W(0, j, 1), [`b1_${j + 1}`]: P.b(0, j), [`W2_${j + 1}`]: P.W(1, 0, j),
      });
    }
    shown['b2'] = P.b(1);
    const notes = [`The weights after ${run.reached} epochs of training from seed ${v.seed}; the update is one more step on the whole batch of four samples.`];
    if (c.batch !== 'full') notes.push('The trainer updates on shuffled mini-batches (or one sample at a time): its own next update uses only its next batch, which this file does not reproduce. The update here is the full-batch step.');
    return {
      example: `training XOR: a 2-${v.hidden}-1 network (${c.activation} hidden units, a sigmoid output) on the four XOR samples`,
      layers: net.layers.map((l) => ({ W: toRows(l.W), b: toRows(l.b), activation: l.activation.name })),
      X: toRows(xorData.X), Y: toRows(xorData.Y), loss: c.loss, alpha: v.alpha, shown, notes,
    };
  },
  announce: (_action, r) => `Epoch ${r.numbers["epoch"]}: loss ${fmt(r.numbers["lossNow"]!)}, predictions ${[1, 2, 3, 4].map((i) => fmt(r.numbers[`yHat${i}`]!)).join(', ')}.`,
});

function batchText(c: XorConfig): string {
  return c.batch === 'mini' ? `mini-batches of ${c.batchSize}` : labelOf(BATCHES, c.batch);
}
