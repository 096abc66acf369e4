// The 2-2-1 chapter: every matrix of the forward and the backward pass with its shape, for one sample
// (x = (1, 0)) and for the XOR batch; the batch gradient as a sum of outer products; one step. Every
// number on the page is checked against the plain-loop closed forms of tests/fixtures/oracle-network-2-2-1.ts
// (independent of the engine), at the book's inputs and after typing into the widget's matrices. What every
// widget does (bad input, links, Reset, Copy link, keyboard, axe) is checked once by contract.spec.ts; the
// matrix control is first used here, so its layout and messages are checked here too.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt } from '../../../src/format/number';
import { expectNumbers, expectPairs } from '../numbers';
import { edgeWidth, NET221, named, net221, net221Numbers, net221Sample, type M, type Net221Inputs } from '../../fixtures/oracle-network-2-2-1';
import { widget } from '../widgets';

const PATH = '/network-2-2-1/';
const TITLE = 'A 2-2-1 network on a batch of four';

/** The chapter's one sample, as it says: sample 3, x = (1, 0), y = 1 (column 3 of X, 0-based 2). */
const ONE = 2;

/** The step of gradient descent taken repeatedly from the chapter's weights, as far as the chapter looks (its plateau). */
function plateau() {
  const losses: number[] = [];
  let p = NET221;
  const half = 0.5 * 4 * 0.5 ** 2 / 2; // half of the constant answer's loss, ½ Σₙ (yₙ − ½)² over XOR's four targets
  let escape = -1;
  for (let k = 0; k <= 30_000; k++) {
    const o = net221(p);
    losses.push(o.loss);
    if (escape < 0 && o.loss < half) { escape = k; break; }
    p = { ...p, W1: o.W1Next, b1: o.b1Next, W2: o.W2Next, b2: o.b2Next };
  }
  return { loss1000: losses[1000]!, loss10000: losses[10000]!, escapeStep: escape, escapeLoss: half };
}

/** Every number the prose shows outside the widget: the batch (the widget's names), one sample, the aside, the presets, the plateau. */
function proseOracle(): Record<string, number> {
  const one = net221Sample(NET221, ONE);
  const oneMatrices: Record<string, M> = {
    X: NET221.X.map((r) => [r[ONE]!]), Y: [[NET221.Y[0]![ONE]!]],
    Z1: one.Z1, A1: one.A1, Z2: one.Z2, A2: one.A2, dLdA2: one.dLdA2, dadz2: one.dadz2, Delta2: one.Delta2,
    dLdA1: one.dLdA1, dadz1: one.dadz1, Delta1: one.Delta1, dLdW2: one.dLdW2, dLdb2: one.dLdb2, dLdW1: one.dLdW1, dLdb1: one.dLdb1,
  };
  const copies = net221({ ...NET221, X: [[1, 1, 1, 1], [0, 0, 0, 0]], Y: [[1, 1, 1, 1]] });
  const symmetric = net221({ ...NET221, W1: [[0.1, -0.2], [0.1, -0.2]], b1: [[0.05], [0.05]], W2: [[0.7, 0.7]] });
  const batch = net221(NET221);
  // PyTorch-style mean squared error, mean over N of (ŷ − y)² with no ½: every gradient is 2/N of the summed ½(y − ŷ)²'s.
  const N = 4;
  const scale = (A: M) => A.map((r) => r.map((v) => (2 / N) * v));
  const out: Record<string, number> = {
    ...net221Numbers(NET221),
    oneLoss: one.loss,
    ...named('copiesDLdW2', copies.dLdW2), ...named('copiesDLdb2', copies.dLdb2),
    ...named('symDLdW1', symmetric.dLdW1), ...named('symDLdb1', symmetric.dLdb1),
    ...named('meanDLdW2', scale(batch.dLdW2)), ...named('meanDLdb2', scale(batch.dLdb2)),
    constantAnswer: 0.5, constantLoss: 0.5 * 4 * 0.5 ** 2,
    ...plateau(),
  };
  for (const [k, A] of Object.entries(oneMatrices)) Object.assign(out, named(`one${k}`, A));
  return out;
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}#n1`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(page.locator('bp-widget#n1')).toHaveAttribute('data-ready', '');
  return w;
}

/** A matrix's field for entry (i, j), 1-based, found by the name a screen reader reads. */
function cell(w: Locator, symbol: string, i: number, j: number, cols: number): Locator {
  const name = cols === 1 ? `${symbol} entry ${i}` : `${symbol} row ${i}, column ${j}`;
  return w.getByRole('textbox', { name, exact: true });
}

