// `--warmup auto` (docs/results.md, "Warm-up"): the warm-up MSER-5 finds on each replication's daily
// fines per order placed — a series that starts at zero because fines lag the orders they punish
// (24 h for lateness, 72 h for stockouts) and the season starts with empty queues and full shelves.
// The run uses the largest truncation of its replications, in whole days.
import type { RunResult } from '../model/result.ts';
import { mserAcross, type MserResult } from './mser.ts';

/** The series MSER-5 reads, named as results name their daily series. */
export const WARM_UP_SERIES = 'finesPerOrderCny';

export interface AutoWarmUp {
  /** Whole days dropped from the season's start (0: no warm-up needed). */
  days: number;
  perReplicationDays: number[];
  /** Some replication's series had no steady state to find (its minimum fell in the second half). */
  unreliable: boolean;
}

/** Fines per order placed, day by day (0 on a day without orders). */
export function finesPerOrder(result: RunResult): Float64Array {
  const { finesCny, ordersPlaced } = result.daily;
  return Float64Array.from(finesCny, (fines, day) => (ordersPlaced[day] > 0 ? fines / ordersPlaced[day] : 0));
}

/** The warm-up MSER-5 picks from pilot runs without one; a season under 10 days has none to pick. */
export function autoWarmUp(pilots: RunResult[]): AutoWarmUp {
  const series = pilots.map(finesPerOrder);
  if (series[0].length < 10) return { days: 0, perReplicationDays: series.map(() => 0), unreliable: false };
  const found = mserAcross(series);
  return { days: found.truncation, perReplicationDays: found.perReplication.map((r: MserResult) => r.truncation), unreliable: found.unreliable };
}
