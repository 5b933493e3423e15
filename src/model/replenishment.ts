// Replenishment (docs/model.md §3): each SKU's (s, S) is planned every midnight from its forecast
// over the days ahead, and its inventory position (on hand + on order − backordered) is reviewed
// continuously: at or below s, the seller orders up to S from the factory.
import type { Market } from './state.ts';
import { moveStock } from './state.ts';

export interface Replenishment {
  /** Plans today's (s, S) for every SKU; with `review`, reviews each as soon as it is planned (one pass over the SKUs). */
  plan(day: number, review?: boolean): void;
  review(sku: number): void;
  /** Each SKU starts the season at its order-up-to level (none under make-to-order). */
  stockUp(): void;
}

export function replenishment(m: Market): Replenishment {
  const { world, stock, handoffs } = m;
  const cumulativeDays = new Float64Array(world.expectedOrdersByDay.length + 1);
  for (let d = 0; d < world.expectedOrdersByDay.length; d++) {
    cumulativeDays[d + 1] = cumulativeDays[d] + world.expectedOrdersByDay[d];
  }

  /** Expected platform orders from the season start to day x (fractional), by the curve. */
  function expectedOrdersTo(x: number): number {
    const d = Math.min(Math.floor(x), cumulativeDays.length - 2);
    return cumulativeDays[d] + (x - d) * world.expectedOrdersByDay[d];
  }

  /**
   * (s, S) for the day: the SKU's expected units over the next reorderDays / orderUpToDays days by
   * the demand curve, planned at midnight. s is rounded up, so a SKU with any demand keeps a unit;
   * S stays above s. Make-to-order SKUs get s = −1: never reviewed.
   */
  function plan(day: number, andReview = false): void {
    const unitsPerOrder = m.scenario.demand.meanQuantity;
    const ahead = world.classes.map((c) => ({
      s: expectedOrdersTo(day + c.reorderDays) - expectedOrdersTo(day),
      S: expectedOrdersTo(day + c.orderUpToDays) - expectedOrdersTo(day),
      makeToOrder: c.makeToOrder,
    }));
    for (let sku = 0; sku < world.skuCount; sku++) {
      const a = ahead[world.sellerClass[world.skuSeller[sku]]];
      if (a.makeToOrder) { stock.setLevels(sku, -1, 0); continue; }
      const units = world.skuShare[sku] * unitsPerOrder;
      const reorder = Math.ceil(units * a.s);
      stock.setLevels(sku, reorder, Math.max(reorder + 1, Math.ceil(units * a.S)));
      // Reviewing SKU by SKU in index order is what a separate pass would do: only this SKU's
      // levels matter to its review, and factory orders are placed in the same order.
      if (andReview) review(sku);
    }
  }

  function review(sku: number): void {
    const reorder = stock.reorderLevel(sku);
    const position = stock.position(sku);
    if (position > reorder || reorder < 0) return;
    const quantity = stock.orderUpTo(sku) - position;
    if (quantity > 0) handoffs.orderFromFactory(sku, quantity);
  }

  function stockUp(): void {
    plan(0);
    for (let sku = 0; sku < world.skuCount; sku++) {
      const units = stock.reorderLevel(sku) < 0 ? 0 : stock.orderUpTo(sku);
      moveStock(m, sku, units);
      m.flows.initialStock += units;
    }
  }

  return { plan, review, stockUp };
}
