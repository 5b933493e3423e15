// Warm-up (docs/results.md): statistics may start at a time inside the season;
// what happened before is discarded. Counters are snapshot there and subtracted at the end, the
// distributions (which cannot be subtracted) and the queue and staff levels restart there.
import type { Resource } from '../engine/index.ts';
import type { SellerTotals } from './seller-books.ts';
import type { Market } from './state.ts';

/** What a run counts, net of the warm-up. */
export interface Counted {
  /** When counting started (0 without a warm-up). */
  fromHours: number;
  sellers: SellerTotals;
  /** Sellers whose deposit first went below zero after the warm-up (1) or not (0). */
  exhausted: Uint8Array;
  /** Sellers suspended after the warm-up (1) or not (0). */
  suspendedSellers: Uint8Array;
  suspended: number;
}

export interface WarmUp {
  /** Statistics count from `hours` on. */
  at(hours: number): void;
  /** At the end: subtracts the warm-up's counters from the ledger; what the run counted. */
  finish(): Counted;
}

export function warmUp(m: Market, stations: Resource[]): WarmUp {
  const { sim, world, ledger, books } = m;
  const holdingPerCnyHour = m.scenario.factories.holdingRatePerYear / (365 * 24);
  const START = sim.on(startCounting);
  /** The counters at the warm-up, once it has passed (kept with the market: snapshot.ts). */
  const counting: { base: { hours: number; ledger: Record<string, number | Float64Array>; sellers: SellerTotals; suspended: number; exhausted: Uint8Array; suspendedSellers: Uint8Array } | null } = { base: null };
  m.kept.set('warmUp', counting);

  function startCounting(): void {
    const now = sim.now;
    m.warmUpPending = -1;
    counting.base = {
      hours: now,
      ledger: ledger.counters(),
      sellers: books.totals(now, holdingPerCnyHour),
      suspended: books.suspendedCount,
      exhausted: books.exhausted(),
      suspendedSellers: books.suspendedNow(),
    };
    ledger.resetDistributions(now);
    m.trace?.restartCounts();
    for (const r of stations) for (const level of [r.busyLevel, r.queueLevel, r.capacityLevel]) level.reset(now);
  }

  return {
    at(hours) {
      if (!(hours >= 0 && hours < world.horizon)) {
        throw new RangeError(`warm-up must fall inside the season (0 to ${world.horizon} h), got ${hours} h`);
      }
      sim.scheduleAt(hours, START, 0);
      m.warmUpPending = hours;
    },
    finish() {
      const sellers = books.totals(sim.now, holdingPerCnyHour);
      const exhausted = books.exhausted();
      const suspendedSellers = books.suspendedNow();
      const base = counting.base;
      if (!base) return { fromHours: 0, sellers, exhausted, suspendedSellers, suspended: books.suspendedCount };
      ledger.subtract(base.ledger);
      for (const key of ['revenue', 'goodsCost', 'shipping', 'returns', 'topUps', 'holding'] as const) {
        for (let s = 0; s < sellers[key].length; s++) sellers[key][s] -= base.sellers[key][s];
      }
      sellers.finesByCause.forEach((a, c) => { for (let s = 0; s < a.length; s++) a[s] -= base.sellers.finesByCause[c][s]; });
      for (let s = 0; s < exhausted.length; s++) {
        if (base.exhausted[s]) exhausted[s] = 0;
        if (base.suspendedSellers[s]) suspendedSellers[s] = 0;
      }
      return { fromHours: base.hours, sellers, exhausted, suspendedSellers, suspended: books.suspendedCount - base.suspended };
    },
  };
}
