// embed.spec.ts — the embed pages /embed/<widget>/: one widget, no site chrome, a link back to its place
// in the book, the same URL state as in the chapter, and its height posted to the page that holds the
// iframe ({ type: 'bp-embed-height', id, height }). The host page is served by a route of the test,
// with the snippet the Share dialog gives, as a teacher would paste it.
import { expect, test, type Page } from '@playwright/test';
import { expectNumbers } from './numbers';
import { RUNNING, neuron } from '../fixtures/oracle';
import { builtEmbedPages } from './pages';
import { builtWidgets, openWidget } from './widgets';

const embeds = builtEmbedPages();

test('every widget of the book has an embed page, named by its model (src/embed/registry.ts)', async () => {
  const models = [...new Set(builtWidgets().filter((w) => !w.path.startsWith('/embed/')).map((w) => `/embed/${w.model}/`))].sort();
  expect(models.length).toBeGreaterThanOrEqual(15);
  expect(embeds).toEqual(models);
});

for (const path of embeds) {
  test(`${path} is one widget without the site's header, footer or navigation, linking back to its place in the book`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('bp-widget')).toHaveCount(1);
    await expect(page.locator('header, footer, nav, .site-header, .site-footer')).toHaveCount(0);
    const back = page.getByRole('link', { name: /^Open in the book: / });
    await expect(back).toBeVisible();
    const id = await page.locator('bp-widget').getAttribute('id');
    const href = new URL((await back.getAttribute('href'))!, page.url());
    expect(href.hash).toBe(`#${id}`);
    await page.goto(href.pathname);
    await expect(page.locator(`bp-widget#${id}`)).toHaveCount(1);
  });
}

function shown(x: number, w: number, b: number, y: number): Record<string, number> {
  const o = neuron({ x, w, b, y, alpha: RUNNING.alpha });
  const lossFloor = y >= 1 ? 0.5 * (y - 1) ** 2 : y <= 0 ? 0.5 * y ** 2 : 0;
  return { x, w, b, y, z: o.z, a: o.a, dLda: o.a - y, dadz: o.dadz, oneMinusA: 1 - o.a, delta: (o.a - y) * o.dadz, dLdw: o.delta * x, dLdb: o.delta, lossFloor };
}

/** The snippet the Share dialog of the output delta gives, for its current state (x = 2, w locked). */
async function snippetFromShare(page: Page): Promise<string> {
  const w = await openWidget(page, { path: '/output-delta/', id: 'od1', model: 'output-delta', title: 'The output delta' });
  await w.getByRole('textbox', { name: 'Input x', exact: true }).fill('2');
  await w.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “The output delta”' });
  await dialog.getByRole('checkbox', { name: 'Lock Weight w', exact: true }).check();
  return dialog.getByRole('textbox', { name: /^Embed in a course page/ }).inputValue();
}

/** A course page at /course-page.html on the book's own server (a route of the test), holding `body`. */
async function hostPage(page: Page, body: string): Promise<void> {
  await page.route('**/course-page.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
      <script>window.messages = []; addEventListener('message', (e) => window.messages.push(e.data));</script></head>
      <body style="margin:0;font-family:sans-serif"><h1 style="margin:1rem">Week 3: the output delta</h1><p style="margin:1rem">Predict δ before you press Reveal.</p>${body}</body></html>`,
  }));
  await page.goto('/course-page.html');
}

test('the Share dialog’s snippet embeds the widget with its state, and the iframe takes the height the embed posts', async ({ page }) => {
  const snippet = await snippetFromShare(page);
  const src = /<iframe src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
  expect(new URL(src).pathname).toBe('/embed/output-delta/');
  expect(new URL(src).search).toBe('?od1.x=2&od1.lock=w');
  expect(snippet).toContain('title="The output delta (Backprop, Step by Step)" width="100%"');

  await hostPage(page, snippet);
  const frame = page.frameLocator('iframe[data-bp-embed="od1"]');
  const inner = frame.locator('bp-widget#od1');
  await expect(inner).toHaveAttribute('data-ready', '');
  await expect(frame.getByRole('textbox', { name: 'Input x', exact: true })).toHaveValue('2');
  await expect(frame.getByRole('textbox', { name: 'Weight w (locked)', exact: true })).not.toBeEditable();
  await expectNumbers(inner, shown(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });

  // The message, as documented, and the iframe sized to it (no scroll bar inside).
  await expect.poll(() => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages.length)).toBeGreaterThan(0);
  const messages = await page.evaluate(() => (window as unknown as { messages: { type: string; id: string; height: number }[] }).messages);
  const last = messages.at(-1)!;
  expect(Object.keys(last).sort()).toEqual(['height', 'id', 'type']);
  expect(last.type).toBe('bp-embed-height');
  expect(last.id).toBe('od1');
  const contentHeight = await frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
  await expect.poll(async () => (await page.evaluate(() => (window as unknown as { messages: { height: number }[] }).messages.at(-1)!.height))).toBe(contentHeight);
  await expect.poll(() => page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(contentHeight);
  expect(await page.locator('iframe').evaluate((f) => { const d = (f as HTMLIFrameElement).contentDocument!.documentElement; return d.scrollHeight <= d.clientHeight; })).toBe(true);

  // The content grows (a message under a field): a new height is posted and the iframe follows.
  await frame.getByRole('textbox', { name: 'Bias b', exact: true }).fill('abc');
  await expect(frame.locator('[data-param="b"] [data-msg]')).toBeVisible();
  await expect.poll(async () => {
    const now = await frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
    const framed = await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height));
    return now > contentHeight && framed === now;
  }).toBe(true);
});

test('an embed page opened in a tab of its own posts nothing and works as a page', async ({ page }) => {
  await page.goto('/embed/output-delta/?od1.y=0.8');
  const w = page.locator('bp-widget#od1');
  await expect(w).toHaveAttribute('data-ready', '');
  await expectNumbers(w, shown(RUNNING.x, RUNNING.w, RUNNING.b, 0.8), { atLeast: 10 });
});
