// The chapter on two neurons in parallel: the chain rule as a sum over paths, each hidden neuron's delta
// δ⁽¹⁾ⱼ = δ⁽²⁾W⁽²⁾ⱼσ′(z⁽¹⁾ⱼ), ∂L/∂x = W⁽¹⁾₁δ⁽¹⁾₁ + W⁽¹⁾₂δ⁽¹⁾₂, every gradient, one step, autograd's +=
// and the twins. Every number on the page is checked against the formulas written out in
// tests/fixtures/oracle-neurons-in-parallel.ts (independent of the engine). What every widget does (bad
// input, links, Reset, Copy link, keyboard, axe) is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt } from '../../../src/format/number';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import { ALPHA, dLdxNumeric, PARALLEL, parallelOracle, type ParallelInputs } from '../../fixtures/oracle-neurons-in-parallel';
import { widget } from '../widgets';
import { displaysCutOff } from '../phone';

const PATH = '/neurons-in-parallel/';
const TITLE = 'Two paths from x to the loss';

/** The widget's fields, by the names a reader (or a screen reader) finds them. */
const LABELS: Record<keyof ParallelInputs, string> = {
  x: 'Input x',
  w11: 'Weight into hidden unit 1 W⁽¹⁾₁', b11: 'Bias of hidden unit 1 b⁽¹⁾₁',
  w12: 'Weight into hidden unit 2 W⁽¹⁾₂', b12: 'Bias of hidden unit 2 b⁽¹⁾₂',
  w21: 'Output weight from unit 1 W⁽²⁾₁', w22: 'Output weight from unit 2 W⁽²⁾₂', b2: 'Output bias b⁽²⁾',
  y: 'Target y',
};

/** The chapter's presets, as its text states them. */
const PRESETS = {
  twins: { w12: 0.3, b12: 0.1, w22: 0.5 },       // hidden unit 2 a copy of hidden unit 1
  opposite: { w22: 0.6 },                          // "flip the sign of the weight out of unit 2"
  cut: { w22: 0 },                                 // "cut the connection"
  mirror: { w12: -0.3, b12: 0.4, w22: 0.5 },       // the same z as unit 1 (−0.3·0.5 + 0.4 = 0.3·0.5 + 0.1), the same weight out
} as const;

/** Every number of the derivation for the chapter's example changed by `inputs`. */
const at = (inputs: Partial<ParallelInputs> = {}) => parallelOracle({ ...PARALLEL, ...inputs });

/** Every number the prose (outside the widget) shows. */
function proseOracle() {
  const o = at();
  const twins = at(PRESETS.twins);
  const opposite = at(PRESETS.opposite);
  const mirror = at(PRESETS.mirror);
  return {
    ...o,
    alpha: ALPHA,
    numericDLdx: dLdxNumeric(PARALLEL),
    // The autograd walk reaches hidden unit 2's product w12·x first, then hidden unit 1's.
    walkFirst: o.dLdxPath2, walkSecond: o.dLdxPath1, walkGrad: o.dLdx, walkOverwritten: o.dLdxPath1,
    twinDelta1: twins.delta11, twinDelta2: twins.delta12, twinW11Next: twins.w11Next, twinW12Next: twins.w12Next,
    oppositePath1: opposite.dLdxPath1, oppositePath2: opposite.dLdxPath2, oppositeDLdx: opposite.dLdx,
    mirrorDelta1: mirror.delta11, mirrorDLdx: mirror.dLdx,
  };
}

