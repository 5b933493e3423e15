// Runs a list of replications on browser workers, one a core (comlink, the same API as the Node
// pool), each worker taking the next job when it finishes one (src/experiment/job-lanes.ts);
// cancelling terminates them at once, so no replication in flight is waited for, and what
// finished stays finished.
import { proxy, wrap } from 'comlink';
import { laneCount, runLanes, type LaneRunner } from '../src/experiment/job-lanes.ts';
import type { RunExtras, SimulatorApi } from '../src/worker/api.ts';
import type { RunResult } from '../src/model/result.ts';
import type { Scenario } from '../src/scenario/types.ts';
import simWorkerUrl from './sim-worker.ts?worker&url';
import { trusted } from './trusted-types.ts';

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

/** One worker a core, capped (job-lanes.ts, laneCount): results do not depend on how many. */
export function workerCount(jobs = Infinity): number {
  return laneCount(navigator.hardwareConcurrency || 1, jobs);
}

/** The worker's script as built, through the one Trusted Types policy index.html's CSP names (trusted-types.ts). */
const simWorkerScript = trusted('jitsim-sim-worker', 'ScriptURL', simWorkerUrl);

/** A fresh simulation worker (web/sim-worker.ts). */
export function simWorker(): Worker {
  return new Worker(simWorkerScript, { type: 'module' });
}

/**
 * Runs the jobs; `onDay`, if given, hears each job's simulated days as they pass, and `onSetup`
 * how far each job's setup of sellers and SKUs has got (0 to 1) before its first day.
 */
export function runJobs(jobs: Job[], onResult: (job: number, result: JobResult) => void, workers = workerCount(),
  onDay?: (job: number, days: number) => void, onSetup?: (job: number, share: number) => void): Runs {
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, simWorker);
  const aborting = new AbortController();
  const lanes = pool.map((worker): LaneRunner<Job, JobResult> => {
    const api = wrap<SimulatorApi>(worker);
    return async (job, i) => {
      // A day's message may land after the job's result or a cancel: those are not heard.
      let running = true;
      const days = onDay && proxy((_: number, d: number) => { if (running && !aborting.signal.aborted) onDay(i, d); });
      const setup = onSetup && proxy((_: number, share: number) => { if (running && !aborting.signal.aborted) onSetup(i, share); });
      try {
        return await (job.trace
          ? api.runTraced(job.scenario, job.seed, job.replication, days, job.extras, setup)
          : api.runReplication(job.scenario, job.seed, job.replication, days, undefined, job.recordInflow, job.extras, setup));
      } finally {
        running = false;
      }
    };
  });
  const finish = () => { for (const w of pool) w.terminate(); };
  const done = runLanes(jobs, lanes, { onResult, signal: aborting.signal })
    .then(({ completed, interrupted }) => ({ completed, cancelled: interrupted }))
    .finally(finish);
  return {
    done,
    cancel: () => { aborting.abort(); finish(); },
  };
}
