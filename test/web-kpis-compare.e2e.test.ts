// The page's KPI table and its comparison of several scenarios, end to end: figures grouped with
// plain names, whole counts and yuan, shares in %, hours to one decimal, wide intervals marked;
// help beside each name, closed by Escape, linking to the model page at the rule's section; and
// three scenarios with a chosen baseline, their differences change − baseline equal to Node's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compareKpis, summarise } from '../src/experiment/summary.ts';
import { runJit } from '../src/model/jit.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { KPIS } from '../web/glossary/index.ts';
import { parse, shipped } from '../web/scenarios.ts';
import { twin } from '../web/twin.ts';
import { openApp, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(9); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

const EDIT = 'extends: small-seller.yaml\nsellers: { classes: { small: { stocking: { reorderDays: 2, orderUpToDays: 4 } } } }\n';
const SEED = 4, REPS = 2;
const node = (s: Scenario) => Array.from({ length: REPS }, (_, r) => runJit(s, { seed: SEED, replication: r }));

describe('web app, the KPI table', () => {
  it('groups the figures with plain names and sensible precision, and marks wide intervals once', async () => {
    expect(await page.inputValue('#reps')).toBe('10'); // the default
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#seed', String(SEED));
    await page.fill('#reps', String(REPS));
    await page.click('#run');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#kpis tbody').evaluateAll((bodies) => bodies.map((b) => b.getAttribute('data-group'))))
      .toEqual(['orders', 'lateness', 'fines', 'seller money', 'warehouse', 'lead times']);
    // Internal rows are not shown, but every exact mean is still in data-kpis.
    expect(await page.locator('#kpis tr[data-kpi="events"], #kpis tr[data-kpi="warmUpHours"]').count()).toBe(0);
    const means = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number>;
    const kpis = summarise(node(parse(shipped['small-seller.yaml'], 'small-seller.yaml'))).kpis;
    expect(Object.keys(means).sort()).toEqual(Object.keys(kpis).sort());
    const row = (key: string) => page.locator(`#kpis tr[data-kpi="${key}"]`);
    const text = async (key: string) => [await row(key).locator('th').evaluate((th) => th.firstChild!.textContent), await row(key).locator('td.mean').textContent(), await row(key).locator('td.interval').textContent()];
    const whole = (x: number) => Math.round(x).toLocaleString('en');
    const [name, mean, interval] = await text('gmvCny');
    expect(name).toBe('GMV, gross merchandise value (CNY)');
    expect(mean).toBe(whole(kpis.gmvCny.mean));
    expect(interval).toMatch(new RegExp(`^± ${whole(kpis.gmvCny.halfWidth)}`));
    expect((await text('ordersPlaced'))[1]).toBe(whole(kpis.ordersPlaced.mean));
    // A share as a percent, its interval to the same decimals; hours to one decimal.
    const share = kpis.finesShareOfGmv;
    const places = 100 * share.mean < 1 ? 2 : 1;
    const percent = (x: number) => `${(100 * x).toLocaleString('en', { minimumFractionDigits: places, maximumFractionDigits: places })}%`;
    expect((await text('finesShareOfGmv')).slice(1)).toEqual([percent(share.mean), `± ${percent(share.halfWidth)}${share.halfWidth > 0.1 * share.mean ? ' †' : ''}`]);
    expect((await text('dockToStockMeanHours'))[0]).toBe('Dock-to-stock, mean (h)');
    expect((await text('dockToStockMeanHours'))[1]).toBe(kpis.dockToStockMeanHours.mean.toFixed(1));
    // A row is marked exactly when its half width exceeds a tenth of its mean; the note says so once.
    const marked = await page.locator('#kpis tr[data-wide]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kpi')));
    const wide = Object.keys(KPIS).filter((k) => KPIS[k].group !== 'internal' && kpis[k].halfWidth > 0.1 * Math.abs(kpis[k].mean));
    expect(marked).toEqual(wide);
    expect(wide.length).toBeGreaterThan(0); // two replications leave some wide
    expect(await page.locator('#kpis tfoot').textContent()).toMatch(/^† The 95% interval is wider than 10% of the mean.*More replications narrow it/);
  }, 90_000);

  it('has help beside each name that Escape closes, linking to the rule on the model page', async () => {
    const help = page.locator('#kpis tr[data-kpi="ordersCancelled"] button.help-toggle');
    expect(await help.getAttribute('aria-label')).toBe('What is “Orders cancelled for stockout”?');
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    const pop = page.locator(`#${await help.getAttribute('aria-controls')}`);
    expect(await pop.isVisible()).toBe(false);
    await help.click();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    expect(await pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain('waited for stock longer than the platform allows');
    expect(await pop.locator('a').getAttribute('href')).toBe('./model.html#s9');
    await page.keyboard.press('Escape');
    expect(await pop.isVisible()).toBe(false);
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('help-toggle'))).toBe(true);
    // The model page lands at the section: §9's heading in view.
    const doc = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await doc.goto(`http://127.0.0.1:${app.port}/model.html#s9`);
    await doc.waitForSelector('#doc h2');
    expect(await doc.textContent('#s9')).toBe('§9 Stockout failure');
    expect(await doc.locator('#s9').evaluate((h) => { const r = h.getBoundingClientRect(); return r.top > -2 && r.top < innerHeight; })).toBe(true);
    expect(await doc.locator('#contents a').count()).toBeGreaterThan(20);
    await doc.close();
  }, 60_000);
});

