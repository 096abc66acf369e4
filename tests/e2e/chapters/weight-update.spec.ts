// The weight-update chapter: every number equals gradient descent, w ← w − αδx and b ← b − αδ with
// δ = (ŷ − y)σ′(z), iterated here from the formulas (one step at a time with neuron() from the oracle),
// in the prose and in the widget, before and after the reader types, slides and presses Step.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, shown } from '../numbers';
import { neuron, RUNNING, sigma, sigmaPrime, type NeuronInputs } from '../../fixtures/oracle';
import { expectNoBadNumbers, messageFor, pressSlider, slider, type, urlParams, widget } from '../widgets';

const PATH = '/weight-update/';
const TITLE = 'One step of gradient descent';
const MAX_STEPS = 500;

// The chapter's reachable target and its preset links, as the chapter states them.
const REACH_Y = 0.8;
const CRAWL = { ...RUNNING, y: REACH_Y, steps: 50 };
const STEADY = { ...RUNNING, y: REACH_Y, alpha: 10, steps: 20 };
const DAMPED = { ...RUNNING, y: REACH_Y, w: 1, b: 1, alpha: 50, steps: 20 };
const ZIGZAG = { ...RUNNING, y: REACH_Y, w: 1, b: 1, alpha: 70, steps: 30 };
const FLING = { ...RUNNING, y: REACH_Y, alpha: 70, steps: 40 };

/** k steps of gradient descent from `start`: w, b, the loss and ŷ after each (entry 0 is the start). */
function descend(start: NeuronInputs, k: number) {
  const path = [{ w: start.w, b: start.b }];
  for (let j = 0; j < k; j++) {
    const n = neuron({ ...start, ...path[j]! });
    path.push({ w: n.wNext, b: n.bNext });
  }
  return path.map((p) => ({ ...p, loss: 0.5 * (start.y - sigma(p.w * start.x + p.b)) ** 2, output: sigma(p.w * start.x + p.b) }));
}

/** ½(y − 1)² above the sigmoid's range, ½y² below it; 0 (not shown) when the target is reachable. */
function floorOf(y: number): number {
  if (y > 1) return 0.5 * (y - 1) ** 2;
  if (y < 0) return 0.5 * y ** 2;
  return 0;
}

/** Every number the widget shows after k steps from `start`: step k + 1 in full, before and after. */
function widgetOracle(start: NeuronInputs, k = 0) {
  const path = descend(start, k);
  const now = neuron({ ...start, ...path[k]! });
  let lossUps = 0;
  for (let j = 1; j <= k; j++) if (path[j]!.loss > path[j - 1]!.loss + 1e-12) lossUps++;
  return {
    ...now,                                   // x, w, b, y, alpha, z, a, dadz, dLda, delta, dLdw, dLdb, loss, …Next
    steps: k, stepNext: k + 1,
    wChange: now.wNext - now.w, bChange: now.bNext - now.b, aChange: now.aNext - now.a, lossChange: now.lossNext - now.loss,
    loss0: path[0]!.loss, lossUps, floor: floorOf(start.y),
  };
}

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toBeVisible();
  return w;
}

const stepButton = (w: Locator) => w.getByRole('button', { name: 'Step', exact: true });
const tenStepsButton = (w: Locator) => w.getByRole('button', { name: '10 steps', exact: true });

/** A number as the book prints it ("−0.006623", "3.449×10⁻¹⁰") read back as a number. */
function readShown(text: string): number {
  const t = text.replace(/\s+/g, '').replace(/−/g, '-');
  const sci = /^(-?[\d.]+)×10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (!sci) return Number(t);
  const digits = [...sci[2]!].map((c) => (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))).join('');
  return Number(sci[1]) * 10 ** Number(digits);
}

