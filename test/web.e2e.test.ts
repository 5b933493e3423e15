// The web app end to end in Debian's headless Chromium (playwright-core): the built app served
// on localhost runs a scenario in its Web Worker, draws the congestion chart and the KPI table
// with the same numbers as Node for the same seed, shows scenario errors inline without
// running, and cancels at once. A screenshot of the results is kept in test-artifacts/.
// Comparing two runs is in web-compare.e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { transformWithEsbuild } from 'vite';
import * as math from '../src/engine/random/math.ts';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runJit } from '../src/model/jit.ts';
import { burdenPanels as panelsOf, openApp, root, type App } from './web-app.ts';
import { platformFile, type PlatformCase } from './golden/outputs.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(0); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** Clicks a download button and returns the file's suggested name and bytes. */
async function fetchDownload(selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
}

/** The form is folded under "Edit the scenario" and its sections fold too; open them all (they stay open as the form redraws). */
const openFormSections = () => page.$$eval('#editor, #form details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));

const burdenPanels = () => panelsOf(page);
const BURDEN_HEADINGS = ['Fines as a share of the class’s GMV', 'Orders shipped on time', 'Orders cancelled for stockout', 'Sellers suspended', 'Profit per seller, CNY (signed log axis)'];
/** The four share panels' KPIs, in panel order; the fifth panel is profit. */
const BURDEN_SHARES = ['finesShareOfGmv', 'onTimeShare', 'ordersCancelledShare', 'sellersSuspendedShare'];
/** A share as the chart's titles give it: a percent with one decimal, two below 1%. */
const asPercent = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
/** CNY as the chart's titles give them: whole yuan, thousands separated, a true minus sign. */
const asCny = (x: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(x).replace('-', '−');

describe('web app', () => {
  it('runs replications in the worker, draws the congestion chart, and its KPIs equal Node’s', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#seed', '5');
    await page.fill('#reps', '2');
    await page.click('#run');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    const d = (await page.getAttribute('path.queue-receiving', 'd')) ?? '';
    expect(d.split('L').length).toBe(66 * 24); // one point per hour of the season
    expect(await page.locator('#kpis tbody tr').count()).toBeGreaterThan(50);
    expect(await page.locator('#fines .fine-bar rect').count()).toBeGreaterThan(1); // the fines histogram has bars
    expect(await page.locator('#lead-times path.cdf').count()).toBe(4);
    expect(await page.locator('#profit rect.profit-bar').count()).toBeGreaterThan(0);
    expect(((await page.getAttribute('#arrivals path.arrivals', 'd')) ?? '').split('L').length).toBe(66 * 24);
    // Who bears the burden: small-seller has small sellers only, so each panel shows that one class.
    const panels = await burdenPanels();
    expect(panels.map((p) => p.heading)).toEqual(BURDEN_HEADINGS);
    for (const p of panels) {
      expect(p.classes).toEqual(['small']);
      expect(p.bars.map((b) => [b.class, b.a, b.b, b.whiskers])).toEqual([['small', 1, 0, 1]]); // two replications give an interval
    }
    const web = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!);
    const scenario = readScenarioFile(`${root}scenarios/small-seller.yaml`);
    const node = [0, 1].map((r) => runJit(scenario, { seed: 5, replication: r }).kpis);
    for (const key of ['ordersPlaced', 'ordersFulfilled', 'finesTotalCny', 'dockToStockP95Hours']) {
      expect(web[key]).toBe((node[0][key] + node[1][key]) / 2); // same bytes in the browser and in Node
    }
    // And every KPI the page shows is the one the command prints for the same seed; the files
    // the page downloads are the command's files, byte for byte (intervals included).
    const out = mkdtempSync(`${tmpdir()}/jitsim-e2e-`);
    const cli = spawnSync(process.execPath, [`${root}bin/jitsim.mjs`, 'run', `${root}scenarios/small-seller.yaml`, '--reps', '2', '--seed', '5', '--json', '--quiet', '--out', out], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    for (const file of ['kpis.csv', 'kpis-by-class.csv', 'hourly.csv', 'daily.csv']) {
      expect((await fetchDownload(`button[data-download="${file}"]`)).body.toString('utf8'), file).toBe(readFileSync(`${out}/${file}`, 'utf8'));
    }
    rmSync(out, { recursive: true });
    const printed = JSON.parse(cli.stdout).kpis as Record<string, { mean: number }>;
    expect(Object.keys(web).sort()).toEqual(Object.keys(printed).sort());
    for (const key of Object.keys(printed)) expect(web[key], key).toBe(printed[key].mean);
    // The table writes a count whole, with thousands separators (web/kpi-figures.ts).
    expect(await page.textContent('#kpis tr[data-kpi="ordersPlaced"] td.mean')).toBe(Math.round(printed.ordersPlaced.mean).toLocaleString('en'));
    // Brushing a span zooms the congestion chart into it; a double click zooms out again.
    const ticks = () => page.locator('#congestion svg > g:not(.brush) .tick text').allTextContents();
    const before = await ticks();
    await page.locator('#congestion svg').scrollIntoViewIfNeeded();
    const box = (await page.locator('#congestion svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await ticks()).not.toEqual(before);
    await page.locator('#congestion svg').dblclick({ position: { x: box.width * 0.3, y: 10 } });
    expect(await ticks()).toEqual(before);
    // Charts follow the window's width; the burden chart's panels re-flow in their grid, each drawn to its cell's width.
    const widths = () => page.locator('#charts .chart > svg').evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('width'))));
    const wide = await widths();
    expect(wide.length).toBe(7); // the occupancy and daily charts' svgs too
    const burdenFits = () => page.locator('#burden > div').evaluateAll((cells) =>
      cells.map((c) => Number(c.querySelector('svg')!.getAttribute('width')) - c.clientWidth));
    expect(await burdenFits()).toEqual([0, 0, 0, 0, 0, 0]); // five panels and the key
    await page.setViewportSize({ width: 800, height: 900 });
    await page.waitForFunction((w) => Number(document.querySelector('#congestion svg')!.getAttribute('width')) < w, wide[0]);
    expect((await widths()).every((w, i) => w < wide[i])).toBe(true);
    expect(await burdenFits()).toEqual([0, 0, 0, 0, 0, 0]);
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.waitForFunction((w) => Number(document.querySelector('#congestion svg')!.getAttribute('width')) === w, wide[0]);
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    await page.screenshot({ path: `${root}test-artifacts/results.png`, fullPage: true });
  }, 90_000);

  it('the engine’s exp, log, log1p, expm1, log10, exp10 and pow give the same bits in Chromium as in Node', async () => {
    // Math.exp and kin differ in the last bit between V8 versions; the simulation's own must not.
    const source = (await transformWithEsbuild(readFileSync(`${root}src/engine/random/math.ts`, 'utf8'), 'math.ts', { format: 'cjs' })).code;
    const sweep = (fns: typeof math, xs: number[]) => xs.flatMap((x) => [fns.exp(x * 40 - 20), fns.log(x * 1e4), fns.log1p(x - 0.5), fns.expm1(x - 0.5), fns.log10(x * 1e6), fns.pow(x * 10, 1.37), fns.exp10(x * 8 - 4)]);
    const xs = Array.from({ length: 20_000 }, (_, i) => ((i * 0x9e3779b9) >>> 0) / 4294967296);
    const inBrowser = await page.evaluate(({ source, xs, sweepText }) => {
      const module = { exports: {} as Record<string, (...a: number[]) => number> };
      new Function('module', 'exports', source)(module, module.exports);
      return (new Function(`return ${sweepText}`)() as (f: unknown, x: number[]) => number[])(module.exports, xs);
    }, { source, xs, sweepText: sweep.toString() });
    const inNode = sweep(math, xs);
    expect(inBrowser.length).toBe(inNode.length);
    expect(inBrowser.filter((v, i) => !Object.is(v, inNode[i])).length).toBe(0);
  });

  it('runs the default scenario at platform scale: same KPI file as the command, page responsive, exact values on hover', async () => {
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await page.fill('#seed', '1');
    await page.fill('#reps', '1'); // one: intervals are checked at small scale (above); this is about size
    await page.click('#run');
    // The progress bar shows while it runs; done when it hides again.
    expect(await page.isHidden('#progress')).toBe(false);
    // The page stays responsive meanwhile: timers keep time, the page scrolls, typing lands.
    await page.waitForFunction(() => (document.getElementById('progress') as HTMLProgressElement).value > 0, undefined, { timeout: 60_000 });
    const lateMs = await page.evaluate(() => new Promise<number>((done) => {
      let worst = 0, last = performance.now();
      const tick = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 50); last = now; }, 50);
      setTimeout(() => { clearInterval(tick); done(worst); }, 2000);
    }));
    expect(lateMs).toBeLessThan(250); // a simulation on the main thread would hold timers for seconds
    await openFormSections(); // a page long enough to scroll
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => window.scrollY > 0);
    await page.fill('#seed', '12');
    expect(await page.inputValue('#seed')).toBe('12');
    await page.fill('#seed', '1');
    expect(await page.isHidden('#progress')).toBe(false); // all of that happened mid-run
    await page.waitForFunction(() => (document.getElementById('progress') as HTMLProgressElement).hidden, undefined, { timeout: 240_000 });
    expect(await page.textContent('#status')).toMatch(/^1 replication\(s\) in/);
    const kpis = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!);
    expect(kpis.ordersPlaced).toBeGreaterThan(8_000_000); // 66 days of the 2022 peak at platform scale
    expect(kpis.receivingQueuePeakParcels).toBeGreaterThan(1000);
    expect((await page.getAttribute('#congestion path.queue-receiving', 'd'))!.split('L').length).toBe(66 * 24);
    expect(await page.locator('#fines .fine-bar rect').count()).toBeGreaterThan(10);
    // The page downloads the KPI files the command writes for the same scenario, seed and
    // replications (recorded by npm run golden, test/golden/outputs.ts).
    const golden = JSON.parse(readFileSync(platformFile, 'utf8')) as PlatformCase;
    expect([golden.scenario, golden.seed, golden.replications]).toEqual(['black-friday-2022.yaml', 1, 1]);
    expect((await fetchDownload('button[data-download="kpis.csv"]')).body.toString('utf8')).toBe(golden.kpisCsv);
    expect((await fetchDownload('button[data-download="kpis-by-class.csv"]')).body.toString('utf8')).toBe(golden.kpisByClassCsv);
    const byClass = golden.byClassMeans;
    // Who bears the burden: all three classes in every panel, in order, each bar's title with the
    // command's mean for that class as the chart formats it.
    const panels = await burdenPanels();
    expect(panels.map((p) => p.heading)).toEqual(BURDEN_HEADINGS);
    expect(panels.flatMap((p) => p.bars).length).toBe(3 * 5);
    for (const [k, p] of panels.entries()) {
      expect(p.classes).toEqual(['large', 'medium', 'small']);
      expect(p.bars.map((b) => [b.class, b.a, b.b, b.whiskers])).toEqual(['large', 'medium', 'small'].map((c) => [c, 1, 0, 0])); // one replication: no interval
      for (const bar of p.bars) {
        const kpis = byClass[bar.class!];
        expect(kpis.sellers).toBeGreaterThan(0);
        const says = k < 4 ? asPercent(kpis[BURDEN_SHARES[k]]) : `median seller’s profit ${asCny(kpis.sellerProfitP50Cny)} CNY`;
        expect(bar.title.startsWith(`${bar.class}: `), bar.title).toBe(true);
        expect(bar.title, bar.title).toContain(says);
      }
    }
    expect(panels[0].bars[2].title).toMatch(new RegExp(`^small: fines ${asPercent(byClass.small.finesShareOfGmv).replace('.', '\\.')} of GMV`));
    expect(panels[0].bars[2].title).not.toContain('95%'); // no interval from one replication
    // Looked at as a user would, on a desktop and on a phone: the grid wraps to one column on the
    // phone, and every label stays inside its panel.
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction(() => Array.from(document.querySelectorAll('#burden > div'))
        .every((c) => Number(c.querySelector('svg')?.getAttribute('width')) === c.clientWidth));
      const cells = await page.locator('#burden > div').evaluateAll((all) => all.map((c) => {
        const box = c.getBoundingClientRect(), svg = c.querySelector('svg')!;
        const outside = Array.from(svg.querySelectorAll('text')).filter((t) => {
          const r = t.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5);
        }).map((t) => t.textContent);
        return { left: Math.round(box.left), width: box.width, outside };
      }));
      expect(cells.flatMap((c) => c.outside), `labels outside their panel at ${width} px`).toEqual([]);
      const columns = new Set(cells.map((c) => c.left)).size;
      expect(columns, `columns at ${width} px`).toBe(width === 390 ? 1 : 3);
      await page.locator('#burden').scrollIntoViewIfNeeded();
      await page.locator('#burden').screenshot({ path: `${root}test-artifacts/burden-${width}.png` });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.waitForFunction(() => Number(document.querySelector('#burden svg')?.getAttribute('width')) === document.querySelector('#burden > div')!.clientWidth);
    await page.locator('#congestion svg').scrollIntoViewIfNeeded();
    const box = (await page.locator('#congestion svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    expect(await page.locator('#congestion svg').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:00: Receiving queue [\d.,]+, QC queue [\d.,]+ parcels; staff \d+ receiving, \d+ QC/);
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    await page.screenshot({ path: `${root}test-artifacts/default-scenario.png`, fullPage: true });
  }, 300_000);

  it('downloads results as CSV and JSON and a chart as SVG and PNG', async () => {
    const kpis = await fetchDownload('button[data-download="kpis.csv"]');
    expect(kpis.name).toBe('kpis.csv');
    expect(kpis.body.toString('utf8').split('\n')[0]).toBe('kpi,mean,half_width_95,low_95,high_95,replications');
    const hourly = await fetchDownload('button[data-download="hourly.csv"]');
    expect(hourly.body.toString('utf8').trim().split('\n').length).toBe(1 + 66 * 24);
    const summary = await fetchDownload('button[data-download="summary.json"]');
    expect(JSON.parse(summary.body.toString('utf8')).replications).toBe(1); // the platform run above
    const svg = await fetchDownload('button[data-chart="congestion"][data-format="svg"]');
    expect(svg.name).toBe('congestion.svg');
    expect(svg.body.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await fetchDownload('button[data-chart="fines"][data-format="png"]');
    expect(png.name).toBe('fines.png');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The burden chart's panels, each an svg laid out by CSS, come as one svg with each panel where it stands.
    const burden = (await fetchDownload('button[data-chart="burden"][data-format="svg"]')).body.toString('utf8');
    expect(burden).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(burden.match(/<svg/g)!.length).toBe(1 + 6); // five panels and the key
    expect(new Set(burden.match(/<svg[^>]* x="[\d.]+" y="[\d.]+"/g)!.map((t) => t.match(/ x="[\d.]+" y="[\d.]+"/)![0])).size).toBe(6);
    expect(burden).toContain('Profit per seller, CNY');
    const burdenPng = await fetchDownload('button[data-chart="burden"][data-format="png"]');
    expect(burdenPng.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);

  it('draws the scenario\'s own lateness tiers: lines on the lead-time chart, causes in the fines legend', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', 'extends: small-seller.yaml\nrules:\n  lateness: [{ afterHours: 12, multiple: 1 }, { afterHours: 36, multiple: 3 }, { afterHours: 60, multiple: 6 }]\n');
    await page.fill('#reps', '1');
    await page.click('#run');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('#lead-times')?.textContent?.includes('60 h'));
    const labels = await page.locator('#lead-times text').allTextContents();
    expect(labels.filter((t) => / h$/.test(t) && !t.startsWith('within'))).toEqual(['12 h', '36 h', '60 h']);
    const legend = (await page.locator('#fines').textContent()) ?? '';
    for (const cause of ['late > 12 h (1x)', 'late > 36 h (3x)', 'late > 60 h (6x)', 'stockout (5x)', 'quality (5x)']) expect(legend).toContain(cause);
    // One replication gives no interval: the burden chart draws its bars without whiskers, and its titles give no 95%.
    const panels = await burdenPanels();
    expect(panels.flatMap((p) => p.bars.map((b) => [b.class, b.a, b.whiskers]))).toEqual(Array(5).fill(['small', 1, 0]));
    expect(panels.flatMap((p) => p.bars).filter((b) => b.title.includes('95%'))).toEqual([]);
    await page.fill('#reps', '2');
  }, 90_000);

  it('shows a bad field inline next to the editor and starts no run', async () => {
    const before = await page.textContent('#status');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', 'demand:\n  ordersPerDay: -5\n');
    await page.click('#run');
    expect(await page.textContent('[data-error-for="demand.ordersPerDay"]')).toBe('expected a number >= 0, got -5');
    expect(await page.textContent('#status')).toBe('Fix the scenario first.');
    expect(before).not.toBe('Fix the scenario first.');
    expect(await page.isDisabled('#run')).toBe(false);
  });

  it('the parameter form writes into the file and is checked by the schema field by field', async () => {
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await openFormSections();
    const field = (path: string) => page.locator(`#form input[data-path="${path}"]`);
    expect(await field('rules.depositCny').inputValue()).toBe('5000'); // a default the file does not state
    await field('demand.ordersPerDay').fill('123');
    await field('demand.ordersPerDay').dispatchEvent('change');
    expect(await page.inputValue('#yaml')).toMatch(/ordersPerDay: 123/);
    // A list the file does not state is written whole, with the one change.
    await field('warehouse.receiving.staff.byHour[12]').fill('7');
    await field('warehouse.receiving.staff.byHour[12]').dispatchEvent('change');
    const written = YAML.parse(await page.inputValue('#yaml'));
    expect(written.warehouse.receiving.staff.byHour).toEqual([0, 0, 0, 0, 0, 0, ...Array(6).fill(60), 7, ...Array(11).fill(60)]);
    expect(await page.textContent('[data-error-for="warehouse.receiving.staff.byHour"]')).toBe('');
    await field('rules.depositCny').fill('-1');
    await field('rules.depositCny').dispatchEvent('change');
    expect(await page.textContent('[data-error-for="rules.depositCny"]')).toMatch(/expected .*got -1/);
    await page.click('#run');
    expect(await page.textContent('#status')).toBe('Fix the scenario first.');
    await page.selectOption('#scenario', 'small-seller.yaml'); // a fresh file clears the error
    expect(await page.textContent('[data-error-for="rules.depositCny"]')).toBe('');
    // Dates are text fields checked like the rest; a user's own JSON file loads into the editor.
    await field('factories.disruptions[0].from').fill('2022-11-31');
    await field('factories.disruptions[0].from').press('Tab'); // leaving the field applies it
    expect(await page.textContent('[data-error-for="factories.disruptions[0].from"]')).toMatch(/2022-11-31/);
    await page.setInputFiles('#file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from('{"extends": "small-seller.yaml", "demand": {"ordersPerDay": 55}}') });
    await page.waitForFunction(() => (document.querySelector('#form input[data-path="demand.ordersPerDay"]') as HTMLInputElement).value === '55');
    expect(await page.textContent('#status')).toBe('Loaded mine.json.');
  });

  it('the form edits every listed part: windows, surges, tiers, stocking policy, staff by hour', async () => {
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await openFormSections();
    const yamlNow = async () => YAML.parse(await page.inputValue('#yaml')) as Record<string, any>;
    const change = async (path: string, value: string) => {
      await page.locator(`#form input[data-path="${path}"]`).fill(value);
      await page.locator(`#form input[data-path="${path}"]`).dispatchEvent('change');
    };
    const windows = () => page.locator('#form [data-remove^="factories.disruptions["]').count();
    const before = await windows();
    expect(before).toBeGreaterThan(0);
    // Add a lockdown window, tick a second region, suspend the courier; then remove the first window.
    await page.click('[data-add="factories.disruptions"]');
    expect(await windows()).toBe(before + 1);
    await page.locator(`#form input[data-path="factories.disruptions[${before}].regions"][value="foshan"]`).check();
    await page.locator(`#form input[data-path="factories.disruptions[${before}].courierSuspended"]`).check();
    await change(`factories.disruptions[${before}].to`, '2022-11-27');
    let file = await yamlNow();
    expect(file.factories.disruptions[before]).toEqual({ regions: ['guangzhou', 'foshan'], from: '2022-10-01', to: '2022-11-27', affectedShare: 0.2, restartHours: 24, courierSuspended: true });
    const second = file.factories.disruptions[1];
    await page.click('[data-remove="factories.disruptions[0]"]');
    file = await yamlNow();
    expect(file.factories.disruptions.length).toBe(before);
    expect(file.factories.disruptions[0]).toEqual(second);
    // A QC surge added after the last one starts the day after it ends; a tier after the last.
    const lastSurgeTo = await page.inputValue('#form input[data-path="warehouse.qc.staff.overrides[0].to"]');
    await page.click('[data-add="warehouse.qc.staff.overrides"]');
    const d = new Date(`${lastSurgeTo}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1);
    expect(await page.inputValue('#form input[data-path="warehouse.qc.staff.overrides[1].from"]')).toBe(d.toISOString().slice(0, 10));
    await change('warehouse.qc.staff.overrides[1].byHour[20]', '444');
    expect((await yamlNow()).warehouse.qc.staff.overrides[1].byHour[20]).toBe(444);
    await page.click('[data-add="rules.lateness"]');
    await change('rules.lateness[2].multiple', '8');
    expect((await yamlNow()).rules.lateness).toEqual([{ afterHours: 24, multiple: 1 }, { afterHours: 48, multiple: 5 }, { afterHours: 72, multiple: 8 }]);
    // Each policy shows its own fields; make-to-order has none. A policy chosen anew starts from the class's calibrated values.
    expect(await page.inputValue('#form input[data-path="sellers.classes.medium.stocking.cycleServiceLevel"]')).toBe('0.98');
    await page.selectOption('#form select[data-path="sellers.classes.medium.stocking.policy"]', 'makeToOrder');
    expect((await yamlNow()).sellers.classes.medium.stocking).toEqual({ policy: 'makeToOrder' });
    expect(await page.locator('#form input[data-path="sellers.classes.medium.stocking.reorderDays"]').count()).toBe(0);
    expect(await page.locator('#form input[data-path="sellers.classes.medium.stocking.cycleDays"]').count()).toBe(0);
    await page.selectOption('#form select[data-path="sellers.classes.medium.stocking.policy"]', 'sS');
    expect(await page.inputValue('#form input[data-path="sellers.classes.medium.stocking.reorderDays"]')).toBe('14');
    await page.selectOption('#form select[data-path="sellers.classes.medium.stocking.policy"]', 'serviceLevel');
    expect((await yamlNow()).sellers.classes.medium.stocking).toEqual({ policy: 'serviceLevel', cycleServiceLevel: 0.98, cycleDays: 14 });
    // Staff by hour: an error in one hour shows by that roster, with the hour.
    await change('warehouse.receiving.staff.byHour[3]', '2.5');
    expect(await page.textContent('[data-error-for="warehouse.receiving.staff.byHour"]')).toMatch(/^3:00: expected .*2\.5/);
    expect(await page.locator('#errors li').count()).toBe(0);
    await page.selectOption('#scenario', 'small-seller.yaml');
  });

  it('cancels a long run at once', async () => {
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await page.fill('#reps', '3');
    await page.click('#run');
    await page.waitForFunction(() => (document.getElementById('progress') as HTMLProgressElement).value > 0, undefined, { timeout: 30_000 });
    const t0 = Date.now();
    await page.click('#cancel');
    expect(await page.textContent('#status')).toBe('Cancelled.');
    await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled, undefined, { timeout: 5_000 });
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 60_000);
});
