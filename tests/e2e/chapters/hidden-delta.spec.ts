// The hidden-delta chapter: every number equals the two-neuron derivation, computed here from the
// formulas of the chapter (z = wx + b, a = σ(z), δ⁽²⁾ = (a⁽²⁾ − y)σ′(z⁽²⁾), δ⁽¹⁾ = δ⁽²⁾w⁽²⁾σ′(z⁽¹⁾),
// ∂L/∂w = δ·input, and for layers δ⁽¹⁾ = (W⁽²⁾)ᵀδ⁽²⁾ ⊙ σ′(z⁽¹⁾)), in the prose and in the widget,
// before and after the reader acts. Nothing here calls the engine.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, shown } from '../numbers';
import { sigma, sigmaPrime } from '../../fixtures/oracle';
import { expectNoBadNumbers, messageFor, pressSlider, slider, type, urlParams, widget } from '../widgets';

const PATH = '/hidden-delta/';
const TITLE = 'The error flowing back through two neurons';

interface TwoNeuronInputs { x: number; w1: number; b1: number; w2: number; b2: number; y: number }

/** The running example as the chapter states it: x = 0.5 → (0.3, 0.1) → (0.5, −0.2) → ŷ, y = 1.5. */
const RUNNING: TwoNeuronInputs = { x: 0.5, w1: 0.3, b1: 0.1, w2: 0.5, b2: -0.2, y: 1.5 };

/** The widget's fields, by the names a reader (or a screen reader) finds them. */
const LABELS: Record<keyof TwoNeuronInputs, string> = {
  x: 'Input x', w1: 'Weight w⁽¹⁾', b1: 'Bias b⁽¹⁾', w2: 'Weight w⁽²⁾', b2: 'Bias b⁽²⁾', y: 'Target y',
};

/** Every number of the two-neuron derivation, for the given inputs, from the chapter's equations. */
function twoNeurons(inputs: Partial<TwoNeuronInputs> = {}) {
  const { x, w1, b1, w2, b2, y } = { ...RUNNING, ...inputs };
  const z1 = w1 * x + b1;
  const a1 = sigma(z1);
  const z2 = w2 * a1 + b2;
  const a2 = sigma(z2);
  const dadz1 = sigmaPrime(z1);
  const dadz2 = sigmaPrime(z2);
  const dLda2 = a2 - y;              // ∂/∂a⁽²⁾ of ½(y − a⁽²⁾)²
  const delta2 = dLda2 * dadz2;      // the output delta
  const dLda1 = delta2 * w2;         // ∂z⁽²⁾/∂a⁽¹⁾ = w⁽²⁾
  const delta1 = dLda1 * dadz1;      // δ⁽¹⁾ = δ⁽²⁾ w⁽²⁾ σ′(z⁽¹⁾)
  return {
    x, w1, b1, w2, b2, y, z1, a1, z2, a2, loss: 0.5 * (y - a2) ** 2,
    oneMinusA1: 1 - a1, oneMinusA2: 1 - a2,
    dLda2, dadz2, delta2, dLda1, dadz1, delta1,
    dLdw2: delta2 * a1, dLdb2: delta2, dLdw1: delta1 * x, dLdb1: delta1,
    shrink: w2 * dadz1,
  };
}

/**
 * The chapter's worked vector example: the running example with a second hidden unit (weight 2,
 * bias 0) and a second output (weights 2 and 1 from the hidden units, bias 0, target 0); W⁽²⁾'s
 * second column (−1, 1) holds the weights out of the new hidden unit.
 */
function wideExample() {
  const x = 0.5;
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
  const out: Record<string, number> = {
    x, 'wideW1-1': W1[0]!, 'wideW1-2': W1[1]!, 'wideB1-1': b1[0]!, 'wideB1-2': b1[1]!,
    'wideW2-11': W2[0]![0]!, 'wideW2-12': W2[0]![1]!, 'wideW2-21': W2[1]![0]!, 'wideW2-22': W2[1]![1]!,
    'wideB2-1': b2[0]!, 'wideB2-2': b2[1]!, 'wideY-1': y[0]!, 'wideY-2': y[1]!,
    wideFrom1: W2[0]![0]! * delta2[0]!, wideFrom2: W2[1]![0]! * delta2[1]!,
  };
  const vectors = { wideZ1: z1, wideA1: a1, wideA2: a2, wideDelta2: delta2, wideBack: back, wideDadz1: dadz1, wideDelta1: delta1, wideWrong: wrong };
  for (const [name, v] of Object.entries(vectors)) v.forEach((value, i) => { out[`${name}-${i + 1}`] = value; });
  return out;
}

