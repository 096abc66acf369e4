import { describe, expect, test } from 'vitest';
import { decadeLabel, decades, logX, logXTicksSvg } from '../../../src/kit/log-axis';
import { frame } from '../../../src/kit/plot';

describe('log-axis', () => {
  test('decades(lo, hi) lists the whole powers inside the range, ends included', () => {
    expect(decades(0, 3)).toEqual([0, 1, 2, 3]);
    expect(decades(0.5, 2.2)).toEqual([1, 2]);
    expect(decades(Math.log10(1), Math.log10(1000))).toEqual([0, 1, 2, 3]);
    expect(decades(1.2, 1.8)).toEqual([]);
  });
  test('decadeLabel(k) writes digits up to 10 000 and powers beyond', () => {
    expect([0, 1, 2, 4, 5, 6, -1].map(decadeLabel)).toEqual(['1', '10', '100', '10000', '10⁵', '10⁶', '10⁻¹']);
  });
  test('logXTicksSvg(frame) draws one grid line and one label per decade, at x = log₁₀ of the value', () => {
    const f = frame({ width: 200, height: 100, margin: { top: 10, right: 10, bottom: 20, left: 10 }, x: [0, 2], y: [0, 1] });
    expect(logXTicksSvg(f)).toBe(
      '<line class="grid" x1="10" x2="10" y1="10" y2="80"/><text class="tick" x="10" y="94" text-anchor="middle">1</text>'
      + '<line class="grid" x1="100" x2="100" y1="10" y2="80"/><text class="tick" x="100" y="94" text-anchor="middle">10</text>'
      + '<line class="grid" x1="190" x2="190" y1="10" y2="80"/><text class="tick" x="190" y="94" text-anchor="middle">100</text>');
  });
  test('logX moves x to log₁₀ x and drops x ≤ 0', () => {
    expect(logX([[0, 5], [1, 4], [100, 3]])).toEqual([[0, 4], [2, 3]]);
  });
});
