// A pool of Node worker threads (one per core by default) running replications in parallel
// through the same comlink API as the browser worker. Results come back in replication order,
// whatever the number of workers, so they are identical with 1 worker or 8.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { proxy, wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runLanes } from '../experiment/job-lanes.ts';
import type { RunResult } from '../model/result.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DayListener, RunExtras } from './api.ts';
import type { NodeSimulatorApi } from './node-worker.ts';
import type { TraceParts } from './trace-files.ts';

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
  /** Where replication i writes its trace, if one is asked for. */
  trace?: (replication: number) => TraceParts;
  /** What replication i saves or starts from, if anything. */
  extras?: (replication: number) => RunExtras;
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
  const jobs = Array.from({ length: run.replications }, (_, i): Job => ({ scenario: run.scenario, seed: run.seed, replication: i, trace: run.trace?.(i), extras: run.extras?.(i) }));
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
  /** Also write every order's and seller's story to these files (the local pool only). */
  trace?: TraceParts;
  /** Save the state at a time, or start from a saved state (the local pool only). */
  extras?: RunExtras;
}

/** What a job's result must hold: the whole run, or only its KPIs (per class, fines by cause), a few kB. */
export type Keep = 'kpis' | 'all';
export type KpiResult = Pick<RunResult, 'kpis' | 'byClass' | 'fineCauses'>;

/** How jobs are run and told about: one shape for the local pool and the Redis queue (src/queue). */
export type JobOptions = {
  workers?: number;
  /** Days simulated, as they happen (the local pool only; a queue tells whole jobs). */
  onDay?: DayListener;
  warmUpHours?: number;
  /** Aborting stops at once: running jobs are dropped, finished ones are kept. */
  signal?: AbortSignal;
} & (
  | { keep: 'kpis'; onResult: (index: number, result: KpiResult) => void }
  | { keep?: 'all'; onResult: (index: number, result: RunResult) => void }
);

export interface JobsOutcome {
  completed: number;
  interrupted: boolean;
  /** Why the jobs stopped before the end when it was not Ctrl-C (the queue lost Redis, a job failed). */
  failure?: string;
  /** With a queue: results already stored and reused, and jobs this run put on the queue. */
  reused?: number;
  queued?: number;
}

/** Runs jobs somewhere (the local pool, a queue), each result a pure function of its job. */
export type JobRunner = (jobs: Job[], options: JobOptions) => Promise<JobsOutcome>;

/** A worker thread that runs replications one at a time; `run` rejects if the thread dies. */
export interface ReplicationThread {
  run(job: Job, onDay?: DayListener, warmUpHours?: number): Promise<RunResult>;
  close(): void;
}

export function replicationThread(): ReplicationThread {
  const worker = startWorker();
  const api: Remote<NodeSimulatorApi> = wrap<NodeSimulatorApi>(nodeEndpoint(worker));
  // A worker that dies (terminated on abort, or crashed) rejects its pending call.
  const died = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('worker stopped')));
  });
  died.catch(() => {});
  let closed = false;
  return {
    run: (job, onDay, warmUpHours) => Promise.race([
      job.trace
        ? api.runTracedReplication(job.scenario, job.seed, job.replication, job.trace, onDay, warmUpHours, job.extras)
        : api.runReplication(job.scenario, job.seed, job.replication, onDay, warmUpHours, job.recordInflow, job.extras),
      died,
    ]),
    close() {
      if (closed) return;
      closed = true;
      api[releaseProxy]();
      void worker.terminate();
    },
  };
}

/**
 * Runs jobs (replications of one or of many scenarios, a planner's candidates) on the pool, each
 * job's result handed to `onResult` with its index as it finishes (the caller keeps what it needs).
 * Each result is a pure function of its job, so the outcome does not depend on the workers.
 */
export const runJobs: JobRunner = async (jobs, options) => {
  const count = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
  const threads = Array.from({ length: count }, replicationThread);
  const onDay = options.onDay ? proxy(options.onDay) : undefined;
  const stopAll = () => { for (const t of threads) t.close(); };
  options.signal?.addEventListener('abort', stopAll, { once: true });
  try {
    return await runLanes(jobs, threads.map((thread) => (job: Job) => thread.run(job, onDay, options.warmUpHours)), {
      signal: options.signal,
      onResult: options.onResult as (index: number, result: RunResult) => void,
    });
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    stopAll();
  }
};
