// xor.bench.ts — `npm run bench:xor` (after `npm run build`): how fast the training-xor chapter's trainer
// trains in Chromium, played as a reader plays it. For each of a few page loads it presses Play on the
// default run (seed 2, the tutorial's settings) and reports, from inside the page:
//   - the wall time from the click to the frame that first shows predictions rounding to 0, 1, 1, 0,
//     and to the end of the run (10 000 epochs), at speed ×1 (the Player's pace: 10 000 epochs a second);
//   - epochs per second at ×100, where only the frame budget limits the pace (the trainer's throughput);
//   - the longest main-thread task while training (PerformanceObserver 'longtask', which sees only tasks
//     over 50 ms, so "none" means every task was shorter) and the longest gap between animation frames.
// A report, never a failure: on a busy machine the numbers grow and the script still exits 0.
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { outDir } from '../e2e/pages.ts';
import { startPreview } from '../support/preview.ts';

const RUNS = Number(process.env['BP_RUNS'] ?? 5);

if (!existsSync(`${outDir}/training-xor/index.html`)) {
  console.log(`bench:xor measures the built book, and there is no build of /training-xor/ in ${outDir}/: run \`npm run build\` first.`);
  process.exit(0);
}

interface Sample { learnedMs: number; doneMs: number; epochs: number; longTasks: number[]; longestGapMs: number }

/** Presses Play at a speed and measures until the run ends (all in the page, so no round trips are timed). */
async function play(speed: string): Promise<Sample> {
  // A fresh page each time: the trainer keeps its state in the link, and a page reused would start where the last run ended.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try { return await measure(page, speed); } finally { await page.close(); }
}

async function measure(page: Page, speed: string): Promise<Sample> {
  await page.goto(`${server.origin}/training-xor/#xor1`);
  const widget = page.locator('bp-widget#xor1');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#xor1')?.hasAttribute('data-ready'));
  await widget.locator('select[data-speed]').selectOption(speed);
  return page.evaluate(() => new Promise<Sample>((resolve) => {
    const root = document.querySelector<HTMLElement>('#xor1')!;
    const button = root.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    const rounded = () => [1, 2, 3, 4].map((i) => root.querySelector(`[data-v="round${i}"]`)?.textContent).join(',');
    const epoch = () => Number(root.querySelector('.xor-epoch [data-v="epoch"]')?.textContent);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask', buffered: false });
    if (epoch() !== 0) throw new Error(`the run starts at epoch ${epoch()}, not 0`);
    let learnedMs = -1, lastFrame = performance.now(), longestGapMs = 0;
    const start = performance.now();
    button.click();
    const frame = () => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - lastFrame);
      lastFrame = now;
      if (learnedMs < 0 && rounded() === '0,1,1,0') learnedMs = now - start;
      if (button.getAttribute('aria-pressed') === 'false' && now - start > 50) {
        observer.disconnect();
        resolve({ learnedMs, doneMs: now - start, epochs: epoch(), longTasks, longestGapMs });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const ms = (x: number) => `${x.toFixed(0)} ms`;

const server = await startPreview();
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const x1: Sample[] = [], x100: Sample[] = [];
  await play('1'); // warm-up (the HTTP cache; each page compiles the script afresh)
  for (let i = 0; i < RUNS; i++) {
    x1.push(await play('1'));
    x100.push(await play('100'));
  }
  const all = [...x1, ...x100];
  const tasks = all.flatMap((s) => s.longTasks);
  console.log(`XOR trainer in Chromium (${await browser.version()}), default run (seed 2, α = 0.1, 10 000 epochs), ${RUNS} runs each, medians [min–max]:`);
  const range = (xs: number[], f: (x: number) => string) => `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`;
  console.log(`  ×1:   predictions round to 0, 1, 1, 0 after ${range(x1.map((s) => s.learnedMs), ms)} of wall time; 10 000 epochs in ${range(x1.map((s) => s.doneMs), ms)}`);
  console.log(`  ×100: ${range(x100.map((s) => (s.epochs / s.doneMs) * 1000), (x) => `${Math.round(x)} epochs/s`)} (learned after ${range(x100.map((s) => s.learnedMs), ms)})`);
  const withLong = all.filter((s) => s.longTasks.length > 0).length;
  console.log(`  longest main-thread task while training: ${tasks.length === 0 ? 'none over 50 ms (PerformanceObserver longtask)' : `${ms(Math.max(...tasks))} (runs with a task over 50 ms: ${withLong} of ${all.length})`}; longest gap between frames ${range(all.map((s) => s.longestGapMs), ms)}`);
  const [load] = (await import('node:os')).loadavg();
  console.log(`  (load average while measuring: ${load!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores; a busy machine stretches every figure)`);
} finally {
  await browser.close();
  server.stop();
}
