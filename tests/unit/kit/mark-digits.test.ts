// A marked number may carry more significant digits than the book's 4 (data-digits), for the rare number
// shown beside a source printed to nine decimals: the build's HTML (markHtml) and every later frame
// (the painter's writeNumbers) print the same digits; a mark without data-digits is as it always was.
import { describe, expect, test } from 'vitest';
import { markHtml } from '../../../src/format/names';
import { writeNumbers } from '../../../src/kit/dom/painter';

/** Just enough of an element for writeNumbers: attributes, text, and a [data-v] query on the root. */
class Mark {
  textContent = '';
  private readonly attrs: Record<string, string>;
  constructor(attrs: Record<string, string>) { this.attrs = attrs; }
  getAttribute(name: string): string | null { return this.attrs[name] ?? null; }
}
const rootOf = (marks: Mark[]) => ({ querySelectorAll: (sel: string) => (sel === '[data-v]' ? marks : []) }) as unknown as ParentNode;

describe('markHtml(q, style, tag, digits)', () => {
  test('markHtml(q, "plain", "span", 9) prints nine significant digits and keeps them on the mark', () => {
    expect(markHtml({ name: 'E1', value: 0.29102777369359933 }, 'plain', 'span', 9))
      .toBe('<span data-v="E1" data-style="plain" data-digits="9">0.291027774</span>');
    expect(markHtml({ name: 'g', value: -3.5108548e-5 }, 'factor', 'tspan', 6))
      .toBe('<tspan data-v="g" data-style="factor" data-digits="6">(−3.51085×10⁻⁵)</tspan>');
  });
  test('without digits the mark is unchanged: four significant digits, no data-digits', () => {
    expect(markHtml({ name: 'E1', value: 0.29102777369359933 })).toBe('<span data-v="E1" data-style="plain">0.291</span>');
  });
});

describe('writeNumbers(root, numbers) and data-digits', () => {
  test('a mark with data-digits="9" is written to nine digits, its neighbour without it to four', () => {
    const long = new Mark({ 'data-v': 'E', 'data-style': 'plain', 'data-digits': '9' });
    const short = new Mark({ 'data-v': 'E', 'data-style': 'signed' });
    writeNumbers(rootOf([long, short]), { E: 0.2910279239054 }, 'test');
    expect(long.textContent).toBe('0.291027924');
    expect(short.textContent).toBe('+0.291');
  });
});