const SYMBOLS: Record<'W1' | 'b1' | 'W2' | 'b2' | 'X' | 'Y', string> = { W1: 'W⁽¹⁾', b1: 'b⁽¹⁾', W2: 'W⁽²⁾', b2: 'b⁽²⁾', X: 'X', Y: 'Y' };

/** Types a whole matrix into its fields, entry by entry, as a reader would. */
async function typeMatrix(w: Locator, key: keyof typeof SYMBOLS, A: M): Promise<void> {
  for (const [i, row] of A.entries()) {
    for (const [j, v] of row.entries()) await cell(w, SYMBOLS[key], i + 1, j + 1, row.length).fill(String(v));
  }
}

test.describe('the 2-2-1 chapter, as written', () => {
  test('the prose shows every matrix of the derivation for the chapter’s weights on the XOR batch, and of sample 3 alone', async ({ page }) => {
    await page.goto(PATH);
    const o = proseOracle();
    await expectNumbers(page.locator('.chapter-body'), o, { outside: '.widget', atLeast: 250 });
    // "symbol = number" pairs, read as a screen reader reads them (the MathML).
    await expectPairs(page.locator('.chapter-body'), {
      alpha: ['α', NET221.alpha], lossChange: ['ΔL', o['lossChange']!], predictedChange: ['−α∥∇L∥2', o['predictedChange']!],
    }, { outside: '.widget', atLeast: 4 });
  });

  test('prints the loss 0.5093 → 0.5086 and δ⁽¹⁾ of sample 2 as −0.01877 (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const prose = page.locator('.chapter-body > :not(.widget)');
    await expect(prose.locator('.katex-html [data-v="loss"]').first()).toHaveText('0.5093');
    await expect(prose.locator('.katex-html [data-v="lossNext"]').first()).toHaveText('0.5086');
    await expect(prose.locator('.katex-html [data-v="Delta1-1-2"]').first()).toHaveText('−0.01877');
    await expect(page.locator('.q[data-q="lossChange"] .katex-mathml')).toHaveText('ΔL=−0.0006793');
    await expect(prose.locator('[data-v="escapeStep"]')).toHaveText('20849');
  });

  test('every shape is written under its symbol: Z⁽¹⁾ is 2×4, W⁽¹⁾ 2×2, 1ᵀ 1×4 in the batch forward pass', async ({ page }) => {
    await page.goto(PATH);
    // KaTeX's MathML puts the shape under the symbol: <munder><msup>Z (1)</msup> <mrow>2×4</mrow></munder>.
    const shapes = await page.locator('#eq-batch-forward .katex-mathml munder').evaluateAll((els) => els.map((e) => [e.children[0]!.textContent, e.children[1]!.textContent]));
    expect(shapes.slice(0, 5)).toEqual([['Z(1)', '2×4'], ['W(1)', '2×2'], ['X', '2×4'], ['b(1)', '2×1'], ['1⊤', '1×4']]);
    const params = await page.locator('#eq-params .katex-mathml munder').evaluateAll((els) => els.map((e) => e.children[1]!.textContent));
    expect(params).toEqual(['2×2', '2×1', '1×2', '1×1']);
  });

  test('column 3 of every batch matrix is sample 3 alone, number for number', async ({ page }) => {
    await page.goto(PATH);
    const prose = page.locator('.chapter-body > :not(.widget)');
    for (const [batch, one, rows] of [['Z1', 'oneZ1', 2], ['A1', 'oneA1', 2], ['Delta1', 'oneDelta1', 2], ['A2', 'oneA2', 1], ['Delta2', 'oneDelta2', 1]] as const) {
      for (let i = 1; i <= rows; i++) {
        await expect(prose.locator(`.katex-html [data-v="${batch}-${i}-3"]`).first()).toHaveText((await prose.locator(`.katex-html [data-v="${one}-${i}-1"]`).first().textContent())!);
      }
    }
    // and the third of the four outer products is sample 3's gradient
    await expect(prose.locator('.katex-html [data-v="dLdW2s3-1-2"]').first()).toHaveText((await prose.locator('.katex-html [data-v="onedLdW2-1-2"]').first().textContent())!);
  });

  test('the derivation is numbered, and the engine’s own code is shown beside it (dense.ts, matmul.ts)', async ({ page }) => {
    await page.goto(PATH);
    for (const id of ['params', 'loss', 'forward', 'deltas', 'grads', 'batch-forward', 'batch-deltas', 'sum', 'entry', 'batch-grads', 'step']) {
      await expect(page.locator(`#eq-${id}`), id).toHaveCount(1);
    }
    await expect(page.locator('#eq-batch-grads')).toHaveAttribute('title', 'the gradients of a batch');
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(3);
    await expect(code.nth(0)).toContainText('linearInto(z[l]!, layer.W, layer.b, aPrev);');
    await expect(code.nth(1)).toContainText('export function timesTransposeAndRowSumsInto(');
    await expect(code.nth(1).locator('figcaption')).toContainText('src/engine/matmul.ts, lines');
    await expect(code.nth(2)).toContainText('weightGradientsInto(dW[l]!, db[l]!, delta[l]!, l === 0 ? X : a[l - 1]!);');
  });

  test('the batch gradient is the sum of the samples’ outer products, and the prose’s checks hold', async () => {
    const o = net221(NET221);
    const sum = [0, 1].map((j) => o.perSample.reduce((s, p) => s + p.dLdW2[0]![j]!, 0));
    sum.forEach((v, j) => expect(v).toBeCloseTo(o.dLdW2[0]![j]!, 14));
    // "The top left entry is hidden unit 1's delta in samples 3 and 4", and sample 1 reaches no weight of layer 1.
    expect(o.Delta1[0]![2]! + o.Delta1[0]![3]!).toBeCloseTo(o.dLdW1[0]![0]!, 14);
    expect(o.perSample[0]!.dLdW1.flat().every((g) => g === 0)).toBe(true);
    // Samples 1 and 4 (target 0) have positive output deltas, samples 2 and 3 negative ones.
    expect(o.Delta2[0]!.map(Math.sign)).toEqual([1, -1, -1, 1]);
    // Sample 3: δ⁽²⁾ < 0 and hidden unit 2's delta positive, as the text says.
    const one = net221Sample(NET221, ONE);
    expect([Math.sign(one.Delta2[0]![0]!), Math.sign(one.Delta1[1]![0]!)]).toEqual([-1, 1]);
  });
});

