// Allocation (docs/model.md §5): an order for a product not listed yet (§19) or for a suspended
// seller is lost, and so is one for a SKU whose listing its seller pauses while out of stock (§3);
// a pre-stock seller's order is served from the warehouse shelf (shelf.ts, §17); otherwise stock on
// hand is reserved for it at once, or it joins its SKU's FIFO backorder line and is reserved when
// stock arrives — oldest first, whole orders only, strictly in order.
import { moveStock, type Market } from './state.ts';
import { LOST_NOT_LISTED, LOST_PAUSED, LOST_SUSPENDED, RESERVED } from './trace.ts';

export interface Allocation {
  acceptOrder(sku: number, quantity: number, unitValue: number): void;
  serveBackorders(sku: number): void;
}

export function allocation(m: Market): Allocation {
  const { sim, world, orders, stock, ledger, books, handoffs, listedAt } = m;
  const { launchAt } = m.launches;
  /** Per class: does it pause a listing with nothing on hand and a factory order outstanding? */
  const pausesWhenOut = world.classes.map((c) => c.pauseListingWhenOut);
  /** Per class: does it sell from the warehouse shelf (pre-stock)? */
  const prestock = world.classes.map((c) => c.prestock);

  function acceptOrder(sku: number, quantity: number, unitValue: number): void {
    const now = sim.now;
    const seller = stock.seller(sku);
    const value = quantity * unitValue;
    ledger.ordersPlaced++;
    ledger.unitsOrdered += quantity;
    ledger.gmvCny += value;
    ledger.ordersPlacedHourly.add(now, 1);
    const c = world.sellerClass[seller];
    ledger.classOrdersPlaced[c]++;
    ledger.classGmvCny[c] += value;
    if (now < listedAt[sku]) {
      // A new product not listed yet (§19): before its launch, or launched and waiting for its listing.
      ledger.lose(c, quantity, value);
      if (now < launchAt[sku]) ledger.ordersLostBeforeLaunch++;
      else {
        ledger.ordersLostUnlisted++;
        ledger.lostSalesUnlistedCny += value;
      }
      m.trace?.endedAtOnce(now, seller, sku, quantity, value, LOST_NOT_LISTED);
      return;
    }
    const suspended = books.suspended(seller);
    if (!suspended && prestock[c]) {
      handoffs.sell(sku, quantity, value);
      return;
    }
    const paused = !suspended && pausesWhenOut[c] && stock.onHand(sku) === 0 && stock.onOrder(sku) > 0;
    if (suspended || paused) {
      ledger.lose(c, quantity, value);
      if (paused) ledger.ordersLostPaused++;
      m.trace?.endedAtOnce(now, seller, sku, quantity, value, paused ? LOST_PAUSED : LOST_SUSPENDED);
      return;
    }
    handoffs.accepted(seller);
    ledger.daily.traded(seller, now);
    const o = orders.open(sku, seller, quantity, now, value);
    m.trace?.opened(o, seller);
    if (stock.canReserve(sku, quantity)) {
      takeFromStock(o);
    } else {
      stock.backorders.push(sku, o, orders);
      stock.addBackordered(sku, quantity);
      handoffs.backordered(o);
      if (world.classes[c].makeToOrder) handoffs.orderFromFactory(sku, quantity);
    }
    handoffs.review(sku);
  }

  function serveBackorders(sku: number): void {
    for (let o = stock.backorders.head(sku); o >= 0 && stock.onHand(sku) >= orders.quantity(o); o = stock.backorders.head(sku)) {
      stock.backorders.shift(sku, orders);
      stock.addBackordered(sku, -orders.quantity(o));
      orders.setWaitTicket(o, 0); // its cancellation deadline goes stale
      takeFromStock(o);
    }
  }

  function takeFromStock(o: number): void {
    const q = orders.quantity(o);
    moveStock(m, orders.sku(o), -q);
    m.flows.unitsFromStock += q;
    m.trace?.mark(o, RESERVED, sim.now);
    handoffs.reserve(o);
  }

  return { acceptOrder, serveBackorders };
}
