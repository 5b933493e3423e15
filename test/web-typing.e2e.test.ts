// Typing into a large scenario (~80 kB, test/helpers/long-lists.ts), end to end: the draft, saved
// at intervals while the text is typed in (web/draft.ts), still holds the last keystroke when the
// page is left at once, and leaving the field puts the final text in the form and its errors
// (docs/results.md, "The page's checks and draft"). Its speed: bench/page-typing.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type App } from './web-app.ts';
import { longListsScenario, selectFirstMultiple } from './helpers/long-lists.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(24); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

const MULTIPLE = '#form [data-path="rules.lateness[0].multiple"]';
const draftText = () => page.evaluate(() => (JSON.parse(localStorage.getItem('jitsim.draft') ?? 'null') as { yaml: string } | null)?.yaml);

/** Types `keys` over the first lateness tier's multiple, to the end of its line (the tier's closing brace). */
async function typeOverFirstMultiple(keys: string): Promise<void> {
  await selectFirstMultiple(page);
  await page.keyboard.type(keys);
}

describe('web app, typing into a large scenario', () => {
  it('keeps the last keystroke in the draft, and the form and its errors read the final text', async () => {
    // The page's timers stand still: the draft's spaced save never comes due, only leaving the page saves it.
    await page.clock.install();
    await page.goto(`http://127.0.0.1:${app.port}/`);
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.setInputFiles('#file', { name: 'long-lists.yaml', mimeType: 'application/yaml', buffer: Buffer.from(longListsScenario()) });
    await page.waitForSelector('#form [data-path="rules.lateness[999].multiple"]', { state: 'attached' });
    expect(await page.inputValue(MULTIPLE)).toBe('1');

    // Typed, and the page left before any save was due: the draft it comes back with has the whole burst.
    await typeOverFirstMultiple('7.5 } # typed');
    const typed = await page.inputValue('#yaml');
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${app.port}/`);
    expect(await page.inputValue('#yaml')).toBe(typed);
    expect(await draftText()).toBe(typed);
    expect(await page.inputValue(MULTIPLE)).toBe('7.5');

    // A wrong value, then the right one, each read on leaving the field.
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await typeOverFirstMultiple('x }');
    await page.keyboard.press('Tab');
    expect(await page.textContent('[data-error-for="rules.lateness[0].multiple"]')).toMatch(/^expected .*got "x"/);
    expect(await draftText()).toBe(await page.inputValue('#yaml'));
    await typeOverFirstMultiple('8 }');
    await page.keyboard.press('Tab');
    expect(await page.inputValue(MULTIPLE)).toBe('8');
    expect(await page.textContent('[data-error-for="rules.lateness[0].multiple"]')).toBe('');
    expect(await page.$$eval('#errors li', (items) => items.length)).toBe(0);
    expect(await draftText()).toBe(await page.inputValue('#yaml'));
  });
});
