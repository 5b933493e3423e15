// Put-away (docs/model.md §13): an inspected parcel's accepted units are stocked putawayHours
// later; its orders are then fulfilled: revenue to the seller, dock-to-stock and order-to-stock.
import type { Market } from './state.ts';
import { closeOrder } from './state.ts';

export type PutAway = (parcel: number, at: number) => void;

export function putAway(m: Market): PutAway {
  const { sim, world, orders, parcels, ledger, books } = m;
  const { cogsRatio } = m.scenario.factories;
  const PUTAWAY = sim.on((p) => stock(p, sim.now));

  /** The orders of a parcel stocked at `now`. */
  function stock(p: number, now: number): void {
    const seller = parcels.seller[p];
    const dockToStock = now - parcels.arrivedAt[p];
    let count = 0, units = 0, value = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      const next = orders.next(o);
      count++;
      units += orders.quantity(o);
      value += orders.value(o);
      ledger.dockToStock.add(dockToStock);
      ledger.orderToStock.add(now - orders.placedAt(o));
      closeOrder(m, o);
      o = next;
    }
    ledger.ordersFulfilled += count;
    ledger.unitsFulfilled += units;
    ledger.revenueCny += value;
    ledger.unitsStockedHourly.add(now, units);
    books.addSale(seller, value, cogsRatio);
    parcels.free(p);
  }

  // Nothing can happen to a parcel during put-away, so it is stocked at once with its future time,
  // saving an event, unless the horizon or a warm-up falls in between: then it waits for its time.
  return (p, at) => {
    const crossesWarmUp = m.warmUpPending > sim.now && m.warmUpPending <= at;
    if (at <= world.horizon && !crossesWarmUp) stock(p, at);
    else sim.scheduleAt(at, PUTAWAY, p);
  };
}
