import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { compactHtml } from '../../../src/build/compact-html';

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
const math = katex.renderToString(String.raw`\delta^{(1)} = \frac{\partial L}{\partial z^{(1)}}`, { displayMode: true });

describe('compactHtml', () => {
  test('compactHtml(page) drops the TeX annotations and keeps the MathML', () => {
    const { html, annotationsRemoved } = compactHtml(page(math));
    expect(math).toContain('application/x-tex');
    expect(annotationsRemoved).toBe(1);
    expect(html).not.toContain('application/x-tex');
    expect(html).toContain('<semantics><mrow>');
    expect(html).toContain('<mi>δ</mi>');
  });
  test('compactHtml(page) turns each distinct inline style of KaTeX into one class defined once, !important', () => {
    const { html, stylesHoisted, distinctStyles } = compactHtml(page(math + math));
    const before = (math.match(/ style="/g) ?? []).length * 2;
    expect(stylesHoisted).toBe(before);
    expect(distinctStyles).toBeLessThan(before / 2);
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/ style="/);
    const css = /<style>(.*?)<\/style>/.exec(html)![1]!;
    expect(css).toMatch(/^\.ks0\{[a-z-]+:[^;{}]+!important(;[a-z-]+:[^;{}]+!important)*\}/);
    expect(css.match(/\.ks[0-9a-z]+\{/g)).toHaveLength(distinctStyles);
  });
  test('compactHtml(page) leaves inline styles outside KaTeX and code alone (a widget may change them)', () => {
    const { html } = compactHtml(page(`<div class="widget"><span class="bar" style="width: 40%"></span></div>${math}`));
    expect(html).toContain('<span class="bar" style="width: 40%"></span>');
  });
  test('compactHtml(page) hoists the styles of Shiki code blocks', () => {
    const code = '<pre class="astro-code" style="background-color:#fff;--shiki-dark-bg:#0d1117"><code><span style="color:#CF222E;--shiki-dark:#FF7B72">const</span></code></pre>';
    const { html, stylesHoisted } = compactHtml(page(code));
    expect(stylesHoisted).toBe(2);
    expect(html).toContain('.ks1{color:#CF222E!important;--shiki-dark:#FF7B72!important}');
  });
  test('compactHtml(page) fails when the page already uses a class like the generated ones', () => {
    expect(() => compactHtml(page(`<p class="ks1">x</p>${math}`))).toThrow('clashes');
  });
  test('compactHtml(page) keeps scripts and text as they are', () => {
    const script = '<script type="module">if (1 < 2 && "a" > "b") console.log("<b>")</script>';
    expect(compactHtml(page(`${script}<p>a &lt; b &amp; “c”</p>`)).html).toContain(`${script}<p>a &#x3C; b &#x26; “c”</p>`);
  });
});
