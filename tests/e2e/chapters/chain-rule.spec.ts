// The chain-rule chapter: ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w = (a − y)·σ′(z)·x, and the neuron's
// computational graph walked node by node. Every number on the page is checked against the formulas here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers } from '../numbers';
import { RUNNING, sigma, sigmaPrime } from '../../fixtures/oracle';
import { expectNoBadNumbers, messageFor, pressSlider, type, urlParams, widget } from '../widgets';

const PATH = '/chain-rule/';
const TITLE = 'The chain rule, node by node';
const TOTAL = 14; // 7 computed nodes forward (wx, z, a, −a, y−a, e², L), then the same 7 backward

/** Every value, gradient, local derivative and contribution of the graph, from the chain rule by hand. */
function graphOracle(x: number, w: number, b: number, y: number): Record<string, number> {
  const wx = w * x, z = wx + b, a = sigma(z), negA = -a, e = y + negA, e2 = e * e, L = 0.5 * e2;
  const g = { L: 1, e2: 0.5, e: 0.5 * 2 * e } as Record<string, number>;
  g['negA'] = g['e']!; g['y'] = g['e']!; g['a'] = -1 * g['negA']!; g['z'] = sigmaPrime(z) * g['a']!;
  g['wx'] = g['z']!; g['b'] = g['z']!; g['w'] = x * g['wx']!; g['x'] = w * g['wx']!;
  const local: Record<string, number> = {
    'L-e2': 0.5, 'e2-e': 2 * e, 'e-y': 1, 'e-negA': 1, 'negA-a': -1, 'a-z': sigmaPrime(z), 'z-wx': 1, 'z-b': 1, 'wx-w': x, 'wx-x': w,
  };
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries({ x, w, b, y, wx, z, a, negA, e, e2, L })) out[`v-${k}`] = v;
  for (const [k, v] of Object.entries(g)) out[`g-${k}`] = v;
  for (const [edge, l] of Object.entries(local)) {
    out[`l-${edge}`] = l;
    out[`c-${edge}`] = l * g[edge.split('-')[0]!]!;
  }
  const dLda = a - y;
  return { ...out, x, dLda, dadz: sigmaPrime(z), dLdw: dLda * sigmaPrime(z) * x, dLdb: dLda * sigmaPrime(z) };
}

const running = () => graphOracle(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y);

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  return w;
}

const narration = (w: Locator) => w.locator('[data-narration]');
const stepCount = (w: Locator) => w.locator('[data-step-count]');

test.describe('the chain-rule chapter, as written', () => {
  test('the prose shows ∂L/∂w = (a − y)·σ′(z)·x for x = 0.5, w = 0.3, b = 0.1, y = 1.5', async ({ page }) => {
    await page.goto(PATH);
    const { x, w, b, y } = RUNNING;
    const z = w * x + b, a = sigma(z), dLda = a - y, dadz = sigmaPrime(z);
    const lossAt = (ww: number) => 0.5 * (y - sigma(ww * x + b)) ** 2;
    const h = 1e-4;
    const sz = 10 * x + b, sa = sigma(sz); // the saturated neuron: w = 10, y = 0
    await expectNumbers(page.locator('.chapter-body'), {
      x, y, a, loss: 0.5 * (y - a) ** 2, dLda, dadz, dLdw: dLda * dadz * x, dLdb: dLda * dadz,
      numeric: (lossAt(w + h) - lossAt(w - h)) / (2 * h),
      stuckZ: sz, stuckA: sa, stuckDLda: sa - 0, stuckDadz: sigmaPrime(sz), stuckDLdw: sa * sigmaPrime(sz) * x,
    }, { outside: '.widget', atLeast: 25 });
  });

  test('the autograd code is shown beside the text, cut from src/engine/value.ts', async ({ page }) => {
    await page.goto(PATH);
    const backward = page.locator('.engine-code').filter({ hasText: 'backward(): void' });
    await expect(backward).toContainText('child.grad += node.localGrads[k]! * node.grad;');
    await expect(backward.locator('figcaption')).toContainText('src/engine/value.ts, lines');
    await expect(page.locator('.engine-code').filter({ hasText: 'mul(other: Value | number): Value' })).toHaveCount(1);
  });
});

