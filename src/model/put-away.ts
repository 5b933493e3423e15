// Put-away (docs/model.md §13): an inspected parcel's accepted units are stocked putawayHours
// later. A customer's order is then fulfilled: revenue to the seller, dock-to-stock and
// order-to-stock. A stocking batch goes to the shelf (§18). Dock-to-stock of what arrived in the
// peak week is also kept apart, for the platform's side of the JIT / pre-stock comparison.
import type { Market } from './state.ts';
import { closeOrder } from './state.ts';
import { FULFILLED } from './trace.ts';

export type PutAway = (parcel: number, at: number) => void;

export function putAway(m: Market): PutAway {
  const { sim, world, orders, parcels, ledger, books, handoffs } = m;
  const { cogsRatio } = m.scenario.factories;
  const { from: peakFrom, to: peakTo } = world.peakWeek;
  const PUTAWAY = sim.on((p) => stock(p, sim.now));

  /** The orders of a parcel stocked at `now`. */
  function stock(p: number, now: number): void {
    const seller = parcels.seller[p];
    const arrived = parcels.arrivedAt[p];
    const dockToStock = now - arrived;
    const inPeakWeek = arrived >= peakFrom && arrived < peakTo;
    ledger.daily.parcelDockToStock.add(Math.floor(arrived / 24), dockToStock);
    let count = 0, units = 0, value = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      const next = orders.next(o);
      ledger.dockToStock.add(dockToStock);
      if (inPeakWeek) ledger.peakWeekDockToStock.add(dockToStock);
      if (orders.isBatch(o)) handoffs.shelve(o);
      else {
        count++;
        units += orders.quantity(o);
        value += orders.value(o);
        ledger.orderToStock.add(now - orders.placedAt(o));
        closeOrder(m, o, FULFILLED, now);
      }
      o = next;
    }
    ledger.ordersFulfilled += count;
    ledger.unitsFulfilled += units;
    ledger.revenueCny += value;
    ledger.unitsStockedHourly.add(now, units);
    if (count > 0) books.addSale(seller, value, cogsRatio);
    parcels.free(p);
  }

  // Nothing can happen to a parcel of orders during put-away, so it is stocked at once with its
  // future time, saving an event, unless the horizon or a warm-up falls in between: then it waits
  // for its time. Batches always wait: the shelf they fill is tracked hour by hour.
  return (p, at) => {
    const crossesWarmUp = m.warmUpPending > sim.now && m.warmUpPending <= at;
    if (at <= world.horizon && !crossesWarmUp && !orders.isBatch(parcels.firstOrder[p])) stock(p, at);
    else sim.scheduleAt(at, PUTAWAY, p);
  };
}
