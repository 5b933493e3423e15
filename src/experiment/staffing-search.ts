// The staffing planner's day-by-day search (docs/results.md, "Planners"). Each replication's
// warehouse waits at the plan's midnight of the day being planned (a snapshot); a candidate for
// day d replays day d from there — never the days before — then lets the parcels in hand finish
// with the same headcount the next day and no new arrivals (staffing-replicas.ts). More staff
// never hurts a day or a later one, so the search gallops and bisects.
import type { Replicas } from './staffing-replicas.ts';
import { clears, dayLevel, lowerConfidenceBound, type Levels, type StaffingSetup } from './staffing-target.ts';

/** Plenty of staff: every parcel in the line is served at once. */
export const AMPLE = 1_000_000;

/** How far below what unlimited staff reach an unattainable day is planned (a share). */
const UNATTAINABLE_SLACK = 0.005;

/** What one fewer on a station would have done, seen while searching: kept to tell which days the minimality pass must recheck. */
export interface Removal {
  /** The day before missed its share: it would miss it under the final plan too. */
  prevFailed: boolean;
  /** The headcounts the next day was assumed to keep when the day itself missed. */
  assumedNext: Levels;
}

export interface DaySearch {
  levels: Levels;
  /** The share the day was planned to: the target's, or what unlimited staff reach when that is less. */
  plannedShare: number;
  attainable: boolean;
  /** Per station, what one fewer did (null when the headcount is already 0 or the station is closed). */
  removal: [Removal | null, Removal | null];
}

/**
 * Plans the days in order. For day d: from the day before's headcounts, scale both stations up
 * together until the target holds (galloping, then bisecting), then lower receiving while it
 * holds, then QC. A candidate passes when the day's parcels and the day before's (whose late
 * arrivals it serves) both clear their planned share. Resolves between days: `shouldStop` ends
 * it early with the days done.
 */
export async function searchDays(
  setup: StaffingSetup,
  candidates: Replicas,
  options: { onDay?: (daysDone: number, days: number) => void; shouldStop?: () => boolean } = {},
): Promise<{ days: DaySearch[]; evaluations: number }> {
  const { days, base, target } = setup;
  const planned: DaySearch[] = [];
  const tried = new Set<string>();
  // Each day's work per station (hours, all replications): the day's search starts from the day
  // before's headcounts scaled by it.
  const work = await candidates.dayWork();
  const plannedShare = new Float64Array(days).fill(target.share);
  const previous: Levels = [Math.max(1, dayLevel(base.receiving, 0)), Math.max(1, dayLevel(base.qc, 0))];
  for (let d = 0; d < days; d++) {
    if (options.shouldStop?.()) break;
    const open = [dayLevel(base.receiving, d) > 0, dayLevel(base.qc, d) > 0];
    const levels = (r: number, q: number): Levels => [open[0] ? Math.max(0, r) : 0, open[1] ? Math.max(0, q) : 0];
    const evaluate = (l: Levels) => {
      tried.add(`${d}:${l.join()}`);
      return candidates.evaluate(d, l);
    };
    const verdict = async (l: Levels) => {
      const { prev, today } = await evaluate(l);
      const prevOk = d === 0 || clears(prev, plannedShare[d - 1], target);
      return { prevOk, ok: prevOk && clears(today, plannedShare[d], target) };
    };
    const passes = async (l: Levels) => (await verdict(l)).ok;
    let attainable = true;
    const growth = (station: 0 | 1) => (d > 0 && work[station][d - 1] > 0 ? work[station][d] / work[station][d - 1] : 1);
    const start = levels(Math.max(1, Math.ceil(previous[0] * growth(0))), Math.max(1, Math.ceil(previous[1] * growth(1))));
    let best = start;
    if (!(await passes(start))) {
      const scaled = (s: number) => levels(Math.ceil(start[0] * s - 1e-9), Math.ceil(start[1] * s - 1e-9));
      // Gallop up by 5%, 10%, 20%, ... then bisect.
      let low = 1, high = 1.05;
      while (!(await passes(scaled(high)))) {
        low = high;
        high = 1 + (high - 1) * 2;
        if (high > 64 && attainable) {
          // No reasonable headcount does it: plan to within half a point of what unlimited staff
          // reach (matching them exactly would take a crowd at the opening hour), and say so.
          attainable = false;
          const { prev, today } = await evaluate(levels(AMPLE, AMPLE));
          if (d > 0) plannedShare[d - 1] = Math.min(plannedShare[d - 1], lowerConfidenceBound(prev, target.confidence) - UNATTAINABLE_SLACK);
          plannedShare[d] = Math.min(plannedShare[d], lowerConfidenceBound(today, target.confidence) - UNATTAINABLE_SLACK);
        }
      }
      while (!adjacent(scaled(low), scaled(high))) {
        const mid = (low + high) / 2;
        if (await passes(scaled(mid))) high = mid;
        else low = mid;
      }
      best = scaled(high);
    }
    const q0 = best[1];
    // Lowering a station starts with its headcount from before the rise: often only the other needed more.
    if (open[0]) best = [await lowest(best[0], (r) => passes([r, best[1]]), start[0]), best[1]];
    if (open[1]) best = [best[0], await lowest(best[1], (q) => passes([best[0], q]), start[1])];
    const removal = async (l: Levels): Promise<Removal | null> => (l[0] < 0 || l[1] < 0 ? null : { prevFailed: !(await verdict(l)).prevOk, assumedNext: l });
    const removals: DaySearch['removal'] = [open[0] ? await removal([best[0] - 1, q0]) : null, open[1] ? await removal([best[0], best[1] - 1]) : null];
    await candidates.accept(d, best);
    planned.push({ levels: best, plannedShare: plannedShare[d], attainable, removal: removals });
    if (d > 0) planned[d - 1].plannedShare = plannedShare[d - 1];
    if (best[0] > 0) previous[0] = best[0];
    if (best[1] > 0) previous[1] = best[1];
    options.onDay?.(d + 1, days);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { days: planned, evaluations: tried.size };
}

/** Each station's headcount differs by at most one: nothing left between them to try. */
function adjacent(a: Levels, b: Levels): boolean {
  return Math.abs(b[0] - a[0]) <= 1 && Math.abs(b[1] - a[1]) <= 1;
}

/**
 * The smallest whole number >= 0, at or below `v` (where `ok` holds), for which `ok` holds,
 * monotone: `hint` first when below `v`, then gallop down, then bisect.
 */
async function lowest(v: number, ok: (n: number) => Promise<boolean>, hint = v): Promise<number> {
  let good = v, bad = -1, step = 1;
  if (hint < v) {
    if (await ok(hint)) good = hint;
    else bad = hint;
  }
  while (good - step > bad) {
    const c = good - step;
    if (await ok(c)) { good = c; step *= 2; } else { bad = c; break; }
  }
  while (good - bad > 1) {
    const mid = (good + bad) >> 1;
    if (await ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
