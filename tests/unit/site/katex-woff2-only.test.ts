import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { woff2Only } from '../../../src/build/katex-woff2-only';

describe('woff2Only', () => {
  test('woff2Only(css) keeps the woff2 source of each face and drops the woff and ttf ones', () => {
    const css = '@font-face{font-family:K;src:url(fonts/K.woff2) format("woff2"),url(fonts/K.woff) format("woff"),url(fonts/K.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe('@font-face{font-family:K;src:url(fonts/K.woff2) format("woff2")}');
  });
  test('woff2Only(KaTeX\'s own CSS) leaves exactly one woff2 url per @font-face', () => {
    const css = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
    const faces = woff2Only(css).match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(15);
    for (const face of faces) expect(face.match(/url\(/g), face).toHaveLength(1);
    expect(woff2Only(css)).not.toMatch(/\.(woff|ttf)\)/);
  });
});
