// The loss-and-batches chapter: two samples through one sigmoid neuron, the batch loss summed or averaged,
// one full-batch step under each convention, per-sample SGD, the ½ and the −2(y − ŷ), the mean error that is
// not a loss, and cross-entropy; and the loss explorer widget. Every number on the page is checked against
// the formulas written out in tests/fixtures/oracle-loss-and-batches.ts (plain loops and closed forms,
// independent of the engine). What every widget does (bad input in every field, links, Reset, keyboard,
// axe) is checked once for all widgets by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, expectPairs, plotFrame, toData, type PlotFrame } from '../numbers';
import { sigma } from '../../fixtures/oracle';
import { batch, CLASS_TARGETS, crossEntropy, meanError, meanErrorDescent, sampleLosses, TWO_SAMPLES } from '../../fixtures/oracle-loss-and-batches';
import { widget } from '../widgets';

const PATH = '/loss-and-batches/';
const TITLE = 'Four losses and their slopes';
const STEPS = [0, 10, 100, 1000]; // the rows of the chapter's table of descent on M, as it states them

/** Every number of the chapter's prose, from the chapter's formulas. */
function chapterOracle(): Record<string, number> {
  const p = TWO_SAMPLES;
  const o = batch(p);
  const cls = { ...p, y: [...CLASS_TARGETS] };
  const ce = crossEntropy(cls);
  const path = meanErrorDescent(cls, STEPS[STEPS.length - 1]!);
  const zero = meanError({ ...cls, w: 0, b: 0 });
  const clsStep = batch(cls).sum; // one step of the book's loss with the class targets
  const out: Record<string, number> = {
    w: p.w, b: p.b, alpha: p.alpha, floor: o.floor,
    lossSum: o.sum.loss, lossMean: o.mean.loss, lossMse: o.mse.loss,
    dLdwSum: o.sum.dLdw, dLdbSum: o.sum.dLdb, dLdwMean: o.mean.dLdw, dLdbMean: o.mean.dLdb, dLdwMse: o.mse.dLdw, dLdbMse: o.mse.dLdb,
    wSum: o.sum.w, bSum: o.sum.b, wMean: o.mean.w, bMean: o.mean.b, wMse: o.mse.w, bMse: o.mse.b,
    lossSumNext: o.sum.lossNext, lossMeanNext: o.mean.lossNext, lossMseNext: o.mse.lossNext,
    wChangeSum: o.sum.w - p.w, wChangeMean: o.mean.w - p.w,
    'sgdW-1': o.sgd[0]!.wNext, 'sgdB-1': o.sgd[0]!.bNext,
    'sgdZ-2': o.sgd[1]!.z, 'sgdYHat-2': o.sgd[1]!.yHat, 'sgdDadz-2': o.sgd[1]!.dadz, 'sgdDelta-2': o.sgd[1]!.delta,
    'sgdW-2': o.sgd[1]!.wNext, 'sgdB-2': o.sgd[1]!.bNext, sgdLoss: o.sgdLoss, sgdLossGap: Math.abs(o.sgdLoss - o.sum.lossNext),
    'minusTwo-1': -2 * (p.y[0]! - o.samples[0]!.yHat),
    meanErrorBook: meanError(p).value, meanError: path[0]!.value, sqCls: path[0]!.squaredLoss,
    'yCls-1': CLASS_TARGETS[0], 'yCls-2': CLASS_TARGETS[1],
    'errCls-1': CLASS_TARGETS[0] - o.samples[0]!.yHat, 'errCls-2': CLASS_TARGETS[1] - o.samples[1]!.yHat,
    yHatZero: zero.yHat[0]!, meanErrorZero: zero.value, sqZero: zero.squaredLoss,
    stepMeYHat1: path[1]!.yHat[0]!, stepSqYHat1: sigma(clsStep.w * p.x[0]! + clsStep.b),
    bceMean: ce.loss, bceDLdw: ce.dLdw, bceDLdb: ce.dLdb, softmaxLoss: ce.softmaxLoss,
    'softmaxDelta-1': ce.softmaxDelta[0]!, 'softmaxDelta-2': ce.softmaxDelta[1]!,
  };
  o.samples.forEach((s, i) => {
    const k = i + 1;
    Object.assign(out, {
      [`x-${k}`]: s.x, [`y-${k}`]: s.y, [`z-${k}`]: s.z, [`yHat-${k}`]: s.yHat, [`err-${k}`]: s.err, [`dadz-${k}`]: s.dadz,
      [`dLdyHat-${k}`]: s.dLdyHat, [`delta-${k}`]: s.delta, [`share-${k}`]: s.share, [`loss-${k}`]: s.loss,
    });
  });
  ce.samples.forEach((c, i) => {
    const k = i + 1;
    Object.assign(out, { [`bce-${k}`]: c.loss, [`bceGrad-${k}`]: c.dLdyHat, [`bceDelta-${k}`]: c.delta, [`sqDelta-${k}`]: c.deltaSquared, [`ratio-${k}`]: c.delta / c.deltaSquared });
  });
  for (const k of STEPS) {
    const m = path[k]!;
    Object.assign(out, { [`meYHat1-${k}`]: m.yHat[0]!, [`meYHat2-${k}`]: m.yHat[1]!, [`meValue-${k}`]: m.value, [`meSq-${k}`]: m.squaredLoss });
  }
  return out;
}

