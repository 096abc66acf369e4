// model.ts — the deep stack without the DOM: `depth` hidden layers of the same activation, random weights
// of a chosen scale, one forward and one backward pass by the engine (examples/pitfalls.ts), and the
// mean |δ| of every layer on a log scale, so the reader sees the gradient vanish through sigmoids, explode
// through large weights, and stop at ReLU units that died. Unit-tested in tests/unit/widgets/deep-stack.test.ts.
import { deepStack, deepStackDefaults as d, deepStackPresets, type DeepStackParams } from '../../../src/engine/examples/pitfalls.ts';
import { choice, int, num, seed } from '../../../src/kit/params.ts';
import { dotsPath, frame, frameAttrs, linePath, type Frame, type Point } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';
import { decades, logAxesSvg, logOf } from './log-plot.ts';

/** The plot's frame for a stack: layers 1 … depth (half a layer of room either side), the decades of its |δ|. */
export function stackFrame(depth: number, values: ArrayLike<number>): Frame {
  return frame({ x: [0.5, depth + 0.5], y: decades(values), margin: { top: 20, right: 14, bottom: 34, left: 52 } });
}

export const deepStackWidget = defineWidget({
  name: 'deep-stack',
  schema: {
    depth: int(d.depth, { min: 1, max: 30, label: 'Hidden layers', symbol: 'L' }),
    weightScale: num(d.weightScale, { min: 0.1, max: 10, scale: 'log', label: 'Weight scale', symbol: 's' }),
    bias: num(d.bias, { min: -3, max: 3, label: 'Every bias', symbol: 'b' }),
    activation: choice(d.activation, [
      { value: 'sigmoid', label: 'sigmoid' }, { value: 'tanh', label: 'tanh' }, { value: 'relu', label: 'ReLU' },
    ], { label: 'Activation', control: 'select' }),
    seed: seed(d.seed),
  },
  compute(v) {
    const p: DeepStackParams = { ...d, depth: v.depth, weightScale: v.weightScale, bias: v.bias, activation: v.activation, seed: v.seed };
    const r = deepStack(p);
    const f = stackFrame(v.depth, r.meanAbsDelta);
    const points: Point[] = Array.from(r.meanAbsDelta, (m, l) => [l + 1, logOf(f, m)] as const);
    return {
      numbers: {
        depth: v.depth, width: d.width, weightScale: v.weightScale, bias: v.bias,
        first: r.first, last: r.last, ratio: r.ratio, totalDead: r.totalDead, units: v.depth * d.width,
        sigmoidBound: r.sigmoidBound,
      },
      flags: {
        relu: v.activation === 'relu', sigmoid: v.activation === 'sigmoid', blocked: r.blocked,
        vanishing: r.ratio > 0 && r.ratio < 0.1, exploding: r.ratio > 10,
        steady: r.ratio >= 0.1 && r.ratio <= 10,
      },
      shapes: {
        plot: frameAttrs(f),
        line: { d: linePath(f, points) },
        dots: { d: dotsPath(f, points, 3) },
      },
      markup: { axes: logAxesSvg(f, v.depth, { xLabel: 'hidden layer l', yLabel: 'mean |δ⁽ˡ⁾|' }) },
    };
  },
});

/** The chapter's presets, as widget values (presetHref(deepStackWidget, 'ds1', …)). */
export const stackPresets = {
  vanishing: { activation: deepStackPresets.vanishing.activation, weightScale: deepStackPresets.vanishing.weightScale, bias: deepStackPresets.vanishing.bias },
  exploding: { activation: deepStackPresets.exploding.activation, weightScale: deepStackPresets.exploding.weightScale, bias: deepStackPresets.exploding.bias },
  dying: { activation: deepStackPresets.dying.activation, weightScale: deepStackPresets.dying.weightScale, bias: deepStackPresets.dying.bias },
} as const;
