// The hidden-delta chapter: two neurons in a row, δ⁽²⁾ = (a⁽²⁾ − y)σ′(z⁽²⁾), δ⁽¹⁾ = δ⁽²⁾w⁽²⁾σ′(z⁽¹⁾), the
// four gradients δ·input, vanishing gradients, and for layers δ⁽¹⁾ = (W⁽²⁾)ᵀδ⁽²⁾ ⊙ σ′(z⁽¹⁾). Every number on
// the page is checked against the formulas written out here and in tests/fixtures/oracle.ts (independent
// of the engine). What every widget does (bad input, links, Reset, Copy link, keyboard, axe) is checked
// once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt } from '../../../src/format/number';
import { expectNumbers, expectPairs } from '../numbers';
import { sigma, sigmaPrime, TWO_NEURONS, twoNeurons, type TwoNeuronInputs } from '../../fixtures/oracle';
import { widget } from '../widgets';
import { halfSquaredErrorOfOutputs } from '../../fixtures/oracle-fixes';
import { displaysCutOff } from '../phone';

const PATH = '/hidden-delta/';
const TITLE = 'The error flowing back through two neurons';

/** The widget's fields, by the names a reader (or a screen reader) finds them. */
const LABELS: Record<keyof TwoNeuronInputs, string> = {
  x: 'Input x', w1: 'Weight w⁽¹⁾', b1: 'Bias b⁽¹⁾', w2: 'Weight w⁽²⁾', b2: 'Bias b⁽²⁾', y: 'Target y',
};

/** Every number of the two-neuron derivation for the running example changed by `inputs`. */
const at = (inputs: Partial<TwoNeuronInputs> = {}) => twoNeurons({ ...TWO_NEURONS, ...inputs });

/**
 * The chapter's worked vector example: the running example with a second hidden unit (weight 2,
 * bias 0) and a second output (weights 2 and 1 from the hidden units, bias 0, target 0); W⁽²⁾'s
 * second column (−1, 1) holds the weights out of the new hidden unit.
 */
function wideExample() {
  const { x } = TWO_NEURONS;
  const W1 = [0.3, 2];
  const b1 = [0.1, 0];
  const W2 = [[0.5, -1], [2, 1]];
  const b2 = [-0.2, 0];
  const y = [1.5, 0];
  const z1 = W1.map((w, j) => w * x + b1[j]!);
  const a1 = z1.map(sigma);
  const z2 = W2.map((row, k) => row[0]! * a1[0]! + row[1]! * a1[1]! + b2[k]!);
  const a2 = z2.map(sigma);
  const delta2 = a2.map((a, k) => (a - y[k]!) * sigmaPrime(z2[k]!));
  // Each hidden unit j collects Σₖ W⁽²⁾ₖⱼ δ⁽²⁾ₖ: down column j of W⁽²⁾.
  const back = [0, 1].map((j) => W2[0]![j]! * delta2[0]! + W2[1]![j]! * delta2[1]!);
  const dadz1 = z1.map(sigmaPrime);
  const delta1 = back.map((s, j) => s * dadz1[j]!);
  // The bug: along the rows of W⁽²⁾.
  const wrong = [0, 1].map((k) => W2[k]![0]! * delta2[0]! + W2[k]![1]! * delta2[1]!);
  const out: Record<string, number> = { x, wideFrom1: W2[0]![0]! * delta2[0]!, wideFrom2: W2[1]![0]! * delta2[1]!, wideLoss: halfSquaredErrorOfOutputs(y, a2) };
  W2.forEach((row, i) => row.forEach((w, j) => { out[`wideW2-${i + 1}-${j + 1}`] = w; }));
  const vectors = { wideY: y, wideW1: W1, wideB1: b1, wideB2: b2, wideZ1: z1, wideA1: a1, wideA2: a2, wideDelta2: delta2, wideBack: back, wideDadz1: dadz1, wideDelta1: delta1, wideWrong: wrong };
  for (const [name, v] of Object.entries(vectors)) v.forEach((value, i) => { out[`${name}-${i + 1}`] = value; });
  return out;
}

