// numbers.ts — reading the book's marked numbers (data-v) from a page and comparing them with an oracle,
// at the precision shown, through the same formatter the site uses (src/format/number.ts).
import { expect, type Locator } from '@playwright/test';
import { fmt, fmtFactor, fmtSigned } from '../../src/format/number';

const SUPERSCRIPTS: Record<string, string> = { '⁻': '−', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** KaTeX prints 10^{-7} as "10−7" in text; the formatter prints "10⁻⁷". Compare them as one. */
export function canonical(text: string): string {
  return text.replace(/\s+/g, '').replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPTS[c] ?? c);
}

export function shown(value: number, style?: string): string {
  if (style === 'factor') return fmtFactor(value);
  if (style === 'signed') return fmtSigned(value);
  return fmt(value);
}

export interface Marked { name: string; style: string; text: string }

/** Every marked number in scope; `outside` excludes marks inside matching elements (e.g. widgets). */
export async function readMarked(scope: Locator, outside?: string): Promise<Marked[]> {
  return scope.locator('[data-v]').evaluateAll((els, outsideSel) => els
    .filter((el) => !outsideSel || !el.closest(outsideSel))
    .filter((el) => (el as HTMLElement).offsetParent !== null || el.closest('svg') !== null)
    .map((el) => ({ name: (el as HTMLElement).dataset['v'] ?? '', style: (el as HTMLElement).dataset['style'] ?? 'plain', text: el.textContent ?? '' })),
  outside ?? null);
}

/**
 * Every marked number in scope equals the oracle's value for its name, as the formatter shows it;
 * a number the oracle does not know fails too (so nothing on the page goes unchecked).
 * Retries until the page has caught up (widgets render on the next animation frame).
 */
export async function expectNumbers(scope: Locator, oracle: Readonly<Record<string, number>>, options: { outside?: string; atLeast?: number } = {}): Promise<void> {
  await expect(async () => {
    const marked = await readMarked(scope, options.outside);
    expect(marked.length, 'marked numbers found').toBeGreaterThanOrEqual(options.atLeast ?? 1);
    const wrong = marked.flatMap(({ name, style, text }) => {
      const value = oracle[name];
      if (value === undefined) return [`${name}: no expected value for “${text}”`];
      const want = shown(value, style);
      return canonical(text) === canonical(want) ? [] : [`${name}: page shows “${text}”, derivation gives “${want}”`];
    });
    expect(wrong).toEqual([]);
  }).toPass({ timeout: 5_000 });
}
