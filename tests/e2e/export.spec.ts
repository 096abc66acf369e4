// Export through the real UI: change an input with the widget's own controls, Export → JSON test vectors,
// NumPy script, PyTorch script (real downloads). The JSON is the state on screen: its inputs are what was
// typed, every number the widget shows is in it with the value the page prints, and its numbers agree
// with the formulas computed here (tests/fixtures/oracle-export.ts, plain loops, not the engine). The
// downloaded NumPy script is run with python3 when numpy is there and must print that all checks passed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { canonical, readMarked } from './numbers';
import { fmt, type NumberStyle } from '../../src/format/number';
import { denseOracle } from '../fixtures/oracle-export';

interface Vectors {
  schema: string; version: number; widget: string;
  conventions: { loss: 'halfSquaredErrorSum' | 'binaryCrossEntropy'; learningRate: number; reduction: { samples: string; outputs: string } };
  inputs: { X: number[][]; Y: number[][] };
  parameters: { activation: string; W: number[][]; b: number[][] }[];
  forward: { z: number[][]; a: number[][] }[];
  loss: number;
  backward: { layers: { delta: number[][]; dLdW: number[][]; dLdb: number[][] }[] };
  update: { parameters: { W: number[][]; b: number[][] }[]; lossNext: number };
  shown: Record<string, [number, string]>;
  notes: string[];
}

const at = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)[k], tree);
const numpy = (() => { const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }); return !r.error && r.status === 0; })();

/** The exporting widgets, the page they are on, and what a reader changes before exporting. */
const CASES: { path: string; id: string; model: string; change: (w: Locator) => Promise<void>; typed: (v: Vectors) => void }[] = [
  {
    path: '/output-delta/', id: 'od1', model: 'output-delta',
    change: async (w) => { await field(w, 'Input x').fill('2'); },
    typed: (v) => { expect(v.inputs.X).toEqual([[2]]); },
  },
  {
    path: '/hidden-delta/', id: 'hd1', model: 'hidden-delta',
    change: async (w) => { await field(w, 'Target y').fill('0.25'); },
    typed: (v) => { expect(v.inputs.Y).toEqual([[0.25]]); },
  },
  {
    path: '/neurons-in-parallel/', id: 'pn1', model: 'parallel-neurons',
    change: async (w) => { await field(w, 'Input x').fill('-1.5'); },
    typed: (v) => { expect(v.inputs.X).toEqual([[-1.5]]); },
  },
  {
    path: '/weight-update/', id: 'wu1', model: 'weight-update',
    change: async (w) => {
      await field(w, 'Learning rate α').fill('2');
      for (let i = 0; i < 3; i++) await w.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(w.locator('[data-v="steps"]').first()).toHaveText('3');
    },
    typed: (v) => { expect(v.conventions.learningRate).toBe(2); expect(v.notes.join(' ')).toContain('after 3 steps'); },
  },
  {
    path: '/network-2-2-1/', id: 'n1', model: 'network-2-2-1',
    change: async (w) => { await field(w, 'W⁽¹⁾ row 1, column 1').fill('1.5'); },
    typed: (v) => { expect(v.parameters[0]!.W[0]![0]).toBe(1.5); },
  },
  {
    path: '/training-xor/', id: 'xor1', model: 'xor-trainer',
    change: async (w) => {
      await w.getByRole('radio', { name: 'binary cross-entropy' }).check();
      for (let i = 0; i < 2; i++) await w.getByRole('button', { name: 'Step ×100', exact: true }).click();
      await expect(w.locator('[data-v="epoch"]').first()).toHaveText('200');
    },
    typed: (v) => { expect(v.conventions.loss).toBe('binaryCrossEntropy'); expect(v.conventions.reduction.samples).toBe('mean'); expect(v.notes.join(' ')).toContain('after 200 epochs'); },
  },
];

function field(w: Locator, label: string): Locator {
  return w.getByRole('textbox', { name: label, exact: true });
}

async function open(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(`${path}#${id}`);
  const w = page.locator(`bp-widget#${id}`);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', '');
  return w;
}

/** Clicks one of the Export menu's buttons and waits for its download. */
async function download(page: Page, w: Locator, label: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: label, exact: true }).click()]);
  return file;
}

const text = async (d: Download) => readFileSync(await d.path(), 'utf8');
/** The vectors a script embeds (json.loads(r'''…''')). */
const embedded = (script: string) => JSON.parse(/json\.loads\(r'''\n([\s\S]*?)\n'''\)/.exec(script)![1]!) as Vectors;

