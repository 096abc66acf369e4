import { describe, expect, test } from 'vitest';
import { remarkEquationNumbers } from '../../../src/markdown/equation-numbers';

type Node = { type: string; name?: string; attributes?: { type: string; name: string; value: string }[]; children?: Node[] };
const eq = (id: string): Node => ({ type: 'mdxJsxFlowElement', name: 'Eq', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }] });
const ref = (id: string): Node => ({ type: 'mdxJsxTextElement', name: 'EqRef', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }] });
const numberOf = (n: Node) => n.attributes?.find((a) => a.name === 'number')?.value;

describe('remarkEquationNumbers', () => {
  test('numbers <Eq> in reading order and writes the numbers into <EqRef>, even before the equation', () => {
    const early = ref('b');
    const tree: Node = { type: 'root', children: [early, eq('a'), { type: 'paragraph', children: [eq('b')] }, ref('a')] };
    remarkEquationNumbers()(tree as never, { path: 'ch.mdx' });
    expect(numberOf(tree.children![1]!)).toBe('1');
    expect(numberOf(tree.children![2]!.children![0]!)).toBe('2');
    expect(numberOf(early)).toBe('2');
    expect(numberOf(tree.children![3]!)).toBe('1');
  });
  test('a reference to a missing equation fails, naming the file and the id', () => {
    expect(() => remarkEquationNumbers()({ type: 'root', children: [ref('nope')] } as never, { path: 'ch.mdx' }))
      .toThrow('ch.mdx: <EqRef id="nope"> refers to no <Eq id="nope"> in this chapter');
  });
  test('hands the numbers to the page as remarkPluginFrontmatter.equations, keeping the frontmatter there', () => {
    const file = { path: 'ch.mdx', data: { astro: { frontmatter: { title: 'T' } as Record<string, unknown> } } };
    remarkEquationNumbers()({ type: 'root', children: [eq('a'), ref('a'), eq('b')] } as never, file);
    expect(file.data.astro.frontmatter).toEqual({ title: 'T', equations: { a: 1, b: 2 } });
  });
  test('two equations with one id fail', () => {
    expect(() => remarkEquationNumbers()({ type: 'root', children: [eq('a'), eq('a')] } as never, { path: 'ch.mdx' }))
      .toThrow('two equations have id="a"');
  });
});
