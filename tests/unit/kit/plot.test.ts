// The plot generators by their exact output (as d3-shape tests line()), on a frame whose arithmetic can
// be done by hand: x ∈ [0, 10] over 100 units from 10, y ∈ [0, 1] over 50 units up from 60.
import { describe, expect, test } from 'vitest';
import { axesSvg, band, dot, dotsPath, downsample, frame, frameAttrs, hLine, linePath, plotArea, segment, stepSeries, sx, sy, tangent, vLine } from '../../../src/kit/plot';
import { diverging, heatmapImage, heatmapSvg, sampleGrid } from '../../../src/kit/heatmap';
import { networkLayout } from '../../../src/kit/network-layout';

const f = frame({ x: [0, 10], y: [0, 1], width: 120, height: 70, margin: { top: 10, right: 10, bottom: 10, left: 10 } });

describe('plot', () => {
  test('sx, sy map data to SVG units, y up', () => {
    expect([sx(f, 0), sx(f, 5), sx(f, 10)]).toEqual([10, 60, 110]);
    expect([sy(f, 0), sy(f, 0.5), sy(f, 1)]).toEqual([60, 35, 10]);
  });
  test('linePath(f, points) joins the points and breaks where a point leaves the y-range', () => {
    expect(linePath(f, [[0, 0], [5, 0.5], [10, 1]])).toBe('M10,60L60,35L110,10');
    expect(linePath(f, [[0, 0], [5, 2], [10, 1]])).toBe('M10,60M110,10');
    expect(linePath(f, [[0, 0], [5, Number.NaN], [10, 1]])).toBe('M10,60M110,10');
  });
  test('vLine, hLine, band, dot, segment, tangent, plotArea give attributes in SVG units', () => {
    expect(vLine(f, 5)).toEqual({ x1: 60, x2: 60, y1: 10, y2: 60 });
    expect(hLine(f, 0.5)).toEqual({ x1: 10, x2: 110, y1: 35, y2: 35 });
    expect(band(f, 0.2, 2)).toEqual({ x: 10, y: 10, width: 100, height: 40 });
    expect(dot(f, 5, 0.5)).toEqual({ cx: 60, cy: 35 });
    expect(segment(f, [0, 0], [10, 1])).toEqual({ x1: 10, y1: 60, x2: 110, y2: 10 });
    expect(tangent(f, 5, 0.5, 0.1, 2)).toEqual({ x1: 40, y1: 45, x2: 80, y2: 25 });
    expect(plotArea(f)).toEqual({ x: 10, y: 10, width: 100, height: 50 });
  });
  test('dotsPath(f, points, r) draws each point as two arcs', () => {
    expect(dotsPath(f, [[0, 0], [10, 1]], 2)).toBe('M8,60a2,2 0 1,0 4,0a2,2 0 1,0 -4,0M108,10a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
  });
  test('stepSeries(f, values) draws the steps taken, the current point and the step to come', () => {
    expect(stepSeries(f, [1, 0.5, 0.25])).toEqual({
      line: { d: 'M10,10L20,35' },
      dots: { d: 'M7.6,10a2.4,2.4 0 1,0 4.8,0a2.4,2.4 0 1,0 -4.8,0M17.6,35a2.4,2.4 0 1,0 4.8,0a2.4,2.4 0 1,0 -4.8,0' },
      now: { cx: 20, cy: 35 },
      next: { cx: 30, cy: 47.5 },
      step: { x1: 20, y1: 35, x2: 30, y2: 47.5 },
    });
    expect(stepSeries(f, [1, 0.5, 0.25], 1).dots).toEqual({ d: '' });
  });
  test('stepSeries(f, values, dotsUpTo, maxPoints) takes a typed-array view and draws a long run through at most maxPoints points', () => {
    const run = new Float64Array(1001).map((_, j) => (j % 2 === 0 ? 0.2 : 0.8));
    const s = stepSeries(frame({ x: [0, 1000], y: [0, 1] }), run.subarray(0, 1001), 60, 100);
    expect(s.line.d.match(/[ML]/g)).toHaveLength(100);
    expect(s.dots).toEqual({ d: '' });
    expect(s.next).toEqual(dot(frame({ x: [0, 1000], y: [0, 1] }), 1000, 0.2));
    expect(stepSeries(f, new Float64Array([1, 0.5, 0.25]))).toEqual(stepSeries(f, [1, 0.5, 0.25]));
  });
  test('downsample(values, n, maxPoints) keeps all points that fit, else the ends and each run’s lowest and highest, in order', () => {
    const v = [5, 1, 9, 2, 8, 3, 7, 0, 6];
    expect(downsample(v, 3, 10)).toEqual([[0, 5], [1, 1], [2, 9]]);
    expect(downsample(v, 9, 6)).toEqual([[0, 5], [1, 1], [2, 9], [4, 8], [7, 0], [8, 6]]);
    // An oscillation keeps its envelope: every run has a low and a high point (every m-th point would be flat).
    const zigzag = Array.from({ length: 10_001 }, (_, j) => j % 2);
    const kept = downsample(zigzag, zigzag.length, 400);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.slice(1, -1).map(([, y]) => y).join('')).toMatch(/^(01|10)+$/);
    expect(kept.every(([j, y], i) => y === zigzag[j] && (i === 0 || j > kept[i - 1]![0]))).toBe(true);
  });
  test('frameAttrs(f) puts the viewBox and the frame itself (for tests in data units) on the <svg>', () => {
    expect(frameAttrs(f)).toEqual({ viewBox: '0 0 120 70', 'data-frame': '{"x":[0,10],"y":[0,1],"width":120,"height":70,"margin":[10,10,10,10]}' });
  });
  test('axesSvg(f) labels round ticks with the book’s formatter', () => {
    const svg = axesSvg(f, { xLabel: 'z', yLabel: 'δ' });
    expect(svg).toContain('<text class="tick" x="50" y="74" text-anchor="middle">4</text>');
    expect(svg).toContain('<text class="tick" x="4" y="54" text-anchor="end">0.2</text>');
    expect(svg).toContain('<line class="axis" x1="10" x2="110" y1="60" y2="60"/>');
    expect(svg).toContain('<text class="axis-label" x="110" y="66" text-anchor="end">z</text>');
  });
});

