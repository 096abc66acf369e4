// tex.ts — KaTeX, configured once: the options and macros used by `$…$` in chapters (astro.config.mjs),
// by <Tex>/<Eq> (build time) and by the live equations of widgets (rendered at build time too).
// Build time only: widgets never ship KaTeX to the browser; they update numbers inside equations
// that were typeset at build time (see `live` below and src/widgets/live.ts).
import katex from 'katex';

/** Macros shared by every equation in the book. */
export const macros: Record<string, string> = {
  '\\R': '\\mathbb{R}',
  // σ'(z): the derivative of the sigmoid, written the same way everywhere.
  '\\sigp': "\\sigma'",
  '\\pd': '\\frac{\\partial #1}{\\partial #2}',
  '\\hadamard': '\\odot',
};

/** Options shared by remark-math/rehype-katex and `renderTex`. */
export const katexOptions = {
  macros,
  // A typo in an equation fails the build instead of printing red TeX in the book.
  throwOnError: true,
  strict: 'error',
  // Only the commands the live equations need to mark a number (\htmlData) are trusted.
  trust: (context: { command: string }) => context.command === '\\htmlData',
} as const;

export interface RenderOptions {
  /** Display (block) math instead of inline math. */
  readonly display?: boolean;
}

/** TeX source → KaTeX HTML (with MathML for screen readers). Throws on a TeX error. */
export function renderTex(expr: string, { display = false }: RenderOptions = {}): string {
  // `macros` is copied: KaTeX writes \gdef definitions into the object it is given.
  return katex.renderToString(expr, { ...katexOptions, macros: { ...macros }, displayMode: display });
}

/**
 * Marks a number inside an equation so a widget can update it in the browser without KaTeX:
 * `live('delta', fmtTex(delta))` → `\htmlData{v=delta}{-0.2308}`, rendered as
 * `<span data-v="delta">…</span>`; src/widgets/live.ts writes new text into it.
 */
export function live(name: string, tex: string): string {
  if (!/^[a-zA-Z][\w-]*$/.test(name)) throw new Error(`live(): "${name}" is not a valid value name`);
  return `\\htmlData{v=${name}}{${tex}}`;
}