/** Every number the prose (outside the widget) shows. */
function proseOracle() {
  const maxSlope = sigmaPrime(0);
  const { x, b1, w1 } = TWO_NEURONS;
  const z1BigW1 = 5 * x + b1; // the link "make w⁽¹⁾ = 5 as well"
  return {
    ...at(),
    ...wideExample(),
    maxSlope,
    weightLimit: 1 / maxSlope,
    tenLayers: maxSlope ** 10,
    shrinkBigW2: 5 * sigmaPrime(w1 * x + b1),
    z1BigW1,
    dadz1BigW1: sigmaPrime(z1BigW1),
    shrinkBigBoth: 5 * sigmaPrime(z1BigW1),
    delta1Cut: 0, // the link "Cut the connection, w⁽²⁾ = 0": nothing reaches neuron 1
  };
}

/** The diagram's sentence for screen readers, for the given numbers, as the chapter words it. */
function diagramName(o: ReturnType<typeof at>): string {
  const s = (v: number) => fmt(v);
  return `Two neurons in a row. Forward: x = ${s(o.x)}, z⁽¹⁾ = ${s(o.z1)}, a⁽¹⁾ = ${s(o.a1)}, z⁽²⁾ = ${s(o.z2)}, ŷ = a⁽²⁾ = ${s(o.a2)}, loss L = ${s(o.loss)} for target y = ${s(o.y)}. `
    + `Backward: ∂L/∂a⁽²⁾ = ${s(o.dLda2)}; times σ′(z⁽²⁾) = ${s(o.dadz2)} gives δ⁽²⁾ = ${s(o.delta2)}; times w⁽²⁾ = ${s(o.w2)} gives ∂L/∂a⁽¹⁾ = ${s(o.dLda1)}; `
    + `times σ′(z⁽¹⁾) = ${s(o.dadz1)} gives δ⁽¹⁾ = ${s(o.delta1)}.`;
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(page.locator('bp-widget#hd1')).toHaveAttribute('data-ready', '');
  return w;
}

const field = (w: Locator, key: keyof TwoNeuronInputs) => w.getByRole('textbox', { name: LABELS[key], exact: true });

async function typeAll(w: Locator, inputs: Partial<TwoNeuronInputs>): Promise<void> {
  for (const [key, value] of Object.entries(inputs)) await field(w, key as keyof TwoNeuronInputs).fill(String(value));
}

/**
 * Each bar's length relative to its track (both in the diagram's SVG units, both starting at the same
 * x) equals |value| / max |value| of the four error signals, with a sliver of 1 unit for tiny ones.
 */
async function expectBars(diagram: Locator, o: ReturnType<typeof at>): Promise<void> {
  const names = ['dLda2', 'delta2', 'dLda1', 'delta1'] as const;
  const largest = Math.max(...names.map((n) => Math.abs(o[n])));
  await expect(async () => {
    const drawn = await diagram.locator('.hd-pill').evaluateAll((pills) => pills.map((p) => {
      const bar = p.querySelector('.hd-bar')!, track = p.querySelector('.hd-bar-track')!;
      return { name: p.querySelector('.hd-value [data-v]')!.getAttribute('data-v'), bar: Number(bar.getAttribute('width')), track: Number(track.getAttribute('width')), sameStart: bar.getAttribute('x') === track.getAttribute('x') };
    }));
    expect(drawn.map((d) => d.name)).toEqual([...names]);
    for (const [i, d] of drawn.entries()) {
      const share = Math.abs(o[names[i]!]) / largest;
      expect(d.sameStart, d.name!).toBe(true);
      expect(d.bar / d.track, d.name!).toBeCloseTo(share > 0 ? Math.max(share, 1 / d.track) : 0, 3);
    }
  }).toPass({ timeout: 5_000 });
}

