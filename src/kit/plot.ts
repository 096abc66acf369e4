// plot.ts — small SVG plots as pure functions from numbers to strings, used at build time (the first
// frame, in the HTML) and in the browser (every update), so both draw exactly the same thing.
// No DOM here. Ticks come from d3-array (nice round steps), labels from the book's formatter.
// Tests in tests/unit/kit/plot.test.ts pin the exact output, as d3-shape tests its generators.
import { ticks } from 'd3-array';
import { fmt } from '../format/number.ts';

export interface Frame {
  /** viewBox size in SVG units; the SVG scales to its container. */
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export type Point = readonly [number, number];

export function frame(f: Partial<Frame> & Pick<Frame, 'x' | 'y'>): Frame {
  return { width: 460, height: 250, margin: { top: 20, right: 14, bottom: 34, left: 46 }, ...f };
}

/** Data x → SVG x. */
export function sx(f: Frame, x: number): number {
  const [x0, x1] = f.x;
  return round(f.margin.left + ((x - x0) / (x1 - x0)) * (f.width - f.margin.left - f.margin.right));
}

/** Data y → SVG y (up is up). */
export function sy(f: Frame, y: number): number {
  const [y0, y1] = f.y;
  return round(f.height - f.margin.bottom - ((y - y0) / (y1 - y0)) * (f.height - f.margin.top - f.margin.bottom));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * An SVG path through the points. Points outside the frame's y-range (or not finite) break the line,
 * so a curve that leaves the plot does not run along its edge.
 */
export function linePath(f: Frame, points: readonly Point[]): string {
  const [lo, hi] = [Math.min(...f.y), Math.max(...f.y)];
  let out = '';
  let pen = 'M';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y) || y < lo || y > hi) { pen = 'M'; continue; }
    out += `${pen}${sx(f, x)},${sy(f, y)}`;
    pen = 'L';
  }
  return out;
}

/** Keeps v inside [lo, hi]: where a marker goes when its value is off the plot. */
export function clamp(v: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
}

/** Samples f over the frame's x-range: the points of a curve. */
export function sample(f: Frame, fn: (x: number) => number, n = 120): Point[] {
  const [x0, x1] = f.x;
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = x0 + ((x1 - x0) * i) / n;
    return [x, fn(x)] as const;
  });
}

export interface AxesOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xTicks?: number;
  readonly yTicks?: number;
}

/**
 * Grid lines, the two axes through 0 when 0 is in range, tick labels and axis labels, as SVG markup.
 * The y label sits in the top margin, above the data, so a line along the top (a target) never crosses it.
 */
