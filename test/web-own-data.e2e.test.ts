// A seller's own data in the web app end to end: examples/acme's scenario, skus.csv and orders.csv
// uploaded in the page; acme-home's season in the seller view, and the main run, with Node's figures;
// the trace downloaded with the command's bytes; a bad orders.csv, an unknown seller and a trace too
// big for a tab each say what is wrong and run nothing. Screenshots of the seller view go to test-artifacts/.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { expectedOrders } from '../src/experiment/trace-size.ts';
import { orderTraceHeader } from '../src/experiment/trace-csv.ts';
import { fineCauses } from '../src/model/fine-causes.ts';
import { runJit } from '../src/model/jit.ts';
import { sellerSlots } from '../src/scenario/seller-slots.ts';
import { openApp, root, type App } from './web-app.ts';

const ACME = `${root}examples/acme/`;
const SEED = 3, REPS = 2;

let app: App, page: Page, dir: string;
const pageErrors: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(`${tmpdir()}/jitsim-own-data-`);
  app = await openApp(6);
  page = app.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 120_000);
afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Clicks a download button and returns the file's suggested name and bytes. */
async function fetchDownload(selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
}

const errorLines = () => page.locator('#errors li').allTextContents();

describe('web app, a seller’s own data', () => {
  it('reads the uploaded files, shows acme-home’s season with Node’s figures, and downloads the command’s trace', async () => {
    // The command's trace of the same run, made meanwhile.
    const cli = promisify(execFile)(process.execPath, [`${root}bin/jitsim.mjs`, 'run', `${ACME}acme.yaml`, '--reps', String(REPS), '--seed', String(SEED),
      '--trace', `${dir}/cli/orders.csv.gz`, '--quiet', '--out', `${dir}/cli`], { cwd: root });

    // The scenario alone names files not yet uploaded: the line says which, and nothing runs.
    await page.setInputFiles('#file', `${ACME}acme.yaml`);
    await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
    expect(await errorLines()).toEqual([expect.stringMatching(/^black-friday-2022 \(edited\)\.yaml: sellers\.catalogue: cannot read skus\.csv: not uploaded: choose skus\.csv with “Seller’s data files” above$/)]);
    await page.setInputFiles('#own-data', [`${ACME}orders.csv`, `${ACME}skus.csv`]);
    await page.waitForFunction(() => document.getElementById('own-data-note')!.textContent!.startsWith('Loaded'));
    expect(await page.textContent('#own-data-note')).toBe('Loaded orders.csv: 530 orders of 1 seller; skus.csv: 3 SKUs of 1 seller.');
    expect(await errorLines()).toEqual([]);

    // The seller view: acme-home offered, two replications with their traces.
    await page.fill('#seed', String(SEED));
    await page.$eval('#seller', (d) => { (d as HTMLDetailsElement).open = true; });
    expect(await page.inputValue('#seller-name')).toBe('acme-home'); // the catalogue's first seller
    expect(await page.$$eval('#seller-names option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['acme-home', 'seller-1']);
    expect(await page.textContent('#seller-hint')).toBe('Sellers of skus.csv: acme-home. Platform sellers: seller-1 (the largest) to seller-300, by rank, large first.');
    await page.fill('#seller-reps', String(REPS));
    await page.check('#seller-trace');
    await page.click('#seller-run');
    // The page's main run at the same time, in its own worker, with the same uploads.
    await page.fill('#reps', String(REPS));
    await page.click('#run');

    // Node, the same replications, while the page runs them.
    const scenario = readScenarioFile(`${ACME}acme.yaml`);
    const slots = sellerSlots(scenario, scenario.tables!.catalogue);
    if (typeof slots === 'string') throw new Error(slots);
    const acme = slots.sellerIndex('acme-home');
    const node = Array.from({ length: REPS }, (_, replication) => runJit(scenario, { seed: SEED, replication, watchSeller: acme }));

    await page.waitForSelector('#seller-results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#seller-status')).toMatch(/^2 replications in [\d.]+ s\.$/);
    expect(await page.textContent('#seller-about')).toBe(`acme-home, a small seller: 2 replications of the scenario above, seed ${SEED}.`);
    // Both charts, a point per hour of the season on every line, a band where replications differ.
    const hours = node[0].seller!.depositCny.length;
    expect(hours).toBe(66 * 24);
    for (const [chart, lines] of [['seller-units', ['stock', 'on-order', 'backordered']], ['seller-money', ['deposit', 'fines']]] as const) {
      expect(await page.getAttribute(`#${chart} svg`, 'aria-label')).toMatch(/^acme-home: /);
      expect(await page.textContent(`#${chart} svg > title`)).toMatch(/^acme-home: /);
      for (const line of lines) {
        expect(((await page.getAttribute(`#${chart} path.line-${line}`, 'd')) ?? '').split('L').length, `${chart} ${line}`).toBe(hours);
        expect(await page.locator(`#${chart} path.band-${line}`).count()).toBe(1);
      }
    }
    // The zero line and the full deposit on the money chart, the latter in its key.
    expect(await page.locator('#seller-money line.rule').count()).toBe(2);
    expect(await page.locator('#seller-money g.legend text').allTextContents()).toEqual([
      'deposit balance', 'fines paid so far', 'full deposit, 5,000 CNY', 'means of 2 replications, P5–P95 shaded']);

    // The figures the page shows are Node's, replication by replication.
    const web = JSON.parse((await page.getAttribute('#seller-figures', 'data-figures'))!);
    const expected = node.map(({ seller }) => {
      let low = Infinity, daysShort = 0;
      for (const v of seller!.depositCny) low = Math.min(low, v);
      for (let d = 0; d < hours / 24; d++) if (seller!.backordered.slice(d * 24, d * 24 + 24).some((u) => u > 0)) daysShort++;
      return { finesCny: seller!.finesCny[hours - 1], depositLowCny: low, daysShort };
    });
    expect(web).toEqual(expected);
    expect(expected[0].finesCny).toBeGreaterThan(0); // the kettle's stockouts are fined (README)
    expect(expected[0].depositLowCny).toBeLessThan(0);
    const rows = await page.locator('#seller-figures tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent)));
    const cny = (x: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(x).replace('-', '−');
    expect(rows[0]).toEqual(['1', cny(expected[0].finesCny), cny(expected[0].depositLowCny), String(expected[0].daysShort)]);
    expect(rows[2][0]).toBe('mean');

    // The main run replayed acme-home's orders too: its KPIs are Node's.
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    const kpis = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!);
    for (const key of ['ordersPlaced', 'finesTotalCny']) expect(kpis[key], key).toBe((node[0].kpis[key] + node[1].kpis[key]) / 2);

    // The trace: the command's files, byte for byte; a row per order placed, acme-home's 530 in each replication.
    await cli;
    const orders = await fetchDownload('button[data-trace="orders.csv.gz"]');
    expect(orders.name).toBe('orders.csv.gz');
    const text = gunzipSync(orders.body).toString('utf8');
    expect(text).toBe(gunzipSync(readFileSync(`${dir}/cli/orders.csv.gz`)).toString('utf8'));
    const sellers = await fetchDownload('button[data-trace="sellers.csv"]');
    expect(sellers.body.toString('utf8')).toBe(readFileSync(`${dir}/cli/sellers.csv`, 'utf8'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0] + '\n').toBe(orderTraceHeader(fineCauses(scenario.rules)));
    const cells = lines.slice(1).map((l) => l.split(','));
    for (let r = 0; r < REPS; r++) {
      const mine = cells.filter((c) => c[0] === String(r));
      expect(mine.length, `replication ${r}`).toBe(node[r].kpis.ordersPlaced);
      expect(mine.filter((c) => c[3] === 'acme-home').length).toBe(530);
    }

    // Looked at on a desktop and on a phone: nothing wider than the window.
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((w) => Number(document.querySelector('#seller-units svg')?.getAttribute('width')) <= w - 20, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      await page.locator('#seller-money svg').scrollIntoViewIfNeeded();
      const box = (await page.locator('#seller-money svg').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.6);
      await page.locator('#seller').screenshot({ path: `${root}test-artifacts/seller-view-${width}.png` });
      await page.locator('#setup').screenshot({ path: `${root}test-artifacts/own-data-setup-${width}.png` });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('an unknown seller is named beside the input, a trace too big for the tab is refused, and nothing runs', async () => {
    const before = await page.getAttribute('#seller-figures', 'data-figures');
    await page.fill('#seller-name', 'acme-shop');
    await page.click('#seller-run');
    expect(await page.textContent('#seller-name-error')).toBe('No seller “acme-shop” in this scenario. Sellers of skus.csv: acme-home. Platform sellers: seller-1 (the largest) to seller-300, by rank, large first.');
    expect(await page.getAttribute('#seller-name', 'aria-invalid')).toBe('true');
    expect(await page.isHidden('#seller-progress')).toBe(true);
    expect(await page.textContent('#seller-status')).toBe('');
    // A platform seller beyond the platform's count is unknown too; typing clears the message.
    await page.fill('#seller-name', 'seller-301');
    await page.click('#seller-run');
    expect(await page.textContent('#seller-name-error')).toMatch(/^No seller “seller-301” in this scenario\./);
    await page.fill('#seller-name', 'acme-home');
    expect(await page.textContent('#seller-name-error')).toBe('');
    // A trace bigger than a tab should hold is refused before the run, with the command's estimate of its rows.
    const perReplication = expectedOrders(readScenarioFile(`${ACME}acme.yaml`)); // replayed orders included
    const reps = Math.ceil(1e6 / perReplication) + 1;
    await page.fill('#seller-reps', String(reps));
    await page.check('#seller-trace');
    await page.click('#seller-run');
    const n = (x: number) => Math.round(x).toLocaleString('en');
    expect(await page.textContent('#seller-status')).toBe(`A trace here holds at most 1,000,000 order rows; this one would hold about ${n(perReplication * reps)} ` +
      `(${n(perReplication)} a replication × ${reps}): trace fewer replications, or run jitsim run --trace, which writes any size to disk.`);
    expect(await page.isHidden('#seller-progress')).toBe(true);
    expect(await page.getAttribute('#seller-figures', 'data-figures')).toBe(before);
  });

  it('a bad orders.csv: one line per problem naming file, row and column, and nothing runs', async () => {
    const rows = readFileSync(`${ACME}orders.csv`, 'utf8').split('\n');
    rows[2] = rows[2].replace(/^[^,]+/, '25/11/2022 09:30'); // row 3 of the file, the header being row 1
    rows[3] = rows[3].replace(/,1,([\d.]+)$/, ',-2,$1');    // row 4
    mkdirSync(`${dir}/bad`, { recursive: true });
    writeFileSync(`${dir}/bad/orders.csv`, rows.join('\n'));
    await page.setInputFiles('#own-data', `${dir}/bad/orders.csv`); // replaces the upload of that name
    await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
    expect(await errorLines()).toEqual([
      'orders.csv: row 3, column time: expected an ISO date-time with offset, e.g. 2022-11-25T09:30+08:00, got "25/11/2022 09:30"',
      'orders.csv: row 4, column quantity: expected a whole number >= 1, got "-2"',
    ]);
    expect(await page.textContent('#own-data-note')).toBe('Uploaded orders.csv, skus.csv.');
    // Neither the main run nor the seller view starts.
    await page.click('#run');
    expect(await page.textContent('#status')).toBe('Fix the scenario first.');
    expect(await page.isHidden('#progress')).toBe(true);
    expect(await page.isEnabled('#run')).toBe(true);
    await page.click('#seller-run');
    expect(await page.textContent('#seller-status')).toBe('Fix the scenario first.');
    expect(await page.isHidden('#seller-progress')).toBe(true);
    // The good file again: the scenario reads.
    await page.setInputFiles('#own-data', `${ACME}orders.csv`);
    await page.waitForFunction(() => document.getElementById('own-data-note')!.textContent!.startsWith('Loaded'));
    expect(await errorLines()).toEqual([]);
  });
});
