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
}
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
  test('excerpt(source, name) fails for a name that is not there, so the build fails', () => {
    expect(() => excerpt(source, 'sigmoidPrime', 'activations.ts')).toThrow('no top-level "export … sigmoidPrime" in activations.ts');
  });
});
