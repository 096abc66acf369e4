// The mini-batch chapter: every number equals chapter 11's plain loops (tests/fixtures/oracle-mini-batches.ts,
// independent of the engine) — the three runs from the same start, the spread of batch gradients, the
// sum-or-mean equivalence — in the prose and in the widget, at the defaults, after the reader changes
// inputs through the real controls, after Step / 100 epochs / Start over / Play, and from a link; the
// plots' lines in data units. Generic widget behaviour is checked once by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fmt } from '../../../src/format/number';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import * as O from '../../fixtures/oracle-mini-batches';
import { type, urlParams, widget } from '../widgets';
import { displaysCutOff } from '../phone';

const PATH = '/mini-batches/';
const TITLE = 'Full batch, mini-batches, one sample at a time';
const ID = 'bc1';
// The widget's defaults and first epoch, as the chapter states them; the presets the prose links to.
const DEFAULTS: O.WidgetValues = { ...O.DEFAULTS, epoch: 300 };
const BLOBS_SUM = { dataset: 'blobs', batchSize: 10, alpha: 0.1, convention: 'sum' } as const;
const BLOBS_LARGE = { ...BLOBS_SUM, alpha: 3 } as const;
const BLOBS_MEAN = { ...BLOBS_SUM, alpha: 1, convention: 'mean' } as const;
const DRAWS = 1000, NOISE_SEED = 3;

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}`);
  await expect(widget(page, TITLE)).toBeVisible();
  const w = page.locator(`bp-widget#${ID}`);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', '');
  return w;
}

/** The epoch count the widget shows now. */
async function shownEpoch(w: Locator): Promise<number> {
  return Number((await w.locator('.step-count [data-v="epoch"]').textContent())!.replace(/\s/g, ''));
}

/** The chapter's prose numbers, from the oracle loops and formulas. */
function proseOracle(): Record<string, number> {
  const d = O.DEFAULTS;
  const ends = (prefix: string, s: Omit<O.WidgetValues, 'epoch'>, epochs = d.epochs) => {
    const data = s.dataset === 'xor' ? O.XOR : O.blobs();
    const runs = { Full: data.length, Mini: Math.min(s.batchSize, data.length), Sgd: 1 };
    return Object.fromEntries(Object.entries(runs).map(([k, B]) => [`${prefix}${k}`, O.trainLoop(data, s.seed, s.alpha, B, s.convention, epochs).history[epochs - 1]!]));
  };
  const xor = { ...d };
  const blobsSum = { ...d, ...BLOBS_SUM }, blobsLarge = { ...d, ...BLOBS_LARGE }, blobsMean = { ...d, ...BLOBS_MEAN };
  const start = O.start(d.seed);
  const n1 = O.noiseFormula(start, O.XOR, 1), n2 = O.noiseFormula(start, O.XOR, 2);
  const s2 = O.noiseSampled(start, O.XOR, 2, DRAWS, NOISE_SEED);
  const xorEnd = O.unflat(O.trainLoop(O.XOR, d.seed, d.alpha, 4, 'sum', d.epochs).theta);
  const ne2 = O.noiseFormula(xorEnd, O.XOR, 2);
  const nb = O.noiseFormula(start, O.blobs(), 10);
  const blobsEnd = O.unflat(O.trainLoop(O.blobs(), d.seed, 0.1, 100, 'sum', d.epochs).theta);
  const nbe = O.noiseFormula(blobsEnd, O.blobs(), 10);
  const conv = (data: O.Sample[], alpha: number, B: number) => {
    const sum = O.trainLoop(data, d.seed, alpha, B, 'sum', d.epochs);
    const mean = O.trainLoop(data, d.seed, alpha * B, B, 'mean', d.epochs);
    const same = O.trainLoop(data, d.seed, alpha, B, 'mean', d.epochs);
    return { sum: sum.history.at(-1)!, meanN: data.length * mean.history.at(-1)!, same: data.length * same.history.at(-1)!, diff: Math.max(...sum.theta.map((t, i) => Math.abs(t - mean.theta[i]!))) };
  };
  const cx = conv(O.XOR, 1, 2), cb = conv(O.blobs(), 0.1, 10), c3 = conv(O.XOR, 1, 3);
  const bm = (e: number) => ends(`bm${e}`, blobsMean, e);
  return {
    ...O.widgetNumbers(DEFAULTS),
    seed: d.seed, batchSize: d.batchSize, samples: 4, trainEpochs: d.epochs,
    ...ends('xEnd', xor),
    blobsN: 100, blobsB: 10, blobsAlpha: 0.1, blobsAlphaLarge: 3, blobsUpdatesMini: 10,
    ...ends('bsEnd', blobsSum), bsStart: O.trainLoop(O.blobs(), d.seed, 0.1, 100, 'sum', 1).history[0]!,
    ...ends('blEnd', blobsLarge),
    ...bm(10), ...bm(100),
    fullNorm: n1.fullNorm, sigmaG: n1.sigma, spread1: n1.spread, rel1: n1.spread / n1.fullNorm, spread2: n2.spread, rel2: n2.spread / n2.fullNorm,
    sampled2: s2.spread, bias2: s2.bias, draws: DRAWS, biasExpected: n2.spread / Math.sqrt(DRAWS),
    endNorm: ne2.fullNorm, endSigma: ne2.sigma, endRel2: ne2.spread / ne2.fullNorm,
    bNorm: nb.fullNorm, bSigma: nb.sigma, bRel: nb.spread / nb.fullNorm, beNorm: nbe.fullNorm, beSigma: nbe.sigma, beRel: nbe.spread / nbe.fullNorm,
    alphaSum: 1, alphaMean: 2, cSum: cx.sum, cMeanTimesN: cx.meanN, cDiff: cx.diff, cSame: cx.same,
    cbAlphaMean: 1, cbSum: cb.sum, cbMeanTimesN: cb.meanN, cbDiff: cb.diff,
    c3Diff: c3.diff, c3Sum: c3.sum, c3MeanTimesN: c3.meanN,
  };
}

