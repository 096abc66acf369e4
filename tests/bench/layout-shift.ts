// layout-shift.ts — `node tests/bench/layout-shift.ts [path…]`: the cumulative layout shift of each page
// of the build while it loads (as Lighthouse counts it: no input, no scrolling), at phone and desktop
// widths, with what moved. A report for finding causes, never a failure; tests/e2e/gates.spec.ts has the gate.
// BP_FONT_DELAY_MS=1500 holds every font response that long (a slow network), so that the fallback
// fonts are on screen first and the swap to the web fonts is what gets measured.
import { chromium, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startPreview } from '../support/preview.ts';

const server = await startPreview();
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  let paths = process.argv.slice(2);
  if (paths.length === 0) {
    const page = await browser.newPage();
    await page.goto(server.origin);
    paths = ['/', ...(await page.locator('.contents a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))];
    await page.close();
  }
  const rows: string[] = [];
  for (const path of paths) {
    for (const [name, options] of Object.entries({ phone: devices['Pixel 5']!, desktop: { viewport: { width: 1350, height: 940 } } })) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const delay = Number(process.env['BP_FONT_DELAY_MS'] ?? 0);
      if (delay > 0) {
        await page.route(/\.woff2$/, async (route) => { await new Promise((r) => setTimeout(r, delay)); await route.continue(); });
      }
      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: unknown[] };
        w.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; startTime: number; sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[]) {
            if (e.hadRecentInput) continue;
            w.__shifts.push({
              value: e.value, t: Math.round(e.startTime),
              sources: (e.sources ?? []).map((s) => {
                const el = s.node instanceof Element ? s.node : s.node?.parentElement;
                const what = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}` : '(text)';
                const r = (x: DOMRectReadOnly) => `${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.width)}×${Math.round(x.height)}`;
                return `${what} ${r(s.previousRect)} → ${r(s.currentRect)}`;
              }),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(500 + Number(process.env['BP_FONT_DELAY_MS'] ?? 0)); // a report, not a test: let late shifts land
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; t: number; sources: string[] }[] }).__shifts);
      const cls = shifts.reduce((s, e) => s + e.value, 0);
      rows.push(`| ${path} | ${name} | ${cls.toFixed(3)} |`);
      for (const s of shifts) console.log(`${path} ${name} +${s.value.toFixed(4)} at ${s.t} ms: ${s.sources.join('; ')}`);
      await context.close();
    }
  }
  console.log('\n| page | width | CLS on load |\n| --- | --- | --- |');
  console.log(rows.join('\n'));
} finally {
  await browser.close();
  server.stop();
}