test.describe('the hidden-delta chapter, as written', () => {
  test('the prose shows every number of the derivation for x = 0.5, w⁽¹⁾ = 0.3, b⁽¹⁾ = 0.1, w⁽²⁾ = 0.5, b⁽²⁾ = −0.2, y = 1.5, and of the vector example', async ({ page }) => {
    await page.goto(PATH);
    const o = proseOracle();
    await expectNumbers(page.locator('.chapter-body'), o, { outside: '.widget', atLeast: 120 });
    // "symbol = number" pairs, read as a screen reader reads them (the MathML): symbol and value from one name.
    await expectPairs(page.locator('.chapter-body'), {
      x: ['x', o.x], w1: ['w(1)', o.w1], b1: ['b(1)', o.b1], w2: ['w(2)', o.w2], b2: ['b(2)', o.b2], y: ['y', o.y],
      dLda2: ['∂L/∂a(2)', o.dLda2], dLda1: ['∂L/∂a(1)', o.dLda1], maxSlope: ['σ′(0)', o.maxSlope],
      delta1: ['δ(1)', o.delta1], delta2: ['δ(2)', o.delta2],
      z1BigW1: ['z(1)', o.z1BigW1], dadz1BigW1: ['σ′(z(1))', o.dadz1BigW1], delta1Cut: ['δ(1)', o.delta1Cut],
    }, { outside: '.widget, [data-q="tenLayers"]', atLeast: 15 });
    // The one pair with "≈": (1/4)^10 is rounded to four digits.
    await expect(page.locator('.q[data-q="tenLayers"] .katex-mathml')).toHaveText(`(14)10≈${fmt(o.tenLayers)}`);
  });

  test('the running example prints δ⁽²⁾ = −0.2445 and δ⁽¹⁾ = −0.03009, shrunk by 0.1231 (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.locator('.q[data-q="delta2"] .katex-mathml')).toHaveText('δ(2)=−0.2445');
    await expect(page.locator('.q[data-q="delta1"] .katex-mathml')).toHaveText('δ(1)=−0.03009');
    const prose = page.locator('.chapter-body > :not(.widget)');
    await expect(prose.locator('.katex-html [data-v="shrink"]').first()).toHaveText('0.1231');
    await expect(prose.locator('.katex-html [data-v="z1"]').first()).toHaveText('0.25'); // chapter 1's neuron, unchanged
    await expect(prose.locator('[data-v="weightLimit"]')).toHaveText('4');
  });

  test('the derivation is numbered: four-factor chain, hidden delta, gradients, vector form', async ({ page }) => {
    await page.goto(PATH);
    for (const id of ['forward', 'loss', 'output-delta', 'chain', 'factors', 'substituted', 'hidden-delta', 'grads-1', 'grads-2', 'loss-vector', 'hidden-delta-sum', 'hidden-delta-vector', 'grads-vector']) {
      await expect(page.locator(`#eq-${id}`), id).toHaveCount(1);
    }
    await expect(page.locator('#eq-hidden-delta')).toHaveAttribute('title', 'the hidden delta');
    // The book's one transpose: a sans-serif T (ᵀ in plain text), never ⊤.
    await expect(page.locator('#eq-hidden-delta-vector .katex-mathml mi[mathvariant="sans-serif"]')).toHaveText('T');
    expect(await page.locator('.chapter-body .katex-mathml').filter({ hasText: '⊤' }).count()).toBe(0);
    await expect(page.locator('#eq-loss-vector')).toHaveAttribute('title', 'the loss of several outputs');
  });

  test('the promise is kept: the link to chapter 5 leads to its two-neuron step; and z = 2.6 is not called the flat tail', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByRole('link', { name: 'Chapter 5 takes that step' })).toHaveAttribute('href', '/weight-update/#two-neurons-one-step');
    const o = proseOracle();
    expect(o.dadz1BigW1 / o.maxSlope).toBeGreaterThan(0.2); // a quarter of the largest slope: not flat
    const sentence = page.locator('.chapter-body p').filter({ hasText: 'as well' });
    await expect(sentence).toContainText('the sigmoid has begun to flatten');
    await expect(sentence).not.toContainText('flat tail');
    await expect(page.locator('.chapter-body')).toContainText('layer back to the first');
  });

  test('the vector example sums down the columns of W⁽²⁾: hidden unit 1 gets a positive delta, and W⁽²⁾δ⁽²⁾ would differ', async ({ page }) => {
    await page.goto(PATH);
    const o = wideExample();
    expect(o['wideDelta1-1']).toBeGreaterThan(0);
    expect(Math.sign(o['wideWrong-1']!)).not.toBe(Math.sign(o['wideBack-1']!));
    await expect(page.locator('.chapter-body .katex-html [data-v="wideDelta1-1"]').first()).toHaveText('0.0177');
    await expect(page.locator('.aside .katex-html [data-v="wideWrong-1"]').first()).toHaveText('−0.2315');
    await expect(page.locator('.chapter-body [data-v="wideFrom2"]')).toHaveText(fmt(o['wideFrom2']!, { style: 'signed' }));
  });

  test('the engine’s code is shown beside the vector form, cut from layer-math.ts and dense.ts', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(3);
    await expect(code.nth(0)).toContainText('export function hiddenDeltaInto(');
    await expect(code.nth(0)).toContainText('transposeTimesInto(delta, WNext, deltaNext);');
    await expect(code.nth(0).locator('figcaption')).toContainText('src/engine/layer-math.ts, lines');
    await expect(code.nth(1)).toContainText('export function weightGradientsInto(');
    // The whole backward pass (its excerpt is being fixed elsewhere: only the figure and its source here).
    await expect(code.nth(2).locator('figcaption')).toContainText('src/engine/dense.ts');
  });

  for (const [name, inputs] of [
    ['With w⁽²⁾ = 5', { w2: 5 }],
    ['make w⁽¹⁾ = 5 as well', { w1: 5, w2: 5 }],
    ['A reachable target, y = 0.5', { y: 0.5 }],
    ['Cut the connection, w⁽²⁾ = 0', { w2: 0 }],
    ['A negative weight, w⁽²⁾ = −2', { w2: -2 }],
  ] as const) {
    test(`the preset link “${name}” sets the widget to it`, async ({ page }) => {
      await page.goto(PATH);
      await page.getByRole('link', { name, exact: true }).click();
      // A new page load (the query changes): wait for it, and for the widget to read the link.
      await page.waitForURL(/\?hd1\./);
      await expect(page.locator('bp-widget#hd1')).toHaveAttribute('data-ready', '');
      const w = widget(page, TITLE);
      await expect(w).toBeInViewport();
      await expectNumbers(w, at(inputs));
      for (const [key, value] of Object.entries(inputs)) await expect(field(w, key as keyof TwoNeuronInputs)).toHaveValue(String(value));
    });
  }

  test('the links’ prose agrees with the widget: with w⁽²⁾ = 5 the factor is the widget’s w⁽²⁾σ′(z⁽¹⁾), above 1', async ({ page }) => {
    const w = await open(page, '?hd1.w2=5#hd1');
    const shrink = page.locator('.chapter-body > :not(.widget) [data-v="shrinkBigW2"]');
    await expect(w.locator('.hd-readout [data-v="shrink"]')).toHaveText((await shrink.textContent())!);
    expect(proseOracle().shrinkBigW2).toBeGreaterThan(1);
  });
});

