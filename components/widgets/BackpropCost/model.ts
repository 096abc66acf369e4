// model.ts — what a gradient costs, for a dense network whose sizes the reader picks, without the DOM:
// every layer's W⁽ˡ⁾ and δ⁽ˡ⁾ shapes and multiply-adds, the totals of a forward pass, of backpropagation
// and of central differences, and (after "Measure on this machine") the three timed in this browser.
// Used at build time (BackpropCost.astro: the first frame; the chapter: its numbers) and in the browser
// (painted by <bp-widget>). Unit-tested in tests/unit/widgets/backprop-cost.test.ts.
//
//   sizes, N ──session──▶ { measured: null } (a new one when a size changes: no timing carried over)
//   Measure ──▶ the engine's measureCosts with this browser's clock, stored in the session ──▶ text
//   compute ──▶ the counts (deterministic: numbers) and the timings if measured (this machine: text)
import { backpropCost, measureCosts, type MeasuredCosts } from '../../../src/engine/examples/backprop-cost.ts';
import { markHtml, named } from '../../../src/format/names.ts';
import { fmt } from '../../../src/format/number.ts';
import { int, type Values } from '../../../src/kit/params.ts';
import { defineWidget } from '../../../src/kit/widget.ts';

const schema = {
  inputs: int(64, { min: 1, max: 256, label: 'Inputs', symbol: 'n₀' }),
  hidden: int(2, { min: 0, max: 4, label: 'Hidden layers' }),
  width: int(32, { min: 1, max: 128, label: 'Units per hidden layer' }),
  outputs: int(10, { min: 1, max: 32, label: 'Outputs' }),
  samples: int(1, { min: 1, max: 64, label: 'Samples per batch', symbol: 'N' }),
};

export type BackpropCostValues = Values<typeof schema>;

/** The layer sizes, inputs first: n₀, then `hidden` layers of `width`, then the outputs. */
export function sizesOf(v: BackpropCostValues): number[] {
  return [v.inputs, ...Array.from({ length: v.hidden }, () => v.width), v.outputs];
}

/** The session: a measurement, once the reader asks for one, for these sizes only. */
export interface Measurement { measured: MeasuredCosts | null }

/** The page's clock, read through globalThis so that this file needs no DOM types (Node has it too). */
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

/** How long the timing may take, in ms, per part (see measureCosts). */
export const BUDGET_MS = 300;

/** A duration as the book writes it: µs below a millisecond, ms below a second, else s. */
export function duration(ms: number): string {
  if (ms < 1) return `${fmt(ms * 1000, { digits: 3 })} µs`;
  if (ms < 1000) return `${fmt(ms, { digits: 3 })} ms`;
  return `${fmt(ms / 1000, { digits: 3 })} s`;
}

/** The per-layer rows, as markup with marked numbers (their count depends on the number of layers). */
function layerRows(cost: ReturnType<typeof backpropCost>, numbers: Readonly<Record<string, number>>): string {
  const N = named(numbers);
  const m = (name: string) => markHtml(N(name));
  return cost.layers.map((c) => {
    const l = c.layer;
    return `<tr><th scope="row">${l}</th><td>${m(`layer${l}-out`)} × ${m(`layer${l}-in`)}</td><td>${m(`layer${l}-out`)} × ${m('samples')}</td>`
      + `<td>${m(`layer${l}-forward`)}</td><td>${m(`layer${l}-backward`)}</td></tr>`;
  }).join('');
}

type LayerKey = `layer${number}-${'in' | 'out' | 'forward' | 'backward'}`;

export const backpropCostModel = defineWidget({
  name: 'backprop-cost',
  schema,
  session: (): Measurement => ({ measured: null }),
  compute(v, run) {
    const cost = backpropCost(sizesOf(v), v.samples);
    const perLayer: Record<string, number> = {};
    for (const c of cost.layers) {
      Object.assign(perLayer, { [`layer${c.layer}-in`]: c.unitsIn, [`layer${c.layer}-out`]: c.unitsOut, [`layer${c.layer}-forward`]: c.forward, [`layer${c.layer}-backward`]: c.deltaBack + c.weightGradient });
    }
    const numbers = {
      inputs: v.inputs, hidden: v.hidden, width: v.width, outputs: v.outputs, samples: v.samples,
      layers: cost.layers.length,
      parameters: cost.parameters, forward: cost.forward, backward: cost.backward, backprop: cost.backprop,
      backwardRatio: cost.backward / cost.forward, backpropRatio: cost.backprop / cost.forward,
      fdPasses: cost.finiteDifferencePasses, fd: cost.finiteDifference, fdRatio: cost.finiteDifference / cost.backprop,
      ...(perLayer as Record<LayerKey, number>),
    };
    const m = run.measured;
    return {
      numbers,
      flags: { measured: m !== null, estimated: m !== null && m.timed < m.parameters, noHidden: v.hidden === 0 },
      markup: { layers: layerRows(cost, numbers) },
      text: {
        forwardTime: m ? duration(m.forwardMs) : '',
        backpropTime: m ? duration(m.backpropMs) : '',
        backpropTimes: m ? fmt(m.backpropMs / m.forwardMs, { digits: 2 }) : '',
        fdTime: m ? duration(m.finiteDifferenceMs) : '',
        fdTimes: m ? fmt(m.finiteDifferenceMs / m.backpropMs, { digits: 2 }) : '',
        timed: m ? fmt(m.timed) : '',
        agreement: m ? fmt(m.maxRelativeDifference, { digits: 2 }) : '',
      },
    };
  },
  actions: {
    // Not a pure transition: it times the engine with this page's clock and keeps the result in the
    // session, which belongs to these sizes (a new size, a new session, no old timing shown).
    measure: (v, run) => {
      run.measured = measureCosts(sizesOf(v), v.samples, now, BUDGET_MS);
      return v;
    },
  },
  announce: (_action, r) => (r.flags.measured
    ? `Measured: backpropagation ${r.text.backpropTime}, finite differences ${r.text.fdTime}, ${r.text.fdTimes} times as long.`
    : ''),
});
