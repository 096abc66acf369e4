// katex-woff2-only.ts — a Vite plugin: KaTeX's stylesheet lists each font three times (woff2, woff, ttf).
// Every browser that runs this book's JavaScript module scripts reads woff2 and never fetches the other
// two, so they are dropped from the CSS before Vite copies the files they name into the build.
import type { Plugin } from 'vite';

/** The CSS with every `, url(….woff) format("woff")` and `, url(….ttf) format("truetype")` removed. */
export function woff2Only(css: string): string {
  return css.replace(/,\s*url\(\s*["']?[^)"']+\.(?:woff|ttf)["']?\s*\)\s*format\(\s*["']?(?:woff|truetype)["']?\s*\)/g, '');
}

export function katexWoff2Only(): Plugin {
  return {
    name: 'bp-katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/.test(id)) return null;
      const out = woff2Only(code);
      if (out === code || /\.(?:woff|ttf)\b/.test(out)) this.error('KaTeX\'s CSS changed shape: its woff/ttf fallbacks were not all found');
      return { code: out, map: null };
    },
  };
}
