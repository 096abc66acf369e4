// recap.spec.ts — the book-level recap (/recap/): the algorithm in pseudo-code and the five formulas, each
// formula's citations leading to the very equation they name (same number, on the chapter that derives
// it), the running examples' numbers against the closed forms of tests/fixtures/oracle.ts (not the
// engine), linked from every chapter and from the home page, and readable on a 390 px phone.
import { expect, test } from '@playwright/test';
import { expectNumbers, expectPairs } from './numbers';
import { neuron, RUNNING, TWO_NEURONS, twoNeurons } from '../fixtures/oracle';
import { builtChapters } from './pages';

const PATH = '/recap/';
const TITLE = 'Backpropagation on one page';

/** The recap's numbers: the one-neuron running example and chapter 4's two neurons. */
function oracle() {
  const one = neuron(RUNNING);
  return { a: one.a, dadz: one.dadz, dLdw: one.dLdw, delta: one.delta, wNext: one.wNext, lossNext: one.lossNext, delta1: twoNeurons(TWO_NEURONS).delta1 };
}

test.describe('the recap', () => {
  test('shows the running examples’ numbers, each read as “symbol = value” (δ⁽¹⁾ = −0.03009 written out)', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const o = oracle();
    const body = page.locator('.chapter-body');
    await expectNumbers(body, o, { atLeast: 7 });
    await expectPairs(body, {
      a: ['a', o.a], dadz: ['σ′(z)', o.dadz], dLdw: ['∂L/∂w', o.dLdw], delta: ['δ', o.delta],
      wNext: ['wnew', o.wNext], lossNext: ['Lnew', o.lossNext], delta1: ['δ(1)', o.delta1],
    }, { atLeast: 7 });
    await expect(body.locator('.q[data-q="delta1"] .katex-mathml')).toHaveText('δ(1)=−0.03009');
  });

  test('the five formulas, in the algorithm’s order, each citing equations that exist with the numbers it shows', async ({ page }) => {
    await page.goto(PATH);
    const formulas = page.locator('.formula');
    await expect(formulas.locator('h3')).toHaveText([
      '1. The slope of the sigmoid', '2. The chain rule', '3. The delta of the output layer',
      '4. The delta of a hidden layer', '5. The gradients and the update',
    ]);
    await expect(formulas.nth(0).locator('.katex-display .katex-mathml')).toHaveText(/^σ′\(z\)=σ\(z\)\s*\(1−σ\(z\)\)=a\s*\(1−a\)$/);
    await expect(formulas.nth(3).locator('.katex-display .katex-mathml')).toHaveText(/^δ\(l\)=\(W\(l\+1\)\)Tδ\(l\+1\)⊙σ′\(z\(l\)\)$/);
    const cited = await formulas.locator('.formula-derived a').evaluateAll((as) => as.map((a) => ({
      href: (a as HTMLAnchorElement).getAttribute('href')!, text: a.textContent!, name: a.getAttribute('aria-label')!,
    })));
    expect(cited.map((c) => c.href)).toEqual([
      '/sigmoid-derivative/#eq-result', '/sigmoid-derivative/#eq-from-a',
      '/chain-rule/#eq-chain', '/chain-rule/#eq-local-upstream',
      '/output-delta/#eq-delta', '/output-delta/#eq-output-delta', '/output-delta/#eq-loss-outputs',
      '/hidden-delta/#eq-hidden-delta', '/hidden-delta/#eq-hidden-delta-vector',
      '/hidden-delta/#eq-grads-vector', '/weight-update/#eq-layer', '/weight-update/#eq-batch',
    ]);
    // Each citation's number is the number its chapter gives that equation, and its chapter's.
    const pages = [...new Set(cited.map((c) => c.href.split('#')[0]!))];
    const orderOf: Record<string, string> = {};
    const numberOf: Record<string, string | null> = {};
    for (const path of pages) {
      await page.goto(path);
      orderOf[path] = (await page.locator('.chapter-header .kicker').textContent())!.replace('Chapter ', '');
      for (const c of cited.filter((x) => x.href.startsWith(path))) {
        const id = c.href.split('#')[1]!;
        await expect(page.locator(`[id="${id}"]`), c.href).toHaveCount(1);
        numberOf[c.href] = await page.locator(`[id="${id}"]`).getAttribute('data-eq-number');
      }
    }
    for (const c of cited) {
      const path = c.href.split('#')[0]!;
      expect(c.text, c.href).toBe(`(${numberOf[c.href]})`);
      expect(c.name, c.href).toBe(`chapter ${orderOf[path]}, equation ${numberOf[c.href]}`);
    }
  });

  test('the algorithm box: forward, loss, output delta, hidden deltas back to layer 1, gradients, then the update', async ({ page }) => {
    await page.goto(PATH);
    const box = page.getByRole('figure', { name: /One step of gradient descent by backpropagation/ });
    const lines = box.locator('.algorithm-lines > li');
    await expect(lines).toHaveCount(7);
    const math = (i: number) => lines.nth(i).locator('.katex-mathml');
    await expect(math(0)).toHaveText(['a(0)←x']);
    await expect(math(1)).toHaveText(['l=1,…,m', 'z(l)←W(l)a(l−1)+b(l)', 'a(l)←σ(z(l))']);
    await expect(math(2)).toHaveText([/^L←12\s*∑k\s*\(yk−ak\(m\)\)2$/]);
    await expect(math(3)).toHaveText(['δ(m)←(a(m)−y)⊙a(m)⊙(1−a(m))']);
    await expect(math(4)).toHaveText(['l=m−1,…,1', 'δ(l)←(W(l+1))Tδ(l+1)⊙a(l)⊙(1−a(l))']);
    await expect(math(5).nth(1)).toHaveText(/^∂L∂W\(l\)←δ\(l\)\s*\(a\(l−1\)\)T$/);
    await expect(lines.nth(6)).toContainText('Update, once every gradient is known.');
    await expect(math(6)).toHaveText(['l=1,…,m', /^W\(l\)←W\(l\)−α\s*∂L∂W\(l\)$/, /^b\(l\)←b\(l\)−α\s*∂L∂b\(l\)$/]);
    // The references inside the box lead to the formulas on this page.
    for (const a of await box.locator('a.algorithm-ref').all()) {
      const id = (await a.getAttribute('href'))!.slice(1);
      await expect(page.locator(`.formula[id="${id}"]`)).toHaveCount(1);
    }
  });

  test('is linked from every chapter, comes after the last one, and is in the home page’s contents', async ({ page }) => {
    const chapters = builtChapters();
    expect(chapters.length).toBeGreaterThanOrEqual(5);
    for (const path of chapters) {
      await page.goto(path);
      await expect(page.locator('.recap-link').getByRole('link', { name: TITLE }), path).toHaveAttribute('href', PATH);
    }
    await page.goto('/');
    const contents = page.locator('.contents a');
    await expect(contents.last()).toHaveAttribute('href', PATH);
    await expect(contents.last()).toContainText(`Recap: ${TITLE}`);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    // The last chapter's Next is the recap; the recap's Previous is the last chapter.
    await page.goto('/');
    const last = await contents.nth(-2).getAttribute('href');
    await page.goto(last!);
    await page.getByRole('link', { name: /^Next/ }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.getByRole('link', { name: /^Previous/ })).toHaveAttribute('href', last!);
  });
});

test.describe('the recap on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('nothing scrolls sideways: the page, the algorithm box and every display formula fit', async ({ page }) => {
    await page.goto(PATH);
    await page.keyboard.press('Shift'); // far regions are measured once a key is pressed (src/ui/scrollables.ts)
    await expect(page.locator('html')).toHaveAttribute('data-scrollables', 'ready');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const over = await page.locator('.katex-display, .algorithm').evaluateAll((els) => els
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el.textContent ?? '').slice(0, 40)));
    expect(over).toEqual([]);
  });
});
