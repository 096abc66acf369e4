// heatmap.ts — a function of two inputs drawn as colour, as TensorFlow Playground's heatmap.ts does:
// a low-resolution grid of values turned into RGBA pixels (written to a <canvas> with putImageData
// and scaled up by CSS), or into SVG rectangles for the HTML of the first frame and for print.
// PURE: numbers in, bytes or markup out; the painter (dom/painter.ts) puts the pixels on a canvas.
import type { Frame } from './plot.ts';
import { sx, sy } from './plot.ts';

export type Rgb = readonly [number, number, number];

/** Pixels for one canvas: width × height, 4 bytes (r, g, b, a) per pixel, row by row from the top. */
export interface HeatmapImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Values on a grid: `values[row * cols + col]`, row 0 at the TOP (largest y), col 0 at the left. */
export interface Grid {
  readonly cols: number;
  readonly rows: number;
  readonly values: ArrayLike<number>;
}

/** Samples f over the frame's data range at the centres of cols × rows cells. */
export function sampleGrid(f: Frame, cols: number, rows: number, fn: (x: number, y: number) => number): Grid {
  const values = new Float64Array(cols * rows);
  const [x0, x1] = f.x, [y0, y1] = f.y;
  for (let r = 0; r < rows; r++) {
    const y = y1 - ((r + 0.5) / rows) * (y1 - y0);
    for (let c = 0; c < cols; c++) values[r * cols + c] = fn(x0 + ((c + 0.5) / cols) * (x1 - x0), y);
  }
  return { cols, rows, values };
}

/**
 * A diverging colour scale: t = 0 → low, t = ½ → mid, t = 1 → high, linear in between, t clamped to
 * [0, 1]. Channels are rounded to whole bytes.
 */
export function diverging(low: Rgb, mid: Rgb, high: Rgb): (t: number) => Rgb {
  return (t) => {
    const u = Math.min(1, Math.max(0, t));
    const [a, b, s] = u < 0.5 ? [low, mid, u * 2] : [mid, high, u * 2 - 1];
    return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * s)) as unknown as Rgb;
  };
}

/** The grid's pixels: value v maps to colour((v − lo)/(hi − lo)); a non-finite value throws. */
export function heatmapImage(grid: Grid, [lo, hi]: readonly [number, number], colour: (t: number) => Rgb, alpha = 255): HeatmapImage {
  const rgba = new Uint8ClampedArray(grid.cols * grid.rows * 4);
  for (let i = 0; i < grid.cols * grid.rows; i++) {
    const v = grid.values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`heat map cell ${i} is ${v}`);
    const [r, g, b] = colour((v - lo) / (hi - lo));
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width: grid.cols, height: grid.rows, rgba };
}

/** The same pixels as SVG rectangles over the frame's plotting area (build time, no JavaScript, print). */
export function heatmapSvg(img: HeatmapImage, f: Frame): string {
  const [x0, x1] = f.x, [y0, y1] = f.y;
  const out: string[] = [];
  for (let r = 0; r < img.height; r++) {
    for (let c = 0; c < img.width; c++) {
      const i = (r * img.width + c) * 4;
      const left = sx(f, x0 + (c / img.width) * (x1 - x0)), right = sx(f, x0 + ((c + 1) / img.width) * (x1 - x0));
      const top = sy(f, y1 - (r / img.height) * (y1 - y0)), bottom = sy(f, y1 - ((r + 1) / img.height) * (y1 - y0));
      const fill = `rgb(${img.rgba[i]},${img.rgba[i + 1]},${img.rgba[i + 2]})`;
      out.push(`<rect x="${left}" y="${top}" width="${round(right - left)}" height="${round(bottom - top)}" fill="${fill}"/>`);
    }
  }
  return out.join('');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
