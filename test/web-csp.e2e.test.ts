// The built pages under their Content-Security-Policy (web/index.html, web/model.html;
// docs/code-layout.md, the web app): an inline script put into the page and a script from another
// origin are refused; markup given to a sink as a string is refused by Trusted Types, and no policy
// can be made but the page's own; a scenario still runs in its Web Workers (their script through the
// policy), its charts drawn, and a file named with markup shows as text; the model page, opened from
// a help link, renders docs/model.md through its policy. Past the refusals provoked here, neither page
// reports a violation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, root, type App, runOnPage } from './web-app.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
let app: App, page: Page;
const consoleLines: string[] = [], dialogs: string[] = [], pageErrors: string[] = [];
beforeAll(async () => {
  app = await openApp(20);
  page = app.page;
  // Every page of the app's context records its violations (Trusted Types' too) from its first script on.
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`.trim()));
  });
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.reload();
  await page.waitForSelector('#run');
}, 120_000);
afterAll(async () => { await app?.close(); });

/** The violations `p` has reported since the last call. */
const violations = (p: Page) => p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));

/** What the page's Trusted Types refuse: markup as a string, a policy of another name, a second policy of its own name. */
const refusals = (p: Page, own: string) => p.evaluate(([markup, name]) => {
  const refused = (act: () => void) => { try { act(); return false; } catch (e) { return e instanceof TypeError; } };
  const factory = (window as unknown as { trustedTypes: { createPolicy(n: string, rules: object): unknown } }).trustedTypes;
  return {
    markup: refused(() => document.body.insertAdjacentHTML('beforeend', markup)),
    otherPolicy: refused(() => factory.createPolicy('another', { createHTML: (s: string) => s })),
    ownPolicyAgain: refused(() => factory.createPolicy(name, { createHTML: (s: string) => s })),
  };
}, [MARKUP, own] as const);

describe('web app, Content-Security-Policy', () => {
  it('loads with no violation', async () => {
    expect(await violations(page)).toEqual([]);
  });

  it('refuses an inline script put into the page: its text is a Trusted Types sink, checked before script-src', async () => {
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      try {
        s.textContent = 'window.inlineRan = true';
        document.body.append(s);
      } catch (e) { if (!(e instanceof TypeError)) throw e; }
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(await violations(page)).toEqual([expect.stringMatching(/^require-trusted-types-for: trusted-types-sink/)]);
  });

  it('refuses a script from another origin (script-src)', async () => {
    // A string, so that vitest leaves the page its own import().
    const loaded = await page.evaluate("import('http://127.0.0.1:9/elsewhere.js').then(() => true, () => false)");
    expect(loaded).toBe(false);
    expect(consoleLines.some((l) => /Content Security Policy/i.test(l) && /script-src/.test(l))).toBe(true);
    expect(await violations(page)).toEqual(['script-src-elem: http://127.0.0.1:9/elsewhere.js']);
  });

  it('refuses markup given to a sink as a string, and any policy but its own', async () => {
    expect(await refusals(page, 'jitsim-sim-worker')).toEqual({ markup: true, otherPolicy: true, ownPolicyAgain: true });
    expect(await page.locator('img[src=x]').count()).toBe(0);
    const seen = await violations(page);
    expect(seen.filter((v) => v.startsWith('require-trusted-types-for:'))).toHaveLength(1);
    expect(seen.filter((v) => v.startsWith('trusted-types:'))).toHaveLength(2);
  });

  it('runs a scenario in its workers, draws its charts, and a file named with markup shows as text', async () => {
    const text = readFileSync(`${root}scenarios/small-seller.yaml`, 'utf8');
    await page.setInputFiles('#file', { name: `${MARKUP}.yaml`, mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForFunction(() => /^Loaded /.test(document.getElementById('status')!.textContent ?? ''));
    expect(await page.textContent('#status')).toBe(`Loaded ${MARKUP}.yaml.`);
    await page.fill('#reps', '1');
    await runOnPage(page);
    const kpis = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number>;
    expect(kpis.ordersPlaced).toBeGreaterThan(0);
    expect(await page.locator('#charts svg').count()).toBeGreaterThan(5);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('opens the model page from a help link: the document rendered through its policy, no violation on either page', async () => {
    const help = page.locator('#kpis tr[data-kpi="ordersCancelled"] button.help-toggle');
    await help.click();
    const link = page.locator(`#${await help.getAttribute('aria-controls')} a`);
    const [doc] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    const docErrors: string[] = [];
    doc.on('pageerror', (e) => docErrors.push(e.message));
    await doc.waitForSelector('#doc h2');
    expect(await doc.locator('#doc h2').count()).toBeGreaterThan(20);
    expect(await doc.textContent('#s9')).toBe('§9 Stockout failure');
    expect(await doc.locator('#contents a').count()).toBeGreaterThan(20);
    expect(await violations(doc)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect([...docErrors, ...pageErrors]).toEqual([]);
    expect(await refusals(doc, 'jitsim-model-doc')).toEqual({ markup: true, otherPolicy: true, ownPolicyAgain: true });
    await doc.close();
  }, 60_000);
});
