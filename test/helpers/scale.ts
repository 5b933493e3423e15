// Platform-scale scenarios shrunk for tests: sellers, daily orders and warehouse staff divided by
// one factor, so the queues keep their load while a season runs in about a second.
import type { Scenario } from '../../src/scenario/types.ts';

/** Divides a platform-scale scenario (100 sellers or more) by `k`; a small one is returned as is. */
export function shrunk(s: Scenario, k = 20): Scenario {
  if (s.sellers.count < 100) return s;
  s.sellers.count = Math.round(s.sellers.count / k);
  s.demand.ordersPerDay /= k;
  for (const stage of [s.warehouse.receiving.staff, s.warehouse.qc.staff]) {
    stage.byHour = stage.byHour.map((n) => Math.ceil(n / k));
    for (const o of stage.overrides) o.byHour = o.byHour.map((n) => Math.ceil(n / k));
  }
  return s;
}
