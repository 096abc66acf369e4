// glossary-links.ts — a rehype plugin that links each glossary term (src/glossary.ts) on its FIRST use in a
// chapter to its entry on /glossary/, with the term's short definition beside the link (shown on hover and
// keyboard focus by book.css, read by screen readers through aria-describedby; without CSS or JS it is a
// plain link). It never links inside math, headings, code, links, buttons or MDX components (widgets,
// asides, numbers): only the chapter's own running text. The chapter files are not edited.
import type { GlossaryTerm } from '../glossary.ts';

interface Node { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] }
interface File { path?: string; history?: string[] }

/** Elements whose text is never linked: headings, code, math, links and controls. */
const skippedTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'button', 'label', 'summary', 'select', 'textarea', 'dfn']);

function classes(node: Node): string[] {
  const c = node.properties?.['className'];
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** True for a subtree the plugin leaves alone (see skippedTags; KaTeX and remark-math output; any MDX node). */
function skipped(node: Node): boolean {
  if (node.type.startsWith('mdx')) return true; // <Num>, <Q>, <Eq>, widgets, <Aside>, {expressions}
  if (node.type !== 'element') return false;
  if (skippedTags.has(node.tagName ?? '')) return true;
  return classes(node).some((c) => c === 'katex' || c === 'katex-display' || c.startsWith('math'));
}

/** A regular expression that finds any alias of any term, longest first, as a whole word (plural -s/-es too). */
export function termPattern(terms: GlossaryTerm[]): { pattern: RegExp; termOf: (match: string) => GlossaryTerm | undefined } {
  const byAlias = new Map<string, GlossaryTerm>();
  for (const t of terms) for (const a of [t.name, ...t.aliases]) if (!/[,(]/.test(a)) byAlias.set(a.toLowerCase(), t);
  const aliases = [...byAlias.keys()].sort((p, q) => q.length - p.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Letters, digits and a hyphen on either side make it part of a longer word ("pre-activation" is not "activation").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${aliases.map(escape).join('|')})(?:s|es)?(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
  const termOf = (match: string) => {
    const m = match.toLowerCase();
    return byAlias.get(m) ?? byAlias.get(m.replace(/es$/, '')) ?? byAlias.get(m.replace(/s$/, ''));
  };
  return { pattern, termOf };
}

export interface GlossaryLinksOptions {
  terms: GlossaryTerm[];
  /** The site's base path without a trailing slash ('' at the root). */
  base?: string;
  /** Which files to link in (default: the chapters, content/chapters/*.mdx). */
  include?: (path: string) => boolean;
}

/** The link and its hidden definition for one term (the markup book.css's `.term` rules style). */
function termNodes(text: string, term: GlossaryTerm, base: string): Node {
  const tipId = `term-tip-${term.id}`;
  return {
    type: 'element', tagName: 'span', properties: { className: ['term'] },
    children: [
      { type: 'element', tagName: 'a', properties: { className: ['term-link'], href: `${base}/glossary/#${term.id}`, ariaDescribedBy: tipId }, children: [{ type: 'text', value: text }] },
      { type: 'element', tagName: 'span', properties: { className: ['term-tip'], id: tipId, role: 'tooltip', dataPagefindIgnore: '' }, children: [{ type: 'text', value: term.definition }] },
    ],
  };
}

/** The plugin: rehypePlugins: [[rehypeGlossaryLinks, { terms: glossary }]]. */
export function rehypeGlossaryLinks(options: GlossaryLinksOptions) {
  const { terms, base = '' } = options;
  const include = options.include ?? ((path: string) => /content[\\/]chapters[\\/][^\\/]+\.mdx$/.test(path));
  const { pattern, termOf } = termPattern(terms);
  return (tree: Node, file: File) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (!include(path)) return;
    const used = new Set<string>();
    const visit = (node: Node) => {
      const children = node.children;
      if (!children) return;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'text') {
          const replaced = linkText(child.value ?? '');
          if (replaced) { children.splice(i, 1, ...replaced); i += replaced.length - 1; }
        } else if (!skipped(child)) visit(child);
      }
    };
    // The text split around the first use of each term not yet linked, or undefined if nothing to link.
    const linkText = (value: string): Node[] | undefined => {
      const out: Node[] = [];
      let last = 0;
      for (const m of value.matchAll(pattern)) {
        const term = termOf(m[0]);
        if (!term || used.has(term.id)) continue;
        used.add(term.id);
        if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
        out.push(termNodes(m[0], term, base));
        last = m.index + m[0].length;
      }
      if (out.length === 0) return undefined;
      if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
      return out;
    };
    visit(tree);
  };
}
