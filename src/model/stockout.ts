// Stockout cancellation (docs/model.md §9): an order still unreserved `failAfterHours` after it
// was placed is cancelled, never ships, and is fined `stockoutMultiple` x its value; under force
// majeure (§15) the fine is waived if the SKU's factory was blocked (window or restart) when the
// order was placed.
// Without an event per backorder: every deadline is placed-at + the same failAfterHours, so they
// come due in order and a FIFO ring holds them. A reserved order's entry goes stale (its ticket no
// longer matches) and is dropped when it reaches the front; only live fronts cost an event.
import { unrollRing } from '../engine/index.ts';
import { inside } from './disruptions.ts';
import { causeIndex } from './fine-causes.ts';
import { closeOrder, type Market } from './state.ts';
import { CANCELLED } from './trace.ts';

export interface Stockout {
  /** An order joined its SKU's backorder line now: its clock starts. */
  backordered(order: number): void;
}

export function stockout(m: Market): Stockout {
  const { sim, world, orders, stock, ledger, handoffs } = m;
  const { failAfterHours, stockoutMultiple, forceMajeure } = m.scenario.rules;
  const cause = causeIndex(m.causes, 'stockout');
  const deadlines = new Deadlines();
  m.kept.set('stockout', deadlines);
  const FAIL = sim.on(failDue);

  /** Deadlines due now cancel their orders if still waiting; then one event for the next live one. */
  function failDue(): void {
    const now = sim.now;
    while (deadlines.length > 0) {
      const o = deadlines.frontOrder;
      const live = orders.waitTicket(o) === deadlines.frontTicket;
      if (live && deadlines.frontDue > now) {
        sim.scheduleAt(deadlines.frontDue, FAIL, 0);
        return;
      }
      deadlines.shift();
      if (live) cancel(o);
    }
  }

  function cancel(o: number): void {
    orders.setWaitTicket(o, 0);
    const sku = orders.sku(o), quantity = orders.quantity(o);
    stock.backorders.remove(sku, o, orders);
    stock.addBackordered(sku, -quantity);
    const cny = stockoutMultiple * orders.value(o);
    if (forceMajeure && inside(world.blocked, sku, orders.placedAt(o))) ledger.waive(cny);
    else handoffs.fine(o, orders.seller(o), cause, cny);
    ledger.ordersCancelled++;
    ledger.classOrdersCancelled[world.sellerClass[orders.seller(o)]]++;
    ledger.unitsCancelled += quantity;
    closeOrder(m, o, CANCELLED);
    // A smaller order behind it may now fit: the line moves on.
    handoffs.serveBackorders(sku);
    handoffs.review(sku);
  }

  return {
    backordered(o) {
      const ticket = ++deadlines.tickets;
      orders.setWaitTicket(o, ticket);
      const due = sim.now + failAfterHours;
      deadlines.push(o, ticket, due);
      if (deadlines.length === 1) sim.scheduleAt(due, FAIL, 0);
    },
  };
}

/** The ring of (order, ticket, due time), oldest first. */
class Deadlines {
  private order = new Int32Array(1024);
  private ticket = new Float64Array(1024);
  private due = new Float64Array(1024);
  private first = 0;
  length = 0;
  /** Tickets handed out so far: each wait gets a new one. */
  tickets = 0;

  push(order: number, ticket: number, due: number): void {
    if (this.length === this.order.length) this.grow();
    const i = (this.first + this.length) & (this.order.length - 1);
    this.order[i] = order;
    this.ticket[i] = ticket;
    this.due[i] = due;
    this.length++;
  }

  get frontOrder(): number { return this.order[this.first]; }
  get frontTicket(): number { return this.ticket[this.first]; }
  get frontDue(): number { return this.due[this.first]; }

  shift(): void {
    this.first = (this.first + 1) & (this.order.length - 1);
    this.length--;
  }

  private grow(): void {
    const n = this.order.length * 2;
    this.order = unrollRing(this.order, this.first, new Int32Array(n));
    this.ticket = unrollRing(this.ticket, this.first, new Float64Array(n));
    this.due = unrollRing(this.due, this.first, new Float64Array(n));
    this.first = 0;
  }
}
