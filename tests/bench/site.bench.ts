// site.bench.ts — `npm run bench:site` (after `npm run build`): how long a widget takes to answer a reader.
// For every widget on every page of the build (an element `.widget` with text fields
// `.param input[data-field]`), it types into the first field, alternating between its value and a nearby
// valid one, and times from the input event to the frame that paints the last change in the widget:
// a MutationObserver notes each change, and the sample ends at the first animation frame that begins
// after the last change (a change made in a frame's callbacks was painted by then; one made in a task
// is painted right after this frame's callbacks), once two further frames passed without a change.
// Also printed: when the last change was made (the widget's own work). p50 and p95 per widget. A report, never a failure: on a busy machine the numbers grow and the script still exits 0.
// Generic on purpose (only .widget, .param, input[data-field] and [data-v]): the widgets change often.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { builtPages, outDir } from '../e2e/pages.ts';
import { startPreview } from '../support/preview.ts';

const SAMPLES = Number(process.env['BP_SAMPLES'] ?? 40);
const WARMUP = 5;

if (!existsSync(`${outDir}/index.html`)) {
  console.log(`bench:site measures the built book, and there is no build in ${outDir}/: run \`npm run build\` first.`);
  process.exit(0);
}
const server = await startPreview();
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const rows: string[] = [];
try {
  for (const path of builtPages()) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    const count = await page.locator('.widget').count();
    for (let w = 0; w < count; w++) {
      const widget = page.locator('.widget').nth(w);
      const field = widget.locator('.param input[data-field]').first();
      if (await field.count() === 0) continue;
      await widget.scrollIntoViewIfNeeded();
      const result = await field.evaluate(async (input: HTMLInputElement, { samples, warmup }) => {
        const root = input.closest('.widget')!;
        const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
        const a = input.value;
        const n = Number(a);
        const range = input.closest('.param')?.querySelector<HTMLInputElement>('input[type="range"]');
        const max = range ? Number(range.max) : Infinity;
        const b = String(Math.round((n + 0.1 <= max ? n + 0.1 : n - 0.1) * 1000) / 1000);
        const numbers = () => [...root.querySelectorAll('[data-v]')].map((e) => e.textContent);
        const once = async (value: string) => {
          await frame(); await frame(); // start from a quiet page
          let last = -1;
          let mutations = 0;
          const observer = new MutationObserver(() => { last = performance.now(); mutations++; });
          observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          const before = numbers();
          const start = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let quiet = 0;
          let seen = 0;
          const frames: number[] = [];
          while (performance.now() - start < 2000) {
            frames.push(await frame());
            if (mutations !== seen) { seen = mutations; quiet = 0; continue; }
            if (mutations > 0 && ++quiet === 3) break;
          }
          observer.disconnect();
          // The first frame that began after the last change: the one that painted it.
          const end = frames.find((t) => t > last) ?? Number.NaN;
          const after = numbers();
          return { ms: mutations > 0 ? end - start : NaN, changed: after.filter((x, i) => x !== before[i]).length, total: after.length, lastChange: last - start };
        };
        for (let i = 0; i < warmup; i++) await once(i % 2 ? a : b);
        const out = [];
        for (let i = 0; i < samples; i++) out.push(await once(i % 2 ? a : b));
        return { id: root.closest('[id]')?.id ?? root.id ?? '', field: input.id, values: [a, b], out };
      }, { samples: SAMPLES, warmup: WARMUP });
      const ms = result.out.map((s) => s.ms).filter(Number.isFinite).sort((x, y) => x - y);
      const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1) : '–');
      const changed = Math.max(...result.out.map((s) => s.changed));
      const dom = result.out.map((s) => s.lastChange).filter((t) => t >= 0).sort((x, y) => x - y);
      const qd = (p: number) => (dom.length ? dom[Math.min(dom.length - 1, Math.floor(p * dom.length))]!.toFixed(1) : '–');
      rows.push(`| ${path} | ${result.id} | ${result.field} ${result.values.join(' ↔ ')} | ${ms.length}/${result.out.length} | ${changed} of ${result.out[0]!.total} | ${qd(0.5)} | ${qd(0.95)} | ${q(0.5)} | ${q(0.95)} |`);
      console.error(`${path} ${result.id}: done`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`\nInput event → first frame after the widget's last change, Chromium headless (60 frames a second), ${SAMPLES} samples after ${WARMUP} warm-up\n`);
console.log('| page | widget | field, values | samples | numbers changed | last change p50 ms | last change p95 ms | painted p50 ms | painted p95 ms |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
