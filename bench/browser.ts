// Browser against Node: one replication of the default scenario in the web app's Web Worker in
// headless Chromium, and the same replication in Node, in one session (target: the browser at
// least 0.8x Node). Writes bench/results/browser.json. Needs Debian's chromium (.ci/run installs it).
// Usage: npm run bench:browser [-- --scenario black-friday-2022.yaml]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runJit } from '../src/model/jit.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--scenario');
const name = i >= 0 ? process.argv[i + 1] : 'black-friday-2022.yaml';
const PORT = 4327;
const vite = resolve(root, 'node_modules/vite/bin/vite.js');

if (spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'pipe' });
await new Promise<void>((ready) => server.stdout!.on('data', (d) => { if (String(d).includes(String(PORT))) ready(); }));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const browserSeconds: number[] = [], nodeSeconds: number[] = [];
  // Same replication, same numbers: every KPI of the page's run against Node's, exactly.
  const differingKpis = new Set<string>();
  let kpisCompared = 0;
  const scenario = readScenarioFile(resolve(root, 'scenarios', name));
  for (let run = 0; run < 2; run++) {
    await page.selectOption('#scenario', name);
    await page.fill('#reps', '1');
    await page.click('#run');
    await page.waitForFunction(() => /replication\(s\) in/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 600_000 });
    browserSeconds.push(Number(/in ([\d.]+) s/.exec((await page.textContent('#status'))!)![1]));
    const inPage = JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number>;
    const t0 = performance.now();
    const inNode = runJit(scenario, { seed: 1, replication: 0 }).kpis;
    nodeSeconds.push((performance.now() - t0) / 1000);
    kpisCompared = Object.keys(inNode).length;
    for (const [kpi, value] of Object.entries(inNode)) if (!Object.is(inPage[kpi], value)) differingKpis.add(kpi);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: browser.version(),
    scenario: `scenarios/${name}`,
    browserSeconds,
    nodeSeconds,
    browserToNode: +(best(nodeSeconds) / best(browserSeconds)).toFixed(3),
    kpisCompared,
    differingKpis: [...differingKpis],
  };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/browser.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`${result.scenario}, 1 replication: browser worker ${best(browserSeconds).toFixed(1)} s, Node ${best(nodeSeconds).toFixed(1)} s: browser at ${result.browserToNode}x Node's speed`);
  console.log(differingKpis.size === 0 ? 'every KPI identical in the browser and in Node' : `KPIs that differ between the browser and Node: ${[...differingKpis].join(', ')}`);
} finally {
  await browser.close();
  server.kill();
}
