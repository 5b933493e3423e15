// --max-memory: a run whose estimated memory (src/experiment/memory-estimate.ts, plus each worker
// thread's own heap) exceeds the limit is refused before it starts, with the estimate, the limit and
// how many workers would fit (docs/results.md, "Memory before a run").
import os from 'node:os';
import { InvalidArgumentError, Option } from 'commander';
import { memoryEstimate } from '../experiment/memory-estimate.ts';
import { ScenarioError } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { defaultWorkers } from '../worker/pool.ts';

/** A worker thread's own V8 heap and code before it runs anything (docs/results.md). */
export const THREAD_BYTES = 40 * 2 ** 20;
/** The default limit: this share of the machine's memory. */
export const DEFAULT_SHARE = 0.5;

const UNITS: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** Parses SIZE as 512M, 2G, 1.5G or a number of bytes (K, M, G, T are powers of 1024). */
export function parseSize(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([KMGT]?)B?$/i.exec(value);
  const bytes = m ? Number(m[1]) * UNITS[m[2].toUpperCase()] : NaN;
  if (!(bytes >= 2 ** 20 && Number.isFinite(bytes))) throw new InvalidArgumentError(`expected a size of at least 1M such as 512M or 2G, got ${JSON.stringify(value)}`);
  return Math.floor(bytes);
}

/** Bytes as a person reads them: 1.5 GB, 320 MB (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${+(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${+(bytes / 2 ** 20).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 2 ** 10)} KB`;
}

export function defaultLimit(): number {
  return Math.floor(os.totalmem() * DEFAULT_SHARE);
}

/** The --max-memory option, the same on every command that runs replications here. */
export function maxMemoryOption(): Option {
  return new Option('--max-memory <SIZE>', `refuse a run estimated to need more (e.g. 512M, 2G; default: half this machine's memory, ${formatBytes(defaultLimit())})`).argParser(parseSize);
}

/** The worker threads and the limit a command's flags ask for, with their defaults. */
export function limitsOf(flags: { workers?: number; maxMemory?: number }): { workers: number; limit: number } {
  return { workers: flags.workers ?? defaultWorkers(), limit: flags.maxMemory ?? defaultLimit() };
}

/** What a sweep or the stocking planner keeps of a result: its KPIs alone, some 70 numbers by name (docs/results.md). */
export const KPI_RECORD_BYTES = 8 * 2 ** 10;

/**
 * Refuses (a ScenarioError on --max-memory, naming `file`) when the replications of these
 * scenarios, `workers` at a time, cannot fit in `limit` bytes. Scenarios run one after the other,
 * every result kept until the files are written, unless `together` (a sweep's points share one
 * pool) or `kpisOnly` (only each result's KPIs are kept); `extraKept` bytes are kept besides.
 */
export function checkMemory(file: string, scenarios: Scenario[], options: { workers: number; replications: number; limit: number; together?: boolean; kpisOnly?: boolean; extraKept?: number }): void {
  const estimates = scenarios.map((s) => memoryEstimate(s, options));
  const threads = Math.min(options.workers, options.replications * (options.together ? scenarios.length : 1));
  const kept = (options.extraKept ?? 0) + estimates.reduce((sum, e) => sum + options.replications * (options.kpisOnly ? KPI_RECORD_BYTES : e.perResult), 0);
  const perThread = Math.max(...estimates.map((e) => e.perReplication)) + THREAD_BYTES;
  const total = kept + threads * perThread;
  if (total <= options.limit) return;
  const fit = Math.floor((options.limit - kept) / perThread);
  const advice = fit >= 1 && fit < threads ? `--workers ${fit} would fit` : 'fewer replications or a smaller scenario would';
  throw new ScenarioError([{
    file, path: '--max-memory',
    message: `the run needs about ${formatBytes(total)} (${threads} worker threads × ${formatBytes(perThread)} + ${options.replications * scenarios.length} results × ${formatBytes(kept / (options.replications * scenarios.length))}), more than the limit of ${formatBytes(options.limit)}; ${advice}, or raise --max-memory`,
  }]);
}