test.describe('the weight-update chapter, as written', () => {
  test('the prose shows w ← w − αδx = … and the loss before and after one step, for x = 0.5, w = 0.3, b = 0.1', async ({ page }) => {
    await page.goto(PATH);
    const n = neuron(RUNNING);
    const { x, y, alpha } = RUNNING;
    // Near the optimum of a reachable target: z* = ln(y/(1 − y)), the factor 1 − α(x² + 1)σ′(z*)².
    const zStar = Math.log(REACH_Y / (1 - REACH_Y));
    const slopeStar = sigmaPrime(zStar);
    const gain = (x * x + 1) * slopeStar ** 2;
    const cycle = [200, 201].map((k) => descend(ZIGZAG, k)[k]!.output);
    const fling = neuron(FLING);
    const flingBack = descend(FLING, 100).findIndex((s, k) => k > 0 && s.output < REACH_Y);
    await expectNumbers(page.locator('.chapter-body'), {
      ...n,
      lossChange: n.lossNext - n.loss,
      predictedChange: -alpha * (n.dLdw ** 2 + n.dLdb ** 2),
      zChange: -alpha * n.delta * (x * x + 1),
      floor: 0.5 * (y - 1) ** 2,
      lossAfter100Slow: descend(RUNNING, 100)[100]!.loss,
      lossAfter100Mid: descend({ ...RUNNING, alpha: 1 }, 100)[100]!.loss,
      lossAfter100Fast: descend({ ...RUNNING, alpha: 10 }, 100)[100]!.loss,
      yReach: REACH_Y, zStar, slopeStar, xSqPlus1: x * x + 1, gain,
      crawlPercent: alpha * gain * 100,
      crawlOutput: descend(CRAWL, CRAWL.steps)[CRAWL.steps]!.output,
      loss0Reach: descend(STEADY, 0)[0]!.loss,
      steadyLoss: descend(STEADY, STEADY.steps)[STEADY.steps]!.loss,
      alphaOsc: 1 / gain, alphaGrow: 2 / gain,
      cycleLow: Math.min(...cycle), cycleHigh: Math.max(...cycle),
      flingZ: fling.zNext, flingSlope: sigmaPrime(fling.zNext), flingBack,
    }, { outside: '.widget', atLeast: 50 });
  });

  test('the prose shows one step raising w from 0.3 to 0.3115 and lowering the loss from 0.4398 to 0.4331', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    await expect(body.locator('[data-v="wNext"]').first()).toHaveText('0.3115');
    await expect(body.locator('[data-v="loss"]').first()).toHaveText('0.4398');
    await expect(body.locator('[data-v="lossNext"]').first()).toHaveText('0.4331');
    await expect(body.locator('[data-v="lossChange"]').first()).toHaveText(/^−/);
  });

  test('the thresholds of the learning rate, 31.25 and 62.5, are what the iteration does near z* for y = 0.8', async () => {
    // Not a page check: the oracle's own iteration confirms the chapter's claims about α before the page is
    // checked against it. Start a hair away from z* and watch the distance after one step and after many.
    const zStar = Math.log(REACH_Y / (1 - REACH_Y));
    const distance = (alpha: number, k: number) => {
      const path = descend({ ...RUNNING, y: REACH_Y, alpha, w: 0, b: zStar + 1e-4 }, k);
      return path.map((p) => p.w * RUNNING.x + p.b - zStar);
    };
    expect(distance(31, 1)[1]!).toBeGreaterThan(0);            // same side: no overshoot
    expect(distance(31.5, 1)[1]!).toBeLessThan(0);             // jumps past z*
    expect(Math.abs(distance(62, 400)[400]!)).toBeLessThan(1e-6); // …and the jumps shrink (×0.984 each)
    expect(Math.abs(distance(63, 400)[400]!)).toBeGreaterThan(1e-2); // …or grow, up to a bounded swing
    const zigzag = descend(ZIGZAG, ZIGZAG.steps).map((p) => p.loss);
    expect(zigzag.some((l, j) => j > 0 && l > zigzag[j - 1]!)).toBe(true);
    const out = descend({ ...RUNNING, alpha: 100 }, 200).map((p) => p.loss);
    expect(out.every((l, j) => j === 0 || l <= out[j - 1]!)).toBe(true); // y = 1.5: never up
  });

  test('the engine’s update code is shown beside the formulas, cut from the engine’s source', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(4);
    await expect(code.filter({ hasText: 'export function gradientStepInPlace' })).toContainText('t[k] = t[k]! - alpha * g[k]!;');
    await expect(code.filter({ hasText: 'export function weightGradientsInto' }).locator('figcaption')).toContainText('src/engine/layer-math.ts, lines');
    await expect(code.filter({ hasText: 'export function step(' }).locator('figcaption')).toContainText('src/engine/dense.ts, lines');
    await expect(code.filter({ hasText: 'export function oneNeuronSteps' })).toContainText('current = { ...current, w: r.wNext, b: r.bNext };');
  });
});

