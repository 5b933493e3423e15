// Quality control (docs/model.md §12): parcels queue FIFO for the QC staff (rostered like
// receiving); inspection takes perParcelMinutes + perUnitMinutes x units. Each unit is defective
// with its seller's rate; an order with a defective unit is rejected, fined qualityMultiple x its
// value (on top of any lateness fine), and its units go back at the seller's cost. A stocking
// batch is judged unit by unit instead (§16).
import { normalQuantile, pow, Resource } from '../engine/index.ts';
import { shippingPrice } from './courier.ts';
import { causeIndex } from './fine-causes.ts';
import { closeOrder, type Market } from './state.ts';
import { INSPECTED, REJECTED } from './trace.ts';

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
  m.kept.set('qc', staff);

  function joinQc(p: number): void {
    const now = sim.now;
    parcels.queuedAt[p] = now;
    if (staff.acquire(START, p)) start(p);
    else ledger.qcQueue.update(now, staff.queueLength);
  }

  function start(p: number): void {
    const now = sim.now;
    ledger.qcWait.add(now - parcels.queuedAt[p]);
    ledger.daily.qcWait.add(Math.floor(parcels.queuedAt[p] / 24), now - parcels.queuedAt[p]);
    ledger.qcQueue.update(now, staff.queueLength);
    sim.schedule((perParcelMinutes + perUnitMinutes * parcels.units[p]) / 60, DONE, p);
  }

  function inspected(p: number): void {
    staff.release();
    ledger.qcQueue.update(sim.now, staff.queueLength);
    const seller = parcels.seller[p];
    const rate = world.sellerDefectRate[seller];
    if (m.trace) for (let o = parcels.firstOrder[p]; o >= 0; o = orders.next(o)) m.trace.mark(o, INSPECTED, sim.now);
    let kept = -1, last = -1, returnedWeight = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      // Read before inspecting: a line wholly rejected is closed, and its slot may serve anew.
      const next = orders.next(o), q = orders.quantity(o), sku = orders.sku(o);
      const rejected = orders.isBatch(o) ? inspectBatch(o, seller, rate) : inspectOrder(o, seller, rate);
      returnedWeight += rejected * world.unitWeight[sku];
      if (rejected < q) {
        if (last < 0) kept = o; else orders.setNext(last, o);
        last = o;
      }
      o = next;
    }
    if (last >= 0) orders.setNext(last, -1);
    if (returnedWeight > 0) {
      const cost = shippingPrice(m, returnedWeight);
      books.addReturns(seller, cost);
      ledger.returnShippingCostCny += cost;
      ledger.parcelsReturned++;
    }
    if (kept < 0) {
      // Wholly rejected: done with at the end of its inspection.
      m.inflow?.rejectedWhole(p);
      ledger.daily.parcelDockToStock.add(Math.floor(parcels.arrivedAt[p] / 24), sim.now - parcels.arrivedAt[p]);
      parcels.free(p);
      return;
    }
    parcels.firstOrder[p] = kept;
    handoffs.putAway(p, sim.now + m.scenario.warehouse.putawayHours);
  }

  /** A customer's order: P(at least one of its q units defective), in one draw; rejected whole. Returns the units rejected. */
  function inspectOrder(o: number, seller: number, rate: number): number {
    const q = orders.quantity(o);
    if (!(defects.random() < (q === 1 ? rate : 1 - pow(1 - rate, q)))) return 0;
    books.addGoodsCost(seller, orders.value(o) * cogsRatio);
    handoffs.fine(o, seller, cause, qualityMultiple * orders.value(o));
    ledger.ordersRejected++;
    ledger.unitsRejected += q;
    closeOrder(m, o, REJECTED);
    return q;
  }

  /**
   * A stocking batch is inspected unit by unit (§16): its defective units (a binomial count, one
   * draw per batch) are rejected, each fined qualityMultiple x its value, and sent back; the rest
   * go on. Returns the units rejected; a batch left with none is closed. The seller reviews the SKU
   * last (it may ask for a new batch at once), so nothing of the batch is read after.
   */
  function inspectBatch(b: number, seller: number, rate: number): number {
    const sku = orders.sku(b), q = orders.quantity(b);
    const bad = defectiveUnits(defects.random(), q, rate);
    if (bad === 0) return 0;
    const unitValue = world.unitValue[sku];
    books.addGoodsCost(seller, bad * unitValue * cogsRatio);
    handoffs.fine(b, seller, cause, qualityMultiple * bad * unitValue);
    ledger.unitsRejectedAtStocking += bad;
    m.stock.addOnOrder(sku, -bad);
    orders.setQuantity(b, q - bad, (q - bad) * unitValue);
    if (q === bad) closeOrder(m, b, REJECTED);
    handoffs.review(sku);
    return bad;
  }

  return { joinQc, staff };
}

/** The number of defective units among `n`, each defective with probability `p`: the binomial quantile at `u` (inversion). */
export function defectiveUnits(u: number, n: number, p: number): number {
  if (p <= 0 || n === 0) return 0;
  if (p >= 1) return n;
  let prob = pow(1 - p, n);
  if (prob < 1e-300) {
    // Beyond the doubles' range (a huge batch): the normal approximation, rounded and kept in [0, n].
    const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normalQuantile(Math.min(Math.max(u, 1e-12), 1 - 1e-12)));
    return Math.min(n, Math.max(0, k));
  }
  const odds = p / (1 - p);
  let k = 0, cdf = prob;
  while (u >= cdf && k < n) {
    k++;
    prob *= ((n - k + 1) / k) * odds;
    cdf += prob;
  }
  return k;
}
