// cells.spec.ts — the notebook cells: the output in the HTML is what Run computes in the browser; an edit
// gives the number the closed form predicts for it; links carry code that is shown and not run; the worker
// stops endless loops, cannot reach the page, the network or storage; nothing leaves the site.
// What every cell promises as a component (hostile links, axe) is in contract.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { fmt } from '../../src/format/number';
import { hiddenDeltaCell, outputDeltaCell, pitfallsCellSlopeOfZ, weightUpdateCell } from '../fixtures/oracle-cells';
import { builtCells, openCell, readOutput, run, type FoundCell } from './cells';

const cells = builtCells();
const OD: FoundCell = { path: '/output-delta/', id: 'odcell', title: 'The output delta by hand and by the engine' };

/** Fails the test on any request to another origin (page.route sees every request the page or its workers make). */
async function noRequestLeaves(page: Page, baseURL: string): Promise<string[]> {
  const left: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    left.push(url);
    return route.abort();
  });
  return left;
}

test('the build has cells, at least one on every chapter from the output delta on', () => {
  const pages = new Set(cells.map((c) => c.path));
  const chapters = ['output-delta', 'hidden-delta', 'weight-update', 'loss-and-batches', 'neurons-in-parallel', 'network-2-2-1', 'general-formulation', 'training-xor', 'mini-batches', 'pitfalls'];
  for (const p of chapters) expect(pages, p).toContain(`/${p}/`);
});

for (const c of cells) {
  test(`${c.id} on ${c.path}: Run in the browser prints exactly the output the build wrote`, async ({ page, baseURL }) => {
    const left = await noRequestLeaves(page, baseURL!);
    const cell = await openCell(page, c);
    const built = await readOutput(cell);
    expect(built.lines.length).toBeGreaterThan(0);
    await run(cell);
    await expect(cell.locator('[data-cell-status]')).toHaveText(/^Ran in \d+ ms\.$/);
    const ran = await readOutput(cell);
    expect(ran.lines).toEqual(built.lines);
    expect(ran.numbers.length).toBe(built.numbers.length);
    ran.numbers.forEach((n, i) => expect(n).toBeCloseTo(built.numbers[i]!, 12));
    expect(left).toEqual([]);
  });
}

