// layout.ts — where the diagram of two neurons in parallel draws things, in SVG units (the SVG scales
// to its box). PURE view geometry, no numbers: model.ts computes what is shown, Diagram.astro draws it.
//
// The units are placed by src/kit/network-layout.ts from (layer, unit) for the sizes 1-2-1-1 (the loss
// drawn as a fourth layer of one), and read with the axes swapped, so that the layers run down the page:
// input at the top, loss at the bottom, the two hidden units side by side. Down is the one reading that
// fits a phone: the hidden layer needs its width for two cards side by side, not for four columns.
// Each unit is a card listing its forward values (blue), then its backward values (orange); an edge
// runs from card to card, labelled with its weight. The input's card is where the two paths meet:
// what each brings back, and their sum ∂L/∂x.
import { networkLayout, type EdgeSpot, type NodeSpot } from '../../../src/kit/network-layout.ts';

/** A line of a card or an edge label: the book's symbol and the name of the number shown beside it. */
export interface Line {
  readonly label: string;
  readonly name: string;
  readonly kind: 'forward' | 'backward' | 'param';
}

export interface Rect { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
export interface Point { readonly x: number; readonly y: number }

export interface Card {
  /** The unit's (layer, unit), as networkLayout numbers them; layer 3 is the loss. */
  readonly layer: number;
  readonly unit: number;
  /** What the unit is: "x", "σ", "L" (drawn at the card's top-left corner). */
  readonly mark: string;
  readonly box: Rect;
  /** Forward lines first, then a rule, then the backward lines. */
  readonly forward: readonly Line[];
  readonly backward: readonly Line[];
  /** The y of each line's baseline, forward then backward, and of the rule between them. */
  readonly baselines: readonly number[];
  readonly rule: number;
}

/** A connection of the kit's layout (x1, y1 → x2, y2 from card edge to card edge), with what this diagram draws on it. */
export interface Edge extends EdgeSpot {
  /** Two lanes beside the edge: the forward pass runs down one (x1 → x2), the backward pass up the other. */
  readonly lanes: { readonly forward: Segment; readonly backward: Segment };
  /** The weight's label, on the edge, if it has a weight (the edge into the loss has none). */
  readonly label?: { readonly at: Point; readonly line: Line; readonly width: number };
}

export interface Segment { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }

/** How far each lane runs from the edge's centre line. */
const LANE = 2.6;

/** The two lanes of the segment p1 → p2: forward on its left (seen going down), backward on its right, reversed. */
export function lanes(p1: Point, p2: Point): Edge['lanes'] {
  const dx = p2.x - p1.x, dy = p2.y - p1.y, len = Math.hypot(dx, dy);
  // The unit normal pointing to the left of the direction of travel (in SVG's y-down coordinates).
  const nx = len > 0 ? dy / len : 0, ny = len > 0 ? -dx / len : 0;
  const at = (p: Point, k: number): Point => ({ x: round(p.x + k * LANE * nx), y: round(p.y + k * LANE * ny) });
  const [f1, f2, b1, b2] = [at(p1, 1), at(p2, 1), at(p2, -1), at(p1, -1)];
  return { forward: { x1: f1.x, y1: f1.y, x2: f2.x, y2: f2.y }, backward: { x1: b1.x, y1: b1.y, x2: b2.x, y2: b2.y } };
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly cards: readonly Card[];
  readonly edges: readonly Edge[];
}

export const lineHeight = 14.5;
/** Room above the first line and below the last one, inside a card. */
const pad = 7;
/** The gap between the forward and the backward lines, where the rule is drawn. */
const ruleGap = 5;
export const labelHeight = 17;

const sub = ['₁', '₂'] as const;
const sup = { 1: '⁽¹⁾', 2: '⁽²⁾' } as const;

/** Each unit's card: what it shows, forward and back, in the order a reader follows the numbers. */
function contents(layer: number, unit: number): Pick<Card, 'mark' | 'forward' | 'backward'> {
  const j = sub[unit]!;
  const n = unit + 1;
  switch (layer) {
    case 0: return {
      mark: 'x',
      forward: [{ label: 'x', name: 'x', kind: 'param' }],
      // Where the paths meet: what comes back along each, then the sum.
      backward: [
        { label: 'path 1', name: 'dLdxPath1', kind: 'backward' },
        { label: 'path 2', name: 'dLdxPath2', kind: 'backward' },
        { label: '∂L/∂x', name: 'dLdx', kind: 'backward' },
      ],
    };
    case 1: return {
      mark: 'σ',
      forward: [
        { label: `b⁽¹⁾${j}`, name: `b1${n}`, kind: 'param' },
        { label: `z⁽¹⁾${j}`, name: `z1${n}`, kind: 'forward' },
        { label: `a⁽¹⁾${j}`, name: `a1${n}`, kind: 'forward' },
      ],
      backward: [
        { label: `∂L/∂a⁽¹⁾${j}`, name: `dLda1${n}`, kind: 'backward' },
        { label: `σ′(z⁽¹⁾${j})`, name: `dadz1${n}`, kind: 'backward' },
        { label: `δ⁽¹⁾${j}`, name: `delta1${n}`, kind: 'backward' },
      ],
    };
    case 2: return {
      mark: 'σ',
      forward: [
        { label: 'b⁽²⁾', name: 'b2', kind: 'param' },
        { label: 'z⁽²⁾', name: 'z2', kind: 'forward' },
        { label: 'ŷ', name: 'a2', kind: 'forward' },
      ],
      backward: [
        { label: 'σ′(z⁽²⁾)', name: 'dadz2', kind: 'backward' },
        { label: 'δ⁽²⁾', name: 'delta2', kind: 'backward' },
      ],
    };
    default: return {
      mark: 'L',
      forward: [
        { label: 'y', name: 'y', kind: 'param' },
        { label: 'L', name: 'loss', kind: 'forward' },
      ],
      backward: [{ label: '∂L/∂ŷ', name: 'dLda2', kind: 'backward' }],
    };
  }
}

/** A card's height for its number of lines. */
function heightOf(c: Pick<Card, 'forward' | 'backward'>): number {
  return 2 * pad + (c.forward.length + c.backward.length) * lineHeight + ruleGap;
}

/** The point where the segment from a card's centre towards `to` leaves the card's rectangle. */
export function leaveBox(box: Rect, to: Point): Point {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const dx = to.x - cx, dy = to.y - cy;
  // The first side the ray crosses: the smaller of the two scale factors that reach a side.
  const t = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return { x: round(cx + t * dx), y: round(cy + t * dy) };
}

/** networkLayout's spot with the axes swapped: its layer axis (x) becomes down, its unit axis (y) across. */
function down(s: NodeSpot): Point {
  return { x: s.y, y: s.x };
}

export interface DiagramBox {
  readonly width: number;
  readonly height: number;
  /** Room above the input's centre and below the loss's. */
  readonly padTop: number;
  /** Distance of the hidden units' centres from the left and right edges. */
  readonly padSide: number;
  readonly cardWidth: { readonly hidden: number; readonly other: number };
  /** How far along an edge (0 at the upper card, 1 at the lower) its weight's label sits, per layer. */
  readonly labelAt: Readonly<Record<1 | 2, number>>;
}

export const diagramBox: DiagramBox = {
  width: 340, height: 530, padTop: 43, padSide: 84,
  cardWidth: { hidden: 156, other: 172 },
  labelAt: { 1: 0.62, 2: 0.42 },
};

/** The whole drawing: cards placed by networkLayout, edges clipped to the cards, labels on the edges. */
export function diagram(b: DiagramBox = diagramBox): Diagram {
  // networkLayout's width runs along the layers, its height across the units: swapped by down().
  const grid = networkLayout([1, 2, 1, 1], { width: b.height, height: b.width, padX: b.padTop, padY: b.padSide, radius: 0 });
  const cards = grid.nodes.map((s): Card => {
    const c = contents(s.layer, s.unit);
    const centre = down(s);
    const width = s.layer === 1 ? b.cardWidth.hidden : b.cardWidth.other;
    const height = heightOf(c);
    const box = { x: round(centre.x - width / 2), y: round(centre.y - height / 2), width, height };
    const first = box.y + pad + lineHeight - 3.5;
    const baselines = [...c.forward, ...c.backward].map((_, i) => round(first + i * lineHeight + (i >= c.forward.length ? ruleGap : 0)));
    const rule = round(box.y + pad + c.forward.length * lineHeight + ruleGap / 2);
    return { layer: s.layer, unit: s.unit, ...c, box, baselines, rule };
  });
  const card = (layer: number, unit: number) => cards.find((c) => c.layer === layer && c.unit === unit)!;
  const edges = grid.edges.map((e): Edge => {
    const upper = card(e.layer - 1, e.from), lower = card(e.layer, e.to);
    const centre = (c: Card): Point => ({ x: c.box.x + c.box.width / 2, y: c.box.y + c.box.height / 2 });
    const p1 = leaveBox(upper.box, centre(lower)), p2 = leaveBox(lower.box, centre(upper));
    const edge = { layer: e.layer, from: e.from, to: e.to, x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y, lanes: lanes(p1, p2) };
    if (e.layer === 3) return edge;
    // The weight W⁽ˡ⁾ of this edge: layer 1's is unit `to`'s (one input), layer 2's comes from unit `from`.
    const j = e.layer === 1 ? e.to : e.from;
    const line: Line = { label: `W${sup[e.layer as 1 | 2]}${sub[j]}`, name: `w${e.layer}${j + 1}`, kind: 'param' };
    const t = b.labelAt[e.layer as 1 | 2];
    const at = { x: round(p1.x + t * (p2.x - p1.x)), y: round(p1.y + t * (p2.y - p1.y)) };
    return { ...edge, label: { at, line, width: 74 } };
  });
  return { width: b.width, height: b.height, cards, edges };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
