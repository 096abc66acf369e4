// The training-xor chapter: the numpy tutorial's network trained live. Every number on the page is checked
// against tests/fixtures/oracle-training-xor.ts — a plain loop over numbers, with its own PRNG and
// Box–Muller, that reproduces the engine's trajectory from the same seed (never the engine) — in the prose,
// in the seed strips (every seed's outcome) and in the trainer at its defaults, after Step, Step ×100, Play,
// Pause, Back to epoch 0, after changing inputs through the real controls, and with a pinned run. What every
// widget does (bad input, links, Reset, Copy link, keyboard, axe) is checked once by contract.spec.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNumbers, expectPairs, plotFrame, toData } from '../numbers';
import {
  firstLearned, initialWeights, learned, lossAt, predict, predictions, trainOracle, tutorial, type OracleConfig, type Weights,
} from '../../fixtures/oracle-training-xor';
import { urlParams } from '../widgets';

const PATH = '/training-xor/';
const EPOCHS = 10_000;
const MAX_HIDDEN = 8;

/** The trainer's settings as the reader sets them (batchSize is the mini-batch slider, used only in 'mini' mode). */
interface Settings {
  seed: number; alpha: number; epochs: number; hidden: number;
  activation: OracleConfig['activation']; loss: OracleConfig['loss']; batch: 'full' | 'mini' | 'sgd'; batchSize: number;
}
const DEFAULTS: Settings = { seed: 2, alpha: 0.1, epochs: EPOCHS, hidden: 2, activation: 'sigmoid', loss: 'halfSquaredErrorSum', batch: 'full', batchSize: 2 };

function oracleConfig(s: Settings): OracleConfig {
  return { seed: s.seed, alpha: s.alpha, hidden: s.hidden, activation: s.activation, loss: s.loss, batchSize: s.batch === 'full' ? 4 : s.batch === 'sgd' ? 1 : s.batchSize };
}

/** The numbers one run shows at an epoch, with a name prefix ('' for this run, 'p' for the pinned one). */
function runOracle(prefix: string, s: Settings, epoch: number): { numbers: Record<string, number>; weights: Weights; loss: number; history: number[] } {
  const c = oracleConfig(s);
  const o = trainOracle(c, epoch);
  const p = predictions(o.weights, c.activation);
  const L = lossAt(o.weights, c);
  const numbers: Record<string, number> = {
    [`${prefix}epochNow`]: epoch, [`${prefix}lossNow`]: L, [`${prefix}learnedAt`]: Math.max(0, firstLearned(c, epoch)),
  };
  p.forEach((v, i) => { numbers[`${prefix}yHat${i + 1}`] = v; numbers[`${prefix}round${i + 1}`] = Math.round(v); });
  return { numbers, weights: o.weights, loss: L, history: o.loss };
}

/** Every number the trainer shows, for settings at an epoch, with an optional pinned run. */
function trainerOracle(s: Settings, epoch: number, pin?: { s: Settings; epoch: number }): Record<string, number> {
  const now = runOracle('', s, epoch);
  const w = now.weights;
  const init = initialWeights(s.seed, s.hidden);
  const numbers: Record<string, number> = {
    seed: s.seed, alpha: s.alpha, epochs: s.epochs, hidden: s.hidden, batchSize: s.batchSize, epoch,
    loss0: lossAt(init, oracleConfig(s)), ...now.numbers, b2: w.b2,
  };
  for (let j = 0; j < MAX_HIDDEN; j++) {
    const here = j < s.hidden;
    numbers[`W1_${j + 1}1`] = here ? w.W1[j]![0]! : 0;
    numbers[`W1_${j + 1}2`] = here ? w.W1[j]![1]! : 0;
    numbers[`b1_${j + 1}`] = here ? w.b1[j]! : 0;
    numbers[`W2_${j + 1}`] = here ? w.W2[j]! : 0;
  }
  const pinned = pin ? runOracle('p', pin.s, pin.epoch) : runOracle('p', s, epoch);
  Object.assign(numbers, pinned.numbers, {
    pSeed: pin?.s.seed ?? 0, pAlpha: pin?.s.alpha ?? 0, pEpochs: pin?.s.epochs ?? 0, pHidden: pin?.s.hidden ?? 0, pBatchSize: pin?.s.batchSize ?? 0,
    lossDiff: now.loss - (pin ? pinned.loss : now.loss),
  });
  return numbers;
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}#xor1`);
  const w = page.locator('bp-widget#xor1');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', '');
  return w;
}

const epochMark = (w: Locator) => w.locator('.xor-epoch [data-v="epoch"]');
async function press(w: Locator, name: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await w.getByRole('button', { name, exact: true }).click();
}

