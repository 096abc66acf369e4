// model.ts — the chain-rule widget without the DOM: the numbers of the one-neuron graph at each step of
// the walk (walk.ts), and the walk's buttons as pure actions. Used at build time (ChainRule.astro: the
// first frame, the chapter's preset link) and in the browser (painted by <bp-widget>); the picture and
// the narration are markup from view.ts. Unit-tested in tests/unit/widgets/chain-rule.test.ts.
import { oneNeuron, oneNeuronDefaults as d } from '../../../src/engine/examples/one-neuron.ts';
import { named } from '../../../src/format/names.ts';
import { num, state, type Values } from '../../../src/kit/params.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { graphSvg, graphSummaryHtml, narrationHtml, plainText } from './view.ts';
import { stateAt, TOTAL_STEPS, walkOf, type Walk } from './walk.ts';

export { GRAPH_ROWS, stateAt, TOTAL_STEPS, walkOf, type DrawnEdge, type DrawnNode, type StepState, type Walk } from './walk.ts';

/**
 * The numbers the widget marks: v-<node> (value), g-<node> (∂L/∂node), l-<parent>-<child> (the local
 * derivative ∂parent/∂child), c-<parent>-<child> (local × upstream), and the product's factors.
 */
export type ChainNumbers = Readonly<Record<string, number>> & {
  readonly x: number; readonly dLda: number; readonly dadz: number; readonly dLdw: number; readonly dLdb: number;
};

/** Every number the widget can mark, by name: the graph's, and the factors of ∂L/∂w by the dense engine. */
export function numbersOf(walk: Walk, p: { x: number; w: number; b: number; y: number }): ChainNumbers {
  const out: Record<string, number> = {};
  for (const n of walk.nodes) { out[`v-${n.key}`] = n.value; out[`g-${n.key}`] = n.grad; }
  for (const e of walk.edges) { out[`l-${e.parent}-${e.child}`] = e.local; out[`c-${e.parent}-${e.child}`] = e.contribution; }
  // The three factors of ∂L/∂w, by the dense engine, for the summary beside the graph.
  const r = oneNeuron({ ...d, ...p });
  return { ...out, x: p.x, dLda: r.dLda, dadz: r.dadz, dLdw: r.dLdw, dLdb: r.dLdb };
}

const schema = {
  x: num(d.x, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
  w: num(d.w, { min: -10, max: 10, label: 'Weight', symbol: 'w' }),
  b: num(d.b, { min: -5, max: 5, label: 'Bias', symbol: 'b' }),
  y: num(d.y, { min: -2, max: 3, label: 'Target', symbol: 'y' }),
  /** Where the walk stands: 0 = only the inputs known, TOTAL_STEPS = both passes done (the default). */
  step: state(TOTAL_STEPS, { min: 0, max: TOTAL_STEPS, label: 'Step' }),
};

export type ChainValues = Values<typeof schema>;

/** The walk's step moved by `by`, kept within 0 … TOTAL_STEPS. */
const stepBy = (v: ChainValues, by: number): ChainValues => ({ ...v, step: Math.min(TOTAL_STEPS, Math.max(0, v.step + by)) });

export const chainRule = defineWidget({
  name: 'chain-rule',
  schema,
  actions: {
    start: (v) => ({ ...v, step: 0 }),
    back: (v) => stepBy(v, -1),
    forward: (v) => stepBy(v, 1),
  },
  compute(v) {
    const p = { x: v.x, w: v.w, b: v.b, y: v.y };
    const walk = walkOf(p);
    const s = stateAt(walk, v.step);
    const numbers = numbersOf(walk, p);
    const N = named(numbers);
    return {
      numbers,
      flags: { atStart: v.step === 0, atEnd: v.step === TOTAL_STEPS },
      markup: { graph: graphSvg(walk, s, N), narration: narrationHtml(walk, s, N), summary: graphSummaryHtml(walk, s, N) },
      text: { stepCount: `Step ${v.step} of ${TOTAL_STEPS}` },
    };
  },
  // After a button, screen readers hear where the walk stands and what happened (the narration's words).
  announce: (_action, r) => `${r.text.stepCount}. ${plainText(r.markup.narration)}`,
});
