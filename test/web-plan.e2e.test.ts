// The seller's stocking planner on the page end to end: small-seller.yaml shortened to the peak
// month, 30 policies × 2 replications with and without its disruptions; per setting the table and
// the frontier chart, one best policy that earns the most and sits on the frontier; "Open as
// scenario" writes the best policy into the YAML and the form, and it runs against the original;
// the browser's figures are Node's exactly; Cancel keeps what is done.
// Screenshots at desktop and phone widths are kept in test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { defaultGrid, markBestAndFrontier, policyOutcome, sellerProfile, variant } from '../src/experiment/stocking-plan.ts';
import { simulatorApi } from '../src/worker/api.ts';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(3); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** Each setting's rows as the table shows them, best first. */
const tables = () => page.locator('#plan-results .plan-setting').evaluateAll((sections) => sections.map((s) => ({
  disruptions: (s as HTMLElement).dataset.disruptions,
  rows: Array.from(s.querySelectorAll<HTMLTableRowElement>('tbody tr'), (r) => ({
    policy: r.dataset.policy!, best: r.dataset.best === 'true', frontier: r.dataset.frontier === 'true', profit: Number(r.dataset.profit),
  })),
  dots: Array.from(s.querySelectorAll('svg g.policy'), (g) => ({ policy: g.getAttribute('data-policy'), best: g.getAttribute('data-best') === 'true' })),
  frontierLine: s.querySelectorAll('svg path.frontier-line').length,
  // On a phone the label wraps at its commas, a line a part.
  bestLabel: s.querySelector('svg .best-label')?.textContent?.replace(/,\s*/g, ', ') ?? null,
})));