/** Every number the prose (outside the widget) shows. */
function proseOracle() {
  const maxSlope = sigmaPrime(0);
  const z1BigW1 = 5 * RUNNING.x + RUNNING.b1;
  return {
    ...twoNeurons(),
    ...wideExample(),
    maxSlope,
    tenLayers: maxSlope ** 10,
    shrinkBigW2: 5 * sigmaPrime(RUNNING.w1 * RUNNING.x + RUNNING.b1),
    z1BigW1,
    dadz1BigW1: sigmaPrime(z1BigW1),
    shrinkBigBoth: 5 * sigmaPrime(z1BigW1),
  };
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  // Active (controls wired, URL read) once its element says so.
  await expect(page.locator('bp-hidden-delta#hd1')).toHaveAttribute('data-ready', '');
  return w;
}

test.describe('the hidden-delta chapter, as written', () => {
  test('the hidden delta chapter shows δ⁽¹⁾ = δ⁽²⁾·w⁽²⁾·σ′(z⁽¹⁾) for x = 0.5, and every other number of its derivation', async ({ page }) => {
    await page.goto(PATH);
    await expectNumbers(page.locator('.chapter-body'), proseOracle(), { outside: '.widget', atLeast: 100 });
  });

  test('the running example gives δ⁽²⁾ ≈ −0.2445 and δ⁽¹⁾ ≈ −0.03009, shrunk by w⁽²⁾σ′(z⁽¹⁾) ≈ 0.1231', async ({ page }) => {
    await page.goto(PATH);
    const prose = page.locator('.chapter-body > :not(.widget)');
    await expect(prose.locator('[data-v="delta2"]').first()).toHaveText('−0.2445');
    await expect(prose.locator('[data-v="delta1"]').first()).toHaveText('−0.03009');
    await expect(prose.locator('[data-v="shrink"]').first()).toHaveText('0.1231');
    await expect(prose.locator('[data-v="z1"]').first()).toHaveText('0.25'); // chapter 1's neuron, unchanged
  });

  test('the derivation is numbered: four-factor chain, hidden delta, gradients, vector form', async ({ page }) => {
    await page.goto(PATH);
    for (const id of ['forward', 'loss', 'output-delta', 'chain', 'factors', 'substituted', 'hidden-delta', 'grads-1', 'grads-2', 'hidden-delta-sum', 'hidden-delta-vector', 'grads-vector']) {
      await expect(page.locator(`#eq-${id}`), id).toHaveCount(1);
    }
    await expect(page.locator('#eq-hidden-delta')).toHaveAttribute('title', 'the hidden delta');
    await expect(page.locator('#eq-hidden-delta-vector .katex-mathml')).toContainText('⊤');
  });

  test('the vector example sums down the columns of W⁽²⁾: hidden unit 1 gets a positive delta, and W⁽²⁾δ⁽²⁾ would differ', async ({ page }) => {
    await page.goto(PATH);
    const o = wideExample();
    expect(o['wideDelta1-1']).toBeGreaterThan(0);
    expect(Math.sign(o['wideWrong-1']!)).not.toBe(Math.sign(o['wideBack-1']!));
    await expect(page.locator('.chapter-body [data-v="wideDelta1-1"]').first()).toHaveText('0.0177');
    await expect(page.locator('.aside [data-v="wideWrong-1"]').first()).toHaveText('−0.2315');
  });

  test('the engine’s code is shown beside the vector form, cut from layer-math.ts and dense.ts', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(3);
    await expect(code.nth(0)).toContainText('export function hiddenDeltaInto(');
    await expect(code.nth(0)).toContainText('transposeTimesInto(delta, WNext, deltaNext);');
    await expect(code.nth(0).locator('figcaption')).toContainText('src/engine/layer-math.ts, lines');
    await expect(code.nth(1)).toContainText('export function weightGradientsInto(');
    await expect(code.nth(2)).toContainText('export function backwardInto(');
    await expect(code.nth(2).locator('figcaption')).toContainText('src/engine/dense.ts, lines');
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
      // A new page load (the query changes): wait for it, and for its widget to read the link.
      await page.waitForURL(/\?hd1\./);
      await expect(page.locator('bp-hidden-delta#hd1')).toHaveAttribute('data-ready', '');
      const w = widget(page, TITLE);
      await expect(w).toBeInViewport();
      await expectNumbers(w, twoNeurons(inputs));
      for (const [key, value] of Object.entries(inputs)) {
        await expect(w.getByRole('textbox', { name: LABELS[key as keyof TwoNeuronInputs], exact: true })).toHaveValue(String(value));
      }
    });
  }

  test('cutting the connection (w⁽²⁾ = 0) leaves neuron 1 with δ⁽¹⁾ = 0 and no gradient', async ({ page }) => {
    const w = await open(page, '?hd1.w2=0#hd1');
    await expect(w.locator('.hd-readout [data-v="dLdw1"]')).toHaveText('0');
    await expect(w.locator('.hd-readout [data-v="dLdb1"]')).toHaveText('0');
  });
});

