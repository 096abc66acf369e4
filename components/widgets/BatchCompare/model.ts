// model.ts — the batch-compare widget without the DOM: one network, one seeded start, trained three
// ways side by side — full batch, mini-batches of B, per-sample SGD — with their loss against epochs
// and against parameter updates, Step / 100 epochs / Start over / Play on the epoch count, and the cost
// of an epoch measured on request. The runs are the session (runs.ts), advanced by the Step action, so
// the Player's frame budget bounds the training done in a frame.
// Used at build time (BatchCompare.astro, the chapter) and in the browser (<bp-widget>).
// Unit-tested in tests/unit/widgets/batch-compare.test.ts against tests/fixtures/oracle-mini-batches.ts.
//
//   inputs (data, seed, α, B, convention, epochs) ──session──▶ three runs (new when an input changes)
//   epoch e ──compute──▶ the three runs at e: losses, updates, both plots, the α of the other convention
//     ▲
//     └── Step (+1), 100 epochs (+100), Play (+1 at a time, 60 a second at ×1), Start over (→ 0); all stop at `epochs`
import { nice } from 'd3-array';
import { gradientSpread, miniBatchData, miniBatchDefaults as d, modes, type MiniBatchSettings, type Mode } from '../../../src/engine/examples/mini-batch.ts';
import { fmt } from '../../../src/format/number.ts';
import { logX, logXTicksSvg } from '../../../src/kit/log-axis.ts';
import { choice, int, num, seed, state, type Values } from '../../../src/kit/params.ts';
import { axesSvg, downsample, frame, frameAttrs, linePath, plotArea, dot, type Frame, type Point } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { createRuns, type Cost, type RunView, type Runs } from './runs.ts';

/** The longest run the widget trains (epochs). */
export const MAX_EPOCHS = 5000;
/** The epoch the widget opens at: far enough for the three curves to have parted. */
export const FIRST_EPOCH = 300;
/** The batch size a data set starts with when the reader picks it. */
export const BATCH_OF = { xor: d.batchSize, blobs: 10 } as const;

const schema = {
  dataset: choice(d.dataset, [{ value: 'xor', label: 'XOR, 4 samples' }, { value: 'blobs', label: 'Blobs, 100 samples' }], { label: 'Data', control: 'select' }),
  seed: seed(d.seed, { label: 'Seed (starting weights and shuffles)' }),
  alpha: num(d.alpha, { min: 0.001, max: 10, scale: 'log', label: 'Learning rate', symbol: 'α' }),
  batchSize: int(d.batchSize, { min: 1, max: 100, label: 'Mini-batch size', symbol: 'B' }),
  convention: choice(d.convention, [{ value: 'sum', label: 'Sum over the batch' }, { value: 'mean', label: 'Mean over the batch' }], { label: 'Loss of a batch', control: 'select' }),
  epochs: int(d.epochs, { min: 10, max: MAX_EPOCHS, label: 'Epochs to train' }),
  /** Epochs trained so far: no control, kept in the URL. */
  epoch: state(FIRST_EPOCH, { min: 0, max: MAX_EPOCHS, label: 'Epochs trained' }),
};

export type BatchCompareValues = Values<typeof schema>;

/** The engine's settings for the widget's values. */
export function settingsOf(v: BatchCompareValues): MiniBatchSettings {
  return { dataset: v.dataset, seed: v.seed, alpha: v.alpha, batchSize: v.batchSize, convention: v.convention, epochs: v.epochs };
}

/** Moves the epoch count by n within 0 … epochs; the runs catch up at once (within the Player's budget when playing). */
const epochBy = (n: number) => (v: BatchCompareValues, run: Runs): BatchCompareValues => {
  const epoch = Math.max(0, Math.min(v.epoch + n, v.epochs));
  run.at(epoch);
  return { ...v, epoch };
};

/** The reader's clock for a measurement (performance.now where there is one: every browser, Node). */
const clock = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

export const batchCompare = defineWidget({
  name: 'batch-compare',
  schema,
  session: (v) => createRuns(settingsOf(v)),
  compute(v, run) {
    const epoch = Math.min(v.epoch, v.epochs);
    const r = run.at(epoch);
    const N = run.samples;
    const data = miniBatchData(v.dataset);
    const per = <P extends string>(name: P, f: (x: RunView) => number) =>
      Object.fromEntries(modes.map((m) => [`${name}${cap(m)}`, f(r[m])])) as Record<`${P}${'Full' | 'Mini' | 'Sgd'}`, number>;
    // The α the other convention needs for the same steps: mean = sum/B, so α_mean = α·B (and α_sum = α/B).
    const other = (x: RunView) => (v.convention === 'sum' ? v.alpha * x.batch : v.alpha / x.batch);
    return {
      numbers: {
        epoch, epochs: v.epochs, alpha: v.alpha, samples: N, lossStart: run.initialLoss,
        ...per('batch', (x) => x.batch),
        ...per('updates', (x) => x.updatesPerEpoch),
        ...per('updatesDone', (x) => x.epoch * x.updatesPerEpoch),
        ...per('loss', (x) => x.loss),
        ...per('epochDone', (x) => x.epoch),
        ...per('alphaOther', other),
        // How far a batch gradient of this run's size scatters around the full one, at its weights now,
        // in lengths of the full gradient: √E‖ĝ − ḡ‖² / ‖ḡ‖ (0 for the full batch: it is the full gradient).
        ...per('noise', (x) => gradientSpread(x.network, data, x.batch).relativeSpread),
      },
      flags: {
        sum: v.convention === 'sum',
        mean: v.convention === 'mean',
        miniIsFull: v.batchSize >= N,
        divides: N % Math.min(v.batchSize, N) === 0,
        started: epoch > 0,
        done: epoch >= v.epochs,
        diverged: modes.some((m) => r[m].status === 'diverged'),
        measured: run.cost !== null,
        divergedFull: r.full.status === 'diverged', divergedMini: r.mini.status === 'diverged', divergedSgd: r.sgd.status === 'diverged',
      },
      text: { ...costText(run.cost), setting: settingText(v) },
      ...plots(r, run.initialLoss, v.epochs, N),
    };
  },
  actions: {
    step: epochBy(1),
    step100: epochBy(100),
    restart: (v, run) => { run.at(0); return { ...v, epoch: 0 }; },
    // Times the three runs on fresh copies (in the reader's browser: a measurement, never a promise).
    measure: (v, run) => { run.measure(clock); return v; },
  },
  // A new data set brings its own batch size; an epoch count beyond the new length is cut to it.
  onInput: (next, _previous, key) => {
    const batchSize = key === 'dataset' ? BATCH_OF[next.dataset] : next.batchSize;
    return { ...next, batchSize, epoch: Math.min(next.epoch, next.epochs) };
  },
  play: { action: 'step', perSecond: 60, done: (v) => v.epoch >= v.epochs },
  announce: (action, r) => action === 'measure'
    ? 'Measured: see the cost per epoch in the table.'
    : `${r.numbers.epoch} epochs trained. Loss: full batch ${fmt(r.numbers.lossFull)}, mini-batch ${fmt(r.numbers.lossMini)}, per-sample ${fmt(r.numbers.lossSgd)}.`,
});

