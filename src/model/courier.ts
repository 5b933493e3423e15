// The courier, SF Express (docs/model.md §7, §10): its price for a parcel by weight, and transit
// to Zhaoqing, lognormal per origin region, slowed by the season's peak factor on the pickup day.
import type { Market } from './state.ts';
import { draw } from './world.ts';

/** SF's price in CNY: the first kg, then each further started kg. */
export function shippingPrice(m: Market, weightKg: number): number {
  const { firstKgCny, perExtraKgCny } = m.scenario.courier.shipping;
  return firstKgCny + perExtraKgCny * (Math.max(1, Math.ceil(weightKg)) - 1);
}

/** Sends a parcel picked up now from `seller` to the warehouse, where it arrives after transit. */
export type SendToWarehouse = (parcel: number, seller: number) => void;

export function transit(m: Market): SendToWarehouse {
  const { sim, world, ledger } = m;
  const transitTime = sim.stream('courier.transit');
  const ARRIVE = sim.on((p) => m.handoffs.arrive(p));
  return (p, seller) => {
    const law = world.transit[world.sellerRegion[seller]];
    const slowdown = world.slowdownByDay[Math.min(Math.floor(sim.now / 24), world.slowdownByDay.length - 1)];
    const hours = draw(transitTime, law) * slowdown;
    ledger.transit.add(hours);
    sim.schedule(hours, ARRIVE, p);
  };
}
