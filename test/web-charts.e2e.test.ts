// The result charts as a reader meets them, end to end in headless Chromium: keys above the plots,
// never over the data; receiving and QC staff drawn apart; download buttons named for their chart;
// each chart's Table toggle showing the data it drew (the congestion and daily tables against the
// page's hourly.csv and daily.csv); whole-number count axes and decade ticks (one seller over two
// replications: no "0.5 sellers"); keyboard zoom moving the KPI window; the daily chart one point
// a day. Screenshots at 1440 and 390 px are kept in test-artifacts/.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, root, type App } from './web-app.ts';
import { openTable as openChartTable } from './chart-table-toggle.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(12); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

const DAYS = 66; // small-seller's season
/** The charts with a key above their plot; the burden chart's key is a cell of its own. */
const KEYED = ['congestion', 'occupancy', 'arrivals', 'lead-times', 'sellers-daily', 'fines', 'profit'];
const ALL = [...KEYED.slice(0, 4), 'sellers-daily', 'fines', 'profit', 'burden'];

/** A CSV's first data row, by column name. */
function firstRow(csv: string): Record<string, number> {
  const [header, first] = csv.trim().split('\n');
  const cells = first.split(',');
  return Object.fromEntries(header.split(',').map((name, i) => [name, Number(cells[i])]));
}

async function fetchDownload(selector: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync((await download.path())!, 'utf8');
}

const openTable = (id: string) => openChartTable(page, id);

const windowDates = async () => [await page.getAttribute('#window-kpis', 'data-from'), await page.getAttribute('#window-kpis', 'data-to')];

