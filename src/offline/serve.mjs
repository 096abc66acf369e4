#!/usr/bin/env node
// serve.mjs — the book's offline copy: a static file server in one file, no dependencies, Node 18 or later.
//   node serve.mjs                 serves the folder this file is in at http://127.0.0.1:4321/
//   node serve.mjs --port 8080 --base /book/ --dir dist
// Why a server at all: opened straight from disk (file://), Chromium refuses the book's module scripts
// (and fonts), so the pages show their worked numbers but no widget moves. From 127.0.0.1 everything works,
// and nothing leaves the machine. Only GET/HEAD; paths are kept inside the folder; a missing page gets
// the book's 404.html with status 404.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.xml': 'application/xml',
};

/** Options from argv: --dir (default: this file's folder), --base (default '/'), --port (default 4321), --host. */
export function parseArgs(argv) {
  const get = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback; };
  const base = `/${get('base', '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { dir: resolve(get('dir', dirname(fileURLToPath(import.meta.url)))), base, port: Number(get('port', '4321')), host: get('host', '127.0.0.1') };
}

/** The file that serves `pathname` under `base` in `dir`, or null (outside the base, outside the folder, or missing). */
export function fileFor(dir, base, pathname) {
  let path;
  try { path = decodeURIComponent(pathname); } catch { return null; }
  if (!path.startsWith(base)) return null;
  const rel = normalize(path.slice(base.length));
  const full = join(dir, rel);
  if (full !== dir && !full.startsWith(dir + sep)) return null;
  for (const candidate of [full, join(full, 'index.html'), `${full}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Starts the server; resolves with it once it listens. */
export function serve({ dir, base, port, host }) {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // /book → /book/ (relative URLs in the page resolve against the folder).
    if (`${url.pathname}/` === base) { res.writeHead(301, { location: base + url.search }).end(); return; }
    let file = fileFor(dir, base, url.pathname);
    // A folder without the trailing slash: redirect, as static hosts do, so its relative links work.
    if (file && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith('/') && !url.pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end(); return;
    }
    let status = 200;
    if (!file) { status = 404; file = existsSync(join(dir, '404.html')) ? join(dir, '404.html') : null; }
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'); return; }
    res.writeHead(status, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  serve(options).then(
    (server) => {
      const address = server.address();
      console.log(`Backprop, Step by Step: http://${options.host}:${address.port}${options.base}  (Ctrl+C to stop)`);
    },
    (e) => { console.error(`Could not start the server: ${e.message}${e.code === 'EADDRINUSE' ? ' (try --port 8080)' : ''}`); process.exit(1); },
  );
}
