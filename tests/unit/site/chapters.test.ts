// The book's rules for its content, checked without a browser.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { chapterSchema } from '../../../src/chapter-schema';
import { declaredDecimals } from '../../../src/engine/examples/inputs';

const root = resolve(import.meta.dirname, '../../..');
const chapterDir = join(root, 'content/chapters');
const chapters = readdirSync(chapterDir).filter((f) => f.endsWith('.mdx'));

/** The inputs of the worked examples (src/engine/examples/inputs.ts): the only decimals a chapter may type. */
const EXAMPLE_INPUTS = declaredDecimals();

/** A chapter's prose: without frontmatter, import lines and code fences. */
function prose(source: string): string[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^```[\s\S]*?^```/gm, '');
  return body.split('\n').map((line) => (line.startsWith('import ') ? '' : line));
}

describe('no number is typed by hand', () => {
  test('no chapter types a decimal other than the running example’s inputs', () => {
    expect(chapters.length).toBeGreaterThan(0);
    const typed: string[] = [];
    for (const file of chapters) {
      prose(readFileSync(join(chapterDir, file), 'utf8')).forEach((line, i) => {
        for (const m of line.matchAll(/(?<![\w.])\d+\.\d+/g)) {
          if (!EXAMPLE_INPUTS.has(m[0])) typed.push(`${file}:${i + 1}: ${m[0]}`);
        }
      });
    }
    expect(typed, 'derived numbers must come from the engine (fmt/live/Tex), not be typed').toEqual([]);
  });
});

describe('chapter frontmatter', () => {
  test('chapterSchema accepts a complete frontmatter', () => {
    const ok = { title: 'T', order: 1, summary: 'A summary that is long enough.', objectives: ['Do it.'] };
    expect(chapterSchema.parse(ok)).toEqual(ok);
  });
  test('chapterSchema names the field that is wrong', () => {
    const bad = chapterSchema.safeParse({ title: 'T', order: 'two', summary: 'short', objectives: [], extra: 1 });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.') || i.message);
    expect(paths).toEqual(expect.arrayContaining(['order', 'summary', 'objectives']));
    expect(bad.error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });
  test('a chapter with bad frontmatter fails the build, naming the file and the field', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bp-bad-chapter-'));
    try {
      for (const f of ['src', 'components', 'public', 'astro.config.mjs', 'node_modules', 'tsconfig.json', 'package.json']) {
        symlinkSync(join(root, f), join(tmp, f));
      }
      mkdirSync(join(tmp, 'content/chapters'), { recursive: true });
      writeFileSync(join(tmp, 'content/chapters/broken-order.mdx'),
        '---\ntitle: Broken\norder: two\nsummary: A chapter whose order is a word.\nobjectives: [Notice it.]\n---\nText.\n');
      const astro = join(root, 'node_modules/astro/bin/astro.mjs');
      const run = promisify(execFile)(process.execPath, [astro, 'sync', '--root', tmp], { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      const error = await run.then(() => null, (e: { stdout: string; stderr: string }) => `${e.stdout}\n${e.stderr}`);
      expect(error, 'astro sync should fail').not.toBeNull();
      expect(error).toContain('broken-order.mdx');
      expect(error).toMatch(/order/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('KaTeX', () => {
  test('the KaTeX that typesets $…$ (rehype-katex) is the KaTeX whose CSS the site serves', () => {
    // Different versions produce markup the other's CSS lays out wrongly (misplaced superscripts).
    const require = createRequire(import.meta.url);
    const ours = require('katex/package.json').version;
    const fromRehype = createRequire(require.resolve('rehype-katex')).resolve('katex/package.json');
    expect(JSON.parse(readFileSync(fromRehype, 'utf8')).version).toBe(ours);
  });
});
