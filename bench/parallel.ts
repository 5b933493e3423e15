// Parallel replications: wall time of 8 replications on 1 worker thread against 2, in one
// session, and the speed-up (target: at least 1.8x on this 2-core machine). Also checks that
// both give the same results. Writes bench/results/parallel.json.
// Usage: npm run bench:parallel [-- --reps 8 --scale 0.5]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runPool } from '../src/worker/pool.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(option('reps', '8'));
const scale = Number(option('scale', '0.5'));

// The default scenario shrunk in sellers and daily orders: 8 replications take about a minute on
// one worker, long enough that starting the worker threads (tsx compiles their code) is noise.
const scenario = readScenarioFile(resolve(root, 'scenarios/black-friday-2022.yaml'));
scenario.sellers.count = Math.round(scenario.sellers.count * scale);
scenario.demand.ordersPerDay *= scale;

async function timed(workers: number) {
  const t0 = performance.now();
  const out = await runPool({ scenario, seed: 1, replications: reps, workers });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, kpis: out.results.map((r) => r!.kpis.ordersPlaced + r!.kpis.finesTotalCny) };
}

await timed(2); // warm the module cache and the disk
const one = await timed(1);
const two = await timed(2);
const identical = one.kpis.every((x, i) => x === two.kpis[i]);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism?.() ?? os.cpus().length,
  scenario: `scenarios/black-friday-2022.yaml x ${scale}`,
  replications: reps,
  secondsOneWorker: +one.seconds.toFixed(2),
  secondsTwoWorkers: +two.seconds.toFixed(2),
  speedup: +(one.seconds / two.seconds).toFixed(2),
  identicalResults: identical,
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/parallel.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`${reps} replications of ${result.scenario}: 1 worker ${result.secondsOneWorker} s, 2 workers ${result.secondsTwoWorkers} s, speed-up ${result.speedup}x; identical results: ${identical}`);