describe('heatmap', () => {
  const scale = diverging([0, 0, 0], [100, 100, 100], [200, 0, 0]);
  test('diverging(low, mid, high) is linear on each half and clamps outside [0, 1]', () => {
    expect([0, 0.25, 0.5, 0.75, 1, 2, -1].map(scale)).toEqual([[0, 0, 0], [50, 50, 50], [100, 100, 100], [150, 50, 50], [200, 0, 0], [200, 0, 0], [0, 0, 0]]);
  });
  test('sampleGrid(f, cols, rows, fn) samples cell centres, row 0 at the top', () => {
    expect(Array.from(sampleGrid(f, 2, 2, (x, y) => x + y).values)).toEqual([3.25, 8.25, 2.75, 7.75]);
  });
  test('heatmapImage(grid, domain, colour) writes 4 bytes per cell; heatmapSvg draws the same cells', () => {
    const img = heatmapImage({ cols: 2, rows: 1, values: [0, 1] }, [0, 1], scale);
    expect(Array.from(img.rgba)).toEqual([0, 0, 0, 255, 200, 0, 0, 255]);
    expect(heatmapSvg(img, f)).toBe('<rect x="10" y="10" width="50" height="50" fill="rgb(0,0,0)"/><rect x="60" y="10" width="50" height="50" fill="rgb(200,0,0)"/>');
    expect(() => heatmapImage({ cols: 1, rows: 1, values: [Number.NaN] }, [0, 1], scale)).toThrow(RangeError);
  });
});

describe('networkLayout', () => {
  test('networkLayout(sizes, box) places unit j of layer l from (l, j) and stops edges at the circles', () => {
    const n = networkLayout([2, 1], { width: 200, height: 280, padX: 20, padY: 20, radius: 10 });
    expect(n.nodes).toEqual([
      { layer: 0, unit: 0, x: 20, y: 20 }, { layer: 0, unit: 1, x: 20, y: 260 }, { layer: 1, unit: 0, x: 180, y: 140 },
    ]);
    // 3-4-5 triangles: the unit vector is (0.8, ±0.6), so the ends move by (8, ±6).
    expect(n.edges).toEqual([
      { layer: 1, from: 0, to: 0, x1: 28, y1: 26, x2: 172, y2: 134 },
      { layer: 1, from: 1, to: 0, x1: 28, y1: 254, x2: 172, y2: 146 },
    ]);
    expect(n.node(1, 0)).toEqual({ layer: 1, unit: 0, x: 180, y: 140 });
  });
  test('a 2-2-1 network has 6 edges, W⁽ˡ⁾[to][from] order, and a layer is centred however small', () => {
    const n = networkLayout([2, 2, 1], { width: 300, height: 200, padX: 30, padY: 40, radius: 12, maxGap: 80 });
    expect(n.edges.map((e) => `${e.layer}:${e.from}→${e.to}`)).toEqual(['1:0→0', '1:1→0', '1:0→1', '1:1→1', '2:0→0', '2:1→0']);
    expect(n.nodes.filter((u) => u.layer === 2)).toEqual([{ layer: 2, unit: 0, x: 270, y: 100 }]);
    expect(n.nodes.filter((u) => u.layer === 1).map((u) => u.y)).toEqual([60, 140]);
    expect(() => networkLayout([2], { width: 1, height: 1, padX: 0, padY: 0, radius: 0 })).toThrow(RangeError);
  });
});