/** The diagram's sentence for screen readers, for the given numbers, as the widget words it. */
function diagramName(o: ReturnType<typeof at>): string {
  const s = (v: number) => fmt(v);
  return `One input x = ${s(o.x)} feeds two hidden neurons. `
    + `Hidden unit 1: W⁽¹⁾₁ = ${s(o.w11)}, b⁽¹⁾₁ = ${s(o.b11)}, z⁽¹⁾₁ = ${s(o.z11)}, a⁽¹⁾₁ = ${s(o.a11)}. `
    + `Hidden unit 2: W⁽¹⁾₂ = ${s(o.w12)}, b⁽¹⁾₂ = ${s(o.b12)}, z⁽¹⁾₂ = ${s(o.z12)}, a⁽¹⁾₂ = ${s(o.a12)}. `
    + `The output: W⁽²⁾₁ = ${s(o.w21)}, W⁽²⁾₂ = ${s(o.w22)}, b⁽²⁾ = ${s(o.b2)}, z⁽²⁾ = ${s(o.z2)}, ŷ = ${s(o.a2)}; `
    + `loss L = ${s(o.loss)} for target y = ${s(o.y)}. `
    + `Backward: ∂L/∂ŷ = ${s(o.dLda2)}; times σ′(z⁽²⁾) = ${s(o.dadz2)} gives δ⁽²⁾ = ${s(o.delta2)}. `
    + `Hidden unit 1 receives ∂L/∂a⁽¹⁾₁ = ${s(o.dLda11)}; times σ′(z⁽¹⁾₁) = ${s(o.dadz11)} gives δ⁽¹⁾₁ = ${s(o.delta11)}. `
    + `Hidden unit 2 receives ∂L/∂a⁽¹⁾₂ = ${s(o.dLda12)}; times σ′(z⁽¹⁾₂) = ${s(o.dadz12)} gives δ⁽¹⁾₂ = ${s(o.delta12)}. `
    + `At x the paths add: path 1 brings ${s(o.dLdxPath1)}, path 2 brings ${s(o.dLdxPath2)}, so ∂L/∂x = ${s(o.dLdx)}.`;
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  // Scroll to the <bp-widget> itself: while content-visibility skips its contents, the figure inside has
  // no box to scroll to, and on a long page the scroll lands far past it (it then never activates).
  await page.locator('bp-widget#pn1').scrollIntoViewIfNeeded();
  await expect(page.locator('bp-widget#pn1')).toHaveAttribute('data-ready', '');
  return w;
}

const field = (w: Locator, key: keyof ParallelInputs) => w.getByRole('textbox', { name: LABELS[key], exact: true });

async function typeAll(w: Locator, inputs: Partial<ParallelInputs>): Promise<void> {
  for (const [key, value] of Object.entries(inputs)) await field(w, key as keyof ParallelInputs).fill(String(value));
}

/**
 * The sum plot's three bars, read back in the plot's own data units: path 1 from 0 to p₁, path 2 from p₁
 * to p₁ + p₂, the sum from 0 to p₁ + p₂, each in its row; and the x-range holds all their ends.
 */
async function expectBars(w: Locator, o: ReturnType<typeof at>): Promise<void> {
  const svg = w.locator('svg.pn-sum');
  await expect(async () => {
    const f = await plotFrame(svg);
    const want = { 'bar-path1': [0, o.dLdxPath1, 2.5], 'bar-path2': [o.dLdxPath1, o.dLdx, 1.5], 'bar-sum': [0, o.dLdx, 0.5] } as const;
    const tol = (f.x[1] - f.x[0]) * 2e-3;
    for (const [name, [a, b, row]] of Object.entries(want)) {
      const r = svg.locator(`[data-shape="${name}"]`);
      const [x, y, width, height] = await Promise.all(['x', 'y', 'width', 'height'].map(async (k) => Number(await r.getAttribute(k))));
      const [from, top] = toData(f, x!, y!);
      const [to, bottom] = toData(f, x! + width!, y! + height!);
      expect(Math.abs(from - Math.min(a, b)), `${name} starts`).toBeLessThan(tol);
      expect(Math.abs(to - Math.max(a, b)), `${name} ends`).toBeLessThan(tol);
      expect((top + bottom) / 2, `${name} row`).toBeCloseTo(row, 3);
      expect(from).toBeGreaterThanOrEqual(f.x[0]);
      expect(to).toBeLessThanOrEqual(f.x[1]);
    }
  }).toPass({ timeout: 5_000 });
}

