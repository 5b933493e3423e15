// The order in which parallel workers take replications, shared by the Node pool
// (src/worker/pool.ts) and the page's Web Workers (web/plan-runs.ts): each lane takes the next job
// when it finishes one, and each result is handed over with its job's index, so what a caller
// keeps does not depend on how many lanes ran or which finished first (docs/results.md).

/** Runs one job on one lane (a worker thread, a Web Worker); rejects if the job fails. */
export type LaneRunner<J, R> = (job: J, index: number) => Promise<R>;

export interface LaneOptions<R> {
  /** Told of each finished job, with its index in the job list, as it finishes. */
  onResult: (index: number, result: R) => void;
  /** Aborting stops at once: running jobs are dropped (never heard of again), finished ones are kept. */
  signal?: AbortSignal;
}

export interface LanesOutcome { completed: number; interrupted: boolean }

/** The most parallel workers the page starts, whatever the core count: each holds a replication's memory. */
export const MAX_LANES = 8;

/** Lanes for `jobs` jobs on `cores` cores: one a core, at most MAX_LANES, never more than the jobs, at least one. */
export function laneCount(cores: number, jobs: number): number {
  return Math.max(1, Math.min(MAX_LANES, jobs, Math.floor(cores) || 1));
}

/**
 * Runs `jobs` on the lanes, at most one job a lane at a time. Resolves with the count of results
 * handed to `onResult`, or rejects with the first failure, which stops the other lanes too (their
 * running jobs are dropped). The caller stops its own threads or workers afterwards.
 */
export async function runLanes<J, R>(jobs: readonly J[], lanes: readonly LaneRunner<J, R>[], options: LaneOptions<R>): Promise<LanesOutcome> {
  let next = 0, completed = 0, stopped = false, interrupted = false;
  // Settled once, on abort or failure: racing each running job against it drops that job.
  let stop: (reason: unknown) => void = () => {};
  const stopping = new Promise<never>((_, reject) => { stop = reject; });
  stopping.catch(() => {});
  const abort = () => { interrupted = stopped = true; stop(new Error('aborted')); };
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const lane = async (runJob: LaneRunner<J, R>) => {
    while (!stopped && next < jobs.length) {
      const i = next++;
      let result: R;
      try {
        result = await Promise.race([runJob(jobs[i], i), stopping]);
      } catch (err) {
        if (interrupted) return;
        if (!stopped) { stopped = true; stop(err); }
        throw err;
      }
      if (stopped) return;
      completed++;
      options.onResult(i, result);
    }
  };
  try {
    await Promise.all(lanes.map(lane));
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  return { completed, interrupted };
}
