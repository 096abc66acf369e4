// csp.spec.ts — the site-wide Content-Security-Policy (src/build/csp.ts): every page carries it, and nothing
// on any page breaks it (no securitypolicyviolation event and no console report while the page loads, is
// scrolled through so every widget starts, and a theme switch runs). One test per page.
import { expect, test } from '@playwright/test';
import { builtPages } from './pages';

for (const path of builtPages()) {
  test(`${path} carries the site's Content-Security-Policy and breaks none of it`, async ({ page }) => {
    const reports: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) reports.push(m.text()); });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    expect(policy).toContain("connect-src 'self'");
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    });
    // The theme switch, where the page has one (embed pages follow the system's or the remembered theme).
    const toggle = page.locator('.theme-toggle');
    if (await toggle.count() > 0) await toggle.click();
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect([...violations, ...reports]).toEqual([]);
  });
}
