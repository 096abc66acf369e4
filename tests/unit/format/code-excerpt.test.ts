import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { excerpt } from '../../../src/format/code-excerpt';

const source = `import x from 'y';

/** σ(z), the logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

// a(1 − a): σ' from the output a.
export const sigmoidPrimeFromA = (a: number): number => a * (1 - a);

export const table = {
  a: 1,
};

export class Value {
  data = 0;

  /** this · other; ∂/∂this = other. */
  mul(other: Value): Value {
    return other;
  }

  /** A signature over several lines. */
  static from(
    data: number,
    label = '}',
  ): Value {
    return new Value();
  }
}

/** Many parameters, one per line, as dense.ts's backwardInto. */
export function backwardInto(
  layers: readonly number[],
  note: string,
): void {
  const text = '} not the end';
  if (layers.length > 0) {
    note = \`\${text} (still inside)\`;
  }
}

export type Kind =
  | 'a'
  | 'b';
`;

describe('excerpt', () => {
  test('excerpt(source, name) returns a function with its doc comment and its line numbers', () => {
    expect(excerpt(source, 'sigmoid')).toEqual({
      code: '/** σ(z), the logistic function. */\nexport function sigmoid(z: number): number {\n  return 1 / (1 + Math.exp(-z));\n}',
      from: 3, to: 6,
    });
  });
  test('excerpt(source, name) returns a one-line const with its comment', () => {
    expect(excerpt(source, 'sigmoidPrimeFromA').code).toBe('// a(1 − a): σ\' from the output a.\nexport const sigmoidPrimeFromA = (a: number): number => a * (1 - a);');
  });
  test('excerpt(source, name) returns a multi-line const up to its closing line', () => {
    expect(excerpt(source, 'table')).toMatchObject({ from: 11, to: 13 });
  });
  test('excerpt(source, "Class.method") returns the method, dedented, with its comment', () => {
    expect(excerpt(source, 'Value.mul')).toEqual({
      code: '/** this · other; ∂/∂this = other. */\nmul(other: Value): Value {\n  return other;\n}', from: 18, to: 21,
    });
    expect(() => excerpt(source, 'Value.pow')).toThrow('class Value in the file has no method pow');
  });
  test('excerpt(source, name) ends a multi-line parameter list at the brace that closes the body, not at its `)`', () => {
    expect(excerpt(source, 'backwardInto')).toMatchObject({ from: 32, to: 41 });
    expect(excerpt(source, 'backwardInto').code.split('\n').at(-1)).toBe('}');
  });
  test('excerpt(source, "Class.method") handles a multi-line signature and a brace inside a string', () => {
    expect(excerpt(source, 'Value.from')).toMatchObject({ from: 23, to: 29 });
    expect(excerpt(source, 'Value.from').code).toMatch(/^\/\*\* A signature over several lines\. \*\/\nstatic from\(\n[^]*\n\}$/);
  });
  test('excerpt(source, name) takes a multi-line type up to its `;`', () => {
    expect(excerpt(source, 'Kind')).toMatchObject({ from: 43, to: 45 });
  });
  test('excerpt(source, name) fails for a name that is not there, so the build fails', () => {
    expect(() => excerpt(source, 'sigmoidPrime', 'activations.ts')).toThrow('no top-level "export … sigmoidPrime" in activations.ts');
  });
});

describe('every <EngineCode> in the chapters', () => {
  // Read from the MDX sources, so a chapter that shows a new declaration is checked without a list here.
  const dir = new URL('../../../content/chapters/', import.meta.url);
  const uses = readdirSync(dir).filter((f) => f.endsWith('.mdx')).flatMap((f) =>
    [...readFileSync(new URL(f, dir), 'utf8').matchAll(/<EngineCode\b([^>]*)>/g)].map((m) => ({
      chapter: f,
      file: /\bfile="([^"]+)"/.exec(m[1]!)?.[1] ?? '(no file)',
      name: /\bname="([^"]+)"/.exec(m[1]!)?.[1] ?? '(no name)',
    })));

  test('the chapters use <EngineCode> at all', () => {
    expect(uses.length).toBeGreaterThan(5);
  });
  test.each(uses)('$chapter: <EngineCode file="$file" name="$name"> shows the whole declaration', ({ file, name }) => {
    const source = readFileSync(new URL(`../../../src/engine/${file}`, import.meta.url), 'utf8');
    const { code, from, to } = excerpt(source, name, file);
    const lines = code.split('\n');
    const declaration = lines.find((l) => !/^\s*(\/\/|\/\*\*|\*|\*\/)/.test(l))!;
    const indent = /^\s*/.exec(declaration)![0];
    const last = lines.at(-1)!;
    const oneLine = declaration === last && /;\s*(\/\/.*)?$/.test(last);
    expect(oneLine || new RegExp(`^${indent}\\}[);]*$`).test(last), `last line of ${name} (lines ${from}–${to}): ${last}`).toBe(true);
    expect(to - from + 1).toBe(lines.length);
  });
});
