// code-excerpt.ts — cuts one declaration, with its doc comment, out of a source file, so a chapter can
// show the engine's real code beside a formula (literate code that cannot drift from the code that runs).
// Works on the engine's style: top-level `export function|const|class|interface|type name`, closed by a
// line that starts with `}` or `);` at column 0, or a one-line declaration ending in `;`.
// A method is named `Class.method` (micrograd style: each operation beside its backward rule) and is
// shown dedented, from its doc comment to its closing `  }`.

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
  let end = start;
  const oneLine = /;\s*(\/\/.*)?$/.test(lines[start]!) && balanced(lines[start]!);
  if (!oneLine) {
    end = lines.findIndex((l, i) => i > start && /^(\}|\);|\]|\))/.test(l));
    if (end < 0) throw new Error(`excerpt: cannot find the end of ${name} in ${file}`);
  }
  // Take the comment block right above it (/** … */ or // lines), if any.
  let first = start;
  while (first > 0 && /^\s*(\/\/|\/\*\*|\*|\*\/)/.test(lines[first - 1]!)) first--;
  return { code: lines.slice(first, end + 1).join('\n'), from: first + 1, to: end + 1 };
}

function balanced(line: string): boolean {
  let depth = 0;
  for (const c of line) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
  }
  return depth === 0;
}

function method(lines: string[], name: string, file: string): Excerpt {
  const [className, methodName] = name.split('.') as [string, string];
  const classStart = lines.findIndex((l) => new RegExp(`^export (?:abstract )?class ${className}\\b`).test(l));
  if (classStart < 0) throw new Error(`excerpt: no top-level "export class ${className}" in ${file}`);
  const classEnd = lines.findIndex((l, i) => i > classStart && /^\}/.test(l));
  const start = lines.findIndex((l, i) => i > classStart && i < classEnd && new RegExp(`^  (?:static )?(?:get )?${methodName}\\(`).test(l));
  if (start < 0) throw new Error(`excerpt: class ${className} in ${file} has no method ${methodName}`);
  const end = lines.findIndex((l, i) => i > start && /^  \}/.test(l));
  let first = start;
  while (first > 0 && /^\s*(\/\/|\/\*\*|\*|\*\/)/.test(lines[first - 1]!)) first--;
  const code = lines.slice(first, end + 1).map((l) => l.replace(/^  /, '')).join('\n');
  return { code, from: first + 1, to: end + 1 };
}
