// The page's accessibility end to end: axe-core finds no serious or critical violation in any state
// of the page (the first screen, the editor with errors, a run, a compare run, every section open, a
// planner's results, a phone's width), the headings go h1, h2, h3 without a skipped level, and the
// first screen's three starts load their scenario and put the user on the next step
// (docs/results.md, "The first screen").
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible as accessible } from './axe-check.ts';
import { openApp, root, type App, runOnPage } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => {
  app = await openApp(15);
  // axe needs a page of a context of its own, not the browser's default one.
  page = await (await app.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${app.port}/`);
  mkdirSync(`${root}test-artifacts`, { recursive: true });
}, 120_000);
afterAll(async () => { await app?.close(); });

const expectAccessible = (state: string, scope?: string) => accessible(page, state, scope);

const open = (id: string) => page.$eval(`#${id}`, (d) => { (d as HTMLDetailsElement).open = true; });
const focused = () => page.evaluate(() => document.activeElement?.id);
const run = () => runOnPage(page);

describe('web app, accessibility', () => {
  it('the first screen says what the tool answers, with landmarks, a live status and three starts', async () => {
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.textContent('header .lead')).toMatch(/congestion.*who bears the cost/);
    for (const landmark of ['header', 'main', 'footer']) expect(await page.locator(landmark).count(), landmark).toBe(1);
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    expect(await page.locator('#starts button').allTextContents()).toEqual([
      expect.stringMatching(/^Platform peak/), expect.stringMatching(/^One seller’s stocking/), expect.stringMatching(/^Compare two scenarios/),
    ]);
    // The keyboard's first stop is the first start, and its focus ring shows.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('start-peak');
    expect(await page.$eval('#start-peak', (b) => parseFloat(getComputedStyle(b).outlineWidth))).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Shift+Tab');
    // Run is the primary action; the form and the file are folded below it.
    expect(await page.isVisible('#run')).toBe(true);
    const [reps, run] = await Promise.all(['#reps', '#run'].map((id) => page.$eval(id, (e) => e.getBoundingClientRect().toJSON() as DOMRect)));
    expect(run.height).toBeGreaterThanOrEqual(40); // large, beside the replications on their line
    expect(run.left - reps.right).toBeLessThan(80);
    expect(Math.abs(run.top + run.height / 2 - (reps.top + reps.height / 2))).toBeLessThan(run.height / 2);
    await page.screenshot({ path: `${root}test-artifacts/first-screen.png` });
    expect(await page.isVisible('#form')).toBe(false);
    expect(await page.isVisible('#yaml')).toBe(false);
    await expectAccessible('the first screen');
  });

  it('each start loads its scenario, sets the comparison and moves focus to the next step', async () => {
    await page.selectOption('#scenario', 'october-baseline.yaml');
    await page.click('#start-compare');
    expect([await page.inputValue('#scenario'), await page.inputValue('#compare'), await focused()]).toEqual(['black-friday-2022.yaml', 'twin:prestock', 'run']);
    expect(await page.textContent('#status')).toMatch(/pre-stock twin: press Run/);
    await page.click('#start-stocking');
    expect([await page.inputValue('#scenario'), await page.inputValue('#compare'), await focused()]).toEqual(['small-seller.yaml', '', 'plan-run']);
    expect(await page.$eval('#plan', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.textContent('#plan-status')).toMatch(/press Run plan/);
    expect(await page.inputValue('#yaml')).toMatch(/^# Which stocking policy pays for one small/);
    await page.$eval('#plan', (d) => { (d as HTMLDetailsElement).open = false; });
    await page.selectOption('#compare', 'twin:prestock');
    await page.click('#start-peak');
    expect([await page.inputValue('#scenario'), await page.inputValue('#compare'), await focused()]).toEqual(['black-friday-2022.yaml', '', 'run']);
    // Enter on a focused start works as a click: the starts are buttons.
    await page.focus('#start-stocking');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('plan-run');
  });

  it('the editor open, the file labelled, and its errors shown', async () => {
    await open('editor');
    expect(await page.locator('label[for="yaml"]').textContent()).toMatch(/scenario file/i);
    await page.fill('#yaml', 'extends: small-seller.yaml\ndemand:\n  ordersPerDay: -5\n');
    await page.click('#run');
    await page.waitForSelector('[data-error-for="demand.ordersPerDay"]:not(:empty)');
    await expectAccessible('scenario errors shown, the editor open', '#setup');
  });

  it('a finished run and a compare run', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#reps', '1');
    await run();
    await expectAccessible('a finished run', '#results');
    await page.selectOption('#compare', 'twin:prestock');
    await run();
    expect(await page.isVisible('#comparison')).toBe(true);
    await page.$$eval('#comparison details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await expectAccessible('a compare run', '#results');
    // An edit marks the results as stale: still readable.
    await page.fill('#seed', '2');
    await page.locator('#seed').dispatchEvent('change');
    await page.waitForSelector('#results.stale');
    await expectAccessible('results marked stale', '#results');
    await page.fill('#seed', '1');
  }, 90_000);

  it('every section open, and a planner’s results', async () => {
    await page.selectOption('#compare', '');
    for (const id of ['editor', 'seller', 'plan', 'staffing', 'sweep']) await open(id);
    await page.$$eval('#form details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await expectAccessible('every section open');
    // The stocking planner on a short season (the peak week) to keep it quick.
    await page.fill('#yaml', 'extends: small-seller.yaml\nseason: { start: 2022-11-24, end: 2022-11-30 }\n');
    await page.locator('#yaml').dispatchEvent('change');
    await page.fill('#plan-reps', '2');
    await page.click('#plan-run');
    await page.waitForFunction(() => /^120 runs in/.test(document.getElementById('plan-status')!.textContent ?? ''), undefined, { timeout: 90_000 });
    await expectAccessible('a planner’s results', '#plan');
    // And all of it at a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible('a phone, everything open');
  }, 120_000);
});
