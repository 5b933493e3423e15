// The China day (docs/model.md §3, §6, §7): at each midnight the day's books close (orders accepted
// per seller), every SKU's (s, S) is re-planned and reviewed, and the day's class openings and SF
// pickups are put on the calendar.
import type { Market } from './state.ts';

export interface DayPlan {
  /** Puts the first midnight on the calendar. */
  start(): void;
}

export function day(m: Market, parts: { closeDay(day: number): void; plan(day: number, review: boolean): void; openKind: number; pickupKind: number }): DayPlan {
  const { sim, world } = m;
  const MIDNIGHT = sim.on(midnight);

  function midnight(d: number): void {
    if (d > 0) {
      parts.closeDay(d);
      parts.plan(d, true); // and review every SKU against its new levels
    }
    const base = d * 24;
    world.classes.forEach((rules, c) => {
      if (world.classRange[c].end === world.classRange[c].first) return;
      sim.scheduleAt(base + rules.open, parts.openKind, c);
      for (const h of rules.pickupHours) sim.scheduleAt(base + h, parts.pickupKind, c);
    });
    if (d + 1 < world.days) sim.scheduleAt(base + 24, MIDNIGHT, d + 1);
  }

  return { start: () => void sim.schedule(0, MIDNIGHT, 0) };
}