test.describe('the training-xor chapter, as written', () => {
  test('the prose shows the tutorial’s run from seed 2 (start, checkpoints, end) and the strips’ counts, as the oracle computes them', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(PATH);
    const c = tutorial;
    const w0 = initialWeights(c.seed, c.hidden);
    const end = trainOracle(c, EPOCHS);
    const seeds = Array.from({ length: 100 }, (_, i) => i + 1);
    const outcome = (cfg: OracleConfig) => seeds.map((seed) => {
      const o = trainOracle({ ...cfg, seed }, EPOCHS);
      const p = predictions(o.weights, cfg.activation);
      return { seed, learned: learned(p), p, loss: o.loss[EPOCHS - 1]! };
    });
    const tut = outcome(c), rel = outcome({ ...c, hidden: 8, alpha: 1 });
    // The failures the prose names first, by the seeds it prints (the oracle checks their numbers, and below that
    // the strip lists them among the failures).
    const stuckSeed = tut.find((o) => !o.learned && o.p.filter((v) => Math.abs(v - 0.5) < 0.1).length === 2)!;
    const twinSeed = tut.find((o) => o.seed === 61)!;
    const plateauSeed = tut.find((o) => !o.learned && o.p.filter((v) => Math.abs(v - 0.5) < 0.1).length >= 3)!;
    const oracle: Record<string, number> = {
      W1_11: w0.W1[0]![0]!, W1_12: w0.W1[0]![1]!, W1_21: w0.W1[1]![0]!, W1_22: w0.W1[1]![1]!,
      b1_1: w0.b1[0]!, b1_2: w0.b1[1]!, W2_1: w0.W2[0]!, W2_2: w0.W2[1]!, b2: w0.b2,
      ...Object.fromEntries(predictions(w0, 'sigmoid').map((v, i) => [`yHat${i + 1}`, v])),
      alpha: 0.1, loss0: lossAt(w0, c), endepoch: EPOCHS,
      ...Object.fromEntries(predictions(end.weights, 'sigmoid').map((v, i) => [`endyHat${i + 1}`, v])),
      endlossNow: lossAt(end.weights, c), endlearnedAt: firstLearned(c, EPOCHS),
      loss1000: end.loss[999]!, loss2000: end.loss[1999]!,
      seedCount: 100, tutorialLearned: tut.filter((o) => o.learned).length, reliableLearned: rel.filter((o) => o.learned).length,
      stuckLoss: stuckSeed.loss, ...Object.fromEntries(stuckSeed.p.map((v, i) => [`stuckYHat${i}`, v])),
      twinLoss: twinSeed.loss, ...Object.fromEntries(twinSeed.p.map((v, i) => [`twinYHat${i}`, v])),
      plateauLoss: plateauSeed.loss, reliableHidden: 8, reliableAlpha: 1,
    };
    const prose = page.locator('.chapter-body');
    // (the three failure counts add up to the failures; each is checked against the strip below)
    const counts = await Promise.all(['stuckCount', 'plateauCount', 'twinCount'].map(async (k) => Number(await prose.locator(`[data-v="${k}"]`).first().textContent())));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100 - oracle['tutorialLearned']!);
    await expectNumbers(prose, { ...oracle, stuckCount: counts[0]!, plateauCount: counts[1]!, twinCount: counts[2]! }, { outside: '.widget', atLeast: 40 });
    await expectPairs(prose, { alpha: ['α', 0.1] }, { outside: '.widget', atLeast: 1 });

    // Every square of both strips says what the oracle says about its seed.
    const strips = page.locator('ol.seed-strip');
    await expect(strips).toHaveCount(2);
    for (const [i, list] of [tut, rel].entries()) {
      const classes = await strips.nth(i).locator('a.seed').evaluateAll((as) => as.map((a) => [Number(a.querySelector('.seed-n')!.textContent), a.classList.contains('learned')] as const));
      expect(classes).toEqual(list.map((o) => [o.seed, o.learned]));
    }
    // The counts the prose gives are the strip's letters: s, p, t.
    const letters = await strips.first().locator('.seed-k').allTextContents();
    expect([letters.filter((l) => l === 's').length, letters.filter((l) => l === 'p').length, letters.filter((l) => l === 't').length]).toEqual(counts);
  });

  test('prints the default run’s numbers as the formatter writes them (literal strings)', async ({ page }) => {
    await page.goto(PATH);
    const prose = page.locator('.chapter-body > :not(.widget)');
    await expect(prose.locator('[data-v="endlearnedAt"]').first()).toHaveText('3700');
    await expect(prose.locator('[data-v="tutorialLearned"]').first()).toHaveText('68');
    await expect(prose.locator('[data-v="endlossNow"]').first()).toHaveText('0.006148');
    await expect(prose.locator('[data-v="loss0"]').first()).toHaveText('0.5237');
  });

  test('the tutorial’s code is quoted, the derivation numbered, and the engine’s code shown beside it', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.locator('pre').filter({ hasText: 'd1 = (d2 @ W2.T) * sigmoid_derivative(a1)' })).toHaveCount(1);
    for (const id of ['xor-forward', 'xor-loss', 'xor-deltas', 'xor-step']) await expect(page.locator(`#eq-${id}`), id).toHaveCount(1);
    const code = page.locator('.engine-code');
    await expect(code).toHaveCount(5);
    await expect(code.nth(0)).toContainText('export function outputDeltaInto(');
    await expect(code.nth(4)).toContainText('Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)');
  });

  test('a seed of the strip opens that seed in the trainer, trained to the end: seed 9 is stuck with two answers at ½', async ({ page }) => {
    await page.goto(PATH);
    const square = page.locator('ol.seed-strip').first().locator('a.seed').nth(8);
    await expect(square).toHaveText('Seed 9: stuck: answers held at ½s');
    await square.scrollIntoViewIfNeeded();
    await square.click();
    await expect(page).toHaveURL(/xor1\.seed=9/);
    const w = page.locator('bp-widget#xor1');
    await expect(w).toHaveAttribute('data-ready', '');
    await expectNumbers(w, trainerOracle({ ...DEFAULTS, seed: 9 }, EPOCHS));
    await expect(w.locator('[data-v="yHat3"]').first()).toHaveText(/^0\.49/);
    await expect(w.getByText('Not learned yet')).toBeVisible();
  });
});