describe('web app, the result charts', () => {
  it('draws keys outside the data, staff apart, whole counts and decade ticks, and names every download', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#seed', '4');
    await page.fill('#reps', '2');
    await page.click('#run');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    await page.waitForFunction(() => /^2 replication/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 60_000 });

    // Every key ends above its plot: the y axis' line starts below the key's last row.
    for (const id of KEYED) {
      const [key, plot] = await page.locator(`#${id} svg`).first().evaluate((svg) =>
        [svg.querySelector('g.legend')!.getBoundingClientRect().bottom, svg.querySelector('.y-axis .domain')!.getBoundingClientRect().top]);
      expect(key, id).toBeLessThanOrEqual(plot);
    }
    // The hover read-out, on the congestion chart's top row, never covers the peak-day labels.
    await page.locator('#congestion .brush .overlay').scrollIntoViewIfNeeded();
    const plot = (await page.locator('#congestion .brush .overlay').boundingBox())!;
    await page.mouse.move(plot.x + plot.width * (55 / DAYS), plot.y + plot.height / 2);
    const overlaps = await page.locator('#congestion svg').evaluate((svg) => {
      const tip = svg.querySelector('.readout')!.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('.mark-label'), (m) => {
        const r = m.getBoundingClientRect();
        return r.left < tip.right && tip.left < r.right && r.top < tip.bottom && tip.top < r.bottom;
      });
    });
    expect(overlaps).toEqual([false, false]); // Black Friday and Cyber Monday
    expect(await page.textContent('#congestion .readout')).toMatch(/^2022-11-\d\d \d\d:00: Receiving queue [\d.]+, QC queue/);

    // Receiving and QC staff: each its own colour and dash.
    const stroke = (cls: string) => page.locator(`#congestion path.${cls}`).evaluate((p) => [p.getAttribute('stroke'), p.getAttribute('stroke-dasharray')]);
    const [receiving, qc] = [await stroke('staff-receiving'), await stroke('staff-qc')];
    expect(receiving[0]).not.toBe(qc[0]);
    expect(receiving[1]).not.toBe(qc[1]);
    // Plain names from the glossary in the key.
    expect(await page.locator('#congestion g.legend text').allTextContents()).toEqual(
      ['Receiving queue', 'QC queue', 'Receiving staff on duty', 'QC staff on duty', 'band: P5–P95 over replications']);

    // Count axes tick whole numbers only; one seller over two replications counts replications, not "0.5 sellers".
    for (const id of ['congestion', 'arrivals', 'sellers-daily', 'fines', 'profit']) {
      const ticks = await page.locator(`#${id} .y-axis .tick text`).allTextContents();
      expect(ticks.length, id).toBeGreaterThan(1);
      for (const t of ticks) expect(t, id).toMatch(/^[\d,]+k?$/);
    }
    expect(await page.textContent('#fines svg')).toContain('replications (of 2; one seller)');
    expect(await page.locator('#fines .fine-bar title').first().textContent()).toMatch(/^no fine: in [012] of 2 replications/);
    // Amount axes tick the decades, labelled 1, 10, 100, 1k…
    for (const id of ['fines', 'profit']) {
      const values = await page.locator(`#${id} .x-axis .tick`).evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('data-value'))));
      expect(values.length, id).toBeGreaterThan(1);
      for (const v of values) expect(v === 0 || Number.isInteger(Math.log10(Math.abs(v))), `${id} tick ${v}`).toBe(true);
      for (const t of await page.locator(`#${id} .x-axis .tick text`).allTextContents()) expect(t).toMatch(/^−?(0|1|10|100)[kMG]?$/);
    }
    expect(await page.locator('#fines .fines-class-panel').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-class')))).toEqual(['small']);
    // The profit chart: one panel a class with sellers (small-seller has one small seller), and a key.
    expect(await page.locator('#profit .profit-panel').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-class')))).toEqual(['small']);
    expect(await page.locator('#profit g.legend text').allTextContents()).toEqual(expect.arrayContaining(['Sellers at a loss', 'Sellers in profit']));

    // Every download button's accessible name is its own, and names its chart.
    const names = await page.locator('button[data-chart]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Download Warehouse congestion as SVG');
  }, 90_000);

  it('shows each chart’s data as a table, the congestion and daily tables equal to hourly.csv and daily.csv', async () => {
    const hourly = firstRow(await fetchDownload('button[data-download="hourly.csv"]'));
    const congestion = await openTable('congestion');
    expect(congestion.rows).toBe(DAYS * 24);
    expect(congestion.caption).toMatch(/^Warehouse congestion: hour by hour/);
    expect(congestion.columns.every(([, scope]) => scope === 'col')).toBe(true);
    expect(congestion.columns.map(([name]) => name)).toEqual(['China hour', 'Receiving queue (parcels), A', 'QC queue (parcels), A', 'Receiving staff on duty', 'QC staff on duty']);
    const [[hour, scope], ...cells] = congestion.first;
    expect([hour, scope]).toEqual(['2022-10-01 00:00', 'row']);
    const expected = ['receivingQueueEnd_mean', 'qcQueueEnd_mean', 'receivingStaff_mean', 'qcStaff_mean'].map((k) => hourly[k]);
    cells.forEach(([text], i) => expect(Number(text)).toBeCloseTo(expected[i], 1));

    const daily = firstRow(await fetchDownload('button[data-download="daily.csv"]'));
    const days = await openTable('sellers-daily');
    expect(days.rows).toBe(DAYS);
    expect(days.first.slice(1).map(([t]) => Number(t))).toEqual(['ordersPlaced_mean', 'activeSellers_mean', 'sellersSuspended_mean'].map((k) => Math.round(daily[k] * 10) / 10));
    // The daily chart: one point a day in each line.
    for (const cls of ['daily-ordersPlaced', 'daily-activeSellers', 'daily-sellersSuspended']) {
      expect(((await page.getAttribute(`#sellers-daily path.${cls}`, 'd')) ?? '').split('L').length, cls).toBe(DAYS);
    }
    // Every other chart's table opens with a caption and at least a row.
    for (const id of ALL.filter((c) => c !== 'congestion' && c !== 'sellers-daily')) {
      const t = await openTable(id);
      expect(t.caption.length, id).toBeGreaterThan(10);
      expect(t.rows, id).toBeGreaterThan(0);
    }
    // Closing hides it again.
    await page.click('button[data-table-for="congestion"]');
    expect(await page.isHidden('#congestion-table')).toBe(true);
  }, 60_000);

  it('zooms the congestion chart from the keyboard, the KPI window following', async () => {
    expect(await page.isHidden('#window-result')).toBe(true);
    const chart = page.locator('#congestion svg');
    expect(await chart.getAttribute('aria-label')).toMatch(/plus and minus zoom/);
    await chart.focus();
    await page.keyboard.press('ArrowRight'); // reads the day after the middle one: day 34, 2022-11-04
    expect(await page.textContent('#congestion .readout')).toMatch(/^2022-11-04 00:00: /);
    await page.keyboard.press('+'); // 33 days around it: days 18 to 50
    await page.waitForSelector('#window-result:not([hidden])');
    expect(await windowDates()).toEqual(['2022-10-19', '2022-11-20']);
    await page.keyboard.press('ArrowRight'); // the window a day on
    expect(await windowDates()).toEqual(['2022-10-20', '2022-11-21']);
    expect(await page.evaluate(() => document.activeElement?.closest('#congestion') !== null)).toBe(true); // the focus stays on the chart
    await page.keyboard.press('Escape');
    await page.waitForSelector('#window-result', { state: 'hidden' });
  }, 30_000);

  it('stays readable at 1440 and 390 px: no page scroll sideways, no colliding date labels', async () => {
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => Number(document.querySelector('#congestion svg')?.getAttribute('width')) <= w, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      for (const id of ['congestion', 'arrivals', 'sellers-daily', 'fines', 'profit']) {
        // Each x axis' labels (a panel's own), left to right, none over the one before.
        const axes = await page.locator(`#${id} .x-axis`).evaluateAll((gs) => gs.map((g) =>
          Array.from(g.querySelectorAll('.tick text'), (t) => t.getBoundingClientRect()).map((r) => [r.left, r.right])));
        for (const boxes of axes) for (let i = 1; i < boxes.length; i++) expect(boxes[i][0], `${id} at ${width} px, tick ${i}`).toBeGreaterThanOrEqual(boxes[i - 1][1]);
      }
      await page.locator('#charts').screenshot({ path: `${root}test-artifacts/charts-${width}.png` });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  }, 60_000);
});