test.describe('the output-delta cell', () => {
  test('prints δ and ∂L/∂w by hand and by the engine, as the closed forms give them (δ = −0.2308 written out)', async ({ page }) => {
    const cell = await openCell(page, OD);
    const o = outputDeltaCell();
    const { numbers, lines } = await readOutput(cell);
    expect(numbers.map((n) => fmt(n))).toEqual([o.hand, o.handW, o.delta, o.dLdw].map((n) => fmt(n)));
    numbers.forEach((n, i) => expect(n).toBeCloseTo([o.hand, o.handW, o.delta, o.dLdw][i]!, 12));
    expect(lines[0]).toBe('by hand: δ = −0.2308   ∂L/∂w = δx = −0.1154');
  });

  test('forgetting σ′(z) (deleting the factor a(1 − a)) prints δ = a − y, as the closed form predicts', async ({ page }) => {
    const cell = await openCell(page, OD);
    const code = cell.getByRole('textbox', { name: /^Code/ });
    await code.fill((await code.inputValue()).replace('(a - y) * a * (1 - a)', '(a - y)'));
    await run(cell);
    const wrong = outputDeltaCell(true);
    const { numbers } = await readOutput(cell);
    expect(numbers[0]).toBeCloseTo(wrong.hand, 12);
    expect(numbers[1]).toBeCloseTo(wrong.handW, 12);
    expect(numbers[2]).toBeCloseTo(wrong.delta, 12);   // the engine still has σ′
    expect(fmt(numbers[0]!)).toBe('−0.9378');   // a − y = σ(0.25) − 1.5, written out
    await cell.getByRole('button', { name: 'Reset', exact: true }).click();
    expect((await readOutput(cell)).lines[0]).toBe('by hand: δ = −0.2308   ∂L/∂w = δx = −0.1154');
  });

  test('Copy link carries the edited code; the link shows it, says it came from a link, and runs nothing until Run', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const cell = await openCell(page, OD);
    const code = cell.getByRole('textbox', { name: /^Code/ });
    const edited = `${await code.inputValue()}\nprint('edited', 6 * 7)`;
    await code.fill(edited);
    await cell.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(cell.locator('[data-cell-status]')).toHaveText('Link copied. It opens this page with this code in the cell, not yet run.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('odcell.code')).toBe(edited);

    const other = await context.newPage();
    const workers: string[] = [];
    other.on('worker', (w) => workers.push(w.url()));
    await other.goto(link);
    const again = other.locator('bp-cell#odcell');
    await expect(again.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
    await expect(again.getByRole('textbox', { name: /^Code/ })).toHaveValue(edited);
    await expect(again.locator('[data-cell-note]')).toContainText('This code came from a link');
    expect((await readOutput(again)).lines).toEqual(['Not run yet: press Run to see what this code prints.']);
    await other.waitForTimeout(500);
    expect(workers, 'no worker before Run').toEqual([]);
    await run(again);
    expect((await readOutput(again)).lines.at(-1)).toBe('edited 42');
  });

  test('while (true) {} is stopped within the time limit, and the page answers a click meanwhile', async ({ page }) => {
    const cell = await openCell(page, OD);
    await cell.getByRole('textbox', { name: /^Code/ }).fill('print("before")\nwhile (true) {}');
    const started = Date.now();
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    // A click elsewhere while the loop spins: the theme toggle still works at once.
    const toggle = page.locator('.theme-toggle, [data-theme-toggle]').first();
    const theme = await page.evaluate(() => document.documentElement.dataset['theme']);
    await toggle.click({ timeout: 2_000 });   // well inside the 3 s the loop runs (1 s was tight at a load average of 18)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme']), { timeout: 1_000 }).not.toBe(theme);
    await expect(cell.locator('[data-cell-output]')).toContainText('Stopped after 3 s', { timeout: 8_000 });
    expect(Date.now() - started).toBeLessThan(7_000);
    // A fresh worker on the next Run.
    await cell.getByRole('textbox', { name: /^Code/ }).fill('print(1 + 1)');
    await run(cell);
    expect((await readOutput(cell)).lines).toEqual(['2']);
  });

  test('code that touches the page, storage or the network fails inside the worker and the page is untouched', async ({ page, baseURL }) => {
    const left = await noRequestLeaves(page, baseURL!);
    const cell = await openCell(page, OD);
    await page.evaluate(() => localStorage.setItem('bp-probe', 'kept'));
    const title = await page.title();
    const code = cell.getByRole('textbox', { name: /^Code/ });
    const attempts: [string, RegExp][] = [
      ['document.title = "owned"', /ReferenceError: document is not defined \(line 1\)/],
      ['window.alert(1)', /ReferenceError: window is not defined \(line 1\)/],
      ['localStorage.clear()', /ReferenceError: localStorage is not defined \(line 1\)/],
      ['fetch("https://example.com/")', /TypeError: fetch is not a function \(line 1\)/],
      ['importScripts("https://example.com/x.js")', /TypeError: importScripts is not a function \(line 1\)/],
      ['new XMLHttpRequest()', /TypeError: XMLHttpRequest is not a constructor \(line 1\)/],
      ['new WebSocket("wss://example.com/")', /TypeError: WebSocket is not a constructor \(line 1\)/],
      ['indexedDB.open("x")', /TypeError: Cannot read properties of undefined/],
      ['print(1)\n(() => {}).constructor("return fetch")()', /TypeError: .* is not a function \(line 2\)/],
      ['import("https://example.com/x.js")', /a cell cannot import modules/],
    ];
    for (const [attempt, said] of attempts) {
      await code.fill(attempt);
      await run(cell);
      await expect(cell.locator('[data-cell-output] [data-error]')).toHaveText(said);
    }
    // What is left in the worker's global scope: none of the ways out.
    await code.fill('print(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource, typeof importScripts, typeof indexedDB, typeof caches, typeof eval, typeof Function)');
    await run(cell);
    expect((await readOutput(cell)).lines).toEqual([Array(9).fill('undefined').join(' ')]);
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => localStorage.getItem('bp-probe'))).toBe('kept');
    expect(left).toEqual([]);
  });

  test('the page’s Content-Security-Policy (a <meta>) refuses scripts it did not ship; the worker has no such policy (it compiles code), so it locks itself down', async ({ page }) => {
    await page.goto(OD.path);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // An inline script the page did not ship (its hash is not in the policy) is refused.
    const blocked = await page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.name = "ran"';
      document.head.append(s);
      setTimeout(() => resolve(window.name === 'ran' ? 'ran' : 'no event'), 1_000);
    }));
    expect(blocked).toMatch(/^script-src/);
    // The cell compiles the reader's code with new Function inside its worker: the page's policy does not reach it.
    const cell = await openCell(page, OD);
    await cell.getByRole('textbox', { name: /^Code/ }).fill('print("compiled in the worker")');
    await run(cell);
    expect((await readOutput(cell)).lines).toEqual(['compiled in the worker']);
  });

  test('output is written as text: markup in a string is shown, never parsed', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const cell = await openCell(page, OD);
    await cell.getByRole('textbox', { name: /^Code/ }).fill('print("<img src=x onerror=alert(1)>")');
    await run(cell);
    expect((await readOutput(cell)).lines).toEqual(['<img src=x onerror=alert(1)>']);
    expect(await cell.locator('[data-cell-output] img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('an endless print is cut at the output limit with a line saying so', async ({ page }) => {
    const cell = await openCell(page, OD);
    await cell.getByRole('textbox', { name: /^Code/ }).fill('for (let i = 0; i < 1e6; i++) print(i)');
    await run(cell);
    const { lines } = await readOutput(cell);
    expect(lines.length).toBe(401);
    expect(lines.at(-1)).toMatch(/^Output stopped here: a cell prints at most 400 lines/);
  });

  test('Tab moves focus out of the code until the reader opts in; then Tab indents, and Escape then Tab leaves', async ({ page }) => {
    const cell = await openCell(page, OD);
    const code = cell.getByRole('textbox', { name: /^Code/ });
    await code.focus();
    await page.keyboard.press('Tab');
    await expect(code).not.toBeFocused();
    await cell.getByRole('checkbox', { name: /Tab key indents/ }).check();
    await code.fill('x');
    await code.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await expect(code).toBeFocused();
    await expect(code).toHaveValue('x  ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(code).not.toBeFocused();
    // Ctrl+Enter runs.
    await code.fill('print(3 * 4)');
    await code.press('Control+Enter');
    await expect(cell.locator('[data-cell-output]')).toHaveText('12');
  });
});


