// The page's accessibility beyond the run's results, end to end: axe-core finds no serious or
// critical violation with a KPI's help open, a chart's table open, the seller view's results, the
// staffing and stocking planners' results, a sweep result opened, and on the model page; and the
// "Table" toggle under each chart outside the results shows the data that chart drew (checked
// against the figures the page shows beside it, or the file it read).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible as accessible } from './axe-check.ts';
import { openTable as openChartTable } from './chart-table-toggle.ts';
import { openApp, root, type App } from './web-app.ts';
import { figureText } from '../web/sweep-result.ts';

const DAYS = 66; // small-seller's season, 2022-10-01 to 2022-12-05
const LEVEL = 'sellers.classes.small.stocking.cycleServiceLevel', PAUSE = 'sellers.classes.small.pauseListingWhenOut';

let app: App, page: Page, dir: string;
let sweep: { results: { point: number; overrides: Record<string, unknown>; kpis: Record<string, { mean: number | null }> }[] };
beforeAll(async () => {
  // A sweep of 2 levels × pausing or not, 2 replications each, run while the app is built.
  dir = mkdtempSync(`${tmpdir()}/jitsim-a11y-tools-`);
  writeFileSync(`${dir}/sweep.yaml`, `scenario: ${root}scenarios/small-seller.yaml\nreplications: 2\nseed: 1\ngrid:\n  ${LEVEL}: [0.9, 0.99]\n  ${PAUSE}: [false, true]\n`);
  const made = promisify(execFile)(process.execPath, [`${root}bin/jitsim.mjs`, 'sweep', `${dir}/sweep.yaml`, '--out', dir, '--quiet', '--workers', '1'], { cwd: root });
  [app] = await Promise.all([openApp(17), made]);
  sweep = JSON.parse(readFileSync(`${dir}/sweep.json`, 'utf8'));
  // axe needs a page of a context of its own, not the browser's default one.
  page = await (await app.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${app.port}/`);
  mkdirSync(`${root}test-artifacts`, { recursive: true });
}, 120_000);
afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const expectAccessible = (state: string, scope?: string) => accessible(page, state, scope);
const openTable = (id: string) => openChartTable(page, id);
const open = (id: string) => page.$eval(`#${id}`, (d) => { (d as HTMLDetailsElement).open = true; });
const waitForStatus = (id: string, pattern: RegExp, timeout = 60_000) =>
  page.waitForFunction(([id, source]) => new RegExp(source).test(document.getElementById(id)!.textContent ?? ''), [id, pattern.source] as const, { timeout });
/** Chart `id`'s open table, as a user sees it at a desk's width and at a phone's. */
async function screenshots(id: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.waitForTimeout(200); // the chart redraws to the width, and the open table with it
    await page.locator(`#${id}-table`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${root}test-artifacts/table-${id}-${width}.png` });
  }
}

describe('web app, accessibility of the tools around the results', () => {
  it('a KPI’s help open and a chart’s table open', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#reps', '1');
    await page.click('#run');
    await waitForStatus('status', /replication\(s\) in/);
    const help = page.locator('#kpis .help-toggle').first();
    await help.click();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    expect(await page.isVisible(`#${await help.getAttribute('aria-controls')}`)).toBe(true);
    await expectAccessible('a KPI’s help open', '#results');
    await page.keyboard.press('Escape');
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    // A table of a row a day: axe over an hourly table's thousands of cells takes half a minute.
    expect((await openTable('sellers-daily')).rows).toBe(DAYS);
    await expectAccessible('a chart’s table open', '#results');
  }, 60_000);

  it('the seller view: its results, and its charts’ tables hour by hour against its figures', async () => {
    await open('seller');
    await page.fill('#seller-name', 'seller-1');
    await page.fill('#seller-reps', '1');
    await page.click('#seller-run');
    await waitForStatus('seller-status', /^1 replication in/);
    await expectAccessible('the seller view’s results', '#seller');
    const [figures] = JSON.parse((await page.getAttribute('#seller-figures', 'data-figures'))!) as { finesCny: number; depositLowCny: number; daysShort: number }[];

    const units = await openTable('seller-units');
    expect(units.caption).toMatch(/^Units: in stock, on order and backordered: hour by hour .*one replication; 1,584 rows/);
    expect(units.columns).toEqual([['End of hour', 'col'], ['in stock, units', 'col'], ['on order, units', 'col'], ['backordered, units', 'col']]);
    expect(units.rows).toBe(DAYS * 24);
    expect(units.first[0]).toEqual(['2022-10-01 01:00', 'row']); // hour 0's state, at its end
    expect(units.cells[DAYS * 24 - 1][0]).toBe('2022-12-06 00:00');
    // The days short of stock: the days with units backordered at some hour's end.
    const short = Array.from({ length: DAYS }, (_, d) => units.cells.slice(24 * d, 24 * d + 24).some((row) => Number(row[3]) > 0));
    expect(short.filter(Boolean).length).toBe(figures.daysShort);

    const money = await openTable('seller-money');
    expect(money.columns.map(([name]) => name)).toEqual(['End of hour', 'deposit, CNY', 'fines, CNY']);
    expect(money.caption).toMatch(/; full deposit, [\d,]+ CNY;/);
    expect(money.rows).toBe(DAYS * 24);
    // The fines paid by the season's end, and the deposit's low point.
    expect(Number(money.cells[DAYS * 24 - 1][2])).toBeCloseTo(figures.finesCny, 2);
    expect(Math.min(...money.cells.map((row) => Number(row[1])))).toBeCloseTo(figures.depositLowCny, 2);
    // Closed again, the money table is hidden; the units table stays open for its screenshots.
    await page.click('button[data-table-for="seller-money"]');
    expect(await page.isHidden('#seller-money-table')).toBe(true);
    await screenshots('seller-units');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.$eval('#seller', (d) => { (d as HTMLDetailsElement).open = false; });
  }, 60_000);

  it('the sweep viewer: a result opened, its chart’s table a row a point drawn', async () => {
    await open('sweep');
    await page.setInputFiles('#sweep-file', `${dir}/sweep.json`);
    await page.waitForSelector('#sweep-results:not([hidden]) #sweep-chart svg');
    await expectAccessible('a sweep result opened', '#sweep');
    const kpi = await page.inputValue('#sweep-kpi');
    expect(await page.inputValue('#sweep-x')).toBe(LEVEL);
    const table = await openTable('sweep-chart');
    expect(table.caption).toMatch(/^Sweep chart: .+ against cycleServiceLevel, a row a grid point: .*; 4 rows$/);
    expect(table.columns.map(([name]) => name)).toEqual(['cycleServiceLevel', 'line (the other parameters)', 'mean', '95% interval, low', '95% interval, high', 'replications']);
    // A line for each pausing setting, along each the two levels: the points 1, 3 (not pausing), then 2, 4.
    expect(table.rows).toBe(4);
    expect(table.cells.map((row) => [row[0], row[1].includes('false') ? 'not' : 'pausing', row[5]])).toEqual(
      [['0.9', 'not', '2'], ['0.99', 'not', '2'], ['0.9', 'pausing', '2'], ['0.99', 'pausing', '2']]);
    // Each mean as the chart's dots hold it, and as the page writes a figure.
    const point = (level: number, pause: boolean) => sweep.results.find((r) => r.overrides[LEVEL] === level && r.overrides[PAUSE] === pause)!;
    const means = [point(0.9, false), point(0.99, false), point(0.9, true), point(0.99, true)].map((r) => r.kpis[kpi].mean!);
    expect(await page.locator('#sweep-chart circle.point').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-mean'))))).toEqual(means);
    expect(table.cells.map((row) => row[2])).toEqual(means.map(figureText));
    await expectAccessible('a sweep chart’s table open', '#sweep');
    await screenshots('sweep-chart');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.$eval('#sweep', (d) => { (d as HTMLDetailsElement).open = false; });
  }, 60_000);

  it('the staffing planner: its results, and the roster’s table a row a day', async () => {
    await open('staffing');
    await page.fill('#staffing-reps', '2');
    await page.click('#staffing-run');
    await waitForStatus('staffing-status', /^Planned 66 days on 2 replications and checked on 2 fresh ones/, 90_000);
    await expectAccessible('the staffing planner’s results', '#staffing');
    const table = await openTable('staffing-roster');
    expect(table.columns.map(([name]) => name)).toEqual(['China day', 'Receiving, planned', 'Receiving, scenario’s roster', 'QC, planned', 'QC, scenario’s roster', 'Peak week']);
    expect(table.rows).toBe(DAYS);
    expect(table.first[0]).toEqual(['2022-10-01', 'row']);
    // small-seller's roster: one receiving and one QC staff member on their open hours, every day.
    expect(table.cells.every((row) => row[2] === '1' && row[4] === '1')).toBe(true);
    // The plan as the planner's own table gives it, day by day.
    const planned = await page.locator('#staffing-results .staffing-table-wrap tbody tr').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.date, (tr as HTMLElement).dataset.receiving, (tr as HTMLElement).dataset.qc]));
    expect(table.cells.map((row) => [row[0], row[1], row[3]])).toEqual(planned);
    expect(table.cells.filter((row) => row[5] === 'peak week').length).toBe(7);
    await expectAccessible('the roster’s table open', '#staffing');
    await screenshots('staffing-roster');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.$eval('#staffing', (d) => { (d as HTMLDetailsElement).open = false; });
  }, 120_000);

  it('the stocking planner: each frontier’s table a row a policy, best first', async () => {
    // The peak week alone, to keep it quick.
    await open('editor');
    await page.fill('#yaml', 'extends: small-seller.yaml\nseason: { start: 2022-11-24, end: 2022-11-30 }\n');
    await page.locator('#yaml').dispatchEvent('change');
    await open('plan');
    await page.fill('#plan-reps', '2');
    await page.click('#plan-run');
    await waitForStatus('plan-status', /^120 runs in/, 90_000);
    for (const setting of ['with', 'without']) {
      const id = `plan-frontier-${setting}-disruptions`;
      const table = await openTable(id);
      expect(table.rows, id).toBe(30);
      expect(table.caption, id).toMatch(/^Stocking frontier with.*: a row a policy, by expected profit; 30 rows$/);
      // The planner's own table, best first: the same policies in the same order.
      const section = page.locator(`section.plan-setting[data-disruptions="${setting === 'with'}"]`);
      const policies = await section.locator('.plan-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.policy));
      expect(table.cells.map((row) => row[0]), id).toEqual(policies);
      expect(table.cells[0][5], id).toMatch(/^best/);
      expect(table.cells.filter((row) => row[5].includes('best')).length, id).toBe(1);
    }
    await expectAccessible('the frontiers’ tables open', '#plan');
    await screenshots('plan-frontier-with-disruptions');
    // Every toggle on the page has a name of its own.
    const names = await page.locator('button.table-toggle').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Table of Stocking frontier with the scenario’s disruptions', 'Table of Stocking frontier without disruptions',
      'Table of Roster: staff per day, planned and the scenario’s', 'Table of Sweep chart', 'Table of Units: in stock, on order and backordered']));
  }, 120_000);

  it('every tool’s results at a phone’s width, their tables scrolling sideways', async () => {
    for (const id of ['seller', 'staffing', 'sweep']) await open(id);
    // The hourly table closed: axe over its thousands of cells takes half a minute.
    await page.click('button[data-table-for="seller-units"]');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200); // the charts redraw to the width
    // The open tables (the daily one of the results, sweep, roster, two frontiers) scroll in their boxes: the page does not scroll sideways.
    expect(await page.locator('.chart-table:not([hidden]) table').count()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible('every tool’s results, a phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it('the model page, at a desk’s width and a phone’s', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`http://127.0.0.1:${app.port}/model.html`);
    await page.waitForSelector('h1');
    await expectAccessible('the model page');
    // Its wide tables scroll sideways there, and take the focus to be scrolled by keys.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible('the model page, a phone');
  });
});
