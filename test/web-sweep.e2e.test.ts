// The sweep viewer on the page end to end: the command's sweep.json for the small seller's stocking
// sweep (3 service levels × pausing or not, 2 replications) opened from its file; the description,
// a line per setting of the other parameter with a point per level and its band, the KPI switched
// and redrawn with the file's means, the categorical axis with whiskers; a bad file says so in a line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, root, type App } from './web-app.ts';

const LEVEL = 'sellers.classes.small.stocking.cycleServiceLevel', PAUSE = 'sellers.classes.small.pauseListingWhenOut';

interface Interval { mean: number | null; low: number | null; high: number | null }
interface SweepJson { points: number; results: { point: number; overrides: Record<string, unknown>; kpis: Record<string, Interval> }[] }

let app: App, page: Page, dir: string, sweep: SweepJson;
const errors: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(`${tmpdir()}/jitsim-sweep-`);
  const shipped = readFileSync(`${root}sweeps/small-seller-stocking.yaml`, 'utf8');
  writeFileSync(`${dir}/sweep.yaml`, shipped.replace('replications: 10', 'replications: 2').replace('../scenarios/', `${root}scenarios/`));
  // The sweep runs while the app is built.
  const made = promisify(execFile)(process.execPath, [`${root}bin/jitsim.mjs`, 'sweep', `${dir}/sweep.yaml`, '--out', dir, '--quiet', '--workers', '1'], { cwd: root });
  [app] = await Promise.all([openApp(5), made]);
  page = app.page;
  page.on('pageerror', (err) => errors.push(err.message));
  sweep = JSON.parse(readFileSync(`${dir}/sweep.json`, 'utf8'));
}, 120_000);
afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The chart as drawn: each line's label, its points (x and exact mean) and whether it has a band and whiskers. */
const chart = () => page.$eval('#sweep-chart svg', (svg) => ({
  lines: Array.from(svg.querySelectorAll('g.sweep-line'), (g) => ({
    label: g.getAttribute('data-line'),
    points: Array.from(g.querySelectorAll('circle.point'), (c) => ({ point: Number(c.getAttribute('data-point')), x: c.getAttribute('data-x'), mean: Number(c.getAttribute('data-mean')) })),
    band: Array.from(svg.querySelectorAll('path.band')).find((b) => b.getAttribute('data-line') === g.getAttribute('data-line'))?.getAttribute('d') ?? null,
    mean: g.querySelector('path.mean')?.getAttribute('d') ?? null,
    whiskers: g.querySelectorAll('g.whisker').length,
  })),
  legend: Array.from(svg.querySelectorAll('g.legend text'), (t) => t.textContent),
  ticks: Array.from(svg.querySelectorAll('.x-axis .tick text'), (t) => t.textContent),
}));
const meanOf = (point: number, kpi: string) => sweep.results.find((r) => r.point === point)!.kpis[kpi].mean;