test.describe('the mini-batch chapter', () => {
  test('every number of the prose equals the oracle loops and formulas; the pairs read symbol and value', async ({ page }) => {
    await page.goto(PATH);
    const oracle = proseOracle();
    // cbDiff is rounding (about 10⁻¹⁵; on XOR, α·B = 2 scales exactly and cDiff is 0): compared by size.
    const main = page.locator('main');
    const tiny = (await main.locator('[data-v="cbDiff"]').textContent())!;
    expect(tiny).toMatch(/×10⁻¹[²-⁷]$/);
    await expect(main.locator('[data-v="cDiff"]')).toHaveText('0');
    await expect(main.locator('[data-v="c3Diff"]').first()).toHaveText(fmt(oracle['c3Diff']!));
    const { cbDiff: _b, ...checked } = oracle;
    await page.evaluate(() => document.querySelectorAll('[data-v="cbDiff"]').forEach((e) => e.removeAttribute('data-v')));
    await expectNumbers(main, checked, { outside: 'bp-widget', atLeast: 60 });
    await expectPairs(main, {
      batchSize: ['B', 2], alpha: ['α', 1], fullNorm: ['∥gˉ∥', oracle['fullNorm']!], sigmaG: ['σg', oracle['sigmaG']!],
      endNorm: ['∥gˉ∥', oracle['endNorm']!], endSigma: ['σg', oracle['endSigma']!], bNorm: ['∥gˉ∥', oracle['bNorm']!], bSigma: ['σg', oracle['bSigma']!],
      beNorm: ['∥gˉ∥', oracle['beNorm']!], beSigma: ['σg', oracle['beSigma']!], alphaSum: ['αsum', 1], alphaMean: ['αmean', 2],
    }, { outside: 'bp-widget', atLeast: 12 });
  });

  test('sum with α equals mean with α·B: the two losses print the same digits, the same α does not', async ({ page }) => {
    await page.goto(PATH);
    const main = page.locator('main');
    const text = async (name: string) => (await main.locator(`[data-v="${name}"]`).first().textContent())!;
    expect(await text('cSum')).toBe(await text('cMeanTimesN'));
    expect(await text('cbSum')).toBe(await text('cbMeanTimesN'));
    expect(await text('cSame')).not.toBe(await text('cSum'));
    expect(await text('c3Sum')).not.toBe(await text('c3MeanTimesN'));
  });

  test('the widget at the defaults: the three runs after 300 epochs, written out and from the oracle', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, O.widgetNumbers(DEFAULTS), { atLeast: 30 });
    // Written out: after 300 epochs the runs have made 300, 600 and 1200 updates.
    await expect(w.locator('table.runs caption')).toHaveText('After 300 epochs');
    await expect(w.locator('table.runs tbody tr').nth(2)).toHaveText(/updates so far\s*300\s*600\s*1200/);
    await expect(w.locator('table.runs [data-v="lossFull"]')).toHaveText(fmt(O.widgetNumbers(DEFAULTS)['lossFull']!));
  });

  test('changing the inputs through the real controls: seed, α, batch size, data set, convention, epochs', async ({ page }) => {
    const w = await open(page);
    let v: O.WidgetValues = { ...DEFAULTS };
    const step = async (change: Partial<O.WidgetValues>, act: () => Promise<void>) => {
      await act();
      v = { ...v, ...change };
      await expectNumbers(w, O.widgetNumbers(v), { atLeast: 30 });
    };
    await step({ seed: 5 }, () => type(w, 'Seed (starting weights and shuffles)', '5'));
    await step({ alpha: 0.5 }, () => type(w, 'Learning rate α', '0,5'));
    await step({ batchSize: 3 }, () => type(w, 'Mini-batch size B', '3'));
    await expect(w.getByText('the mini-batch run is the full batch')).toBeHidden();
    await step({ batchSize: 4 }, () => w.getByRole('slider', { name: 'Mini-batch size B' }).press('ArrowRight'));
    await expect(w.getByText('the mini-batch run is the full batch')).toBeVisible();
    // A new data set brings its own batch size (10 for the blobs).
    await step({ dataset: 'blobs', batchSize: 10 }, async () => { await w.getByRole('combobox', { name: 'Data' }).selectOption('blobs'); });
    await step({ convention: 'mean' }, async () => { await w.getByRole('combobox', { name: 'Loss of a batch' }).selectOption('mean'); });
    await expect(w.locator('[data-text="setting"]')).toHaveText('Blobs, 100 samples; the loss averaged over each batch.');
    await step({ epochs: 200, epoch: 200 }, () => type(w, 'Epochs to train', '200'));
    await expect.poll(() => urlParams(page, ID)).toEqual({ seed: '5', alpha: '0.5', batchSize: '10', dataset: 'blobs', convention: 'mean', epochs: '200', epoch: '200' });
  });

  test('Step, 100 epochs, Start over, Play and Pause move the three runs together', async ({ page }) => {
    const w = await open(page);
    await w.getByRole('button', { name: 'Step (1 epoch)' }).click();
    await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, epoch: 301 }));
    await w.getByRole('button', { name: '100 epochs' }).click();
    await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, epoch: 401 }));
    await w.getByRole('button', { name: 'Start over' }).click();
    await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, epoch: 0 }));
    await expect(w.getByRole('button', { name: 'Start over' })).toBeDisabled();
    const play = w.locator('button[data-action="play"]');
    await play.click();
    await expect.poll(() => shownEpoch(w)).toBeGreaterThan(5);
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const e = await shownEpoch(w);
    await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, epoch: e }));
    await expect.poll(() => urlParams(page, ID)['epoch']).toBe(String(e));
    // Reset: the book's numbers and no keys of this widget in the link.
    await w.getByRole('button', { name: 'Reset', exact: true }).click();
    await expectNumbers(w, O.widgetNumbers(DEFAULTS));
    await expect.poll(() => urlParams(page, ID)).toEqual({});
    // Played to the end, Play and Step are disabled.
    const short = await open(page, `?${ID}.epochs=10&${ID}.epoch=9#${ID}`);
    await short.locator('button[data-action="play"]').click();
    await expect.poll(() => shownEpoch(short)).toBe(10);
    await expect(short.getByRole('button', { name: 'Step (1 epoch)' })).toBeDisabled();
  });

  test('a link restores a setting: the blobs presets of the prose', async ({ page }) => {
    for (const preset of [BLOBS_SUM, BLOBS_LARGE]) {
      const href = await page.goto(PATH).then(() => page.locator('main a[href*="bc1.alpha="]').evaluateAll((as, a) => as.map((x) => x.getAttribute('href')!).find((h) => h.includes(`bc1.alpha=${a}&`) || h.endsWith(`bc1.alpha=${a}`) || h.includes(`bc1.alpha=${a}#`)), preset.alpha));
      expect(href, `a link to α = ${preset.alpha}`).toBeTruthy();
      const w = await open(page, href!);
      await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, ...preset, epoch: 1000 }), { atLeast: 30 });
    }
    const w = await open(page, `?${ID}.dataset=blobs&${ID}.batchSize=30&${ID}.convention=mean&${ID}.epoch=40#${ID}`);
    await expectNumbers(w, O.widgetNumbers({ ...DEFAULTS, dataset: 'blobs', batchSize: 30, convention: 'mean', epoch: 40 }));
  });

  test('the plots in data units: each run’s line through (epoch, loss) and, on the log axis, (updates, loss)', async ({ page }) => {
    const w = await open(page, `?${ID}.epoch=40#${ID}`);
    const v = { ...DEFAULTS, epoch: 40 };
    await expectNumbers(w, O.widgetNumbers(v));
    const epochPlot = w.locator('svg[data-shape="epoch-plot"]'), updatePlot = w.locator('svg[data-shape="update-plot"]');
    const ef = await plotFrame(epochPlot), uf = await plotFrame(updatePlot);
    expect(ef.x).toEqual([0, 1000]);
    expect(uf.x[0]).toBe(0);
    expect(uf.x[1]).toBeCloseTo(Math.log10(1000 * 4), 10);
    const yUnit = (ef.y[1] - ef.y[0]) / (ef.height - ef.margin[0] - ef.margin[2]);
    for (const [key, B, upe] of [['full', 4, 1], ['mini', 2, 2], ['sgd', 1, 4]] as const) {
      const history = O.trainLoop(O.XOR, 2, 1, B, 'sum', 40).history;
      for (const [plot, f, xOf] of [[epochPlot, ef, (e: number) => e], [updatePlot, uf, (e: number) => Math.log10(e * upe)]] as const) {
        const d = (await plot.locator(`path[data-shape="${plot === epochPlot ? 'epoch' : 'update'}-${key}"]`).getAttribute('d'))!;
        const pts = [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => toData(f, Number(m[1]), Number(m[2])));
        expect(pts.length).toBe(40);
        pts.forEach(([x, y], j) => {
          expect(Math.abs(x - xOf(j + 1))).toBeLessThan(0.02 * (f.x[1] - f.x[0]) / 100 + 0.01);
          expect(Math.abs(y - history[j]!)).toBeLessThan(yUnit);   // within one SVG unit (rounded to 0.01)
        });
      }
    }
    // Decades on the log axis: 1, 10, 100, 1000.
    await expect(updatePlot.locator('text.tick')).toContainText(['1', '10', '100', '1000']);
  });

  test('the cost per epoch is measured on request and shown as a measurement, in ms', async ({ page }) => {
    const w = await open(page);
    const cells = w.locator('table.runs tbody tr').last().locator('td');
    await expect(cells).toHaveText(['—', '—', '—']);
    await w.getByRole('button', { name: 'Measure the cost per epoch' }).click();
    await expect(cells).toHaveText([/ ms$/, / ms$/, / ms$/]);
    // A measurement is not part of the widget's numbers, nor of its link.
    await expect(w.locator('table.runs tbody tr').last().locator('[data-v]')).toHaveCount(0);
    await expect.poll(() => Object.keys(urlParams(page, ID)).some((k) => k.startsWith('cost'))).toBe(false);
  });

  test('at 390 px nothing but code scrolls sideways', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(PATH);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Each display equation fits its column (prose and widget), and so do the widget's table and plots.
    const wide = await displaysCutOff(page);
    const boxes = await page.locator(`bp-widget#${ID} table, bp-widget#${ID} svg.plot`).evaluateAll((els) => els
      .filter((el) => el.getBoundingClientRect().right > 390 + 1).map((el) => el.outerHTML.slice(0, 60)));
    wide.push(...boxes);
    expect(wide).toEqual([]);
    await context.close();
  });
});
