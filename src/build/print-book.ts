// print-book.ts — the whole-book page (/print/, src/pages/print.astro) after the build: the page holds
// every chapter's body, so what is unique on a chapter page is not unique there (two chapters have a
// widget "bc1"; headings such as "exercises" and equation ids repeat). printBookHtml() gives every id
// inside a chapter's <article data-print-chapter="slug"> the prefix "slug--" and rewrites every reference
// to it (for, aria-*, headers, list, href="#…", url(#…) in SVG); links to another chapter of the book
// become links to that chapter on this page; and the page's module scripts go: the widgets print the
// numbers in their HTML (a live copy of every widget at once would also load every widget's code).
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';

/** The page's title and summary (also for the links to it). */
export const printBook = {
  title: 'The whole book, for printing',
  summary: 'Every chapter in order on one page, with its numbers, equations and figures: print it or save it as a PDF for a course pack.',
} as const;

/** Attributes that hold one id or a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaActiveDescendant', 'ariaDetails', 'ariaErrorMessage', 'ariaFlowTo', 'headers', 'list', 'form'];

/** The theme toggle's storage key (src/ui/theme.ts): how its inline script is told from the widgets' ones. */
const THEME_KEY = 'bp-theme';

/** Elements that are landmarks when named (html-validate's unique-landmark). */
const LANDMARKS = new Set(['aside', 'nav', 'section', 'form', 'main', 'header', 'footer']);

function walk(node: Root | Element, visit: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    walk(child.tagName === 'template' && child.content ? (child.content as unknown as Element) : child, visit);
  }
}

/** The ids of one chapter, prefixed: `id` → `slug--id`. */
function prefixChapter(article: Element, slug: string): void {
  const ids = new Set<string>();
  walk(article, (el) => { if (typeof el.properties['id'] === 'string') ids.add(el.properties['id']); });
  const p = (id: string) => (ids.has(id) ? `${slug}--${id}` : id);
  walk(article, (el) => {
    const props = el.properties;
    if (typeof props['id'] === 'string') props['id'] = p(props['id']);
    for (const name of ID_LIST_ATTRIBUTES) {
      const v = props[name];
      if (typeof v === 'string') props[name] = v.split(/\s+/).map(p).join(' ');
      else if (Array.isArray(v)) props[name] = v.map((x) => p(String(x)));
    }
    for (const name of ['href', 'xLinkHref']) {
      const v = props[name];
      if (typeof v === 'string' && v.startsWith('#')) props[name] = `#${p(decodeURIComponent(v.slice(1)))}`;
    }
    // SVG paint servers and markers: fill="url(#grad)", marker-end="url(#arrow)", style="…url(#x)…".
    for (const [name, v] of Object.entries(props)) {
      if (typeof v === 'string' && v.includes('url(#')) props[name] = v.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${p(id)})`);
    }
  });
}

/**
 * The /print/ page made valid and self-contained: ids unique per chapter, links between chapters kept
 * on the page, no module scripts. `base` is the site's base path ('/' or '/book/').
 */
export function printBookHtml(html: string, base: string): { html: string; chapters: number; scriptsRemoved: number } {
  const tree = fromHtml(html);
  const articles: { el: Element; slug: string }[] = [];
  walk(tree, (el) => {
    const slug = el.properties['dataPrintChapter'];
    if (typeof slug === 'string') articles.push({ el, slug });
  });
  const slugs = new Set(articles.map((a) => a.slug));
  for (const { el, slug } of articles) prefixChapter(el, slug);
  // A landmark's name must be unique on the page: two chapters both have an aside "Check it by nudging".
  const labelled: { el: Element; chapter: string }[] = [];
  for (const { el } of articles) {
    walk(el, (inner) => { if (LANDMARKS.has(inner.tagName) && typeof inner.properties['ariaLabel'] === 'string') labelled.push({ el: inner, chapter: String(el.properties['dataPrintLabel'] ?? '') }); });
  }
  const count = new Map<string, number>();
  for (const { el } of labelled) count.set(String(el.properties['ariaLabel']), (count.get(String(el.properties['ariaLabel'])) ?? 0) + 1);
  for (const { el, chapter } of labelled) if (count.get(String(el.properties['ariaLabel']))! > 1) el.properties['ariaLabel'] = `${String(el.properties['ariaLabel'])} (${chapter})`;
  // A link to a chapter (or a place in it) becomes a link to that chapter on this page; not the ones
  // marked data-print-keep (each chapter's own "online, with live widgets" link).
  const root = `${base.replace(/\/$/, '')}/`;
  walk(tree, (el) => {
    const href = el.properties['href'];
    if (el.tagName !== 'a' || typeof href !== 'string' || !href.startsWith(root) || el.properties['dataPrintKeep'] !== undefined) return;
    const url = new URL(href, 'http://book.invalid');
    const slug = decodeURIComponent(url.pathname.slice(root.length)).replace(/\/$/, '');
    if (!slugs.has(slug) || url.search) return;
    const anchor = decodeURIComponent(url.hash.slice(1));
    el.properties['href'] = anchor ? `#${slug}--${anchor}` : `#${slug}`;
  });
  // A preset link inside a chapter ("?hd1.w2=5#hd1") sets a live widget's inputs: the widgets here are
  // static, so it opens the chapter itself with that preset.
  for (const { el, slug } of articles) {
    walk(el, (a) => {
      const href = a.properties['href'];
      if (a.tagName === 'a' && typeof href === 'string' && href.startsWith('?')) a.properties['href'] = `${root}${slug}/${href}`;
    });
  }
  // Text fields of a static widget would take typing and do nothing: read-only here.
  // (Only text fields: readonly is not allowed on a range, a checkbox or a radio button.)
  for (const { el } of articles) walk(el, (input) => { if (input.tagName === 'input' && [undefined, 'text'].includes(input.properties['type'] as string | undefined)) input.properties['readOnly'] = true; });
  let scriptsRemoved = 0;
  const strip = (node: Root | Element) => {
    node.children = node.children.filter((c) => {
      if (c.type !== 'element' || c.tagName !== 'script' || c.properties['type'] !== 'module') return true;
      // The site's own chrome stays: the theme toggle's script (inline, with scrollables), never a widget's.
      const text = c.children.map((t) => (t.type === 'text' ? t.value : '')).join('');
      if (c.properties['src'] === undefined && text.includes(THEME_KEY)) return true;
      scriptsRemoved++;
      return false;
    });
    for (const c of node.children) if (c.type === 'element') strip(c);
  };
  strip(tree);
  // Module preloads of the removed scripts would still be fetched.
  const unpreload = (node: Root | Element) => {
    node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'link' && String(c.properties['rel']) === 'modulepreload'));
    for (const c of node.children) if (c.type === 'element') unpreload(c);
  };
  unpreload(tree);
  return { html: toHtml(tree, { upperDoctype: true, collapseEmptyAttributes: true }), chapters: articles.length, scriptsRemoved };
}