type Loss = 'half' | 'squared' | 'cross-entropy' | 'error';
const ORACLE_KEY = { half: 'half', squared: 'squared', 'cross-entropy': 'bce', error: 'error' } as const;
const WIDGET_KEY = { half: 'Half', squared: 'Squared', 'cross-entropy': 'Bce', error: 'Error' } as const;
const LOSSES = Object.keys(ORACLE_KEY) as Loss[];

/** Every number the widget shows at (ŷ, y) with `picked` worked out; cross-entropy's only where it is defined. */
function widgetOracle(yHat: number, y: number, picked: Loss = 'half'): Record<string, number> {
  const o = sampleLosses(yHat, y);
  const out: Record<string, number> = {
    yHat, y, err: y - yHat, gap: yHat - y, oneMinusY: 1 - y, oneMinusYHat: 1 - yHat, slope: yHat * (1 - yHat),
    lossFloor: y > 1 ? 0.5 * (y - 1) ** 2 : y < 0 ? 0.5 * y ** 2 : 0,
  };
  for (const l of LOSSES) {
    const r = o[ORACLE_KEY[l]];
    if (r) Object.assign(out, { [`loss${WIDGET_KEY[l]}`]: r.loss, [`grad${WIDGET_KEY[l]}`]: r.dLdyHat, [`delta${WIDGET_KEY[l]}`]: r.delta });
  }
  const w = o[ORACLE_KEY[picked]]!;
  return { ...out, loss: w.loss, dLdyHat: w.dLdyHat, delta: w.delta };
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  const w = widget(page, TITLE);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toBeVisible();
  return w;
}

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });
const radio = (w: Locator, name: string) => w.getByRole('radio', { name, exact: true });
const RADIO: Record<Loss, string> = {
  half: '½(y − ŷ)², the book’s', squared: '(y − ŷ)², without the ½', 'cross-entropy': 'Binary cross-entropy', error: 'y − ŷ, no square (not a loss)',
};

async function centre(el: Locator, f: PlotFrame): Promise<[number, number]> {
  return toData(f, Number(await el.getAttribute('cx')), Number(await el.getAttribute('cy')));
}

/** The vertices of a path "M x,y L x,y …" in data units. */
async function vertices(el: Locator, f: PlotFrame): Promise<[number, number][]> {
  const d = (await el.getAttribute('d')) ?? '';
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => toData(f, Number(m[1]), Number(m[2])));
}

