// The pitfalls chapter: the finite-difference table, the gradient check of chapter 8's network, each
// mistake's verdict, the gradient checker (formulas typed into its real fields, a syntax error with its
// column, hostile text refused) and the deep stack (its depth slider, its presets). Every number is
// checked against tests/fixtures/oracle-pitfalls.ts (plain loops, no engine). Numbers that are round-off
// (relative errors of a correct gradient, about 10⁻¹⁰) differ between any two ways of computing them in
// their leading digits, so for those the test checks the claim the prose makes: that they are below 10⁻⁷.
// What every widget does (bad input, links, Reset, Copy link, keyboard) is checked by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { canonical, expectNumbers, expectPairs, plotFrame, readMarked, toData } from '../numbers';
import { messageFor, pressSlider, widget } from '../widgets';
import { displaysCutOff } from '../phone';
import {
  BOOK, central, deepStackPlain, derivativeCheckOracle, fromArray, grads, numericGrads, relErr, sigma, sigmaPrime, sourceWrong,
  tanhPrime, toArray, type StackInputs,
} from '../../fixtures/oracle-pitfalls';

const PATH = '/pitfalls/';
const CHECKER = 'Check a derivative';
const STACK = 'Gradients through a deep stack';
const NAMES = ['W1_11', 'W1_12', 'W1_21', 'W1_22', 'b1_1', 'b1_2', 'W2_11', 'W2_12', 'b2'];

/** "1.103×10⁻⁹" → 1.103e-9, "−0.5" → −0.5: a marked number read back as a number. */
function valueOf(text: string): number {
  return Number(canonical(text).replaceAll('−', '-').replace('×10', 'e'));
}

/** Full-batch steps θ ← θ − α g from chapter 8's weights, in plain code, with the mistake's g and the code's loss. */
function descend(mistake: 'none' | 'sourceDerivative' | 'lossWithoutSquares', alpha: number, steps: number): number[] {
  let t = toArray(BOOK);
  for (let s = 0; s < steps; s++) { const g = grads(fromArray(t), mistake, alpha); t = t.map((v, k) => v - alpha * g[k]!); }
  const p = fromArray(t);
  return [0, 1, 2, 3].map((n) => {
    const x1 = [0, 0, 1, 1][n]!, x2 = [0, 1, 0, 1][n]!;
    return sigma(p.v1 * sigma(p.w11 * x1 + p.w12 * x2 + p.b11) + p.v2 * sigma(p.w21 * x1 + p.w22 * x2 + p.b12) + p.c);
  });
}

