// The form's staff tools end to end in headless Chromium: the peak-week surges raised by 20% in a
// few actions, a band chosen by shift-click and set, a spreadsheet row pasted (and a bad one
// refused with its column named), a roster copied to the other station and to a new surge; every
// hour cell named by its station and roster or surge, and a field with an error marked invalid and
// described by its message. Screenshots of the tools at 1440 and 390 px are kept in test-artifacts/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import AxeBuilder from '@axe-core/playwright';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(11); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** n staff from hour `from` up to `to` (past midnight when `to` comes first), 0 elsewhere: the docs' shifts. */
const shift = (n: number, from: number, to: number) => Array.from({ length: 24 }, (_, h) => ((to > from ? h >= from && h < to : h >= from || h < to) ? n : 0));

const RECEIVING = 'warehouse.receiving.staff.byHour', QC = 'warehouse.qc.staff.byHour';
const surgeOf = (station: 'receiving' | 'qc', k: number) => `warehouse.${station}.staff.overrides[${k}].byHour`;
/** The box of the grid for the row at `path`: its tools, cells and messages. */
const grid = (path: string) => page.locator(`[data-staff-row="${path}"]`);
const yamlNow = async () => YAML.parse(await page.inputValue('#yaml'));

/** The shipped black-friday-2022 scenario afresh, with the editor and its form’s sections open. */
async function freshScenario(): Promise<void> {
  await page.selectOption('#scenario', 'small-seller.yaml');
  await page.selectOption('#scenario', 'black-friday-2022.yaml');
  await page.$$eval('#editor, #form details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
}

async function tool(path: string, amount: string, action: 'set' | 'add' | 'percent'): Promise<void> {
  await grid(path).locator('.staff-amount').fill(amount);
  await grid(path).locator(`[data-staff-action="${action}"]`).click();
}

/** Pastes `text` into the hour cell `hour` of the row at `path`, as a spreadsheet's copy would arrive. */
async function paste(path: string, hour: number, text: string): Promise<void> {
  await page.locator(`[data-path="${path}[${hour}]"]`).evaluate((cell, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('staff tools in the parameter form', () => {
  it('raises the black-friday peak-week surges by 20% in four actions, whole staff', async () => {
    await freshScenario();
    await tool(surgeOf('receiving', 0), '20', 'percent');
    await tool(surgeOf('qc', 0), '20', 'percent');
    const written = (await yamlNow()).warehouse;
    // 90 from 6:00 to 24:00 becomes 108; QC's 300 from 6:00 to 2:00 becomes 360; the dates stay.
    expect(written.receiving.staff.overrides).toEqual([{ from: '2022-11-24', to: '2022-11-30', byHour: shift(108, 6, 24) }]);
    expect(written.qc.staff.overrides).toEqual([{ from: '2022-11-24', to: '2022-11-30', byHour: shift(360, 6, 2) }]);
    expect(await grid(surgeOf('qc', 0)).locator('.staff-note').textContent()).toBe('Added 20% to all day, rounded half up to whole staff.');
    // The cells show the new numbers.
    expect(await page.inputValue(`[data-path="${surgeOf('qc', 0)}[1]"]`)).toBe('360');
    expect(await page.inputValue(`[data-path="${surgeOf('qc', 0)}[2]"]`)).toBe('0');
  });

  it('a band chosen by shift-click is set to N, and +N adds to it', async () => {
    await freshScenario();
    await page.click(`[data-path="${RECEIVING}[18]"]`);
    await page.click(`[data-path="${RECEIVING}[23]"]`, { modifiers: ['Shift'] });
    expect(await grid(RECEIVING).locator('select[data-band="from"]').inputValue()).toBe('18');
    expect(await grid(RECEIVING).locator('select[data-band="to"]').inputValue()).toBe('24');
    expect(await grid(RECEIVING).locator('label.in-band').count()).toBe(6);
    await tool(RECEIVING, '75', 'set');
    expect((await yamlNow()).warehouse.receiving.staff.byHour).toEqual([...shift(60, 6, 18).slice(0, 18), 75, 75, 75, 75, 75, 75]);
    // The band from the lists, past midnight: 22:00 to 2:00 gets 5 more (0 + 5 after midnight).
    await grid(RECEIVING).locator('select[data-band="from"]').selectOption('22');
    await grid(RECEIVING).locator('select[data-band="to"]').selectOption('2');
    await tool(RECEIVING, '5', 'add');
    expect((await yamlNow()).warehouse.receiving.staff.byHour).toEqual([5, 5, 0, 0, 0, 0, ...Array(12).fill(60), 75, 75, 75, 75, 80, 80]);
    // A number the tool cannot mean is refused beside the grid, the box marked, nothing written.
    const before = await page.inputValue('#yaml');
    await tool(RECEIVING, '2.5', 'set');
    expect(await grid(RECEIVING).locator('.staff-note').textContent()).toBe('expected a whole number of staff >= 0, got “2.5”');
    expect(await grid(RECEIVING).locator('.staff-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.inputValue('#yaml')).toBe(before);
  });

  it('pastes a spreadsheet row from the focused cell on; a bad cell is named and nothing changes', async () => {
    await freshScenario();
    await paste(QC, 20, '1\t2\t3\t4\r\n');
    expect((await yamlNow()).warehouse.qc.staff.byHour).toEqual([...shift(150, 6, 2).slice(0, 20), 1, 2, 3, 4]);
    const whole = Array.from({ length: 24 }, (_, h) => 10 + h);
    await paste(surgeOf('receiving', 0), 0, whole.join('\t'));
    expect((await yamlNow()).warehouse.receiving.staff.overrides[0].byHour).toEqual(whole);
    const before = await page.inputValue('#yaml');
    await paste(QC, 0, '7,8,x,9');
    expect(await grid(QC).locator('.staff-note').textContent()).toBe('Not pasted: column 3 (2:00): expected a whole number of staff >= 0, got “x”.');
    await paste(QC, 22, '7 8 9');
    expect(await grid(QC).locator('.staff-note').textContent()).toBe('Not pasted: 3 values from 22:00 run past 23:00: at most 2 fit.');
    expect(await page.inputValue('#yaml')).toBe(before);
  });

  it('copies the receiving roster to QC, and to a new QC surge after the last', async () => {
    await freshScenario();
    await grid(RECEIVING).locator('select[data-copy-target]').selectOption({ label: 'QC staff, any day' });
    await grid(RECEIVING).locator('[data-copy]').click();
    expect((await yamlNow()).warehouse.qc.staff.byHour).toEqual(shift(60, 6, 24));
    await grid(RECEIVING).locator('select[data-copy-target]').selectOption({ label: 'a new QC surge' });
    await grid(RECEIVING).locator('[data-copy]').click();
    const overrides = (await yamlNow()).warehouse.qc.staff.overrides;
    expect(overrides).toEqual([
      { from: '2022-11-24', to: '2022-11-30', byHour: shift(300, 6, 2) },
      { from: '2022-12-01', to: '2022-12-01', byHour: shift(60, 6, 24) },
    ]);
    // The new surge has its grid, named as the second.
    expect(await page.getByRole('spinbutton', { name: 'QC staff, surge 2, 7:00', exact: true }).inputValue()).toBe('60');
  });

  it('names each grid and hour cell by station and roster or surge; a surge says it replaces the roster', async () => {
    await freshScenario();
    expect(await page.getByRole('spinbutton', { name: 'Receiving staff, surge 1, 14:00', exact: true }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: 'QC staff, any day, 0:00', exact: true }).count()).toBe(1);
    const qcSurge = page.getByRole('group', { name: 'QC staff on the surge dates 2022-11-24 to 2022-11-30 — totals: they replace the roster on those dates', exact: true });
    expect(await qcSurge.locator('input').count()).toBe(24);
    expect(await grid(RECEIVING).locator('.hours-caption').textContent()).toMatch(/^Receiving staff on duty, any day/);
    // The caption follows the surge's dates as they are edited.
    await page.fill('[data-path="warehouse.qc.staff.overrides[0].to"]', '2022-11-29');
    await page.dispatchEvent('[data-path="warehouse.qc.staff.overrides[0].to"]', 'change');
    expect(await grid(surgeOf('qc', 0)).locator('.hours-caption').textContent()).toContain('2022-11-24 to 2022-11-29');
  });

  it('a field with an error is aria-invalid and described by its message, until fixed', async () => {
    await freshScenario();
    const orders = page.locator('[data-path="demand.ordersPerDay"]');
    await orders.fill('-5');
    await orders.dispatchEvent('change');
    expect(await orders.getAttribute('aria-invalid')).toBe('true');
    const described = await orders.getAttribute('aria-describedby');
    const message = await page.locator(`[id="${described}"]`).textContent();
    expect(message).toMatch(/-5/);
    expect(await page.locator(`[id="${described}"]`).getAttribute('data-error-for')).toBe('demand.ordersPerDay');
    // An hour cell's error sits under its grid, and the cell points at it.
    const cell = page.locator(`[data-path="${QC}[3]"]`);
    await cell.fill('2.5');
    await cell.dispatchEvent('change');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await cell.getAttribute('aria-describedby')}"]`).textContent()).toMatch(/3:00: .*2\.5/);
    expect(await page.locator(`[data-path="${QC}[4]"]`).getAttribute('aria-invalid')).toBeNull();
    // Fixed: both marks go.
    await cell.fill('0');
    await cell.dispatchEvent('change');
    await orders.fill('500');
    await orders.dispatchEvent('change');
    for (const field of [orders, cell]) {
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      expect(await field.getAttribute('aria-describedby')).toBeNull();
    }
    expect(await page.locator('#form [aria-invalid]').count()).toBe(0);
  });

  it('the tools, with a paste refused and a number refused, have no serious or critical axe violation', async () => {
    // axe needs a page of a context of its own, not the browser's default one.
    const own = await (await app.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await own.goto(`http://127.0.0.1:${app.port}/`);
    await own.$$eval('#editor, #form details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await own.locator(`[data-path="${QC}[0]"]`).evaluate((cell) => {
      const data = new DataTransfer();
      data.setData('text/plain', '1,x');
      cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await own.locator(`[data-staff-row="${RECEIVING}"] .staff-amount`).fill('abc');
    await own.locator(`[data-staff-row="${RECEIVING}"] [data-staff-action="set"]`).click();
    const { violations } = await new AxeBuilder({ page: own }).include('#form').analyze();
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await own.context().close();
  });

  it('the tools at 1440 and 390 px wide: the grid scrolls in its own box, the page never wider than the screen', async () => {
    await freshScenario();
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await page.click(`[data-path="${surgeOf('receiving', 0)}[8]"]`);
      await page.click(`[data-path="${surgeOf('receiving', 0)}[11]"]`, { modifiers: ['Shift'] });
      const staff = page.locator('.form-section', { hasText: 'Warehouse staff' }).first();
      await staff.screenshot({ path: `${root}test-artifacts/staff-tools-${width}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const box = await grid(RECEIVING).locator('.hours-scroll').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});
