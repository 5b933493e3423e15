// The overstock return (docs/model.md §18): at season end, a pre-stock SKU's shelf stock beyond
// returnAboveDays of its forecast demand (by the demand curve past the season) goes back to its
// seller, one parcel per seller, at the seller's cost by SF's price for the weight.
import { shippingPrice } from './courier.ts';
import type { Shelf } from './shelf.ts';
import { isPrestock, moveStock, type Market } from './state.ts';

export type ReturnOverstock = () => void;

export function returns(m: Market, shelf: Shelf): ReturnOverstock {
  const { world, stock, ledger, books } = m;
  const { returnAboveDays } = m.scenario.prestock;
  const { meanQuantity } = m.scenario.demand;
  return () => {
    // Expected platform orders over the returnAboveDays after the season (the curve is flat past its last point).
    const orders = world.expectedOrdersTo(world.days + returnAboveDays) - world.expectedOrdersTo(world.days);
    const weightBySeller = new Map<number, number>();
    let returned = 0;
    for (let sku = 0; sku < world.skuCount; sku++) {
      if (!isPrestock(m, sku)) continue;
      const keep = Math.ceil(world.skuShare[sku] * meanQuantity * orders);
      const excess = stock.onHand(sku) - keep;
      if (excess <= 0) continue;
      moveStock(m, sku, -excess);
      returned += excess;
      const seller = stock.seller(sku);
      weightBySeller.set(seller, (weightBySeller.get(seller) ?? 0) + excess * world.unitWeight[sku]);
    }
    for (const [seller, weight] of weightBySeller) {
      const cost = shippingPrice(m, weight);
      books.addReturns(seller, cost);
      ledger.overstockReturnCostCny += cost;
    }
    ledger.unitsReturnedOverstock += returned;
    if (returned > 0) shelf.changed(-returned);
  };
}
