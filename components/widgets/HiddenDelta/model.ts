// model.ts — the hidden-delta widget without the DOM: parameters, every number of the two-neuron
// derivation, and the few diagram shapes that move (the bars that show how big each error signal is).
// Used at build time (HiddenDelta.astro) and in the browser (hidden-delta.ts).
import { twoNeuronDefaults, twoNeurons } from '../../../src/engine/examples/two-neurons.ts';
import { fmt } from '../../../src/format/number.ts';
import { num, type Values } from '../../../src/state/params.ts';

const d = twoNeuronDefaults;

export const schema = {
  x: num(d.x, { min: -5, max: 5, step: 0.01, name: 'the input x' }),
  w1: num(d.w1, { min: -5, max: 5, step: 0.01, name: 'the weight w⁽¹⁾' }),
  b1: num(d.b1, { min: -5, max: 5, step: 0.01, name: 'the bias b⁽¹⁾' }),
  w2: num(d.w2, { min: -5, max: 5, step: 0.01, name: 'the weight w⁽²⁾' }),
  b2: num(d.b2, { min: -5, max: 5, step: 0.01, name: 'the bias b⁽²⁾' }),
  // A sigmoid output lives in (0, 1): targets outside it can be typed, to show that they are never reached.
  y: num(d.y, { min: -2, max: 3, step: 0.01, name: 'the target y' }),
};

export type HiddenDeltaValues = Values<typeof schema>;

export function compute(v: HiddenDeltaValues) {
  // Forward and backward pass by the engine's dense network (α plays no part in the gradients).
  const r = twoNeurons({ ...d, ...v });
  // The one product the engine does not report on its own: the error that reaches a⁽¹⁾,
  // ∂L/∂a⁽¹⁾ = δ⁽²⁾·w⁽²⁾, the third factor of the chain applied to the first two.
  const dLda1 = r.delta2 * v.w2;
  const numbers = {
    x: v.x, w1: v.w1, b1: v.b1, w2: v.w2, b2: v.b2, y: v.y,
    z1: r.z1, a1: r.a1, z2: r.z2, a2: r.a2, loss: r.loss,
    oneMinusA1: 1 - r.a1, oneMinusA2: 1 - r.a2,
    dLda2: r.dLda2, dadz2: r.dadz2, delta2: r.delta2,
    dLda1, dadz1: r.dadz1, delta1: r.delta1,
    dLdw2: r.dLdw2, dLdb2: r.dLdb2, dLdw1: r.dLdw1, dLdb1: r.dLdb1,
    // How much one step back scales the delta: δ⁽¹⁾ = δ⁽²⁾ · (w⁽²⁾σ′(z⁽¹⁾)).
    shrink: v.w2 * r.dadz1,
  };
  const shapes = {
    ...bars([r.dLda2, r.delta2, dLda1, r.delta1]),
    ...fit(numbers, ['dLda2', 'delta2', 'dLda1', 'delta1', 'dadz2', 'w2', 'dadz1']),
  };
  return { numbers, shapes };
}

// --- the diagram's geometry (SVG units; the SVG scales to its box) ------------------------------
// Two layouts of the same drawing: "wide" (left to right, as the book writes the chain) and "tall"
// (top to bottom, for phones, where seven columns of numbers would not fit side by side).

export interface Spot { readonly x: number; readonly y: number; readonly anchor?: 'start' | 'middle' | 'end' }
export interface Layout {
  readonly name: 'wide' | 'tall';
  readonly width: number;
  readonly height: number;
  readonly captions: { readonly forward: Spot & { text: string }; readonly backward: Spot & { text: string } };
  /** Centres of the input, the two neurons and the loss box. */
  readonly nodes: { readonly x: Spot; readonly n1: Spot; readonly n2: Spot; readonly loss: Spot };
  /** Forward arrows: input → neuron 1 → neuron 2 → loss. */
  readonly edges: readonly { x1: number; y1: number; x2: number; y2: number }[];
  /** Forward quantities: the name, with the value on the line below. */
  readonly labels: Readonly<Record<'x' | 'z1' | 'a1' | 'z2' | 'a2' | 'loss', Spot>>;
  /** The parameters written beside the drawing: "w⁽¹⁾ = 0.3". */
  readonly params: Readonly<Record<'w1' | 'w2' | 'b1' | 'b2' | 'y', Spot>>;
  /** Centres of the four backward pills. */
  readonly pills: Readonly<Record<BackName, Spot>>;
  /** Where each factor's name (value below it) sits, between the pills it connects. */
  readonly factors: readonly Spot[];
  /** Which way the backward arrows run between pills. */
  readonly backDirection: 'left' | 'up';
}