test.describe('the chapter on two neurons in parallel, as written', () => {
  test('the prose shows every number: the example, the deltas, both paths and their sum, every gradient, the step, the autograd walk, the presets', async ({ page }) => {
    await page.goto(PATH);
    const o = proseOracle();
    await expectNumbers(page.locator('.chapter-body'), o, { outside: '.widget', atLeast: 110 });
    // "symbol = number" pairs, read as a screen reader reads them (the MathML): symbol and value from one name.
    await expectPairs(page.locator('.chapter-body'), {
      x: ['x', o.x], w11: ['W1(1)', o.w11], b11: ['b1(1)', o.b11], w12: ['W2(1)', o.w12], b12: ['b2(1)', o.b12],
      w21: ['W1(2)', o.w21], w22: ['W2(2)', o.w22], b2: ['b(2)', o.b2], y: ['y', o.y],
      delta2: ['δ(2)', o.delta2], alpha: ['α', ALPHA], lossNext: ['Lnew', o.lossNext],
    }, { outside: '.widget', atLeast: 12 });
  });

  test('written out, so the formatter is under test too: the two paths bring back −0.009156 and −0.01488, and ∂L/∂x = −0.02404', async ({ page }) => {
    await page.goto(PATH);
    const part = page.locator('.chapter-body bp-follow');
    // (In the sum they are factors, in parentheses.)
    await expect(part.locator('.katex-html [data-v="dLdxPath1"]').first()).toHaveText('(−0.009156)');
    await expect(part.locator('.katex-html [data-v="dLdxPath2"]').first()).toHaveText('(−0.01488)');
    await expect(part.locator('.katex-html [data-v="dLdx"]').first()).toHaveText('−0.02404');
    await expect(page.locator('.q[data-q="delta2"] .katex-mathml')).toHaveText('δ(2)=−0.248');
    // Hidden unit 2 sits at z = 0, the top of the sigmoid's slope.
    await expect(part.locator('.katex-html [data-v="z12"]').first()).toHaveText('0');
    await expect(part.locator('.katex-html [data-v="dadz12"]').first()).toHaveText('0.25');
    await expect(page.locator('.chapter-body [data-v="numericDLdx"]')).toHaveText('−0.02404');
  });

  test('the derivation is numbered: forward, the nudge, where paths meet, the multivariable rule, paths, deltas, ∂L/∂x, gradients', async ({ page }) => {
    await page.goto(PATH);
    const ids = ['forward', 'loss', 'nudge', 'meet', 'multivariable', 'paths', 'two-paths', 'hidden-deltas', 'input-gradient', 'grads'];
    const numbers = await Promise.all(ids.map((id) => page.locator(`#eq-${id}`).getAttribute('data-eq-number')));
    expect(numbers).toEqual(ids.map((_, i) => String(i + 1)));
    await expect(page.locator('#eq-multivariable')).toHaveAttribute('title', 'the multivariable chain rule');
    await expect(page.locator('#eq-paths .katex-mathml')).toContainText('∑');
    await expect(page.locator('#eq-paths .katex-mathml')).toContainText('∏');
    await expect(page.locator('#eq-input-gradient .katex-mathml')).toContainText('⊤');
  });

  test('the engine’s code is shown: ∂L/∂x as (W⁽¹⁾)ᵀδ⁽¹⁾ from examples/parallel.ts, and the += of the autograd’s backward loop', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(2);
    await expect(code.nth(0)).toContainText('export function inputGradient(');
    await expect(code.nth(0)).toContainText('transposeTimesInto(dLdx, W1, delta1);');
    await expect(code.nth(0).locator('figcaption')).toContainText('src/engine/examples/parallel.ts, lines');
    await expect(code.nth(1)).toContainText('child.grad += node.localGrads[k]! * node.grad;');
    await expect(code.nth(1).locator('figcaption')).toContainText('src/engine/value.ts');
  });

  test('the step table: seven parameters, each θ − α∂L/∂θ, and the directions the text names', async ({ page }) => {
    await page.goto(PATH);
    const rows = page.locator('.table-wrap tbody tr');
    await expect(rows).toHaveCount(7);
    await expect(rows.first().locator('td').last()).toHaveText(fmt(at().w11Next));
    const o = at();
    // "Hidden unit 1's weight went up and hidden unit 2's went down; both output weights went up; the output's bias moved most."
    expect(o.w11Next).toBeGreaterThan(o.w11);
    expect(o.w12Next).toBeLessThan(o.w12);
    expect(o.w21Next).toBeGreaterThan(o.w21);
    expect(o.w22Next).toBeGreaterThan(o.w22);
    const moves = (['w11', 'b11', 'w12', 'b12', 'w21', 'w22'] as const).map((k) => Math.abs(o[`${k}Next`] - o[k]));
    expect(Math.abs(o.b2Next - o.b2)).toBeGreaterThan(Math.max(...moves));
    expect(o.lossNext).toBeLessThan(o.loss);
  });

  for (const [name, inputs] of [
    ['Make the twins in the widget', PRESETS.twins],
    ['Flip the sign of the weight out of unit 2, W⁽²⁾₂ = 0.6', PRESETS.opposite],
    ['Cut the connection, W⁽²⁾₂ = 0', PRESETS.cut],
    ['One answer: unit 2 mirrors unit 1', PRESETS.mirror],
  ] as const) {
    test(`the preset link “${name}” sets the widget to it`, async ({ page }) => {
      await page.goto(PATH);
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(/\?pn1\./);
      await expect(page.locator('bp-widget#pn1')).toHaveAttribute('data-ready', '');
      const w = widget(page, TITLE);
      await expect(w).toBeInViewport();
      await expectNumbers(w, at(inputs));
      for (const [key, value] of Object.entries(inputs)) await expect(field(w, key as keyof ParallelInputs)).toHaveValue(String(value));
    });
  }

  test('the presets do what the text says: twins share every delta, opposite paths cancel in part, the mirror cancels exactly', async ({ page }) => {
    const t = at(PRESETS.twins);
    expect(t.delta12).toBe(t.delta11);
    const o = at(PRESETS.opposite);
    expect(Math.sign(o.delta12)).toBe(Math.sign(o.delta11));
    expect(Math.sign(o.dLdxPath1)).not.toBe(Math.sign(o.dLdxPath2));
    expect(Math.abs(o.dLdx)).toBeLessThan(Math.max(Math.abs(o.dLdxPath1), Math.abs(o.dLdxPath2)));
    const m = at(PRESETS.mirror);
    expect(m.dLdx).toBe(0);
    expect(m.delta12).toBe(m.delta11);
    const w = await open(page, '?pn1.w12=0.3&pn1.b12=0.1&pn1.w22=0.5');
    await expect(w.getByText('Twins: hidden unit 2 is a copy of hidden unit 1')).toBeVisible();
  });
});

