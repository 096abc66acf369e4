// fallback-metrics.ts — `node tests/bench/fallback-metrics.ts`: measures, in Chromium, how wide the book's
// prose is in Source Serif 4 and in each local fallback font, and prints the size-adjust / ascent-override /
// descent-override that make the fallback take the same room (src/styles/book.css uses them, so the
// swap to the web font moves nothing). Needs a build; fonts not installed here are reported as missing.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startPreview } from '../support/preview.ts';

const fallbacks = { times: ['Liberation Serif', 'Times New Roman', 'Tinos'], dejavu: ['DejaVu Serif'] } as const;
const server = await startPreview();
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const texts: string[] = [];
  for (const path of ['/sigmoid-derivative/', '/hidden-delta/', '/weight-update/']) {
    await page.goto(server.origin + path);
    texts.push(await page.locator('.chapter-body').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('pre, code, .katex, .widget, script, style').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ');
    }));
  }
  const result = await page.evaluate(async ({ text, fallbacks }) => {
    const out: Record<string, unknown> = {};
    const ctx = document.createElement('canvas').getContext('2d')!;
    const measure = (font: string) => {
      ctx.font = font;
      const m = ctx.measureText(text);
      const probe = ctx.measureText('Hxgé');
      return { width: m.width, ascent: probe.fontBoundingBoxAscent, descent: probe.fontBoundingBoxDescent };
    };
    for (const weight of [400, 700]) for (const style of ['normal', 'italic'] as const) {
      await document.fonts.load(`${style} ${weight} 100px "Source Serif 4 Variable"`, text);
      const web = measure(`${style} ${weight} 100px "Source Serif 4 Variable"`);
      for (const [name, locals] of Object.entries(fallbacks)) {
        const family = `probe-${name}-${style}-${weight}`;
        const suffix = [weight === 700 ? 'Bold' : '', style === 'italic' ? 'Italic' : ''].filter(Boolean).join(' ');
        const src = locals.map((l) => `local("${l}${suffix ? ` ${suffix}` : ''}")`).join(', ');
        const face = new FontFace(family, src, { style, weight: String(weight) });
        try { await face.load(); } catch { out[`${name} ${style} ${weight}`] = 'not installed here'; continue; }
        document.fonts.add(face);
        const fb = measure(`${style} ${weight} 100px "${family}"`);
        const size = web.width / fb.width;
        out[`${name} ${style} ${weight}`] = {
          'size-adjust': `${(size * 100).toFixed(2)}%`,
          'ascent-override': `${(web.ascent / size).toFixed(2)}%`,
          'descent-override': `${(web.descent / size).toFixed(2)}%`,
        };
      }
    }
    return out;
  }, { text: texts.join(' '), fallbacks });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.stop();
}
