// Compare mode end to end: a shared link keeps the compare choices and the baseline; the edited
// scenario against its original (the baseline) on common random numbers, read as change − baseline,
// the baseline on every chart; and a JIT season against its pre-stock twin: shelf occupancy, costs
// per seller by class, the verdict, runs named by mode. Screenshots of the compare view at desktop
// and phone widths are kept in test-artifacts/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { scaledDown } from '../src/scenario/scale.ts';
import { burdenPanels as panelsOf, openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(1); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });
const burdenPanels = () => panelsOf(page);

describe('web app, compare mode', () => {
  it('a shared link restores the scenario, seed and replications', async () => {
    await page.selectOption('#scenario', 'october-baseline.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    const edited = (await page.inputValue('#yaml')) + '\ndemand: { ordersPerDay: 1234 }\n';
    await page.fill('#yaml', edited);
    await page.fill('#seed', '77');
    await page.selectOption('#compare', 'understaffed-warehouse.yaml');
    await page.selectOption('#compare-2', 'original');
    await page.selectOption('#baseline', '0'); // the scenario in the editor
    await page.click('#share');
    const link = page.url();
    expect(link).toMatch(/#s=/);
    const other = await app.browser.newPage();
    await other.goto(link);
    expect(await other.inputValue('#yaml')).toBe(edited);
    expect(await other.inputValue('#seed')).toBe('77');
    expect(await other.inputValue('#scenario')).toBe('october-baseline.yaml');
    expect(await other.inputValue('#compare')).toBe('understaffed-warehouse.yaml');
    expect(await other.inputValue('#compare-2')).toBe('original');
    expect(await other.inputValue('#baseline')).toBe('0');
    // A link made before the compare choice was shared still opens, comparing with nothing.
    const old = Buffer.from(JSON.stringify({ file: 'small-seller.yaml', yaml: 'extends: small-seller.yaml\n', seed: '3', reps: '2' })).toString('base64url');
    await other.goto(`http://127.0.0.1:${app.port}/?old#s=${old}`);
    expect(await other.inputValue('#scenario')).toBe('small-seller.yaml');
    expect(await other.inputValue('#seed')).toBe('3');
    expect(await other.inputValue('#compare')).toBe('');
    expect(await other.inputValue('#compare-2')).toBe('');
    await other.close();
    await page.selectOption('#compare-2', '');
    await page.selectOption('#compare', '');
  });

  it('compares the edited scenario with its original on common random numbers', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', 'extends: small-seller.yaml\nsellers: { classes: { small: { stocking: { reorderDays: 2, orderUpToDays: 4 } } } }\n');
    await page.selectOption('#compare', 'original');
    await page.fill('#reps', '4');
    await page.click('#run');
    await page.waitForSelector('#comparison:not([hidden])', { timeout: 60_000 });
    // The edit is the change, the original the baseline (the first chosen): the edit's column reads edit − original.
    const difference = (kpi: string) => page.locator(`#differences tr[data-kpi="${kpi}"] td[data-scenario="0"] .difference`);
    expect(await difference('ordersPlaced').getAttribute('data-diff')).toBe('0'); // the same demand in both
    expect(await page.locator('#compare-unchanged tr[data-kpi="ordersPlaced"]').count()).toBe(1); // folded away, unchanged
    expect(Number(await difference('ordersCancelled').getAttribute('data-diff'))).toBeGreaterThan(0); // the edit's thin (s, S) runs out more often than the original's service level
    expect(await difference('ordersCancelled').getAttribute('data-significant')).toBe('true');
    expect(await difference('ordersCancelled').locator('.verdict-word').textContent()).toBe('✗ worse');
    expect(await page.locator('#compare-changed tr[data-kpi="ordersCancelled"]').count()).toBe(1);
    // By seller class (one small seller here): change − baseline of the cancelled share, in percentage points, above 0 like the count.
    const classCell = (await page.locator('#class-differences tr[data-kpi="ordersCancelledShare"] td[data-class="small"]').textContent())!;
    expect(classCell).toMatch(/^[\d.]+ pt ± [\d.]+ pt/);
    expect(await page.locator('#class-differences th').allTextContents()).toEqual(['small-seller.yaml in the editor, JIT − baseline, by seller class', 'small']);
    await page.locator('#comparison').screenshot({ path: `${root}test-artifacts/comparison.png` });
    expect(await page.locator('#congestion path.compare-receiving').count()).toBe(1);
    // Every chart shows B, and says so on hover or in a bar's title.
    const B = 'small-seller.yaml as shipped';
    expect(await page.locator('#arrivals path.compare-arrivals').count()).toBe(1);
    expect(await page.locator('#arrivals path.compare-capacity').count()).toBe(1);
    expect(((await page.getAttribute('#arrivals path.compare-arrivals', 'd')) ?? '').split('L').length).toBe(66 * 24);
    expect(await page.locator('#lead-times path.compare-cdf').count()).toBe(4);
    expect(await page.locator('#fines rect.compare-bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#profit rect.compare-bar').count()).toBeGreaterThan(0);
    expect(await page.locator('.compare-note').count()).toBe(0);
    expect(await page.locator('#fines .fine-bar:has(rect.compare-bar) title').first().textContent())
      .toMatch(new RegExp(`\\nB \\(${B}\\): in \\d of 4 replications`)); // one seller: its replications, not "0.25 sellers"
    // Every band's title gives B's count too, 0 where only A has some.
    const titles = await page.locator('#profit .profit-band title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(new RegExp(`replications\\nB \\(${B}\\): in \\d of 4 replications$`));
    // B's seller earns differently (its stockouts differ), so some band counts differ: B's numbers are B's own.
    expect(titles.some((t) => { const [a, b] = t.match(/\d+(?= of 4)/g)!; return a !== b; })).toBe(true);
    // The burden chart draws B beside A in every panel, B's value in each title, and names B in its key.
    const burden = (await burdenPanels()).flatMap((p) => p.bars);
    expect(burden.map((b) => [b.class, b.a, b.b])).toEqual(Array(5).fill(['small', 1, 1]));
    for (const b of burden) expect(b.title).toMatch(new RegExp(`^small: .+\\nB \\(${B}\\): .*\\d`));
    expect(await page.locator('#burden .compare-median').count()).toBe(1);
    expect(await page.locator('#burden .burden-key').textContent()).toContain(B);
    await page.locator('#burden').scrollIntoViewIfNeeded();
    await page.locator('#burden').screenshot({ path: `${root}test-artifacts/burden-compare.png` });
    const hover = async (chart: string) => {
      await page.locator(`#${chart} svg`).hover(); // scrolls the chart into view, then moves to its middle
      return page.locator(`#${chart} svg`).textContent();
    };
    expect(await hover('congestion')).toMatch(/staff \d+ receiving, \d+ QC; B: [\d.]+, [\d.]+/);
    expect(await hover('arrivals')).toMatch(/an hour; B: [\d.]+ arriving, capacity \d+/);
    expect(await hover('lead-times')).toMatch(/B: Ship delay [\d.]+%, Transit [\d.]+%, Dock-to-stock [\d.]+%, Order-to-stock [\d.]+%/);
    expect(await page.locator('#lead-times svg').textContent()).toContain(`dashed, darker: B, ${B}`);
    // B is laid on A's clock by date: a 20-day A inside B's 66 days gets B's matching 20 days.
    await page.fill('#yaml', 'extends: small-seller.yaml\nseason: { start: 2022-10-01, end: 2022-10-20 }\n');
    await page.fill('#reps', '2');
    await page.click('#run');
    await page.waitForFunction(() => /^2 replication/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(((await page.getAttribute('#arrivals path.compare-arrivals', 'd')) ?? '').split('L').length).toBe(20 * 24);
    expect(((await page.getAttribute('#congestion path.compare-qc', 'd')) ?? '').split('L').length).toBe(20 * 24);
    expect(await page.locator('.compare-note').count()).toBe(0);
    // A season sharing no hour with B's leaves B off the hourly charts, with a note; the rest keep it.
    await page.fill('#yaml', 'extends: small-seller.yaml\nseason: { start: 2023-01-01, end: 2023-01-05 }\n');
    await page.click('#run');
    await page.waitForSelector('#arrivals .compare-note', { timeout: 60_000 });
    expect(await page.locator('#congestion path.compare-receiving').count()).toBe(0);
    expect(await page.locator('#arrivals path.compare-arrivals').count()).toBe(0);
    expect(await page.textContent('#arrivals .compare-note')).toBe(`${B} not drawn: its season shares no hour with this one`);
    expect(await page.locator('#congestion .compare-note').count()).toBe(1);
    expect(await page.locator('#lead-times path.compare-cdf').count()).toBe(4);
    await page.selectOption('#compare', '');
  }, 120_000);


  it('compares a JIT season with its pre-stock twin: both on the occupancy chart, costs by class side by side, the verdict', async () => {
    // black-friday-2022 shrunk a hundredfold (sellers, orders and staff alike) so that it runs in seconds.
    const s = scaledDown(readScenarioFile(`${root}scenarios/black-friday-2022.yaml`), 100);
    const shrunk = { demand: { ordersPerDay: s.demand.ordersPerDay }, sellers: { count: s.sellers.count }, warehouse: { receiving: { staff: s.warehouse.receiving.staff }, qc: { staff: s.warehouse.qc.staff } } };
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.selectOption('#scenario', 'black-friday-2022.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', `extends: black-friday-2022.yaml\n${YAML.stringify(shrunk)}`);
    await page.locator('#yaml').dispatchEvent('change');
    // All JIT: the pre-stock twin is offered, the JIT twin is not.
    expect(await page.locator('#compare option[value="twin:jit"]').evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(true);
    await page.selectOption('#compare', 'twin:prestock');
    await page.fill('#seed', '3');
    await page.fill('#reps', '3');
    await page.click('#run');
    await page.waitForFunction(() => /^3 replication/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 60_000 });

    // Runs named by mode: the key above the charts, the chart legends, the difference table.
    expect(await page.textContent('#run-key')).toMatch(/A, JIT .*B, pre-stock twin, the baseline\./);
    expect(await page.locator('#congestion svg').textContent()).toContain('Receiving queue, B: pre-stock twin');
    expect(await page.locator('#compare-changed thead th').allTextContents())
      .toEqual(['Figure', 'black-friday-2022.yaml in the editor, JITmean; change − baseline ± 95%', 'pre-stock twinbaseline']);

    // Occupancy: one line a run; the pre-stock one rises above 0, the JIT one lies flat on 0, and a note says why.
    const line = async (run: string) => {
      const path = page.locator(`#occupancy path.occupancy-line[data-run="${run}"]`);
      const ys = ((await path.getAttribute('d')) ?? '').split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[1]));
      return { label: await path.getAttribute('data-label'), ys };
    };
    const [a, b] = [await line('a'), await line('b')];
    expect([a.label, b.label]).toEqual(['JIT (A)', 'pre-stock (B)']);
    expect(a.ys.length).toBe(66 * 24);
    expect(new Set(a.ys).size).toBe(1); // flat
    const zero = a.ys[0];
    expect(b.ys.length).toBe(66 * 24);
    expect(Math.min(...b.ys)).toBeLessThan(zero - 10); // above the zero line (SVG y grows downwards)
    const figure = async (run: string, f: string) => Number((await page.textContent(`#occupancy tr[data-run="${run}"] td[data-figure="${f}"]`))!.split(' ± ')[0].replace(/,/g, ''));
    expect(await figure('a', 'peak')).toBe(0);
    expect(await figure('b', 'peak')).toBeGreaterThan(0);
    expect(await figure('b', 'mean')).toBeGreaterThan(0);
    expect(await page.locator('#occupancy .occupancy-note').allTextContents()).toEqual(['JIT (A): no pre-stock sellers, nothing on the shelf (flat at 0)']);
    expect(await page.locator('#occupancy .legend').textContent()).toBe('JIT (A), meanpre-stock (B), meanband: P5–P95 over replications');

    // Costs per seller: three classes, each with both runs side by side and finite figures.
    const tables = page.locator('#costs table');
    expect(await tables.evaluateAll((all) => all.map((t) => t.getAttribute('data-class')))).toEqual(['large', 'medium', 'small']);
    for (const table of await tables.all()) {
      expect(await table.locator('thead th').allTextContents()).toEqual(['', 'JIT (A)', 'pre-stock (B)', 'B − A']);
      const values = await table.locator('td[data-run]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-run'), Number(c.getAttribute('data-value'))] as const));
      expect(values.length).toBe(2 * 7); // fines, lost sales, shipping, holding, returns, profit P50 and mean
      expect(values.filter(([run]) => run === 'a').length).toBe(7);
      for (const [, v] of values) expect(Number.isFinite(v)).toBe(true);
    }

    // The verdict, above the difference tables, in plain sentences about sellers.
    expect(await page.isVisible('#verdict')).toBe(true);
    expect(await page.textContent('#verdict h3')).toBe('Verdict: black-friday-2022.yaml in the editor, JIT against pre-stock twin');
    const sentences = await page.locator('#verdict .verdict-line').allTextContents();
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(sentences.join(' ')).toMatch(/sellers/);
    expect(await page.locator('#comparison > *').evaluateAll((all) => all.map((e) => e.id).filter(Boolean))).toEqual(['comparison-label', 'verdict', 'class-differences', 'differences']);

    // Looked at on a desktop and on a phone: nothing wider than the window.
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => Number(document.querySelector('#occupancy svg')?.getAttribute('width')) <= w, width);
      // Anything reaching past the window's right edge, unless inside a box that scrolls sideways.
      const wide = await page.evaluate((w) => {
        const scrolls = (e: Element) => getComputedStyle(e).overflowX !== 'visible';
        const past = (e: Element) => e.getBoundingClientRect().right > w + 0.5 && !e.closest('[hidden], details:not([open])');
        return Array.from(document.querySelectorAll('body *'))
          .filter((e) => past(e) && !(e.parentElement && past(e.parentElement)))
          .filter((e) => { for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return false; return true; })
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} ${(e.textContent ?? '').slice(0, 60)}`);
      }, width);
      expect(wide, `wider than the window at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      await page.locator('#results').screenshot({ path: `${root}test-artifacts/compare-twin-${width}.png` });
      for (const part of ['run-key', 'congestion', 'occupancy', 'burden', 'costs', 'verdict', 'class-differences']) {
        await page.locator(`#${part}`).screenshot({ path: `${root}test-artifacts/compare-twin-${width}-${part}.png` });
      }
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.selectOption('#compare', '');
  }, 90_000);
});
