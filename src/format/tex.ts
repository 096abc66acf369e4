// tex.ts — KaTeX, configured once: the options and macros used by `$…$` in chapters (astro.config.mjs),
// by <Tex>/<Eq>/<Q> (build time) and by the live equations of widgets (rendered at build time too).
// Build time only: widgets never ship KaTeX to the browser; they update the marked numbers inside
// equations that were typeset at build time (see `live` below and src/kit/dom/painter.ts).
import katex from 'katex';
import { fmtTex, type NumberStyle } from './number.ts';
import { named, NAME, type Quantity } from './names.ts';

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
  // Only the command that marks a number (\htmlData) is trusted: a chapter's TeX cannot make links or run anything.
  trust: (context: { command: string }) => context.command === '\\htmlData',
} as const;

export interface RenderOptions {
  /** Display (block) math instead of inline math. */
  readonly display?: boolean;
}

/**
 * TeX source → KaTeX HTML with its MathML twin for screen readers. Throws on a TeX error.
 *
 * Numbers marked with `live()` are marked in BOTH renderings: `<span data-v="delta">` in the HTML and
 * `<mn data-v="delta">` in the MathML, so a widget that updates them keeps what is seen and what is
 * read aloud in step. (KaTeX puts \htmlData marks only into its HTML; the MathML is rendered a second
 * time with a placeholder for each mark, and the placeholders are replaced by marked <mn> elements.)
 * The TeX copy (<annotation>) is left out: it would hold stale numbers, and it doubles the bytes.
 */
export function renderTex(expr: string, { display = false }: RenderOptions = {}): string {
  const marks = findMarks(expr);
  const render = (tex: string, output: 'html' | 'mathml' | 'htmlAndMathml'): string =>
    // `macros` is copied: KaTeX writes \gdef definitions into the object it is given.
    katex.renderToString(tex, { ...katexOptions, macros: { ...macros }, displayMode: display, output });
  if (marks.length === 0) return dropAnnotation(render(expr, 'htmlAndMathml'));
  const html = render(expr, 'html');
  let placeholders = '';
  let at = 0;
  marks.forEach((m, i) => {
    placeholders += `${expr.slice(at, m.start)}{\\text{BPLIVE${i}Z}}`;
    at = m.end;
  });
  placeholders += expr.slice(at);
  let mathml = dropAnnotation(render(placeholders, 'mathml'));
  marks.forEach((m, i) => {
    const placeholder = new RegExp(`<mtext>BPLIVE${i}Z</mtext>`);
    if (!placeholder.test(mathml)) throw new Error(`renderTex: lost the MathML of the marked number ${m.name} in ${expr}`);
    mathml = mathml.replace(placeholder, `<mn data-v="${m.name}" data-style="${m.style}">${texNumberText(m.tex)}</mn>`);
  });
  const math = /<math[\s\S]*<\/math>/.exec(mathml)?.[0];
  const opening = '<span class="katex">';
  if (!math || !html.includes(opening)) throw new Error(`renderTex: unexpected KaTeX output for ${expr}`);
  return html.replace(opening, `${opening}<span class="katex-mathml">${math}</span>`);
}

function dropAnnotation(s: string): string {
  return s.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, '');
}

interface Mark { readonly start: number; readonly end: number; readonly name: string; readonly style: NumberStyle; readonly tex: string }

const MARK = /\{\\htmlData\{v=([\w-]+), style=(plain|factor|signed)\}\{/g;

/** The live() marks in a TeX string, with their extent (braces matched). */
function findMarks(expr: string): Mark[] {
  const out: Mark[] = [];
  for (const m of expr.matchAll(MARK)) {
    let depth = 2;
    let i = m.index + m[0].length;
    const bodyStart = i;
    for (; i < expr.length && depth > 0; i++) {
      if (expr[i] === '{') depth++;
      else if (expr[i] === '}') depth--;
    }
    out.push({ start: m.index, end: i, name: m[1]!, style: m[2] as NumberStyle, tex: expr.slice(bodyStart, i - 2) });
  }
  return out;
}

/** The plain text of a number written by fmtTex: "-1.2 \\times 10^{-7}" → "−1.2×10⁻⁷" (what fmt prints). */
function texNumberText(tex: string): string {
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return tex
    .replace(/\s*\\times\s*10\^\{(-?\d+)\}/, (_, e: string) => `×10${[...e].map((c) => sup[c] ?? c).join('')}`)
    .replace(/-/g, '\u2212');
}

/**
 * Marks a computed number inside an equation so a widget can update it in the browser without KaTeX:
 * `live(N('delta'))` → `{\htmlData{v=delta, style=plain}{-0.2308}}`, rendered as
 * `<span data-v="delta" data-style="plain">−0.2308</span>` (and `<mn data-v="delta">` in the MathML).
 * The painter writes new text into it with the same formatter (src/format/number.ts).
 */
export function live(q: Quantity, style: NumberStyle = 'plain'): string {
  if (!NAME.test(q.name)) throw new Error(`live(): "${q.name}" is not a valid value name`);
  // The outer braces make the number one ordinary atom, so KaTeX puts the spacing around it (before
  // a ·, after a =) outside the marked span, and replacing the span's text keeps the spacing.
  return `{\\htmlData{v=${q.name}, style=${style}}{${fmtTex(q.value, { style })}}}`;
}

/**
 * `const L = liveOf(result.numbers)`, then `L('delta')` or `L('x', 'factor')` inside TeX: the name is
 * bound once, checked against the numbers (by the compiler in .astro, at build time in MDX).
 */
export function liveOf<T extends Readonly<Record<string, number>>>(numbers: T): (name: keyof T & string, style?: NumberStyle) => string {
  const N = named(numbers);
  return (name, style = 'plain') => live(N(name), style);
}
