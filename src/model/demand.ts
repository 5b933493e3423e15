// Demand (docs/model.md §1): orders arrive as a non-homogeneous Poisson process over the season's
// curve; each names a seller and one of its SKUs (two Zipf laws, by alias tables) and a quantity
// of 1 + Geometric units. Replayed orders (a seller's own, from demand.orders) come in beside them
// and replace the synthetic orders of the sellers they name (or all of them); scripted orders
// (what-ifs, hand-checked tests) too.
import { PoissonArrivals } from '../engine/index.ts';
import type { Market } from './state.ts';

export interface Demand {
  /** Schedules the season's first arrival. */
  start(): void;
  /** An extra order of `quantity` units of `sku` at `time`. */
  scheduleOrder(time: number, sku: number, quantity: number): void;
}

export function demand(m: Market): Demand {
  const { sim, world } = m;
  const arrivals = new PoissonArrivals(world.demandRate, sim.stream('demand.arrivals'));
  const pickSeller = sim.stream('demand.seller');
  const pickSku = sim.stream('demand.sku');
  const pickQuantity = sim.stream('demand.quantity');
  /** Success probability of the geometric part: mean quantity − 1 extra units. */
  const quantityP = 1 / m.scenario.demand.meanQuantity;
  const scripted: { sku: number; quantity: number }[] = [];
  const replayed = world.replayedSellers;
  const replay = world.replay;

  const ORDER = sim.on(placeOrders);
  const SCRIPTED = sim.on((i) => m.handoffs.acceptOrder(scripted[i].sku, scripted[i].quantity, world.unitValue[scripted[i].sku]));
  const REPLAYED = sim.on(placeReplayed);
  m.kept.set('demand', { saveState: () => ({ arrivals: arrivals.saveState(), scripted: structuredClone(scripted) }), restoreState: (s: { arrivals: Record<string, unknown>; scripted: typeof scripted }) => {
    arrivals.restoreState(s.arrivals);
    scripted.splice(0, scripted.length, ...structuredClone(s.scripted));
  } });

  /** Replayed order i now, and the next one's event: one pending event for the whole file. */
  function placeReplayed(i: number): void {
    const r = replay!;
    m.handoffs.acceptOrder(r.sku[i], r.quantity[i], r.unitValueCny[i]);
    if (i + 1 < r.count) sim.scheduleAt(r.time[i + 1], REPLAYED, i + 1);
  }

  /** Consecutive arrivals are handled in one event while nothing else falls between them. */
  function placeOrders(): void {
    for (;;) {
      // One draw from each demand stream per order, whatever happens to it: common random numbers.
      const seller = pickSeller.pick(world.sellerPicker);
      const sku = world.sellerFirstSku[seller] + pickSku.pick(world.sellerSkuPicker[seller]!);
      const quantity = 1 + pickQuantity.geometric(quantityP);
      // A seller whose own orders are replayed places no synthetic ones (the draws are still made).
      if (replayed === null || replayed[seller] === 0) m.handoffs.acceptOrder(sku, quantity, world.unitValue[sku]);
      const next = arrivals.next(sim.now);
      if (next >= world.horizon) return;
      if (!sim.advanceTo(next)) {
        sim.scheduleAt(next, ORDER, 0);
        return;
      }
    }
  }

  return {
    start() {
      if (replay && replay.count > 0) sim.scheduleAt(replay.time[0], REPLAYED, 0);
      if (!world.syntheticDemand) return;
      const first = arrivals.next(0);
      if (first < world.horizon) sim.scheduleAt(first, ORDER, 0);
    },
    scheduleOrder(time, sku, quantity) {
      if (!(sku >= 0 && sku < world.skuCount) || !Number.isInteger(quantity) || quantity < 1) {
        throw new RangeError(`scheduleOrder: need a SKU in [0, ${world.skuCount}) and a whole quantity >= 1, got ${sku}, ${quantity}`);
      }
      scripted.push({ sku, quantity });
      sim.scheduleAt(time, SCRIPTED, scripted.length - 1);
    },
  };
}
