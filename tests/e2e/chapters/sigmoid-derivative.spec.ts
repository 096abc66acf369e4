// The sigmoid-derivative chapter: σ(z) = 1/(1 + e^−z) and σ′(z) = σ(z)(1 − σ(z)) = a(1 − a), on the
// running example and in the widget, and the bug of handing a(1 − a) the pre-activation z. Every
// number on the page is checked against the formulas written out in tests/fixtures/oracle.ts
// (independent of the engine). What every widget does (bad input, links, Reset, Copy link, keyboard)
// is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import { RUNNING, sigma, sigmaPrime, sigmoidSlope } from '../../fixtures/oracle';
import { widget } from '../widgets';

const PATH = '/sigmoid-derivative/';
const TITLE = 'The slope of the sigmoid';

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  return w;
}

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });
const running = () => sigmoidSlope(RUNNING.x, RUNNING.w, RUNNING.b);

/** The tangent's slope and midpoint, read back from the SVG in the plot's data units. */
async function tangentInData(w: Locator): Promise<{ slope: number; z: number; a: number }> {
  const svg = w.locator('svg.plot');
  const line = svg.locator('[data-shape="tangent"]');
  const f = await plotFrame(svg);
  const [x1, y1] = toData(f, Number(await line.getAttribute('x1')), Number(await line.getAttribute('y1')));
  const [x2, y2] = toData(f, Number(await line.getAttribute('x2')), Number(await line.getAttribute('y2')));
  return { slope: (y2 - y1) / (x2 - x1), z: (x1 + x2) / 2, a: (y1 + y2) / 2 };
}

test.describe('the sigmoid-derivative chapter, as written', () => {
  test('the prose shows z = wx + b, a = σ(z) and σ′(z) = a(1 − a) for x = 0.5, w = 0.3, b = 0.1', async ({ page }) => {
    await page.goto(PATH);
    const o = running();
    await expectNumbers(page.locator('.chapter-body'), {
      ...o, yHat: o.a,
      slopeAt0: sigmaPrime(0), aAt5: sigma(5), slopeAt5: sigmaPrime(5), wrongAt2: 2 * (1 - 2), slopeAt2: sigmaPrime(2),
    }, { outside: '.widget', atLeast: 25 });
    // "symbol = number" pairs, read as a screen reader reads them (the MathML): one name, one symbol.
    await expectPairs(page.locator('.chapter-body'), {
      z: ['z', o.z], yHat: ['y^', o.a], a: ['a', o.a],
      slopeAt0: ['σ′(0)', sigmaPrime(0)], aAt5: ['σ(5)', sigma(5)], slopeAt5: ['σ′(5)', sigmaPrime(5)], slopeAt2: ['σ′(2)', sigmaPrime(2)],
    }, { outside: '.widget', atLeast: 8 });
  });

  test('the prose prints z = 0.25 and ŷ = 0.5622, and says what the source draft wrote: e^(−0.05), and nothing after it (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const aside = page.locator('.chapter-body .aside').first();
    await expect(aside.locator('.q[data-q="z"] .katex-mathml')).toHaveText(['z=0.25', 'z=0.25']);
    await expect(aside.locator('.katex-mathml').filter({ hasText: /^e−0\.05$/ })).toHaveCount(1);
    await expect(aside).toContainText('and stops there: it computes no output from it, nor any number after it.');
    await expect(aside.locator('.q[data-q="yHat"] .katex-mathml')).toHaveText('y^=0.5622');
    await expect(page.locator('.chapter-body .katex-html [data-v="dadz"]').first()).toHaveText('0.2461');
  });

  test('the engine’s sigmoid code is shown beside the derivation, cut from src/engine/activations.ts', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(4);
    await expect(code.nth(2)).toContainText('export function sigmoidPrimeFromA(a: number): number');
    await expect(code.nth(2)).toContainText('return a * (1 - a);');
    await expect(code.nth(2).locator('figcaption')).toContainText('src/engine/activations.ts, lines');
    await expect(code.nth(3)).toContainText('export function sigmoidSlope(a: number, z: number): number');
  });

  test('the bug’s z(1 − z) is said to be negative for z > 1 and for every negative z, as the closed form is', async ({ page }) => {
    const wrong = (z: number) => z * (1 - z);
    for (const z of [-3, -0.5, -1e-3, 1 + 1e-3, 2, 5]) expect(wrong(z), `z = ${z}`).toBeLessThan(0);
    for (const z of [1e-3, 0.5, 1 - 1e-3]) expect(wrong(z), `z = ${z}`).toBeGreaterThan(0);
    await page.goto(PATH);
    const sentence = page.locator('.chapter-body p').filter({ hasText: 'and for every negative' });
    await expect(sentence).toContainText(', it is worse:');
    await expect(sentence.locator('.katex-mathml')).toHaveText(['z>1', 'z', 'z(1−z)', 'z=2', /^σ′\(2\)=/]);
  });

  test('the chapter’s link sets w = 4, b = 0 and the bug, so z = 2 and z(1 − z) = −2', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'set w = 4, b = 0 and the bug on' }).click();
    const w = widget(page, TITLE);
    await expect(w.getByRole('switch', { name: /Apply a\(1 − a\) to z/ })).toBeChecked();
    await expectNumbers(w, sigmoidSlope(RUNNING.x, 4, 0));
    await expect(w.locator('.readout [data-v="wrong"]')).toHaveText('−2');
    await expect(w.locator('.wrong-form')).toBeVisible();
  });
});

