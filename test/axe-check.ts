// What the accessibility suites (test/web-a11y*.e2e.test.ts) ask of a page in each state: axe-core
// finds no serious or critical violation, and the visible headings skip no level.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/**
 * Fails on any serious or critical violation, naming each (rule, impact, elements) so it is easy to
 * find; only inside `scope` (a selector) when given, where the rest of the page was checked before.
 * `page` must belong to a context of its own (axe cannot use the browser's default one).
 */
export async function expectAccessible(page: Page, state: string, scope?: string): Promise<void> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (scope ? axe.include(scope) : axe).analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // The first few elements of each are enough to find it.
  const found = grave.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}\n${v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
  expect(found, `${state}:\n${found.join('\n')}`).toEqual([]);
  expect(await headingJumps(page), `${state}: headings`).toEqual([]);
}

/** The visible headings that skip a level after the one before (an h2 then an h4), and any h1 but the first. */
export const headingJumps = (page: Page) => page.$$eval('h1, h2, h3, h4, h5, h6', (all) => {
  const shown = all.filter((h) => (h as HTMLElement).checkVisibility());
  const jumps: string[] = [];
  shown.forEach((h, k) => {
    const level = Number(h.tagName[1]), before = k === 0 ? 0 : Number(shown[k - 1].tagName[1]);
    if (level > before + 1 || (level === 1 && k > 0)) jumps.push(`${h.tagName} “${h.textContent}” after ${k === 0 ? 'nothing' : shown[k - 1].tagName}`);
  });
  return jumps;
});
