// csp.ts — the site's Content-Security-Policy, written into every built page as a <meta http-equiv> after
// the build (after compact-html, which writes KaTeX's hoisted <style>): every inline <script> and <style>
// of the page is allowed by its SHA-256 hash, nothing else inline, and nothing from another origin.
// A static host need send no header. N.B. a <meta> policy does not reach a Web Worker loaded from a URL
// (a worker takes its policy from its own HTTP response): the notebook cells' worker locks itself down
// (src/cell/worker.ts) instead of relying on this.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of a page's inline scripts and inline <style> elements (each once). */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!).filter((s) => s.trim() !== '');
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  return { scripts: [...new Set(scripts.map(sha256))], styles: [...new Set(styles.map(sha256))] };
}

/**
 * The policy for one page. script-src: the site's files, the page's inline scripts by hash, and
 * 'wasm-unsafe-eval' for Pagefind's search (WebAssembly, compiled from a same-origin file). style-src: the
 * site's files and the page's <style> elements by hash; style attributes stay allowed (style-src-attr:
 * KaTeX and the widgets position things with them; an attribute cannot run code). connect-src, workers,
 * fonts, images: this origin only (images also data: and blob:, for generated pictures).
 */
export function policyFor(html: string): string {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first element after <meta charset> (so it covers everything after it). */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(cleaned)) throw new Error('a page without <meta charset="utf-8">: nowhere to put its Content-Security-Policy');
  return cleaned.replace(charset, (m) => `${m}${meta}`);
}

/** After the build (listed after compactHtmlIntegration): every page gets its policy. */
export function cspIntegration(): AstroIntegration {
  return {
    name: 'bp-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) writeFileSync(file, withCsp(readFileSync(file, 'utf8')));
        logger.info(`Content-Security-Policy written into ${files.length} pages`);
      },
    },
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(path) : e.name.endsWith('.html') ? [path] : [];
  });
}