type BackName = 'dLda2' | 'delta2' | 'dLda1' | 'delta1';

export const nodeRadius = 20;
export const inputRadius = 12;
export const pill = { width: 72, height: 46 };
export const barGeometry = { width: pill.width - 14, height: 4 };

const wide: Layout = (() => {
  const c = { x: 20, n1: 128, e2: 216, n2: 304, e3: 376, loss: 436, back: 392 };
  const row = { name: 46, node: 102, bias: 142, pill: 222, factor: 272 };
  return {
    name: 'wide', width: 460, height: 300,
    captions: {
      forward: { x: 2, y: 16, anchor: 'start', text: 'Forward: values flow right →' },
      backward: { x: 2, y: 180, anchor: 'start', text: 'Backward: the error flows left ←, one factor at a time' },
    },
    nodes: { x: { x: c.x, y: row.node }, n1: { x: c.n1, y: row.node }, n2: { x: c.n2, y: row.node }, loss: { x: c.loss, y: row.node } },
    edges: [
      { x1: c.x + inputRadius, y1: row.node, x2: c.n1 - nodeRadius - 2, y2: row.node },
      { x1: c.n1 + nodeRadius, y1: row.node, x2: c.n2 - nodeRadius - 2, y2: row.node },
      { x1: c.n2 + nodeRadius, y1: row.node, x2: c.loss - 18, y2: row.node },
    ],
    labels: {
      x: { x: c.x, y: row.name }, z1: { x: c.n1, y: row.name }, a1: { x: c.e2, y: row.name },
      z2: { x: c.n2, y: row.name }, a2: { x: c.e3, y: row.name }, loss: { x: c.loss, y: row.name },
    },
    params: {
      w1: { x: (c.x + c.n1) / 2 + 4, y: row.node - 8 }, w2: { x: c.e2, y: row.node - 8 },
      b1: { x: c.n1, y: row.bias }, b2: { x: c.n2, y: row.bias }, y: { x: c.loss, y: row.bias },
    },
    pills: {
      dLda2: { x: c.back, y: row.pill }, delta2: { x: c.n2, y: row.pill },
      dLda1: { x: c.e2, y: row.pill }, delta1: { x: c.n1, y: row.pill },
    },
    factors: [{ x: (c.back + c.n2) / 2, y: row.factor }, { x: (c.n2 + c.e2) / 2, y: row.factor }, { x: (c.e2 + c.n1) / 2, y: row.factor }],
    backDirection: 'left',
  };
})();

