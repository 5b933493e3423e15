// Model throughput and memory: one replication of scenarios/black-friday-2022.yaml on one core —
// orders and events per second (median of --runs runs: this machine is shared and noisy), peak
// memory — and the same season doubled at the same daily volume, whose peak must stay within 10%.
// "Heap" here is what the run holds after a full GC: the JS heap plus array buffers, since the
// model's state lives in typed arrays outside the JS heap. Writes bench/results/model.json.
// Usage: npm run bench:model [-- --scenario scenarios/x.yaml --seed 1]
//        --season-only runs the one season and prints its summary without writing results (npm start).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { JitModel } from '../src/model/jit.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { daysBetween } from '../src/scenario/time.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const scenarioPath = resolve(root, option('scenario', 'scenarios/black-friday-2022.yaml'));
const seed = Number(option('seed', '1'));
const runs = Number(option('runs', '3'));
const held = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('bench/model: run with node --expose-gc (npm run bench:model does)');
  process.exit(1);
}

interface Measured { days: number; seconds: number; orders: number; events: number; peakHeapMB: number; kpis: Record<string, number> }

/** One replication; heap is read after a full GC at each simulated midnight (what is live, not garbage). */
function measure(scenario: Scenario, label: string): Measured {
  gc!();
  const model = new JitModel(scenario, seed, 0);
  let peak = held();
  let gcMs = 0;
  const t0 = performance.now();
  const result = model.run((day) => {
    const g0 = performance.now();
    gc!();
    peak = Math.max(peak, held());
    gcMs += performance.now() - g0;
    if (day % 10 === 0) process.stderr.write(`${label}: day ${day}\n`);
  });
  const seconds = (performance.now() - t0 - gcMs) / 1000;
  return {
    days: model.world.days,
    seconds,
    orders: result.kpis.ordersPlaced,
    events: result.events,
    peakHeapMB: +(peak / 2 ** 20).toFixed(1),
    kpis: result.kpis,
  };
}

/** The same scenario over twice as many days, the daily volume held at the season's last level. */
function doubled(s: Scenario): Scenario {
  const days = daysBetween(s.season.start, s.season.end) + 1;
  const end = new Date(`${s.season.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return { ...s, season: { ...s.season, end: end.toISOString().slice(0, 10) } };
}

const seasonOnly = process.argv.includes('--season-only');
const seasons = Array.from({ length: seasonOnly ? 1 : runs }, (_, i) => measure(readScenarioFile(scenarioPath), `season ${i + 1}`));
const single = [...seasons].sort((a, b) => a.seconds - b.seconds)[Math.floor(seasons.length / 2)];
const twice = seasonOnly ? single : measure(doubled(readScenarioFile(scenarioPath)), 'doubled season');

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  scenario: scenarioPath.slice(root.length + 1),
  seed,
  days: single.days,
  orders: single.orders,
  events: single.events,
  seconds: +single.seconds.toFixed(2),
  runs: seasons.length,
  secondsEachRun: seasons.map((m) => +m.seconds.toFixed(2)),
  ordersPerSecond: Math.round(single.orders / single.seconds),
  eventsPerSecond: Math.round(single.events / single.seconds),
  peakHeapMB: Math.max(...seasons.map((m) => m.peakHeapMB)),
  daysDoubleSeason: twice.days,
  ordersDoubleSeason: twice.orders,
  peakHeapMBDoubleSeason: twice.peakHeapMB,
  heapRatioDoubleToSingle: +(twice.peakHeapMB / Math.max(...seasons.map((m) => m.peakHeapMB))).toFixed(3),
  ordersPerSecondDoubleSeason: Math.round(twice.orders / twice.seconds),
};
if (!seasonOnly) {
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/model.json'), JSON.stringify(result, null, 2) + '\n');
}

const k = single.kpis;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`${result.scenario}, seed ${seed}: ${single.days} days, ${single.orders.toLocaleString('en')} orders in ${result.seconds} s`);
console.log(`  ${result.ordersPerSecond.toLocaleString('en')} orders/s, ${result.eventsPerSecond.toLocaleString('en')} events/s (median of ${seasons.length}: ${result.secondsEachRun.join(', ')} s), peak heap ${result.peakHeapMB} MB`);
if (!seasonOnly) console.log(`  doubled season (${twice.days} days, ${twice.orders.toLocaleString('en')} orders): peak heap ${twice.peakHeapMB} MB (x${result.heapRatioDoubleToSingle})`);
console.log(`  orders fulfilled ${pct(k.ordersFulfilled / k.ordersPlaced)}, cancelled for stockout ${pct(k.ordersCancelled / k.ordersPlaced)}, ` +
  `lost ${pct(k.ordersLost / k.ordersPlaced)}; fines ${pct(k.finesShareOfGmv)} of GMV; sellers suspended ${k.sellersSuspended.toLocaleString('en')}`);
console.log(`  dock-to-stock P95 ${k.dockToStockP95Hours.toFixed(1)} h; peak queues: receiving ${k.receivingQueuePeakParcels}, QC ${k.qcQueuePeakParcels} parcels`);
if (!seasonOnly) console.log('Written to bench/results/model.json');