/** The prose's numbers that are not round-off, from the oracle. */
function proseOracle(): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 1; k <= 12; k++) {
    const h = 10 ** -k;
    out[`fwdErr${k}`] = Math.abs((sigma(2 + h) - sigma(2)) / h - sigmaPrime(2));
    out[`cenErr${k}`] = Math.abs(central(sigma, 2, h) - sigmaPrime(2));
  }
  const g = grads(BOOK), n = numericGrads(BOOK);
  NAMES.forEach((name, k) => { out[`g${name}`] = g[k]!; out[`n${name}`] = n[k]!; });
  const worst = (m: Parameters<typeof grads>[1], squares = true) => {
    const gm = grads(BOOK, m), nm = numericGrads(BOOK, squares);
    return gm.map((v, k) => relErr(v, nm[k]!));
  };
  const [src, onZ, tr, early] = [worst('sourceDerivative'), worst('derivativeOfZ'), worst('missingTranspose'), worst('updateBeforeBackprop')];
  const steps = 5000, alpha = 0.5;
  const [yNone, ySource, ySquares] = [descend('none', alpha, steps), descend('sourceDerivative', alpha, steps), descend('lossWithoutSquares', alpha, steps)];
  const gc = derivativeCheckOracle(sigma, sourceWrong, -4, 4);
  const stack = deepStackPlain({ depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, bias: 0, seed: 1 });
  Object.assign(out, {
    slopeAt2: sigmaPrime(2), machineEps: 2 ** -52, epsCubeRoot: Math.cbrt(2 ** -52),
    sourceAt0: 1 / (Math.sqrt(1) + 0.5), slopeAt0: 0.25,
    gcWorstX: gc.x, gcWorstRelError: gc.relError, gcFailing: gc.failing, gcPoints: gc.points,
    sourceWorst: Math.max(...src), onZWorst: Math.max(...onZ), transposeWorst: Math.max(tr[1]!, tr[2]!), earlyWorst: Math.max(...early.slice(0, 6)),
    ...Object.fromEntries([yNone, ySource, ySquares].flatMap((y, i) => y.map((v, n) => [`${['yNone', 'ySource', 'ySquares'][i]}${n + 1}`, v]))),
    trainSteps: steps, trainAlpha: alpha,
    slipZ: 0.05, slipYHat: sigma(0.05), z: 0.3 * 0.5 + 0.1, yHat: sigma(0.3 * 0.5 + 0.1), wxMinusB: 0.3 * 0.5 - 0.1, sourceYHat: 0.51,
    stackFirst: stack.first, stackLast: stack.last, stackRatio: stack.ratio, stackBound: 0.25 ** 9, stackDepth: 10,
    stack25Ratio: deepStackPlain({ depth: 25, width: 8, activation: 'sigmoid', weightScale: 1, bias: 0, seed: 1 }).ratio, stack25Depth: 25,
    explodingRatio: deepStackPlain({ depth: 10, width: 8, activation: 'tanh', weightScale: 3, bias: 0, seed: 1 }).ratio,
    dyingDead: deepStackPlain({ depth: 10, width: 8, activation: 'relu', weightScale: 2, bias: -0.5, seed: 1 }).totalDead, dyingUnits: 80,
  });
  // ∂L/∂W⁽¹⁾ with the targets in place of the inputs: Σₙ δ⁽¹⁾ⱼ yₙ, from the plain formulas.
  const d1 = [0, 1].map((j) => [0, 1, 2, 3].reduce((s, n) => {
    const x1 = [0, 0, 1, 1][n]!, x2 = [0, 1, 0, 1][n]!, y = [0, 1, 1, 0][n]!;
    const z1 = BOOK.w11 * x1 + BOOK.w12 * x2 + BOOK.b11, z2 = BOOK.w21 * x1 + BOOK.w22 * x2 + BOOK.b12;
    const zo = BOOK.v1 * sigma(z1) + BOOK.v2 * sigma(z2) + BOOK.c;
    return s + (j === 0 ? BOOK.v1 : BOOK.v2) * (sigma(zo) - y) * sigmaPrime(zo) * sigmaPrime(j === 0 ? z1 : z2) * y;
  }, 0));
  out['wrongDW1a'] = d1[0]!;
  out['wrongDW1b'] = d1[1]!;
  return out;
}

/** Round-off: relative errors of correct gradients, which the prose only claims are below 10⁻⁷. */
const ROUND_OFF = [...NAMES.map((n) => `e${n}`), 'okWorst', 'squaresWorst', 'transposeOk', 'earlyLayer2'];

async function open(page: Page, title: string, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, title);
  await w.scrollIntoViewIfNeeded();
  return w;
}

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });

