// The book's layering, checked by reading every source file's imports (Starlight's architecture tests):
//   src/engine     imports nothing outside itself (no packages either)
//   src/format     pure: no DOM, nothing from the kit, the widgets or the components
//   src/kit        its pure part (src/kit/*.ts) imports only the engine, src/format and itself; the
//                  DOM side is src/kit/dom/ (and the .astro components)
//   widgets        a model imports the engine, src/format and the kit's pure part, never the DOM side;
//                  no widget imports another widget
// The type check (tsconfig.engine.json: ES2023 only, no DOM types) backs the "no DOM" half of this.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function files(dir: string, pattern = /\.(ts|astro|mjs)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** Every module a file imports: relative ones resolved to repository paths, packages as written. */
function imports(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  const specs = [...source.matchAll(/(?:^|\n)\s*import\s[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

function offending(fileList: string[], allowed: (spec: string, file: string) => boolean): string[] {
  return fileList.flatMap((f) => imports(f).filter((s) => !allowed(s, f)).map((s) => `${f} imports ${s}`));
}

const DOM_WORDS = /\b(window|document|HTMLElement|customElements|localStorage|requestAnimationFrame)\b/;
/** A module's code without its quoted strings: code written as text for another page (the Share dialog's embed snippet) is not this module using the DOM. */
const unquoted = (code: string): string => code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");

describe('architecture', () => {
  test('the engine imports nothing outside src/engine', () => {
    expect(offending(files('src/engine'), (s) => s.startsWith('src/engine/'))).toEqual([]);
  });

  test('src/format is pure: no DOM, nothing from the kit, widgets or components', () => {
    const list = files('src/format');
    expect(offending(list, (s) => s.startsWith('src/format/') || s === 'katex' || s === 'astro/zod')).toEqual([]);
    expect(list.filter((f) => DOM_WORDS.test(readFileSync(join(root, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))).toEqual([]);
  });

  test('the kit’s pure part imports only the engine, src/format and itself, and uses no DOM', () => {
    const pure = files('src/kit', /\.ts$/).filter((f) => !f.startsWith('src/kit/dom/'));
    expect(offending(pure, (s) => /^src\/(engine|format)\//.test(s) || (s.startsWith('src/kit/') && !s.startsWith('src/kit/dom/')) || s === 'd3-array')).toEqual([]);
    expect(pure.filter((f) => DOM_WORDS.test(unquoted(readFileSync(join(root, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))))).toEqual([]);
  });

  test('widget models import only the engine, src/format and the kit’s pure part; no widget imports another', () => {
    const widgets = readdirSync(join(root, 'components/widgets')).filter((d) => statSync(join(root, 'components/widgets', d)).isDirectory());
    expect(widgets.length).toBeGreaterThan(0);
    for (const w of widgets) {
      const dir = `components/widgets/${w}`;
      const own = files(dir);
      expect(offending(own, (s) => !(s.startsWith('components/widgets/') && !s.startsWith(`${dir}/`))), w).toEqual([]);
      const model = own.filter((f) => f === `${dir}/model.ts`);
      expect(offending(model, (s) => /^src\/(engine|format)\//.test(s) || (s.startsWith('src/kit/') && !s.startsWith('src/kit/dom/')) || s.startsWith(`${dir}/`) || s === 'd3-array'), `${w}/model.ts`).toEqual([]);
    }
  });
});
