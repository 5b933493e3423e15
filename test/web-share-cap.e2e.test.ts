// Shared links capped in size (docs/model-notes.md, "Shared links"): "Copy link" on a scenario whose
// link would pass the cap copies nothing and says the size and the cap; a link past the cap opened
// is refused visibly, as a garbage one is, and the default scenario loads.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState, MAX_LINK_HASH } from '../web/share.ts';
import { openApp, root, typeScenario, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(23); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** A valid scenario padded with comments to about `lines` × 400 bytes. */
const padded = (lines: number) => `extends: small-seller.yaml\n${`# ${'a note the seller kept on this season '.repeat(10)}\n`.repeat(lines)}`;

describe('web app, shared links capped in size', () => {
  it('copies a link within the cap, and refuses one past it with its size and the cap', async () => {
    await typeScenario(page, padded(10));
    await page.click('#share');
    expect(await page.textContent('#status')).toBe('Link to this scenario copied (and in the address bar).');
    const hash = await page.evaluate(() => location.hash);
    expect(hash.length).toBeGreaterThan(4_000);
    expect(hash.length).toBeLessThanOrEqual(MAX_LINK_HASH);

    await typeScenario(page, padded(200));
    await page.click('#share');
    expect(await page.textContent('#status')).toMatch(/^No link copied: the link is \d+ kB, over the 64 kB a link may carry\. Send the scenario's YAML as a file instead\.$/);
    // The address bar keeps the last link that fitted.
    expect(await page.evaluate(() => location.hash)).toBe(hash);
  });

  it('refuses a link past the cap when opened, visibly, and loads the default', async () => {
    const hash = encodeState({ file: 'small-seller.yaml', yaml: padded(200), seed: '1', reps: '1' });
    expect(hash.length).toBeGreaterThan(MAX_LINK_HASH);
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${app.port}/${hash}`);
    expect(await page.isVisible('#link-note')).toBe(true);
    const kB = Math.ceil(hash.length / 1024);
    expect(await page.textContent('#link-note')).toBe(`This link is refused: the link is ${kB} kB, over the 64 kB a link may carry. The default scenario is loaded instead.`);
    expect(await page.getAttribute('#link-note', 'role')).toBe('alert');
    expect(await page.inputValue('#scenario')).toBe('black-friday-2022.yaml');
    expect(await page.inputValue('#yaml')).toBe(readFileSync(`${root}scenarios/black-friday-2022.yaml`, 'utf8'));
  });
});
