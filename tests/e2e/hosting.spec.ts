// hosting.spec.ts — the book hosted somewhere else than the root of `astro preview`:
//  1. under a base path (a GitHub Pages project site): built with BP_BASE=/book/ into its own folder,
//     served under /book/ by the offline copy's one-file server (src/offline/serve.mjs); every internal
//     link of every page (and every font a stylesheet names) is fetched and must answer, every #anchor
//     must exist, nothing may point outside /book/; and a widget works there, its state kept in the URL;
//  2. from disk (file://): what does not work and why (module scripts are refused), so the README
//     does not promise it;
//  3. the offline copy (`npm run offline`): the zip is whole, and `node serve.mjs` from it serves a
//     working book.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { freePort } from '../support/free-port';
import { outDir, watch } from './pages';
import { makeOffline, OFFLINE_NAME } from '../../src/offline/make-offline';

const BASE = '/book/';
const node = process.execPath;
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** Starts `node serve.mjs …` (the command the README gives) and waits for its first line. */
async function startServer(script: string, args: string[]): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(node, [script, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') { out.push(child); elements(child, out); }
  }
  return out;
}

/** A reader's first use of the one-neuron widget: w = 5, x = 2 gives a = σ(5·2 + 0.1), shown to 3 places. */
async function widgetWorks(page: Page, path: string) {
  await page.goto(path);
  const w = page.getByRole('figure', { name: 'The output delta', exact: true });
  await w.scrollIntoViewIfNeeded();
  await w.getByRole('textbox', { name: 'Weight w', exact: true }).fill('5');
  await w.getByRole('textbox', { name: 'Input x', exact: true }).fill('2');
  await expect(w.locator('.katex-html [data-v="a"]').first()).toHaveText(sigma(5 * 2 + 0.1).toFixed(3));
  await expect(w.locator('.katex-html [data-v="a"]').first()).toHaveText('1.000');
}

test.describe('under a base path', () => {
  test.describe.configure({ mode: 'serial' });
  // BP_BASE_DIST: a folder already built with BP_BASE=/book/ (skips the build, e.g. while editing this spec).
  const dist = process.env['BP_BASE_DIST'] ?? mkdtempSync(join(tmpdir(), 'bp-base-'));
  let server: { origin: string; child: ChildProcess };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!process.env['BP_BASE_DIST']) {
      const built = spawnSync('npx', ['astro', 'build'], { env: { ...process.env, BP_BASE: BASE, BP_OUT_DIR: dist }, encoding: 'utf8' });
      expect(built.status, built.stderr + built.stdout.slice(-2000)).toBe(0);
    }
    server = await startServer('src/offline/serve.mjs', ['--dir', dist, '--base', BASE]);
  });
  test.afterAll(() => {
    server?.child.kill();
    if (!process.env['BP_BASE_DIST']) rmSync(dist, { recursive: true, force: true });
  });

  test('every internal link, script, stylesheet and font of every page answers, inside /book/, and every #anchor exists', async () => {
    test.setTimeout(120_000);
    const origin = server.origin;
    const pages = new Map<string, Set<string>>(); // page path → its ids
    const links: { from: string; url: URL; what: string }[] = [];
    const fetched = new Map<string, number>();
    const get = async (url: string) => {
      if (!fetched.has(url)) fetched.set(url, (await fetch(url)).status);
      return fetched.get(url)!;
    };
    const queue = [BASE];
    while (queue.length) {
      const path = queue.shift()!;
      if (pages.has(path)) continue;
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(200);
      const tree = fromHtml(await res.text());
      const els = elements(tree);
      pages.set(path, new Set(els.map((e) => e.properties['id']).filter((v): v is string => typeof v === 'string')));
      for (const el of els) {
        const attr = ['a', 'link'].includes(el.tagName) ? 'href' : ['script', 'img', 'source'].includes(el.tagName) ? 'src' : el.tagName === 'form' ? 'action' : null;
        const value = attr ? el.properties[attr] : undefined;
        if (typeof value !== 'string') continue;
        const url = new URL(value, origin + path);
        if (url.origin !== origin) continue;
        links.push({ from: path, url, what: `<${el.tagName} ${attr}="${value}">` });
        if (el.tagName === 'a' && url.pathname.endsWith('/') && url.pathname.startsWith(BASE)) queue.push(url.pathname);
      }
    }
    const problems: string[] = [];
    for (const { from, url, what } of links) {
      if (!url.pathname.startsWith(BASE)) { problems.push(`${from}: ${what} is outside ${BASE}`); continue; }
      const status = await get(origin + url.pathname);
      if (status !== 200) { problems.push(`${from}: ${what} answers ${status}`); continue; }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && pages.has(url.pathname) && !pages.get(url.pathname)!.has(id)) problems.push(`${from}: ${what}: no id "${id}" on ${url.pathname}`);
    }
    // The stylesheets' fonts (url(…) inside the CSS, which the HTML does not name).
    for (const css of [...fetched.keys()].filter((u) => u.endsWith('.css'))) {
      for (const m of (await (await fetch(css)).text()).matchAll(/url\(["']?([^)"']+)["']?\)/g)) {
        if (m[1]!.startsWith('data:')) continue;
        const url = new URL(m[1]!, css);
        if (!url.pathname.startsWith(BASE) || (await get(url.href)) !== 200) problems.push(`${css}: url(${m[1]}) does not answer under ${BASE}`);
      }
    }
    expect(problems).toEqual([]);
    // Every built page is reached from the home page by links (the 404 page is served for missing paths).
    const built = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(built).toContain(`href="${BASE}`);
    expect(pages.size).toBeGreaterThanOrEqual(15);
    expect(links.filter((l) => l.url.pathname === `${BASE}chain-rule/`).length).toBeGreaterThan(5); // the prose's links too
  });

  test('a widget works under /book/, keeps its state in the URL there, and a reload restores it', async ({ page }) => {
    const problems = watch(page, server.origin);
    await widgetWorks(page, `${server.origin}${BASE}output-delta/`);
    await expect(page).toHaveURL(new RegExp(`^${server.origin}${BASE}output-delta/\\?.*5`));
    await page.reload();
    await expect(page.getByRole('figure', { name: 'The output delta', exact: true }).locator('.katex-html [data-v="a"]').first()).toHaveText('1.000');
    expect(problems).toEqual([]);
  });
});

