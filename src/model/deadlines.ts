// Stockout deadlines (MODEL.md §9) without an event per backorder: every backorder's deadline
// is its time plus the same failAfterHours, so deadlines arrive in order and a FIFO ring holds
// them. A reserved order's entry simply goes stale (its ticket no longer matches) and is dropped
// when it reaches the front; only live fronts cost an event. Measured: most backorders are served
// in time, and each one used to cost a calendar push and a cancel.
import { unrollRing } from '../engine/index.ts';

export class Deadlines {
  private order = new Int32Array(1024);
  private ticket = new Float64Array(1024);
  private due = new Float64Array(1024);
  private first = 0;
  length = 0;

  push(order: number, ticket: number, due: number): void {
    if (this.length === this.order.length) this.grow();
    const i = (this.first + this.length) & (this.order.length - 1);
    this.order[i] = order;
    this.ticket[i] = ticket;
    this.due[i] = due;
    this.length++;
  }

  /** Front entry's order, ticket and due time (valid while length > 0). */
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