test.describe('the widget of two neurons in parallel', () => {
  test('shows the example in the diagram, the sum plot and the derivation, and says it to screen readers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, at(), { atLeast: 100 });
    await expect(w.locator('svg.pn-diagram')).toHaveAccessibleName(diagramName(at()));
    // Written out once: where the paths meet, as a screen reader hears it.
    await expect(w.locator('svg.pn-diagram')).toHaveAccessibleName(/At x the paths add: path 1 brings −0\.009156, path 2 brings −0\.01488, so ∂L\/∂x = −0\.02404\.$/);
    await expect(w.locator('svg.pn-sum')).toHaveAccessibleName(`On a number line, path 1’s bar runs from 0 to ${fmt(at().dLdxPath1)}, path 2’s continues from there by ${fmt(at().dLdxPath2)}, and the sum’s runs from 0 to ∂L/∂x = ${fmt(at().dLdx)}.`);
    await expect(w.getByText('Both paths bring back numbers of the same sign: they add up.')).toBeVisible();
    await expect(w.getByText('The paths bring back numbers of opposite signs')).toBeHidden();
    await expect(w.locator('.live-eq').last().locator('.katex-mathml')).toHaveText(/^∂L∂x=W1\(1\)δ1\(1\)\+W2\(1\)δ2\(1\)=0\.3⋅\(−0\.03052\)\+\(−0\.4\)⋅0\.0372=\(−0\.009156\)\+\(−0\.01488\)=−0\.02404$/);
    await expectBars(w, at());
  });

  test('typing every input recomputes both passes, both paths, every gradient, the bars and what screen readers hear', async ({ page }) => {
    const w = await open(page);
    const inputs = { x: -1.5, w11: 2, b11: -0.5, w12: 1.2, b12: 0.7, w21: -1.1, w22: 2.5, b2: -0.3, y: 0.2 };
    await typeAll(w, inputs);
    const o = at(inputs);
    await expectNumbers(w, o, { atLeast: 100 });
    await expect(w.locator('svg.pn-diagram')).toHaveAccessibleName(diagramName(o));
    await expectBars(w, o);
    expect(Math.sign(o.dLdxPath1)).not.toBe(Math.sign(o.dLdxPath2));
    await expect(w.getByText('The paths bring back numbers of opposite signs')).toBeVisible();
  });

  test('a slider moved with the keyboard moves the numbers with it (W⁽²⁾₂ up by two steps)', async ({ page }) => {
    const w = await open(page);
    const slider = w.getByRole('slider', { name: LABELS.w22, exact: true });
    await slider.focus();
    await slider.press('ArrowRight');
    await slider.press('ArrowRight');
    await expect(field(w, 'w22')).toHaveValue('-0.58');
    await expectNumbers(w, at({ w22: -0.58 }));
    await expectBars(w, at({ w22: -0.58 }));
  });

  test('cutting path 2 leaves ∂L/∂x to path 1, and the widget says so', async ({ page }) => {
    const w = await open(page);
    await field(w, 'w22').fill('0');
    const o = at({ w22: 0 });
    await expectNumbers(w, o);
    await expect(w.getByText('One path brings back nothing')).toBeVisible();
    await expect(w.locator('.katex-html [data-v="delta12"]').first()).toHaveText('0');
    await expectBars(w, o);
  });

  test('the diagram: cards in layers down the page, none overlapping, every edge from one card to the next', async ({ page }) => {
    const w = await open(page);
    const boxes = await w.locator('svg.pn-diagram .pn-card-box').evaluateAll((els) => els.map((e) => {
      const b = e.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }));
    expect(boxes).toHaveLength(5);
    const [input, h1, h2, output, loss] = boxes as [typeof boxes[0], typeof boxes[0], typeof boxes[0], typeof boxes[0], typeof boxes[0]];
    // Layers run down: input above the hidden pair, the pair side by side above the output, the loss last.
    expect(input.y + input.h).toBeLessThan(Math.min(h1.y, h2.y));
    expect(h1.y).toBeCloseTo(h2.y, 1);
    expect(h1.x + h1.w).toBeLessThan(h2.x);
    expect(Math.max(h1.y + h1.h, h2.y + h2.h)).toBeLessThan(output.y);
    expect(output.y + output.h).toBeLessThan(loss.y);
    // The input, the output and the loss share one centre line, between the two hidden units.
    const centre = (b: typeof input) => b.x + b.w / 2;
    expect(centre(input)).toBeCloseTo(centre(output), 0);
    expect(centre(loss)).toBeCloseTo(centre(output), 0);
    expect(centre(input)).toBeCloseTo((centre(h1) + centre(h2)) / 2, 0);
    // Two lanes per edge (forward, backward), 5 edges; every number of a card inside its card.
    await expect(w.locator('svg.pn-diagram .pn-lane-fwd')).toHaveCount(5);
    await expect(w.locator('svg.pn-diagram .pn-lane-back')).toHaveCount(5);
    await typeAll(w, { x: -5, w11: 5, w12: 5, b12: 4, w21: -5, b2: 5, y: -2 });
    await expectNumbers(w, at({ x: -5, w11: 5, w12: 5, b12: 4, w21: -5, b2: 5, y: -2 }));
    const outside = await w.locator('svg.pn-diagram .pn-card').evaluateAll((cards) => cards.flatMap((c) => {
      const box = c.querySelector('.pn-card-box')!.getBoundingClientRect();
      return [...c.querySelectorAll('text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left || r.right > box.right;
      }).map((t) => t.textContent);
    }));
    expect(outside, 'text that leaves its card (the mark circles excepted)').toEqual(['x', 'σ', 'σ', 'σ', 'L']);
  });
});

