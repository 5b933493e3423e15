// Factories (docs/model.md §3, §4): a factory order takes a lognormal lead time of production,
// which stands still while the SKU's factory is blocked by a disruption window and its restart;
// the units then land in the seller's stock, backorders are served and the SKU is reviewed.
import { Pool } from './records.ts';
import { productionDone } from './disruptions.ts';
import { moveStock, type Market } from './state.ts';
import { draw } from './world.ts';

/** Factory orders in production: [sku, quantity] per order, side by side (one cache miss at delivery); doubles, as a quantity can pass 2^31. */
export class FactoryOrders extends Pool {
  private rec = new Float64Array(this.capacity * 2);

  open(sku: number, quantity: number): number {
    const f = this.alloc();
    this.rec[f << 1] = sku;
    this.rec[(f << 1) + 1] = quantity;
    return f;
  }

  sku(f: number): number { return this.rec[f << 1]; }
  quantity(f: number): number { return this.rec[(f << 1) + 1]; }
}

export interface Factory {
  orderFromFactory(sku: number, quantity: number): void;
  /** Factory orders in production now. */
  readonly inProduction: FactoryOrders;
}

export function factory(m: Market): Factory {
  const { sim, world, stock, ledger, handoffs } = m;
  const leadTime = sim.stream('factory.leadTime');
  const inProduction = new FactoryOrders(256);
  m.kept.set('factory', inProduction);
  const DELIVERY = sim.on(deliver);

  function orderFromFactory(sku: number, quantity: number): void {
    const f = inProduction.open(sku, quantity);
    stock.addOnOrder(sku, quantity);
    ledger.factoryOrders++;
    ledger.unitsPurchased += quantity;
    sim.scheduleAt(productionDone(world.blocked, sku, sim.now, draw(leadTime, world.skuLeadTime?.[sku] ?? world.leadTime)), DELIVERY, f);
  }

  function deliver(f: number): void {
    const sku = inProduction.sku(f), quantity = inProduction.quantity(f);
    inProduction.free(f);
    stock.addOnOrder(sku, -quantity);
    m.flows.unitsDelivered += quantity;
    moveStock(m, sku, quantity);
    handoffs.serveBackorders(sku);
    handoffs.review(sku);
  }

  return { orderFromFactory, inProduction };
}
