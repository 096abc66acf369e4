// The output-delta chapter: δ = ∂L/∂z = (a − y)·σ′(z), the gradients δx and δ, saturation, an unreachable
// target and cross-entropy. Every number on the page is checked against the formulas written out here
// (tests/fixtures/oracle.ts, independent of the engine). What every widget does (bad input, links,
// Reset, keyboard) is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import { RUNNING, neuron, sigma, sigmaPrime } from '../../fixtures/oracle';
import { widget } from '../widgets';

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

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });

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
      ...o, ...sweep, reachableY: REACHABLE, reachDelta: reach.delta,
      stuckHalf: (stuckA - 0) * sigmaPrime(10 * RUNNING.x + RUNNING.b), stuckCross: stuckA - 0,
    }, { outside: '.widget', atLeast: 35 });
    // "symbol = number" pairs are read as a screen reader reads them: symbol and value from one name.
    await expectPairs(page.locator('.chapter-body'), {
      a: ['a', o.a], dadz: ['σ′(z)', o.dadz], reachableY: ['y', REACHABLE], reachDelta: ['δ', reach.delta],
    }, { outside: '.widget', atLeast: 4 });
  });

  test('the prose prints δ = −0.2308 and ∂L/∂w = −0.1154 for the running example (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body bp-follow');
    await expect(body.locator('.katex-html [data-v="delta"]').first()).toHaveText('−0.2308');
    await expect(body.locator('.katex-html [data-v="dLdw"]').first()).toHaveText('−0.1154');
    await expect(body.locator('.q[data-q="dadz"] .katex-mathml')).toHaveText(/σ′\(z\)=0\.2461$/);
  });

  test('δ’s sign says which way z should move: against it; and the loss of several outputs is written out', async ({ page }) => {
    // The closed form behind the sentence: ∂L/∂z = δ, so a small step −εδ in z changes L by about −εδ² < 0.
    const lossAt = (z: number) => 0.5 * (1.5 - sigma(z)) ** 2;
    const z = 0.25, delta = (sigma(z) - 1.5) * sigmaPrime(z), eps = 1e-3;
    expect(delta).toBeLessThan(0);
    expect(lossAt(z - eps * Math.sign(delta))).toBeLessThan(lossAt(z));
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    await expect(body).toContainText('Its sign says which way');
    await expect(body.locator('p').filter({ hasText: 'Its sign says which way' }).locator('em', { hasText: 'against' })).toHaveText('against');
    const loss = page.locator('#eq-loss-outputs');
    await expect(loss).toHaveAttribute('title', 'the loss of several outputs');
    await expect(loss.locator('.katex-mathml')).toHaveText(/^L=12\s*∑k\s*\(yk−ak\)2\(\d\)$/);
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
  test('shows δ for the running example, warns that y = 1.5 is out of reach, and says so to screen readers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 40 });
    await expect(w.getByText('can never reach y =')).toBeVisible();
    await expect(w.getByText('the loss never falls below')).toBeVisible();
    await expect(w.getByText('Saturated:')).toBeHidden();
    await expect(w.getByRole('img')).toHaveAccessibleName('δ = (σ(z) − y)·σ′(z) over z from −8 to 8, for the target y = 1.5. At z = 0.25, δ = −0.2308.');
  });

  test('the marker sits on the curve at (z, δ) in the plot’s own units, and moves with the input', async ({ page }) => {
    const w = await open(page);
    for (const x of [0.5, -2]) {
      await field(w, 'Input x').fill(String(x));
      const o = deltaOracle(x, RUNNING.w, RUNNING.b, RUNNING.y);
      const svg = w.locator('svg.plot');
      await expect.poll(async () => {
        const marker = svg.locator('[data-shape="marker"]');
        const [zc, dc] = toData(await plotFrame(svg), Number(await marker.getAttribute('cx')), Number(await marker.getAttribute('cy')));
        return Math.abs(zc - o.z) < 0.02 && Math.abs(dc - o.delta) < 0.002;
      }).toBe(true);
    }
  });

  test('typing a large weight saturates the neuron: δ shrinks, the widget says why, and 1 − a stays honest', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Weight w').fill('5');
    await field(w, 'Input x').fill('2');
    await expectNumbers(w, deltaOracle(2, 5, RUNNING.b, RUNNING.y));
    await expect(w.getByText('Saturated:')).toBeVisible();
    await expect(w.getByText('z is outside the plotted range')).toBeVisible();
    // a rounds to 1.000 but is not 1, and a(1 − a) shows 1 − a as the tiny number it is, never 1 − 1.
    await expect(w.locator('.katex-html [data-v="a"]').first()).toHaveText('1.000');
    await expect(w.locator('.katex-html [data-v="oneMinusA"]').first()).toHaveText('4.108×10⁻⁵');
  });

  test('a reachable target removes the floor; at y = 1 the loss approaches 0 but the target stays out of reach', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Target y').fill('0.8');
    await expect(w.getByText('can never reach y =')).toBeHidden();
    await field(w, 'Target y').fill('1');
    await expect(w.getByText('can never reach y =')).toBeVisible();
    await expect(w.getByText('the loss comes ever closer to 0 but never gets there')).toBeVisible();
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, 1));
  });

  test('the chapter’s link sets the reachable target', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'set this target in the widget' }).click();
    const w = widget(page, TITLE);
    await expect(field(w, 'Target y')).toHaveValue(String(REACHABLE));
    await expectNumbers(w, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, REACHABLE));
  });
});

test.describe('working the chapter with the reader’s numbers', () => {
  test('“Work this chapter with my numbers” recomputes the worked example from the widget, and Reset brings the book’s back', async ({ page }) => {
    const w = await open(page);
    const part = page.locator('bp-follow');
    const book = deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y);
    await field(w, 'Weight w').fill('-3');
    await field(w, 'Target y').fill('0.1');
    await expectNumbers(part, book, { atLeast: 10 });      // not before the reader asks
    await w.getByRole('button', { name: 'Work this chapter with my numbers' }).click();
    const mine = deltaOracle(RUNNING.x, -3, RUNNING.b, 0.1);
    await expectNumbers(part, mine, { atLeast: 10 });
    await expectPairs(part, { a: ['a', mine.a], dadz: ['σ′(z)', mine.dadz] });
    await expect(part.getByText('Your numbers.')).toBeVisible();
    // a ≈ 0.198 is above y = 0.1, so δ is positive now: the sentences about its sign follow.
    await expect(part.getByText('The delta is not negative')).toBeVisible();
    await expect(part.getByText('The delta is negative')).toBeHidden();
    await expect(page).toHaveURL(/od1\.mine=on/);
    await w.getByRole('button', { name: 'Reset', exact: true }).click();
    await expectNumbers(part, book, { atLeast: 10 });
    await expect(part.getByText('Your numbers.')).toBeHidden();
    await expect(part.getByText('The delta is negative')).toBeVisible();
  });

  test('a link with od1.mine=on opens the chapter worked with the link’s numbers', async ({ page }) => {
    await page.goto(`${PATH}?od1.x=2&od1.mine=on`);
    const part = page.locator('bp-follow');
    await expectNumbers(part, deltaOracle(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
    await part.getByRole('button', { name: 'Back to the book’s numbers' }).click();
    await expectNumbers(part, deltaOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
  });
});