function close(got: number[][] | number, want: number[][] | number, what: string): void {
  const g = [got].flat(2), w = [want].flat(2);
  expect(g.length, what).toBe(w.length);
  g.forEach((v, i) => expect(Math.abs(v - w[i]!), `${what}[${i}]: ${v} vs ${w[i]}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w[i]!))));
}

for (const c of CASES) {
  test(`${c.model}: after changing an input, Export downloads the numbers on screen as JSON, NumPy and PyTorch`, async ({ page }) => {
    const w = await open(page, c.path, c.id);
    await c.change(w);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length);
    const exportButton = w.getByRole('button', { name: 'Export', exact: true });
    await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
    await exportButton.click();
    await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
    // The menu's code came with the click (a dynamic import), not with the page.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length)).toBeGreaterThan(before);

    const json = await download(page, w, 'JSON test vectors');
    expect(json.suggestedFilename()).toBe(`${c.id}-${c.model}.json`);
    const v = JSON.parse(await text(json)) as Vectors;
    expect(v.schema).toBe('backprop-step-by-step/test-vectors');
    expect(v.version).toBe(1);
    expect(v.widget).toBe(c.model);
    c.typed(v);
    await expect(w.locator('[data-link-status]')).toHaveText(`Downloaded ${c.id}-${c.model}.json: the numbers shown now.`);

    // Every number the widget shows under a name the file lists reads as the file's value.
    const marks = (await readMarked(w)).filter((m) => Object.hasOwn(v.shown, m.name));
    expect(marks.length, 'marked numbers that the file holds').toBeGreaterThan(5);
    for (const m of marks) {
      const value = v.shown[m.name]![0];
      const want = fmt(value, m.digits === undefined ? { style: m.style as NumberStyle } : { style: m.style as NumberStyle, digits: m.digits });
      expect(canonical(m.text), `${m.name}`).toBe(canonical(want));
    }
    for (const [name, [value, path]] of Object.entries(v.shown)) expect(at(v, path), `${name} at ${path}`).toBe(value);

    // The file's numbers from its inputs and parameters, by the formulas (not the engine).
    const o = denseOracle(v.parameters, v.inputs.X, v.inputs.Y, v.conventions.loss, v.conventions.learningRate);
    v.forward.forEach((f, l) => { close(f.z, o.zs[l]!, `z${l + 1}`); close(f.a, o.as[l]!, `a${l + 1}`); });
    close(v.loss, o.loss, 'L');
    v.backward.layers.forEach((b, l) => { close(b.delta, o.deltas[l]!, `δ${l + 1}`); close(b.dLdW, o.dLdW[l]!, `∂L/∂W${l + 1}`); close(b.dLdb, o.dLdb[l]!, `∂L/∂b${l + 1}`); });
    v.update.parameters.forEach((p, l) => { close(p.W, o.next[l]!.W, `W${l + 1} after`); close(p.b, o.next[l]!.b, `b${l + 1} after`); });
    close(v.update.lossNext, o.lossNext, 'L after the step');

    const np = await download(page, w, 'NumPy script');
    expect(np.suggestedFilename()).toBe(`${c.id}-${c.model}_numpy.py`);
    const npText = await text(np);
    expect(embedded(npText)).toEqual(v);
    const torch = await download(page, w, 'PyTorch script');
    expect(torch.suggestedFilename()).toBe(`${c.id}-${c.model}_torch.py`);
    const torchText = await text(torch);
    expect(embedded(torchText)).toEqual(v);
    expect(torchText).toContain('L.backward()');
    expect(torchText).toContain('reduction="sum"');

    if (numpy) {
      const r = spawnSync('python3', [await np.path()], { encoding: 'utf8', timeout: 60_000 });
      const checks = v.parameters.length * 8 + 3 + Object.keys(v.shown).length;
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe(`all ${checks} checks passed`);
    } else {
      test.info().annotations.push({ type: 'skipped', description: 'python3 with numpy not found: the downloaded NumPy script was not run' });
    }
  });
}

test('the one-neuron example at x = 2: the file says z = 0.7 and the page shows it', async ({ page }) => {
  const w = await open(page, '/output-delta/', 'od1');
  await field(w, 'Input x').fill('2');
  await expect(w.locator('[data-v="z"]').first()).toHaveText('0.7');
  await w.getByRole('button', { name: 'Export', exact: true }).click();
  const v = JSON.parse(await text(await download(page, w, 'JSON test vectors'))) as Vectors;
  expect(v.forward[0]!.z[0]![0]).toBeCloseTo(0.7, 15);
  expect(v.parameters).toEqual([{ activation: 'sigmoid', W: [[0.3]], b: [[0.1]] }]);
  expect(v.conventions.learningRate).toBe(0.1);
});

test('Export works from the keyboard: Enter opens the three downloads, Escape closes them and returns focus', async ({ page }) => {
  const w = await open(page, '/output-delta/', 'od1');
  const exportButton = w.getByRole('button', { name: 'Export', exact: true });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const first = w.getByRole('button', { name: 'JSON test vectors', exact: true });
  await expect(first).toBeFocused();
  await expect(w.getByRole('group', { name: 'Export the current numbers' }).getByRole('button')).toHaveText(['JSON test vectors', 'NumPy script', 'PyTorch script']);
  await page.keyboard.press('Escape');
  await expect(exportButton).toBeFocused();
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  await expect(first).toBeHidden();
});

test('a widget that does not export shows no Export button', async ({ page }) => {
  const w = await open(page, '/sigmoid-derivative/', (await page.goto('/sigmoid-derivative/'), await page.locator('bp-widget').first().getAttribute('id'))!);
  await expect(w.getByRole('button', { name: 'Reset', exact: true })).toBeVisible();
  await expect(w.getByRole('button', { name: 'Export' })).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open Export menu has no WCAG 2.2 A/AA violations in the ${colorScheme} theme, on a phone`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const w = await open(page, '/weight-update/', 'wu1');
    await w.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(w.getByRole('button', { name: 'PyTorch script', exact: true })).toBeVisible();
    // Nothing in the widget wider than the phone's screen with the menu open.
    expect(await w.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const { violations } = await new AxeBuilder({ page }).include('bp-widget#wu1').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await context.close();
  });
}
