// A chart's "Table" toggle as the e2e tests press it (web/chart-frames.ts): it opens the table of
// what the chart drew, which the tests then read.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Opens chart `id`'s table (checking that the toggle says it was closed and is now open) and returns
 * its caption, column headers with their scope, row count, first row (each cell with its scope if a
 * header) and every row's text.
 */
export async function openTable(page: Page, id: string) {
  const toggle = page.locator(`button[data-table-for="${id}"]`);
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const box = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  await box.locator('table').waitFor();
  return box.locator('table').evaluate((t: HTMLTableElement) => ({
    caption: t.caption?.textContent ?? '',
    columns: Array.from(t.tHead!.rows[0].cells, (c) => [c.textContent, (c as HTMLTableCellElement).scope]),
    rows: t.tBodies[0].rows.length,
    first: Array.from(t.tBodies[0].rows[0].cells, (c) => [c.textContent, c.tagName === 'TH' ? (c as HTMLTableCellElement).scope : '']),
    cells: Array.from(t.tBodies[0].rows, (r) => Array.from(r.cells, (c) => c.textContent ?? '')),
  }));
}
