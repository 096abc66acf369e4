// fonts.ts — `node tests/bench/fonts.ts [path…]`: which font files each page of the build downloads, and
// their bytes, after loading and scrolling to the end (every glyph on the page painted once). A report.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { builtPages } from '../e2e/pages.ts';
import { startPreview } from '../support/preview.ts';

const server = await startPreview();
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const rows: string[] = [];
try {
  for (const path of process.argv.length > 2 ? process.argv.slice(2) : builtPages()) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fonts = new Map<string, number>();
    page.on('response', async (r) => {
      if (r.request().resourceType() !== 'font') return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      fonts.set(r.url().replace(/^.*\//, ''), body.length);
    });
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 700) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      await document.fonts.ready;
    });
    await page.waitForLoadState('networkidle');
    const total = [...fonts.values()].reduce((s, n) => s + n, 0);
    const files = [...fonts.entries()].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f.replace(/\.[\w-]{8}\./, '.')} ${(n / 1024).toFixed(1)}`);
    rows.push(`| ${path} | ${fonts.size} | ${(total / 1024).toFixed(1)} | ${files.join(', ')} |`);
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.log('| page | font files | KB | files (KB) |\n| --- | ---: | ---: | --- |');
console.log(rows.join('\n'));
