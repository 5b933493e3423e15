// Listings and new products (docs/model.md §19): a product on sale from the season's start is
// listed throughout; a new one launches at its drawn time. Under JIT its seller has the launch
// stock in hand (up to its order-up-to level S) and the listing goes live after vetting; under
// pre-stock the seller asks to stock a first batch, capped at initialCap, and the listing goes
// live only when that batch is on the warehouse shelf. Orders before the listing are lost.
import { moveStock, isPrestock, type Market } from './state.ts';

export interface Listing {
  /** Puts every launch on the calendar and marks unlisted products. */
  start(): void;
  /** A pre-stock product's first batch is on the shelf now. */
  firstStocked(sku: number): void;
}

export function listing(m: Market): Listing {
  const { sim, world, stock, ledger, launches, listedAt, handoffs } = m;
  const { initialCap } = m.scenario.prestock;
  const LAUNCH = sim.on(launch);
  const LISTED = sim.on(listed);

  function launch(sku: number): void {
    ledger.productsLaunched++;
    handoffs.planSku(sku);
    const units = stock.reorderLevel(sku) < 0 ? 0 : stock.orderUpTo(sku);
    if (isPrestock(m, sku)) {
      // The first batch comes from the launch stock: approval, packing, SF and the warehouse, no factory.
      handoffs.requestBatch(sku, Math.min(initialCap, Math.max(1, units)), true);
    } else {
      m.flows.launchStock += units;
      moveStock(m, sku, units);
      sim.scheduleAt(listedAt[sku], LISTED, sku);
    }
  }

  function listed(sku: number): void {
    ledger.productsListed++;
    ledger.listingLeadTime.add(sim.now - launches.launchAt[sku]);
  }

  return {
    start() {
      for (let sku = 0; sku < world.skuCount; sku++) {
        const at = launches.launchAt[sku];
        if (at === 0) continue;
        listedAt[sku] = isPrestock(m, sku) ? Infinity : at + launches.vettingHours[sku];
        sim.scheduleAt(at, LAUNCH, sku);
      }
    },
    firstStocked(sku) {
      if (listedAt[sku] !== Infinity) return;
      listedAt[sku] = sim.now;
      listed(sku);
      handoffs.planSku(sku);
    },
  };
}
