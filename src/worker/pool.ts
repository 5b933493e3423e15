// A pool of Node worker threads (one per core by default) running replications in parallel
// through the same comlink API as the browser worker. Results come back in replication order,
// whatever the number of workers, so they are identical with 1 worker or 8.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { proxy, wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunResult } from '../model/result.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DayListener, SimulatorApi } from './api.ts';

export interface PoolRun {
  scenario: Scenario;
  seed: number;
  replications: number;
  /** Worker threads; default one per core, never more than the replications. */
  workers?: number;
  onDay?: DayListener;
  /** Statistics start at this time (hours from the season start). */
  warmUpHours?: number;
  onReplication?: (replication: number, result: RunResult) => void;
  /** Aborting stops at once: running replications are dropped, finished ones are kept. */
  signal?: AbortSignal;
}

export interface PoolOutcome {
  /** results[i] is replication i; missing entries were not finished. */
  results: (RunResult | undefined)[];
  completed: number;
  interrupted: boolean;
}

/**
 * A worker thread running node-worker.ts. Workers do not inherit tsx from `--import` on
 * Node 20, so a tiny bootstrap registers it first (both found by absolute URL, from any cwd).
 */
export function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./node-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

export async function runPool(run: PoolRun): Promise<PoolOutcome> {
  const results: (RunResult | undefined)[] = new Array(run.replications);
  const jobs = Array.from({ length: run.replications }, (_, i): Job => ({ scenario: run.scenario, seed: run.seed, replication: i }));
  const outcome = await runJobs(jobs, {
    workers: run.workers, onDay: run.onDay, warmUpHours: run.warmUpHours, signal: run.signal,
    onResult: (i, result) => {
      results[i] = result;
      run.onReplication?.(i, result);
    },
  });
  return { results, completed: outcome.completed, interrupted: outcome.interrupted };
}

/** One replication of one scenario: the unit of work a worker takes. */
export interface Job {
  scenario: Scenario;
  seed: number;
  replication: number;
  /** Also record what reaches the warehouse (result.inflow), for the staffing planner. */
  recordInflow?: boolean;
}

/**
 * Runs jobs (replications of one or of many scenarios, a planner's candidates) on the pool, each
 * job's result handed to `onResult` with its index as it finishes (the caller keeps what it needs).
 * Each result is a pure function of its job, so the outcome does not depend on the workers.
 */
export async function runJobs(
  jobs: Job[],
  options: { workers?: number; onDay?: DayListener; warmUpHours?: number; signal?: AbortSignal; onResult: (index: number, result: RunResult) => void },
): Promise<{ completed: number; interrupted: boolean }> {
  const count = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
  const threads: { worker: Worker; api: Remote<SimulatorApi> }[] = [];
  for (let i = 0; i < count; i++) {
    const worker = startWorker();
    threads.push({ worker, api: wrap<SimulatorApi>(nodeEndpoint(worker)) });
  }
  const onDay = options.onDay ? proxy(options.onDay) : undefined;
  let next = 0, completed = 0, interrupted = false;
  const stopAll = () => { interrupted = true; for (const t of threads) void t.worker.terminate(); };
  if (options.signal?.aborted) stopAll();
  options.signal?.addEventListener('abort', stopAll, { once: true });
  // A worker that dies (terminated on abort, or crashed) rejects its pending call.
  const lanes = threads.map(async ({ worker, api }) => {
    const died = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('worker stopped')));
    });
    died.catch(() => {});
    while (!interrupted && next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      let result: RunResult;
      try {
        result = await Promise.race([api.runReplication(job.scenario, job.seed, job.replication, onDay, options.warmUpHours, job.recordInflow), died]);
      } catch (err) {
        if (interrupted) return;
        throw err;
      }
      completed++;
      options.onResult(i, result);
    }
  });
  try {
    await Promise.all(lanes);
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    for (const t of threads) { t.api[releaseProxy](); void t.worker.terminate(); }
  }
  return { completed, interrupted };
}
