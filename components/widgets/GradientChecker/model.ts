// model.ts — the gradient checker without the DOM: the reader types an activation f(x) and a claimed
// derivative f′(x) as formulas (read by the engine's safe parser, src/engine/expression.ts: no eval), and
// the widget checks the claim against central differences of f at many points of a range, plots both
// curves in data units, and names the worst x and its relative error. A formula the parser refuses never
// reaches compute: the kit shows the parser's message (with its column) under the field and keeps the
// last valid plot. Unit-tested in tests/unit/widgets/gradient-checker.test.ts.
import { evaluate, parseExpression, type Expr } from '../../../src/engine/expression.ts';
import { checkDerivative, grid, pitfallsDefaults } from '../../../src/engine/examples/pitfalls.ts';
import { num, text } from '../../../src/kit/params.ts';
import { axesSvg, dot, frame, frameAttrs, linePath, vLine, type Frame } from '../../../src/kit/plot.ts';
import { defineWidget } from '../../../src/kit/widget.ts';

/** How many intervals the range is cut into: the check runs at POINTS + 1 values of x. */
export const POINTS = 160;

/** The formulas of the chapter's presets, as a reader would type them. */
export const formulas = {
  sigmoid: 'sigmoid(x)',
  trueSigmoidPrime: 'sigmoid(x)*(1 - sigmoid(x))',
  /** The source's formula, as printed there. */
  source: '1/(sqrt(1 + x**2) + 0.5)',
  /** The same, with ½ written 1/2 (the field's default: a decimal point in a default is avoided on purpose, see below). */
  sourceHalf: '1/(sqrt(1 + x**2) + 1/2)',
  onZ: 'x*(1 - x)',
  tanh: 'tanh(x)',
  tanhPrime: '1 - tanh(x)^2',
} as const;

/** The parser's rule for a formula field: null when it reads, else its message ("unexpected ‘)’ at column 7"). */
export function formulaProblem(s: string): string | null {
  const parsed = parseExpression(s);
  return parsed.ok ? null : parsed.message;
}

function parsed(s: string): Expr {
  const p = parseExpression(s);
  // The kit only hands compute formulas its rule accepted; this cannot happen.
  if (!p.ok) throw new RangeError(p.message);
  return p.expr;
}

/** The y-range that holds both curves, padded a tenth, at least one unit tall, and never beyond ±10. */
export function yRange(values: readonly number[]): [number, number] {
  let lo = Math.max(-10, Math.min(...values)), hi = Math.min(10, Math.max(...values));
  if (hi - lo < 1) { const mid = (hi + lo) / 2; lo = mid - 0.5; hi = mid + 0.5; }
  const pad = (hi - lo) / 10;
  return [lo - pad, hi + pad];
}

export const gradientChecker = defineWidget({
  name: 'gradient-checker',
  schema: {
    from: num(-4, { min: -20, max: 20, label: 'Range from', symbol: 'x' }),
    to: num(4, { min: -20, max: 20, label: 'Range to', symbol: 'x' }),
    f: text(formulas.sigmoid, { label: 'Activation', symbol: 'f(x)', refuse: formulaProblem }),
    df: text(formulas.sourceHalf, { label: 'Claimed derivative', symbol: 'f′(x)', refuse: formulaProblem }),
  },
  compute(v) {
    const f = parsed(v.f), df = parsed(v.df);
    // The range in either order: "from 8 to 4" checks the same points as "from 4 to 8".
    const [lo, hi] = v.from <= v.to ? [v.from, v.to] : [v.to, v.from];
    const xs = grid(lo, hi, POINTS);
    const check = checkDerivative((x) => evaluate(f, x), (x) => evaluate(df, x), xs);
    const { worst } = check;
    const fr: Frame = frame({ x: [lo, hi], y: yRange(check.points.flatMap((p) => [p.claim, p.numeric])) });
    return {
      numbers: {
        from: v.from, to: v.to, points: xs.length,
        failing: check.points.filter((p) => p.relError > pitfallsDefaults.correctBelow).length,
        worstX: worst.x, worstRelError: worst.relError, worstClaim: worst.claim, worstNumeric: worst.numeric,
        worstDifference: worst.claim - worst.numeric,
        correctBelow: pitfallsDefaults.correctBelow,
      },
      flags: { agrees: check.agrees, wrong: !check.agrees },
      text: { f: v.f, df: v.df },
      shapes: {
        plot: frameAttrs(fr),
        claim: { d: linePath(fr, check.points.map((p) => [p.x, p.claim])) },
        numeric: { d: linePath(fr, check.points.map((p) => [p.x, p.numeric])) },
        guide: vLine(fr, worst.x),
        worstClaim: dot(fr, worst.x, Math.min(Math.max(worst.claim, fr.y[0]), fr.y[1])),
        worstNumeric: dot(fr, worst.x, Math.min(Math.max(worst.numeric, fr.y[0]), fr.y[1])),
      },
      markup: { axes: axesSvg(fr, { xLabel: 'x', yLabel: '', yTicks: 5 }) },
    };
  },
});

/** The chapter's presets (presetHref(gradientChecker, 'gc1', …)). */
export const presets = {
  trueSigmoid: { df: formulas.trueSigmoidPrime },
  source: { df: formulas.source },
  onZ: { df: formulas.onZ },
  tanh: { f: formulas.tanh, df: formulas.tanhPrime },
} as const;
