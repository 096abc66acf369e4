// The chain-rule chapter: ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w = (a − y)·σ′(z)·x, and the neuron's
// computational graph walked node by node. Every number on the page is checked against the chain rule
// worked by hand in tests/fixtures/oracle.ts (independent of the engine). What every widget does (bad
// input, links, Reset, Copy link, keyboard) is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, expectPairs } from '../numbers';
import { neuronGraph, RUNNING, sigma, sigmaPrime } from '../../fixtures/oracle';
import { widget } from '../widgets';
import { builtPages } from '../pages';

const PATH = '/chain-rule/';
const TITLE = 'The chain rule, node by node';
const TOTAL = 14; // 7 computed nodes forward (wx, z, a, −a, y−a, e², L), then the same 7 backward

const running = () => neuronGraph(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y);

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  return w;
}

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });
const narration = (w: Locator) => w.locator('[data-markup="narration"]');
const stepCount = (w: Locator) => w.locator('[data-text="stepCount"]');
const forward = (w: Locator) => w.getByRole('button', { name: 'Step forward' });

test.describe('the chain-rule chapter, as written', () => {
  test('the prose shows ∂L/∂w = (a − y)·σ′(z)·x for x = 0.5, w = 0.3, b = 0.1, y = 1.5', async ({ page }) => {
    await page.goto(PATH);
    const { x, w, b, y } = RUNNING;
    const z = w * x + b, a = sigma(z), dLda = a - y, dadz = sigmaPrime(z);
    const lossAt = (ww: number) => 0.5 * (y - sigma(ww * x + b)) ** 2;
    const h = 1e-4;
    const sz = 10 * x + b, sa = sigma(sz); // the saturated neuron: w = 10, y = 0
    const o = {
      x, y, a, loss: 0.5 * (y - a) ** 2, dLda, dadz, dLdw: dLda * dadz * x, dLdb: dLda * dadz,
      numeric: (lossAt(w + h) - lossAt(w - h)) / (2 * h),
      stuckZ: sz, stuckA: sa, stuckDLda: sa - 0, stuckDadz: sigmaPrime(sz), stuckDLdw: sa * sigmaPrime(sz) * x,
    };
    await expectNumbers(page.locator('.chapter-body'), o, { outside: '.widget', atLeast: 25 });
    await expectPairs(page.locator('.chapter-body'), {
      a: ['a', a], y: ['y', y], dLdw: ['∂L/∂w', o.dLdw], stuckZ: ['z', sz], stuckA: ['a', sa], stuckDadz: ['σ′(z)', o.stuckDadz],
    }, { outside: '.widget', atLeast: 6 });
  });

  test('the prose prints L = 0.4398 and ∂L/∂w = −0.1154 (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    await expect(body.locator('.katex-html [data-v="loss"]').first()).toHaveText('0.4398');
    await expect(body.locator('.q[data-q="dLdw"] .katex-mathml')).toHaveText('∂L/∂w=−0.1154');
  });

  test('local × upstream is summed over the nodes an input feeds, as the code’s += does, and the parallel chapter is named', async ({ page }) => {
    await page.goto(PATH);
    const eq = page.locator('#eq-local-upstream');
    await expect(eq).toHaveAttribute('title', 'local times upstream, summed');
    await expect(eq.locator('.katex-mathml')).toContainText('∑');
    await expect(eq.locator('.katex-mathml')).toContainText(/nodes\s*it\sfeeds/);
    await expect(page.locator('.chapter-body')).toContainText('the contributions add up');
    await expect(page.locator('.chapter-body')).toContainText('a gradient far smaller in size than the running example’s');
    const parallel = page.locator('.chapter-body p').filter({ hasText: 'Two neurons in parallel' });
    // A link once that chapter is in the build, the chapter's name alone until then.
    const built = builtPages().includes('/neurons-in-parallel/');
    await expect(parallel.getByRole('link', { name: 'Two neurons in parallel' })).toHaveCount(built ? 1 : 0);
  });

  test('∂ is introduced where it replaces chapter 1’s d, with refreshers on partial derivatives and on several paths', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.locator('.chapter-body')).toContainText('a partial derivative');
    await expect(page.locator('#refresher-partial-derivatives')).toHaveAccessibleName('Refresher: partial derivatives');
    const paths = page.locator('#refresher-multivariable-chain-rule');
    await expect(paths).toHaveAccessibleName('Refresher: the chain rule along several paths');
    // df/dt = ∂f/∂u du/dt + ∂f/∂v dv/dt, and for f = uv with u = v = t: v + u = 2t.
    await expect(paths.locator('.katex-display .katex-mathml')).toHaveText(/^dfdt=∂f∂u\s*dudt\+∂f∂v\s*dvdt,$/);
  });

  test('the autograd code is shown beside the text, cut from src/engine/value.ts', async ({ page }) => {
    await page.goto(PATH);
    const backward = page.locator('.engine-code').filter({ hasText: 'backward(): void' });
    await expect(backward).toContainText('child.grad += node.localGrads[k]! * node.grad;');
    await expect(backward.locator('figcaption')).toContainText('src/engine/value.ts, lines');
    await expect(page.locator('.engine-code').filter({ hasText: 'mul(other: Value | number): Value' })).toHaveCount(1);
  });

  test('the chapter’s link opens the confidently wrong neuron, whose gradient is tiny', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'Open this neuron in the graph' }).click();
    const w = widget(page, TITLE);
    await expect(field(w, 'Weight w')).toHaveValue('10');
    await expect(field(w, 'Target y')).toHaveValue('0');
    const o = neuronGraph(RUNNING.x, 10, RUNNING.b, 0);
    await expectNumbers(w, o);
    expect(Math.abs(o['dLdw']!)).toBeLessThan(0.01);
  });
});

