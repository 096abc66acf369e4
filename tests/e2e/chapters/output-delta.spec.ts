// The output-delta chapter: δ = ∂L/∂z = (a − y)·σ′(z), the gradients δx and δ, saturation, an unreachable
// target and cross-entropy. Every number on the page is checked against the formulas written out here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers } from '../numbers';
import { RUNNING, neuron, sigma, sigmaPrime } from '../oracle';
import { expectNoBadNumbers, messageFor, pressSlider, type, urlParams, widget } from '../widgets';

const PATH = '/output-delta/';
const TITLE = 'The output delta';
const REACHABLE = 0.8; // the chapter's reachable target, as stated in its text

/** Every number the widget can show, from the output-delta formulas. */
function deltaOracle(x: number, w: number, b: number, y: number) {
  const o = neuron({ x, w, b, y, alpha: RUNNING.alpha });
  const lossFloor = y >= 1 ? 0.5 * (y - 1) ** 2 : y <= 0 ? 0.5 * y ** 2 : 0;
  return { x, w, b, y, z: o.z, a: o.a, dLda: o.a - y, dadz: o.dadz, oneMinusA: 1 - o.a, delta: (o.a - y) * o.dadz, dLdw: o.delta * x, dLdb: o.delta, lossFloor };
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  return w;
}

const note = (w: Locator, name: string) => w.locator(`[data-note="${name}"]`);

test.describe('the output-delta chapter, as written', () => {
  test('the prose shows δ = (a − y)·σ′(z) and ∂L/∂w = δx for x = 0.5, w = 0.3, b = 0.1, y = 1.5', async ({ page }) => {
    await page.goto(PATH);
    const o = deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y);
    const sweep: Record<string, number> = {};
    [-6, -3, 0, 3, 6].forEach((z, i) => {
      const a = sigma(z);
      Object.assign(sweep, { [`sweepZ${i}`]: z, [`sweepA${i}`]: a, [`sweepErr${i}`]: a - 1.5, [`sweepSlope${i}`]: sigmaPrime(z), [`sweepDelta${i}`]: (a - 1.5) * sigmaPrime(z) });
    });
    const stuckA = sigma(10 * RUNNING.x + RUNNING.b); // w = 10, y = 0
    const reach = neuron({ ...RUNNING, y: REACHABLE });
    await expectNumbers(page.locator('.chapter-body'), {
      ...o, ...sweep, floor: 0.5 * (1.5 - 1) ** 2, reachableY: REACHABLE, reachDelta: reach.delta,
      stuckHalf: (stuckA - 0) * sigmaPrime(10 * RUNNING.x + RUNNING.b), stuckCross: stuckA - 0,
    }, { outside: '.widget', atLeast: 35 });
  });

  test('the table of δ over z shows the error largest where δ is small', async ({ page }) => {
    await page.goto(PATH);
    const rows = page.locator('.table-wrap tbody tr');
    await expect(rows).toHaveCount(5);
    await expect(rows.first().locator('th')).toHaveText('−6');
    await expect(page.locator('.table-wrap caption')).toContainText('computed by the engine');
  });

  test('the engine’s outputDeltaInto is shown beside the derivation', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.locator('.engine-code').filter({ hasText: 'export function outputDeltaInto' })).toContainText('timesSlopeInto(delta, dLda, a, z, activation);');
  });
});

test.describe('the output-delta widget', () => {
  test('without any input it shows δ for the running example and warns that y = 1.5 is out of reach', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 20 });
    await expect(note(w, 'unreachable')).toBeVisible();
    await expect(note(w, 'saturated')).toBeHidden();
    await expect(w.getByRole('img')).toHaveAccessibleName(/At z = 0\.25, δ = −0\.2308/);
  });

  test('typing a large weight saturates the neuron: δ shrinks and the widget says why', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Weight w', '10');
    await type(w, 'Input x', '1');
    await expectNumbers(w, deltaOracle(1, 10, RUNNING.b, RUNNING.y));
    await expect(note(w, 'saturated')).toBeVisible();
    expect(urlParams(page, 'od1')).toEqual({ w: '10', x: '1' });
  });

  test('a reachable target removes the floor; arrow keys move y by one step', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Target y', '0.8');
    await expect(note(w, 'unreachable')).toBeHidden();
    await pressSlider(w, 'Target y', 'ArrowLeft', 3);
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('0.77');
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, 0.77));
  });

  test('the chapter’s link sets the reachable target', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'set this target in the widget' }).click();
    const w = widget(page, TITLE);
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue(String(REACHABLE));
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, REACHABLE));
  });

  for (const [typed, message] of [
    ['', 'Enter a number for the bias b, between −5 and 5.'],
    ['0.1.2', '“0.1.2” is not a number: enter the bias b as a decimal, like 0.1.'],
    ['-1e309', '-1e309 is too large to compute with: enter a number between −5 and 5.'],
    ['NaN', '“NaN” is not a number: enter the bias b as a decimal, like 0.1.'],
    ['-6', '−6 is outside the range of the bias b: enter a number between −5 and 5.'],
  ] as const) {
    test(`typing “${typed}” for b explains the problem and keeps the last valid δ`, async ({ page }) => {
      const w = await open(page);
      await type(w, 'Bias b', '-1');
      await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, -1, RUNNING.y));
      await type(w, 'Bias b', typed);
      await expect(messageFor(w, 'Bias b')).toHaveText(message);
      await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, -1, RUNNING.y));
      await expectNoBadNumbers(page);
    });
  }

  test('a link restores the widget; invalid link values fall back with a notice', async ({ page }) => {
    let w = await open(page, '?od1.x=-2&od1.y=0.3#od1');
    await expectNumbers(w, deltaOracle(-2, RUNNING.w, RUNNING.b, 0.3));
    w = await open(page, '?od1.y=Infinity&od1.x=4e400#od1');
    await expect(w.locator('[data-notice]')).toContainText('The link gives the target y as “Infinity”, which is not a number; using the default, 1.5.');
    await expect(w.locator('[data-notice]')).toContainText('the input x as “4e400”, which is too large to compute with');
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y));
  });

  test('Reset brings back the running example', async ({ page }) => {
    const w = await open(page, '?od1.w=7&od1.y=0.5#od1');
    await w.getByRole('button', { name: 'Reset' }).click();
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y));
    expect(urlParams(page, 'od1')).toEqual({});
  });
});
