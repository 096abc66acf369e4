// model.ts — the gradient check of chapter 8's 2-2-1 network, live, without the DOM: the reader picks one
// of the chapter's mistakes (or none) and the weights, and the widget shows, for each of the nine
// parameters, what that backward pass computes (g), the central difference of the loss the code computes
// (ĝ), their relative error, and whether it passes (≤ 10⁻⁷). Everything comes from examples/pitfalls.ts.
// Unit-tested in tests/unit/widgets/mistake-check.test.ts.
import { network221Defaults as d } from '../../../src/engine/examples/network-2-2-1.ts';
import { gradientCheck221, PARAMETER_NAMES, pitfallsDefaults, type Mistake } from '../../../src/engine/examples/pitfalls.ts';
import { choice, matrix, num } from '../../../src/kit/params.ts';
import { defineWidget } from '../../../src/kit/widget.ts';

/** How the verdict names a parameter in a sentence. */
export const PARAMETER_LABELS: Readonly<Record<(typeof PARAMETER_NAMES)[number], string>> = {
  W1_11: 'W⁽¹⁾ row 1, column 1', W1_12: 'W⁽¹⁾ row 1, column 2', W1_21: 'W⁽¹⁾ row 2, column 1', W1_22: 'W⁽¹⁾ row 2, column 2',
  b1_1: 'b⁽¹⁾ entry 1', b1_2: 'b⁽¹⁾ entry 2', W2_11: 'W⁽²⁾ entry 1', W2_12: 'W⁽²⁾ entry 2', b2: 'b⁽²⁾',
};

/** The mistakes as the reader chooses them, in the chapter's order. */
export const MISTAKE_OPTIONS: readonly { readonly value: Mistake; readonly label: string }[] = [
  { value: 'none', label: 'none: the correct backward pass' },
  { value: 'sourceDerivative', label: 'the source’s 1/(√(1 + z²) + 0.5) for σ′' },
  { value: 'derivativeOfZ', label: 'a(1 − a) handed z' },
  { value: 'missingTranspose', label: 'X(Δ⁽¹⁾)ᵀ for ∂L/∂W⁽¹⁾, a missing transpose' },
  { value: 'updateBeforeBackprop', label: 'W⁽²⁾ updated before δ⁽¹⁾' },
  { value: 'lossWithoutSquares', label: 'a loss without squares, Σ(y − ŷ)' },
];

export const mistakeCheck = defineWidget({
  name: 'mistake-check',
  schema: {
    W1: matrix(d.W1, { min: -5, max: 5, label: 'Weights into layer 1', symbol: 'W⁽¹⁾' }),
    b1: matrix(d.b1, { min: -5, max: 5, label: 'Biases of layer 1', symbol: 'b⁽¹⁾' }),
    W2: matrix(d.W2, { min: -5, max: 5, label: 'Weights into layer 2', symbol: 'W⁽²⁾' }),
    b2: matrix(d.b2, { min: -5, max: 5, label: 'Bias of layer 2', symbol: 'b⁽²⁾' }),
    alpha: num(d.alpha, { min: 0.001, max: 10, scale: 'log', label: 'Learning rate (for the early update)', symbol: 'α' }),
    mistake: choice<Mistake>('none', MISTAKE_OPTIONS, { label: 'The mistake', control: 'select' }),
  },
  compute(v) {
    const r = gradientCheck221({ ...d, W1: v.W1, b1: v.b1, W2: v.W2, b2: v.b2, alpha: v.alpha }, v.mistake);
    // A relative error that passes is round-off (about 10⁻¹⁰), and its digits differ between any two
    // machines — Node at build time and the reader's browser disagree on them. So a passing entry shows
    // "≤ 10⁻⁷" (the markup, by its flag), and its number here is 0; a failing one shows its value.
    const numbers: Record<string, number> = { worst: r.passes ? 0 : r.worst, correctBelow: pitfallsDefaults.correctBelow };
    const flags: Record<string, boolean> = { passes: r.passes, fails: !r.passes };
    let failing = 0;
    PARAMETER_NAMES.forEach((name, k) => {
      numbers[`g${name}`] = r.analytic[k]!;
      numbers[`n${name}`] = r.numeric[k]!;
      const bad = r.relError[k]! > pitfallsDefaults.correctBelow;
      numbers[`e${name}`] = bad ? r.relError[k]! : 0;
      flags[`bad${name}`] = bad;
      if (bad) failing++;
    });
    numbers['failing'] = failing;
    return { numbers, flags, text: { worstName: r.passes ? '' : PARAMETER_LABELS[r.worstName] } };
  },
});

/** Links to each mistake from the chapter: presetHref(mistakeCheck, 'mc1', { mistake }). */
export const mistakePresets = Object.fromEntries(MISTAKE_OPTIONS.map((o) => [o.value, { mistake: o.value }])) as Record<Mistake, { mistake: Mistake }>;
