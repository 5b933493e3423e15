// The page on a 390×844 phone end to end: no state of it (the first screen, the form open, every
// section open, a run's results, a compare run's) scrolls the page sideways, and nothing wider than
// the screen is cut off: a wide table or the hour grid scrolls inside a box of its own, so every
// column of the comparison stays reachable. Screenshots are kept in test-artifacts/phone-*.png.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, root, type App, runOnPage } from './web-app.ts';

const WIDTH = 390;
let app: App, page: Page;
beforeAll(async () => {
  app = await openApp(16);
  page = app.page;
  await page.setViewportSize({ width: WIDTH, height: 844 });
  mkdirSync(`${root}test-artifacts`, { recursive: true });
}, 120_000);
afterAll(async () => { await app?.close(); });

/**
 * The page's width, and the visible controls, cells and charts that stick out past the screen's
 * edge with no box of their own to scroll them into view (each as its tag, a name and its left and right edges).
 */
const layout = () => page.evaluate(() => {
  const scrolls = (e: Element) => /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth;
  const lost: string[] = [];
  for (const e of document.querySelectorAll<HTMLElement>('input, select, button, textarea, th, td, svg, .hours-grid, table')) {
    if (!e.checkVisibility()) continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || (box.right <= window.innerWidth + 0.5 && box.left >= -0.5)) continue;
    let up: Element | null = e.parentElement;
    while (up && up !== document.documentElement && !scrolls(up)) up = up.parentElement;
    if (!scrolls(e) && (!up || up === document.documentElement)) lost.push(`${e.tagName.toLowerCase()} ${e.id || e.dataset.path || e.getAttribute('aria-label') || e.textContent?.slice(0, 30)}: ${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return { width: document.documentElement.scrollWidth, lost: lost.slice(0, 8) };
});

/** Asserts the page fits the phone in this state, and keeps its screenshot. */
async function expectFits(state: string): Promise<void> {
  await page.screenshot({ path: `${root}test-artifacts/phone-${state}.png`, fullPage: true });
  const { width, lost } = await layout();
  expect(lost, `${state}: cut off`).toEqual([]);
  expect(width, `${state}: page width`).toBeLessThanOrEqual(WIDTH);
}

const open = (selector: string) => page.$$eval(selector, (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
const run = () => runOnPage(page);

describe('web app on a phone', () => {
  it('the first screen, the starts one under another, and the scenario picker within the screen', async () => {
    await expectFits('first-screen');
    const starts = await page.locator('#starts button').evaluateAll((all) => all.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
    expect(starts).toHaveLength(3);
    for (let k = 1; k < 3; k++) expect(starts[k].top).toBeGreaterThanOrEqual(starts[k - 1].bottom); // a column, not a row
    // The picker's option texts are long questions: the select stops at the screen's edge.
    expect(await page.$eval('#scenario', (s) => s.getBoundingClientRect().right)).toBeLessThanOrEqual(WIDTH);
  });

  it('the form and the file open, every section open: the hour grids scroll in their own box', async () => {
    await open('#editor, #form details');
    expect(await page.locator('.hours-grid').count()).toBeGreaterThan(0);
    await expectFits('form');
    await open('#seller, #plan, #staffing, #sweep');
    await expectFits('sections');
    await page.$$eval('details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = false; }));
  });

  it('a run’s results and a compare run’s: charts fit, every comparison column reachable', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#reps', '1');
    await run();
    for (const id of ['congestion', 'arrivals', 'fines']) {
      const svg = await page.$eval(`#${id} svg`, (s) => s.getBoundingClientRect().toJSON() as DOMRect);
      expect(svg.right, id).toBeLessThanOrEqual(WIDTH);
      expect(svg.width, id).toBeGreaterThan(WIDTH / 2);
    }
    await expectFits('results');
    await page.selectOption('#compare', 'twin:prestock');
    await run();
    expect(await page.isVisible('#comparison')).toBe(true);
    await open('#comparison details'); // the rows that did not change, folded, too
    await expectFits('compare'); // every column on screen or in a box that scrolls to it
    // Its columns are all there (cut-off ones would be listed above, as lost).
    expect(await page.locator('#comparison table thead th').count()).toBeGreaterThan(3);
    await page.locator('#comparison').screenshot({ path: `${root}test-artifacts/phone-comparison.png` });
  }, 90_000);
});