test.describe('the loss-and-batches chapter, as written', () => {
  test('the prose shows every number of x = (0.5, 1), y = (1.5, 2), w = 0.3, b = 0.1, α = 0.1 as the formulas give it', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    await expectNumbers(body, chapterOracle(), { outside: '.widget', atLeast: 120 });
    const o = chapterOracle();
    await expectPairs(body, {
      'x-2': ['x2', o['x-2']!], 'y-2': ['y2', o['y-2']!], lossMean: ['Lˉ', o['lossMean']!], lossSum: ['L', o['lossSum']!],
      'delta-2': ['δ2', o['delta-2']!], meanErrorBook: ['M', o['meanErrorBook']!], meanError: ['M', o['meanError']!],
      'yCls-1': ['y1', o['yCls-1']!], 'yCls-2': ['y2', o['yCls-2']!],
    }, { outside: '.widget', atLeast: 10 });
  });

  test('the prose prints δ₁ = −0.2308, L = 1.422 and M = −0.08043 (written out, so the formatter is under test too)', async ({ page }) => {
    await page.goto(PATH);
    const body = page.locator('.chapter-body');
    // Sample 1 is chapter 3's running example: its δ is the one printed there.
    await expect(body.locator('.katex-html [data-v="delta-1"]').first()).toHaveText('−0.2308');
    await expect(body.locator('.q[data-q="lossSum"] .katex-mathml')).toHaveText(/^L=1\.422$/);
    await expect(body.locator('.q[data-q="meanError"] .katex-mathml').first()).toHaveText(/^M=−0\.08043$/);
    // SGD's loss after its two steps and the full batch's after its one agree to the digits shown; the gap is printed.
    const o = batch(TWO_SAMPLES);
    await expect(body.getByText(`SGD’s is ${o.sgdLoss > o.sum.lossNext ? 'higher' : 'lower'} by only`)).toBeVisible();
    // The engine's refusal of y = 1.5 for cross-entropy, quoted in the text.
    await expect(body.locator('q')).toHaveText('binary cross-entropy needs a target y between 0 and 1 (a probability), but y = 1.5');
  });

  test('the tables: three conventions side by side, four rows of descent on M, two samples under cross-entropy', async ({ page }) => {
    await page.goto(PATH);
    const tables = page.locator('.chapter-body .table-wrap table');
    await expect(tables).toHaveCount(3);
    await expect(tables.nth(0).locator('thead th')).toHaveText(['quantity', 'sum, ½', 'mean, ½', 'MSE']);
    await expect(tables.nth(1).locator('tbody th')).toHaveText(STEPS.map(String));
    await expect(tables.nth(2).locator('tbody tr')).toHaveCount(2);
    for (const t of [0, 1, 2]) await expect(tables.nth(t).locator('caption')).toContainText('engine');
  });

  test('the engine’s code is shown beside the formulas: the mean loss, per-sample SGD and cross-entropy', async ({ page }) => {
    await page.goto(PATH);
    const code = page.locator('.engine-code');
    await expect(code.filter({ hasText: 'export const halfSquaredErrorMean' })).toHaveCount(1);
    await expect(code.filter({ hasText: 'export function perSampleSgd' })).toContainText('sampleTrace(w, b, x, y)');
    await expect(code.filter({ hasText: 'export const binaryCrossEntropy' })).toHaveCount(1);
  });
});

