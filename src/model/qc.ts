// Quality control (docs/model.md §12): parcels queue FIFO for the QC staff (rostered like
// receiving); inspection takes perParcelMinutes + perUnitMinutes x units. Each unit is defective
// with its seller's rate; an order with a defective unit is rejected, fined qualityMultiple x its
// value (on top of any lateness fine), and its units go back at the seller's cost.
import { pow, Resource } from '../engine/index.ts';
import { shippingPrice } from './courier.ts';
import { causeIndex } from './fine-causes.ts';
import { closeOrder, type Market } from './state.ts';

export interface Qc {
  joinQc(parcel: number): void;
  readonly staff: Resource;
}

export function qc(m: Market): Qc {
  const { sim, world, orders, parcels, ledger, books, handoffs } = m;
  const { perParcelMinutes, perUnitMinutes } = m.scenario.warehouse.qc;
  const { qualityMultiple } = m.scenario.rules;
  const { cogsRatio } = m.scenario.factories;
  const cause = causeIndex(m.causes, 'quality');
  const defects = sim.stream('qc.defects');
  const START = sim.on(start);
  const DONE = sim.on(inspected);
  const staff = new Resource(sim, { roster: world.qcRoster, immediateGrants: true });

  function joinQc(p: number): void {
    const now = sim.now;
    parcels.queuedAt[p] = now;
    if (staff.acquire(START, p)) start(p);
    else ledger.qcQueue.update(now, staff.queueLength);
  }

  function start(p: number): void {
    const now = sim.now;
    ledger.qcWait.add(now - parcels.queuedAt[p]);
    ledger.qcQueue.update(now, staff.queueLength);
    sim.schedule((perParcelMinutes + perUnitMinutes * parcels.units[p]) / 60, DONE, p);
  }

  function inspected(p: number): void {
    staff.release();
    ledger.qcQueue.update(sim.now, staff.queueLength);
    const seller = parcels.seller[p];
    const rate = world.sellerDefectRate[seller];
    let kept = -1, last = -1, returnedWeight = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      const next = orders.next(o);
      const q = orders.quantity(o);
      // P(at least one of q units defective) in one draw per order.
      if (defects.random() < (q === 1 ? rate : 1 - pow(1 - rate, q))) {
        returnedWeight += q * world.unitWeight[orders.sku(o)];
        books.addGoodsCost(seller, orders.value(o) * cogsRatio);
        handoffs.fine(o, seller, cause, qualityMultiple * orders.value(o));
        ledger.ordersRejected++;
        ledger.unitsRejected += q;
        closeOrder(m, o);
      } else {
        if (last < 0) kept = o; else orders.setNext(last, o);
        last = o;
      }
      o = next;
    }
    if (last >= 0) orders.setNext(last, -1);
    if (returnedWeight > 0) {
      const cost = shippingPrice(m, returnedWeight);
      books.addShipping(seller, cost);
      ledger.returnShippingCostCny += cost;
      ledger.parcelsReturned++;
    }
    if (kept < 0) {
      parcels.free(p);
      return;
    }
    parcels.firstOrder[p] = kept;
    handoffs.putAway(p, sim.now + m.scenario.warehouse.putawayHours);
  }

  return { joinQc, staff };
}
