// Stocking batches and their approval (docs/model.md §16): when a pre-stock seller's review calls
// for stock, it asks the platform to approve a batch (approvalHours, lognormal); once approved, its
// factory produces it (the factory lead time, standing still in disruptions, as under JIT) — a new
// product's first batch comes from its launch stock instead — and then the seller packs it and SF
// takes it to the warehouse like any parcel. Every unit of a batch counts as on its way to the shelf
// (on order) from the request until it is stocked or rejected.
import { productionDone } from './disruptions.ts';
import type { Market } from './state.ts';
import { draw, lognormalLaw } from './world.ts';

export type RequestBatch = (sku: number, quantity: number, launchStock: boolean) => void;

export function approval(m: Market): RequestBatch {
  const { sim, world, orders, stock, ledger, handoffs } = m;
  const approvalLaw = lognormalLaw(m.scenario.prestock.approvalHours.medianHours, m.scenario.prestock.approvalHours.p90Hours);
  const approvalTime = sim.stream('prestock.approval');
  const productionTime = sim.stream('factory.leadTime');
  /** Batches of launch stock: they skip the factory. */
  const fromLaunchStock = new Set<number>();
  m.kept.set('approval', { fromLaunchStock });
  const APPROVED = sim.on(approved);
  const PRODUCED = sim.on((b) => handoffs.reserve(b));

  function approved(b: number): void {
    if (fromLaunchStock.delete(b)) {
      handoffs.reserve(b);
      return;
    }
    const sku = orders.sku(b), quantity = orders.quantity(b);
    ledger.factoryOrders++;
    ledger.unitsPurchased += quantity;
    m.flows.unitsProducedForShelf += quantity;
    sim.scheduleAt(productionDone(world.blocked, sku, sim.now, draw(productionTime, world.skuLeadTime?.[sku] ?? world.leadTime)), PRODUCED, b);
  }

  return (sku, quantity, launchStock) => {
    const seller = stock.seller(sku);
    const b = orders.openBatch(sku, seller, quantity, sim.now, quantity * world.unitValue[sku]);
    stock.addOnOrder(sku, quantity);
    m.flows.unitsBatched += quantity;
    ledger.stockingBatches++;
    if (launchStock) fromLaunchStock.add(b);
    sim.schedule(draw(approvalTime, approvalLaw), APPROVED, b);
  };
}
