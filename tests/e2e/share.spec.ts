// share.spec.ts — the Share dialog of a widget, through the real UI: keyboard and focus, a classroom
// link that hides and locks exactly the controls ticked and hides the derivation until Reveal, hostile
// classroom values, and "Print this widget" (only that widget printed, with a QR code that decodes to
// its link). The kit applies all of this to every widget the same way; the output delta stands for all.
import { expect, test, type Locator, type Page } from '@playwright/test';
import decodeQR from 'qr/decode.js';
import { expectNumbers } from './numbers';
import { RUNNING, neuron } from '../fixtures/oracle';
import { qrModules } from '../../src/kit/share';
import { openWidget, widget } from './widgets';
import { bitmap } from '../fixtures/qr-bitmap';

const PATH = '/output-delta/';
const TITLE = 'The output delta';
const found = { path: PATH, id: 'od1', model: 'output-delta', title: TITLE };

/** Every number the output-delta widget shows, from its formulas (δ = (a − y)·σ′(z)). */
function shown(x: number, w: number, b: number, y: number): Record<string, number> {
  const o = neuron({ x, w, b, y, alpha: RUNNING.alpha });
  const lossFloor = y >= 1 ? 0.5 * (y - 1) ** 2 : y <= 0 ? 0.5 * y ** 2 : 0;
  return { x, w, b, y, z: o.z, a: o.a, dLda: o.a - y, dadz: o.dadz, oneMinusA: 1 - o.a, delta: (o.a - y) * o.dadz, dLdw: o.delta * x, dLdb: o.delta, lossFloor };
}

const field = (w: Locator, label: string) => w.getByRole('textbox', { name: label, exact: true });
const shareDialog = (page: Page) => page.getByRole('dialog', { name: `Share “${TITLE}”` });

async function openShare(page: Page, w: Locator): Promise<Locator> {
  await w.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = shareDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the dialog’s code is not in the page’s first load: it is fetched on the first press of Share', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
  const w = await openWidget(page, found);
  const before = scripts.length;
  await openShare(page, w);
  expect(scripts.length, 'scripts fetched by the first press of Share').toBeGreaterThan(before);
});

