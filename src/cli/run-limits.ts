// --max-memory and --max-time: before a run starts, its memory and time are estimated
// (src/experiment/run-estimate.ts, plus each worker thread's own heap) and said in one line; a run
// over either limit is refused with the estimate and the limit, and when --workers is not given the
// threads are as many as fit the memory as well as the cores (docs/results.md, "Before a run").
import os from 'node:os';
import { InvalidArgumentError, Option } from 'commander';
import { formatSeconds, runEstimate, workersThatFit, type RunShape } from '../experiment/run-estimate.ts';
import { ScenarioError } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { defaultWorkers } from '../worker/pool.ts';

/** A worker thread's own V8 heap and code before it runs anything (docs/results.md). */
export const THREAD_BYTES = 40 * 2 ** 20;
/** The default memory limit: this share of the machine's memory. */
export const DEFAULT_SHARE = 0.5;
/** The default time limit: a day. */
export const DEFAULT_MAX_SECONDS = 24 * 3600;

const SIZE_UNITS: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
const TIME_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses SIZE as 512M, 2G, 1.5G or a number of bytes (K, M, G, T are powers of 1024). */
export function parseSize(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([KMGT]?)B?$/i.exec(value);
  const bytes = m ? Number(m[1]) * SIZE_UNITS[m[2].toUpperCase()] : NaN;
  if (!(bytes >= 2 ** 20 && Number.isFinite(bytes))) throw new InvalidArgumentError(`expected a size of at least 1M such as 512M or 2G, got ${JSON.stringify(value)}`);
  return Math.floor(bytes);
}

/** Parses a DURATION as 90s, 30m, 2h, 1.5d (at least a second, at most 10 years). */
export function parseDuration(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([smhd])$/.exec(value);
  const seconds = m ? Number(m[1]) * TIME_UNITS[m[2]] : NaN;
  if (!(seconds >= 1 && seconds <= 3650 * 86400)) throw new InvalidArgumentError(`expected a duration from 1s to 3650d such as 90s, 30m, 2h or 3d, got ${JSON.stringify(value)}`);
  return seconds;
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

/** --max-memory, the same on every command that runs replications here. */
export function maxMemoryOption(): Option {
  return new Option('--max-memory <SIZE>', `refuse a run estimated to need more (e.g. 512M, 2G; default: half this machine's memory, ${formatBytes(defaultLimit())})`).argParser(parseSize);
}

/** --max-time, the same on every command that runs replications here. */
export function maxTimeOption(): Option {
  return new Option('--max-time <DURATION>', `refuse a run estimated to take longer (e.g. 30m, 2h, 3d; default: ${formatSeconds(DEFAULT_MAX_SECONDS)})`).argParser(parseDuration);
}

/** The flags a command's run limits come from. */
export interface LimitFlags { workers?: number; maxMemory?: number; maxTime?: number; quiet?: boolean }

/**
 * Plans a run of `scenarios` shaped as `shape` (replications, together, kpisOnly, extraKept) under
 * the flags' limits: refuses it (a ScenarioError naming `file` and the flag) when it cannot fit the
 * memory or would take longer than --max-time; otherwise says the estimate on stderr (unless
 * --quiet) and returns the worker threads to use.
 */
export function planRun(file: string, scenarios: Scenario[], flags: LimitFlags, shape: Omit<RunShape, 'workers' | 'cores' | 'threadBytes'>): { workers: number } {
  const limit = flags.maxMemory ?? defaultLimit();
  const maxSeconds = flags.maxTime ?? DEFAULT_MAX_SECONDS;
  const full: RunShape = { ...shape, workers: flags.workers ?? defaultWorkers(), cores: defaultWorkers(), threadBytes: THREAD_BYTES };
  const asked = runEstimate(scenarios, full);
  const fit = workersThatFit(scenarios, full, limit);
  // Without --workers, fewer threads than cores when that is what fits; with it, exactly as asked.
  const workers = flags.workers === undefined && fit >= 1 ? fit : full.workers;
  const estimate = workers === full.workers ? asked : runEstimate(scenarios, { ...full, workers });
  if (estimate.totalBytes > limit) {
    const advice = fit >= 1 ? `--workers ${fit} would fit` : 'fewer replications or a smaller scenario would';
    throw new ScenarioError([{
      file, path: '--max-memory',
      message: `the run needs about ${formatBytes(estimate.totalBytes)} (${estimate.threads} worker threads × ${formatBytes(estimate.perThreadBytes)} + ${estimate.results} results × ${formatBytes(estimate.keptBytes / estimate.results)}), more than the limit of ${formatBytes(limit)}; ${advice}, or raise --max-memory`,
    }]);
  }
  if (estimate.seconds > maxSeconds) {
    throw new ScenarioError([{
      file, path: '--max-time',
      message: `the run would take about ${formatSeconds(estimate.seconds)} (${estimate.results} replications on ${estimate.threads} worker threads, ${full.cores} cores), more than the limit of ${formatSeconds(maxSeconds)}; fewer replications, sellers, orders or days would be quicker, or raise --max-time`,
    }]);
  }
  if (!flags.quiet) {
    const threads = (n: number) => `${n} worker thread${n === 1 ? '' : 's'}`;
    const fewer = estimate.threads < asked.threads ? ` (${asked.threads} would need about ${formatBytes(asked.totalBytes)}, more than --max-memory ${formatBytes(limit)})` : '';
    process.stderr.write(`Estimate: about ${formatSeconds(estimate.seconds)} and ${formatBytes(estimate.totalBytes)} for ${estimate.results} replications on ${threads(estimate.threads)}${fewer}\n`);
  }
  return { workers };
}
