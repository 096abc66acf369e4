// compare-builds.ts — `node tests/bench/compare-builds.ts <build A> <build B> [path…]`: full-page screenshots
// of the same pages from two builds (e.g. `BP_NO_COMPACT=1 BP_OUT_DIR=/tmp/plain npm run build` against
// dist/), at phone and desktop widths, both themes, without JavaScript (the pages exactly as built) and
// with it, and the number of pixels that differ. For checking that a change to the build renders the same.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { startPreview } from '../support/preview.ts';

const [dirA, dirB, ...rest] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: node tests/bench/compare-builds.ts <build A> <build B> [path…]');
const paths = rest.length > 0 ? rest : ['/sigmoid-derivative/', '/chain-rule/', '/hidden-delta/', '/weight-update/'];
const [a, b] = await Promise.all([startPreview(undefined, dirA), startPreview(undefined, dirB)]);
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
});
let different = 0;
try {
  for (const path of paths) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const javaScriptEnabled of [false, true]) {
          const shots: Buffer[] = [];
          for (const server of [a, b]) {
            const context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled, reducedMotion: 'reduce' });
            const page = await context.newPage();
            await page.goto(server.origin + path, { waitUntil: 'networkidle' });
            await page.evaluate(() => document.fonts.ready);
            shots.push(await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }));
            await context.close();
          }
          const [ra, rb] = await Promise.all(shots.map((s) => sharp(s).raw().toBuffer({ resolveWithObject: true })));
          let diff = 0;
          const box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
          if (ra!.info.width !== rb!.info.width || ra!.info.height !== rb!.info.height) diff = -1;
          else for (let i = 0; i < ra!.data.length; i += ra!.info.channels) {
            if (ra!.data[i] !== rb!.data[i] || ra!.data[i + 1] !== rb!.data[i + 1] || ra!.data[i + 2] !== rb!.data[i + 2]) {
              diff++;
              const p = i / ra!.info.channels, x = p % ra!.info.width, y = Math.floor(p / ra!.info.width);
              box.x0 = Math.min(box.x0, x); box.y0 = Math.min(box.y0, y); box.x1 = Math.max(box.x1, x); box.y1 = Math.max(box.y1, y);
            }
          }
          if (diff !== 0) different++;
          console.log(`${path} ${viewport.width}px ${colorScheme} ${javaScriptEnabled ? 'with JS' : 'no JS'}: ${ra!.info.width}×${ra!.info.height} vs ${rb!.info.width}×${rb!.info.height}, ${diff < 0 ? 'sizes differ' : `${diff} pixels differ`}${diff > 0 ? ` in ${box.x0},${box.y0}–${box.x1},${box.y1}` : ''}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  a.stop();
  b.stop();
}
console.log(different === 0 ? 'identical' : `${different} screenshots differ`);
