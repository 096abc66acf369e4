// make-offline.ts — `npm run offline`: the built book as one zip to copy onto a USB stick or a lab machine.
// It holds the site (dist/ or $BP_OUT_DIR, built with the default base '/'), serve.mjs (a one-file Node
// server) and START-HERE.txt. Why not just the HTML files: Chromium does not run module scripts from
// file:// (tests/e2e/hosting.spec.ts checks it), so a copy opened from disk shows its numbers but no
// widget moves; `node serve.mjs` serves it on 127.0.0.1 with everything working and nothing going out.
// The zip is written here (store + deflate, CRC from node:zlib), so no zip program is needed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const OFFLINE_NAME = 'backprop-step-by-step';

export const START_HERE = `Backprop, Step by Step: the offline copy
=========================================

1. Install Node.js 18 or later (https://nodejs.org/), once.
2. In this folder, run:   node serve.mjs
3. Open the address it prints (http://127.0.0.1:4321/) in your browser.

Everything is served from this folder; nothing is fetched from the internet.
Another port: node serve.mjs --port 8080

Why not double-click index.html? Browsers do not run the book's scripts from file://
addresses: the pages would show their numbers, but no widget would move.
`;

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A zip archive (PKZIP 2.0: deflate, or stored when deflate does not help) of `entries` (name → bytes). */
export function zip(entries: { name: string; bytes: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1 January 2000, 00:00 in MS-DOS format: a fixed date, so the same site gives the same zip.
  const dosTime = 0, dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (const { name, bytes } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(bytes, { level: 9 });
    const stored = deflated.length >= bytes.length;
    const data = stored ? bytes : deflated;
    const crc = crc32(bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8); local.writeUInt16LE(dosTime, 10); local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10); central.writeUInt16LE(dosTime, 12); central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Copies the site, serve.mjs and START-HERE.txt into `<outRoot>/<OFFLINE_NAME>/` and zips that folder. */
export function makeOffline(siteDir: string, outRoot: string): { folder: string; zipFile: string; files: number; bytes: number } {
  if (!existsSync(join(siteDir, 'index.html'))) throw new Error(`${siteDir}/index.html is missing: run \`npm run build\` first`);
  const folder = join(outRoot, OFFLINE_NAME);
  rmSync(folder, { recursive: true, force: true });
  const entries: { name: string; bytes: Buffer }[] = [];
  for (const rel of filesUnder(siteDir)) {
    const to = join(folder, rel);
    mkdirSync(join(to, '..'), { recursive: true });
    copyFileSync(join(siteDir, rel), to);
    entries.push({ name: `${OFFLINE_NAME}/${rel}`, bytes: readFileSync(join(siteDir, rel)) });
  }
  const serveMjs = readFileSync(new URL('./serve.mjs', import.meta.url));
  writeFileSync(join(folder, 'serve.mjs'), serveMjs);
  writeFileSync(join(folder, 'START-HERE.txt'), START_HERE);
  entries.push({ name: `${OFFLINE_NAME}/serve.mjs`, bytes: serveMjs }, { name: `${OFFLINE_NAME}/START-HERE.txt`, bytes: Buffer.from(START_HERE) });
  const zipFile = join(outRoot, `${OFFLINE_NAME}.zip`);
  writeFileSync(zipFile, zip(entries));
  return { folder, zipFile, files: entries.length, bytes: statSync(zipFile).size };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(sep).join('/'))) {
  const site = process.env['BP_OUT_DIR'] ?? 'dist';
  const r = makeOffline(site, 'offline');
  console.log(`${r.zipFile}: ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MB (unzipped: ${r.folder}). Start it with: node serve.mjs`);
}
