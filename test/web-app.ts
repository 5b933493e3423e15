// The web app for the end-to-end tests (test/web*.e2e.test.ts): built once per version of the
// code (a folder named by the fingerprint of what the build reads, so test files share a build
// but two versions never do) and served on a port of each file's own, with headless Chromium
// (playwright-core; which one: chromium.ts) to drive it; and what the tests read of the burden chart.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { madeOnce } from './helpers/made-once.ts';

export const root = new URL('..', import.meta.url).pathname;

export interface App { browser: Browser; page: Page; port: number; close: () => Promise<void> }

/**
 * Builds and serves the app on `port` (JITSIM_E2E_PORT plus `offset`, 4319 plus it by default) and opens it,
 * in the browser time zone `timezoneId` if given (an IANA name; the machine's otherwise).
 */
export async function openApp(offset: number, opts: { timezoneId?: string } = {}): Promise<App> {
  const port = Number(process.env.JITSIM_E2E_PORT ?? 4319) + offset;
  const out = await builtApp();
  const server: ChildProcess = spawn(process.execPath, [vite, 'preview', '--outDir', out, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'pipe' });
  await new Promise<void>((ready, fail) => {
    server.stdout!.on('data', (d) => { if (String(d).includes(String(port))) ready(); });
    server.on('exit', (code) => fail(new Error(`vite preview exited with ${code}`)));
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, timezoneId: opts.timezoneId });
  await page.goto(`http://127.0.0.1:${port}/`);
  return {
    browser, page, port,
    close: async () => { await browser.close(); server.kill(); },
  };
}

const vite = `${root}node_modules/vite/bin/vite.js`;
/** How it is built: source maps beside the bundles, unreferenced, for test/web-html-sinks.test.ts. */
const BUILD_ARGS = ['build', '--logLevel', 'error', '--sourcemap', 'hidden', '--emptyOutDir'];
/** What the build reads: a change to any of these is a new build. */
const BUILD_INPUTS = ['web', 'src', 'scenarios', 'docs', 'vite.config.ts', 'package-lock.json'];

/** A hash of the contents of every file the build reads. */
function fingerprint(): string {
  const hash = createHash('sha1').update(BUILD_ARGS.join(' '));
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) { for (const name of readdirSync(path).sort()) walk(`${path}/${name}`); return; }
    hash.update(path).update(readFileSync(path));
  };
  for (const input of BUILD_INPUTS) if (existsSync(`${root}${input}`)) walk(`${root}${input}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The folder holding the app built from the code as it is: built by the first test file that asks
 * (the others wait for it, a lock folder saying one is at work), then reused. Builds of other
 * versions older than a day are removed.
 */
export async function builtApp(): Promise<string> {
  return madeOnce(`${tmpdir()}/jitsim-web-build-${fingerprint()}`, '.built', 300_000, (staging) => {
    for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith('jitsim-web-build-'))) {
      const path = `${tmpdir()}/${old}`;
      if (Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
    }
    const build = spawnSync(process.execPath, [vite, ...BUILD_ARGS, '--outDir', staging], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
    writeFileSync(`${staging}/.built`, '');
  });
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

/** Opens "Edit the scenario" and types `text` as the scenario, read as on leaving the field. */
export async function typeScenario(page: Page, text: string): Promise<void> {
  await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
  await page.fill('#yaml', text);
  await page.dispatchEvent('#yaml', 'change');
}

/**
 * Clicks Run and waits for the run's closing status line (cleared first, so the last run's line is
 * not read as this one's); returns every status line the run showed on the way.
 */
export async function runOnPage(page: Page, timeout = 60_000): Promise<string[]> {
  await page.$eval('#status', (s) => {
    s.textContent = '';
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => { if (s.textContent) seen.push(s.textContent); }).observe(s, { childList: true, characterData: true, subtree: true });
  });
  await page.click('#run');
  await page.waitForFunction(() => /replication\(s\) in/.test(document.getElementById('status')!.textContent ?? ''), null, { timeout });
  return page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
}
