// The page's input checks end to end: replications and seeds are whole numbers in range, checked
// before a run with the message beside the field (also for the seller view and the planners, and
// for values a shared link brings); and the traps a new user met: a form edit while the text is
// invalid, a message left after the fix, a garbage link, an `extends:` the page cannot follow.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../web/share.ts';
import { parseScenario, ScenarioError } from '../src/scenario/load.ts';
import { openApp, root, type App } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => { app = await openApp(13); page = app.page; }, 120_000);
afterAll(async () => { await app?.close(); });

/** A field's state as a screen reader and a reader see it. */
const fieldState = (id: string) => page.$eval(`#${id}`, (input) => ({
  invalid: input.getAttribute('aria-invalid'),
  describedBy: input.getAttribute('aria-describedby') ?? '',
  message: document.getElementById(`${input.id}-error`)?.textContent ?? null,
}));

/** Opens the app at a link holding `state` (a fresh page, so that nothing earlier is kept). */
async function openLink(state: Parameters<typeof encodeState>[0]): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  // Only the hash differs from the page's address: without a blank page between, no reload.
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${app.port}/${encodeState(state)}`);
}

const RANGE = 'Replications: a whole number from 1 to 1000';

describe('web app, run inputs', () => {
  it('refuses replications and seeds that are not whole numbers in range, beside the field, and runs nothing', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    const cases: [string, string][] = [
      ['0', `${RANGE} (0 is below 1).`],
      ['-1', `${RANGE} (-1 is below 1).`],
      ['2.5', `${RANGE} (2.5 is not whole).`],
      ['1e6', `${RANGE} (1e6 is above 1000).`],
      ['1001', `${RANGE} (1001 is above 1000).`],
      ['', `${RANGE} (the field is empty or not a number).`],
    ];
    for (const [value, message] of cases) {
      await page.fill('#reps', value);
      await page.click('#run');
      expect(await fieldState('reps'), value).toEqual({ invalid: 'true', describedBy: expect.stringContaining('reps-error'), message });
      expect(await page.isHidden('#progress')).toBe(true);
      expect(await page.textContent('#status')).toBe('Nothing was run: see the message beside the field.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reps');
    }
    // Typing a good value clears the message at once.
    await page.fill('#reps', '1');
    expect(await fieldState('reps')).toEqual({ invalid: null, describedBy: expect.stringContaining('reps-error'), message: '' });
    for (const [value, why] of [['1.5', '1.5 is not whole'], ['-3', '-3 is below 0']]) {
      await page.fill('#seed', value);
      await page.click('#run');
      expect((await fieldState('seed')).message).toBe(`Seed: a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (${why}).`);
    }
    expect(await page.isHidden('#results')).toBe(true);
    await page.fill('#seed', String(Number.MAX_SAFE_INTEGER + 2));
    await page.click('#run');
    expect((await fieldState('seed')).invalid).toBe('true');
    await page.fill('#seed', '3');
  });

  it('checks the replications a shared link brings before running', async () => {
    for (const reps of ['1e6', '12abc', '0']) {
      await openLink({ file: 'small-seller.yaml', yaml: 'extends: small-seller.yaml\n', seed: '1', reps });
      await page.click('#run');
      expect((await fieldState('reps')).invalid, reps).toBe('true');
      expect(await page.isHidden('#progress')).toBe(true);
    }
  });

  it('checks the seller view’s and the planners’ replications the same way', async () => {
    await page.$$eval('#seller, #plan, #staffing', (all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await page.fill('#seller-name', 'seller-1');
    await page.fill('#seller-reps', '2.5');
    await page.click('#seller-run');
    expect(await fieldState('seller-reps')).toEqual({ invalid: 'true', describedBy: expect.stringContaining('seller-reps-error'), message: `${RANGE} (2.5 is not whole).` });
    expect(await page.isHidden('#seller-progress')).toBe(true);
    await page.fill('#plan-reps', '1');
    await page.click('#plan-run');
    expect((await fieldState('plan-reps')).message).toBe('Replications: a whole number from 2 to 1000 (1 is below 2).');
    await page.fill('#staffing-reps', '51');
    await page.click('#staffing-run');
    expect((await fieldState('staffing-reps')).message).toBe('Replications: a whole number from 2 to 50 (51 is above 50).');
    // A bad seed above stops the seller view too.
    await page.fill('#seller-reps', '1');
    await page.fill('#seed', '0.5');
    await page.click('#seller-run');
    expect(await page.textContent('#seller-status')).toBe('Nothing was run: see the message beside the field.');
    expect((await fieldState('seed')).invalid).toBe('true');
  });
});

describe('web app, the traps a new user met', () => {
  /** Puts `text` in the editor as a user would (typed, then leaving the field). */
  async function typeScenario(text: string): Promise<void> {
    await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
    await page.fill('#yaml', text);
    await page.dispatchEvent('#yaml', 'change');
  }
  const SMALL = readFileSync(`${root}scenarios/small-seller.yaml`, 'utf8');

  it('locks the form while the text has a syntax error, saying where, and never drops an edit silently', async () => {
    const thrown: string[] = [];
    page.on('pageerror', (e) => thrown.push(e.message));
    await openLink({ file: 'small-seller.yaml', yaml: SMALL, seed: '1', reps: '1' });
    const broken = `${SMALL}demand: [1, 2\n`;
    // Where the shared parser (the command's too) places the error: the page must give that line and column.
    const at = (() => { try { parseScenario(broken, 'a.yaml', () => ''); } catch (e) { return (e as ScenarioError).issues[0].path; } })();
    expect(at).toMatch(/^line \d+, column \d+$/);
    await typeScenario(broken);
    expect(await page.$eval('#form', (f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.textContent('#form-lock')).toContain(`syntax error at ${at}`);
    // An edit that reaches the form anyway (its change event) leaves the text as it was and the lock said.
    await page.$eval('#form input[type=number]', (input) => { (input as HTMLInputElement).value = '7'; input.dispatchEvent(new Event('change', { bubbles: true })); });
    expect(await page.inputValue('#yaml')).toBe(broken);
    expect(thrown).toEqual([]);
    await typeScenario(SMALL);
    expect(await page.$eval('#form', (f) => (f as HTMLFieldSetElement).disabled)).toBe(false);
    expect(await page.textContent('#form-lock')).toBe('');
  });

  it('clears “Fix the scenario first.” once the scenario reads again', async () => {
    await typeScenario('extends: small-seller.yaml\ndemand: { ordersPerDay: -5 }\n');
    await page.click('#run');
    expect(await page.textContent('#status')).toBe('Fix the scenario first.');
    await typeScenario(SMALL);
    expect(await page.textContent('#status')).toBe('');
  });

  it('says a garbage link holds no readable scenario, and loads the default', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${app.port}/#s=garbage`);
    expect(await page.isVisible('#link-note')).toBe(true);
    expect(await page.textContent('#link-note')).toBe('This link does not hold a readable scenario: the default scenario is loaded instead.');
    expect(await page.inputValue('#scenario')).toBe('black-friday-2022.yaml');
    expect(await page.inputValue('#yaml')).toBe(readFileSync(`${root}scenarios/black-friday-2022.yaml`, 'utf8'));
  });

  it('refuses up front a run whose estimated memory a worker cannot hold', async () => {
    // The most sellers the schema takes (docs/scenario-format.md, Limits), and peak orders that do not fit.
    await typeScenario('extends: small-seller.yaml\nsellers: { count: 1000000 }\ndemand: { ordersPerDay: 10000000 }\n');
    await page.fill('#reps', '1');
    await page.click('#run');
    expect(await page.textContent('#status')).toMatch(/^Not run: one replication needs about [\d.]+ GB, more than a worker can hold \([\d.]+ GB\)/);
    expect(await page.isHidden('#progress')).toBe(true);
  });

  it('shows the setup of a large scenario as it goes, before its first day', async () => {
    // 400,000 small sellers take seconds to set up: the status says so rather than sitting still.
    await typeScenario('extends: small-seller.yaml\nsellers: { count: 400000 }\n');
    await page.fill('#reps', '1');
    await page.click('#run');
    await page.waitForFunction(() => /^Setting up sellers and SKUs: \d+%$/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await page.getAttribute('#progress', 'max')).toBe('1');
    await page.click('#cancel');
  });

  it('says where a self-referencing alias is, in one line, instead of overflowing the stack', async () => {
    await typeScenario('sellers:\n  a: &a [*a]\n');
    const lines = await page.locator('#errors li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[\w-]+ \(edited\)\.yaml: .*line 2, column \d+/);
    expect(lines[0]).not.toMatch(/Maximum call stack/);
  });

  it('names an extends URL exactly as given and says the page extends only shipped scenarios', async () => {
    const url = 'https://example.com/scenarios/base.yaml';
    await typeScenario(`extends: ${url}\n`);
    const lines = await page.locator('#errors li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`extends: cannot read ${url}: the page can extend only a shipped scenario (`);
    expect(lines[0]).toContain('black-friday-2022.yaml');
  });
});
