// layout.ts — where the chain-rule graph's parts go, in SVG units (pure, no DOM): a box per node, at
// the row and column the model gives it; an edge from the bottom of each child to the top of its
// parent, ending in an arrowhead; and on each edge its label, the local derivative "×0.5", on a small
// pill that covers its own line. Labels are placed so that none overlaps another label, a node, an
// arrowhead, or an edge it does not belong to (the first clear spot along its own edge), using a
// conservative estimate of the text's width. Tested in tests/unit/widgets/chain-rule.test.ts.

export const BOX_W = 140;
export const BOX_H = 54;
export const ROW_H = 84;
const TOP = 8;
export const VIEW_W = 340;

/** The labels' largest font size in SVG units (the current step's label; the others are smaller). */
export const LABEL_FONT = 12.5;
const LABEL_PAD_X = 3;
const ARROW_LENGTH = 8;
const ARROW_HALF_WIDTH = 4;
/** Where along its edge a label may sit (0 = the child's end, 1 = the arrowhead), best first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
/** Room kept around every label when checking for collisions. */
const CLEARANCE = 1.5;

export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
export interface Segment { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }

export interface NodePlace { readonly key: string; readonly row: number; readonly cx: number }
export interface EdgeText { readonly child: string; readonly parent: string; /** The label as shown, e.g. "×(−1)". */ readonly text: string }

export interface EdgeLayout {
  readonly child: string;
  readonly parent: string;
  /** From the child's bottom to the base of the arrowhead. */
  readonly line: Segment;
  /** The arrowhead: a triangle with its tip on the parent's top. */
  readonly arrow: readonly (readonly [number, number])[];
  /** The label's pill, and the centre of its text. */
  readonly label: Box;
  /** Whether the label found a spot clear of everything else (false: the best it could do). */
  readonly clear: boolean;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<string, Box>;
  readonly edges: readonly EdgeLayout[];
}

/** The view's height for a graph of `rows` rows. */
export const viewHeight = (rows: number): number => TOP * 2 + (rows - 1) * ROW_H + BOX_H;

// Advance widths in em, chosen at or above those of wide bold sans-serif faces (DejaVu Sans Bold, the
// fallback of system-ui on many Linux systems, is among the widest), so the estimate is never short.
const EM: Readonly<Record<string, number>> = { '×': 0.86, '−': 0.86, '+': 0.86, '(': 0.48, ')': 0.48, '.': 0.4, ',': 0.4, ' ': 0.35 };
const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/;

/** A conservative width of `text` at `size` in SVG units: digits 0.75 em, × and − 0.86 em, superscripts 0.5 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += EM[c] ?? (SUPERSCRIPT.test(c) ? 0.5 : 0.75);
  return em * size;
}

/** The pill of a label centred at (cx, cy). */
export function labelBox(text: string, cx: number, cy: number): Box {
  const width = textWidth(text, LABEL_FONT) + 2 * LABEL_PAD_X;
  const height = Math.round(LABEL_FONT * 1.3);
  return { x: round(cx - width / 2), y: round(cy - height / 2), width: round(width), height };
}

/** Lays out the graph: node boxes from (row, cx), edges with arrowheads, and a clear spot for each label. */
export function layoutGraph(nodes: readonly NodePlace[], edges: readonly EdgeText[], rows: number): GraphLayout {
  const boxes = new Map(nodes.map((n) => [n.key, { x: n.cx - BOX_W / 2, y: TOP + n.row * ROW_H, width: BOX_W, height: BOX_H }]));
  const box = (key: string): Box => {
    const b = boxes.get(key);
    if (!b) throw new Error(`layoutGraph: no node "${key}"`);
    return b;
  };
  const lines = edges.map((e) => {
    const c = box(e.child), p = box(e.parent);
    const from: Point = [c.x + c.width / 2, c.y + c.height];
    const tip: Point = [p.x + p.width / 2, p.y];
    const [ux, uy] = unit(from, tip);
    const base: Point = [tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH];
    const arrow = [tip, [base[0] - uy * ARROW_HALF_WIDTH, base[1] + ux * ARROW_HALF_WIDTH], [base[0] + uy * ARROW_HALF_WIDTH, base[1] - ux * ARROW_HALF_WIDTH]] as const;
    return { line: { x1: from[0], y1: from[1], x2: round(base[0]), y2: round(base[1]) }, arrow: arrow.map(([x, y]) => [round(x), round(y)] as const) };
  });
  const width = VIEW_W, height = viewHeight(rows);
  const placed: Box[] = [];
  const out = edges.map((e, i): EdgeLayout => {
    const { line, arrow } = lines[i]!;
    const candidates = ALONG.map((t) => labelBox(e.text, line.x1 + t * (line.x2 - line.x1), line.y1 + t * (line.y2 - line.y1)));
    const isClear = (b: Box): boolean => {
      const room = grow(b, CLEARANCE);
      if (room.x < 0 || room.y < 0 || room.x + room.width > width || room.y + room.height > height) return false;
      if ([...boxes.values()].some((n) => overlaps(room, n))) return false;
      if (lines.some((l) => overlaps(room, boundsOf(l.arrow)))) return false;
      if (lines.some((l, j) => j !== i && crosses(l.line, room))) return false;
      return !placed.some((p) => overlaps(room, p));
    };
    const found = candidates.find(isClear);
    const label = found ?? candidates[0]!;
    placed.push(label);
    return { child: e.child, parent: e.parent, line, arrow, label, clear: found !== undefined };
  });
  return { width, height, boxes, edges: out };
}

// --- geometry -----------------------------------------------------------------------------------

type Point = readonly [number, number];

function unit([x1, y1]: Point, [x2, y2]: Point): Point {
  const len = Math.hypot(x2 - x1, y2 - y1);
  return [(x2 - x1) / len, (y2 - y1) / len];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function boundsOf(points: readonly Point[]): Box {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Whether a line segment passes through a box (Liang–Barsky clipping: some part of it lies inside). */
export function crosses(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1, dy = s.y2 - s.y1;
  let t0 = 0, t1 = 1;
  const sides: [number, number][] = [[-dx, s.x1 - b.x], [dx, b.x + b.width - s.x1], [-dy, s.y1 - b.y], [dy, b.y + b.height - s.y1]];
  for (const [p, q] of sides) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return t0 < t1;
}
