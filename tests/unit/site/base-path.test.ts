// base-path.test.ts — the one helper that puts the base path in front of internal links (src/href.ts),
// and the remark plugin that sends the chapters' own links through it (src/markdown/base-links.ts).
import { describe, expect, it } from 'vitest';
import { basePathFromEnv, withBase } from '../../../src/href';
import { remarkBaseLinks } from '../../../src/markdown/base-links';

describe('withBase', () => {
  it('prefixes root-relative paths, with or without a trailing slash on the base', () => {
    expect(withBase('/book/', '/chain-rule/#eq-chain')).toBe('/book/chain-rule/#eq-chain');
    expect(withBase('/book', '/')).toBe('/book/');
    expect(withBase('/', '/recap/')).toBe('/recap/');
  });
  it('leaves anchors, queries, external and protocol-relative URLs alone', () => {
    for (const url of ['#eq-1', '?seed=3', 'https://example.org/', '//cdn.example.org/x', 'mailto:a@b.c']) expect(withBase('/book/', url)).toBe(url);
  });
});

describe('basePathFromEnv', () => {
  it('normalises to /…/ and defaults to /', () => {
    expect(basePathFromEnv(undefined)).toBe('/');
    expect(basePathFromEnv('')).toBe('/');
    expect(basePathFromEnv('book')).toBe('/book/');
    expect(basePathFromEnv('/a/b')).toBe('/a/b/');
  });
});

describe('remarkBaseLinks', () => {
  it('rewrites Markdown links, JSX attributes and JSX links inside expressions', () => {
    const literal = { type: 'Literal', value: '/network-2-2-1/', raw: '"/network-2-2-1/"' };
    const tree = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'link', url: '/hidden-delta/#why', children: [] }, { type: 'link', url: '#local', children: [] }] },
        { type: 'mdxJsxTextElement', name: 'a', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/recap/' }], children: [] },
        { type: 'mdxTextExpression', data: { estree: { type: 'Program', body: [{ type: 'JSXAttribute', name: { name: 'href' }, value: literal }] } } },
      ],
    };
    remarkBaseLinks('/book/')()(tree as never);
    const p = tree.children[0]!.children as { url: string }[];
    expect(p.map((l) => l.url)).toEqual(['/book/hidden-delta/#why', '#local']);
    expect((tree.children[1] as { attributes: { value: string }[] }).attributes[0]!.value).toBe('/book/recap/');
    expect(literal).toEqual({ type: 'Literal', value: '/book/network-2-2-1/', raw: '"/book/network-2-2-1/"' });
  });
});
