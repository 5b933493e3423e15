// The staffing planner's minimality pass (docs/results.md, "Planners"). The search planned each
// day assuming the next keeps its headcount; where the plan then gives the next day more staff,
// one fewer on the day may now be enough. For such days this pass tries one fewer against the
// whole plan, replaying from the day's midnight beside the plan itself until the two warehouses
// hold the same parcels in the same state (from then on they run alike), and keeps the cut when
// every day from the day before on still clears its share. The plan ends with no day from which
// one staff member can be taken.
import type { Replicas } from './staffing-replicas.ts';
import type { DaySearch } from './staffing-search.ts';
import { clears, type Levels, type StaffingSetup } from './staffing-target.ts';

/** Days whose removals the search could not settle: one fewer missed only under a next day with no more staff than the plan now gives it. */
export function unsettled(search: DaySearch[]): [number, number][] {
  const out: [number, number][] = [];
  search.forEach((s, d) => {
    const next = search[d + 1]?.levels;
    s.removal.forEach((r, station) => {
      if (!r || r.prevFailed) return;
      if (next === undefined) return; // the last day: its run-out is staffed as itself, as when searched
      if (next[0] <= r.assumedNext[0] && next[1] <= r.assumedNext[1]) return;
      out.push([d, station]);
    });
  });
  return out;
}

/** Lowers the planned headcounts (in place) where one fewer still meets every day; returns the cuts made and the trials run. */
export async function makeMinimal(setup: StaffingSetup, replicas: Replicas, levels: Levels[], plannedShare: ArrayLike<number>, toTry: [number, number][]): Promise<{ cuts: number; trials: number }> {
  const { days, target } = setup;
  const planned = levels.length;
  let cuts = 0, trials = 0;
  if (toTry.length === 0) return { cuts, trials };
  await replicas.startMinimal(levels);

  /** Whether `cut` on day d still meets every day from the day before on. */
  const holds = async (d: number, cut: Levels): Promise<boolean> => {
    trials++;
    await replicas.startCut(d, cut);
    const firstDay = Math.max(0, d - 1);
    const meets = (shares: number[][], from: number) => shares.every((s, k) => clears(s, plannedShare[from + k], target));
    for (let m = d + 1; m <= days + 1; m++) {
      // A day's parcels are all in, or late, two midnights after it began; at the end, every day is.
      const from = m === days + 1 ? firstDay : Math.max(firstDay, m - 2);
      const to = m === days + 1 ? days - 1 : m - 2;
      const step = await replicas.step(m, from, to);
      if (!meets(step.shares, from)) return false;
      if (m === days + 1) return true;
      if (step.same) return meets(await replicas.merge(firstDay, to + 1), to + 1);
    }
    return false;
  };

  const byDay = new Map<number, number[]>();
  for (const [d, station] of toTry) byDay.set(d, [...(byDay.get(d) ?? []), station]);
  for (let d = 0; d < planned; d++) {
    for (const station of byDay.get(d) ?? []) {
      while (levels[d][station] > 0) {
        const cut: Levels = [...levels[d]];
        cut[station]--;
        const kept = await holds(d, cut);
        await replicas.endCut(d, cut, kept, levels[d]);
        if (!kept) break;
        levels[d] = cut;
        cuts++;
      }
    }
    if (d + 1 < planned && [...byDay.keys()].some((k) => k > d)) await replicas.nextMidnight(d, levels[d + 1]);
  }
  return { cuts, trials };
}