test.describe('the cells’ numbers are the closed forms', () => {
  const close = (got: number[], want: number[]) => {
    expect(got.length).toBe(want.length);
    got.forEach((n, i) => expect(n, `number ${i + 1}`).toBeCloseTo(want[i]!, 12));
  };

  test('the hidden-delta cell: δ⁽²⁾, δ⁽¹⁾ and ∂L/∂w⁽¹⁾, by hand and by the engine (δ⁽¹⁾ = −0.03009 written out)', async ({ page }) => {
    const cell = await openCell(page, { path: '/hidden-delta/', id: 'hdcell', title: '' });
    const { numbers, lines } = await readOutput(cell);
    close(numbers, hiddenDeltaCell());
    expect(lines[1]).toBe('δ⁽¹⁾ by hand: −0.03009   engine: −0.03009');
  });

  test('the weight-update cell: five steps of w ← w − αδx, b ← b − αδ and the loss after each', async ({ page }) => {
    const cell = await openCell(page, { path: '/weight-update/', id: 'wucell', title: '' });
    close((await readOutput(cell)).numbers, weightUpdateCell());
  });

  test('the pitfalls cell: σ′ handed z fails the gradient check by the relative error the closed form predicts', async ({ page }) => {
    const cell = await openCell(page, { path: '/pitfalls/', id: 'pfcell', title: '' });
    const code = cell.getByRole('textbox', { name: /^Code/ });
    await code.fill((await code.inputValue()).replace('const sigmaPrime = (z) => sigma(z) * (1 - sigma(z));', 'const sigmaPrime = (z) => z * (1 - z);'));
    await run(cell);
    const { wrong, right } = pitfallsCellSlopeOfZ();
    const { numbers, lines } = await readOutput(cell);
    expect(numbers[0]).toBeCloseTo(wrong, 12);
    expect(numbers[1]).toBeCloseTo(right, 8);    // the numerical derivative: five-point, to its accuracy
    expect(numbers[2]).toBeCloseTo(Math.abs(wrong - right) / Math.max(Math.abs(wrong), Math.abs(right)), 6);
    expect(lines.at(-1)).toMatch(/\(fails: look for the bug\)$/);
  });
});

test('code that posts its own “started” messages cannot push the time limit back', async ({ page }) => {
  const cell = await openCell(page, OD);
  await cell.getByRole('textbox', { name: /^Code/ }).fill('let t = Date.now();\nwhile (true) { if (Date.now() - t > 50) { t = Date.now(); self.postMessage({ kind: "started" }); } }');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('[data-cell-output]')).toContainText('Stopped after 3 s', { timeout: 8_000 });
});