export function axesSvg(f: Frame, o: AxesOptions): string {
  const { top, bottom, left, right } = f.margin;
  const x0 = left, x1 = f.width - right, y0 = top, y1 = f.height - bottom;
  const out: string[] = [];
  for (const t of ticks(f.x[0], f.x[1], o.xTicks ?? 6)) {
    const x = sx(f, t);
    out.push(`<line class="grid" x1="${x}" x2="${x}" y1="${y0}" y2="${y1}"/>`,
      `<text class="tick" x="${x}" y="${y1 + 14}" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of ticks(f.y[0], f.y[1], o.yTicks ?? 4)) {
    const y = sy(f, t);
    out.push(`<line class="grid" x1="${x0}" x2="${x1}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${x0 - 6}" y="${y + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  if (f.y[0] <= 0 && 0 <= f.y[1]) out.push(`<line class="axis" x1="${x0}" x2="${x1}" y1="${sy(f, 0)}" y2="${sy(f, 0)}"/>`);
  if (f.x[0] <= 0 && 0 <= f.x[1]) out.push(`<line class="axis" x1="${sx(f, 0)}" x2="${sx(f, 0)}" y1="${y0}" y2="${y1}"/>`);
  out.push(`<text class="axis-label" x="${x1}" y="${f.height - 4}" text-anchor="end">${escape(o.xLabel)}</text>`,
    `<text class="axis-label" x="${x0 + 4}" y="${y0 - 3}">${escape(o.yLabel)}</text>`);
  return out.join('');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// --- primitives the widgets share (each returns SVG attributes or path data, in SVG units) --------

/** The attributes that put a frame on its <svg>: the viewBox, and the frame itself for tests (data units). */
export function frameAttrs(f: Frame): { viewBox: string; 'data-frame': string } {
  const m = f.margin;
  return { viewBox: `0 0 ${f.width} ${f.height}`, 'data-frame': JSON.stringify({ x: f.x, y: f.y, width: f.width, height: f.height, margin: [m.top, m.right, m.bottom, m.left] }) };
}

/** The plotting area inside the margins: a <rect> for a clip path or a background. */
export function plotArea(f: Frame): { x: number; y: number; width: number; height: number } {
  const m = f.margin;
  return { x: m.left, y: m.top, width: f.width - m.left - m.right, height: f.height - m.top - m.bottom };
}

/** A vertical guide line at data x, across the whole plotting area. */
export function vLine(f: Frame, x: number): { x1: number; x2: number; y1: number; y2: number } {
  const px = sx(f, x);
  return { x1: px, x2: px, y1: f.margin.top, y2: f.height - f.margin.bottom };
}

/** A horizontal line at data y, across the whole plotting area (a target, a floor). */
export function hLine(f: Frame, y: number): { x1: number; x2: number; y1: number; y2: number } {
  const py = sy(f, y);
  return { x1: f.margin.left, x2: f.width - f.margin.right, y1: py, y2: py };
}

/** A horizontal band between data y = from and y = to (in either order), clipped to the frame's range. */
export function band(f: Frame, from: number, to: number): { x: number; y: number; width: number; height: number } {
  const top = sy(f, clamp(Math.max(from, to), f.y));
  const bottom = sy(f, clamp(Math.min(from, to), f.y));
  return { x: f.margin.left, y: top, width: f.width - f.margin.left - f.margin.right, height: round(bottom - top) };
}

/** A point in data units as circle attributes. */
export function dot(f: Frame, x: number, y: number): { cx: number; cy: number } {
  return { cx: sx(f, x), cy: sy(f, y) };
}

/** A line segment between two points in data units. */
export function segment(f: Frame, [x1, y1]: Point, [x2, y2]: Point): { x1: number; y1: number; x2: number; y2: number } {
  return { x1: sx(f, x1), y1: sy(f, y1), x2: sx(f, x2), y2: sy(f, y2) };
}

/** Small filled circles at the points, as one path (one element however many points). */
export function dotsPath(f: Frame, points: readonly Point[], r: number): string {
  return points.map(([x, y]) => {
    const cx = sx(f, x), cy = sy(f, y);
    return `M${round(cx - r)},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }).join('');
}

/** The tangent to a curve at (x0, y0) with slope m, drawn `half` data units either side. */
export function tangent(f: Frame, x0: number, y0: number, m: number, half: number): { x1: number; y1: number; x2: number; y2: number } {
  return segment(f, [x0 - half, y0 - m * half], [x0 + half, y0 + m * half]);
}

/**
 * A series over steps 0 … k with one more step to come: the line through the steps taken, a dot on
 * each (while there are at most `dotsUpTo`), the current point, the next point and the dashed step
 * between them. values has k + 2 entries: values[j] after j steps, the last one the step not yet taken.
 * Any array-like will do (a Float64Array view of a long run, not copied). A long run's line is drawn
 * through at most `maxPoints` of its points (see downsample), so it stays cheap to paint.
 */
export function stepSeries(f: Frame, values: ArrayLike<number>, dotsUpTo = 60, maxPoints = Infinity) {
  const k = values.length - 2;
  const points = downsample(values, k + 1, maxPoints);
  return {
    line: { d: linePath(f, points) },
    dots: { d: k + 1 <= dotsUpTo ? dotsPath(f, points, 2.4) : '' },
    now: dot(f, k, values[k]!),
    next: dot(f, k + 1, values[k + 1]!),
    step: segment(f, [k, values[k]!], [k + 1, values[k + 1]!]),
  };
}

/**
 * The points (j, values[j]) for j = 0 … n − 1; when there are more than maxPoints (at least 4), only
 * the first, the last, and from each of (maxPoints − 2)/2 runs of consecutive steps its lowest and its
 * highest point, in step order. Keeping both extremes keeps the envelope of an oscillation (a loss that
 * goes up and down every step), where taking every m-th point would alias it into a smooth line.
 */
export function downsample(values: ArrayLike<number>, n: number, maxPoints: number): Point[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, j) => [j, values[j]!] as const);
  const runs = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const out: Point[] = [[0, values[0]!]];
  for (let r = 0; r < runs; r++) {
    // Steps 1 … n − 2 split into `runs` runs; the first and last points are kept anyway.
    const from = 1 + Math.floor(((n - 2) * r) / runs), to = 1 + Math.floor(((n - 2) * (r + 1)) / runs);
    if (from >= to) continue;
    let lo = from, hi = from;
    for (let j = from + 1; j < to; j++) {
      if (values[j]! < values[lo]!) lo = j;
      if (values[j]! > values[hi]!) hi = j;
    }
    for (const j of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) out.push([j, values[j]!]);
  }
  out.push([n - 1, values[n - 1]!]);
  return out;
}
