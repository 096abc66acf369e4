// The sigmoid-derivative chapter: every number equals σ(z) = 1/(1 + e^−z) and σ′(z) = σ(z)(1 − σ(z)),
// computed here from the formulas, in the prose and in the widget, before and after the reader acts.
import { expect, test, type Page } from '@playwright/test';
import { expectNumbers } from '../numbers';
import { RUNNING, sigma, sigmaPrime } from '../../fixtures/oracle';
import { expectNoBadNumbers, messageFor, pressSlider, slider, type, urlParams, widget } from '../widgets';

const PATH = '/sigmoid-derivative/';
const TITLE = 'The slope of the sigmoid';

/** Every number the widget can show, for inputs x, w, b, from the chapter's equations. */
function widgetOracle(x: number, w: number, b: number) {
  const z = w * x + b;
  const a = sigma(z);
  const dadz = sigmaPrime(z);
  const wrong = z * (1 - z);
  return { x, w, b, z, a, oneMinusA: 1 - a, dadz, dadzFromZ: dadz, wrong, oneMinusZ: 1 - z, wrongOffBy: wrong - dadz };
}

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('bp-sigmoid-derivative, :scope')).toBeVisible();
  return w;
}

test.describe('the sigmoid-derivative chapter, as written', () => {
  test('the prose shows z = wx + b, a = σ(z) and σ′(z) = a(1 − a) for x = 0.5, w = 0.3, b = 0.1', async ({ page }) => {
    await page.goto(PATH);
    const { x, w, b } = RUNNING;
    const o = widgetOracle(x, w, b);
    await expectNumbers(page.locator('.chapter-body'), {
      ...o,
      slopeAt0: sigmaPrime(0), aAt5: sigma(5), slopeAt5: sigmaPrime(5), wrongAt2: 2 * (1 - 2), slopeAt2: sigmaPrime(2),
    }, { outside: '.widget', atLeast: 20 });
  });

  test('the prose shows ŷ = σ(0.25) ≈ 0.5622, not the 0.51 of some write-ups', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.locator('.chapter-body [data-v="a"]').first()).toHaveText('0.5622');
    await expect(page.locator('.chapter-body [data-v="z"]').first()).toHaveText('0.25');
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
});

