// The warehouse shelf under pre-stock (docs/model.md §17, §18): a pre-stock order is served at
// once from the SKU's units on the shelf (it ships from Zhaoqing: no seller packing, no 24-hour
// rule); with too few, its listing is off and the order is lost (fined prestockStockoutMultiple x
// its value if that is above 0). Stocking batches fill the shelf; with a shelf capacity, a batch
// that would overflow it waits at the warehouse, first come first served, and goes up as far as
// there is room. Occupancy (units on the shelf) is tracked hour by hour.
import { causeIndex } from './fine-causes.ts';
import { OrderLines } from './records.ts';
import { closeOrder, moveStock, type Market } from './state.ts';
import { FULFILLED, LOST_SHELF_EMPTY, SOLD_FROM_SHELF } from './trace.ts';

export interface Shelf {
  sell(sku: number, quantity: number, value: number): void;
  shelve(batch: number): void;
  /** The shelf as the season opens (after the first batches are stocked). */
  start(): void;
  /** Units on the shelf now. */
  readonly units: number;
  /** Units waiting for room now, and the most that ever waited. */
  readonly awaiting: number;
  readonly awaitingPeak: number;
  /** Units join (> 0) or leave (< 0) the shelf other than by a batch or a sale (the season-end return, a what-if start): the level and the waiting line follow. */
  changed(units: number): void;
}

export function shelf(m: Market): Shelf {
  const { sim, world, orders, stock, ledger, books, handoffs } = m;
  const capacity = m.scenario.prestock.shelfUnits ?? Infinity;
  const { cogsRatio } = m.scenario.factories;
  const { prestockStockoutMultiple } = m.scenario.rules;
  const cause = causeIndex(m.causes, 'prestockStockout');
  /** Batches waiting for room, oldest first (one line for the whole warehouse). */
  const waiting = new OrderLines(1);
  /** Units on the shelf, units of batches waiting for room, and the most that ever waited. */
  const held = { units: 0, awaiting: 0, awaitingPeak: 0, waiting };
  m.kept.set('shelf', held);

  function level(delta: number): void {
    held.units += delta;
    ledger.shelfLevel(sim.now, held.units);
  }

  function sell(sku: number, quantity: number, value: number): void {
    const seller = stock.seller(sku);
    const c = world.sellerClass[seller];
    if (stock.onHand(sku) < quantity) {
      ledger.lose(c, quantity, value);
      ledger.ordersLostOutOfStock++;
      ledger.lostSalesOutOfStockCny += value;
      if (prestockStockoutMultiple > 0) handoffs.fine(-1, seller, cause, prestockStockoutMultiple * value);
      m.trace?.endedAtOnce(sim.now, seller, sku, quantity, value, LOST_SHELF_EMPTY, prestockStockoutMultiple > 0 ? cause : -1, prestockStockoutMultiple * value);
      return;
    }
    moveStock(m, sku, -quantity);
    level(-quantity);
    m.flows.unitsSoldFromShelf += quantity;
    ledger.ordersFulfilled++;
    ledger.daily.traded(seller, sim.now);
    ledger.unitsFulfilled += quantity;
    ledger.revenueCny += value;
    books.addSale(seller, value, cogsRatio);
    m.trace?.endedAtOnce(sim.now, seller, sku, quantity, value, SOLD_FROM_SHELF);
    handoffs.review(sku);
    if (held.awaiting > 0) moveUp();
  }

  /** Puts up to the room left of a batch on the shelf; true if all of it went up. */
  function putUp(b: number): boolean {
    const sku = orders.sku(b), q = orders.quantity(b);
    const n = Math.min(q, capacity - held.units);
    if (n <= 0) return false;
    stock.addOnOrder(sku, -n);
    moveStock(m, sku, n);
    level(n);
    ledger.unitsShelved += n;
    ledger.unitsStockedHourly.add(sim.now, n);
    handoffs.firstStocked(sku);
    if (n < q) {
      orders.setQuantity(b, q - n, (q - n) * world.unitValue[sku]);
      return false;
    }
    closeOrder(m, b, FULFILLED);
    return true;
  }

  /** The waiting line moves up while there is room. */
  function moveUp(): void {
    for (let b = waiting.head(0); b >= 0 && held.units < capacity; b = waiting.head(0)) {
      const before = orders.quantity(b);
      const all = putUp(b);
      held.awaiting -= all ? before : before - orders.quantity(b);
      if (!all) return;
      waiting.shift(0, orders);
    }
  }

  return {
    sell,
    shelve(b) {
      if (waiting.head(0) < 0 && putUp(b)) return;
      held.awaiting += orders.quantity(b);
      if (held.awaiting > held.awaitingPeak) held.awaitingPeak = held.awaiting;
      waiting.push(0, b, orders);
    },
    start() {
      held.units = m.flows.initialShelf;
      ledger.shelfLevel(sim.now, held.units);
    },
    get units() { return held.units; },
    get awaiting() { return held.awaiting; },
    get awaitingPeak() { return held.awaitingPeak; },
    changed(n) {
      level(n);
      if (n < 0 && held.awaiting > 0) moveUp();
    },
  };
}