test.describe('the 2-2-1 widget', () => {
  test('shows every matrix for the chapter’s network, and the diagram says it to screen readers', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, net221Numbers(NET221), { atLeast: 130 });
    await expect(w.getByRole('img')).toHaveAccessibleName(
      'The network: inputs x₁ and x₂ feed hidden units 1 and 2, which feed the output unit; every unit is a sigmoid. '
      + 'Into hidden unit 1: weight 0.1 from x₁ and −0.2 from x₂, bias 0.05. Into hidden unit 2: weight 0.4 from x₁ and 0.3 from x₂, bias −0.1. '
      + 'Into the output: weight 0.7 from hidden unit 1 and −0.5 from hidden unit 2, bias 0.2.');
    await expect(w.getByText('The loss rose')).toBeHidden();
  });

  test('a matrix parameter is laid out as its matrix: X’s eight fields in two rows of four, in reading order', async ({ page }) => {
    const w = await open(page);
    const boxes = await w.locator('[data-param="X"] input[data-cell]').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { cell: e.getAttribute('data-cell'), x: Math.round(r.left), y: Math.round(r.top) };
    }));
    expect(boxes.map((b) => b.cell)).toEqual(['0,0', '0,1', '0,2', '0,3', '1,0', '1,1', '1,2', '1,3']);
    const rows = [boxes.slice(0, 4), boxes.slice(4)];
    for (const row of rows) {
      expect(new Set(row.map((b) => b.y)).size, 'one row, one height').toBe(1);
      expect(row.map((b) => b.x)).toEqual([...row.map((b) => b.x)].sort((a, b) => a - b));
    }
    expect(rows[1]![0]!.y).toBeGreaterThan(rows[0]![0]!.y);
    expect(rows[1]!.map((b) => b.x)).toEqual(rows[0]!.map((b) => b.x));
    await expect(w.locator('[data-param="X"] legend')).toHaveText('Inputs, one sample per column X');
  });

  test('typing into the matrices and the learning rate recomputes every matrix, through the real controls', async ({ page }) => {
    const w = await open(page);
    const inputs: Net221Inputs = {
      W1: [[1.5, -2], [0.5, 3]], b1: [[-0.5], [1]], W2: [[2, -1.25]], b2: [[0.3]],
      X: [[0, 0, 1, 1], [0, 1, 0, 1]], Y: [[0, 0, 0, 1]], alpha: 2,
    };
    await typeMatrix(w, 'W1', inputs.W1);
    await typeMatrix(w, 'b1', inputs.b1);
    await typeMatrix(w, 'W2', inputs.W2);
    await typeMatrix(w, 'b2', inputs.b2);
    await typeMatrix(w, 'Y', inputs.Y);
    await w.getByRole('textbox', { name: 'Learning rate α', exact: true }).fill('2');
    await expectNumbers(w, net221Numbers(inputs), { atLeast: 130 });
    await expect(page).toHaveURL(/n1\.W1=1.5%2C-2%3B0.5%2C3/);
    // A batch that is not XOR's, with a decimal comma typed as a reader in Europe might:
    await cell(w, 'X', 1, 2, 4).fill('0,5');
    await cell(w, 'X', 2, 4, 4).fill('-2');
    const X2 = [[0, 0.5, 1, 1], [0, 1, 0, -2]];
    await expectNumbers(w, net221Numbers({ ...inputs, X: X2 }), { atLeast: 130 });
  });

  test('the diagram draws each weight from its input unit to its unit, as wide as 0.8 + 3|w|, dashed where negative', async ({ page }) => {
    const w = await open(page);
    const check = async (W1: M, W2: M) => {
      await expect(async () => {
        const drawn = await w.locator('svg line.n221-edge').evaluateAll((ls) => ls.map((l) => ({
          shape: l.getAttribute('data-shape'), width: Number(l.getAttribute('stroke-width')), sign: l.getAttribute('data-sign'),
          x1: Number(l.getAttribute('x1')), y1: Number(l.getAttribute('y1')), x2: Number(l.getAttribute('x2')), y2: Number(l.getAttribute('y2')),
        })));
        const units = await w.locator('svg circle').evaluateAll((cs) => cs.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) })));
        // Units in layout order: inputs x₁, x₂; hidden 1, 2; the output.
        const unit = (layer: number, j: number) => units[[0, 2, 4][layer]! + j]!;
        expect(drawn).toHaveLength(6);
        for (const d of drawn) {
          const [, layer, to, from] = d.shape!.split('-').map(Number) as [number, number, number, number];
          const weight = (layer === 1 ? W1 : W2)[to - 1]![from - 1]!;
          expect(d.width, d.shape!).toBeCloseTo(edgeWidth(weight), 2);
          expect(d.sign, d.shape!).toBe(weight < 0 ? 'negative' : weight > 0 ? 'positive' : 'zero');
          const a = unit(layer - 1, from - 1), b = unit(layer, to - 1);
          expect(Math.hypot(d.x1 - a.x, d.y1 - a.y), `${d.shape} starts on its input unit`).toBeCloseTo(a.r, 0);
          expect(Math.hypot(d.x2 - b.x, d.y2 - b.y), `${d.shape} ends on its unit`).toBeCloseTo(b.r, 0);
        }
      }).toPass({ timeout: 5_000 });
    };
    await check(NET221.W1, NET221.W2);
    await cell(w, 'W⁽¹⁾', 2, 1, 2).fill('-3');
    await cell(w, 'W⁽²⁾', 1, 2, 2).fill('0');
    await check([[0.1, -0.2], [-3, 0.3]], [[0.7, 0]]);
    await expect(w.locator('svg [data-v="W1-2-1"]')).toHaveText('−3');
  });

  test('a bad entry gets a sentence naming the entry, and the numbers stay; fixing it brings them back', async ({ page }) => {
    const w = await open(page);
    const field = cell(w, 'X', 1, 3, 4);
    await field.fill('abc');
    const message = w.locator('[data-param="X"] [data-msg]');
    await expect(message).toHaveText('“abc” is not a number: enter X row 1, column 3 as a decimal, like 1.');
    await expect(field).toHaveAttribute('aria-invalid', '');
    await cell(w, 'X', 2, 1, 4).fill('7');
    await expect(message).toHaveText('“abc” is not a number: enter X row 1, column 3 as a decimal, like 1.');
    await expectNumbers(w, net221Numbers(NET221));
    await field.fill('1');
    await expect(message).toHaveText('7 is outside the range of X row 2, column 1: enter a number between −5 and 5.');
    await cell(w, 'X', 2, 1, 4).fill('0');
    await expect(message).toBeHidden();
    await expectNumbers(w, net221Numbers(NET221));
  });

  test('a far too large learning rate makes the loss rise, and the widget says so', async ({ page }) => {
    const w = await open(page, '?n1.alpha=100&n1.W1=3%2C3%3B-3%2C-3');
    const inputs = { ...NET221, alpha: 100, W1: [[3, 3], [-3, -3]] };
    await expectNumbers(w, net221Numbers(inputs));
    const o = net221(inputs);
    expect(o.lossNext).toBeGreaterThan(o.loss);
    await expect(w.getByText('The loss rose: this step is too long')).toBeVisible();
  });
});