test.describe('the sigmoid-derivative widget', () => {
  test('shows the running example, and names its plot for screen readers with the same numbers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, running(), { atLeast: 15 });
    await expect(w.getByRole('img')).toHaveAccessibleName('σ(z) and its slope σ′(z) for z from −8 to 8. At z = 0.25, σ(z) = 0.5622 and the tangent has slope σ′(z) = 0.2461.');
  });

  test('the tangent touches σ at (z, a) with slope σ′(z), in the plot’s own units, and follows the input', async ({ page }) => {
    const w = await open(page);
    for (const [x, w_, b] of [[RUNNING.x, RUNNING.w, RUNNING.b], [1, -2, 0.5]] as const) {
      await field(w, 'Input x').fill(String(x));
      await field(w, 'Weight w').fill(String(w_));
      await field(w, 'Bias b').fill(String(b));
      const o = sigmoidSlope(x, w_, b);
      await expect.poll(async () => {
        const t = await tangentInData(w);
        return Math.abs(t.slope - o.dadz) < 1e-3 && Math.abs(t.z - o.z) < 1e-3 && Math.abs(t.a - o.a) < 1e-3;
      }).toBe(true);
      await expectNumbers(w, o);
    }
  });

  test('the bug switch shows z(1 − z): its curve, marker, legend entry and equations, and says so to screen readers', async ({ page }) => {
    const w = await open(page);
    const bugParts = w.locator('[data-show-when="bug"]');
    await expect(bugParts).toHaveCount(5);  // curve, marker, legend entry, plot description, equations
    const svgParts = w.locator('svg.plot [data-show-when="bug"]');
    await expect(w.locator('.wrong-form')).toBeHidden();
    for (let i = 0; i < 3; i++) await expect(svgParts.nth(i)).toBeHidden();
    await w.getByRole('switch', { name: /Apply a\(1 − a\) to z/ }).check();
    await expect(w.locator('.wrong-form')).toBeVisible();
    for (let i = 0; i < 3; i++) await expect(svgParts.nth(i)).toBeVisible();
    await expect(w.locator('svg.plot .legend')).toContainText('z(1 − z)');
    await expect(w.getByRole('img')).toHaveAccessibleName(/The bug’s z\(1 − z\) gives 0\.1875 instead\.$/);
    await field(w, 'Weight w').fill('4');
    await field(w, 'Bias b').fill('0');
    await expectNumbers(w, sigmoidSlope(RUNNING.x, 4, 0));
    // The wrong "slope" −2 is below the plot: its marker sits on the lower edge.
    const marker = w.locator('[data-shape="markerWrong"]');
    const f = await plotFrame(w.locator('svg.plot'));
    await expect.poll(async () => toData(f, Number(await marker.getAttribute('cx')), Number(await marker.getAttribute('cy')))[1]).toBeCloseTo(f.y[0], 2);
    await w.getByRole('switch', { name: /Apply a\(1 − a\) to z/ }).uncheck();
    for (let i = 0; i < 3; i++) await expect(svgParts.nth(i)).toBeHidden();
    await expect(w.locator('.wrong-form')).toBeHidden();
  });

  test('a saturated neuron (z = 30): a shows 1.000, and a(1 − a) shows 1 − a as the tiny number it is, never 1 − 1', async ({ page }) => {
    const w = await open(page);
    for (const name of ['Input x', 'Weight w', 'Bias b']) await field(w, name).fill('5');
    await expectNumbers(w, sigmoidSlope(5, 5, 5));
    const slopeFromA = w.locator('.live-eq').filter({ has: page.locator('[data-v="dadzFromA"]') });
    await expect(slopeFromA.locator('.katex-html [data-v="a"]')).toHaveText('1.000');
    await expect(slopeFromA.locator('.katex-html [data-v="oneMinusA"]')).toHaveText('9.358×10⁻¹⁴');
    await expect(slopeFromA.locator('.katex-mathml')).toHaveText(/=1\.000⋅9\.358×10⁻¹⁴=9\.358×10⁻¹⁴$/);
    await expect(w.getByText('z is outside the plotted range')).toBeVisible();
  });
});
