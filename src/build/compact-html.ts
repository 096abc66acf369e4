// compact-html.ts — makes a built page smaller without changing what it renders (run on every page of
// dist/ after the build by the integration in ./compact-html-integration.ts). It sees every equation,
// those rendered by rehype-katex from $…$ and those rendered by components through renderTex, which is
// why it works on the built HTML rather than as a rehype plugin.
//
// 1. KaTeX's copies of the TeX source, <annotation encoding="application/x-tex">, go: the MathML that
//    screen readers read stays (<semantics> keeps its presentation child), nothing on screen uses them.
// 2. Inline style strings inside KaTeX's visual markup (.katex-html) and Shiki's code blocks (.astro-code),
//    which repeat thousands of times (height:3em, margin-right:0.2778em, …), become one short class each,
//    defined once in a <style> in the page's head. Each declaration keeps the force of an inline style
//    with !important (an inline style beats every non-important rule; so does an !important class rule,
//    while the dark theme's own !important rule for Shiki, more specific, still wins as before).
//    Only there: a widget's own markup keeps its inline styles, which its script may change.
// The page is parsed and written back with hast (as a browser parses it), in the book's HTML style:
// <!DOCTYPE html> and valueless boolean attributes (crossorigin), as Astro writes them.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root, RootContent } from 'hast';

/** Prefix of the generated classes; a page that already uses such a class name fails the build. */
export const CLASS_PREFIX = 'ks';

export interface CompactResult {
  readonly html: string;
  readonly annotationsRemoved: number;
  readonly stylesHoisted: number;
  readonly distinctStyles: number;
}

export function compactHtml(html: string): CompactResult {
  const tree = fromHtml(html);
  const classes = new Map<string, string>();
  let annotationsRemoved = 0;
  let stylesHoisted = 0;

  const walk = (node: Root | Element, inside: boolean): void => {
    node.children = node.children.filter((child: RootContent) => {
      if (child.type !== 'element') return true;
      if (child.tagName === 'annotation' && child.properties['encoding'] === 'application/x-tex') {
        annotationsRemoved++;
        return false;
      }
      const names = classList(child);
      if (names.some((n) => new RegExp(`^${CLASS_PREFIX}[0-9a-z]+$`).test(n))) {
        throw new Error(`compact-html: the class "${names.join(' ')}" clashes with the generated ${CLASS_PREFIX}… classes`);
      }
      const here = inside || names.includes('katex-html') || (child.tagName === 'pre' && names.includes('astro-code'));
      const style = child.properties['style'];
      if (here && typeof style === 'string' && style.trim() !== '') {
        const key = normalise(style);
        let name = classes.get(key);
        if (name === undefined) {
          name = `${CLASS_PREFIX}${classes.size.toString(36)}`;
          classes.set(key, name);
        }
        child.properties['className'] = [...names, name];
        delete child.properties['style'];
        stylesHoisted++;
      }
      walk(child, here);
      return true;
    });
  };
  walk(tree, false);

  if (classes.size > 0) {
    const head = findElement(tree, 'head');
    if (!head) throw new Error('compact-html: the page has no <head>');
    const css = [...classes].map(([style, name]) => `.${name}{${style.split(';').map((d) => `${d}!important`).join(';')}}`).join('');
    head.children.push({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: css }] });
  }
  return { html: toHtml(tree, { upperDoctype: true, collapseEmptyAttributes: true }), annotationsRemoved, stylesHoisted, distinctStyles: classes.size };
}

function classList(el: Element): string[] {
  const c: unknown = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

/** "height:3em;" and "height:3em" are one style: declarations trimmed, empty ones dropped. */
function normalise(style: string): string {
  return style.split(';').map((d) => d.trim()).filter(Boolean).join(';');
}

function findElement(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}
