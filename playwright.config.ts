// playwright.config.ts — browser tests against the BUILT site, served by `astro preview`.
// `npm test` builds first; to run these alone: `npm run build && npm run test:e2e`.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromium } from '@playwright/test';
import { freePort } from './tests/support/free-port.ts';

// The tests only ever talk to the preview server this run starts (reuseExistingServer: false), on a port
// that was free when the run began: a stale build or another checkout's server on a fixed port would
// otherwise be tested instead. This module is evaluated in the main process and again in every worker;
// the main process picks the port and passes it to the workers (which inherit its environment) in
// BP_E2E_PORT. BP_PORT forces a port; BP_OUT_DIR tests another build folder than dist/.
process.env['BP_E2E_PORT'] ??= process.env['BP_PORT'] ?? String(await freePort());
const PORT = Number(process.env['BP_E2E_PORT']);
const OUT_DIR = process.env['BP_OUT_DIR'] ?? 'dist';

/** Chromium to drive, in order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  fail('No Chromium found for the browser tests.');
}

function fail(problem: string): never {
  console.error(`
${problem}
Install one of:
  - Debian/Ubuntu:  sudo apt-get install chromium        (then it is found at /usr/bin/chromium)
  - any system:     npx playwright install chromium      (Playwright's own build; needs internet)
  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test
`);
  process.exit(1);
}

if (!existsSync(`${OUT_DIR}/index.html`)) {
  console.error('\nThe site is not built yet: run `npm run build` first (or the whole `npm test`).\n');
  process.exit(1);
}

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  forbidOnly: !!process.env['CI'],
  fullyParallel: true,
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace snapshots the whole page on every action: on the book's long pages that alone doubled
    // some tests' time under load. BP_TRACE=1 records them (kept for failing tests) when debugging.
    trace: process.env['BP_TRACE'] ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // Debian's Chromium as root in a container, on a machine without internet: no sandbox,
          // no GPU, and no background calls home (they would be refused and slow every start).
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--no-first-run', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    // --ignore-lock: Astro 7 allows one preview server per project unless told otherwise.
    command: `astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