test.describe('working the chapter with the reader’s numbers', () => {
  test('“Work this chapter with my numbers” recomputes the worked example and switches the sentences that depend on signs', async ({ page }) => {
    const w = await open(page);
    const part = page.locator('bp-follow');
    await field(w, 'w22').fill('0.6');
    await expectNumbers(part, at(), { atLeast: 40 });       // not before the reader asks
    await w.getByRole('button', { name: 'Work this chapter with my numbers' }).click();
    const mine = at(PRESETS.opposite);
    await expectNumbers(part, mine, { atLeast: 40 });
    await expectPairs(part, { x: ['x', mine.x], w11: ['W1(1)', mine.w11], delta2: ['δ(2)', mine.delta2] }, { atLeast: 1 });
    await expect(part.getByText('Your numbers.')).toBeVisible();
    await expect(part.getByText('The two paths bring back numbers of opposite signs')).toBeVisible();
    await expect(part.getByText('Both paths bring back numbers of the same sign')).toBeHidden();
    await expect(part.getByText('Here the two deltas do not have opposite signs')).toBeVisible();
    await expect(page).toHaveURL(/pn1\.mine=on/);
    await w.getByRole('button', { name: 'Reset', exact: true }).click();
    await expectNumbers(part, at(), { atLeast: 40 });
    await expect(part.getByText('Both paths bring back numbers of the same sign')).toBeVisible();
  });
});

test.describe('the chapter on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('nothing is wider than the screen, and no display equation is cut off, in the prose or in the widget', async ({ page }) => {
    await page.goto(PATH);
    const cut = await displaysCutOff(page);
    expect(await page.locator('.chapter-body .katex-display').count()).toBeGreaterThan(25);
    expect(cut).toEqual([]);
    const w = await open(page);
    await expect(w.locator('svg.pn-diagram')).toBeVisible();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, widget: document.querySelector('bp-widget#pn1')!.scrollWidth }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widget).toBeLessThanOrEqual(390);
  });
});
