// A store of stock as a level (SimPy's Container): put adds, get takes and waits when there is
// not enough. Waiters are served strictly in arrival order: a small later get never overtakes a
// large earlier one, which is how a FIFO backorder queue behaves.
import type { Scheduler } from './scheduler.ts';
import type { Process, Waitable } from './process.ts';
import { WaitingLine } from './waiting-line.ts';

export interface StoreOptions {
  /** Units on hand at the start (default 0). */
  initial?: number;
  /** Most units it holds (default unlimited); a put that would overflow waits. */
  capacity?: number;
}

class Get implements Waitable {
  constructor(private readonly store: Store, private readonly amount: number) {}
  wait(process: Process): boolean {
    return this.store.take(this.amount, process.resumeKind, process.id);
  }
}

class Put implements Waitable {
  constructor(private readonly store: Store, private readonly amount: number) {}
  wait(process: Process): boolean {
    return this.store.give(this.amount, process.resumeKind, process.id);
  }
}

export class Store {
  level: number;
  readonly capacity: number;
  /** Gets waiting for stock, and puts waiting for room, oldest first. */
  readonly getters = new WaitingLine();
  readonly putters = new WaitingLine();

  constructor(private readonly sim: Scheduler, options: StoreOptions = {}) {
    const { initial = 0, capacity = Infinity } = options;
    if (!(capacity > 0)) throw new RangeError(`Store: capacity must be a number > 0, got ${capacity}`);
    if (!(initial >= 0 && initial <= capacity)) {
      throw new RangeError(`Store: initial must be a number in [0, capacity], got ${initial}`);
    }
    this.level = initial;
    this.capacity = capacity;
  }

  /**
   * Callback style: takes `amount` now if it is on hand and nobody waits before it (returns
   * true), else joins the line and fires (kind, payload) once its whole amount is taken.
   */
  take(amount: number, kind: number, payload: number): boolean {
    checkAmount('take', amount, this.capacity);
    if (this.getters.length === 0 && this.level >= amount) {
      this.level -= amount;
      this.servePutters();
      return true;
    }
    this.getters.push(kind, payload, amount, this.sim.now);
    return false;
  }

  /** Callback style: adds `amount` if there is room (returns true), else waits for room. */
  give(amount: number, kind: number, payload: number): boolean {
    checkAmount('give', amount, this.capacity);
    if (this.putters.length === 0 && this.level + amount <= this.capacity) {
      this.level += amount;
      this.serveGetters();
      return true;
    }
    this.putters.push(kind, payload, amount, this.sim.now);
    return false;
  }

  /** Adds stock that never waits for room (an unlimited store, e.g. a delivery arriving). */
  add(amount: number): void {
    checkAmount('add', amount, Infinity);
    if (this.level + amount > this.capacity) {
      throw new RangeError(`Store.add: ${amount} more would exceed the capacity ${this.capacity} (level ${this.level}); use put`);
    }
    this.level += amount;
    this.serveGetters();
  }

  /** Process style: `yield store.get(n)`. */
  get(amount: number): Waitable {
    checkAmount('get', amount, this.capacity);
    return new Get(this, amount);
  }

  /** Process style: `yield store.put(n)`. */
  put(amount: number): Waitable {
    checkAmount('put', amount, this.capacity);
    return new Put(this, amount);
  }

  private serveGetters(): void {
    const line = this.getters;
    let served = false;
    while (line.length > 0 && this.level >= line.amount[line.front]) {
      const i = line.front;
      this.level -= line.amount[i];
      this.sim.schedule(0, line.kind[i], line.payload[i]);
      line.shift();
      served = true;
    }
    if (served) this.servePutters();
  }

  private servePutters(): void {
    const line = this.putters;
    let served = false;
    while (line.length > 0 && this.level + line.amount[line.front] <= this.capacity) {
      const i = line.front;
      this.level += line.amount[i];
      this.sim.schedule(0, line.kind[i], line.payload[i]);
      line.shift();
      served = true;
    }
    if (served) this.serveGetters();
  }
}

function checkAmount(method: string, amount: number, capacity: number): void {
  if (!(amount > 0) || amount > capacity) {
    throw new RangeError(`Store.${method}: amount must be a number in (0, ${capacity}], got ${amount}`);
  }
}