test.describe('the hidden-delta widget', () => {
  test('without any input it shows the running example, rendered in the HTML', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, twoNeurons(), { atLeast: 60 });
    await expect(w.getByRole('img')).toHaveAccessibleName(/times w⁽²⁾ = 0\.5 gives ∂L\/∂a⁽¹⁾ = −0\.1223; times σ′\(z⁽¹⁾\) = 0\.2461 gives δ⁽¹⁾ = −0\.03009/);
  });

  test('typing x, w⁽¹⁾, b⁽¹⁾, w⁽²⁾, b⁽²⁾ and y recomputes both passes and puts them in the URL', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Input x', '2');
    await type(w, 'Weight w⁽¹⁾', '-1.5');
    await type(w, 'Bias b⁽¹⁾', '0,7');
    await type(w, 'Weight w⁽²⁾', '3');
    await type(w, 'Bias b⁽²⁾', '−1');
    await type(w, 'Target y', '0.8');
    const o = twoNeurons({ x: 2, w1: -1.5, b1: 0.7, w2: 3, b2: -1, y: 0.8 });
    await expectNumbers(w, o);
    expect(urlParams(page, 'hd1')).toEqual({ x: '2', w1: '-1.5', b1: '0.7', w2: '3', b2: '-1', y: '0.8' });
    await expect(slider(w, 'Weight w⁽²⁾')).toHaveValue('3');
    await expect(w.getByRole('img')).toHaveAccessibleName(new RegExp(`gives δ⁽¹⁾ = ${escape(shown(o.delta1))}\\.$`));
  });

  test('arrow keys on the sliders move the inputs by one step each', async ({ page }) => {
    const w = await open(page);
    await pressSlider(w, 'Weight w⁽²⁾', 'ArrowRight', 3);
    await pressSlider(w, 'Input x', 'ArrowLeft', 2);
    await pressSlider(w, 'Target y', 'ArrowDown', 1);
    await expect(w.getByRole('textbox', { name: 'Weight w⁽²⁾' })).toHaveValue('0.53');
    await expect(w.getByRole('textbox', { name: 'Input x' })).toHaveValue('0.48');
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('1.49');
    await expectNumbers(w, twoNeurons({ w2: 0.53, x: 0.48, y: 1.49 }));
  });

  test('the bars under the four error signals are as long as their sizes, relative to the largest', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Weight w⁽²⁾', '5');
    const o = twoNeurons({ w2: 5 });
    await expectNumbers(w, o);
    const sizes = [o.dLda2, o.delta2, o.dLda1, o.delta1].map(Math.abs);
    const largest = Math.max(...sizes);
    const bars = w.locator('.hd-wide .hd-bar');
    const track = Number(await w.locator('.hd-wide .hd-bar-track').first().getAttribute('width'));
    const widths = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
    expect(widths).toHaveLength(4);
    widths.forEach((width, i) => expect(width).toBeCloseTo((sizes[i]! / largest) * track, 1));
  });

  for (const [typed, message] of [
    ['', 'Enter a number for the weight w⁽²⁾, between −5 and 5.'],
    ['abc', '“abc” is not a number: enter the weight w⁽²⁾ as a decimal, like 0.5.'],
    ['NaN', '“NaN” is not a number: enter the weight w⁽²⁾ as a decimal, like 0.5.'],
    ['1e309', '1e309 is too large to compute with: enter a number between −5 and 5.'],
    ['7', '7 is outside the range of the weight w⁽²⁾: enter a number between −5 and 5.'],
  ] as const) {
    test(`typing “${typed}” for w⁽²⁾ explains the problem and keeps the last valid numbers`, async ({ page }) => {
      const w = await open(page);
      await type(w, 'Weight w⁽²⁾', '2');
      await expectNumbers(w, twoNeurons({ w2: 2 }));
      await type(w, 'Weight w⁽²⁾', typed);
      await expect(messageFor(w, 'Weight w⁽²⁾')).toHaveText(message);
      await expect(w.getByRole('textbox', { name: 'Weight w⁽²⁾' })).toHaveAttribute('aria-invalid', '');
      await expectNumbers(w, twoNeurons({ w2: 2 }));
      await expectNoBadNumbers(page);
      await type(w, 'Weight w⁽²⁾', '0.5');
      await expect(messageFor(w, 'Weight w⁽²⁾')).toBeHidden();
      await expectNumbers(w, twoNeurons());
    });
  }

  test('a target outside −2…3 is refused with its own range', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Target y', '4');
    await expect(messageFor(w, 'Target y')).toHaveText('4 is outside the range of the target y: enter a number between −2 and 3.');
    await expectNumbers(w, twoNeurons());
    await expectNoBadNumbers(page);
  });

  test('a link restores the widget as configured, and scrolls to it', async ({ page }) => {
    const w = await open(page, '?hd1.x=2&hd1.w2=-1&hd1.y=0.5#hd1');
    await expect(w.getByRole('textbox', { name: 'Input x' })).toHaveValue('2');
    await expect(w.getByRole('textbox', { name: 'Weight w⁽²⁾' })).toHaveValue('-1');
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('0.5');
    await expectNumbers(w, twoNeurons({ x: 2, w2: -1, y: 0.5 }));
    await expect(w.locator('[data-notice]')).toBeHidden();
    await expect(w).toBeInViewport();
  });

  test('invalid values in a link fall back to the defaults with a notice', async ({ page }) => {
    const w = await open(page, '?hd1.w1=abc&hd1.w2=99&hd1.y=1e309&hd1.b2=0.1#hd1');
    const notice = w.locator('[data-notice]');
    await expect(notice).toContainText('The link gives the weight w⁽¹⁾ as “abc”, which is not a number; using the default, 0.3.');
    await expect(notice).toContainText('the weight w⁽²⁾ as “99”, which is outside the range between −5 and 5; using the default, 0.5.');
    await expect(notice).toContainText('the target y as “1e309”, which is too large to compute with; using the default, 1.5.');
    await expectNumbers(w, twoNeurons({ b2: 0.1 }));
    await expectNoBadNumbers(page);
  });

  test('Reset brings back the running example and clears the URL', async ({ page }) => {
    const w = await open(page, '?hd1.x=2&hd1.w2=-3');
    await type(w, 'Bias b⁽¹⁾', 'oops');
    await w.getByRole('button', { name: 'Reset' }).click();
    await expectNumbers(w, twoNeurons());
    await expect(messageFor(w, 'Bias b⁽¹⁾')).toBeHidden();
    await expect(w.getByRole('textbox', { name: 'Weight w⁽²⁾' })).toHaveValue('0.5');
    expect(urlParams(page, 'hd1')).toEqual({});
  });

  test('Copy link copies a link that opens the widget as configured', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = await open(page);
    await type(w, 'Weight w⁽²⁾', '-3');
    await w.getByRole('button', { name: 'Copy link' }).click();
    await expect(w.locator('[data-link-status]')).toHaveText(/Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/hidden-delta\/\?hd1\.w2=-3#hd1$/);
    await page.goto(link);
    await expectNumbers(widget(page, TITLE), twoNeurons({ w2: -3 }));
  });

  test('the wide diagram runs left to right on a desktop', async ({ page }) => {
    const w = await open(page);
    await expect(w.locator('svg.hd-wide')).toBeVisible();
    await expect(w.locator('svg.hd-tall')).toBeHidden();
  });
});

test.describe('the hidden-delta widget on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the diagram runs top to bottom, every number is right, and nothing is wider than the screen', async ({ page }) => {
    const w = await open(page);
    await expect(w.locator('svg.hd-tall')).toBeVisible();
    await expect(w.locator('svg.hd-wide')).toBeHidden();
    await type(w, 'Weight w⁽¹⁾', '4');
    await expectNumbers(w, twoNeurons({ w1: 4 }));
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, widget: document.querySelector('bp-hidden-delta')!.scrollWidth }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widget).toBeLessThanOrEqual(390);
  });
});

test.describe('the hidden-delta widget without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page still shows the running example’s numbers in the diagram and the derivation', async ({ page }) => {
    await page.goto(PATH);
    await expectNumbers(widget(page, TITLE), twoNeurons(), { atLeast: 60 });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
