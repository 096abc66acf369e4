// The site's Content-Security-Policy (src/build/csp.ts): every inline script and <style> by hash, nothing
// from elsewhere, written right after <meta charset>.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineHashes, policyFor, withCsp } from '../../../src/build/csp';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const page = '<!doctype html><html><head><meta charset="utf-8" /><script>var a=1</script><script type="module" src="/x.js"></script><style>.k{color:red}</style></head><body><script type="module">import "/y.js"</script></body></html>';

describe('the Content-Security-Policy', () => {
  test('hashes every inline script and style, not external ones', () => {
    expect(inlineHashes(page)).toEqual({ scripts: [hash('var a=1'), hash('import "/y.js"')], styles: [hash('.k{color:red}')] });
  });

  test('allows only this origin, plus WebAssembly for search and style attributes', () => {
    const p = policyFor(page);
    expect(p).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(p).toContain("connect-src 'self'");
    expect(p).toContain("object-src 'none'");
    expect(p).not.toContain("'unsafe-eval'");
    expect(p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(p).not.toContain('frame-ancestors');   // ignored (with a console warning) in a <meta>
  });

  test('is written once, right after <meta charset>, and a rebuild replaces it', () => {
    const once = withCsp(page);
    expect(once).toMatch(/^<!doctype html><html><head><meta charset="utf-8" \/><meta http-equiv="Content-Security-Policy" content="default-src/);
    expect(withCsp(once).match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(() => withCsp('<html><head></head></html>')).toThrow(/meta charset/);
  });
});