test.describe('the pitfalls chapter, as written', () => {
  test('every number of the prose equals the oracle; the round-off ones are below 10⁻⁷, as the prose says', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    const marked = await readMarked(body, '.widget');
    const roundOff = marked.filter((m) => ROUND_OFF.includes(m.name));
    expect(roundOff.map((m) => m.name).sort()).toEqual([...ROUND_OFF].sort());
    for (const m of roundOff) {
      expect(valueOf(m.text), `${m.name} = ${m.text}`).toBeGreaterThan(0);
      expect(valueOf(m.text), `${m.name} = ${m.text}`).toBeLessThan(1e-7);
    }
    const want = proseOracle();
    // The round-off names are given the page's own value (checked above); every other mark against the oracle.
    for (const m of roundOff) want[m.name] = valueOf(m.text);
    await expectNumbers(body, want, { outside: '.widget', atLeast: 80 });
    await expectPairs(body, { slopeAt2: ['σ′(2)', sigmaPrime(2)], slopeAt0: ['σ′(0)', 0.25] }, { outside: '.widget', atLeast: 2 });
  });

  test('the source’s derivative at 0 is written out: 0.6667, where σ′(0) = 0.25; the slip prints σ(0.25) = 0.5622', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    await expect(body.locator('[data-v="sourceAt0"]').first()).toHaveText('0.6667');
    await expect(body.locator('.q[data-q="slopeAt0"] .katex-mathml')).toHaveText('σ′(0)=0.25');
    await expect(body.locator('[data-v="yHat"]').first()).toHaveText('0.5622');
    await expect(body.locator('[data-v="slipYHat"]').first()).toHaveText('0.5125');
    // The engine's refusal of the targets-for-inputs gradient, as the book prints it.
    await expect(body.locator('pre').filter({ hasText: 'dW of layer 1' })).toHaveText("dW of layer 1 has shape 2×1 but layer 1's weights have that shape: expected 2×2");
  });

  test('the tables have a row per step and per parameter, and the engine’s code is cut from gradcheck.ts', async ({ page }) => {
    await page.goto(PATH);
    const tables = page.locator('.chapter-body .table-wrap:not(.widget .table-wrap, bp-exercises .table-wrap) table');
    await expect(tables).toHaveCount(2);
    await expect(tables.nth(0).locator('tbody tr')).toHaveCount(12);
    await expect(tables.nth(1).locator('tbody tr')).toHaveCount(9);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(3);
    await expect(code.nth(0)).toContainText('return (f(x + eps) - f(x - eps)) / (2 * eps);');
    await expect(code.nth(1)).toContainText('export function relativeError(a: number, b: number, floor = 1e-5): number');
    await expect(code.nth(2).locator('figcaption')).toContainText('src/engine/gradcheck.ts, lines');
  });
});

