// Demand (docs/model.md §1): orders arrive as a non-homogeneous Poisson process over the season's
// curve; each names a seller and one of its SKUs (two Zipf laws, by alias tables) and a quantity
// of 1 + Geometric units. Scripted orders (what-ifs, hand-checked tests) come in beside them.
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

  const ORDER = sim.on(placeOrders);
  const SCRIPTED = sim.on((i) => m.handoffs.acceptOrder(scripted[i].sku, scripted[i].quantity));

  /** Consecutive arrivals are handled in one event while nothing else falls between them. */
  function placeOrders(): void {
    for (;;) {
      // One draw from each demand stream per order, whatever happens to it: common random numbers.
      const seller = pickSeller.pick(world.sellerPicker);
      const rules = world.classes[world.sellerClass[seller]];
      const sku = world.sellerFirstSku[seller] + pickSku.pick(rules.skuPicker!);
      const quantity = 1 + pickQuantity.geometric(quantityP);
      m.handoffs.acceptOrder(sku, quantity);
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
