// The built page under its Content-Security-Policy (web/index.html): a scenario still runs in its
// Web Workers, an inline script put into the page is refused (a CSP violation, no effect), and a
// scenario file named with markup shows as text: no element from it, no dialog.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, root, type App, runOnPage } from './web-app.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
let app: App, page: Page;
const consoleLines: string[] = [], dialogs: string[] = [];
beforeAll(async () => {
  app = await openApp(20);
  page = app.page;
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
}, 120_000);
afterAll(async () => { await app?.close(); });

describe('web app, Content-Security-Policy', () => {
  it('refuses an inline script put into the page', async () => {
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(consoleLines.some((l) => /Content Security Policy/i.test(l) && /script-src/.test(l))).toBe(true);
  });

  it('runs a scenario in its workers, and a file named with markup shows as text', async () => {
    const text = readFileSync(`${root}scenarios/small-seller.yaml`, 'utf8');
    await page.setInputFiles('#file', { name: `${MARKUP}.yaml`, mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForFunction(() => /^Loaded /.test(document.getElementById('status')!.textContent ?? ''));
    expect(await page.textContent('#status')).toBe(`Loaded ${MARKUP}.yaml.`);
    await page.fill('#reps', '1');
    await runOnPage(page);
    const kpis = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number>;
    expect(kpis.ordersPlaced).toBeGreaterThan(0);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 90_000);
});
