// What the page keeps and what it marks, end to end: results marked stale by any edit after their
// run (text, form, seed, replications, compare) until the next run; the draft (text, file, seed,
// replications, compare) kept across a reload, "Restore the original", and a link winning over it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../web/share.ts';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(14); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

const SMALL = readFileSync(`${root}scenarios/small-seller.yaml`, 'utf8');
const BANNER = 'These results are for an earlier version of the scenario: run again to update them.';

/** Whether the results are marked stale: the banner shown and the class that dims them. */
const staleMark = () => page.evaluate(() => ({
  banner: document.getElementById('stale-note')?.hidden === false ? document.getElementById('stale-note')!.textContent : null,
  dimmed: document.getElementById('results')!.classList.contains('stale'),
}));
const FRESH = { banner: null, dimmed: false };
const STALE = { banner: BANNER, dimmed: true };

async function runOnce(): Promise<void> {
  await page.click('#run');
  await page.waitForFunction(() => !document.getElementById('results')!.hidden && (document.getElementById('run') as HTMLButtonElement).disabled === false, undefined, { timeout: 60_000 });
}

/** Reloads the page as a user would (the address has no link in it). */
async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${app.port}/`);
}

describe('web app, stale results', () => {
  it('marks the results stale after any edit, until the next run', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#reps', '1');
    await runOnce();
    expect(await staleMark()).toEqual(FRESH);
    const edits: [string, () => Promise<unknown>][] = [
      ['seed', () => page.fill('#seed', '2')],
      ['replications', () => page.fill('#reps', '2')],
      ['text', async () => { await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; }); await page.fill('#yaml', `${SMALL}\n# edited\n`); await page.dispatchEvent('#yaml', 'change'); }],
      ['compare', () => page.selectOption('#compare', 'original')],
      ['form', async () => {
        await page.$$eval('#form details', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
        const field = page.locator('#form input[type=number]').first();
        await field.fill(String(Number(await field.inputValue()) + 1));
        await field.dispatchEvent('change');
      }],
    ];
    for (const [what, edit] of edits) {
      await page.fill('#reps', '1');
      await page.selectOption('#compare', '');
      await runOnce();
      expect(await staleMark(), `after the run before the ${what} edit`).toEqual(FRESH);
      await edit();
      expect(await staleMark(), what).toEqual(STALE);
    }
  }, 120_000);
});

describe('web app, the draft', () => {
  it('keeps the edits across a reload, and "Restore the original" puts the shipped file back', async () => {
    await page.evaluate(() => localStorage.clear());
    await reload();
    expect(await page.isHidden('#draft-note')).toBe(true);
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    const edited = `${SMALL}\n# my edit\n`;
    await page.fill('#yaml', edited);
    await page.fill('#seed', '7');
    await page.fill('#reps', '3');
    await page.selectOption('#compare', 'original');
    await reload();
    expect({
      file: await page.inputValue('#scenario'), yaml: await page.inputValue('#yaml'), seed: await page.inputValue('#seed'),
      reps: await page.inputValue('#reps'), compare: await page.inputValue('#compare'),
    }).toEqual({ file: 'small-seller.yaml', yaml: edited, seed: '7', reps: '3', compare: 'original' });
    expect(await page.isVisible('#draft-note')).toBe(true);
    const defaults = await page.$eval('#reps', (r) => (r as HTMLInputElement).defaultValue);
    await page.click('#draft-note button:text("Restore the original")');
    expect(await page.inputValue('#yaml')).toBe(SMALL);
    expect([await page.inputValue('#seed'), await page.inputValue('#reps'), await page.inputValue('#compare')]).toEqual(['1', defaults, '']);
    expect(await page.isHidden('#draft-note')).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('jitsim.draft'))).toBeNull();
    await reload();
    expect(await page.inputValue('#scenario')).toBe('black-friday-2022.yaml');
    expect(await page.isHidden('#draft-note')).toBe(true);
  });

  it('a link’s scenario wins over the draft', async () => {
    await page.fill('#seed', '9');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('jitsim.draft')))!).seed).toBe('9');
    const linked = `${SMALL}\n# from a link\n`;
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${app.port}/${encodeState({ file: 'small-seller.yaml', yaml: linked, seed: '4', reps: '1' })}`);
    expect([await page.inputValue('#yaml'), await page.inputValue('#seed')]).toEqual([linked, '4']);
    expect(await page.isHidden('#draft-note')).toBe(true);
  });
});
