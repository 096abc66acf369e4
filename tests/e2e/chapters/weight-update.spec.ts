// The weight-update chapter: every number equals gradient descent, w ← w − αδx and b ← b − αδ with
// δ = (ŷ − y)σ′(z), iterated from the formulas (descend() and weightStep() in tests/fixtures/oracle.ts,
// independent of the engine), in the prose and in the widget, before and after the reader types,
// steps and plays. What every widget does (bad input in every field, hostile links, Reset, Copy link,
// keyboard, Play/Pause, axe) is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt } from '../../../src/format/number';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import { descend, neuron, RUNNING, sigmaPrime, TWO_NEURONS, weightStep, type NeuronInputs } from '../../fixtures/oracle';
import { twoNeuronStep } from '../../fixtures/oracle-fixes';
import { messageFor, pressSlider, slider, type, urlParams, widget } from '../widgets';

const PATH = '/weight-update/';
const TITLE = 'One step of gradient descent';
const MAX_STEPS = 100_000; // as the widget states it

// The chapter's reachable target and its preset links, as the chapter states them.
const REACH_Y = 0.8;
const CRAWL = { ...RUNNING, y: REACH_Y, steps: 50 };
const STEADY = { ...RUNNING, y: REACH_Y, alpha: 10, steps: 20 };
const DAMPED = { ...RUNNING, y: REACH_Y, w: 1, b: 1, alpha: 50, steps: 20 };
const ZIGZAG = { ...RUNNING, y: REACH_Y, w: 1, b: 1, alpha: 70, steps: 30 };
const FLING = { ...RUNNING, y: REACH_Y, alpha: 70, steps: 40 };

/** Every number the widget shows after k steps from `start`. */
const widgetOracle = (start: NeuronInputs, k = 0) => ({ ...weightStep(start, k), maxSteps: MAX_STEPS });

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toBeVisible();
  return w;
}

const stepButton = (w: Locator) => w.getByRole('button', { name: 'Step', exact: true });
const tenStepsButton = (w: Locator) => w.getByRole('button', { name: '10 steps', exact: true });
const playButton = (w: Locator) => w.getByRole('button', { name: /^(Play|Pause)$/ });
const announcement = (w: Locator) => w.locator('[data-announce]');

/** A number as the book prints it ("−0.006623", "3.449×10⁻¹⁰") read back as a number. */
function readShown(text: string): number {
  const t = text.replace(/\s+/g, '').replace(/−/g, '-');
  const sci = /^(-?[\d.]+)×10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (!sci) return Number(t);
  const digits = [...sci[2]!].map((c) => (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))).join('');
  return Number(sci[1]) * 10 ** Number(digits);
}

/** The chapter's prose numbers, from the formulas: the running example's step and the learning-rate examples. */
function proseOracle() {
  const { x, alpha } = RUNNING;
  // Near the optimum of a reachable target: z* = ln(y/(1 − y)), the factor 1 − α(x² + 1)σ′(z*)².
  const zStar = Math.log(REACH_Y / (1 - REACH_Y));
  const slopeStar = sigmaPrime(zStar);
  const gain = (x * x + 1) * slopeStar ** 2;
  const cycle = [200, 201].map((k) => descend(ZIGZAG, k)[k]!.output);
  const fling = neuron(FLING);
  return {
    ...widgetOracle(RUNNING),
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
    flingZ: fling.zNext, flingSlope: sigmaPrime(fling.zNext),
    flingBack: descend(FLING, 100).findIndex((s, k) => k > 0 && s.output < REACH_Y),
    // Chapter 4's two neurons, one step (the section "Two neurons, one step"), with the book's α.
    ...twoNeuronStep(TWO_NEURONS, alpha),
  };
}

/** The "symbol = value" pairs a screen reader reads in the worked step (the part that follows the widget). */
function stepPairs(o: ReturnType<typeof widgetOracle>) {
  return {
    delta: ['δ', o.delta], x: ['x', o.x], lossChange: ['ΔL', o.lossChange],
    predictedChange: ['−α∥∇L∥2', o.predictedChange], zChange: ['Δz', o.zChange],
  } as const;
}

