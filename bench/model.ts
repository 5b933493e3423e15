// Model throughput and memory, before and after a refactor: one replication of
// scenarios/black-friday-2022.yaml on one core, run alternately by the working tree's model and by
// the model "before the split" (a git worktree of --before at .bench-before), in one process so both
// see the same machine: seconds of each run, medians, orders and events per second, peak memory,
// speedupVsBefore (median seconds before / after) and whether the two gave identical KPIs. Then the
// working tree's model runs the same season doubled at the same daily volume: its peak must stay
// within 10%. "Heap" is what the run holds after a full GC at each simulated midnight: the JS heap
// plus array buffers, since the model's state lives in typed arrays outside the JS heap; the time of
// those GCs is not counted. Only the stable entry points (runJit, readScenarioFile) of each build are used.
// Each round also runs the working tree's model on the pre-stock twin (--prestock, default
// scenarios/prestock-2022.yaml: the same season, every class pre-stock), in the rotation with the
// other two, so "prestock" and its speed against the JIT run ("after") come from the same session.
// Writes bench/results/model.json (bench/results/model-scaled.json when --scale is not 1).
// Usage: npm run bench:model [-- --scenario scenarios/x.yaml --prestock scenarios/y.yaml --seed 1 --runs 3 --before <commit-ish> --scale 40 --out name.json]
//        --scale K divides sellers, daily orders and warehouse staff by K, for a quick check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { type Build, loadBuild, prepareWorktree, git } from './model-builds.ts';
import { scaledDown, type Scalable } from '../src/scenario/scale.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenarioPath = resolve(root, option('scenario', 'scenarios/black-friday-2022.yaml'));
const prestockPath = resolve(root, option('prestock', 'scenarios/prestock-2022.yaml'));
const seed = Number(option('seed', '1'));
const runs = Number(option('runs', '3'));
const scale = Number(option('scale', '1'));
const beforeRef = option('before', '88cce1e15b4b88e4ac4cb83cd5f837076d29b197');
const held = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('bench/model: run with node --expose-gc (npm run bench:model does)');
  process.exit(1);
}
if (!(runs >= 1 && scale > 0)) {
  console.error('bench/model: --runs must be 1 or more and --scale above 0');
  process.exit(1);
}

// Just the scenario fields this bench touches: each build has its own Scenario type.
interface ScenarioLike extends Scalable {
  season: { start: string; end: string };
}

/** The same scenario over twice as many days, the daily volume held at the season's last level. */
function doubled<S extends ScenarioLike>(s: S): S {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const days = day(s.season.end) - day(s.season.start) + 1;
  const end = new Date((day(s.season.end) + days) * 86_400_000).toISOString().slice(0, 10);
  return { ...s, season: { ...s.season, end } };
}

interface Measured { days: number; seconds: number; orders: number; events: number; peakHeapMB: number; kpis: Record<string, number> }

/** One replication, timed without the GC at each simulated midnight that reads what is live. */
function measure(build: Build, scenario: unknown, label: string): Measured {
  gc!();
  let peak = held();
  let pausedMs = 0;
  const t0 = performance.now();
  const result = build.runJit(scenario, {
    seed,
    replication: 0,
    onDay: (day) => {
      const p0 = performance.now();
      gc!();
      peak = Math.max(peak, held());
      if (day % 10 === 0) process.stderr.write(`${label}: day ${day}\n`);
      pausedMs += performance.now() - p0;
    },
  });
  const seconds = (performance.now() - t0 - pausedMs) / 1000;
  return {
    days: result.horizonHours / 24,
    seconds,
    orders: result.kpis.ordersPlaced,
    events: result.events,
    peakHeapMB: +(peak / 2 ** 20).toFixed(1),
    kpis: result.kpis,
  };
}

const scenarioFor = (build: Build) => scaledDown(build.readScenarioFile(scenarioPath) as ScenarioLike, scale);

const beforeDir = prepareWorktree(root, beforeRef);
const builds = { before: await loadBuild(beforeDir), after: await loadBuild(root) };
const measured: { before: Measured[]; after: Measured[]; prestock: Measured[] } = { before: [], after: [], prestock: [] };
const prestockScenario = () => scaledDown(builds.after.readScenarioFile(prestockPath) as ScenarioLike, scale);
const ROTATION = ['before', 'after', 'prestock'] as const;
for (let i = 0; i < runs; i++) {
  // Which run goes first rotates from round to round, to cancel drift in the machine's speed.
  for (let k = 0; k < ROTATION.length; k++) {
    const name = ROTATION[(i + k) % ROTATION.length];
    const scenario = name === 'prestock' ? prestockScenario() : scenarioFor(builds[name]);
    measured[name].push(measure(name === 'prestock' ? builds.after : builds[name], scenario, `${name} ${i + 1}`));
  }
}
const twice = measure(builds.after, doubled(scenarioFor(builds.after)), 'after, doubled season');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function summary(ms: Measured[], commit: string) {
  const seconds = median(ms.map((m) => m.seconds));
  return {
    commit,
    secondsEachRun: ms.map((m) => +m.seconds.toFixed(2)),
    seconds: +seconds.toFixed(2),
    fastestSeconds: +Math.min(...ms.map((m) => m.seconds)).toFixed(2),
    ordersPerSecond: Math.round(ms[0].orders / seconds),
    eventsPerSecond: Math.round(ms[0].events / seconds),
    peakHeapMB: Math.max(...ms.map((m) => m.peakHeapMB)),
  };
}