test.describe('the gradient checker', () => {
  test('at the defaults (σ and the source’s formula): wrong everywhere, worst at −4, as the oracle says', async ({ page }) => {
    const w = await open(page, CHECKER);
    const o = derivativeCheckOracle(sigma, sourceWrong, -4, 4);
    await expectNumbers(w, {
      from: -4, to: 4, points: o.points, failing: o.failing, worstX: o.x, worstRelError: o.relError, worstClaim: o.claim, worstNumeric: o.numeric, correctBelow: 1e-7,
    }, { atLeast: 10 });
    await expect(w.locator('.verdict-wrong')).toBeVisible();
    await expect(w.locator('.verdict-wrong')).toContainText('Wrong: the claim disagrees with the central difference at 161 of 161 points. The worst is x = −4');
  });

  test('typing the true σ′ into the field: it agrees, at every point below 10⁻⁷', async ({ page }) => {
    const w = await open(page, CHECKER);
    await field(w, 'Claimed derivative f′(x)').fill('sigmoid(x)*(1 - sigmoid(x))');
    await expect(w.locator('[data-show-when="agrees"]').first()).toBeVisible();
    await expect(w.locator('[data-show-when="wrong"]').first()).toBeHidden();
    await expect(w.locator('.verdict:visible')).toContainText('Agrees: at all 161 points the relative error is at most');
    const worst = valueOf(await w.locator('.readout [data-v="worstRelError"]').textContent() ?? '');
    expect(worst).toBeLessThan(1e-7);
    // The claim there is σ′ at the worst x, to the digits shown.
    const x = valueOf(await w.locator('.readout [data-v="worstX"]').textContent() ?? '');
    expect(Math.abs(valueOf(await w.locator('.readout [data-v="worstClaim"]').textContent() ?? '') - sigmaPrime(x)) / sigmaPrime(x)).toBeLessThan(1e-3);
  });

  test('a(1 − a) handed x and a narrower range, typed: the worst point moves as the oracle says', async ({ page }) => {
    const w = await open(page, CHECKER);
    await field(w, 'Claimed derivative f′(x)').fill('x*(1 - x)');
    let o = derivativeCheckOracle(sigma, (x) => x * (1 - x), -4, 4);
    await expectNumbers(w, { from: -4, to: 4, points: o.points, failing: o.failing, worstX: o.x, worstRelError: o.relError, worstClaim: o.claim, worstNumeric: o.numeric, correctBelow: 1e-7 });
    await field(w, 'Claimed derivative f′(x)').fill('1/(sqrt(1 + x^2) + 1/2)');
    await field(w, 'Range from x').fill('0');
    await field(w, 'Range to x').fill('2');
    o = derivativeCheckOracle(sigma, sourceWrong, 0, 2);
    await expectNumbers(w, { from: 0, to: 2, points: o.points, failing: o.failing, worstX: o.x, worstRelError: o.relError, worstClaim: o.claim, worstNumeric: o.numeric, correctBelow: 1e-7 });
  });

  test('tanh and 1 − tanh² from the chapter’s link agree', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'tanh and 1 − tanh²' }).click();
    const w = widget(page, CHECKER);
    await expect(field(w, 'Activation f(x)')).toHaveValue('tanh(x)');
    await expect(field(w, 'Claimed derivative f′(x)')).toHaveValue('1 - tanh(x)^2');
    await expect(w.locator('.verdict:visible')).toContainText('Agrees');
    expect(valueOf(await w.locator('.readout [data-v="worstRelError"]').textContent() ?? '')).toBeLessThan(1e-7);
    const x = valueOf(await w.locator('.readout [data-v="worstX"]').textContent() ?? '');
    expect(relErr(valueOf(await w.locator('.readout [data-v="worstClaim"]').textContent() ?? ''), tanhPrime(x))).toBeLessThan(1e-3);
  });

  test('a syntax error is shown under its field with its column, and the last valid plot and numbers stay', async ({ page }) => {
    const w = await open(page, CHECKER);
    const before = await readMarked(w);
    const path = await w.locator('[data-shape="claim"]').getAttribute('d');
    const df = field(w, 'Claimed derivative f′(x)');
    await df.fill('x*(1 - x))');
    await expect(messageFor(w, 'Claimed derivative f′(x)')).toHaveText('Claimed derivative f′(x): unexpected ‘)’ at column 10.');
    await expect(df).toHaveAttribute('aria-invalid', '');
    await df.fill('sigmoid(x');
    await expect(messageFor(w, 'Claimed derivative f′(x)')).toContainText('is not closed at column 10');
    expect(await readMarked(w)).toEqual(before);
    expect(await w.locator('[data-shape="claim"]').getAttribute('d')).toBe(path);
  });

  test('hostile text is shown as text and refused: no element is injected, nothing runs', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const w = await open(page, CHECKER);
    const hostile = '</script><img src=x onerror=alert(1)>';
    const f = field(w, 'Activation f(x)');
    await f.fill(hostile);
    await expect(messageFor(w, 'Activation f(x)')).toHaveText('Activation f(x): unexpected ‘<’ at column 1.');
    await expect(f).toHaveValue(hostile);
    expect(await page.locator('img[onerror], [onerror]').count()).toBe(0);
    // The figure's description still names the last valid formula, as text.
    await expect(w.locator('[data-text="f"]')).toHaveText('sigmoid(x)');
    expect(dialogs).toEqual([]);
  });

  test('a formula with no finite value in the range: the error line says where, the numbers stay; a range where it has one works', async ({ page }) => {
    const w = await open(page, CHECKER);
    await field(w, 'Range from x').fill('1');
    await field(w, 'Activation f(x)').fill('log(x)');
    await field(w, 'Claimed derivative f′(x)').fill('1/x');
    await expect(w.locator('.verdict:visible')).toContainText('Agrees');
    const before = await readMarked(w);
    await field(w, 'Range from x').fill('-4');
    await expect(w.locator('[data-widget-error]')).toHaveText(/f has no finite value at x = −4\b/);
    await expect(w.locator('[data-widget-error]')).not.toContainText(/NaN|Infinity/);
    expect(await readMarked(w)).toEqual(before);
  });

  test('the plot is in data units: the frame spans the range, the curves pass through the claim and the central difference', async ({ page }) => {
    const w = await open(page, CHECKER);
    const svg = w.locator('svg.plot');
    const f = await plotFrame(svg);
    expect(f.x).toEqual([-4, 4]);
    for (const [shape, fn] of [['claim', sourceWrong], ['numeric', (x: number) => central(sigma, x)]] as const) {
      const d = (await svg.locator(`[data-shape="${shape}"]`).getAttribute('d')) ?? '';
      const points = d.slice(1).split('L').map((p) => p.split(',').map(Number) as [number, number]);
      expect(points.length).toBe(161);
      for (const [px, py] of [points[0]!, points[80]!, points[160]!]) {
        const [x, y] = toData(f, px, py);
        expect(Math.abs(y - fn(x))).toBeLessThan((f.y[1] - f.y[0]) / 200);
      }
    }
    // Both markers sit at the worst x (−4), at the claim and at the central difference.
    const o = derivativeCheckOracle(sigma, sourceWrong, -4, 4);
    const at = async (name: string) => toData(f, Number(await svg.locator(`[data-shape="${name}"]`).getAttribute('cx')), Number(await svg.locator(`[data-shape="${name}"]`).getAttribute('cy')));
    const [cx, cy] = await at('worstClaim');
    const [nx, ny] = await at('worstNumeric');
    expect(cx).toBeCloseTo(o.x, 1);
    expect(nx).toBeCloseTo(o.x, 1);
    expect(Math.abs(cy - o.claim)).toBeLessThan(0.01);
    expect(Math.abs(ny - o.numeric)).toBeLessThan(0.01);
  });
});