describe('web app, a sweep result opened from its file', () => {
  it('describes the sweep and charts a KPI against a grid parameter, a line per setting of the other', async () => {
    await page.$eval('#sweep', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.setInputFiles('#sweep-file', `${dir}/sweep.json`);
    await page.waitForSelector('#sweep-results:not([hidden]) #sweep-chart svg');
    expect(await page.textContent('#sweep-status')).toBe('Opened sweep.json.');
    expect(await page.getAttribute('#sweep-about', 'data-points')).toBe('6');
    expect(await page.textContent('#sweep-about')).toMatch(/sweep\.yaml: 6 grid points × 2 replications of .*small-seller\.yaml, seed 1; complete, 12 of 12 runs in [\d.]+ s\.$/);

    // Every KPI in the file, by the page's label where it has one; every grid path.
    const kpis = await page.$$eval('#sweep-kpi option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(kpis.map(([k]) => k)).toEqual(Object.keys(sweep.results[0].kpis));
    expect(kpis.find(([k]) => k === 'qcWaitP95Hours')?.[1]).toBe('QC wait P95, h');
    expect(kpis.find(([k]) => k === 'finesShareOfGmv')?.[1]).toBe('finesShareOfGmv');
    expect(await page.$$eval('#sweep-x option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([LEVEL, PAUSE]);
    expect(await page.inputValue('#sweep-x')).toBe(LEVEL);

    // The KPI shown first is the first whose mean differs between points.
    const varying = Object.keys(sweep.results[0].kpis).filter((k) => new Set(sweep.results.map((r) => r.kpis[k].mean)).size > 1);
    expect(varying.length).toBeGreaterThanOrEqual(2);
    expect(await page.inputValue('#sweep-kpi')).toBe(varying[0]);

    const first = await chart();
    expect(first.lines.map((l) => l.label)).toEqual(['pauseListingWhenOut = false', 'pauseListingWhenOut = true']);
    for (const line of first.lines) {
      expect(line.points.map((p) => p.x)).toEqual(['0.9', '0.95', '0.99']);
      expect(line.band).toMatch(/^M[\d.,-]+L/);
      expect(line.whiskers).toBe(0);
      for (const p of line.points) expect(p.mean).toBe(meanOf(p.point, varying[0]));
    }
    expect(first.legend.slice(0, 2)).toEqual(['pauseListingWhenOut = false', 'pauseListingWhenOut = true']);
    expect(first.ticks).toEqual(['0.9', '0.95', '0.99']);
    expect(await page.textContent('#sweep-key')).toBe('A line for each value of pauseListingWhenOut.');
    // The chart downloads as the page's others do.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-chart="sweep-chart"][data-format="svg"]')]);
    expect(download.suggestedFilename()).toBe('sweep-chart.svg');
    expect(readFileSync((await download.path())!, 'utf8').match(/class="sweep-line"/g)).toHaveLength(2);

    // Another KPI: redrawn with its means, on the chart and in the table.
    const other = varying[1];
    await page.selectOption('#sweep-kpi', other);
    const second = await chart();
    for (const line of second.lines) for (const p of line.points) expect(p.mean).toBe(meanOf(p.point, other));
    expect(second.lines.map((l) => l.mean)).not.toEqual(first.lines.map((l) => l.mean));
    const rows = await page.$$eval('#sweep-table tbody tr', (trs) => trs.map((tr) => ({ point: Number((tr as HTMLElement).dataset.point), mean: Number((tr as HTMLElement).dataset.mean), cells: Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent) })));
    expect(rows.map((r) => r.point)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.mean)).toEqual(sweep.results.map((r) => r.kpis[other].mean));
    expect(rows[0].cells.slice(0, 4)).toEqual(['1', '0.9', 'false', '2']);
    expect(await page.$$eval('#sweep-table thead th', (ths) => ths.map((th) => th.textContent))).toEqual(['point', 'cycleServiceLevel', 'pauseListingWhenOut', 'replications', 'mean', '95% interval']);

    // Hovering a point reads out its figures.
    await page.locator('#sweep-chart g.sweep-line').first().locator('g.figure').nth(1).hover();
    expect(await page.textContent('.sweep-readout')).toMatch(/^cycleServiceLevel = 0\.95, pauseListingWhenOut = false: mean .+ \(2 replications, point 3\)$/);

    // Against pausing (true or false, not numbers): a categorical axis, a line per service level, whiskers and no band.
    await page.selectOption('#sweep-x', PAUSE);
    const categorical = await chart();
    expect(categorical.ticks).toEqual(['false', 'true']);
    expect(categorical.lines.map((l) => l.label)).toEqual(['cycleServiceLevel = 0.9', 'cycleServiceLevel = 0.95', 'cycleServiceLevel = 0.99']);
    for (const line of categorical.lines) {
      expect(line.points.map((p) => p.x)).toEqual(['false', 'true']);
      expect(line.band).toBeNull();
      for (const p of line.points) expect(p.mean).toBe(meanOf(p.point, other));
    }
    const intervals = sweep.results.filter((r) => r.kpis[other].low !== null && r.kpis[other].high !== null).length;
    expect(categorical.lines.reduce((n, l) => n + l.whiskers, 0)).toBe(intervals);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a file that is not JSON, or not a sweep result, says so in one line', async () => {
    await page.setInputFiles('#sweep-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "sweep": "s.yaml", ') });
    await page.waitForFunction(() => document.getElementById('sweep-status')!.classList.contains('bad'));
    expect(await page.textContent('#sweep-status')).toMatch(/^broken\.json: not JSON \(.+\)\.$/);
    expect(await page.isHidden('#sweep-results')).toBe(true);

    await page.setInputFiles('#sweep-file', { name: 'summary.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ replications: 2, kpis: {} })) });
    await page.waitForFunction(() => /^summary\.json is not/.test(document.getElementById('sweep-status')!.textContent ?? ''));
    const said = (await page.textContent('#sweep-status'))!;
    expect(said).toBe('summary.json is not a sweep result (the sweep.json of jitsim sweep): expected an object with a list of results.');
    expect(await page.isHidden('#sweep-results')).toBe(true);

    // The good file again: shown again, the message gone.
    await page.setInputFiles('#sweep-file', `${dir}/sweep.json`);
    await page.waitForSelector('#sweep-results:not([hidden])');
    expect(await page.getAttribute('#sweep-status', 'class')).toBe('');

    // A one-point sweep (no grid) after it: no chart, and its table goes rather than keep the earlier points.
    await page.click('button[data-table-for="sweep-chart"]');
    expect(await page.locator('#sweep-chart-table tbody tr').count()).toBe(6);
    const one = { ...sweep, points: 1, results: [{ ...sweep.results[0], overrides: {} }] };
    await page.setInputFiles('#sweep-file', { name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(one)) });
    await page.waitForFunction(() => /no grid/.test(document.getElementById('sweep-chart')!.textContent ?? ''));
    expect(await page.locator('#sweep-chart-table tbody tr').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 30_000);
});