test.describe('the chain-rule widget', () => {
  test('shows the whole graph, both passes done, the product, and a summary for screen readers', async ({ page }) => {
    const w = await open(page);
    await expect(stepCount(w)).toHaveText(`Step ${TOTAL} of ${TOTAL}`);
    await expect(narration(w)).toContainText('Both passes done.');
    await expect(w.locator('.node-grad')).toHaveCount(11);
    await expect(w.locator('.edge-label')).toHaveCount(10);
    await expectNumbers(w, running(), { atLeast: 60 });
    await expect(forward(w)).toBeDisabled();
    await expect(w.locator('[data-markup="summary"]')).toHaveText(
      'Computational graph of the neuron and its loss. y: 1.5, gradient 0.9378; w: 0.3, gradient −0.1154; x: 0.5, gradient −0.06925; '
      + 'wx = w·x: 0.15, gradient −0.2308; b: 0.1, gradient −0.2308; z = wx + b: 0.25, gradient −0.2308; a = σ(z): 0.5622, gradient −0.9378; '
      + '−a = (−1)·a: −0.5622, gradient 0.9378; y−a = y + (−a): 0.9378, gradient 0.9378; e² = (y−a)²: 0.8795, gradient 0.5; L = ½·e²: 0.4398, gradient 1.');
  });

  test('Start over, then Step forward computes one node at a time from the inputs to L', async ({ page }) => {
    const w = await open(page);
    await w.getByRole('button', { name: 'Start over' }).click();
    await expect(stepCount(w)).toHaveText(`Step 0 of ${TOTAL}`);
    await expect(narration(w)).toContainText('Only the inputs are known');
    await expect(w.locator('.node-value', { hasText: '= ?' })).toHaveCount(7);
    await expect(w.locator('[data-markup="summary"]')).toContainText('wx = w·x: not computed yet');
    const nodes = ['wx', 'z', 'a', '−a', 'y−a', 'e²', 'L'];
    for (const [i, node] of nodes.entries()) {
      await forward(w).click();
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
      await forward(w).click();
      await expect(narration(w)).toContainText(`Backward ${i + 1} of 7`);
      await expect(narration(w)).toContainText('local × upstream');
      await expect(w.locator('.node-grad')).toHaveCount(count);
      await expectNumbers(w, running());
    }
    await expect(narration(w)).toContainText('Both passes done.');
    await expect(forward(w)).toBeDisabled();
  });

  test('at the sigmoid node the narration reads ∂L/∂z = σ′(z) × ∂L/∂a, and screen readers hear it', async ({ page }) => {
    const w = await open(page, '?cr1.step=11#cr1');
    await forward(w).click();
    await expect(narration(w)).toContainText('Backward 5 of 7: Node a = σ(z)');
    await expect(narration(w).locator('li')).toHaveText('∂L/∂z = ∂a/∂z × ∂L/∂a = local × upstream = 0.2461 × (−0.9378) = −0.2308');
    await expectNumbers(narration(w), running());
    await expect(w.locator('[data-announce]')).toHaveText(/^Step 12 of 14\. Backward 5 of 7: Node a = σ\(z\) passes its gradient/);
  });

  test('pressing Enter on Step forward until the end leaves focus on a button of the walk', async ({ page }) => {
    const w = await open(page, '?cr1.step=10#cr1');
    await forward(w).focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('Enter');
    await expect(stepCount(w)).toHaveText(`Step ${TOTAL} of ${TOTAL}`);
    await expect(forward(w)).toBeDisabled();
    await expect(w.getByRole('button', { name: 'Step back' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(stepCount(w)).toHaveText(`Step ${TOTAL - 1} of ${TOTAL}`);
  });

  test('changing x, w, b and y recomputes every node and edge', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Input x').fill('-1.2');
    await field(w, 'Weight w').fill('2');
    await field(w, 'Bias b').fill('0.15');
    await field(w, 'Target y').fill('0');
    await expectNumbers(w, neuronGraph(-1.2, 2, 0.15, 0), { atLeast: 60 });
  });

  test('a saturated neuron (w = 10, x = 5): the graph’s ∂L/∂w and the product’s print the same number, never 0', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Weight w').fill('10');
    await field(w, 'Input x').fill('5');
    await expectNumbers(w, neuronGraph(5, 10, RUNNING.b, RUNNING.y));
    const graphW = w.locator('.node-grad [data-v="g-w"]');
    const productW = w.locator('.widget-derivation .katex-html [data-v="dLdw"]');
    await expect(graphW).toHaveText(/×10⁻²²$/);
    await expect(productW).toHaveText((await graphW.textContent())!);
    expect((await w.locator('.node-grad').allTextContents()).filter((t) => /= 0$/.test(t))).toEqual([]);
  });

  test('no edge label overlaps another, and each pill holds its text as the browser draws it', async ({ page }) => {
    for (const query of ['', '?cr1.x=-0.1235&cr1.w=-0.1235&cr1.y=-2#cr1', '?cr1.x=5&cr1.w=10#cr1']) {
      const w = await open(page, query);
      await expect(w.locator('.edge-label')).toHaveCount(10);
      const boxes = await w.locator('.edge-label').evaluateAll((gs) => gs.map((g) => {
        const rect = g.querySelector('rect')!, text = g.querySelector('text') as SVGTextElement;
        const t = text.getBBox();
        return { pill: { x: rect.x.baseVal.value, y: rect.y.baseVal.value, width: rect.width.baseVal.value, height: rect.height.baseVal.value }, text: { x: t.x, y: t.y, width: t.width, height: t.height } };
      }));
      for (const [i, { pill, text }] of boxes.entries()) {
        expect(text.x, `label ${i} inside its pill`).toBeGreaterThanOrEqual(pill.x);
        expect(text.x + text.width).toBeLessThanOrEqual(pill.x + pill.width);
        for (const [j, other] of boxes.entries()) {
          if (j <= i) continue;
          const apart = pill.x + pill.width <= other.pill.x || other.pill.x + other.pill.width <= pill.x || pill.y + pill.height <= other.pill.y || other.pill.y + other.pill.height <= pill.y;
          expect(apart, `labels ${i} and ${j} apart`).toBe(true);
        }
      }
    }
  });
});
