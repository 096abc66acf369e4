// cells.ts — the notebook cells of the built book (<bp-cell>), found in the built pages like widgets are,
// so a new cell is covered by cells.spec.ts and contract.spec.ts without being listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { builtPages, outDir } from './pages';

export interface FoundCell { path: string; id: string; title: string }

/** Every <bp-cell> of the build, with its page and title. */
export function builtCells(): FoundCell[] {
  return builtPages().flatMap((path) => {
    const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
    return [...html.matchAll(/<bp-cell id="([a-z0-9]+)" class="cell"/g)].map((m) => {
      const title = new RegExp(`<p class="cell-title" id="${m[1]}-title">([^<]*)</p>`).exec(html)?.[1] ?? '';
      return { path, id: m[1]!, title };
    });
  });
}

/** Opens a cell's page (with an optional query) and waits until its element is live. */
export async function openCell(page: Page, c: FoundCell, query = ''): Promise<Locator> {
  await page.goto(`${c.path}${query}#${c.id}`);
  const cell = page.locator(`bp-cell#${c.id}`);
  await expect(cell.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  return cell;
}

/** A cell's output as the reader sees it: its lines of text, and the full values of its marked numbers. */
export async function readOutput(cell: Locator): Promise<{ lines: string[]; numbers: number[] }> {
  return cell.locator('[data-cell-output]').evaluate((pre) => ({
    lines: [...pre.querySelectorAll('[data-line]')].map((l) => l.textContent ?? ''),
    numbers: [...pre.querySelectorAll('[data-n]')].map((n) => Number(n.getAttribute('data-n'))),
  }));
}

/** Presses Run and waits for the cell to say how the run ended. */
export async function run(cell: Locator): Promise<void> {
  const status = cell.locator('[data-cell-status]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status).toHaveText(/^(Ran in \d+ ms|Ended with an error.*|Stopped after .*)\.$/, { timeout: 10_000 });
}
