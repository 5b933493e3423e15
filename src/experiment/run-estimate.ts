// A run's memory and time, estimated before it starts from the scenarios' sizes alone, and the
// worker threads that fit a memory limit (docs/results.md, "Before a run: memory and time"). The
// command (src/cli/run-limits.ts) and the page (web/run-plan.ts) both plan from these figures.
import type { Scenario } from '../scenario/types.ts';
import { horizonHours } from '../scenario/time.ts';
import { expectedSkus, memoryEstimate } from './memory-estimate.ts';
import { expectedOrders } from './trace-size.ts';

/**
 * Seconds of one core per order, per SKU and per seller set up, and per simulated day, measured on
 * the reference machine (AMD EPYC, Node 20): black-friday-2022.yaml's 8.1M orders in 23 to 26 s
 * (bench/results/model.json); 200,000 sellers with 2.5M SKUs set up in 2.8 s with next to no
 * orders; a year of 100 sellers in 0.4 s. Within about half of what other scenarios take here.
 */
export const SECONDS_PER_ORDER = 3.0e-6;
export const SECONDS_PER_SKU = 1.0e-6;
export const SECONDS_PER_SELLER = 2.0e-6;
export const SECONDS_PER_DAY = 1.0e-3;
/** Two threads on two cores ran 1.93 times as fast as one (bench/results/parallel.json). */
export const PARALLEL_EFFICIENCY = 0.96;
/** What a sweep or the stocking planner keeps of a result: its KPIs alone, some 70 numbers by name. */
export const KPI_RECORD_BYTES = 8 * 2 ** 10;

/** An inflow's bytes a parcel (src/model/inflow.ts: three times and a flag). */
const INFLOW_BYTES_PER_PARCEL = 3 * 8 + 1;

/** What the staffing planner keeps besides results: each recorded replication's inflow, counted as a parcel an order. */
export function staffingKeptBytes(scenario: Scenario, recorded: number): number {
  return recorded * INFLOW_BYTES_PER_PARCEL * expectedOrders(scenario);
}

export interface RunShape {
  /** Replications of each scenario. */
  replications: number;
  /** Worker threads asked for. */
  workers: number;
  /** Cores the threads share. */
  cores: number;
  /** A thread's own heap before it runs anything (0 where each worker's heap is counted apart). */
  threadBytes: number;
  /** The scenarios' replications share one pool (a sweep) instead of running one scenario after the other. */
  together?: boolean;
  /** Only each result's KPIs are kept (a sweep, the stocking planner). */
  kpisOnly?: boolean;
  /** Bytes kept besides the results (the staffing planner's inflows). */
  extraKept?: number;
}

export interface RunEstimate {
  /** Threads that run at once. */
  threads: number;
  /** One thread: its own heap and the largest replication running. */
  perThreadBytes: number;
  /** Every result kept until the run ends, and what is kept besides. */
  keptBytes: number;
  /** Results kept. */
  results: number;
  totalBytes: number;
  /** Wall-clock seconds on the reference machine. */
  seconds: number;
}

/** Seconds of one core for one replication of `scenario`. */
export function replicationSeconds(scenario: Scenario): number {
  return expectedOrders(scenario) * SECONDS_PER_ORDER
    + expectedSkus(scenario) * SECONDS_PER_SKU
    + scenario.sellers.count * SECONDS_PER_SELLER
    + (horizonHours(scenario.season) / 24) * SECONDS_PER_DAY;
}

/** Wall-clock seconds for `replications` jobs of `each` seconds on `threads` threads sharing `cores` cores. */
function wallSeconds(each: number, replications: number, threads: number, cores: number): number {
  const parallel = Math.min(threads, cores);
  // Whole waves of `threads` at a time, and no faster than the cores allow.
  const spans = Math.max(Math.ceil(replications / threads), replications / parallel);
  return each * spans / (parallel > 1 ? PARALLEL_EFFICIENCY : 1);
}

/** The memory and time of `scenarios` run this way. */
export function runEstimate(scenarios: Scenario[], shape: RunShape): RunEstimate {
  const { replications, cores } = shape;
  const jobs = replications * (shape.together ? scenarios.length : 1);
  const threads = Math.max(1, Math.min(shape.workers, jobs));
  const memory = scenarios.map((s) => memoryEstimate(s, { workers: threads, replications }));
  const results = replications * scenarios.length;
  const keptBytes = (shape.extraKept ?? 0) + memory.reduce((sum, m) => sum + replications * (shape.kpisOnly ? KPI_RECORD_BYTES : m.perResult), 0);
  const perThreadBytes = Math.max(...memory.map((m) => m.perReplication)) + shape.threadBytes;
  const each = scenarios.map(replicationSeconds);
  const seconds = shape.together
    ? wallSeconds(each.reduce((a, b) => a + b, 0) / scenarios.length, jobs, threads, cores)
    : each.reduce((sum, s) => sum + wallSeconds(s, replications, threads, cores), 0);
  return { threads, perThreadBytes, keptBytes, results, totalBytes: keptBytes + threads * perThreadBytes, seconds };
}

/** The most threads, up to `shape.workers`, whose run fits in `limit` bytes; 0 if not even one does. */
export function workersThatFit(scenarios: Scenario[], shape: RunShape, limit: number): number {
  for (let w = shape.workers; w >= 1; w--) if (runEstimate(scenarios, { ...shape, workers: w }).totalBytes <= limit) return w;
  return 0;
}

/** A duration as a person reads it: 40 s, 3 min, 2.5 h, 4 days (rounded up, never "0 s"). */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${+(Math.ceil(seconds / 360) / 10).toFixed(1)} h`;
  return `${Math.ceil(seconds / 86400)} days`;
}