const tall: Layout = (() => {
  const cx = { labels: 84, node: 112, params: 122, pill: 226, factor: 306 };
  const r = { x: 50, e1: 92, n1: 134, e2: 194, n2: 254, e3: 314, loss: 364 };
  return {
    name: 'tall', width: 344, height: 410,
    captions: {
      forward: { x: 2, y: 14, anchor: 'start', text: 'Forward ↓' },
      backward: { x: cx.pill, y: 14, anchor: 'middle', text: 'Backward ↑' },
    },
    nodes: { x: { x: cx.node, y: r.x }, n1: { x: cx.node, y: r.n1 }, n2: { x: cx.node, y: r.n2 }, loss: { x: cx.node, y: r.loss } },
    edges: [
      { x1: cx.node, y1: r.x + inputRadius, x2: cx.node, y2: r.n1 - nodeRadius - 2 },
      { x1: cx.node, y1: r.n1 + nodeRadius, x2: cx.node, y2: r.n2 - nodeRadius - 2 },
      { x1: cx.node, y1: r.n2 + nodeRadius, x2: cx.node, y2: r.loss - 17 },
    ],
    labels: {
      x: { x: cx.labels, y: r.x - 4, anchor: 'end' }, z1: { x: cx.labels, y: r.n1 - 4, anchor: 'end' },
      a1: { x: cx.labels, y: r.e2 - 4, anchor: 'end' }, z2: { x: cx.labels, y: r.n2 - 4, anchor: 'end' },
      a2: { x: cx.labels, y: r.e3 - 4, anchor: 'end' }, loss: { x: cx.labels, y: r.loss - 4, anchor: 'end' },
    },
    params: {
      w1: { x: cx.params, y: r.e1 + 4, anchor: 'start' }, w2: { x: cx.params, y: r.e2 + 4, anchor: 'start' },
      b1: { x: cx.labels, y: r.n1 + 32, anchor: 'end' }, b2: { x: cx.labels, y: r.n2 + 32, anchor: 'end' },
      y: { x: cx.node, y: r.loss + 34 },
    },
    pills: {
      dLda2: { x: cx.pill, y: r.e3 }, delta2: { x: cx.pill, y: r.n2 },
      dLda1: { x: cx.pill, y: r.e2 }, delta1: { x: cx.pill, y: r.n1 },
    },
    factors: [{ x: cx.factor, y: (r.e3 + r.n2) / 2 - 4 }, { x: cx.factor, y: (r.n2 + r.e2) / 2 - 4 }, { x: cx.factor, y: (r.e2 + r.n1) / 2 - 4 }],
    backDirection: 'up',
  };
})();

export const layouts = { wide, tall } as const;

/** The backward quantities in the order the error meets them. */
export const backward = [
  { name: 'dLda2', label: '∂L/∂a⁽²⁾' },
  { name: 'delta2', label: 'δ⁽²⁾' },
  { name: 'dLda1', label: '∂L/∂a⁽¹⁾' },
  { name: 'delta1', label: 'δ⁽¹⁾' },
] as const;

/** The factor that turns each backward quantity into the next one (drawn between their pills). */
export const factors = [
  { name: 'dadz2', label: '× σ′(z⁽²⁾)' },
  { name: 'w2', label: '× w⁽²⁾' },
  { name: 'dadz1', label: '× σ′(z⁽¹⁾)' },
] as const;

/** The largest font size (SVG units) of a number in a pill or under a factor, and the width it must fit. */
export const valueFont = { size: 12.5, room: pill.width - 6 };

/**
 * Long numbers (5.124×10⁻¹³) are drawn smaller so that they stay inside their pill: a font size per
 * number, from its printed length (a digit is about 0.6 em wide in the diagram's sans-serif font).
 */
function fit(numbers: Readonly<Record<string, number>>, names: readonly string[]) {
  const out: Record<string, { style: string }> = {};
  for (const name of names) {
    const size = Math.min(valueFont.size, valueFont.room / (0.6 * fmt(numbers[name]!).length));
    out[`fit-${name}`] = { style: `font-size: ${Math.round(size * 10) / 10}px` };
  }
  return out;
}

/**
 * A bar under each backward value, as long as |value| relative to the largest of the four, so the
 * shrinking (or growing) of the error on its way back can be seen at a glance.
 */
function bars(values: readonly number[]) {
  const largest = Math.max(...values.map(Math.abs));
  const out: Record<string, { width: number }> = {};
  backward.forEach((q, i) => {
    const share = largest > 0 ? Math.abs(values[i]!) / largest : 0;
    // At least a sliver, so a tiny but non-zero error is still drawn.
    const width = share > 0 ? Math.max(share * barGeometry.width, 1) : 0;
    out[`bar-${q.name}`] = { width: Math.round(width * 100) / 100 };
  });
  return out;
}