test.describe('the weight-update widget', () => {
  test('without any input it shows step 1 of the running example, rendered in the HTML', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, widgetOracle(RUNNING), { atLeast: 40 });
    await expect(w.getByRole('img').first()).toHaveAccessibleName(/starting from 0\.4398\. It is 0\.4398 now; the next step takes it to 0\.4331/);
    await expect(w.getByText('The dashed line is the floor')).toBeVisible();
  });

  test('the widget shows w ← w − αδx = … for x = 0.5, then for typed inputs, and puts them in the URL', async ({ page }) => {
    const w = await open(page);
    const o = widgetOracle(RUNNING);
    await expect(w.getByText(`new w = w minus alpha times delta times x = ${shown(o.w)} minus ${shown(o.alpha)} times ${shown(o.delta, 'factor')} times ${shown(o.x, 'factor')} = ${shown(o.wNext)}`)).toBeAttached();
    await type(w, 'Input x', '-1.5');
    await type(w, 'Starting weight w', '2');
    await type(w, 'Starting bias b', '−0,5');
    await type(w, 'Target y', '0.8');
    await type(w, 'Learning rate α', '3');
    const start = { x: -1.5, w: 2, b: -0.5, y: 0.8, alpha: 3 };
    await expectNumbers(w, widgetOracle(start));
    expect(urlParams(page, 'wu1')).toEqual({ x: '-1.5', w: '2', b: '-0.5', y: '0.8', alpha: '3' });
    await expect(slider(w, 'Learning rate α')).toHaveValue('3');
    // A reachable target has no floor.
    await expect(w.getByText('The dashed line is the floor')).toBeHidden();
  });

  test('arrow keys on the sliders move α by 0.1 and y by 0.01', async ({ page }) => {
    const w = await open(page);
    await pressSlider(w, 'Learning rate α', 'ArrowRight', 3);
    await pressSlider(w, 'Target y', 'ArrowLeft', 2);
    await expect(w.getByRole('textbox', { name: 'Learning rate α' })).toHaveValue('0.4');
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('1.48');
    await expectNumbers(w, widgetOracle({ ...RUNNING, alpha: 0.4, y: 1.48 }));
  });

  test('Step takes the step shown: after k presses every number equals k iterations of the update', async ({ page }) => {
    const w = await open(page);
    for (let k = 1; k <= 3; k++) {
      await stepButton(w).click();
      await expectNumbers(w, widgetOracle(RUNNING, k));
      expect(urlParams(page, 'wu1')).toEqual({ steps: String(k) });
    }
    // The "before" of step 4 is the "after" of step 3.
    await expect(w.locator('.before-after [data-v="w"]')).toHaveText(shown(widgetOracle(RUNNING, 2).wNext));
    await tenStepsButton(w).click();
    await expectNumbers(w, widgetOracle(RUNNING, 13));
    expect(urlParams(page, 'wu1')).toEqual({ steps: '13' });
    await expect(w.locator('[data-step-status]')).toHaveText(/^13 steps taken\. The loss is now 0\.\d+\.$/);
    // The loss plot has a point for each step taken, 0 to 13.
    const d = await w.locator('[data-shape="loss-line"]').getAttribute('d');
    expect(d?.match(/[ML]/g)).toHaveLength(14);
  });

  test('with y = 1.5 the loss falls at every step, even with a large α, towards its floor ½(y − 1)²', async ({ page }) => {
    // (α = 20, not 100: far in the sigmoid's tail 1 − ŷ underflows, and 4 digits of σ′ are no longer exact.)
    const w = await open(page);
    await type(w, 'Learning rate α', '20');
    for (let i = 0; i < 3; i++) await tenStepsButton(w).click();
    const o = widgetOracle({ ...RUNNING, alpha: 20 }, 30);
    expect(o.lossUps).toBe(0);
    expect(o.loss).toBeGreaterThanOrEqual(o.floor);
    await expectNumbers(w, o);
    await expect(w.locator('[data-v="lossUps"]')).toHaveText('0');
  });

  test('changing an input starts again from step 0', async ({ page }) => {
    const w = await open(page, '?wu1.steps=7#wu1');
    await expectNumbers(w, widgetOracle(RUNNING, 7));
    await type(w, 'Input x', '1');
    await expectNumbers(w, widgetOracle({ ...RUNNING, x: 1 }, 0));
    expect(urlParams(page, 'wu1')).toEqual({ x: '1' });
    await pressSlider(w, 'Starting bias b', 'ArrowRight');
    await stepButton(w).click();
    await stepButton(w).click();
    await expectNumbers(w, widgetOracle({ ...RUNNING, x: 1, b: 0.11 }, 2));
    await pressSlider(w, 'Starting weight w', 'ArrowLeft');
    await expectNumbers(w, widgetOracle({ ...RUNNING, x: 1, b: 0.11, w: 0.29 }, 0));
  });

  test('a teacher’s link with wu1.steps=12 restores the widget after 12 steps', async ({ page }) => {
    const w = await open(page, '?wu1.y=0.8&wu1.alpha=5&wu1.steps=12#wu1');
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('0.8');
    await expectNumbers(w, widgetOracle({ ...RUNNING, y: 0.8, alpha: 5 }, 12));
    await expect(w.locator('[data-notice]')).toBeHidden();
    await stepButton(w).click();
    await expectNumbers(w, widgetOracle({ ...RUNNING, y: 0.8, alpha: 5 }, 13));
  });

  test('with y = 0.8 and α = 70 the loss is not monotone: it zig-zags, in the numbers and in the plot', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'one that never settles' }).click();
    await page.waitForURL(/wu1\.steps=30/);
    const w = widget(page, TITLE);
    expect(urlParams(page, 'wu1')).toEqual({ w: '1', b: '1', y: '0.8', alpha: '70', steps: '30' });
    const o = widgetOracle(ZIGZAG, ZIGZAG.steps);
    expect(o.lossUps).toBeGreaterThan(5);
    await expectNumbers(w, o);
    // Step on and read the loss the table shows: it goes up as well as down.
    const shown: number[] = [];
    for (let k = ZIGZAG.steps; k < ZIGZAG.steps + 4; k++) {
      await expectNumbers(w, widgetOracle(ZIGZAG, k));
      shown.push(readShown(await w.locator('.before-after [data-v="loss"]').innerText()));
      await stepButton(w).click();
    }
    expect(shown.some((l, j) => j > 0 && l > shown[j - 1]!)).toBe(true);
    expect(shown.some((l, j) => j > 0 && l < shown[j - 1]!)).toBe(true);
    // The plotted loss goes up and down too (SVG y grows downwards).
    const d = (await w.locator('[data-shape="loss-line"]').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.some((v, j) => j > 0 && v < ys[j - 1]!)).toBe(true);
    expect(ys.some((v, j) => j > 0 && v > ys[j - 1]!)).toBe(true);
  });

  test('with α = 50 ŷ jumps past the target at every step, but the jumps shrink and the loss falls', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'an overshoot that dies out' }).click();
    await page.waitForURL(/wu1\.alpha=50/);
    const w = widget(page, TITLE);
    const o = widgetOracle(DAMPED, DAMPED.steps);
    expect(o.lossUps).toBe(0);
    await expectNumbers(w, o);
    await expect(w.locator('[data-v="lossUps"]')).toHaveText('0');
    const side = descend(DAMPED, 6).map((p) => Math.sign(p.output - REACH_Y));
    expect(side).toEqual([1, -1, 1, -1, 1, -1, 1]);
  });

  test('the crawl and steady links set a reachable target and the step count', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'a crawl' }).click();
    await page.waitForURL(/wu1\.steps=50/);
    let w = widget(page, TITLE);
    await expectNumbers(w, widgetOracle(CRAWL, CRAWL.steps));
    expect(urlParams(page, 'wu1')).toEqual({ y: '0.8', steps: '50' });
    await page.goto(PATH);
    await page.getByRole('link', { name: 'a steady descent' }).click();
    await page.waitForURL(/wu1\.alpha=10/);
    w = widget(page, TITLE);
    await expectNumbers(w, widgetOracle(STEADY, STEADY.steps));
  });

  test('the step count stops at 500 with a message', async ({ page }) => {
    const w = await open(page, `?wu1.steps=${MAX_STEPS - 5}#wu1`);
    await expectNumbers(w, widgetOracle(RUNNING, MAX_STEPS - 5));
    await expect(w.getByText(`This widget stops at ${MAX_STEPS} steps`)).toBeHidden();
    await tenStepsButton(w).click();
    await expectNumbers(w, widgetOracle(RUNNING, MAX_STEPS));
    await expect(w.getByText(`This widget stops at ${MAX_STEPS} steps`)).toBeVisible();
    await expect(stepButton(w)).toBeDisabled();
    await expect(tenStepsButton(w)).toBeDisabled();
    await w.getByRole('button', { name: 'Reset' }).click();
    await expect(stepButton(w)).toBeEnabled();
  });

  for (const [label, typed, message] of [
    ['Learning rate α', '', 'Enter a number for the learning rate α, between 0 and 100.'],
    ['Learning rate α', 'abc', '“abc” is not a number: enter the learning rate α as a decimal, like 0.1.'],
    ['Learning rate α', 'NaN', '“NaN” is not a number: enter the learning rate α as a decimal, like 0.1.'],
    ['Learning rate α', '1e309', '1e309 is too large to compute with: enter a number between 0 and 100.'],
    ['Learning rate α', '-0.5', '−0.5 is outside the range of the learning rate α: enter a number between 0 and 100.'],
    ['Learning rate α', '150', '150 is outside the range of the learning rate α: enter a number between 0 and 100.'],
    ['Target y', '3', '3 is outside the range of the target y: enter a number between −1 and 2.'],
  ] as const) {
    test(`typing “${typed}” for ${label.split(' ').pop()} explains the problem and keeps the last valid numbers and steps`, async ({ page }) => {
      const w = await open(page);
      await type(w, 'Learning rate α', '1');
      await stepButton(w).click();
      await stepButton(w).click();
      const kept = widgetOracle({ ...RUNNING, alpha: 1 }, 2);
      await expectNumbers(w, kept);
      await type(w, label, typed);
      await expect(messageFor(w, label)).toHaveText(message);
      await expect(w.getByRole('textbox', { name: label })).toHaveAttribute('aria-invalid', '');
      await expectNumbers(w, kept);
      await expectNoBadNumbers(page);
      await type(w, label, label === 'Target y' ? '1.5' : '1');
      await expect(messageFor(w, label)).toBeHidden();
    });
  }

  test('invalid values in a link fall back to the defaults with a notice', async ({ page }) => {
    const w = await open(page, '?wu1.alpha=-1&wu1.y=abc&wu1.steps=2.5&wu1.x=1e309#wu1');
    const notice = w.locator('[data-notice]');
    await expect(notice).toContainText('The link gives the learning rate α as “-1”, which is outside the range between 0 and 100; using the default, 0.1.');
    await expect(notice).toContainText('the target y as “abc”, which is not a number');
    await expect(notice).toContainText('the number of steps taken as “2.5”, which is not a whole number; using the default, 0.');
    await expect(notice).toContainText('the input x as “1e309”, which is too large to compute with');
    await expectNumbers(w, widgetOracle(RUNNING));
    await expectNoBadNumbers(page);
  });

  test('a step count beyond 500 in a link is refused with a notice', async ({ page }) => {
    const w = await open(page, '?wu1.steps=501#wu1');
    await expect(w.locator('[data-notice]')).toContainText('the number of steps taken as “501”, which is outside the range between 0 and 500');
    await expectNumbers(w, widgetOracle(RUNNING));
  });

  test('Reset brings back the running example at step 0 and clears the URL', async ({ page }) => {
    const w = await open(page, '?wu1.y=0.8&wu1.alpha=70&wu1.steps=25#wu1');
    await type(w, 'Starting bias b', 'oops');
    await w.getByRole('button', { name: 'Reset' }).click();
    await expectNumbers(w, widgetOracle(RUNNING));
    await expect(messageFor(w, 'Starting bias b')).toBeHidden();
    await expect(w.getByRole('textbox', { name: 'Learning rate α' })).toHaveValue('0.1');
    expect(urlParams(page, 'wu1')).toEqual({});
    await stepButton(w).click();
    await expectNumbers(w, widgetOracle(RUNNING, 1));
  });

  test('Copy link copies a link that opens the widget as configured, steps included', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = await open(page);
    await type(w, 'Target y', '0.8');
    await type(w, 'Learning rate α', '40');
    for (let i = 0; i < 3; i++) await stepButton(w).click();
    await expectNumbers(w, widgetOracle({ ...RUNNING, y: 0.8, alpha: 40 }, 3));
    await w.getByRole('button', { name: 'Copy link' }).click();
    await expect(w.locator('[data-link-status]')).toHaveText(/Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/weight-update\/\?wu1\.y=0\.8&wu1\.alpha=40&wu1\.steps=3#wu1$/);
    await page.goto(link);
    await expectNumbers(widget(page, TITLE), widgetOracle({ ...RUNNING, y: 0.8, alpha: 40 }, 3));
  });
});
