// Engine throughput: the classic hold model on the callback and generator paths against the
// bare-metal heap probe (../shared/bench/hold-probe.mjs) run in the same session, M/M/c
// customers per second, and heap growth over a long run. Writes bench/results/engine.json.
// Usage: npm run bench:engine [-- --events 5000000 --repeats 3 --sizes 100,10000]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { Simulation, Resource } from '../src/engine/index.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const probePath = resolve(root, '../shared/bench/hold-probe.mjs');

const EVENTS = Number(option('events', '5000000'));
const REPEATS = Number(option('repeats', '3'));
const SIZES = option('sizes', '100,10000,100000,1000000').split(',').map(Number);
const GENERATOR_EVENTS = Math.max(1, Math.round(EVENTS / 2.5)); // the slower path gets fewer events

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Events per second of the hold model on the callback path: N pending, each re-schedules itself. */
function holdCallback(n: number, events: number): number {
  const sim = new Simulation({ seed: 1 });
  const rng = sim.stream('hold');
  const HOLD = sim.on((p) => { sim.schedule(rng.exponential(1), HOLD, p); });
  for (let i = 0; i < n; i++) sim.schedule(rng.exponential(1), HOLD, i);
  sim.run({ maxEvents: Math.max(2 * n, 200_000) }); // warm the JIT and let the calendar settle
  const t0 = performance.now();
  sim.run({ maxEvents: events });
  return events / ((performance.now() - t0) / 1000);
}

/** The same hold model written as N generator processes. */
function holdGenerator(n: number, events: number): number {
  const sim = new Simulation({ seed: 1 });
  const rng = sim.stream('hold');
  function* holder() {
    for (;;) yield sim.timeout(rng.exponential(1));
  }
  for (let i = 0; i < n; i++) sim.process(holder);
  sim.run({ maxEvents: Math.max(2 * n, 200_000) });
  const t0 = performance.now();
  sim.run({ maxEvents: events });
  return events / ((performance.now() - t0) / 1000);
}

function probe(n: number, events: number): number {
  const out = execFileSync(process.execPath, [probePath, String(n), String(events)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!).eventsPerSec as number;
}

/** M/M/c, c = 10 at load 0.9, callback path: customers served per second of wall time. */
function mmcCallback(customers: number): { customersPerSecond: number; eventsPerSecond: number } {
  const sim = new Simulation({ seed: 5 });
  const arrivals = sim.stream('arrivals'), service = sim.stream('service');
  const desk = new Resource(sim, { servers: 10 });
  let left = customers;
  const DONE = sim.on(() => desk.release());
  const START = sim.on((c) => sim.schedule(service.exponential(1), DONE, c));
  const ARRIVE = sim.on((c) => {
    if (desk.acquire(START, c)) sim.schedule(service.exponential(1), DONE, c);
    if (--left > 0) sim.schedule(arrivals.exponential(9), ARRIVE, c + 1);
  });
  sim.schedule(0, ARRIVE, 0);
  const t0 = performance.now();
  const { events } = sim.run();
  const s = (performance.now() - t0) / 1000;
  return { customersPerSecond: customers / s, eventsPerSecond: events / s };
}

/** The same M/M/c written as processes, SimPy style. */
function mmcGenerator(customers: number): { customersPerSecond: number; eventsPerSecond: number } {
  const sim = new Simulation({ seed: 5 });
  const arrivals = sim.stream('arrivals'), service = sim.stream('service');
  const desk = new Resource(sim, { servers: 10 });
  sim.process(function* () {
    for (let i = 0; i < customers; i++) {
      yield sim.timeout(arrivals.exponential(9));
      sim.process(customer());
    }
  });
  function* customer() {
    yield desk.request();
    yield sim.timeout(service.exponential(1));
    desk.release();
  }
  const t0 = performance.now();
  const { events } = sim.run();
  const s = (performance.now() - t0) / 1000;
  return { customersPerSecond: customers / s, eventsPerSecond: events / s };
}

/** Heap growth across a 10M-event hold run at N = 10 000, after forced GCs (needs --expose-gc). */
function heapGrowth(events: number): { events: number; heapBeforeMB: number; heapAfterMB: number; growthMB: number } | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const sim = new Simulation({ seed: 9 });
  const rng = sim.stream('hold');
  const HOLD = sim.on((p) => { sim.schedule(rng.exponential(1), HOLD, p); });
  for (let i = 0; i < 10_000; i++) sim.schedule(rng.exponential(1), HOLD, i);
  sim.run({ maxEvents: 200_000 });
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  sim.run({ maxEvents: events });
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  const mb = (b: number) => +(b / 2 ** 20).toFixed(2);
  return { events, heapBeforeMB: mb(before), heapAfterMB: mb(after), growthMB: mb(after - before) };
}

if (!existsSync(probePath)) {
  console.error(`bench/engine: the probe ${probePath} is missing (it lives in ../shared beside the repo)`);
  process.exit(1);
}

const rows: { path: 'callback' | 'generator'; n: number; eventsPerSecond: number; probeEventsPerSecond: number; ratio: number }[] = [];
for (const n of SIZES) {
  const probes: number[] = [], callbacks: number[] = [], generators: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    // Interleave the three so that a noisy neighbour hurts them alike.
    probes.push(probe(n, EVENTS));
    callbacks.push(holdCallback(n, EVENTS));
    generators.push(holdGenerator(n, GENERATOR_EVENTS));
  }
  const p = median(probes);
  for (const [path, xs] of [['callback', callbacks], ['generator', generators]] as const) {
    const x = median(xs);
    rows.push({ path, n, eventsPerSecond: Math.round(x), probeEventsPerSecond: Math.round(p), ratio: +(x / p).toFixed(3) });
  }
  console.error(`n = ${n} done`);
}

const mmc = {
  servers: 10,
  load: 0.9,
  customers: 1_000_000,
  callback: mmcCallback(1_000_000),
  generator: mmcGenerator(300_000),
};
const memory = heapGrowth(10_000_000);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  events: EVENTS,
  generatorEvents: GENERATOR_EVENTS,
  repeats: REPEATS,
  rows,
  mmc: {
    ...mmc,
    callback: { customersPerSecond: Math.round(mmc.callback.customersPerSecond), eventsPerSecond: Math.round(mmc.callback.eventsPerSecond) },
    generator: { customersPerSecond: Math.round(mmc.generator.customersPerSecond), eventsPerSecond: Math.round(mmc.generator.eventsPerSecond) },
  },
  memory,
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/engine.json'), JSON.stringify(result, null, 2) + '\n');

const fmt = (x: number) => `${(x / 1e6).toFixed(2)}M`;
console.log('| path | pending N | engine ev/s | probe ev/s | engine / probe |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.path} | ${r.n.toLocaleString('en')} | ${fmt(r.eventsPerSecond)} | ${fmt(r.probeEventsPerSecond)} | ${r.ratio.toFixed(2)}x |`);
console.log(`\nM/M/10 at load 0.9: ${Math.round(mmc.callback.customersPerSecond).toLocaleString('en')} customers/s (callback), ` +
  `${Math.round(mmc.generator.customersPerSecond).toLocaleString('en')} customers/s (generator)`);
if (memory) console.log(`Heap growth over ${memory.events.toLocaleString('en')} events: ${memory.growthMB} MB (${memory.heapBeforeMB} -> ${memory.heapAfterMB} MB)`);
console.log('Written to bench/results/engine.json');
