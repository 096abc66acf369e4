// code-excerpt.ts — cuts one declaration, with its doc comment, out of a source file, so a chapter can
// show the engine's real code beside a formula (literate code that cannot drift from the code that runs).
// Works on the engine's style: top-level `export function|const|class|interface|type name`. The
// declaration ends where its brackets close again: the first line after which every (, [ and { opened
// since the declaration began is closed, and that either closed a block (`}`, `};`, `})`…) or ends in `;`.
// So a multi-line parameter list (`export function f(\n  a,\n): void {`) is not mistaken for the end.
// A method is named `Class.method` (micrograd style: each operation beside its backward rule) and is
// shown dedented, from its doc comment to the line that closes its body.

export interface Excerpt {
  readonly code: string;
  /** 1-based line numbers of the declaration in its file (doc comment included). */
  readonly from: number;
  readonly to: number;
}

export function excerpt(source: string, name: string, file = 'the file'): Excerpt {
  const lines = source.split('\n');
  if (name.includes('.')) return method(lines, name, file);
  const declaration = new RegExp(`^export (?:async )?(?:function\\*?|const|let|class|interface|type|abstract class) ${name}\\b`);
  const start = lines.findIndex((l) => declaration.test(l));
  if (start < 0) throw new Error(`excerpt: no top-level "export … ${name}" in ${file}`);
  const end = endOf(lines, start);
  if (end < 0) throw new Error(`excerpt: cannot find the end of ${name} in ${file}`);
  const first = commentStart(lines, start);
  return { code: lines.slice(first, end + 1).join('\n'), from: first + 1, to: end + 1 };
}

function method(lines: string[], name: string, file: string): Excerpt {
  const [className, methodName] = name.split('.') as [string, string];
  const classStart = lines.findIndex((l) => new RegExp(`^export (?:abstract )?class ${className}\\b`).test(l));
  if (classStart < 0) throw new Error(`excerpt: no top-level "export class ${className}" in ${file}`);
  const classEnd = endOf(lines, classStart);
  const signature = new RegExp(`^  (?:static )?(?:async )?(?:get |set )?\\*?${methodName}\\s*[(<]`);
  const start = lines.findIndex((l, i) => i > classStart && i < classEnd && signature.test(l));
  if (start < 0) throw new Error(`excerpt: class ${className} in ${file} has no method ${methodName}`);
  const end = endOf(lines, start);
  if (end < 0) throw new Error(`excerpt: cannot find the end of ${name} in ${file}`);
  const first = commentStart(lines, start);
  const code = lines.slice(first, end + 1).map((l) => l.replace(/^  /, '')).join('\n');
  return { code, from: first + 1, to: end + 1 };
}

/** The comment block right above a declaration (/** … *\/ or // lines), if any. */
function commentStart(lines: readonly string[], start: number): number {
  let first = start;
  while (first > 0 && /^\s*(\/\/|\/\*\*|\*|\*\/)/.test(lines[first - 1]!)) first--;
  return first;
}

/**
 * The index of the line that ends the declaration starting at `start`, or −1: the first line at whose
 * end the bracket depth counted from `start` is back to 0, having been above 0 (a body or a literal
 * closed), or never having been (a one-line declaration ending in `;`). Brackets inside strings,
 * template literals and comments do not count.
 */
function endOf(lines: readonly string[], start: number): number {
  let depth = 0;
  let opened = false;
  let inBlockComment = false;
  let quote: string | null = null; // ', " or ` while inside a string
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (inBlockComment) {
        if (c === '*' && line[k + 1] === '/') { inBlockComment = false; k++; }
        continue;
      }
      if (quote) {
        if (c === '\\') k++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '/' && line[k + 1] === '/') break;
      if (c === '/' && line[k + 1] === '*') { inBlockComment = true; k++; continue; }
      if (c === '\'' || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) { depth++; opened = true; }
      else if (')]}'.includes(c)) depth--;
    }
    // A string does not continue past its line, except a template literal.
    if (quote !== '`') quote = null;
    const code = line.replace(/\/\/.*$/, '').trimEnd();
    if (depth === 0 && !inBlockComment && quote === null && (opened ? /[)\]};]$/.test(code) : code.endsWith(';'))) return i;
  }
  return -1;
}
