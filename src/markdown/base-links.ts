// base-links.ts — a remark plugin that puts the site's base path in front of the chapters' root-relative
// links, through the same withBase() that pages and layouts use (src/href.ts): Markdown links
// (`[the chain rule](/chain-rule/#eq-chain)`), JSX links (`<a href="/recap/">`) and JSX links inside
// expressions (`{next ? <a href="/network-2-2-1/">…</a> : …}`). The chapters keep writing '/slug/' and
// stay right wherever the book is hosted.
import { withBase } from '../href.ts';

interface Attribute { type: string; name?: string; value?: unknown }
interface Node { type: string; url?: string | undefined; name?: string | null | undefined; attributes?: Attribute[] | undefined; children?: Node[] | undefined; data?: { estree?: unknown } | undefined }
interface EstreeNode { type?: string; name?: { name?: string }; value?: { type?: string; value?: unknown; raw?: string } }

const LINK_ATTRIBUTES = new Set(['href', 'src']);

/**
 * The plugin for one base path: rewrites root-relative urls in links, definitions, JSX attributes and JSX
 * inside expressions to `withBase(base, url)`. (A plugin per base rather than a plugin option: the
 * config's plugin list is typed for option-less attachers.)
 */
export function remarkBaseLinks(base: string) {
  return () => (tree: Node) => {
    if (base === '/' || base === '') return;
    const walk = (node: Node) => {
      if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') node.url = withBase(base, node.url);
      for (const a of node.attributes ?? []) {
        if (a.type === 'mdxJsxAttribute' && a.name && LINK_ATTRIBUTES.has(a.name) && typeof a.value === 'string') a.value = withBase(base, a.value);
      }
      if (node.data?.estree) rewriteEstree(node.data.estree, base);
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}

/** JSX `href="/…"` attributes anywhere inside an expression's syntax tree (what MDX compiles from). */
function rewriteEstree(node: unknown, base: string): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const n of node) rewriteEstree(n, base); return; }
  const n = node as EstreeNode;
  if (n.type === 'JSXAttribute' && n.name?.name && LINK_ATTRIBUTES.has(n.name.name) && n.value?.type === 'Literal' && typeof n.value.value === 'string') {
    const url = withBase(base, n.value.value);
    if (url !== n.value.value) { n.value.value = url; n.value.raw = JSON.stringify(url); }
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc' && key !== 'range' && key !== 'position') rewriteEstree(child, base);
  }
}
