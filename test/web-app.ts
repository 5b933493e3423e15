// The web app for the end-to-end tests (test/web*.e2e.test.ts): built into a folder of its own
// and served on localhost, so that two test files (or two checkouts) never share a build or a
// port, with Debian's headless Chromium (playwright-core) to drive it; and what the tests read
// of the burden chart.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = new URL('..', import.meta.url).pathname;

export interface App { browser: Browser; page: Page; port: number; close: () => Promise<void> }

/**
 * Builds and serves the app on `port` (JITSIM_E2E_PORT plus `offset`, 4319 plus it by default) and opens it,
 * in the browser time zone `timezoneId` if given (an IANA name; the machine's otherwise).
 */
export async function openApp(offset: number, opts: { timezoneId?: string } = {}): Promise<App> {
  const port = Number(process.env.JITSIM_E2E_PORT ?? 4319) + offset;
  const out = mkdtempSync(`${tmpdir()}/jitsim-web-`);
  const vite = `${root}node_modules/vite/bin/vite.js`;
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const server: ChildProcess = spawn(process.execPath, [vite, 'preview', '--outDir', out, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'pipe' });
  await new Promise<void>((ready, fail) => {
    server.stdout!.on('data', (d) => { if (String(d).includes(String(port))) ready(); });
    server.on('exit', (code) => fail(new Error(`vite preview exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, timezoneId: opts.timezoneId });
  await page.goto(`http://127.0.0.1:${port}/`);
  return {
    browser, page, port,
    close: async () => { await browser.close(); server.kill(); rmSync(out, { recursive: true, force: true }); },
  };
}

/** The burden chart's panels as drawn: each one's heading, the classes on its x axis, and its bars (one a class). */
export const burdenPanels = (page: Page) => page.locator('#burden .burden-panel svg').evaluateAll((svgs) => svgs.map((svg) => ({
  heading: svg.querySelector('.burden-heading')?.textContent,
  classes: Array.from(svg.querySelectorAll('g.classes .tick text'), (t) => t.textContent),
  bars: Array.from(svg.querySelectorAll('g.burden-bar'), (g) => ({
    class: g.getAttribute('data-class'), title: g.querySelector('title')?.textContent ?? '',
    a: g.querySelectorAll('.burden-a').length, b: g.querySelectorAll('.burden-b').length, whiskers: g.querySelectorAll('.whisker').length,
  })),
})));
