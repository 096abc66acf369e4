// layout.ts — where the hidden-delta diagram draws things: the two neurons, the forward labels, the
// four backward "pills" and the factors between them, in SVG units (the SVG scales to its box). PURE
// view geometry, no numbers: model.ts computes what the shapes show, Diagram.astro draws them.
// Two layouts of the same drawing: "wide" (left to right, as the book writes the chain) and "tall"
// (top to bottom, for phones, where seven columns of numbers would not fit side by side).
// (The layouts are placed by hand rather than by src/kit/network-layout.ts: the drawing is a chain of
// labelled quantities, not a grid of units, and the two readings, across and down, differ.)

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

/** The four backward quantities, by their engine names. */
export type BackName = (typeof backward)[number]['name'];
/** The three factors between them. */
export type FactorName = (typeof factors)[number]['name'];

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