test.describe('the weight-update chapter, as written', () => {
  test('the prose shows w ← w − αδx = … and the loss before and after one step, for x = 0.5, w = 0.3, b = 0.1', async ({ page }) => {
    await page.goto(PATH);
    const o = proseOracle();
    await expectNumbers(page.locator('.chapter-body'), o, { outside: '.widget', atLeast: 60 });
    await expectPairs(page.locator('.chapter-body'), {
      ...stepPairs(o), a: ['y^', o.a], loss: ['L', o.loss], yReach: ['y', REACH_Y], xSqPlus1: ['x2+1', o.xSqPlus1], cycleLow: ['y^', o.cycleLow],
      w1: ['w(1)', o.w1], b1: ['b(1)', o.b1], w2: ['w(2)', o.w2], b2: ['b(2)', o.b2],
    }, { outside: '.widget', atLeast: 14 });
  });

  test('the prose shows one step raising w from 0.3 to 0.3115 and lowering the loss from 0.4398 to 0.4331 (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const part = page.locator('.chapter-body bp-follow');
    await expect(part.locator('.katex-html [data-v="wNext"]').first()).toHaveText('0.3115');
    await expect(part.locator('[data-v="loss"]').first()).toHaveText('0.4398');
    await expect(part.locator('.katex-html [data-v="lossNext"]').first()).toHaveText('0.4331');
    await expect(part.locator('.q[data-q="lossChange"] .katex-mathml')).toHaveText('ΔL=−0.006623');
    await expect(part.locator('.q[data-q="predictedChange"] .katex-mathml')).toHaveText('−α∥∇L∥2=−0.00666');
  });

  test('chapter 4’s two neurons take their step: every gradient first, then all four updates, and the loss falls from 0.4799 to 0.472 (written out)', async ({ page }) => {
    await page.goto(PATH);
    const o = twoNeuronStep(TWO_NEURONS, RUNNING.alpha);
    // What the section says of these numbers: all four gradients negative, so all four parameters rise,
    // neuron 1's by far less than neuron 2's; and the loss falls.
    for (const g of [o.dLdw1, o.dLdb1, o.dLdw2, o.dLdb2]) expect(g).toBeLessThan(0);
    expect(Math.max(o.w1Next - o.w1, o.b1Next - o.b1)).toBeLessThan(Math.min(o.w2Next - o.w2, o.b2Next - o.b2) / 4);
    expect(o.twoLossChange).toBeLessThan(0);
    const section = page.locator('.chapter-body > *').filter({ has: page.locator('.katex-html [data-v="w2Next"]') });
    await expect(section.locator('.katex-html [data-v="w2Next"]').first()).toHaveText(fmt(o.w2Next));
    await expect(page.locator('[data-v="twoLoss"]').first()).toHaveText('0.4799');
    await expect(page.locator('.katex-html [data-v="twoLossNext"]').first()).toHaveText('0.472');
    // The gradients come before the updates, and the updates before the second forward pass.
    const order = await page.locator('.chapter-body .katex-html [data-v]').evaluateAll((els) => els.map((e) => e.getAttribute('data-v')));
    const first = (name: string) => order.indexOf(name);
    expect(first('dLdb1')).toBeLessThan(first('w2Next'));
    expect(first('b1Next')).toBeLessThan(first('z1New'));
    await expect(page.getByRole('heading', { name: 'Two neurons, one step' })).toHaveAttribute('id', 'two-neurons-one-step');
  });

  test('one notation: ∇L is defined before the equation that uses it, Δ is only a change, δ’s subscript only a unit', async ({ page }) => {
    await page.goto(PATH);
    const texts = await page.locator('.chapter-body > *').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const definition = texts.findIndex((t) => t.includes('Collect the two') && t.includes('gradient'));
    const decrease = texts.findIndex((t, i) => i > 0 && t.includes('∥∇L∥') && !t.includes('Collect the two'));
    expect(definition).toBeGreaterThan(-1);
    expect(definition).toBeLessThan(decrease);
    // The batch of deltas is D, with samples in square brackets; no capital Δ with a layer's superscript.
    const batch = page.locator('#eq-batch .katex-mathml');
    await expect(batch).toContainText('D(l)');
    await expect(batch).toContainText('[n]');
    expect(await page.locator('.chapter-body .katex-mathml').filter({ hasText: /Δ\(l\)/ }).count()).toBe(0);
    await expect(page.locator('#eq-batch-loss')).toHaveAttribute('title', 'the loss of a batch');
    await expect(page.locator('#eq-entry .katex-mathml')).toContainText('∂L∂Wkj(l)');
    await expect(page.locator('#eq-entry .katex-mathml')).toContainText('δk(l) aj(l−1)');
    await expect(page.locator('.chapter-body')).toContainText('in the previous layer, l');
  });

  test('the sentences about the step say what the book’s numbers do: both up, the loss fell, the prediction close', async ({ page }) => {
    await page.goto(PATH);
    const part = page.locator('bp-follow');
    await expect(part.getByText('Both went up, as the negative derivatives asked.')).toBeVisible();
    await expect(part.getByText('it fell.')).toBeVisible();
    await expect(part.getByText('close to the real change because the step was small.')).toBeVisible();
    for (const hidden of ['Both went down', 'They moved in opposite directions', 'Only b moved', 'Neither moved', 'it rose.', 'not close to the real change', 'This is step']) {
      await expect(part.getByText(hidden)).toBeHidden();
    }
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
  test('shows step 1 of the running example, with the plots named for screen readers by their numbers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, widgetOracle(RUNNING), { atLeast: 40 });
    await expect(w.getByRole('img', { name: /^The loss L/ })).toHaveAccessibleName(
      'The loss L after each of the 0 steps taken: it started at 0.4398, is 0.4398 now, and the next step takes it to 0.4331.');
    const o = widgetOracle(RUNNING);
    await expect(w.getByRole('img', { name: /^The output/ })).toHaveAccessibleName(
      `The output ŷ after each step, with the target y = 1.5 as a dashed line: ŷ is ${fmt(o.a)} now, and the next step takes it to ${fmt(o.aNext)}.`);
    await expect(w.getByText('The dashed line is the floor')).toBeVisible();
  });

  test('typed inputs give their step, are kept in the URL, and α sits on its log slider', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Input x', '-1.5');
    await type(w, 'Starting weight w', '2');
    await type(w, 'Starting bias b', '−0,5');
    await type(w, 'Target y', '0.8');
    await type(w, 'Learning rate α', '3');
    await expectNumbers(w, widgetOracle({ x: -1.5, w: 2, b: -0.5, y: 0.8, alpha: 3 }));
    await expect.poll(() => urlParams(page, 'wu1')).toEqual({ x: '-1.5', w: '2', b: '-0.5', y: '0.8', alpha: '3' });
    await expect(slider(w, 'Learning rate α')).toHaveAttribute('aria-valuetext', '3');
    expect(Number(await slider(w, 'Learning rate α').inputValue())).toBeCloseTo(Math.log10(3), 1);
    // A reachable target has no floor.
    await expect(w.getByText('The dashed line is the floor')).toBeHidden();
  });

  test('the learning rate moves by factors on its log slider: 0.1, 0.112, 0.126, … from 0.001 to 100', async ({ page }) => {
    const w = await open(page);
    await pressSlider(w, 'Learning rate α', 'ArrowRight', 2);
    // Two steps of log₁₀ α = 0.05 from 0.1, rounded to 3 significant digits as the slider does.
    const alpha = Number((10 ** (-1 + 2 * 0.05)).toPrecision(3));
    await expect(w.getByRole('textbox', { name: 'Learning rate α' })).toHaveValue(String(alpha));
    expect(alpha).toBe(0.126);
    await expectNumbers(w, widgetOracle({ ...RUNNING, alpha }));
    await pressSlider(w, 'Learning rate α', 'End');
    await expect(w.getByRole('textbox', { name: 'Learning rate α' })).toHaveValue('100');
    await pressSlider(w, 'Learning rate α', 'Home');
    await expect(w.getByRole('textbox', { name: 'Learning rate α' })).toHaveValue('0.001');
    await expectNumbers(w, widgetOracle({ ...RUNNING, alpha: 0.001 }));
    await pressSlider(w, 'Target y', 'ArrowLeft', 2);
    await expect(w.getByRole('textbox', { name: 'Target y' })).toHaveValue('1.48');
  });

  test('Step takes the step shown: after k presses every number equals k iterations, and screen readers hear the loss', async ({ page }) => {
    const w = await open(page);
    for (let k = 1; k <= 3; k++) {
      await stepButton(w).click();
      await expectNumbers(w, widgetOracle(RUNNING, k));
      await expect.poll(() => urlParams(page, 'wu1')).toEqual({ steps: String(k) });
      await expect(announcement(w)).toHaveText(`${k} ${k === 1 ? 'step' : 'steps'} taken. The loss is now ${fmt(widgetOracle(RUNNING, k).loss)}.`);
    }
    // The "before" of step 4 is the "after" of step 3.
    await expect(w.locator('.before-after [data-v="w"]')).toHaveText(fmt(widgetOracle(RUNNING, 2).wNext));
    await tenStepsButton(w).click();
    await expectNumbers(w, widgetOracle(RUNNING, 13));
    await expect(announcement(w)).toHaveText(`13 steps taken. The loss is now ${fmt(descend(RUNNING, 13)[13]!.loss)}.`);
    await expect(announcement(w)).toHaveText('13 steps taken. The loss is now 0.3652.');
    await expect.poll(() => urlParams(page, 'wu1')).toEqual({ steps: '13' });
    // The loss plot has a point for each step taken, 0 to 13.
    const d = await w.locator('[data-shape="loss-line"]').getAttribute('d');
    expect(d?.match(/[ML]/g)).toHaveLength(14);
  });

  test('the plots in data units: a loss dot at (j, L_j) for every step taken, the next-step marker at (k + 1, L_{k+1})', async ({ page }) => {
    const w = await open(page, '?wu1.y=0.8&wu1.alpha=40&wu1.steps=8#wu1');
    const k = 8;
    const path = descend({ ...RUNNING, y: 0.8, alpha: 40 }, k + 1);
    const svg = w.getByRole('img', { name: /^The loss L/ });
    await expectNumbers(w, widgetOracle({ ...RUNNING, y: 0.8, alpha: 40 }, k));
    const f = await plotFrame(svg);
    const d = (await svg.locator('[data-shape="loss-dots"]').getAttribute('d')) ?? '';
    const dots = [...d.matchAll(/M([\d.]+),([\d.]+)a2\.4/g)].map((m) => toData(f, Number(m[1]) + 2.4, Number(m[2])));
    expect(dots).toHaveLength(k + 1);
    dots.forEach(([j, L], i) => {
      expect(j).toBeCloseTo(i, 1);
      expect(L).toBeCloseTo(path[i]!.loss, 3);
    });
    const next = svg.locator('[data-shape="loss-next"]');
    const [nx, ny] = toData(f, Number(await next.getAttribute('cx')), Number(await next.getAttribute('cy')));
    expect(nx).toBeCloseTo(k + 1, 1);
    expect(ny).toBeCloseTo(path[k + 1]!.loss, 3);
    const out = w.getByRole('img', { name: /^The output/ });
    const target = out.locator('[data-shape="out-target"]');
    const [, ty] = toData(await plotFrame(out), 0, Number(await target.getAttribute('y1')));
    expect(ty).toBeCloseTo(0.8, 2);
  });

  test('Play steps on by itself; paused, every number equals the oracle at the step it reached', async ({ page }) => {
    const w = await open(page);
    await w.getByLabel('Speed').selectOption('10');
    await playButton(w).click();
    await expect(playButton(w)).toHaveText('Pause');
    await expect.poll(async () => Number(await w.locator('.step-count [data-v="steps"]').innerText()), { timeout: 10_000 }).toBeGreaterThan(15);
    await playButton(w).click();
    await expect(playButton(w)).toHaveText('Play');
    const k = Number(await w.locator('.step-count [data-v="steps"]').innerText());
    await expectNumbers(w, widgetOracle(RUNNING, k));
    await expect.poll(() => urlParams(page, 'wu1')).toEqual({ steps: String(k) });
    // The line goes through every step taken.
    expect((await w.locator('[data-shape="loss-line"]').getAttribute('d'))?.match(/[ML]/g)).toHaveLength(k + 1);
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
    await expect.poll(() => urlParams(page, 'wu1')).toEqual({ x: '1' });
    await pressSlider(w, 'Starting bias b', 'ArrowRight');
    await stepButton(w).click();
    await stepButton(w).click();
    await expectNumbers(w, widgetOracle({ ...RUNNING, x: 1, b: 0.11 }, 2));
    await pressSlider(w, 'Starting weight w', 'ArrowLeft');
    await expectNumbers(w, widgetOracle({ ...RUNNING, x: 1, b: 0.11, w: 0.29 }, 0));
  });

  test('bad input after some steps keeps the numbers of those steps', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Learning rate α', '1');
    await stepButton(w).click();
    await stepButton(w).click();
    const kept = widgetOracle({ ...RUNNING, alpha: 1 }, 2);
    await expectNumbers(w, kept);
    await type(w, 'Learning rate α', '0');
    await expect(messageFor(w, 'Learning rate α')).toHaveText('0 is outside the range of the learning rate α: enter a number between 0.001 and 100.');
    await expectNumbers(w, kept);
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
    const seen: number[] = [];
    for (let k = ZIGZAG.steps; k < ZIGZAG.steps + 4; k++) {
      await expectNumbers(w, widgetOracle(ZIGZAG, k));
      seen.push(readShown(await w.locator('.before-after [data-v="loss"]').innerText()));
      await stepButton(w).click();
    }
    expect(seen.some((l, j) => j > 0 && l > seen[j - 1]!)).toBe(true);
    expect(seen.some((l, j) => j > 0 && l < seen[j - 1]!)).toBe(true);
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
    await expect(w.locator('[data-v="lossUps"]').first()).toHaveText('0');
    const side = descend(DAMPED, 6).map((p) => Math.sign(p.output - REACH_Y));
    expect(side).toEqual([1, -1, 1, -1, 1, -1, 1]);
  });

  test('the crawl, steady and fling links set a reachable target, the learning rate and the step count', async ({ page }) => {
    for (const [name, start, url] of [
      ['a crawl', CRAWL, { y: '0.8', steps: '50' }],
      ['a steady descent', STEADY, { y: '0.8', alpha: '10', steps: '20' }],
      ['With α = 70', FLING, { y: '0.8', alpha: '70', steps: '40' }],
    ] as const) {
      await page.goto(PATH);
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(new RegExp(`wu1\\.steps=${start.steps}`));
      await expectNumbers(widget(page, TITLE), widgetOracle(start, start.steps));
      expect(urlParams(page, 'wu1')).toEqual(url);
    }
  });

  test(`a long run: the step count stops at ${MAX_STEPS} with a message, and the line stays at most 400 points`, async ({ page }) => {
    const w = await open(page, `?wu1.steps=${MAX_STEPS - 5}#wu1`);
    await expectNumbers(w, widgetOracle(RUNNING, MAX_STEPS - 5));
    await expect(w.getByText('This widget stops at')).toBeHidden();
    await tenStepsButton(w).click();
    await expectNumbers(w, widgetOracle(RUNNING, MAX_STEPS));
    await expect(w.getByText('This widget stops at')).toHaveText('This widget stops at 100000 steps. Reset, or change an input, to start again.');
    await expect(stepButton(w)).toBeDisabled();
    await expect(tenStepsButton(w)).toBeDisabled();
    expect((await w.locator('[data-shape="loss-line"]').getAttribute('d'))?.match(/[ML]/g)?.length).toBeLessThanOrEqual(400);
    await w.getByRole('button', { name: 'Reset' }).click();
    await expect(stepButton(w)).toBeEnabled();
    await expectNumbers(w, widgetOracle(RUNNING, 0));
  });

  test('a step count beyond the cap in a link is refused with a notice', async ({ page }) => {
    const w = await open(page, `?wu1.steps=${MAX_STEPS + 1}#wu1`);
    await expect(w.locator('[data-notice]')).toContainText(`the number of steps taken as “${MAX_STEPS + 1}”, which is outside the range between 0 and ${MAX_STEPS}; using the default, 0.`);
    await expectNumbers(w, widgetOracle(RUNNING));
  });
});

