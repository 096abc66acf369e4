// href.ts — the one place that turns a path of the book ('/chain-rule/#eq-chain') into the URL a page
// links to, under whatever base path the site is hosted at (Astro's `base`, from BP_BASE at build time:
// '/' for a server's root, '/repo/' for a GitHub Pages project site). Pages, layouts and widgets call
// href(); the chapters' Markdown links go through withBase() too (src/markdown/base-links.ts), so a
// link in the prose and a link in a layout cannot disagree.

/**
 * `path` (root-relative: '/', '/recap/', '/hidden-delta/#eq-x', '/favicon.svg') under `base` ('/' or
 * '/book/', with or without the trailing slash). Anything that is not root-relative (an in-page
 * '#anchor', 'https://…', '?query', '//host/…') is returned unchanged.
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const prefix = base.replace(/\/+$/, '');
  return `${prefix}${path}`;
}

/** `path` under this build's base path (import.meta.env.BASE_URL). */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** The base path from the environment, normalised to '/…/' ('/' when unset): for astro.config.mjs. */
export function basePathFromEnv(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