test('from disk (file://) the pages keep their numbers, but Chromium runs no module script: the offline copy needs serve.mjs', async ({ page }) => {
  const file = pathToFileURL(resolve(outDir, 'output-delta', 'index.html')).href;
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(file);
  // The worked numbers are in the HTML (progressive enhancement) …
  await expect(page.locator('.katex-html [data-v="delta"]').first()).toHaveText('−0.2308');
  // … but the scripts are refused: from file:// root-relative URLs point at the disk's root, and even
  // a module script beside the page is blocked (its origin is "null"), so no widget comes alive.
  expect(failed.some((u) => u.endsWith('.js'))).toBe(true);
  const defined = await page.evaluate(() => !!customElements.get('bp-widget'));
  expect(defined).toBe(false);
  // Even relative URLs do not help: a module script beside a page on disk is refused too (origin "null").
  const dir = mkdtempSync(join(tmpdir(), 'bp-file-'));
  try {
    writeFileSync(join(dir, 'm.js'), 'document.body.dataset.ran = "yes";');
    writeFileSync(join(dir, 'page.html'), '<!doctype html><title>t</title><p>x</p><script src="./m.js"></script>');
    await page.goto(pathToFileURL(join(dir, 'page.html')).href);
    await page.waitForLoadState('load');
    // The same file as a classic script runs; as a module script it does not.
    expect(await page.evaluate(() => document.body.dataset['ran'])).toBe('yes');
    writeFileSync(join(dir, 'page.html'), '<!doctype html><title>t</title><p>x</p><script type="module" src="./m.js"></script>');
    await page.goto(pathToFileURL(join(dir, 'page.html')).href);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.body.dataset['ran'] ?? 'no')).toBe('no');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the offline copy: a valid zip with serve.mjs and START-HERE.txt, and `node serve.mjs` serves a working book', async ({ page }) => {
  test.setTimeout(90_000);
  const root = mkdtempSync(join(tmpdir(), 'bp-offline-'));
  try {
    const made = makeOffline(outDir, root);
    expect(made.files).toBeGreaterThan(50);
    const zipped = readFileSync(made.zipFile);
    // The zip's own table of contents: the end record's count, and the names in the central directory.
    expect(zipped.readUInt32LE(zipped.length - 22)).toBe(0x06054b50);
    expect(zipped.readUInt16LE(zipped.length - 22 + 10)).toBe(made.files);
    const names = zipped.toString('latin1');
    for (const n of ['serve.mjs', 'START-HERE.txt', 'index.html', 'output-delta/index.html']) expect(names).toContain(`${OFFLINE_NAME}/${n}`);
    // Where a zip program exists, it must agree that the archive is whole (unzip -t checks every CRC).
    const unzip = spawnSync('unzip', ['-tq', made.zipFile], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.stdout + unzip.stderr).toContain('No errors detected');
    expect(existsSync(join(made.folder, 'serve.mjs'))).toBe(true);
    const server = await startServer(join(made.folder, 'serve.mjs'), []);
    try {
      const problems = watch(page, server.origin);
      await widgetWorks(page, `${server.origin}/output-delta/`);
      expect((await fetch(`${server.origin}/no-such-page/`)).status).toBe(404);
      expect(problems).toEqual([]);
    } finally { server.child.kill(); }
  } finally { rmSync(root, { recursive: true, force: true }); }
});
