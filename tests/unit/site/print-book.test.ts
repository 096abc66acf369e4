// print-book.test.ts — the whole-book page's rewrite (src/build/print-book.ts): ids unique per chapter,
// every reference to them kept, links between chapters kept on the page, widget scripts gone.
import { describe, expect, it } from 'vitest';
import { printBookHtml } from '../../../src/build/print-book';

const chapter = (slug: string, n: number) => `<article data-print-chapter="${slug}" data-print-label="chapter ${n}">
  <h2 id="exercises">Exercises</h2><a href="#exercises">up</a>
  <figure id="bc1" aria-labelledby="bc1-title"><figcaption id="bc1-title">T</figcaption><label for="bc1-x">x</label><input id="bc1-x">
  <svg><defs><marker id="arrow"></marker></defs><path marker-end="url(#arrow)"></path></svg></figure>
  <aside aria-label="Check it by nudging">…</aside>
  <a href="/book/other/#eq-1">other</a><a href="/book/other/">whole</a><a href="/book/other/?seed=2">seeded</a><a href="/book/recap/">recap</a>
  <a data-print-keep href="/book/${slug}/">online</a>
</article>`;
const page = `<!DOCTYPE html><html><head><title>t</title><script type="module" src="/book/_astro/W.js"></script><link rel="modulepreload" href="/book/_astro/x.js"><script type="module">localStorage.getItem('bp-theme')</script></head><body>${chapter('one', 1)}${chapter('other', 2)}<script type="module">widget()</script></body></html>`;

describe('printBookHtml', () => {
  const out = printBookHtml(page, '/book/');
  it('prefixes every id with its chapter and rewrites the references (for, aria-labelledby, #links, url(#…))', () => {
    for (const slug of ['one', 'other']) {
      for (const s of [`id="${slug}--exercises"`, `href="#${slug}--exercises"`, `id="${slug}--bc1"`, `aria-labelledby="${slug}--bc1-title"`, `for="${slug}--bc1-x"`, `marker-end="url(#${slug}--arrow)"`]) expect(out.html).toContain(s);
    }
    expect(out.html).not.toMatch(/id="bc1"/);
    expect(out.chapters).toBe(2);
  });
  it('turns links to a chapter into links on the page, but not seeded links, other pages or the kept ones', () => {
    expect(out.html).toContain('href="#other--eq-1"');
    expect(out.html).toContain('href="#other">whole');
    expect(out.html).toContain('href="/book/other/?seed=2"');
    expect(out.html).toContain('href="/book/recap/"');
    expect(out.html).toContain('href="/book/one/">online');
  });
  it('makes the static widgets’ text fields read-only', () => {
    expect(out.html).toContain('<input id="one--bc1-x" readonly>');
  });
  it('names a repeated landmark after its chapter', () => {
    expect(out.html).toContain('aria-label="Check it by nudging (chapter 1)"');
    expect(out.html).toContain('aria-label="Check it by nudging (chapter 2)"');
  });
  it('removes the widgets’ module scripts and preloads, keeps the theme toggle’s', () => {
    expect(out.scriptsRemoved).toBe(2);
    expect(out.html).not.toContain('W.js');
    expect(out.html).not.toContain('modulepreload');
    expect(out.html).toContain('bp-theme');
  });
});