test.describe('working the chapter with the reader’s numbers', () => {
  test('“Work this chapter with my numbers” recomputes the worked step from the widget, sentences included, and Reset brings the book’s back', async ({ page }) => {
    const w = await open(page);
    const part = page.locator('bp-follow');
    const book = widgetOracle(RUNNING);
    await type(w, 'Input x', '-1.5');
    await type(w, 'Starting weight w', '2');
    await type(w, 'Starting bias b', '-0.5');
    await type(w, 'Target y', '0.8');
    await type(w, 'Learning rate α', '3');
    await stepButton(w).click();
    await expectNumbers(part, book, { atLeast: 20 });     // not before the reader asks
    await w.getByRole('button', { name: 'Work this chapter with my numbers' }).click();
    const mine = widgetOracle({ x: -1.5, w: 2, b: -0.5, y: 0.8, alpha: 3 }, 1);
    await expectNumbers(part, mine, { atLeast: 20 });
    await expectPairs(part, stepPairs(mine));
    await expect(part.getByText('Your numbers.')).toBeVisible();
    // x is negative: δx and δ have opposite signs, so w and b move apart.
    await expect(part.getByText('They moved in opposite directions')).toBeVisible();
    await expect(part.getByText('Both went up')).toBeHidden();
    await expect(part.getByText('This is step 2 of the widget’s run:')).toBeVisible();
    await expect(page).toHaveURL(/wu1\.mine=on/);
    await w.getByRole('button', { name: 'Reset', exact: true }).click();
    await expectNumbers(part, book, { atLeast: 20 });
    await expect(part.getByText('Your numbers.')).toBeHidden();
    await expect(part.getByText('Both went up')).toBeVisible();
    await expect(part.getByText('This is step')).toBeHidden();
  });

  test('a link with wu1.mine=on opens the part worked with the link’s step: a step that raises the loss, far from the prediction', async ({ page }) => {
    await page.goto(`${PATH}?wu1.w=1&wu1.b=1&wu1.y=0.8&wu1.alpha=70&wu1.steps=31&wu1.mine=on`);
    const part = page.locator('bp-follow');
    const o = widgetOracle(ZIGZAG, 31);
    expect(o.lossChange).toBeGreaterThan(0);
    await expectNumbers(part, o, { atLeast: 20 });
    await expect(part.getByText('it rose.')).toBeVisible();
    await expect(part.getByText('not close to the real change')).toBeVisible();
    await expect(part.getByText('close to the real change because the step was small.')).toBeHidden();
    await part.getByRole('button', { name: 'Back to the book’s numbers' }).click();
    await expectNumbers(part, widgetOracle(RUNNING), { atLeast: 20 });
    await expect(part.getByText('it fell.')).toBeVisible();
  });
});