describe('web app, the stocking planner', () => {
  it('plans 30 policies with and without disruptions, draws the frontier, and opens the best as the scenario', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    // The peak month only, as the command's test, to keep it short.
    const text = (await page.inputValue('#yaml')).replace(/^extends: black-friday-2022\.yaml$/m, '$&\nseason: { start: 2022-11-01, end: 2022-12-05 }');
    expect(text).toContain('season: { start: 2022-11-01');
    await page.fill('#yaml', text);
    await page.locator('#yaml').dispatchEvent('change');
    await page.$eval('#plan', (d) => { (d as HTMLDetailsElement).open = true; });
    // A one-seller scenario is planned as it is: no class to choose.
    await page.waitForFunction(() => (document.getElementById('plan-class') as HTMLSelectElement).disabled);
    await page.fill('#plan-reps', '2');
    await page.click('#plan-run');
    expect(await page.isVisible('#plan-progress')).toBe(true);
    await page.waitForFunction(() => /^120 runs in/.test(document.getElementById('plan-status')!.textContent ?? ''), undefined, { timeout: 120_000 });
    expect(await page.isHidden('#plan-progress')).toBe(true);

    const settings = await tables();
    expect(settings.map((s) => s.disruptions)).toEqual(['true', 'false']);
    for (const s of settings) {
      expect(s.rows).toHaveLength(30);
      expect(new Set(s.rows.map((r) => r.policy)).size).toBe(30);
      const best = s.rows.filter((r) => r.best);
      expect(best).toHaveLength(1);
      expect(s.rows[0]).toEqual(best[0]); // sorted by profit, best first
      for (const r of s.rows) expect(r.profit).toBeLessThanOrEqual(best[0].profit);
      expect(best[0].frontier).toBe(true);
      // The chart: a dot a policy, the same best, the frontier line and the best named.
      expect(s.dots).toHaveLength(30);
      expect(s.dots.filter((d) => d.best).map((d) => d.policy)).toEqual([best[0].policy]);
      expect(s.frontierLine).toBe(1);
      expect(s.bestLabel).toBe(`best: ${best[0].policy}`);
    }
    // The same policies on the same replications with and without the lockdowns: disruptions never make the best seller richer here.
    expect(settings[0].rows[0].profit).toBeLessThanOrEqual(settings[1].rows[0].profit);

    // The browser's plan is Node's to the last digit (same scenario, seed and replications).
    const dir = mkdtempSync(`${tmpdir()}/jitsim-plan-`);
    writeFileSync(`${dir}/seller.yaml`, `extends: ${root}scenarios/small-seller.yaml\nseason: { start: 2022-11-01, end: 2022-12-05 }\n`);
    const profile = sellerProfile(readScenarioFile(`${dir}/seller.yaml`), 'small');
    rmSync(dir, { recursive: true });
    for (const [k, disruptions] of [true, false].entries()) {
      const node = markBestAndFrontier(defaultGrid().map((c) => policyOutcome(c, disruptions,
        [0, 1].map((r) => simulatorApi.runReplication(variant(profile, c, disruptions), 1, r)))));
      const byPolicy = new Map(node.map((o) => [o.candidate.label, o]));
      for (const row of settings[k].rows) {
        const o = byPolicy.get(row.policy)!;
        expect([row.profit, row.best, row.frontier]).toEqual([o.profit.mean, o.best, o.onFrontier]);
      }
    }

    // Hovering a dot names its policy and figures.
    const dot = page.locator('#plan-results .plan-setting').first().locator('g.policy[data-best="true"] circle.dot');
    await dot.hover({ force: true });
    const readout = await page.locator('#plan-results .plan-setting').first().locator('.frontier-readout span').allTextContents();
    expect(readout[0]).toBe(`${settings[0].rows[0].policy} (best, on the frontier)`);
    expect(readout.slice(1)).toEqual([
      expect.stringMatching(/^profit [−\d,]+ ± [\d,]+ CNY, P5 [−\d,]+$/),
      expect.stringMatching(/^deposit runs out [\d.]+% \(95%: [\d.]+%–[\d.]+%\), suspended [\d.]+%$/),
      '2 replications',
    ]);

    // Looked at on a desktop and on a phone: nothing wider than the window but the table, which scrolls.
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => Number(document.querySelector('#plan-results svg')?.getAttribute('width')) <= w, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      await page.locator('#plan').screenshot({ path: `${root}test-artifacts/plan-${width}.png` });
      await page.locator('#plan-results .plan-setting').first().locator('g.policy[data-best="true"] circle.dot').hover({ force: true });
      await page.locator('#plan-results .plan-setting').first().locator('.chart').screenshot({ path: `${root}test-artifacts/plan-frontier-${width}.png` });
      await page.locator('#plan-results .plan-setting').nth(1).locator('.chart').screenshot({ path: `${root}test-artifacts/plan-frontier-calm-${width}.png` });
      await page.locator('#plan-results .plan-table-wrap').first().screenshot({ path: `${root}test-artifacts/plan-table-${width}.png` });
    }
    await page.setViewportSize({ width: 1200, height: 900 });

    // "Open as scenario" on the best with the disruptions: its policy in the YAML and in the form, and the original to compare with.
    const first = page.locator('#plan-results .plan-setting').first();
    await first.locator('tr[data-best="true"] button.open-policy').click();
    const best = settings[0].rows[0].policy;
    const doc = YAML.parse(await page.inputValue('#yaml'));
    const small = doc.sellers.classes.small;
    expect(doc.season).toEqual({ start: '2022-11-01', end: '2022-12-05' }); // the rest of the edit kept
    expect(small.share).toBe(1);
    expect(small.pauseListingWhenOut).toBe(best.endsWith(', pause when out'));
    const policy = small.stocking.policy;
    expect(['serviceLevel', 'sS', 'makeToOrder']).toContain(policy);
    const expected = best.replace(/, pause when out$/, '');
    if (policy === 'serviceLevel') expect(`service ${small.stocking.cycleServiceLevel} / ${small.stocking.cycleDays} d`).toBe(expected);
    else if (policy === 'sS') expect(`(s, S) ${small.stocking.reorderDays} / ${small.stocking.orderUpToDays} d`).toBe(expected);
    else expect(expected).toBe('make-to-order');
    expect(await page.inputValue('[data-path="sellers.classes.small.stocking.policy"]')).toBe(policy);
    expect(await page.isChecked('[data-path="sellers.classes.small.pauseListingWhenOut"]')).toBe(small.pauseListingWhenOut);
    if (policy === 'serviceLevel') expect(Number(await page.inputValue('[data-path="sellers.classes.small.stocking.cycleDays"]'))).toBe(small.stocking.cycleDays);
    if (policy === 'sS') expect(Number(await page.inputValue('[data-path="sellers.classes.small.stocking.reorderDays"]'))).toBe(small.stocking.reorderDays);
    expect(await page.inputValue('#compare')).toBe('original');
    expect(await page.textContent('#errors')).toBe('');
    // It runs, against the file as shipped.
    await page.fill('#reps', '2');
    await page.click('#run');
    await page.waitForSelector('#comparison:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#comparison-label')).toContain('small-seller.yaml as shipped');
  }, 180_000);

  it('Cancel stops at once and shows the policies with the replications finished so far', async () => {
    await page.fill('#plan-reps', '20');
    await page.click('#plan-run');
    await page.waitForFunction(() => Number((document.getElementById('plan-progress') as HTMLProgressElement).value) >= 70, undefined, { timeout: 60_000 });
    await page.click('#plan-cancel');
    await page.waitForFunction(() => /^Cancelled after \d+ of 1200 runs/.test(document.getElementById('plan-status')!.textContent ?? ''), undefined, { timeout: 5_000 });
    // Nothing more arrives: the workers are gone.
    const status = await page.textContent('#plan-status');
    await page.waitForTimeout(500);
    expect(await page.textContent('#plan-status')).toBe(status);
    const settings = await tables();
    // 70 runs or more, replication-major: every policy with the disruptions has a replication, and some without.
    expect(settings[0].rows).toHaveLength(30);
    expect(settings[1].rows.length).toBeGreaterThan(0);
    for (const s of settings) expect(s.rows.filter((r) => r.best)).toHaveLength(1);
    expect(await page.textContent('#plan-results .plan-about')).toContain('(cancelled: what was done)');
    expect(await page.isEnabled('#plan-run')).toBe(true);
    expect(await page.isDisabled('#plan-cancel')).toBe(true);
  }, 90_000);
});
