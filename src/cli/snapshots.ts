// The run command's snapshots (docs/results.md, "Snapshots"): `--save-state-at WHEN FILE` and a
// scenario's `start.fromState`, checked against the run's flags before anything runs.
import type { MarketState } from '../model/snapshot.ts';
import { ScenarioError } from '../scenario/load.ts';
import { chinaDateTimes, hoursFromStart, horizonHours, parseDate } from '../scenario/time.ts';
import type { Scenario } from '../scenario/types.ts';
import type { RunExtras } from '../worker/api.ts';
import type { Replicated } from './experiment.ts';
import { readStateFile, scenarioKey, writeStateFile, type StateHeader } from './state-file.ts';

export interface SnapshotPlan {
  /** Replications to run: --reps, or all those of the state file started from. */
  replications: number;
  save?: { hours: number; at: string; path: string };
  from?: { header: StateHeader; states: MarketState[] };
  extras?: (replication: number) => RunExtras;
}

/** `repsGiven`: --reps was on the command line (otherwise a run from a state runs all its replications). */
export function planSnapshots(file: string, scenario: Scenario, flags: { saveStateAt?: string[]; seed: number; reps: number; warmup?: string }, repsGiven: boolean): SnapshotPlan {
  const plan: SnapshotPlan = { replications: flags.reps };
  if (scenario.start.fromState !== null) {
    const from = readStateFile(scenario.start.fromState, scenario, file);
    const h = from.header;
    const fail = (path: string, message: string): never => { throw new ScenarioError([{ file, path, message }]); };
    if (flags.seed !== h.seed) fail('--seed', `expected the seed the state was saved with (${h.seed}), got ${flags.seed}`);
    if (!repsGiven) plan.replications = h.replications;
    else if (flags.reps > h.replications) fail('--reps', `expected at most the ${h.replications} replications ${scenario.start.fromState} holds, got ${flags.reps}`);
    if (flags.warmup !== undefined) fail('--warmup', `a run from a saved state keeps the warm-up of the run that saved it; leave --warmup out`);
    plan.from = from;
  }
  if (flags.saveStateAt !== undefined) {
    const [when, path, ...rest] = flags.saveStateAt;
    const fail = (message: string): never => { throw new ScenarioError([{ file, path: '--save-state-at', message }]); };
    if (path === undefined || rest.length > 0) fail(`expected a time and a file (--save-state-at 2022-11-20T08:00+08:00 state.jsonl.gz), got ${flags.saveStateAt.length} value${flags.saveStateAt.length === 1 ? '' : 's'}`);
    const hours = parseDate(when) ? hoursFromStart(when, scenario.season.start) : NaN;
    const after = plan.from ? plan.from.header.atHours : 0;
    if (!(hours >= after && hours < horizonHours(scenario.season))) {
      fail(`expected a time ${plan.from ? `from the state's own (${plan.from.header.at})` : `inside the season ${scenario.season.start} to ${scenario.season.end}`} (ISO date-time with offset, or a date), got ${when}`);
    }
    plan.save = { hours, at: chinaDateTimes(scenario.season.start)(hours), path: path! };
  }
  if (plan.save || plan.from) plan.extras = (r) => ({ saveStateAt: plan.save?.hours, startFrom: plan.from?.states[r] });
  return plan;
}

/** Writes the states of the replications finished from the first on (a file holds 0, 1, … k−1), taking them off the results. */
export function saveStates(save: NonNullable<SnapshotPlan['save']>, scenario: Scenario, seed: number, run: Replicated): { path: string; at: string; replications: number } {
  let k = 0;
  while (k < run.finished.length && run.finished[k] === k) k++;
  const states = run.results.slice(0, k).map((r) => r.state!);
  for (const r of run.results) delete r.state;
  writeStateFile(save.path, { scenario: scenarioKey(scenario), seed, atHours: save.hours, at: save.at, replications: k }, states);
  return { path: save.path, at: save.at, replications: k };
}