test.describe('the trainer', () => {
  test('at the defaults: seed 2’s initial weights, loss and predictions; Step, Step ×100 and Back to epoch 0 follow the oracle', async ({ page }) => {
    const w = await open(page);
    await expectNumbers(w, trainerOracle(DEFAULTS, 0), { atLeast: 60 });
    await press(w, 'Step ×100', 3);
    await press(w, 'Step 1 epoch');
    await expect(epochMark(w)).toHaveText('301');
    await expectNumbers(w, trainerOracle(DEFAULTS, 301));
    await expect.poll(() => urlParams(page, 'xor1')['epoch']).toBe('301');
    // The loss marker sits at (epoch, log₁₀ of the loss measured in the last epoch), in data units.
    const svg = w.locator('svg[data-frame]').filter({ has: page.locator('[data-shape="loss-now"]') });
    const f = await plotFrame(svg);
    const cx = Number(await svg.locator('[data-shape="loss-now"]').getAttribute('cx'));
    const cy = Number(await svg.locator('[data-shape="loss-now"]').getAttribute('cy'));
    const [x, y] = toData(f, cx, cy);
    expect(x).toBeCloseTo(301, 0);
    expect(y).toBeCloseTo(Math.log10(trainOracle(tutorial, 301).loss[300]!), 1);
    await press(w, 'Back to epoch 0');
    await expect(epochMark(w)).toHaveText('0');
    await expectNumbers(w, trainerOracle(DEFAULTS, 0));
  });

  test('Play trains to the end (ŷ rounds to 0, 1, 1, 0 from epoch 3700), Pause stops it (the longest task while training is reported)', async ({ page }) => {
    // (generous: under a load of 15 on two cores, frames come slowly; nothing here waits on a fixed time)
    test.setTimeout(120_000);
    const w = await open(page);
    await page.evaluate(() => {
      (window as unknown as { longest: number }).longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { longest: number }).longest = Math.max((window as unknown as { longest: number }).longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const play = w.locator('button[data-action="play"]');
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Number(await epochMark(w).textContent())).toBeGreaterThan(0);
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const paused = Number(await epochMark(w).textContent());
    await expectNumbers(w, trainerOracle(DEFAULTS, paused));
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false', { timeout: 90_000 });
    await expect(epochMark(w)).toHaveText('10000');
    await expectNumbers(w, trainerOracle(DEFAULTS, EPOCHS));
    await expect(w.locator('.xor-learned')).toHaveText('Predictions first rounded to 0, 1, 1, 0 after epoch 3700.');
    await expect(play).toBeDisabled();
    // The longest main-thread task while training is reported, not asserted: on a busy machine any page
    // has long tasks. What keeps training off the main thread's back is the Player's frame budget, tested
    // deterministically with a fake clock (tests/unit/kit/player.test.ts); `npm run bench:xor` measures it.
    test.info().annotations.push({ type: 'longest task while training (ms)', description: String(await page.evaluate(() => (window as unknown as { longest: number }).longest)) });
  });

  test('the decision boundary: the canvas pixels at the four samples are the colour of the oracle’s ŷ there', async ({ page }) => {
    const w = await open(page, '?xor1.epoch=10000');
    await expect(epochMark(w)).toHaveText('10000');
    const cells = 48, lo = -0.5, hi = 1.5;
    const weights = trainOracle(tutorial, EPOCHS).weights;
    const colour = (t: number) => {
      const [a, b, s] = t < 0.5 ? [[33, 102, 172], [236, 236, 236], t * 2] as const : [[236, 236, 236], [214, 96, 39], t * 2 - 1] as const;
      return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * s));
    };
    for (const [x1, x2] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
      const c = Math.floor(((x1 - lo) / (hi - lo)) * cells), r = Math.floor(((hi - x2) / (hi - lo)) * cells);
      const centre = [lo + ((c + 0.5) / cells) * (hi - lo), hi - ((r + 0.5) / cells) * (hi - lo)];
      const want = colour(predict(weights, 'sigmoid', centre).yHat);
      const got = await w.locator('canvas[data-canvas="boundary"]').evaluate((cv: HTMLCanvasElement, [cc, rr]) => Array.from(cv.getContext('2d')!.getImageData(cc!, rr!, 1, 1).data.slice(0, 3)), [c, r]);
      expect(got, `pixel at (${x1}, ${x2})`).toEqual(want);
    }
  });

  test('after changing every kind of input through the controls, the run is the oracle’s for those settings', async ({ page }) => {
    const w = await open(page);
    await w.getByRole('textbox', { name: 'Learning rate α' }).fill('0.5');
    await w.getByRole('textbox', { name: 'Hidden units' }).fill('3');
    // The kit's radio buttons, first used here: one option per line, none on top of another.
    const boxes = await w.locator('[data-param="activation"] label').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
    expect(boxes).toHaveLength(3);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]!).toBeGreaterThanOrEqual(boxes[i - 1]![1]! - 0.5);
    await w.getByRole('radio', { name: 'tanh' }).check();
    await w.getByRole('radio', { name: 'binary cross-entropy' }).check();
    await w.getByRole('radio', { name: 'mini-batch' }).check();
    await w.getByRole('textbox', { name: 'Mini-batch size' }).fill('3');
    await w.getByRole('textbox', { name: 'Seed' }).fill('7');
    await press(w, 'Step ×100', 4);
    await expect(epochMark(w)).toHaveText('400');
    const s: Settings = { ...DEFAULTS, seed: 7, alpha: 0.5, hidden: 3, activation: 'tanh', loss: 'binaryCrossEntropy', batch: 'mini', batchSize: 3 };
    await expectNumbers(w, trainerOracle(s, 400));
    // The link keeps it all: opened again, the same numbers.
    await expect.poll(() => urlParams(page, 'xor1')).toMatchObject({ seed: '7', alpha: '0.5', hidden: '3', activation: 'tanh', loss: 'binaryCrossEntropy', batch: 'mini', batchSize: '3', epoch: '400' });
    await page.reload();
    const again = page.locator('bp-widget#xor1');
    await expect(again).toHaveAttribute('data-ready', '');
    await expectNumbers(again, trainerOracle(s, 400));
  });

  test('compare two runs: pin the tutorial after 2 000 epochs, train α = 1 as far; both curves, and a table of what differs', async ({ page }) => {
    const w = await open(page);
    await press(w, 'Step ×100', 20);
    await press(w, 'Pin this run');
    await expect(epochMark(w)).toHaveText('0');
    await w.getByRole('textbox', { name: 'Learning rate α' }).fill('1');
    await press(w, 'Step ×100', 20);
    await expect(epochMark(w)).toHaveText('2000');
    await expectNumbers(w, trainerOracle({ ...DEFAULTS, alpha: 1 }, 2000, { s: DEFAULTS, epoch: 2000 }));
    const table = w.locator('.xor-compare');
    await expect(table).toBeVisible();
    await expect(table.locator('tr').filter({ hasText: 'Learning rate α' }).getByText('differs')).toBeVisible();
    await expect(table.locator('tr').filter({ hasText: 'Seed' }).getByText('differs')).toBeHidden();
    await expect(w.locator('[data-shape="pin-line"]')).toHaveAttribute('d', /^M/);
    // (the pinned α is the default 0.1, so the link leaves it out, as it leaves out every default)
    await expect.poll(() => urlParams(page, 'xor1')).toMatchObject({ pinned: '1', pEpoch: '2000', alpha: '1', epoch: '2000' });
    await page.reload();
    await expect(page.locator('bp-widget#xor1')).toHaveAttribute('data-ready', '');
    await expectNumbers(w, trainerOracle({ ...DEFAULTS, alpha: 1 }, 2000, { s: DEFAULTS, epoch: 2000 }));
    await press(w, 'Unpin');
    await expect(table).toBeHidden();
    await expect(w.locator('[data-shape="pin-line"]')).toHaveAttribute('d', '');
  });
});
