// tex.ts — KaTeX, configured once: the options and macros used by `$…$` in chapters (astro.config.mjs),
// by <Tex>/<Eq> (build time) and by the live equations of widgets (rendered at build time too).
// Build time only: widgets never ship KaTeX to the browser; they update numbers inside equations
// that were typeset at build time (see `live` below and src/widgets/live.ts).
import katex from 'katex';
import { fmtTex } from './number.ts';

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
  // …and so does TeX that is not LaTeX, except the \htmlData marks of live numbers (KaTeX's "HTML extension").
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  // Only the commands the live equations need to mark a number (\htmlData) are trusted.
  trust: (context: { command: string }) => context.command === '\\htmlData',
} as const;

export interface RenderOptions {
  /** Display (block) math instead of inline math. */
  readonly display?: boolean;
  /**
   * Leave out KaTeX's MathML copy. Widgets' live equations do this: their numbers change in the
   * browser, so screen readers get a live text version instead (see LiveEq.astro).
   */
  readonly htmlOnly?: boolean;
}

/** TeX source → KaTeX HTML (with MathML for screen readers unless htmlOnly). Throws on a TeX error. */
export function renderTex(expr: string, { display = false, htmlOnly = false }: RenderOptions = {}): string {
  // `macros` is copied: KaTeX writes \gdef definitions into the object it is given.
  return katex.renderToString(expr, {
    ...katexOptions,
    macros: { ...macros },
    displayMode: display,
    output: htmlOnly ? 'html' : 'htmlAndMathml',
  });
}

/** How a live number is written: plain, "(−0.5)" when negative (a factor), or with a "+" sign. */
export type LiveStyle = 'plain' | 'factor' | 'signed';

/**
 * Marks a computed number inside an equation so a widget can update it in the browser without KaTeX:
 * `live('delta', −0.2308)` → `\htmlData{v=delta, style=plain}{-0.2308}`, rendered as
 * `<span data-v="delta" data-style="plain">−0.2308</span>`; src/widgets/live.ts writes new text into it
 * with the same formatter (src/format/number.ts), so build-time and browser numbers agree.
 */
export function live(name: string, value: number, style: LiveStyle = 'plain'): string {
  if (!/^[a-zA-Z][\w-]*$/.test(name)) throw new Error(`live(): "${name}" is not a valid value name`);
  const tex = style === 'signed' && value > 0 ? `+${fmtTex(value)}` : fmtTex(value, { paren: style === 'factor' });
  // The outer braces make the number one ordinary atom, so KaTeX puts the spacing around it (before
  // a ·, after a =) outside the marked span, and replacing the span's text keeps the spacing.
  return `{\\htmlData{v=${name}, style=${style}}{${tex}}}`;
}