test.describe('the live gradient check', () => {
  const LIVE = 'The gradient check, live';
  /** g, ĝ of the oracle for the mistake; e where it is not round-off (else the page's own value, checked below 10⁻⁷). */
  async function expectCheck(w: Locator, p: typeof BOOK, mistake: Parameters<typeof grads>[1], alpha = 0.1): Promise<void> {
    const g = grads(p, mistake, alpha), n = numericGrads(p, mistake !== 'lossWithoutSquares');
    const want: Record<string, number> = { correctBelow: 1e-7 };
    let failing = 0;
    for (const [k, name] of NAMES.entries()) {
      want[`g${name}`] = g[k]!;
      want[`n${name}`] = n[k]!;
      const e = relErr(g[k]!, n[k]!);
      if (e > 1e-7) { want[`e${name}`] = e; failing++; }
    }
    want['failing'] = failing;
    want['worst'] = failing > 0 ? Math.max(...NAMES.map((_, k) => relErr(g[k]!, n[k]!))) : 0;
    // Round-off (a relative error that passes) is not printed: its cell says ≤ 10⁻⁷ and its mark is 0.
    for (const name of NAMES) if (!(`e${name}` in want)) want[`e${name}`] = 0;
    await expectNumbers(w, want, { atLeast: 29 });
    await expect(w.locator('.fails:visible')).toHaveCount(failing);
    await expect(w.locator('tbody td > span:visible', { hasText: '≤ 10⁻⁷' })).toHaveCount(9 - failing);
  }

  test('at the defaults it passes; choosing the missing transpose fails exactly the two entries off the diagonal', async ({ page }) => {
    const w = await open(page, LIVE);
    await expectCheck(w, BOOK, 'none');
    await expect(w.locator('.verdict:visible')).toHaveText(/^\s*Passes: every relative error is at most 1×10⁻⁷, which is round-off/);
    await w.getByRole('combobox', { name: 'The mistake' }).selectOption('missingTranspose');
    await expectCheck(w, BOOK, 'missingTranspose');
    await expect(w.locator('.verdict:visible')).toContainText('Fails: 2 of the nine parameters disagree with the central difference; the worst is W⁽¹⁾ row');
    await expect(w.locator('tbody tr').filter({ has: page.locator('.fails:visible') })).toHaveCount(2);
  });

  test('typed weights and a larger α, with the early update: the check follows, and fails more', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'try a larger α' }).click();
    const w = widget(page, LIVE);
    await expect(w.getByRole('combobox', { name: 'The mistake' })).toHaveValue('updateBeforeBackprop');
    await expectCheck(w, BOOK, 'updateBeforeBackprop', 0.1);
    await w.getByRole('textbox', { name: 'W⁽¹⁾ row 1, column 2' }).fill('1.5');
    await w.getByRole('textbox', { name: 'Learning rate (for the early update) α', exact: true }).fill('1');
    await expectCheck(w, { ...BOOK, w12: 1.5 }, 'updateBeforeBackprop', 1);
  });
});

