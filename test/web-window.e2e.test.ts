// The KPIs over a date range, end to end: brushing the congestion chart shows the table over the
// whole China days it covers, with the command's figures (its daily.csv and kpis-window.csv, byte
// for byte); zooming out hides it; the peak-week button picks the busiest 7 days; in compare mode
// the baseline, the change and change − baseline. The browser runs in New York's time zone, and every date and hour the chart shows
// is still China's (the simulation's clock), as the table's are. Screenshots of the table at
// desktop and phone widths, and of the chart, are kept in test-artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { WINDOW_ROWS } from '../src/cli/table.ts';
import { formatNumber } from '../src/experiment/number-format.ts';
import { scaledDown } from '../src/scenario/scale.ts';
import { dateAt, hourOfDay } from '../src/scenario/time.ts';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
// Far from China (UTC−5 or −4 against UTC+8), so that a chart drawn in local time would be off by half a day.
const TIME_ZONE = 'America/New_York';
beforeAll(async () => { app = await openApp(2, { timezoneId: TIME_ZONE }); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** Clicks a download button and returns the file's text. */
async function fetchDownload(selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** Drags across the congestion chart from hour h0 to hour h1 of the season (the brush spans the whole season). */
async function brush(h0: number, h1: number, hours: number): Promise<void> {
  const overlay = page.locator('#congestion .brush .overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const at = (h: number) => box.x + (box.width * h) / hours;
  await page.mouse.move(at(h0), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(at(h1), box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The window table's exact means (A's), dates and rows. */
const windowTable = async () => ({
  heading: await page.textContent('#window-heading'),
  from: await page.getAttribute('#window-kpis', 'data-from'),
  to: await page.getAttribute('#window-kpis', 'data-to'),
  kpis: JSON.parse((await page.getAttribute('#window-kpis', 'data-kpis'))!) as Record<string, number>,
  rows: await page.locator('#window-kpis tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent))),
});

/** A CSV's column `name` as numbers. */
function column(csv: string, name: string): number[] {
  const [header, ...lines] = csv.trim().split('\n');
  const k = header.split(',').indexOf(name);
  return lines.map((l) => Number(l.split(',')[k]));
}

/** The congestion chart's plot (its brush overlay) in page pixels. */
const plotBox = async () => {
  const overlay = page.locator('#congestion .brush .overlay');
  await overlay.scrollIntoViewIfNeeded();
  return (await overlay.boundingBox())!;
};

/** The hour the congestion chart's hover read-out gives with the mouse at page x `x`. */
async function hoverAt(x: number): Promise<string> {
  const plot = await plotBox();
  await page.mouse.move(x, plot.y + plot.height / 2);
  return (await page.locator('#congestion svg').textContent())!.match(/\d{4}-\d{2}-\d{2} \d{2}:00/)![0];
}

/**
 * The congestion chart's x-axis ticks: label, China date-time and x (in the svg's pixels, where the
 * scale puts it: d3's axis draws ticks half a pixel on at a device pixel ratio of 1, for crisp lines).
 */
const ticks = () => page.locator('#congestion g.x-axis .tick').evaluateAll((gs) => gs.map((g) => ({
  label: g.textContent, china: g.getAttribute('data-china'),
  x: Number(/translate\(([-\d.e]+)/.exec(g.getAttribute('transform')!)![1]) - (window.devicePixelRatio > 1 ? 0 : 0.5),
})));

/** The congestion chart's date marks: date, the season's hour, label and x (in the svg's pixels). */
const marks = () => page.locator('#congestion line.peak-mark').evaluateAll((lines) => lines.map((l) => ({
  date: l.getAttribute('data-date'), hour: Number(l.getAttribute('data-hour')), x: Number(l.getAttribute('x1')),
  label: l.nextElementSibling?.textContent,
})));

/** The plot's left edge and width in the svg's pixels (the brush overlay's rect). */
const plotInSvg = () => page.locator('#congestion .brush .overlay').evaluate((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) }));

const START = '2022-10-01', DAYS = 66; // black-friday-2022's season
const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

describe('web app, KPIs over a date range', () => {
  it('brushing the congestion chart shows the KPIs over those days, as the command computes them; zooming out hides them', async () => {
    // black-friday-2022 shrunk a hundredfold (sellers, orders and staff alike) so that it runs in seconds.
    const s = scaledDown(readScenarioFile(`${root}scenarios/black-friday-2022.yaml`), 100);
    const shrunk = YAML.stringify({ demand: { ordersPerDay: s.demand.ordersPerDay }, sellers: { count: s.sellers.count }, warehouse: { receiving: { staff: s.warehouse.receiving.staff }, qc: { staff: s.warehouse.qc.staff } } });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', `extends: black-friday-2022.yaml\n${shrunk}`);
    await page.locator('#yaml').dispatchEvent('change');
    await page.fill('#seed', '3');
    await page.fill('#reps', '3');
    await page.click('#run');
    await page.waitForFunction(() => /^3 replication/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 90_000 });
    expect(await page.isHidden('#window-result')).toBe(true);
    expect(await page.isDisabled('#window button[data-window="season"]')).toBe(true);

    // From the middle of day 50 to the middle of day 56: the whole days 50 to 56.
    await brush(50.5 * 24, 56.5 * 24, DAYS * 24);
    await page.waitForSelector('#window-result:not([hidden])');
    const from = dateAt(50 * 24, START), to = dateAt(56 * 24, START);
    const brushed = await windowTable();
    expect([from, to]).toEqual(['2022-11-20', '2022-11-26']);
    expect(brushed.heading).toBe(`KPIs from ${from} to ${to} (7 days)`);
    expect([brushed.from, brushed.to]).toEqual([from, to]);
    expect(brushed.rows.map((r) => r[0])).toEqual(WINDOW_ROWS.map(([, label]) => label));
    expect(brushed.rows.every((r) => r.length === 3)).toBe(true);
    // The chart zooms to exactly those days: hovering its left and right edges reads their first and last hours (China time).
    const plot = await plotBox();
    expect(await hoverAt(plot.x + 1)).toBe(`${from} 00:00`);
    expect(await hoverAt(plot.x + plot.width - 1)).toBe(`${to} 23:00`);

    // Orders placed over the days is the sum of the days' mean orders in daily.csv.
    const daily = await fetchDownload('button[data-download="daily.csv"]');
    expect(daily.name).toBe('daily.csv');
    const placed = column(daily.text, 'ordersPlaced_mean');
    expect(placed.length).toBe(DAYS);
    expect(brushed.kpis.ordersPlaced).toBeCloseTo(sum(placed.slice(50, 57)), 6);
    expect(brushed.kpis.ordersPlaced).toBeGreaterThan(sum(placed.slice(0, 7))); // the run-up to Black Friday is busier than the season's first week
    const row = brushed.rows.find((r) => r[0] === 'orders placed')!;
    expect(row[1]).toBe(formatNumber(brushed.kpis.ordersPlaced)); // figures as the command prints them
    expect(row[2]).toMatch(/^± [\d.,]+$/);

    // The command, given the same scenario, seed and days, writes the same daily.csv and kpis-window.csv.
    const window = await fetchDownload('#window button[data-window-download]');
    expect(window.name).toBe('kpis-window.csv');
    const dir = mkdtempSync(`${tmpdir()}/jitsim-window-`);
    writeFileSync(`${dir}/shrunk.yaml`, `extends: ${root}scenarios/black-friday-2022.yaml\n${shrunk}`);
    const cli = spawnSync(process.execPath, [`${root}bin/jitsim.mjs`, 'run', `${dir}/shrunk.yaml`, '--reps', '3', '--seed', '3', '--window', `${from}..${to}`, '--quiet', '--out', `${dir}/out`], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(daily.text).toBe(readFileSync(`${dir}/out/daily.csv`, 'utf8'));
    expect(window.text).toBe(readFileSync(`${dir}/out/kpis-window.csv`, 'utf8'));
    rmSync(dir, { recursive: true });

    // A double click zooms the chart out and hides the table.
    await page.locator('#congestion svg').dblclick();
    await page.waitForSelector('#window-result', { state: 'hidden' });
    expect(await page.isDisabled('#window button[data-window="season"]')).toBe(true);

    // A brush less than a day wide, at the season's end, still covers one whole day: the last.
    await brush(DAYS * 24 - 10, DAYS * 24 - 4, DAYS * 24);
    await page.waitForSelector('#window-result:not([hidden])');
    const last = await windowTable();
    expect(last.heading).toBe(`KPIs from 2022-12-05 to 2022-12-05 (1 day)`);
    expect(last.rows.find((r) => r[0] === 'dock-to-stock P95 (parcels), h')![1]).toBe('—'); // censored: parcels of the last day may be stocked after the end
    await page.click('#window button[data-window="season"]');
    await page.waitForSelector('#window-result', { state: 'hidden' });

    // Peak week: the 7 days with the most orders expected.
    const weeks = placed.slice(0, DAYS - 6).map((_, d) => sum(placed.slice(d, d + 7)));
    const busiest = weeks.indexOf(Math.max(...weeks));
    await page.click('#window button[data-window="peak"]');
    await page.waitForSelector('#window-result:not([hidden])');
    const peak = await windowTable();
    expect([peak.from, peak.to]).toEqual([dateAt(busiest * 24, START), dateAt((busiest + 6) * 24, START)]);
    expect(peak.kpis.ordersPlaced).toBeCloseTo(Math.max(...weeks), 6);

    // Looked at on a desktop and on a phone: the page no wider than the window.
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => Number(document.querySelector('#congestion svg')?.getAttribute('width')) <= w, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      await page.locator('#window').screenshot({ path: `${root}test-artifacts/window-${width}.png` });
      await page.locator('#congestion').screenshot({ path: `${root}test-artifacts/window-${width}-congestion.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  it('in a New York browser draws China time: the first hour, the Black Friday mark and the brushed days', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(TIME_ZONE);
    // The whole season (the run above, zoomed out): its first hour reads 00:00 on the season's first China day.
    await page.click('#window button[data-window="season"]');
    await page.waitForSelector('#window-result', { state: 'hidden' });
    const whole = await plotBox();
    expect(await hoverAt(whole.x + 0.5)).toBe(`${START} 00:00`);
    expect(await page.textContent('#congestion .china-time')).toBe('China time (UTC+8)');
    // Every tick stands at a China midnight (weekly here) and is labelled by its China date.
    for (const t of await ticks()) expect(t.china, t.label!).toMatch(/T00:00$/);
    // Black Friday starts at hour 1320 of the season, 00:00 on 25 November China time; Cyber Monday three days on.
    const svgPlot = await plotInSvg();
    const atHour = (h: number) => svgPlot.x + (svgPlot.width * h) / (DAYS * 24);
    const season = await marks();
    expect(season.map(({ date, hour, label }) => [date, hour, label])).toEqual([['2022-11-25', 1320, 'Black Friday'], ['2022-11-28', 1392, 'Cyber Monday']]);
    expect([dateAt(1319, START), dateAt(1320, START), hourOfDay(1320)]).toEqual(['2022-11-24', '2022-11-25', 0]); // the simulation's own clock agrees
    expect(season[0].x).toBeCloseTo(atHour(1320), 6);
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    await page.locator('#congestion').screenshot({ path: `${root}test-artifacts/congestion-new-york-1440.png` });

    // Brushed over days 50 to 56: the table's first day is the first day on the zoomed chart's axis, at its left edge.
    await brush(50.5 * 24, 56.5 * 24, DAYS * 24);
    await page.waitForSelector('#window-result:not([hidden])');
    const table = await windowTable();
    const zoomed = await ticks();
    expect(table.from).toBe('2022-11-20');
    expect(zoomed[0]).toEqual({ label: 'Nov 20', china: `${table.from}T00:00`, x: expect.closeTo(svgPlot.x, 6) });
    expect(zoomed.map((t) => t.label)).toEqual(['Nov 20', 'Mon 21', 'Tue 22', 'Wed 23', 'Thu 24', 'Fri 25', 'Sat 26', 'Nov 27']);
    expect(zoomed.at(-1)!.x).toBeCloseTo(svgPlot.x + svgPlot.width, 6); // the end of the table's last day, 2022-11-26
    expect(table.to).toBe('2022-11-26');
    // The Black Friday mark stands exactly on the tick for 25 November.
    const friday = zoomed.find((t) => t.label === 'Fri 25')!;
    expect(friday.china).toBe('2022-11-25T00:00');
    expect((await marks())[0].x).toBeCloseTo(friday.x, 6);
    await page.locator('#congestion').screenshot({ path: `${root}test-artifacts/congestion-new-york-1440-zoomed.png` });

    // Back to the peak week, which the compare test below starts from.
    await page.click('#window button[data-window="peak"]');
    await page.waitForSelector('#window-result:not([hidden])');
  }, 60_000);

  it('in compare mode shows the baseline (B, the twin), A and the paired change − baseline over the same days', async () => {
    const single = (await windowTable()).kpis; // the peak week of the run above: the same A, seed and replications
    await page.selectOption('#compare', 'twin:prestock');
    await page.click('#run');
    await page.waitForSelector('#comparison:not([hidden])', { timeout: 120_000 });
    await page.waitForFunction(() => /^3 replication/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 120_000 });
    expect(await page.isHidden('#window-result')).toBe(true); // a new run: nothing chosen yet
    await page.click('#window button[data-window="peak"]');
    await page.waitForSelector('#window-result:not([hidden])');
    const t = await windowTable();
    expect(await page.locator('#window-kpis th').allTextContents()).toEqual(['KPI', 'pre-stock (B), baseline', 'JIT (A)', 'change − baseline', '95% interval', '']);
    expect(t.rows.map((r) => r[0])).toEqual(WINDOW_ROWS.map(([, label]) => label));
    expect(t.kpis).toEqual(single); // A is the run above, to the bit
    const orders = t.rows.find((r) => r[0] === 'orders placed')!;
    expect(orders[2]).toBe(formatNumber(single.ordersPlaced)); // A's column, after the baseline's
    expect(orders.slice(3)).toEqual(['0.00', '± 0.00', '']); // the twin sees the same demand (common random numbers)
    // Staff rosters are the same in both runs: the difference in staff-hours is 0, not significant.
    expect(t.rows.find((r) => r[0] === 'receiving staff-hours')!.slice(3)).toEqual(['0.00', '± 0.00', '']);
    // Where the two runs differ, the difference is the change's mean less the baseline's (to the shown precision).
    const value = (cell: string) => Number(cell.replace(/,/g, '').replace('−', '-'));
    const differing = t.rows.filter((r) => r[1] !== r[2] && Number.isFinite(value(r[1])) && Number.isFinite(value(r[2])));
    expect(differing.length).toBeGreaterThan(0);
    for (const r of differing) expect(Math.sign(value(r[3])), r[0]).toBe(Math.sign(value(r[2]) - value(r[1])));
    expect(await page.textContent('#window-note')).toMatch(/^Change − baseline \(pre-stock \(B\)\) paired over 3 replications/);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => Number(document.querySelector('#congestion svg')?.getAttribute('width')) <= w, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      await page.locator('#window').screenshot({ path: `${root}test-artifacts/window-compare-${width}.png` });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.selectOption('#compare', '');
  }, 180_000);
});