test.describe('the loss explorer', () => {
  test('shows every loss at ŷ = 0.3, y = 1 with the book’s loss worked out, and the target out of reach', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, widgetOracle(0.3, 1), { atLeast: 35 });
    await expect(radio(w, RADIO.half)).toBeChecked();
    await expect(radio(w, RADIO['cross-entropy'])).toBeEnabled();
    await expect(w.getByText('the losses come ever closer to their least but never get there')).toBeVisible();
    await expect(w.getByText('∂L/∂ŷ is negative: gradient descent raises ŷ.')).toBeVisible();
    // Written out: ½(1 − 0.3)² = 0.245 and cross-entropy −ln 0.3 = 1.204.
    await expect(w.locator('.katex-html [data-v="loss"]').first()).toHaveText('0.245');
    await expect(w.locator('td [data-v="lossBce"]')).toHaveText('1.204');
  });

  test('typing ŷ and y and picking each loss recomputes every number, and the derivation follows the pick', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Output ŷ').fill('0.8');
    await field(w, 'Target y').fill('0');
    await expectNumbers(w, widgetOracle(0.8, 0));
    for (const l of LOSSES) {
      await radio(w, RADIO[l]).check();
      await expectNumbers(w, widgetOracle(0.8, 0, l));
    }
    // The bare error, picked, with ŷ above y: it still pushes ŷ up.
    await expect(w.getByText('ŷ is already above y, and this “loss” still pushes it up.')).toBeVisible();
    await radio(w, RADIO['cross-entropy']).check();
    await expect(w.getByText('The slope ŷ(1 − ŷ) cancels: for cross-entropy δ = ŷ − y.')).toBeVisible();
    await expect(w.getByText('∂L/∂ŷ is positive: gradient descent lowers ŷ.')).toBeVisible();
    await field(w, 'Output ŷ').fill('0.05');
    await expectNumbers(w, widgetOracle(0.05, 0, 'cross-entropy'));
  });

  test('every marker sits on its curve at (ŷ, L) and (ŷ, ∂L/∂ŷ) in the plots’ own units, and the curves pass through them', async ({ page }) => {
    const w = await open(page);
    for (const [yHat, y, picked] of [[0.3, 1, 'half'], [0.8, 0, 'cross-entropy'], [0.6, 0.25, 'squared']] as const) {
      await field(w, 'Output ŷ').fill(String(yHat));
      await field(w, 'Target y').fill(String(y));
      await radio(w, RADIO[picked]).check();
      const o = sampleLosses(yHat, y);
      for (const which of ['loss', 'grad'] as const) {
        const svg = w.locator('svg.plot').nth(which === 'loss' ? 0 : 1);
        await expect.poll(async () => {
          const f = await plotFrame(svg);
          const off: string[] = [];
          for (const l of LOSSES) {
            const want = o[ORACLE_KEY[l]]!;
            const value = which === 'loss' ? want.loss : want.dLdyHat;
            if (value < f.y[0] || value > f.y[1]) continue; // off the scale: the widget says so
            const [mx, my] = await centre(svg.locator(`[data-shape="${which}-${l}-marker"]`), f);
            if (Math.abs(mx - yHat) > 0.005 || Math.abs(my - value) > 0.01 * (f.y[1] - f.y[0])) off.push(`${which} marker of ${l} at (${mx}, ${my}), want (${yHat}, ${value})`);
            // The curve's vertex at ŷ (the curves are sampled every 0.005) has the same value.
            const at = (await vertices(svg.locator(`[data-shape="${which}-${l}"]`), f)).find(([x]) => Math.abs(x - yHat) < 0.001);
            if (!at || Math.abs(at[1] - value) > 0.01 * (f.y[1] - f.y[0])) off.push(`${which} curve of ${l} at ŷ = ${yHat}: ${String(at)}, want ${value}`);
          }
          const picked_ = await svg.locator(`[data-shape="${which}-${picked}"]`).getAttribute('data-picked');
          return off.length === 0 && picked_ === 'true' ? 'on' : off.join('; ') || 'picked curve not bold';
        }).toBe('on');
      }
    }
  });

  test('a target outside [0, 1] disables cross-entropy and says why; ŷ = 0 under cross-entropy is refused and the last numbers stay', async ({ page }) => {
    const w = await open(page);
    await field(w, 'Target y').fill('1.5');
    await expect(radio(w, RADIO['cross-entropy'])).toBeDisabled();
    await expect(w.locator('td .not-defined')).toHaveText(['not defined', 'not defined', 'not defined']);
    await expect(w.getByText('Binary cross-entropy is not defined for this target: y must be between 0 and 1, a probability.')).toBeVisible();
    await expect(w.getByText('½(y − ŷ)² never falls below')).toBeVisible();
    await expect(w.locator('[data-shape="loss-cross-entropy"]')).toBeHidden();
    await expectNumbers(w, widgetOracle(0.3, 1.5));

    await field(w, 'Target y').fill('0');
    await expect(radio(w, RADIO['cross-entropy'])).toBeEnabled();
    await radio(w, RADIO['cross-entropy']).check();
    await expectNumbers(w, widgetOracle(0.3, 0, 'cross-entropy'));
    await field(w, 'Output ŷ').fill('0');
    await expect(w.locator('[data-widget-error]')).toHaveText('These numbers cannot be computed (binary cross-entropy needs 0 < ŷ < 1, but ŷ = 0, where log ŷ is −∞). The last valid result is still shown.');
    await expectNumbers(w, widgetOracle(0.3, 0, 'cross-entropy'));
    await expect(w).not.toContainText('NaN');
    // Back to a value it can compute: the message goes.
    await field(w, 'Output ŷ').fill('0.9');
    await expect(w.locator('[data-widget-error]')).toBeHidden();
    await expectNumbers(w, widgetOracle(0.9, 0, 'cross-entropy'));
    // A target cross-entropy does not accept, typed while it is picked: refused the same way, by the engine's words.
    await field(w, 'Target y').fill('2');
    await expect(w.locator('[data-widget-error]')).toHaveText('These numbers cannot be computed (binary cross-entropy needs a target y between 0 and 1 (a probability), but y = 2). The last valid result is still shown.');
    await expectNumbers(w, widgetOracle(0.9, 0, 'cross-entropy'));
    // The field says so too, beside the 2 it still shows …
    const yBox = w.locator('[data-param="y"]');
    await expect(yBox.locator('[data-msg]')).toHaveText('Not used: the engine cannot compute this with the other values (see the message below).');
    await expect(field(w, 'Target y')).toHaveAttribute('aria-invalid', '');
    // … and once another input changes, the field shows the target in effect, not the refused 2.
    await radio(w, RADIO.half).check();
    await expect(field(w, 'Target y')).toHaveValue('0');
    await expect(yBox.locator('[data-msg]')).toBeHidden();
    await expectNumbers(w, widgetOracle(0.9, 0, 'half'));
  });

  test('a link whose values cannot be computed together (cross-entropy with y = 1.5) opens at the book’s numbers, and the fields show them', async ({ page }) => {
    const w = await open(page, '?lx1.loss=cross-entropy&lx1.y=1.5');
    await expect(w.locator('[data-notice]')).toContainText('The link’s values cannot be computed together, so the widget shows the book’s numbers.');
    await expect(field(w, 'Target y')).toHaveValue('1');
    await expect(radio(w, RADIO.half)).toBeChecked();
    await expectNumbers(w, widgetOracle(0.3, 1));
  });

  test('the chapter’s links open the widget at sample 1, then with the target 0 under cross-entropy, then the bare error', async ({ page }) => {
    await page.goto(PATH);
    const a1 = sigma(TWO_SAMPLES.w * TWO_SAMPLES.x[0]! + TWO_SAMPLES.b);
    const w = widget(page, TITLE);
    await page.getByRole('link', { name: 'sample 1 of this chapter' }).click();
    await expect(field(w, 'Target y')).toHaveValue('1.5');
    await expectNumbers(w, widgetOracle(a1, 1.5));
    await expect(radio(w, RADIO['cross-entropy'])).toBeDisabled();
    await page.getByRole('link', { name: 'The same output with the target 0, under cross-entropy' }).click();
    await expect(radio(w, RADIO['cross-entropy'])).toBeChecked();
    await expectNumbers(w, widgetOracle(a1, 0, 'cross-entropy'));
    await page.getByRole('link', { name: 'the bare error' }).click();
    await expect(radio(w, RADIO.error)).toBeChecked();
    await expectNumbers(w, widgetOracle(a1, 0, 'error'));
  });
});
