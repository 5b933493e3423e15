// The page's main run: every replication of one or more scenarios (A, and the scenarios compared
// with it), spread over parallel Web Workers. Each result is a pure function of (scenario, seed,
// replication), so the results are the same with 1 worker or 8 (docs/results.md).
import type { RunResult } from '../src/model/result.ts';
import { horizonHours } from '../src/scenario/time.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { runJobs, workerCount, type Job } from './plan-runs.ts';

export interface RunProgress {
  daysDone: number; daysTotal: number; replicationsDone: number; replicationsTotal: number;
  /** While no day has been simulated yet: how far the setup of sellers and SKUs has got (0 to 1), over the replications being set up. */
  setup?: number;
}

export interface PageRun {
  scenarios: Scenario[];
  seed: number;
  replications: number;
  /** Web Workers; default one per core (capped, workerCount()), never more than the replications to run. */
  workers?: number;
  /** Days are counted over all replications, since the workers run them side by side. */
  onProgress?: (p: RunProgress) => void;
}

export interface PageRunning {
  /** results[k][r]: scenario k's replication r; undefined when cancelled. */
  done: Promise<RunResult[][] | undefined>;
  /** Terminates every worker at once. */
  cancel(): void;
}

export function runReplications(run: PageRun): PageRunning {
  const { scenarios, seed, replications } = run;
  const jobs: Job[] = scenarios.flatMap((scenario) =>
    Array.from({ length: replications }, (_, replication) => ({ scenario, seed, replication })));
  const lengths = jobs.map((job) => horizonHours(job.scenario.season) / 24);
  const daysDone = jobs.map(() => 0), setupDone = jobs.map(() => 0);
  const daysTotal = lengths.reduce((a, b) => a + b, 0);
  let replicationsDone = 0;
  const tell = () => {
    const days = daysDone.reduce((a, b) => a + b, 0);
    // Setting up: the replications begun (setup past 0) and not yet simulating, their mean share.
    const settingUp = setupDone.filter((s, i) => s > 0 && daysDone[i] === 0);
    run.onProgress?.({
      daysDone: days, daysTotal, replicationsDone, replicationsTotal: jobs.length,
      setup: days === 0 && settingUp.length > 0 ? settingUp.reduce((a, b) => a + b, 0) / settingUp.length : undefined,
    });
  };
  const results: RunResult[][] = scenarios.map(() => []);
  const runs = runJobs(jobs, (i, result) => {
    results[Math.floor(i / replications)][i % replications] = result;
    daysDone[i] = lengths[i];
    replicationsDone++;
    tell();
  }, run.workers ?? workerCount(), (i, d) => { daysDone[i] = d; tell(); }, (i, share) => { setupDone[i] = Math.max(share, 1e-9); tell(); });
  return {
    done: runs.done.then(({ cancelled }) => (cancelled ? undefined : results)),
    cancel: () => runs.cancel(),
  };
}