test.describe('the preset links and the step worked with the reader’s numbers', () => {
  test('“A batch of four copies of sample 3” fills X and Y, and every gradient is four times sample 3’s', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'A batch of four copies of sample 3', exact: true }).click();
    await page.waitForURL(/\?n1\./);
    await expect(page.locator('bp-widget#n1')).toHaveAttribute('data-ready', '');
    const w = widget(page, TITLE);
    const inputs = { ...NET221, X: [[1, 1, 1, 1], [0, 0, 0, 0]], Y: [[1, 1, 1, 1]] };
    await expectNumbers(w, net221Numbers(inputs));
    await expect(cell(w, 'X', 2, 4, 4)).toHaveValue('0');
    const one = net221Sample(NET221, ONE);
    await expect(w.locator('.katex-html [data-v="dLdb2-1-1"]').first()).toHaveText(fmt(4 * one.dLdb2[0]![0]!));
    await expect(page.locator('.chapter-body > :not(.widget) [data-v="copiesDLdb2-1-1"]')).toHaveText(fmt(4 * one.dLdb2[0]![0]!));
  });

  test('“Two identical hidden units” makes the rows equal, and the widget says they stay so', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'Two identical hidden units', exact: true }).click();
    await page.waitForURL(/\?n1\./);
    const w = widget(page, TITLE);
    await expect(w.getByText('The two hidden units start the same')).toBeVisible();
    const inputs = { ...NET221, W1: [[0.1, -0.2], [0.1, -0.2]], b1: [[0.05], [0.05]], W2: [[0.7, 0.7]] };
    await expectNumbers(w, net221Numbers(inputs));
    await expect(cell(w, 'W⁽²⁾', 1, 2, 2)).toHaveValue('0.7');
  });

  test('“Work this chapter with my numbers” works the step with the widget’s matrices, and Reset brings the book’s back', async ({ page }) => {
    const w = await open(page);
    const part = page.locator('bp-follow');
    const book = net221Numbers(NET221);
    await typeMatrix(w, 'W2', [[-1, 2]]);
    await w.getByRole('textbox', { name: 'Learning rate α', exact: true }).fill('0.5');
    await expectNumbers(part, book, { atLeast: 30 }); // not before the reader asks
    await w.getByRole('button', { name: 'Work this chapter with my numbers' }).click();
    const mine = net221Numbers({ ...NET221, W2: [[-1, 2]], alpha: 0.5 });
    await expectNumbers(part, mine, { atLeast: 30 });
    await expectPairs(part, { alpha: ['α', 0.5], lossChange: ['ΔL', mine['lossChange']!], predictedChange: ['−α∥∇L∥2', mine['predictedChange']!] });
    await expect(part.locator('[data-if-mine] p')).toContainText('worked with the values in the widget below: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾, X, Y, α = 0.5.');
    await expect(part.getByText('it fell.')).toBeVisible();
    await expect(page).toHaveURL(/n1\.mine=on/);
    await w.getByRole('button', { name: 'Reset', exact: true }).click();
    await expectNumbers(part, book, { atLeast: 30 });
    await expect(part.getByText('Your numbers.')).toBeHidden();
  });

  test('a link with α = 100 works the step with a loss that rises, and the prose says so', async ({ page }) => {
    await page.goto(`${PATH}?n1.alpha=100&n1.W1=3%2C3%3B-3%2C-3&n1.mine=on`);
    const part = page.locator('bp-follow');
    const inputs = { ...NET221, alpha: 100, W1: [[3, 3], [-3, -3]] };
    await expectNumbers(part, net221Numbers(inputs), { atLeast: 30 });
    await expect(part.getByText('it rose: this step was too long.')).toBeVisible();
    await expect(part.getByText('it fell.')).toBeHidden();
  });
});
