// The warehouse staffing planner on the page end to end, on a small platform (1:50) over 11 days of
// the 2022 peak with 2 replications: the roster chart, the staff-hours and the table of days; the
// browser's plan and its check are Node's to the byte (staffing-plan.csv); "Open as scenario" puts
// the roster into the editor as dated overrides; roster.yaml is the edited scenario with the roster
// in it. Cancel while recording ends at once; Cancel while planning keeps the days done.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { planStaffing } from '../src/experiment/staffing-plan.ts';
import { percent } from '../src/experiment/number-format.ts';
import { overridesOf, plannedScenario, staffingCsv, validatedShares } from '../src/experiment/staffing-roster.ts';
import type { Inflow } from '../src/model/inflow.ts';
import { runJit } from '../src/model/jit.ts';
import { staffHourByHour } from '../src/model/world.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(4); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

const shift = (n: number, from: number, to: number) => Array.from({ length: 24 }, (_, h) => ((from < to ? h >= from && h < to : h >= from || h < to) ? n : 0));
/** The 2022 peak on a platform of 600 sellers, receiving 2 (3 in the surge week) and QC 3 (6). */
const small = (season: string) => [
  'extends: black-friday-2022.yaml',
  `season: ${season}`,
  'sellers: { count: 600 }',
  'demand: { ordersPerDay: 1200 }',
  'warehouse:',
  '  receiving:',
  '    staff:',
  `      byHour: [${shift(2, 6, 24)}]`,
  `      overrides: [{ from: 2022-11-24, to: 2022-11-30, byHour: [${shift(3, 6, 24)}] }]`,
  '  qc:',
  '    staff:',
  `      byHour: [${shift(3, 6, 2)}]`,
  `      overrides: [{ from: 2022-11-24, to: 2022-11-30, byHour: [${shift(6, 6, 2)}] }]`,
  '',
].join('\n');
const SEASON = '{ start: 2022-11-20, end: 2022-11-30 }', DAYS = 11;

async function edit(text: string): Promise<void> {
  await page.selectOption('#scenario', 'black-friday-2022.yaml');
  await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
  await page.fill('#yaml', text);
  await page.locator('#yaml').dispatchEvent('change');
  expect(await page.textContent('#errors')).toBe('');
}

/** Clicks a download button and returns the file's suggested name and text. */
async function fetchDownload(selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

const status = () => page.textContent('#staffing-status');
/** The table's rows as the page shows them. */
const rows = () => page.locator('#staffing-results tbody tr').evaluateAll((trs) => trs.map((tr) => {
  const { date, peak, receiving, qc } = (tr as HTMLElement).dataset;
  return { date, peak, receiving, qc, cells: Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent) };
}));