describe('web app, comparing several scenarios', () => {
  it('gives the columns in the order chosen, each difference change − baseline as Node computes it, significant rows first', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', EDIT);
    await page.locator('#yaml').dispatchEvent('change');
    await page.selectOption('#compare', 'original');
    await page.selectOption('#compare-2', 'twin:prestock');
    expect(await page.inputValue('#baseline')).toBe('1'); // the first chosen, by default
    await page.selectOption('#baseline', '2'); // the pre-stock twin
    await page.fill('#seed', String(SEED));
    await page.fill('#reps', String(REPS));
    await page.click('#run');
    await page.waitForSelector('#comparison:not([hidden])', { timeout: 90_000 });
    const heads = await page.locator('#compare-changed thead th[data-scenario]').evaluateAll((ths) => ths.map((th) => [th.firstChild!.textContent, th.hasAttribute('data-baseline')]));
    expect(heads).toEqual([['small-seller.yaml in the editor, JIT', false], ['small-seller.yaml as shipped', false], ['pre-stock twin', true]]);
    // The run key says which run the dashed lines are: the baseline.
    expect(await page.textContent('#run-key')).toMatch(/Dashed lines and outlines: B, pre-stock twin, the baseline\./);

    const edited = parse(EDIT, 'small-seller (edited).yaml');
    const runs = [edited, parse(shipped['small-seller.yaml'], 'small-seller.yaml'), twin(EDIT, 'small-seller (edited).yaml', 'prestock').scenario].map(node);
    const expected = [0, 1].map((k) => compareKpis(runs[2], runs[k]));
    const shown = await page.locator('#differences tr[data-kpi]').evaluateAll((rows) => rows.map((r) => ({
      key: r.getAttribute('data-kpi')!, table: r.closest('table')!.id,
      diffs: Array.from(r.querySelectorAll('td[data-scenario]'), (td) => {
        const d = td.querySelector<HTMLElement>('.difference');
        return d ? { diff: Number(d.dataset.diff), significant: d.dataset.significant === 'true', word: d.querySelector('.verdict-word')?.textContent ?? '' } : undefined;
      }),
    })));
    expect(shown.length).toBe(Object.values(KPIS).filter((e) => e.group !== 'internal').length);
    for (const { key, diffs } of shown) {
      expect(diffs[2], key).toBeUndefined(); // the baseline has none
      for (const k of [0, 1]) {
        const want = expected[k][key];
        if (Number.isNaN(want.mean)) expect(diffs[k]!.diff, key).toBeNaN();
        else expect(diffs[k]!.diff, `${key}, column ${k}`).toBe(want.mean);
        expect(diffs[k]!.significant, key).toBe(want.significant);
      }
    }
    // change − baseline: the twin stocks batches, the JIT runs none, so their columns read below 0.
    const batches = shown.find((r) => r.key === 'stockingBatches')!;
    expect(batches.diffs[0]!.diff).toBeLessThan(0);
    expect(batches.diffs[0]!.diff).toBe(-summarise(runs[2]).kpis.stockingBatches.mean);
    // A significant difference says which way: fewer fines than the baseline is better, more is worse;
    // where neither way is better (stocking batches), higher or lower. An unclear one says nothing.
    for (const r of shown) {
      for (const d of r.diffs.slice(0, 2)) {
        const { better } = KPIS[r.key];
        const word = !d!.significant || d!.diff === 0 ? '' : better === 'neither' ? (d!.diff > 0 ? 'higher' : 'lower')
          : (d!.diff > 0) === (better === 'higher') ? '✓ better' : '✗ worse';
        expect(d!.word, r.key).toBe(word);
      }
    }
    // Significant rows first, in the open table; the rest folded, counted in the fold's summary.
    const significant = shown.filter((r) => r.diffs.some((d) => d?.significant));
    expect(shown.filter((r) => r.table === 'compare-changed').map((r) => r.key)).toEqual(significant.map((r) => r.key));
    expect(significant.length).toBeGreaterThan(0);
    const rest = shown.length - significant.length;
    expect(await page.textContent('#compare-unchanged > summary')).toBe(`${rest} figures did not change significantly`);
    expect(await page.locator('#compare-unchanged').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // By class, one table for each scenario set against the baseline.
    expect(await page.locator('#class-differences table th:first-child').allTextContents())
      .toEqual(['small-seller.yaml in the editor, JIT − baseline, by seller class', 'small-seller.yaml as shipped − baseline, by seller class']);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  }, 120_000);
});
