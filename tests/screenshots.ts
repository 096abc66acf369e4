// screenshots.ts — `npm run screenshots [path…]`: full-page PNGs of the built book at phone and desktop
// widths, in both themes, into screenshots/ (ignored by git). For looking at pages as a reader would.
// BP_SHOT_SELECTOR=".widget" photographs only the first element matching a selector (a closer look).
// BP_SHOT_MEDIA=print renders with print styles (file names get -print), as Playwright's emulateMedia does.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startPreview } from './support/preview.ts';

const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

// A server of its own, on a free port (BP_SCREENSHOT_PORT asks for one); never one it did not start.
const asked = process.env['BP_SCREENSHOT_PORT'];
const server = await startPreview(asked ? Number(asked) : undefined);
const { origin } = server;
try {
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  let paths = process.argv.slice(2);
  if (paths.length === 0) {
    const page = await browser.newPage();
    await page.goto(origin);
    paths = ['/', ...(await page.locator('.contents a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))];
    await page.close();
  }
  mkdirSync('screenshots', { recursive: true });
  for (const path of paths) {
    for (const [sizeName, viewport] of Object.entries(sizes)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: sizeName === 'phone' ? 2 : 1 });
        const page = await context.newPage();
        const media = process.env['BP_SHOT_MEDIA'] === 'print' ? 'print' : 'screen';
        await page.emulateMedia({ media });
        await page.goto(origin + path, { waitUntil: 'networkidle' });
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 500) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 40)); }
          window.scrollTo(0, 0);
        });
        // A full-page shot is one tall frame: blocks that content-visibility skips off screen would be
        // blank in it. Render them all, as print does.
        await page.evaluate(() => document.querySelectorAll<HTMLElement>('.chapter-body > *').forEach((el) => el.style.setProperty('content-visibility', 'visible', 'important')));   // through the CSSOM: the site's CSP refuses an injected <style>
        await page.waitForTimeout(300);
        const name = (path.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_') || 'home').replace(/\?.*/, '');
        const file = `screenshots/${name}-${sizeName}-${colorScheme}${media === 'print' ? '-print' : ''}.png`;
        const selector = process.env['BP_SHOT_SELECTOR'];
        if (selector) await page.locator(selector).first().screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
  await browser.close();
} finally {
  server.stop();
}
