// preview.ts — starts `astro preview` on the built site for a script (screenshots, benchmarks) and returns
// the origin it actually serves. astro preview moves to the next port when the one asked for is taken,
// so the origin is read from what the server prints, never assumed: a script never measures a server
// it did not start (another checkout's, or a stale build's).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

export interface Preview {
  readonly origin: string;
  stop(): void;
}

/** The build folder the scripts serve: BP_OUT_DIR, as in astro.config.mjs, else dist/. */
export const outDir = process.env['BP_OUT_DIR'] ?? 'dist';

/** Serves `dir` (default: outDir) on `port` (default: a free one). */
export async function startPreview(port?: number, dir = outDir): Promise<Preview> {
  if (!existsSync(`${dir}/index.html`)) {
    throw new Error(`There is no build in ${dir}/: run \`npm run build\` first.`);
  }
  const asked = port ?? await freePort();
  // Astro's own bin through this Node (≥ 22.12, as under `npm run`), not whatever `astro` is on the PATH.
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  const server: ChildProcess = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(asked), '--ignore-lock'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BP_OUT_DIR: dir }, // astro.config.mjs reads it
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`astro preview printed no address within 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (found) { clearTimeout(timer); resolve(found[1]!); }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => { clearTimeout(timer); reject(new Error(`astro preview exited (${code}):\n${out}`)); });
  });
  // Wait until it answers (the banner comes first).
  for (let i = 0; ; i++) {
    try { if ((await fetch(origin)).ok) break; } catch { /* not up yet */ }
    if (i > 100) throw new Error(`astro preview at ${origin} does not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, stop: () => { server.kill(); } };
}