test.describe('the chain-rule widget', () => {
  test('without any input it shows the whole graph, both passes done, and the product', async ({ page }) => {
    const w = await open(page);
    await expect(stepCount(w)).toHaveText(`Step ${TOTAL} of ${TOTAL}`);
    await expect(narration(w)).toContainText('Both passes done.');
    await expect(w.locator('.node-grad')).toHaveCount(11);
    await expectNumbers(w, running(), { atLeast: 40 });
    await expect(w.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  });

  test('Start over, then Step forward computes one node at a time from the inputs to L', async ({ page }) => {
    const w = await open(page);
    await w.getByRole('button', { name: 'Start over' }).click();
    await expect(stepCount(w)).toHaveText(`Step 0 of ${TOTAL}`);
    await expect(narration(w)).toContainText('Only the inputs are known');
    await expect(w.locator('.node-value', { hasText: '= ?' })).toHaveCount(7);
    expect(urlParams(page, 'cr1')).toEqual({ step: '0' });
    const forward = ['wx', 'z', 'a', '−a', 'y−a', 'e²', 'L'];
    for (const [i, node] of forward.entries()) {
      await w.getByRole('button', { name: 'Step forward' }).click();
      await expect(narration(w)).toContainText(`Forward ${i + 1} of 7: ${node} =`);
      await expect(w.locator('.node-value', { hasText: '= ?' })).toHaveCount(6 - i);
      await expect(w.locator('.node-grad')).toHaveCount(0);
      await expectNumbers(w, running());
    }
  });

  test('the backward pass passes local × upstream along every edge, from L back to the inputs', async ({ page }) => {
    const w = await open(page, '?cr1.step=7#cr1');
    await expect(narration(w)).toContainText('Forward 7 of 7');
    // Gradients known after each backward step: L itself, then each node's inputs.
    const known = [2, 3, 5, 6, 7, 9, 11];
    for (const [i, count] of known.entries()) {
      await w.getByRole('button', { name: 'Step forward' }).click();
      await expect(narration(w)).toContainText(`Backward ${i + 1} of 7`);
      await expect(narration(w)).toContainText('local × upstream');
      await expect(w.locator('.node-grad')).toHaveCount(count);
      await expectNumbers(w, running());
    }
    await expect(narration(w)).toContainText('Both passes done.');
    await expect(w.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  });

  test('at the sigmoid node the narration reads ∂L/∂z = σ′(z) × ∂L/∂a', async ({ page }) => {
    const w = await open(page, '?cr1.step=12#cr1');
    const o = running();
    await expect(narration(w)).toContainText('Backward 5 of 7: Node a = σ(z)');
    await expect(narration(w).locator('li')).toHaveText(/^∂L\/∂z = ∂a\/∂z × ∂L\/∂a = local × upstream = /);
    await expectNumbers(narration(w), o);
  });

  test('Step back undoes a step, and the buttons are keyboard operable', async ({ page }) => {
    const w = await open(page, '?cr1.step=1#cr1');
    const back = w.getByRole('button', { name: 'Step back' });
    await back.focus();
    await page.keyboard.press('Enter');
    await expect(stepCount(w)).toHaveText(`Step 0 of ${TOTAL}`);
    await expect(back).toBeDisabled();
    await w.getByRole('button', { name: 'Step forward' }).focus();
    await page.keyboard.press('Space');
    await expect(stepCount(w)).toHaveText(`Step 1 of ${TOTAL}`);
  });

  test('changing x, w, b and y by typing and with arrow keys recomputes every node and edge', async ({ page }) => {
    const w = await open(page);
    await type(w, 'Input x', '-1.2');
    await type(w, 'Weight w', '2');
    await type(w, 'Target y', '0');
    await pressSlider(w, 'Bias b', 'ArrowRight', 5);
    await expect(w.getByRole('textbox', { name: 'Bias b' })).toHaveValue('0.15');
    await expectNumbers(w, graphOracle(-1.2, 2, 0.15, 0));
    expect(urlParams(page, 'cr1')).toEqual({ x: '-1.2', w: '2', b: '0.15', y: '0' });
  });

  test('the chapter’s link opens the confidently wrong neuron, whose gradient is tiny', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'Open this neuron in the graph' }).click();
    const w = widget(page, TITLE);
    const o = graphOracle(RUNNING.x, 10, RUNNING.b, 0);
    await expectNumbers(w, o);
    expect(Math.abs(o['dLdw']!)).toBeLessThan(0.01);
  });

  for (const [typed, message] of [
    ['', 'Enter a number for the target y, between −2 and 3.'],
    ['two', '“two” is not a number: enter the target y as a decimal, like 1.5.'],
    ['1e309', '1e309 is too large to compute with: enter a number between −2 and 3.'],
    ['NaN', '“NaN” is not a number: enter the target y as a decimal, like 1.5.'],
    ['4', '4 is outside the range of the target y: enter a number between −2 and 3.'],
  ] as const) {
    test(`typing “${typed}” for y explains the problem and keeps the graph of the last valid y`, async ({ page }) => {
      const w = await open(page);
      await type(w, 'Target y', '0.5');
      await expectNumbers(w, graphOracle(RUNNING.x, RUNNING.w, RUNNING.b, 0.5));
      await type(w, 'Target y', typed);
      await expect(messageFor(w, 'Target y')).toHaveText(message);
      await expectNumbers(w, graphOracle(RUNNING.x, RUNNING.w, RUNNING.b, 0.5));
      await expectNoBadNumbers(page);
    });
  }

  test('a link restores the inputs and the step; invalid values fall back with a notice', async ({ page }) => {
    let w = await open(page, '?cr1.x=1&cr1.step=9#cr1');
    await expect(narration(w)).toContainText('Backward 2 of 7');
    await expectNumbers(w, graphOracle(1, RUNNING.w, RUNNING.b, RUNNING.y));
    w = await open(page, '?cr1.step=99&cr1.w=heavy#cr1');
    await expect(w.locator('[data-notice]')).toContainText('The link gives the step as “99”, which is outside the range between 0 and 14; using the default, 14.');
    await expect(w.locator('[data-notice]')).toContainText('the weight w as “heavy”, which is not a number');
    await expectNumbers(w, running());
    await expectNoBadNumbers(page);
  });

  test('Reset brings back the running example with both passes done', async ({ page }) => {
    const w = await open(page, '?cr1.w=-3&cr1.step=2#cr1');
    await w.getByRole('button', { name: 'Reset' }).click();
    await expect(stepCount(w)).toHaveText(`Step ${TOTAL} of ${TOTAL}`);
    await expectNumbers(w, running());
    expect(urlParams(page, 'cr1')).toEqual({});
  });
});