test.describe('the sigmoid-derivative widget', () => {
  test('without any input it shows the running example, rendered in the HTML', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, widgetOracle(RUNNING.x, RUNNING.w, RUNNING.b), { atLeast: 10 });
    await expect(w.getByRole('img')).toHaveAccessibleName(/At z = 0\.25, σ\(z\) = 0\.5622 and the tangent has slope σ′\(z\) = 0\.2461/);
  });

  test('typing x, w and b recomputes z, a and σ′(z) and puts them in the URL', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Input x', '2');
    await type(w, 'Weight w', '-1.5');
    await type(w, 'Bias b', '0,7');
    await expectNumbers(w, widgetOracle(2, -1.5, 0.7));
    expect(urlParams(page, 'sd1')).toEqual({ x: '2', w: '-1.5', b: '0.7' });
    await expect(slider(w, 'Weight w')).toHaveValue('-1.5');
  });

  test('arrow keys on the sliders move the inputs by one step each', async ({ page }) => {
    const w = await open(page);
    await pressSlider(w, 'Weight w', 'ArrowRight', 3);
    await pressSlider(w, 'Input x', 'ArrowLeft', 2);
    await expect(w.getByRole('textbox', { name: 'Weight w' })).toHaveValue('0.33');
    await expect(w.getByRole('textbox', { name: 'Input x' })).toHaveValue('0.48');
    await expectNumbers(w, widgetOracle(0.48, 0.33, RUNNING.b));
  });

  test('the bug switch shows z(1 − z) beside the right σ′(z)', async ({ page }) => {
    const w = await open(page);
    const bug = w.getByRole('switch', { name: /Apply a\(1 − a\) to z/ });
    await expect(w.locator('.wrong-form')).toBeHidden();
    await bug.check();
    await expect(w.locator('.wrong-form')).toBeVisible();
    await type(w, 'Weight w', '4');
    await type(w, 'Bias b', '0');
    const o = widgetOracle(RUNNING.x, 4, 0);
    await expectNumbers(w, o);
    await expect(w.locator('.readout [data-v="wrong"]')).toHaveText('−2');
    expect(urlParams(page, 'sd1')).toEqual({ w: '4', b: '0', form: 'z' });
  });

  for (const [typed, message] of [
    ['', 'Enter a number for the input x, between −5 and 5.'],
    ['abc', '“abc” is not a number: enter the input x as a decimal, like 0.5.'],
    ['NaN', '“NaN” is not a number: enter the input x as a decimal, like 0.5.'],
    ['1e309', '1e309 is too large to compute with: enter a number between −5 and 5.'],
    ['7', '7 is outside the range of the input x: enter a number between −5 and 5.'],
  ] as const) {
    test(`typing “${typed}” for x explains the problem and keeps the last valid numbers`, async ({ page }) => {
      const w = await open(page);
      await type(w, 'Input x', '1');
      await expectNumbers(w, widgetOracle(1, RUNNING.w, RUNNING.b));
      await type(w, 'Input x', typed);
      await expect(messageFor(w, 'Input x')).toHaveText(message);
      await expect(w.getByRole('textbox', { name: 'Input x' })).toHaveAttribute('aria-invalid', '');
      await expectNumbers(w, widgetOracle(1, RUNNING.w, RUNNING.b));
      await expectNoBadNumbers(page);
      await type(w, 'Input x', '0.5');
      await expect(messageFor(w, 'Input x')).toBeHidden();
    });
  }

  test('a link restores the widget as configured, and scrolls to it', async ({ page }) => {
    const w = await open(page, '?sd1.x=2&sd1.w=-1&sd1.form=z#sd1');
    await expect(w.getByRole('textbox', { name: 'Input x' })).toHaveValue('2');
    await expect(w.getByRole('switch')).toBeChecked();
    await expectNumbers(w, widgetOracle(2, -1, RUNNING.b));
    await expect(w.locator('[data-notice]')).toBeHidden();
  });

  test('invalid values in a link fall back to the defaults with a notice', async ({ page }) => {
    const w = await open(page, '?sd1.x=abc&sd1.w=99&sd1.b=1e309#sd1');
    await expect(w.locator('[data-notice]')).toContainText('The link gives the input x as “abc”, which is not a number; using the default, 0.5.');
    await expect(w.locator('[data-notice]')).toContainText('the weight w as “99”, which is outside the range between −5 and 5');
    await expect(w.locator('[data-notice]')).toContainText('the bias b as “1e309”, which is too large to compute with');
    await expectNumbers(w, widgetOracle(RUNNING.x, RUNNING.w, RUNNING.b));
    await expectNoBadNumbers(page);
  });

  test('the chapter’s preset link sets w = 4, b = 0 and the bug, so z = 2', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'set w = 4, b = 0 and the bug on' }).click();
    const w = widget(page, TITLE);
    await expectNumbers(w, widgetOracle(RUNNING.x, 4, 0));
    await expect(w.locator('.wrong-form')).toBeVisible();
  });

  test('Reset brings back the running example and clears the URL', async ({ page }) => {
    const w = await open(page, '?sd1.x=2&sd1.form=z');
    await type(w, 'Bias b', 'oops');
    await w.getByRole('button', { name: 'Reset' }).click();
    await expectNumbers(w, widgetOracle(RUNNING.x, RUNNING.w, RUNNING.b));
    await expect(messageFor(w, 'Bias b')).toBeHidden();
    await expect(w.getByRole('switch')).not.toBeChecked();
    expect(urlParams(page, 'sd1')).toEqual({});
  });

  test('Copy link copies a link that opens the widget as configured', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = await open(page);
    await type(w, 'Input x', '-2');
    await w.getByRole('button', { name: 'Copy link' }).click();
    await expect(w.locator('[data-link-status]')).toHaveText(/Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/sigmoid-derivative\/\?sd1\.x=-2#sd1$/);
    await page.goto(link);
    await expectNumbers(widget(page, TITLE), widgetOracle(-2, RUNNING.w, RUNNING.b));
  });
});
