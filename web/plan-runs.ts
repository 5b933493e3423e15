// Runs a list of replications on a few browser workers (comlink, the same API as the Node pool),
// each worker taking the next job when it finishes one; cancelling terminates them at once, so
// no replication in flight is waited for, and what finished stays finished.
import { proxy, wrap } from 'comlink';
import type { RunExtras, SimulatorApi } from '../src/worker/api.ts';
import type { RunResult } from '../src/model/result.ts';
import type { Scenario } from '../src/scenario/types.ts';

/**
 * A replication to run; `recordInflow` keeps what reached the warehouse (for the staffing planner),
 * `extras` watch a seller, `trace` brings every order's story back as CSV rows (the seller view).
 */
export interface Job { scenario: Scenario; seed: number; replication: number; recordInflow?: boolean; extras?: RunExtras; trace?: boolean }

/** A job's result; a traced job's carries its trace rows. */
export type JobResult = RunResult & { trace?: { orders: string; sellers: string } };

export interface Runs {
  /** Resolves once every job is done, or at once when cancelled; `completed` counts the results handed to `onResult`. */
  done: Promise<{ completed: number; cancelled: boolean }>;
  cancel(): void;
}

/** Two workers where the machine has two cores, else one: results do not depend on how many. */
export function workerCount(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
}

/** A fresh simulation worker (web/sim-worker.ts). */
export function simWorker(): Worker {
  return new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
}

/** Runs the jobs; `onDay`, if given, hears each job's simulated days as they pass. */
export function runJobs(jobs: Job[], onResult: (job: number, result: JobResult) => void, workers = workerCount(), onDay?: (job: number, days: number) => void): Runs {
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, simWorker);
  let next = 0, completed = 0, cancelled = false;
  let abort: (reason: Error) => void = () => {};
  const aborted = new Promise<never>((_, reject) => { abort = reject; });
  aborted.catch(() => {}); // a plan that finishes is never aborted; one that is must not warn
  const loop = async (worker: Worker) => {
    const api = wrap<SimulatorApi>(worker);
    while (next < jobs.length && !cancelled) {
      const i = next++, job = jobs[i];
      // A day's message may land after the job's result or a cancel: those are not heard.
      let running = true;
      const days = onDay && proxy((_: number, d: number) => { if (running && !cancelled) onDay(i, d); });
      const run = job.trace
        ? api.runTraced(job.scenario, job.seed, job.replication, days, job.extras)
        : api.runReplication(job.scenario, job.seed, job.replication, days, undefined, job.recordInflow, job.extras);
      const result = await Promise.race([run, aborted])
        .finally(() => { running = false; });
      completed++;
      onResult(i, result);
    }
  };
  const finish = () => { for (const w of pool) w.terminate(); };
  const done = Promise.all(pool.map(loop))
    .then(() => ({ completed, cancelled }))
    .catch((err: unknown) => {
      if (cancelled) return { completed, cancelled };
      cancelled = true; // a failed run stops the others too
      abort(err instanceof Error ? err : new Error(String(err)));
      throw err;
    })
    .finally(finish);
  return {
    done,
    cancel: () => { cancelled = true; abort(new Error('cancelled')); finish(); },
  };
}
