// plot.ts — small SVG plots as pure functions from numbers to strings, used at build time (the first
// frame, in the HTML) and in the browser (every update), so both draw exactly the same thing.
// No DOM here. Ticks come from d3-array (nice round steps), labels from the book's formatter.
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
  return { width: 460, height: 250, margin: { top: 12, right: 14, bottom: 34, left: 46 }, ...f };
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

/** Grid lines, the two axes through 0 when 0 is in range, tick labels and axis labels, as SVG markup. */
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
    `<text class="axis-label" x="${x0 + 4}" y="${y0 + 10}">${escape(o.yLabel)}</text>`);
  return out.join('');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
