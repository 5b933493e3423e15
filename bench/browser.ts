// Browser against Node: one replication of the default scenario in the web app's Web Worker in
// headless Chromium, and the same replication in Node, in one session (target: the browser at
// least 0.8x Node); then 4 replications on 1 and on 2 Web Workers (target: 2 workers at least 1.8x
// one, the KPIs identical), with the cores Chromium kept busy in each. Writes
// bench/results/browser.json. The browser: test/chromium.ts (Debian's, else the packaged one).
// Usage: npm run bench:browser [-- --scenario black-friday-2022.yaml] [--rounds 3]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/chromium.ts';
import { childrenCpuSeconds } from './process-cpu.ts';
import { option } from './option.ts';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runJit } from '../src/model/jit.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const name = option('scenario', 'black-friday-2022.yaml');
const PORT = 4327;
const WORKER_REPLICATIONS = 4;
const ROUNDS = Number(option('rounds', '3'));
const vite = resolve(root, 'node_modules/vite/bin/vite.js');

if (spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'pipe' });
await new Promise<void>((ready) => server.stdout!.on('data', (d) => { if (String(d).includes(String(PORT))) ready(); }));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const browserSeconds: number[] = [], nodeSeconds: number[] = [];
  // Same replication, same numbers: every KPI of the page's run against Node's, exactly.
  const differingKpis = new Set<string>();
  let kpisCompared = 0;
  const scenario = readScenarioFile(resolve(root, 'scenarios', name));
  await page.selectOption('#scenario', name);
  for (let run = 0; run < 2; run++) {
    const { seconds, kpis: inPage } = await pageRun(page, 1, 1);
    browserSeconds.push(seconds);
    const t0 = performance.now();
    const inNode = runJit(scenario, { seed: 1, replication: 0 }).kpis;
    nodeSeconds.push((performance.now() - t0) / 1000);
    kpisCompared = Object.keys(inNode).length;
    for (const [kpi, value] of Object.entries(inNode)) if (!Object.is(inPage[kpi], value)) differingKpis.add(kpi);
  }
  // The same replications on one worker and on two: the speed-up and the cores in use.
  // This process's children are Chromium's processes and the (idle) preview server.
  const onWorkers = async (workers: number) => {
    const cpu0 = childrenCpuSeconds(process.pid);
    const run = await pageRun(page, WORKER_REPLICATIONS, workers);
    const cpu = childrenCpuSeconds(process.pid) - cpu0;
    return { ...run, coresBusy: +(cpu / run.seconds).toFixed(2) };
  };
  // Rounds alternate which goes first (1 then 2, 2 then 1, …), so that a slow spell of this shared
  // machine falls on both; the speed-up is the median of the rounds' ratios.
  const rounds: { one: Awaited<ReturnType<typeof onWorkers>>; two: Awaited<ReturnType<typeof onWorkers>> }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) { const one = await onWorkers(1); rounds.push({ one, two: await onWorkers(2) }); }
    else { const two = await onWorkers(2); rounds.push({ one: await onWorkers(1), two }); }
  }
  const ratios = rounds.map((r) => +(r.one.seconds / r.two.seconds).toFixed(3));
  const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)];
  const { one, two } = rounds[ratios.indexOf(median)];
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
    workersReplications: WORKER_REPLICATIONS,
    // The median round's seconds and its ratio; every round's ratio beside.
    workersSeconds: { one: one.seconds, two: two.seconds },
    workersSpeedup: median,
    workersRoundSpeedups: ratios,
    identical: rounds.every((r) => JSON.stringify(r.one.kpis) === JSON.stringify(rounds[0].one.kpis) && JSON.stringify(r.two.kpis) === JSON.stringify(rounds[0].one.kpis)),
    // Chromium's CPU seconds (all its processes and threads) over the run's wall seconds.
    workersCoresBusy: { one: one.coresBusy, two: two.coresBusy },
  };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/browser.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`${result.scenario}, 1 replication: browser worker ${best(browserSeconds).toFixed(1)} s, Node ${best(nodeSeconds).toFixed(1)} s: browser at ${result.browserToNode}x Node's speed`);
  console.log(differingKpis.size === 0 ? 'every KPI identical in the browser and in Node' : `KPIs that differ between the browser and Node: ${[...differingKpis].join(', ')}`);
  console.log(`${WORKER_REPLICATIONS} replications: 1 worker ${one.seconds} s (${one.coresBusy} cores busy), 2 workers ${two.seconds} s (${two.coresBusy} cores busy): ${result.workersSpeedup}x, the median of rounds ${ratios.join(', ')} (target 1.8x); KPIs ${result.identical ? 'identical' : 'DIFFER'}`);
} finally {
  await browser.close();
  server.kill();
}

/**
 * Runs the page's scenario: `replications` of it on `workers` Web Workers; the seconds the page
 * reports and its exact KPI means.
 */
async function pageRun(page: Page, replications: number, workers: number) {
  await page.fill('#reps', String(replications));
  await page.fill('#workers', String(workers));
  // Cleared, so that the last run's line is not read as this one's.
  await page.$eval('#status', (s) => { s.textContent = ''; });
  await page.click('#run');
  // Polled twice a second, not on every animation frame: the poll would take CPU from the workers.
  await page.waitForFunction(() => /replication\(s\) in/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 1_800_000, polling: 500 });
  return {
    seconds: Number(/in ([\d.]+) s/.exec((await page.textContent('#status'))!)![1]),
    kpis: JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number>,
  };
}