test.describe('the hidden-delta widget', () => {
  test('shows the running example in the diagram, the readout and the derivation, and says it to screen readers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, at(), { atLeast: 60 });
    await expect(w.locator('svg.hd-wide')).toHaveAccessibleName(diagramName(at()));
    // Written out once: the sentence a screen reader reads for the diagram.
    await expect(w.locator('svg.hd-wide')).toHaveAccessibleName(/times w⁽²⁾ = 0\.5 gives ∂L\/∂a⁽¹⁾ = −0\.1223; times σ′\(z⁽¹⁾\) = 0\.2461 gives δ⁽¹⁾ = −0\.03009\.$/);
    // The live equations are read from their MathML, whose numbers are marked too.
    await expect(w.locator('.hd-backward .live-eq').last().locator('.katex-mathml')).toHaveText(/^δ\(1\)=δ\(2\)\s*w\(2\)\s*σ′\(z\(1\)\)=\(−0\.2445\)⋅0\.5⋅0\.2461=−0\.03009$/);
  });

  test('typing x, w⁽¹⁾, b⁽¹⁾, w⁽²⁾, b⁽²⁾ and y recomputes both passes, the gradients, and what screen readers hear', async ({ page }) => {
    const w = await open(page);
    const inputs = { x: 2, w1: -1.5, b1: 0.7, w2: 3, b2: -1, y: 0.8 };
    await typeAll(w, inputs);
    const o = at(inputs);
    await expectNumbers(w, o, { atLeast: 60 });
    await expect(w.locator('svg.hd-wide')).toHaveAccessibleName(diagramName(o));
    await expect(w.locator('.hd-gradients .katex-mathml [data-v="dLdw1"]')).toHaveText(fmt(o.dLdw1));
  });

  test('the bars under the four error signals are as long as their sizes, relative to the largest', async ({ page }) => {
    const w = await open(page);
    const diagram = w.locator('svg.hd-wide');
    await expectBars(diagram, at());
    // Growing back (w⁽²⁾ = 5), cut (0: no bar), nearly cut (a sliver), negative.
    for (const w2 of [5, 0, 0.01, -3]) {
      await field(w, 'w2').fill(String(w2));
      await expectBars(diagram, at({ w2 }));
    }
  });

  test('a saturated hidden neuron (x = 5, w⁽¹⁾ = 5): a⁽¹⁾ prints 1.000, and 1 − a⁽¹⁾ and σ′(z⁽¹⁾) show the small numbers they are', async ({ page }) => {
    const w = await open(page);
    await typeAll(w, { x: 5, w1: 5 });
    const o = at({ x: 5, w1: 5 });
    await expectNumbers(w, o);
    await expect(w.locator('.katex-html [data-v="a1"]').first()).toHaveText('1.000');
    await expect(w.locator('.katex-html [data-v="oneMinusA1"]').first()).toHaveText('1.257×10⁻¹¹');
    await expect(w.locator('.katex-html [data-v="dadz1"]').first()).toHaveText(fmt(o.dadz1));
    // The long number is drawn smaller, so it stays inside its place in the diagram.
    const size = await w.locator('svg.hd-wide [data-shape="fit-dadz1"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeLessThan(12.5);
  });

  test('the wide diagram runs left to right on a desktop', async ({ page }) => {
    const w = await open(page);
    await expect(w.locator('svg.hd-wide')).toBeVisible();
    await expect(w.locator('svg.hd-tall')).toBeHidden();
    await expect(w.getByRole('img')).toHaveCount(1);
  });
});

test.describe('the hidden-delta chapter on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the diagram runs top to bottom, with the same sentence for screen readers, the same bars, and nothing wider than the screen', async ({ page }) => {
    const w = await open(page);
    await expect(w.locator('svg.hd-tall')).toBeVisible();
    await expect(w.locator('svg.hd-wide')).toBeHidden();
    await expect(w.getByRole('img')).toHaveAccessibleName(diagramName(at()));
    await typeAll(w, { w1: 4 });
    const o = at({ w1: 4 });
    await expectNumbers(w, o);
    await expectBars(w.locator('svg.hd-tall'), o);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, widget: document.querySelector('bp-widget#hd1')!.scrollWidth }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widget).toBeLessThanOrEqual(390);
  });

  test('no display equation is cut off: each fits its column, in the prose and in the widget', async ({ page }) => {
    await page.goto(PATH);
    const cut = await displaysCutOff(page);
    expect(await page.locator('.chapter-body .katex-display').count()).toBeGreaterThan(30);
    expect(cut).toEqual([]);
  });
});
