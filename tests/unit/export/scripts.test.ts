// Export's Python scripts: the NumPy script, run with python3 on each exporting widget's vectors at a
// changed state, recomputes every number and prints that all its checks passed (and fails on a file
// with one number changed); the PyTorch script has the same checks, uses autograd and PyTorch's loss
// reductions as the file states them, and is run too wherever `import torch` works.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCount, numpyScript, torchScript } from '../../../src/export/scripts';
import { vectorsJson, type TestVectors } from '../../../src/export/vectors';
import { EXPORT_CASES, exportAt } from './cases';

const python = (args: string[], cwd?: string) => spawnSync('python3', args, { cwd, encoding: 'utf8', timeout: 60_000 });
const has = (module: string) => { const r = python(['-c', `import ${module}`]); return !r.error && r.status === 0; };
const NUMPY = has('numpy');
const TORCH = NUMPY && has('torch');

const dir = mkdtempSync(join(tmpdir(), 'bp-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a case's JSON and script into the temp dir; returns the file names. */
function write(label: string, v: TestVectors, script: (v: TestVectors) => string, suffix: string) {
  const base = label.replace(/[^a-z0-9]+/gi, '-');
  writeFileSync(join(dir, `${base}.json`), vectorsJson(v));
  writeFileSync(join(dir, `${base}${suffix}`), script(v));
  return { json: `${base}.json`, script: `${base}${suffix}` };
}

const changed = EXPORT_CASES.filter(([label]) => !label.endsWith('defaults'));

describe.skipIf(!NUMPY)(`the NumPy script, run by python3${NUMPY ? '' : ' (SKIPPED: python3 with numpy not found; CI installs python3-numpy)'}`, () => {
  test.each(changed)('%s: all checks pass, from the embedded vectors and from the JSON file', (label, model, values) => {
    const { vectors } = exportAt(model, values);
    const f = write(label, vectors, numpyScript, '_numpy.py');
    const n = checkCount(vectors);
    for (const args of [[f.script], [f.script, f.json]]) {
      const r = python(args, dir);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout.trim()).toBe(`all ${n} checks passed`);
      expect(r.status).toBe(0);
    }
  });
  test('a file with one number changed fails, naming it', () => {
    const [label, model, values] = changed[0]!;
    const { vectors } = exportAt(model, values);
    const f = write(`${label} tampered`, { ...vectors, loss: vectors.loss + 1e-6 }, numpyScript, '_numpy.py');
    const r = python([f.script], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^MISMATCH loss: computed /m);
    expect(r.stderr).toMatch(/^1 of \d+ checks failed/m);
  });
});

describe('the PyTorch script', () => {
  const { vectors } = exportAt(...(changed.find(([l]) => l.includes('cross-entropy'))!.slice(1) as [never, Record<string, unknown>]));
  const torch = torchScript(vectors);
  const numpy = numpyScript(vectors);
  test('uses autograd: parameters with requires_grad, loss.backward(), δ from the retained z.grad', () => {
    expect(torch).toContain('requires_grad=True');
    expect(torch).toContain('L.backward()');
    expect(torch).toContain('z.retain_grad()');
    expect(torch).toContain('W.grad');
    expect(torch).toContain('torch.set_default_dtype(torch.float64)');
    expect(numpy).not.toContain('import torch');
  });
  test('states the loss reductions so that they match the book’s: sum, then ½ or / N, never the default mean', () => {
    expect(torch).toContain('0.5 * F_.mse_loss(y_hat, Y, reduction="sum")');
    expect(torch).toContain('F_.binary_cross_entropy(y_hat, Y, reduction="sum") / N');
    expect(torch).toMatch(/default reduction="mean"/);
    expect(torch).not.toMatch(/reduction="mean"\)/);
  });
  test('checks exactly what the NumPy script checks, in the same words', () => {
    const checks = (s: string) => s.slice(s.indexOf('checks = []'), s.indexOf('print(f"all {len(checks)} checks passed")'));
    expect(checks(torch).length).toBeGreaterThan(500);
    expect(checks(torch)).toBe(checks(numpy));
  });
  test('is valid Python', { skip: !NUMPY }, () => {
    writeFileSync(join(dir, 'torch_check.py'), torch);
    const r = python(['-m', 'py_compile', 'torch_check.py'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  describe.skipIf(!TORCH)(`run by python3${TORCH ? '' : ' (SKIPPED: PyTorch is not installed here; the structure is checked above)'}`, () => {
    test.each(changed)('%s: all checks pass', (label, model, values) => {
      const v = exportAt(model, values).vectors;
      const f = write(label, v, torchScript, '_torch.py');
      const r = python([f.script, f.json], dir);
      expect(r.stdout.trim()).toBe(`all ${checkCount(v)} checks passed`);
    });
  });
});
