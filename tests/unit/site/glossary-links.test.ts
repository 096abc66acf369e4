// The glossary: its entries are complete and unique, and the rehype plugin links each term once per chapter,
// the longest alias first, never inside math, headings, code, links or MDX components.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { glossary, type GlossaryTerm } from '../../../src/glossary';
import { rehypeGlossaryLinks, termPattern } from '../../../src/markdown/glossary-links';

type N = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: N[] };
const text = (value: string): N => ({ type: 'text', value });
const h = (tagName: string, children: N[], properties: Record<string, unknown> = {}): N => ({ type: 'element', tagName, properties, children });
const CHAPTER = { path: '/book/content/chapters/x.mdx' };

const terms: GlossaryTerm[] = [
  { id: 'delta', name: 'delta, δ', aliases: ['delta'], definition: 'D.', introduced: { chapter: 'c', anchor: 'a' } },
  { id: 'hidden-delta', name: 'hidden delta', aliases: [], definition: 'HD.', introduced: { chapter: 'c', anchor: 'a' } },
  { id: 'activation', name: 'activation', aliases: [], definition: 'A.', introduced: { chapter: 'c', anchor: 'a' } },
  { id: 'pre-activation', name: 'pre-activation', aliases: [], definition: 'P.', introduced: { chapter: 'c', anchor: 'a' } },
  { id: 'batch', name: 'batch', aliases: [], definition: 'B.', introduced: { chapter: 'c', anchor: 'a' } },
];

function run(tree: N, file = CHAPTER): N {
  rehypeGlossaryLinks({ terms })(tree as never, file);
  return tree;
}
const linked = (tree: N): string[] => {
  const out: string[] = [];
  const walk = (n: N) => { if (n.tagName === 'a' && (n.properties?.['className'] as string[] | undefined)?.includes('term-link')) out.push(String(n.properties!['href'])); n.children?.forEach(walk); };
  walk(tree);
  return out;
};

describe('the glossary', () => {
  it('has 25 to 40 terms with unique ids and aliases, each a sentence or two without decimals', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(25);
    expect(glossary.length).toBeLessThanOrEqual(40);
    expect(new Set(glossary.map((t) => t.id)).size).toBe(glossary.length);
    const aliases = glossary.flatMap((t) => [t.name, ...t.aliases].map((a) => a.toLowerCase()).filter((a, i, all) => all.indexOf(a) === i));
    expect(aliases.filter((a, i) => aliases.indexOf(a) !== i)).toEqual([]);
    for (const t of glossary) {
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      expect(t.definition, t.name).not.toMatch(/\d\.\d/);
      expect(t.definition.split(/[.!?](?:\s|$)/).filter(Boolean).length, t.name).toBeLessThanOrEqual(2);
    }
  });

  it('introduces every term in a chapter that exists', () => {
    const slugs = new Set(readdirSync('content/chapters').map((f) => f.replace(/\.mdx$/, '')));
    for (const t of glossary) expect(slugs.has(t.introduced.chapter), t.name).toBe(true);
  });

  it('finds a term in every chapter that introduces it', () => {
    const { pattern, termOf } = termPattern(glossary);
    const missing = glossary.filter((t) => {
      const source = readFileSync(`content/chapters/${t.introduced.chapter}.mdx`, 'utf8');
      return ![...source.matchAll(pattern)].some((m) => termOf(m[0])?.id === t.id);
    });
    expect(missing.map((t) => `${t.name} in ${t.introduced.chapter}`)).toEqual([]);
  });
});

describe('rehypeGlossaryLinks', () => {
  it('links the first use of each term only, with its definition as the described tooltip', () => {
    const tree = run(h('root', [h('p', [text('The delta, then the delta again; a batch.')])]));
    expect(linked(tree)).toEqual(['/glossary/#delta', '/glossary/#batch']);
    const term = tree.children![0]!.children![1]!;
    expect(term.properties!['className']).toEqual(['term']);
    const [a, tip] = term.children!;
    expect(a!.properties!['ariaDescribedBy']).toBe('term-tip-delta');
    expect(tip!.properties).toMatchObject({ id: 'term-tip-delta', role: 'tooltip' });
    expect(tip!.children![0]!.value).toBe('D.');
    expect(tree.children![0]!.children![0]!.value).toBe('The ');
    expect(tree.children![0]!.children![2]!.value).toBe(', then the delta again; a ');
  });

  it('prefers the longest alias and does not see a term inside a longer word', () => {
    const tree = run(h('root', [h('p', [text('The hidden delta and its pre-activation; later the delta, the activations and batches.')])]));
    expect(linked(tree)).toEqual(['/glossary/#hidden-delta', '/glossary/#pre-activation', '/glossary/#delta', '/glossary/#activation', '/glossary/#batch']);
  });

  it('never links inside headings, links, code, math or MDX components', () => {
    const tree = run(h('root', [
      h('h2', [text('The delta')]),
      h('p', [h('a', [text('delta')], { href: '/x/' }), h('code', [text('delta')]), h('span', [text('delta')], { className: ['katex'] })]),
      { type: 'mdxJsxFlowElement', children: [h('p', [text('delta')])] },
      h('p', [text('Here the delta.')]),
    ]));
    expect(linked(tree)).toEqual(['/glossary/#delta']);
    expect(tree.children![3]!.children![1]!.children![0]!.children![0]!.value).toBe('delta');
  });

  it('leaves files that are not chapters alone', () => {
    const tree = run(h('root', [h('p', [text('delta')])]), { path: '/book/src/pages/x.md' });
    expect(linked(tree)).toEqual([]);
  });
});
