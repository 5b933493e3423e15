// The warehouse staffing planner (`jitsim plan staffing`, docs/results.md, "Planners"): the smallest
// receiving and QC headcount, day by day, such that on every day a share of the parcels arriving
// that day is stocked within a number of hours, met with a stated confidence over replications.
// It replays each replication's recorded inflow (model/warehouse-alone.ts), so every candidate
// sees the same parcels (common random numbers): a day-by-day search from midnight snapshots
// (staffing-search.ts), then a pass that leaves no day from which one staff member could be taken
// (staffing-repair.ts), then the plan replayed whole for the shares it reaches.
import { ReplicaBlock, replicas, type Replicas } from './staffing-replicas.ts';
import { makeMinimal, unsettled } from './staffing-repair.ts';
import { searchDays } from './staffing-search.ts';
import { clears, dayLevel, hourBands, lowerConfidenceBound, staffHours, type HourlyStaff, type Levels, type StaffingInput, type StaffingSetup, type StaffingTarget } from './staffing-target.ts';

export interface StaffingDay {
  day: number;
  /** Headcount on each of the station's staffed hours that day (the scenario's opening hours); 0 when it is closed or needs nobody. */
  receiving: number;
  qc: number;
  /** The scenario's headcount that day (its largest hour), for comparison. */
  scenarioReceiving: number;
  scenarioQc: number;
  /** The scenario's staff-hours that day, both stations. */
  scenarioHours: number;
  /** The hours each station is staffed that day (the scenario's opening hours), e.g. "06:00-24:00". */
  bands: { receiving: string; qc: string };
  /** Each search replication's share of the day's parcels stocked within the target, under the plan. */
  shares: number[];
  /** The one-sided lower confidence bound of the day's expected share. */
  lowerBound: number;
  /** The share the day was planned to (the target, or what unlimited staff reach when that is less). */
  plannedShare: number;
  /** False when no headcount reaches the target that day (parcels wait through closed hours). */
  attainable: boolean;
}

export interface StaffingPlan {
  target: StaffingTarget;
  replications: number;
  /** The days planned, in order; fewer than the season's when the search was stopped. */
  days: StaffingDay[];
  /** Staff hour by hour under the plan (the scenario's roster beyond the days planned). */
  hourly: HourlyStaff;
  /** Candidate rosters replayed by the search, and cuts tried and made by the minimality pass. */
  evaluations: number;
  minimalityTrials: number;
  minimalityCuts: number;
}

/** Plans on replications held here (one block in this thread). */
export function planStaffing(input: StaffingInput, options: PlanOptions = {}): Promise<StaffingPlan> {
  return planStaffingOn(input, replicas([new ReplicaBlock(input)]), input.inflows.length, options);
}

export interface PlanOptions {
  onDay?: (daysDone: number, days: number) => void;
  /** Asked between days: true stops the search, keeping the days planned. */
  shouldStop?: () => boolean;
}

/** Plans on replications held wherever `on` keeps them (blocks in workers, src/worker/staffing-pool.ts). */
export async function planStaffingOn(setup: StaffingSetup, on: Replicas, replications: number, options: PlanOptions = {}): Promise<StaffingPlan> {
  const { days, base, target } = setup;
  if (replications < 2) throw new RangeError(`staffing: needs at least 2 replications for a confidence bound, got ${replications}`);
  const search = await searchDays(setup, on, options);
  const levels = search.days.map((s) => s.levels);
  const plannedShare = Float64Array.from({ length: days }, (_, d) => search.days[d]?.plannedShare ?? target.share);
  const { cuts, trials } = await makeMinimal(setup, on, levels, plannedShare, unsettled(search.days));
  const shares = await on.replay(levels);
  const plan: StaffingDay[] = levels.map(([receiving, qc], d) => ({
    day: d, receiving, qc,
    scenarioReceiving: dayLevel(base.receiving, d), scenarioQc: dayLevel(base.qc, d),
    scenarioHours: staffHours(base.receiving, d) + staffHours(base.qc, d),
    bands: { receiving: hourBands(base.receiving, d), qc: hourBands(base.qc, d) },
    shares: shares.map((s) => s[d]),
    lowerBound: lowerConfidenceBound(shares.map((s) => s[d]), target.confidence),
    plannedShare: plannedShare[d],
    attainable: search.days[d].attainable,
  }));
  const hourly: HourlyStaff = { receiving: base.receiving.slice(), qc: base.qc.slice() };
  for (const p of plan) {
    for (let h = p.day * 24; h < p.day * 24 + 24; h++) {
      if (hourly.receiving[h] > 0) hourly.receiving[h] = p.receiving;
      if (hourly.qc[h] > 0) hourly.qc[h] = p.qc;
    }
  }
  return { target, replications, days: plan, hourly, evaluations: search.evaluations, minimalityTrials: trials, minimalityCuts: cuts };
}

/** Each replication's share per day under day-by-day headcounts (the scenario's roster after them), replayed from the start. */
export function replayPlan(input: StaffingInput, levels: Levels[]): number[][] {
  return new ReplicaBlock(input).replay(levels);
}

/** The days of a plan's replay whose share does not clear what it was planned to. */
export function daysMissed(input: StaffingInput, shares: number[][], plannedShare: ArrayLike<number>, from = 0): number[] {
  const out: number[] = [];
  for (let d = from; d < input.days; d++) if (!clears(shares.map((s) => s[d]), plannedShare[d], input.target)) out.push(d);
  return out;
}