/** KPI names both runs have but with other values. */
function kpiDifferences(a: Record<string, number>, b: Record<string, number>): string[] {
  return Object.keys(a).filter((k) => k in b && !Object.is(a[k], b[k]));
}
/** KPI names only one of two runs has (a build that reports more). */
const kpisInOneOnly = (a: Record<string, number>, b: Record<string, number>) =>
  [...Object.keys(a).filter((k) => !(k in b)), ...Object.keys(b).filter((k) => !(k in a))];
const reference = measured.before[0].kpis;
const differences = [...new Set([...measured.before, ...measured.after].flatMap((m) => kpiDifferences(reference, m.kpis)))];
const oneSided = [...new Set(measured.after.flatMap((m) => kpisInOneOnly(reference, m.kpis)))];

const before = summary(measured.before, git(root, 'rev-parse', `${beforeRef}^{commit}`));
const after = summary(measured.after, `working tree (HEAD ${git(root, 'rev-parse', '--short', 'HEAD')})`);
const prestock = summary(measured.prestock, after.commit);
const single = measured.after[0];
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  scenario: scenarioPath.slice(root.length + 1),
  seed,
  scale,
  runs,
  before,
  after,
  speedupVsBefore: +(median(measured.before.map((m) => m.seconds)) / median(measured.after.map((m) => m.seconds))).toFixed(3),
  // The machine is shared: a round's two runs are neighbours in time, so their ratio cancels slow
  // drift, and the fastest runs show each build with the least interference.
  speedupEachRound: measured.before.map((m, i) => +(m.seconds / measured.after[i].seconds).toFixed(3)),
  speedupFastest: +(before.fastestSeconds / after.fastestSeconds).toFixed(3),
  /** The working tree on the pre-stock twin; > 1 means a pre-stock replication runs faster than the JIT one. */
  prestockScenario: prestockPath.slice(root.length + 1),
  prestock,
  prestockSpeedVsJit: +(median(measured.after.map((m) => m.seconds)) / median(measured.prestock.map((m) => m.seconds))).toFixed(3),
  prestockSpeedEachRound: measured.after.map((m, i) => +(m.seconds / measured.prestock[i].seconds).toFixed(3)),
  prestockEventsPerOrder: +(measured.prestock[0].events / measured.prestock[0].orders).toFixed(3),
  jitEventsPerOrder: +(single.events / single.orders).toFixed(3),
  /** Every KPI both builds report has the same value in every run: the two did the same work. */
  identicalKpis: differences.length === 0,
  kpisInOneBuildOnly: oneSided,
  orders: single.orders,
  events: single.events,
  days: single.days,
  daysDoubleSeason: twice.days,
  ordersDoubleSeason: twice.orders,
  peakHeapMBDoubleSeason: twice.peakHeapMB,
  heapRatioDoubleToSingle: +(twice.peakHeapMB / after.peakHeapMB).toFixed(3),
};
const out = `bench/results/${option('out', scale === 1 ? 'model.json' : 'model-scaled.json')}`;
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, out), JSON.stringify(result, null, 2) + '\n');

const line = (name: string, s: typeof before) =>
  `  ${name}: ${s.seconds} s (median of ${s.secondsEachRun.join(', ')}), ${s.ordersPerSecond.toLocaleString('en')} orders/s, ` +
  `${s.eventsPerSecond.toLocaleString('en')} events/s, peak heap ${s.peakHeapMB} MB`;
console.log(`${result.scenario}${scale === 1 ? '' : ` at 1:${scale}`}, seed ${seed}: ${result.days} days, ` +
  `${result.orders.toLocaleString('en')} orders, ${result.events.toLocaleString('en')} events`);
console.log(line(`before (${before.commit.slice(0, 7)})`, before));
console.log(line(`after  (${after.commit})`, after));
console.log(line(`pre-stock twin (${result.prestockScenario})`, prestock));
console.log(`  pre-stock vs JIT: x${result.prestockSpeedVsJit} (medians, > 1: pre-stock faster); each round ${result.prestockSpeedEachRound.map((x) => `x${x}`).join(', ')}; events per order ${result.prestockEventsPerOrder} vs ${result.jitEventsPerOrder}`);
console.log(`  speedup vs before: x${result.speedupVsBefore} (medians); fastest runs x${result.speedupFastest}; each round ${result.speedupEachRound.map((x) => `x${x}`).join(', ')}`);
console.log(`  doubled season (${twice.days} days, ${twice.orders.toLocaleString('en')} orders): peak heap ${twice.peakHeapMB} MB (x${result.heapRatioDoubleToSingle})`);
if (result.identicalKpis) console.log(`  KPIs identical in every run of both builds${oneSided.length ? ` (${oneSided.length} reported by one build only: ${oneSided.join(', ')})` : ''}`);
else console.error(`\n!!! WARNING: KPIs DIFFER between runs/builds (${differences.length}): ${differences.slice(0, 10).join(', ')}` +
  `${differences.length > 10 ? ', ...' : ''} !!!\n`);
console.log(`Written to ${out}`);