test('keyboard: Enter opens the dialog, Tab stays inside it, Escape closes it and focus returns to Share', async ({ page }) => {
  const w = await openWidget(page, found);
  const share = w.getByRole('button', { name: 'Share', exact: true });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = shareDialog(page);
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus inside the dialog after ${key} × ${i + 1}`).toBe(true);
    }
  }
  // Every control of the widget is offered, by its label, to hide and to lock.
  for (const name of ['Input x', 'Weight w', 'Bias b', 'Target y']) {
    await expect(dialog.getByRole('checkbox', { name: `Hide ${name}`, exact: true })).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: `Lock ${name}`, exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
});

test('a classroom link hides and locks exactly the controls ticked, keeps the numbers, and Reveal shows the derivation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await openWidget(page, found);
  await field(w, 'Input x').fill('2');
  await expectNumbers(w, shown(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
  const dialog = await openShare(page, w);
  await dialog.getByRole('checkbox', { name: 'Hide Input x', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'Lock Weight w', exact: true }).check();
  await dialog.getByRole('radio', { name: 'The derivation', exact: true }).check();
  const link = await dialog.getByRole('textbox', { name: 'Classroom link', exact: true }).inputValue();
  expect(new URL(link).search).toBe('?od1.x=2&od1.hide=x&od1.lock=w&od1.reveal=derivation');
  expect(new URL(link).hash).toBe('#od1');
  await dialog.getByRole('button', { name: 'Copy classroom link', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied. It opens this widget with these numbers and settings.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // The student's page.
  const student = await context.newPage();
  await student.goto(link);
  const s = widget(student, TITLE);
  await expect(student.locator('bp-widget#od1')).toHaveAttribute('data-ready', '');
  await expect(s.locator('[data-param="x"]')).toBeHidden();
  await expect(s.getByRole('textbox', { name: /^Input x/ })).toHaveCount(0);
  const locked = s.getByRole('textbox', { name: 'Weight w (locked)', exact: true });
  await expect(locked).toBeVisible();
  await expect(locked).not.toBeEditable();
  await expect(locked).toHaveValue('0.3');
  await expect(s.getByRole('slider', { name: 'Weight w (locked)', exact: true })).toBeDisabled();
  await expect(s.locator('[data-param="w"]')).toContainText('(locked)');
  for (const name of ['Bias b', 'Target y']) await expect(field(s, name)).toBeEditable();
  await expect(s.locator('[data-notice]')).toBeHidden();
  await expect(s.locator('.widget-display')).toBeVisible();
  await expect(s.locator('.widget-derivation')).toBeHidden();
  await expectNumbers(s, shown(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });

  // The student works with the controls left: the numbers follow, the locked and hidden ones do not move.
  await field(s, 'Bias b').fill('-1');
  await expectNumbers(s, shown(2, RUNNING.w, -1, RUNNING.y), { atLeast: 10 });
  // Reset goes back to the book's numbers for what the student can set, and keeps the teacher's x and w.
  await s.getByRole('button', { name: 'Reset', exact: true }).click();
  await expectNumbers(s, shown(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
  await expect.poll(() => new URL(student.url()).search).toBe('?od1.x=2&od1.hide=x&od1.lock=w&od1.reveal=derivation');

  const reveal = s.getByRole('button', { name: 'Reveal the derivation', exact: true });
  await reveal.click();
  await expect(s.locator('.widget-derivation')).toBeVisible();
  await expect(reveal).toBeHidden();
  await expect.poll(() => student.evaluate(() => document.activeElement?.classList.contains('widget-derivation'))).toBe(true);
  await expect(s.locator('.widget-derivation')).toContainText('δ');
  // What was revealed shows the teacher's numbers.
  await expectNumbers(s.locator('.widget-derivation'), shown(2, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
});

test('"the results" hides the display and the derivation until Reveal', async ({ page }) => {
  const w = await openWidget(page, found, '?od1.reveal=results');
  await expect(w.locator('.widget-display')).toBeHidden();
  await expect(w.locator('.widget-derivation')).toBeHidden();
  for (const name of ['Input x', 'Weight w', 'Bias b', 'Target y']) await expect(field(w, name)).toBeEditable();
  await w.getByRole('button', { name: 'Reveal the results', exact: true }).click();
  await expect(w.locator('.widget-display')).toBeVisible();
  await expect(w.locator('.widget-derivation')).toBeVisible();
  await expectNumbers(w, shown(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
});

test('hostile classroom values give a notice, hide and lock nothing, and inject nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const query = `?od1.hide=${encodeURIComponent('<img src=x onerror=alert(1)>,__proto__')}&od1.lock=${encodeURIComponent('javascript:alert(1)')}&od1.reveal=${encodeURIComponent('<script>alert(1)</script>')}`;
  const w = await openWidget(page, found, query);
  const notice = w.locator('[data-notice]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The link hides “<img src=x onerror=alert(1)>”, which is not a control of this widget; it is ignored.');
  await expect(notice).toContainText('The link locks “javascript:alert(1)”');
  await expect(notice).toContainText('neither derivation nor results; nothing is hidden.');
  for (const name of ['Input x', 'Weight w', 'Bias b', 'Target y']) await expect(field(w, name)).toBeEditable();
  await expect(w.locator('.widget-derivation')).toBeVisible();
  await expect(w.getByRole('button', { name: /^Reveal/ })).toBeHidden();
  await expectNumbers(w, shown(RUNNING.x, RUNNING.w, RUNNING.b, RUNNING.y), { atLeast: 10 });
  expect(await page.locator('[onerror], script:has-text("alert(1)")').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('Print this widget prints only that widget, in its current state, with its link and a QR code that opens it', async ({ page }) => {
  // The browser's print dialog is not part of the page: record the call and print with emulated media.
  await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
  const w = await openWidget(page, found);
  await field(w, 'Target y').fill('0.8');
  await expectNumbers(w, shown(RUNNING.x, RUNNING.w, RUNNING.b, 0.8), { atLeast: 10 });
  const dialog = await openShare(page, w);
  await dialog.getByRole('checkbox', { name: 'Lock Target y', exact: true }).check();
  const link = await dialog.getByRole('textbox', { name: 'Classroom link', exact: true }).inputValue();
  await dialog.getByRole('button', { name: 'Print this widget', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(dialog).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('bp-widget#od1')).toBeVisible();
  for (const other of ['.site-header', '.site-footer', '.chapter-header', '.toc', '.pager']) await expect(page.locator(other)).toBeHidden();
  // Nothing of the chapter but the widget is printed: every visible element with text is inside it.
  const outside = await page.locator('body *').evaluateAll((els) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !e.closest('bp-widget#od1') && !e.querySelector('bp-widget#od1');
  }).map((e) => e.tagName));
  expect(outside).toEqual([]);
  const block = page.locator('bp-widget#od1 .widget-print-link');
  await expect(block).toBeVisible();
  await expect(block).toContainText(`Open this widget as printed: ${link}`);
  const svg = await block.locator('svg').evaluate((s) => s.outerHTML);
  expect(decodeQR(bitmap(qrModules(svg)))).toBe(link);
  await expectNumbers(page.locator('bp-widget#od1 .widget-display'), shown(RUNNING.x, RUNNING.w, RUNNING.b, 0.8), { atLeast: 3 });

  // After printing, the page is as it was.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(block).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.classList.contains('bp-print-one'))).toBe(false);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.site-header')).toBeVisible();
});
