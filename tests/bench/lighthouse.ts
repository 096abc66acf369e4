// lighthouse.ts — `npm run bench:lighthouse [path…]`: Lighthouse 12 (performance only) on every page of the
// build, mobile and desktop, in Debian's Chromium (or $CHROMIUM_PATH), served by a preview server of its
// own. Prints one table: score, CLS, total blocking time, LCP, and the bytes of HTML, fonts and JS.
// A report, never a failure: a low score on a busy machine exits 0 like a high one.
// Lighthouse is fetched with npx (pinned: 13.x needs a newer lock format and Node 22 for npx here).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { builtPages } from '../e2e/pages.ts';
import { startPreview } from '../support/preview.ts';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const chrome = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
if (!chrome) console.warn('No Chromium at /usr/bin/chromium and no CHROMIUM_PATH: Lighthouse will look for Chrome itself.');
const run = promisify(execFile);

interface Row { page: string; form: string; score?: number; cls?: number | undefined; tbt?: number | undefined; lcp?: number | undefined; html?: number | undefined; font?: number | undefined; js?: number | undefined; error?: string }

const paths = process.argv.length > 2 ? process.argv.slice(2) : builtPages();
const server = await startPreview();
const dir = mkdtempSync(join(tmpdir(), 'bp-lighthouse-'));
const rows: Row[] = [];
try {
  for (const path of paths) {
    for (const form of ['mobile', 'desktop'] as const) {
      const out = join(dir, 'report.json');
      try {
        await run('npx', ['-y', LIGHTHOUSE, server.origin + path, '--quiet', '--output=json', `--output-path=${out}`,
          '--only-categories=performance', '--chrome-flags=--headless --no-sandbox --disable-gpu',
          ...(form === 'desktop' ? ['--preset=desktop'] : [])],
        { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
        const report = JSON.parse(readFileSync(out, 'utf8'));
        const audit = (id: string) => report.audits[id]?.numericValue as number | undefined;
        const items = (report.audits['resource-summary']?.details?.items ?? []) as { resourceType: string; transferSize: number }[];
        const bytes = (type: string) => items.find((i) => i.resourceType === type)?.transferSize;
        rows.push({
          page: path, form,
          score: Math.round((report.categories.performance.score ?? 0) * 100),
          cls: audit('cumulative-layout-shift'), tbt: audit('total-blocking-time'), lcp: audit('largest-contentful-paint'),
          html: bytes('document'), font: bytes('font'), js: bytes('script'),
        });
      } catch (e) {
        rows.push({ page: path, form, error: (e as Error).message.split('\n')[0]! });
      }
      rmSync(out, { force: true });
      console.error(`${path} ${form}: done`);
    }
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const kb = (n?: number) => (n === undefined ? '–' : (n / 1024).toFixed(1));
console.log(`\nLighthouse ${LIGHTHOUSE.split('@')[1]}, performance; transfer sizes as served by astro preview (gzip for HTML, CSS and JS; fonts as they are)\n`);
console.log('| page | form | score | CLS | TBT ms | LCP ms | HTML KB | font KB | JS KB |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  if (r.error) { console.log(`| ${r.page} | ${r.form} | failed: ${r.error} | | | | | | |`); continue; }
  console.log(`| ${r.page} | ${r.form} | ${r.score} | ${r.cls?.toFixed(3)} | ${r.tbt?.toFixed(0)} | ${r.lcp?.toFixed(0)} | ${kb(r.html)} | ${kb(r.font)} | ${kb(r.js)} |`);
}