describe('web app, the warehouse staffing planner', () => {
  it('plans, draws and tabulates the roster as Node does, and opens it as the scenario', async () => {
    await edit(small(SEASON));
    await page.$eval('#staffing', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#staffing-reps', '2');
    await page.click('#staffing-run');
    expect(await page.isVisible('#staffing-progress')).toBe(true);
    await page.waitForFunction(() => /^Planned 11 days on 2 replications and checked on 2 fresh ones/.test(document.getElementById('staffing-status')!.textContent ?? ''), undefined, { timeout: 90_000 });
    expect(await page.isHidden('#staffing-progress')).toBe(true);
    expect(await page.isDisabled('#staffing-cancel')).toBe(true);

    // Node's plan and check on the same scenario, seed and replications.
    const dir = mkdtempSync(`${tmpdir()}/jitsim-staffing-`);
    writeFileSync(`${dir}/small.yaml`, small(SEASON).replace('extends: black-friday-2022.yaml', `extends: ${root}scenarios/black-friday-2022.yaml`));
    const scenario = readScenarioFile(`${dir}/small.yaml`);
    rmSync(dir, { recursive: true });
    const recorded = [0, 1].map((r) => runJit(scenario, { seed: 1, replication: r, recordInflow: true }));
    const base = { receiving: staffHourByHour(scenario.warehouse.receiving.staff, scenario.season.start, DAYS), qc: staffHourByHour(scenario.warehouse.qc.staff, scenario.season.start, DAYS) };
    const target = { withinHours: 24, share: 0.95, confidence: 0.95 };
    const plan = await planStaffing({ days: DAYS, base, target, inflows: recorded.map((r) => r.inflow as Inflow) });
    const checked = [2, 3].map((r) => runJit(plannedScenario(scenario, plan.hourly), { seed: 1, replication: r }));
    const validated = validatedShares(checked, 24, DAYS);
    const peakFrom = Math.round(recorded[0].kpis.peakWeekStartHours! / 24);
    expect(peakFrom).toBe(4); // the surge week starts on 24 November

    // The table: a row a day of the season, the peak week marked, Node's headcounts.
    const table = await rows();
    expect(table.map((r) => r.date)).toEqual(Array.from({ length: DAYS }, (_, d) => `2022-11-${20 + d}`));
    expect(table.map((r) => r.peak === 'true')).toEqual(table.map((_, d) => d >= 4 && d < 11));
    expect(table.map((r) => [Number(r.receiving), Number(r.qc)])).toEqual(plan.days.map((p) => [p.receiving, p.qc]));
    expect(table[5].cells[1]).toBe(`${plan.days[5].receiving} (${plan.days[5].scenarioReceiving})`);
    const share = (x: number) => percent(Math.min(1, x));
    expect(table[5].cells.slice(3)).toEqual([share(plan.days[5].lowerBound), share(validated[5].mean), `${share(validated[5].low).replace('%', '')}–${share(validated[5].high)}`]);
    expect(table[DAYS - 1].cells[4]).toBe('—'); // the season's end cuts the last day off
    // The CSV is the command's, byte for byte: the same plan, and the same check.
    const csv = await fetchDownload('#staffing-results button[data-file="staffing-plan.csv"]');
    expect(csv.name).toBe('staffing-plan.csv');
    expect(csv.text).toBe(staffingCsv(plan, scenario.season.start, validated, { from: peakFrom, to: peakFrom + 7 }));

    // The chart: plan and scenario for both stations, the plan a step a day, the peak week shaded.
    const chart = await page.$eval('#staffing-results .chart svg', (svg) => ({
      paths: ['planned-receiving', 'planned-qc', 'scenario-receiving', 'scenario-qc'].map((c) => svg.querySelector(`path.${c}`)?.getAttribute('d') ?? ''),
      dashes: ['planned-receiving', 'scenario-receiving'].map((c) => svg.querySelector(`path.${c}`)?.getAttribute('stroke-dasharray') ?? null),
      peak: [svg.querySelector('rect.peak-week')?.getAttribute('data-from'), svg.querySelector('rect.peak-week')?.getAttribute('data-to')],
      legend: Array.from(svg.querySelectorAll('g.legend text'), (t) => t.textContent),
      ticks: Array.from(svg.querySelectorAll('.x-axis .tick'), (t) => t.getAttribute('data-china')),
    }));
    // A step a day (two moves each), the last day drawn to its end.
    for (const d of chart.paths) expect(d.match(/L/g)?.length ?? 0, d).toBe(2 * DAYS);
    expect(chart.dashes).toEqual([null, '5 3']);
    expect(chart.peak).toEqual(['4', '11']);
    expect(chart.legend).toEqual(['Receiving, planned', 'Receiving, scenario’s roster', 'QC, planned', 'QC, scenario’s roster', 'peak week']);
    expect(chart.ticks.every((t) => t?.endsWith('T00:00'))).toBe(true); // ticks at China midnights
    expect(chart.ticks[0]).toBe('2022-11-20T00:00');
    // Hovering a day reads out its staff.
    const box = (await page.locator('#staffing-results .chart svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.48, box.y + 100);
    expect(await page.textContent('.roster-readout')).toMatch(/^\w{3} Nov \d\d(, peak week)?: receiving \d+ \(scenario \d\), QC \d+ \(scenario \d\)$/);

    // Staff-hours, planned against the scenario's, per station and in all.
    const hours = await page.locator('#staffing-results .staff-hours .station-hours').evaluateAll((spans) => spans.map((s) => {
      const { station, planned, scenario } = (s as HTMLElement).dataset;
      return { station, planned, scenario, text: s.textContent };
    }));
    const sum = (a: Int32Array) => a.reduce((x, y) => x + y, 0);
    expect(hours.map((h) => [h.station, Number(h.planned), Number(h.scenario)])).toEqual([
      ['receiving', sum(plan.hourly.receiving), sum(base.receiving)],
      ['qc', sum(plan.hourly.qc), sum(base.qc)],
      ['total', sum(plan.hourly.receiving) + sum(plan.hourly.qc), sum(base.receiving) + sum(base.qc)],
    ]);
    expect(hours[2].text).toMatch(/^in all [\d,]+ against [\d,]+ \([+−±]\d+\.\d%\)$/);
    expect(await page.textContent('#staffing-results .check')).toMatch(/^Checked on 2 fresh replications/);

    // roster.yaml: the edited scenario has no file to extend, so it is the whole of it with the roster in it.
    const roster = await fetchDownload('#staffing-results button[data-file="roster.yaml"]');
    expect(roster.text).toMatch(/^# Recommended warehouse roster, found by: jitsim plan staffing "black-friday-2022 \(edited\)\.yaml" --reps 2 --seed 1/);
    const fromFile = parseScenario(roster.text, 'roster.yaml', (path) => readFileSync(`${root}scenarios/${path.split('/').pop()}`, 'utf8'));
    expect(fromFile).toEqual(plannedScenario(scenario, plan.hourly));

    // "Open as scenario": the roster as dated overrides in the editor, the rest of the edit kept, and it runs.
    await page.click('#staffing-results button.open-roster');
    expect(await page.textContent('#errors')).toBe('');
    const doc = YAML.parse(await page.inputValue('#yaml'));
    expect(doc.sellers).toEqual({ count: 600 });
    expect(doc.warehouse.receiving.staff.overrides).toEqual(overridesOf(plan.hourly.receiving, scenario.season.start));
    expect(doc.warehouse.qc.staff.overrides).toEqual(overridesOf(plan.hourly.qc, scenario.season.start));
    expect(doc.warehouse.receiving.staff.overrides[0].from).toBe('2022-11-20');
    expect(doc.warehouse.receiving.staff.overrides.at(-1).to).toBe('2022-11-30');
    expect(await status()).toMatch(/^The planned roster is in the scenario above/);
    await page.fill('#reps', '1');
    await page.click('#run');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#status')).toMatch(/^1 replication\(s\) in/);
  }, 150_000);

  it('Cancel ends the recording at once, and while planning keeps the days done as a partial plan', async () => {
    await edit(small('{ start: 2022-11-01, end: 2022-11-30 }'));
    await page.uncheck('#staffing-validate');
    await page.click('#staffing-run');
    await page.waitForFunction(() => /^Recording replications/.test(document.getElementById('staffing-status')!.textContent ?? ''));
    await page.click('#staffing-cancel');
    await page.waitForFunction(() => /^Cancelled while recording the replications: nothing planned/.test(document.getElementById('staffing-status')!.textContent ?? ''), undefined, { timeout: 3_000 });
    // Nothing more arrives: the workers are gone.
    const stopped = await status();
    await page.waitForTimeout(500);
    expect(await status()).toBe(stopped);
    expect(await page.locator('#staffing-results > *').count()).toBe(0);
    expect(await page.isEnabled('#staffing-run')).toBe(true);
    expect(await page.isHidden('#staffing-progress')).toBe(true);

    await page.click('#staffing-run');
    await page.waitForFunction(() => /^Planning day ([4-9]|\d\d) of 30$/.test(document.getElementById('staffing-status')!.textContent ?? ''), undefined, { timeout: 60_000 });
    await page.click('#staffing-cancel');
    expect(await page.isDisabled('#staffing-cancel')).toBe(true);
    await page.waitForFunction(() => /^Stopped: a partial plan of \d+ of 30 days/.test(document.getElementById('staffing-status')!.textContent ?? ''), undefined, { timeout: 30_000 });
    const done = Number(/of (\d+) of 30/.exec((await status())!)![1]);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(30);
    const table = await rows();
    expect(table).toHaveLength(done);
    expect(table[0].date).toBe('2022-11-01');
    expect(await page.textContent('#staffing-results .partial')).toContain(`the first ${done} of 30 days`);
    // The planned lines stop where the plan does; the scenario's run the whole season.
    const ends = await page.$eval('#staffing-results .chart svg', (svg) => ['planned-receiving', 'scenario-receiving'].map((c) => (svg.querySelector(`path.${c}`) as SVGPathElement).getBBox()).map((b) => b.x + b.width));
    expect(ends[0]).toBeLessThan(ends[1]);
    // A partial plan is not a roster to take away: the CSV only.
    expect(await page.locator('#staffing-results button.open-roster').count()).toBe(0);
    expect(await page.locator('#staffing-results button[data-file="roster.yaml"]').count()).toBe(0);
    expect(await page.locator('#staffing-results button[data-file="staffing-plan.csv"]').count()).toBe(1);
    expect(await page.isEnabled('#staffing-run')).toBe(true);
    expect(await page.isHidden('#staffing-progress')).toBe(true);
  }, 90_000);
});
