// Runs a scenario's replications for the command: in the worker pool, with the progress bar,
// stopping cleanly on Ctrl-C with the replications already finished.
import type { RunResult } from '../model/result.ts';
import type { Scenario } from '../scenario/types.ts';
import { horizonHours } from '../scenario/time.ts';
import { runPool } from '../worker/pool.ts';
import type { TraceParts } from '../worker/trace-files.ts';
import type { RunExtras } from '../worker/api.ts';
import { progressBar } from './progress.ts';

export interface Replicated {
  results: RunResult[];
  /** The replications those results are, in order. */
  finished: number[];
  requested: number;
  interrupted: boolean;
}

export async function replicate(
  scenario: Scenario,
  options: { seed: number; replications: number; workers?: number; warmUpHours?: number; quiet: boolean; signal: AbortSignal; trace?: (replication: number) => TraceParts; extras?: (replication: number) => RunExtras },
): Promise<Replicated> {
  const days = horizonHours(scenario.season) / 24;
  const progress = progressBar(options.replications, days, !options.quiet && process.stderr.isTTY === true);
  try {
    const outcome = await runPool({
      scenario,
      seed: options.seed,
      replications: options.replications,
      workers: options.workers,
      warmUpHours: options.warmUpHours,
      signal: options.signal,
      trace: options.trace,
      extras: options.extras,
      onDay: (r, d, e) => progress.day(r, d, e),
      onReplication: () => progress.replicationDone(),
    });
    // Keep the finished prefix and any others, in replication order: each is a pure function
    // of (scenario, seed, index), so a partial set is still a valid sample.
    const finished = outcome.results.flatMap((r, i) => (r ? [i] : []));
    return { results: finished.map((i) => outcome.results[i]!), finished, requested: options.replications, interrupted: outcome.interrupted };
  } finally {
    progress.stop();
  }
}