test.describe('the deep stack', () => {
  const base: StackInputs = { depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, bias: 0, seed: 1 };
  const stackNumbers = (p: StackInputs) => {
    const o = deepStackPlain(p);
    return { depth: p.depth, width: p.width, weightScale: p.weightScale, bias: p.bias, first: o.first, last: o.last, ratio: o.ratio, totalDead: o.totalDead, units: o.units, sigmoidBound: o.sigmoidBound };
  };

  test('at the defaults: |δ| vanishes through ten sigmoid layers, as the plain loops from the seed say', async ({ page }) => {
    const w = await open(page, STACK);
    await expectNumbers(w, stackNumbers(base), { atLeast: 8 });
    await expect(w.locator('.verdict:visible')).toContainText('Vanishing: layer 1 gets');
  });

  test('the depth slider: one layer more, and the numbers follow; the plot’s dots are at (layer, log₁₀ mean |δ|)', async ({ page }) => {
    const w = await open(page, STACK);
    await pressSlider(w, 'Hidden layers L', 'ArrowRight', 2);
    const p = { ...base, depth: 12 };
    await expectNumbers(w, stackNumbers(p));
    const svg = w.locator('svg.plot');
    const f = await plotFrame(svg);
    const o = deepStackPlain(p);
    expect(f.x).toEqual([0.5, 12.5]);
    const d = (await svg.locator('[data-shape="line"]').getAttribute('d')) ?? '';
    const points = d.slice(1).split('L').map((s) => s.split(',').map(Number) as [number, number]);
    expect(points.length).toBe(12);
    points.forEach(([px, py], l) => {
      const [x, y] = toData(f, px, py);
      expect(x).toBeCloseTo(l + 1, 1);
      expect(Math.abs(y - Math.log10(o.meanAbsDelta[l]!))).toBeLessThan(0.05);
    });
    expect(f.y[0]).toBe(Math.floor(Math.log10(Math.min(...o.meanAbsDelta))));
  });

  test('the chapter’s presets: tanh with large weights explodes; ReLUs with negative biases die', async ({ page }) => {
    await page.goto(PATH);
    await page.getByRole('link', { name: 'tanh and weights three times larger' }).click();
    const w = widget(page, STACK);
    await expectNumbers(w, stackNumbers({ ...base, activation: 'tanh', weightScale: 3 }));
    await expect(w.locator('.verdict:visible')).toContainText('Exploding');
    await page.getByRole('link', { name: 'ReLU, larger weights and every bias negative' }).click();
    const dying = { ...base, activation: 'relu' as const, weightScale: 2, bias: -0.5 };
    await expectNumbers(w, stackNumbers(dying));
    await expect(w.locator('.readout')).toContainText(`dead ReLU units${deepStackPlain(dying).totalDead} of 80`);
  });

  test('a layer of dead ReLUs blocks every gradient below it, and the widget says so (no NaN, no ∞)', async ({ page }) => {
    const w = await open(page, STACK);
    await w.getByRole('combobox', { name: 'Activation' }).selectOption('relu');
    await field(w, 'Every bias b').fill('-2');
    const p = { ...base, activation: 'relu' as const, bias: -2 };
    await expectNumbers(w, stackNumbers(p));
    await expect(w.getByText('Blocked: in some layer every ReLU unit is dead')).toBeVisible();
    await expect(w).not.toContainText(/NaN|Infinity/);
  });
});

test.describe('the chapter on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('nothing is wider than the screen, and no display equation is cut off, in the prose or in the widgets', async ({ page }) => {
    await page.goto(PATH);
    const cut = await displaysCutOff(page);
    expect(await page.locator('.chapter-body .equation').count()).toBe(7);
    expect(cut).toEqual([]);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widgets: [...document.querySelectorAll('bp-widget')].map((w) => w.scrollWidth),
      tables: [...document.querySelectorAll('.table-wrap')].filter((t) => !t.closest('bp-exercises')).map((t) => t.scrollWidth - t.clientWidth),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widgets.every((x) => x <= 390)).toBe(true);
    expect(widths.tables).toEqual([0, 0, 0]);   // the two tables of the prose and the live check's
  });
});
