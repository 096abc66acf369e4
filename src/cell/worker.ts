// worker.ts — the cell's dedicated module Web Worker: the engine is bundled into it, and the reader's code
// runs here, never on the page. A worker loaded from a same-origin URL gets its Content-Security-Policy from
// HTTP headers only (not from the page's <meta>), and a static host may send none, so before any reader code
// runs this worker removes what could reach the network or storage itself. It has no DOM, no window, no
// localStorage and no cookies to begin with.
import * as engine from '../engine/index.ts';
import { runCell } from './run.ts';
import { errorLine, type OutputLine } from './format.ts';

/** Messages the page sends: the code to run. */
export interface RunRequest { readonly code: string }
/** Messages this worker sends: "started" (the time limit counts from here), then the output. */
export type RunReply = { readonly kind: 'started' } | { readonly kind: 'done'; readonly lines: readonly OutputLine[]; readonly failed: boolean };

const scope = self as unknown as Record<string, unknown> & { postMessage(m: RunReply): void; onmessage: unknown };
const post = scope.postMessage.bind(scope);

// Everything that can send or fetch, open storage, or start more code: gone from the worker's global scope
// and from its prototypes (a deleted global can often still be reached as a property of `self`'s prototype chain).
const BLOCKED = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB', 'caches',
  'Request', 'BroadcastChannel', 'Worker', 'SharedWorker', 'FileSystemHandle', 'storageFoundation', 'RTCPeerConnection',
  'Notification', 'ServiceWorker', 'CookieStore', 'cookieStore', 'IDBFactory', 'CacheStorage', 'WebAssembly', 'Atomics',
];
function neuter(): void {
  for (const name of BLOCKED) {
    for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      try { if (Object.hasOwn(o, name)) Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false }); } catch { /* not configurable: checked below */ }
    }
  }
  const nav = (scope as { navigator?: object }).navigator;
  for (const name of ['sendBeacon', 'storage', 'locks', 'serviceWorker']) {
    for (let o: object | null = nav ?? null; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      try { if (Object.hasOwn(o, name)) Object.defineProperty(o, name, { value: undefined, configurable: false }); } catch { /* ignore */ }
    }
  }
  // No code from strings after the cell is compiled: eval and every Function constructor, so that an
  // import() cannot be built from a string at run time (the cell's own text is checked for `import`).
  try { Object.defineProperty(scope, 'eval', { value: undefined, configurable: false }); } catch { /* ignore */ }
  for (const f of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    try { Object.defineProperty(Object.getPrototypeOf(f), 'constructor', { value: undefined, configurable: false }); } catch { /* ignore */ }
  }
  try { Object.defineProperty(scope, 'Function', { value: undefined, configurable: false }); } catch { /* ignore */ }
}

let neutered = false;
scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const code = String(event.data?.code ?? '');
  // import() is syntax, not a global: it cannot be removed, so code that says `import` is not run.
  if (/\bimport\b/.test(code)) {
    post({ kind: 'done', lines: [errorLine(new Error('a cell cannot import modules; the engine is already here as `engine`'))], failed: true });
    return;
  }
  post({ kind: 'started' });
  // Compile with the real Function constructor, then take it away before the code runs.
  const result = runCell(code, engine, () => { if (!neutered) { neuter(); neutered = true; } });
  post({ kind: 'done', lines: result.lines, failed: result.failed });
};
