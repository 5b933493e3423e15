// How big a trace will be, before the run: the orders a replication is expected to place, the
// synthetic demand's by the season's curve and the replayed ones, for the command's and the page's
// limits alike.
import { dailyCurve } from '../model/curves.ts';
import { horizonHours } from '../scenario/time.ts';
import type { Scenario } from '../scenario/types.ts';

/** Orders a replication is expected to place (rows of its orders trace). */
export function expectedOrders(scenario: Scenario): number {
  let orders = scenario.tables?.orders?.count ?? 0;
  if (scenario.demand.ordersReplace === 'platform' && scenario.tables?.orders) return orders;
  const days = Math.round(horizonHours(scenario.season) / 24);
  for (const m of dailyCurve(scenario.demand.dayMultiplier, scenario.season.start, days)) orders += m * scenario.demand.ordersPerDay;
  return orders;
}
