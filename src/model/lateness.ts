// Lateness fines (docs/model.md §8): a shipped order is fined the multiple of the highest tier its
// ship delay exceeds (strictly: exactly 24 h is on time), times its value, assessed at dispatch.
// Under force majeure (§15) the fine is waived if a lockdown stopped the seller's pickups at any
// time between the order and its dispatch.
import { meets } from './disruptions.ts';
import type { Market } from './state.ts';

/** Assesses one order shipped now: counts it by tier and fines it if late. */
export type AssessLateness = (order: number, seller: number) => void;

export function lateness(m: Market): AssessLateness {
  const { sim, world, orders, ledger, handoffs } = m;
  const { forceMajeure } = m.scenario.rules;
  const tiers = m.causes.filter((c) => c.cause === 'late');
  const after = tiers.map((t) => t.afterHours!);
  const multiple = tiers.map((t) => t.multiple);
  const firstCause = m.causes.indexOf(tiers[0]);
  return (o, seller) => {
    const delay = sim.now - orders.placedAt(o);
    ledger.shipDelay.add(delay);
    let tier = 0;
    while (tier < after.length && delay > after[tier]) tier++;
    ledger.shippedByTier[tier]++;
    ledger.daily.shipped(sim.now, tier === 0);
    const c = world.sellerClass[seller];
    ledger.classOrdersShipped[c]++;
    if (tier === 0) ledger.classOrdersShippedOnTime[c]++;
    if (tier === 0) return;
    const cny = multiple[tier - 1] * orders.value(o);
    if (forceMajeure && meets(world.courierStops, seller, orders.placedAt(o), sim.now)) ledger.waive(cny);
    else handoffs.fine(o, seller, firstCause + tier - 1, cny);
  };
}