function cap(m: Mode): 'Full' | 'Mini' | 'Sgd' {
  return m === 'full' ? 'Full' : m === 'mini' ? 'Mini' : 'Sgd';
}

/** The data set and the convention in words: the selects' values, for print and for a glance. */
function settingText(v: BatchCompareValues): string {
  const data = schema.dataset.options.find((o) => o.value === v.dataset)!.label;
  return `${data}; the loss ${v.convention === 'sum' ? 'summed' : 'averaged'} over each batch.`;
}

/** The measured costs as text (never marked numbers: they are the reader's machine's, not the book's). */
function costText(cost: Readonly<Record<Mode, Cost>> | null): Record<'costFull' | 'costMini' | 'costSgd', string> {
  const one = (c: Cost | undefined) => (c ? `${fmt(c.msPerEpoch, { digits: 2 })} ms` : '—');
  return { costFull: one(cost?.full), costMini: one(cost?.mini), costSgd: one(cost?.sgd) };
}

// --- the plots ----------------------------------------------------------------------------------------

const PLOT = { width: 420, height: 210, margin: { top: 20, right: 14, bottom: 34, left: 50 } };
/** A run's line goes through at most this many points (about one per unit of the plot's width). */
const MAX_POINTS = 400;

/** Loss against epochs: x 0 … epochs, y from 0 to a round number above the largest loss shown. */
export function epochFrame(epochs: number, top: number): Frame {
  return frame({ ...PLOT, x: [0, epochs], y: [0, top > 0 ? nice(0, top * 1.05, 4)[1] : 1] });
}

/** Loss against updates, x on a log scale: log₁₀ 1 … log₁₀(epochs·N), the per-sample run's last update. */
export function updateFrame(epochs: number, samples: number, top: number): Frame {
  return frame({ ...PLOT, x: [0, Math.log10(epochs * samples)], y: epochFrame(epochs, top).y });
}

/** (epoch number, loss) for epochs 1 … e: history[j] was measured during epoch j + 1. */
function epochPoints(x: RunView): Point[] {
  return downsample(x.history, x.history.length, MAX_POINTS).map(([j, L]) => [j + 1, L] as const);
}

/** (updates made by the end of the epoch, loss), before the move to log₁₀. */
function updatePoints(x: RunView): Point[] {
  return epochPoints(x).map(([e, L]) => [e * x.updatesPerEpoch, L] as const);
}

function plots(r: Readonly<Record<Mode, RunView>>, start: number, epochs: number, samples: number) {
  const top = Math.max(start, ...modes.flatMap((m) => [r[m].loss, ...maxOf(r[m].history)]));
  const ef = epochFrame(epochs, top), uf = updateFrame(epochs, samples, top);
  const line = (f: Frame, pts: Point[]) => ({ d: linePath(f, pts) });
  return {
    shapes: {
      'epoch-plot': frameAttrs(ef), 'update-plot': frameAttrs(uf), 'plot-area': plotArea(ef),
      'epoch-full': line(ef, epochPoints(r.full)), 'epoch-mini': line(ef, epochPoints(r.mini)), 'epoch-sgd': line(ef, epochPoints(r.sgd)),
      'update-full': line(uf, logX(updatePoints(r.full))), 'update-mini': line(uf, logX(updatePoints(r.mini))), 'update-sgd': line(uf, logX(updatePoints(r.sgd))),
      // The loss at the start, at epoch 0 (the same for the three runs).
      'epoch-start': dot(ef, 0, start),
    },
    markup: {
      epochAxes: axesSvg(ef, { xLabel: 'epochs', yLabel: 'loss L (during the epoch)', yTicks: 4 }),
      updateAxes: axesSvg(uf, { xLabel: 'parameter updates (log scale)', yLabel: 'loss L', xTicks: 0, yTicks: 4 }) + logXTicksSvg(uf),
    },
  };
}

/** The largest entry of a history, as a list of at most one number (none for an empty history). */
function maxOf(h: Float64Array): number[] {
  let m = -Infinity;
  for (const x of h) if (x > m) m = x;
  return h.length > 0 ? [m] : [];
}
