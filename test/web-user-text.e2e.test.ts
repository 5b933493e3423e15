// Markup through every path by which a user's text reaches the page (issue 16, "no innerHTML with
// user text"): a shared link's fields, a scenario's description, comments and keys, an uploaded
// catalogue's file name and its seller's and SKU's names, a seller name typed in the seller view, and a
// sweep.json's file names, field paths, values and KPI names. No element comes of it and no dialog
// fires; where a path shows the text, it shows it as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../web/share.ts';
import { openApp, typeScenario, type App } from './web-app.ts';

/** Markup that would run if it became an element: a distinct number per path, to tell which did. */
const markup = (n: number) => `<img src=x onerror=alert(${n})>`;

let app: App, page: Page;
const dialogs: string[] = [], pageErrors: string[] = [];
beforeAll(async () => {
  app = await openApp(22);
  page = app.page;
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 120_000);
afterAll(async () => { await app?.close(); });

/** What an element from the markup would leave: an <img src=x> anywhere in the page. */
const images = () => page.locator('img[src=x]').count();

describe('web app, markup in user text', () => {
  it('a shared link with markup in every field makes no element', async () => {
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${app.port}/${encodeState({
      file: markup(1), yaml: `# ${markup(2)}\nextends: small-seller.yaml\ndescription: "${markup(3)}"\n`,
      seed: markup(4), reps: markup(5), compare: markup(6), compareMore: [markup(7), markup(8)], baseline: markup(9),
    })}`);
    expect(await page.textContent('#status')).toBe('Scenario restored from the link.');
    expect(await page.inputValue('#yaml')).toContain(markup(3));
    // Only offered choices are taken: the compare selects keep "nothing".
    expect(await page.inputValue('#compare')).toBe('');
    expect(await page.inputValue('#compare-2')).toBe('');
    expect(await images()).toBe(0);
  });

  it('a scenario key made of markup is named in its error line, as text', async () => {
    await typeScenario(page, `extends: small-seller.yaml\ndescription: "${markup(10)}"\n"${markup(11)}": 1\n`);
    await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
    const lines = await page.locator('#errors li').allTextContents();
    expect(lines.some((l) => l.includes(markup(11)))).toBe(true);
    expect(await images()).toBe(0);
  });

  it('a catalogue seller and SKU named with markup, and a seller name typed, show as text', async () => {
    const skus = 'seller,sku,class,region,unitValueCny,unitWeightKg,leadTimeMedianHours,leadTimeP90Hours,openingStock,reorderPoint,orderUpTo\n'
      + `${markup(12)},${markup(13)},small,guangzhou,89,1.1,96,168,40,15,60\n`;
    const csv = `${markup(22)}.csv`;
    await page.setInputFiles('#own-data', { name: csv, mimeType: 'text/csv', buffer: Buffer.from(skus) });
    await typeScenario(page, `extends: small-seller.yaml\ndescription: "${markup(14)}"\nsellers: { catalogue: "${csv}" }\n`);
    await page.waitForFunction(() => document.getElementById('own-data-note')!.textContent!.startsWith('Loaded'));
    expect(await page.locator('#errors li').allTextContents()).toEqual([]);
    expect(await page.textContent('#own-data-note')).toContain(`Loaded ${csv}:`);
    await page.$eval('#seller', (d) => { (d as HTMLDetailsElement).open = true; });
    expect(await page.textContent('#seller-hint')).toBe(`Sellers of ${csv}: ${markup(12)}. The platform’s one seller: seller-1.`);
    expect(await page.$$eval('#seller-names option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([markup(12), 'seller-1']);

    // A name typed that no seller has: the message quotes it, as text.
    await page.fill('#seller-name', markup(15));
    await page.click('#seller-run');
    expect(await page.textContent('#seller-name-error')).toContain(`No seller “${markup(15)}” in this scenario.`);

    // The catalogue seller's season: its name heads the results, as text.
    await page.fill('#seller-name', markup(12));
    await page.fill('#seller-reps', '1');
    await page.fill('#seed', '1'); // the link above left it empty
    await page.click('#seller-run');
    await page.waitForSelector('#seller-results:not([hidden])', { timeout: 30_000 });
    expect(await page.textContent('#seller-about')).toMatch(new RegExp(`^${markup(12).replace(/[()]/g, '\\$&')}, a small seller: 1 replication`));
    expect(await images()).toBe(0);
  }, 60_000);

  it('a sweep.json with markup in its names, paths, values and KPIs charts them as text', async () => {
    const interval = (mean: number) => ({ n: 2, mean, sd: 1, halfWidth: 0.5, low: mean - 0.5, high: mean + 0.5 });
    const path = `sellers.${markup(16)}`, other = 'sellers.classes.small.pauseListingWhenOut';
    const results = [[0.9, markup(17)], [0.95, markup(17)], [0.9, false], [0.95, false]].map(([level, pause], point) => ({
      point, replications: 2, overrides: { [path]: level, [other]: pause }, kpis: { [markup(18)]: interval(10 + point), ordersPlaced: interval(5) },
    }));
    const sweep = { sweep: markup(19), scenario: markup(20), seed: 1, replications: 2, points: 4, jobs: 8, completed: 8, interrupted: false, seconds: 1, results };
    await page.$eval('#sweep', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.setInputFiles('#sweep-file', { name: `${markup(21)}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sweep)) });
    await page.waitForSelector('#sweep-results:not([hidden]) #sweep-chart svg');
    expect(await page.textContent('#sweep-status')).toBe(`Opened ${markup(21)}.json.`);
    expect(await page.textContent('#sweep-about')).toContain(markup(19));
    expect(await page.textContent('#sweep-about')).toContain(markup(20));
    expect(await page.$$eval('#sweep-kpi option', (os) => os.map((o) => o.textContent))).toContain(markup(18));
    expect(await page.$$eval('#sweep-x option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([path, other]);
    const shown = await page.textContent('#sweep-results');
    expect(shown).toContain(markup(16));
    expect(shown).toContain(markup(17));
    expect(await images()).toBe(0);
  });

  it('left no element and fired no dialog on the way', async () => {
    expect(await images()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
