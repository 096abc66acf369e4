// gates.spec.ts — what every page of the BUILT book must keep, whatever changes in it: a small first load
// of JavaScript, links that lead somewhere, valid HTML, no layout shift while loading, and web fonts that
// cover the text. Most read dist/ with node:fs (no browser); one test per page, so a failure names it.
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { expect, test } from '@playwright/test';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtPages, outDir } from './pages';
import { referenceUrls } from '../../src/references';
import { repositoryUrl } from '../../src/repository';

const pages = builtPages();
const fileOf = (path: string) => join(outDir, path, 'index.html');
/** Every page's file, with the 404 page (served for any missing path). */
const htmlFiles = [...pages.map((p) => ({ page: p, file: fileOf(p) })), { page: '/404.html', file: join(outDir, '404.html') }];

function parse(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') {
      out.push(child);
      elements(child.tagName === 'template' && child.content ? child.content as unknown as Element : child, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 1. JavaScript on first load ≤ 30 KB gzipped: the page's module scripts (inline and external) and every
//    file they import statically, recursively; dynamic import() is not first load. Gzip at zlib's default
//    level 6, what astro preview and most servers' on-the-fly compression use (level 9 saves ~1 %).
const BUDGET_KB = 30;

function firstLoadScripts(file: string): { name: string; bytes: Buffer }[] {
  const found = new Map<string, Buffer>();
  const visit = (url: string, from: string) => {
    const path = join(outDir, posix.resolve(posix.dirname(from), url).replace(/^\//, ''));
    if (found.has(path)) return;
    const bytes = readFileSync(path);
    found.set(path, bytes);
    for (const spec of staticImports(bytes.toString())) visit(spec, posix.resolve(posix.dirname(from), url));
  };
  const inline: { name: string; bytes: Buffer }[] = [];
  for (const el of elements(parse(file))) {
    if (el.tagName !== 'script') continue;
    const src = el.properties['src'];
    const isModule = el.properties['type'] === 'module';
    if (typeof src === 'string') visit(src, '/');
    else {
      const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      inline.push({ name: `(inline ${isModule ? 'module' : 'script'})`, bytes: Buffer.from(text) });
      if (isModule) for (const spec of staticImports(text)) visit(spec, '/');
    }
  }
  return [...inline, ...[...found].map(([name, bytes]) => ({ name: name.slice(outDir.length + 1), bytes }))];
}

/** The specifiers of `import … from '…'`, `import '…'` and `export … from '…'` (not `import(…)`). */
function staticImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

function measure(file: string) {
  const scripts = firstLoadScripts(file);
  const gzip = scripts.map((f) => gzipSync(f.bytes, { level: 6 }).length);
  return {
    scripts,
    rawKB: scripts.reduce((s, f) => s + f.bytes.length, 0) / 1024,
    gzipKB: gzip.reduce((s, n) => s + n, 0) / 1024,
    detail: scripts.map((f, i) => `${f.name} ${(gzip[i]! / 1024).toFixed(1)} KB`).join(', '),
  };
}

test.describe('first-load JavaScript', () => {
  test('the table of first-load JavaScript per page (printed; the budget is checked per page below)', () => {
    const rows = htmlFiles.map(({ page, file }) => {
      const m = measure(file);
      return `| ${page} | ${m.scripts.length} | ${m.rawKB.toFixed(1)} | ${m.gzipKB.toFixed(1)} |`;
    });
    console.log(`\nFirst-load JavaScript (gzip level 6), budget ${BUDGET_KB} KB\n| page | files | raw KB | gzip KB |\n| --- | ---: | ---: | ---: |\n${rows.join('\n')}\n`);
    expect(rows.length).toBe(htmlFiles.length);
  });
  for (const { page, file } of htmlFiles) {
    test(`${page} loads at most ${BUDGET_KB} KB of gzipped JavaScript`, () => {
      const m = measure(file);
      expect(m.gzipKB, `${page}: ${m.detail}`).toBeLessThanOrEqual(BUDGET_KB);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// 2. Links: every internal link and #anchor resolves; external links only to this short list.
const allowedExternal = new Set([
  'https://creativecommons.org/licenses/by-sa/4.0/', // the text's licence, in the footer
  'https://opensource.org/license/mit', // the code's licence, in the footer
  repositoryUrl, // the source repository, in the footer (package.json "repository")
  ...referenceUrls, // the sources on /references/ (src/references.ts)
]);

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set(elements(parse(file)).flatMap((el) => [el.properties['id'], el.tagName === 'a' ? el.properties['name'] : undefined])
      .filter((v): v is string => typeof v === 'string'));
    idsCache.set(file, ids);
  }
  return ids;
}

/** The built file that serves a path, or undefined. */
function served(pathname: string): string | undefined {
  const rel = decodeURIComponent(pathname).replace(/^\//, '');
  const candidates = pathname.endsWith('/') ? [join(outDir, rel, 'index.html')] : [join(outDir, rel), join(outDir, rel, 'index.html'), join(outDir, `${rel}.html`)];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

test.describe('links', () => {
  for (const { page, file } of htmlFiles) {
    test(`${page}: every link and anchor resolves, and external links are only the allowed ones`, () => {
      const base = new URL(page === '/404.html' ? '/no-such-page/' : page, 'http://book.invalid');
      const problems: string[] = [];
      for (const el of elements(parse(file))) {
        const attr = el.tagName === 'a' || el.tagName === 'link' || el.tagName === 'area' ? 'href' : ['script', 'img', 'source', 'iframe'].includes(el.tagName) ? 'src' : null;
        const value = attr ? el.properties[attr] : undefined;
        if (typeof value !== 'string') continue;
        const url = new URL(value, base);
        if (url.origin !== base.origin) {
          if (!allowedExternal.has(url.href)) problems.push(`<${el.tagName} ${attr}="${value}">: external, not in the allow-list`);
          continue;
        }
        const target = url.pathname === base.pathname ? file : served(url.pathname);
        if (!target) { problems.push(`<${el.tagName} ${attr}="${value}">: no built file serves ${url.pathname}`); continue; }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && target.endsWith('.html') && !idsOf(target).has(id)) problems.push(`<${el.tagName} ${attr}="${value}">: no element with id "${id}" on ${url.pathname}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// 3. Valid HTML: html-validate's recommended rules (.htmlvalidate.json). A problem in markup that this
//    branch may not change is listed here with where to fix it, instead of turning its rule off; the
//    entry fails the test once the markup is fixed, so the list cannot go stale.
const knownProblems: { page: string; rule: string; fix: string }[] = [];

test.describe('valid HTML', () => {
  // The project's config, wherever the build under test is (BP_OUT_DIR may be outside the checkout).
  const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8'))));
  for (const { page, file } of htmlFiles) {
    test(`${page} passes html-validate (recommended)`, async () => {
      const report = await validator.validateFile(file);
      const found = report.results.flatMap((r) => r.messages.map((m) => ({ rule: m.ruleId, text: `${m.ruleId} at ${m.line}:${m.column}: ${m.message} — ${m.selector ?? ''}` })));
      const known = knownProblems.filter((k) => k.page === page);
      for (const k of known) {
        expect(found.some((f) => f.rule === k.rule), `known problem ${k.rule} is gone (fixed in ${k.fix.split(':')[0]}?): remove it from knownProblems`).toBe(true);
      }
      expect(found.filter((f) => !known.some((k) => k.rule === f.rule)).map((f) => f.text)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// 4. No layout shift while a page loads (Lighthouse's CLS without input): ≤ 0.05 at phone and desktop
//    widths. The fonts' fallbacks are sized like them (book.css), so even a late font moves little.
const CLS_LIMIT = 0.05;
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1350, height: 940 } } as const;

test.describe('layout shift', () => {
  for (const path of pages) {
    for (const [name, viewport] of Object.entries(widths)) {
      test(`${path} shifts its layout by at most ${CLS_LIMIT} while loading on a ${name}`, async ({ browser }) => {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __shifts: string[]; __cls: number };
          w.__shifts = []; w.__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
              if (e.hadRecentInput) continue;
              w.__cls += e.value;
              const what = (e.sources ?? []).map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement)?.outerHTML.slice(0, 80) ?? '(text)');
              w.__shifts.push(`${e.value.toFixed(4)}: ${what.join(' | ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(path, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        // Two frames after the last font: any shift it causes has been reported.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const { cls, shifts } = await page.evaluate(() => {
          const w = window as unknown as { __shifts: string[]; __cls: number };
          return { cls: w.__cls, shifts: w.__shifts };
        });
        expect(cls, shifts.join('\n')).toBeLessThanOrEqual(CLS_LIMIT);
        await context.close();
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------------
// 5. The served Source Serif files cover every character the pages use that the full font has
//    (src/fonts/build-fonts.ts cuts them; `npm run fonts` after a build brings in a new character).
test.describe('web fonts', () => {
  test('every character of the built pages that Source Serif 4 has is in the subset the pages load', async () => {
    const require = createRequire(import.meta.url);
    const fontverter = require('fontverter') as { convert(buf: Buffer, to: 'sfnt'): Promise<Buffer> };
    const { Blob, Face } = await import('harfbuzzjs');
    const cmap = async (bytes: Buffer) => new Set(new Face(new Blob(await fontverter.convert(bytes, 'sfnt'))).collectUnicodes());

    const used = new Set<number>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(html|js)$/.test(e.name)) for (const c of readFileSync(p, 'utf8')) used.add(c.codePointAt(0)!);
      }
    };
    walk(outDir);

    const css = readdirSync(join(outDir, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(outDir, '_astro', f), 'utf8')).join('');
    const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!).filter((f) => /font-family:\s*["']?Source Serif 4 Variable/.test(f));
    expect(faces.length).toBeGreaterThan(0);
    const fullDir = dirname(require.resolve('@fontsource-variable/source-serif-4/package.json'));
    const missing: string[] = [];
    for (const style of ['normal', 'italic']) {
      const served = new Set<number>();
      for (const face of faces.filter((f) => new RegExp(`font-style:\\s*${style}`).test(f))) {
        const url = /url\(["']?([^)"']+)["']?\)/.exec(face)![1]!;
        for (const c of await cmap(readFileSync(join(outDir, url.replace(/^\//, ''))))) served.add(c);
      }
      const full = new Set<number>();
      for (const f of readdirSync(join(fullDir, 'files')).filter((n) => n.endsWith(`-wght-${style}.woff2`))) {
        for (const c of await cmap(readFileSync(join(fullDir, 'files', f)))) full.add(c);
      }
      for (const c of used) {
        if (c > 0x20 && full.has(c) && !served.has(c)) missing.push(`${style} ${String.fromCodePoint(c)} U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    }
    expect(missing, 'characters missing from the subset fonts: run `npm run build && npm run fonts`, then rebuild').toEqual([]);
  });
});
