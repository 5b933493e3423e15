// The entities in flight as packed records (docs/model.md, "Entities"): orders, parcels and the
// FIFO lines orders wait in. Slots in typed arrays that double when full, with a free list, so
// nothing is allocated per order; rule code reads them through named accessors only.

type Column = Float64Array | Int32Array | Uint8Array;

/** A pool of slots: columns of typed arrays (every typed-array field) and a free list. */
export abstract class Pool {
  capacity: number;
  /** Slots in use now. */
  live = 0;
  private nextFree: Int32Array;
  private freeHead = -1;
  private used = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.nextFree = new Int32Array(capacity);
  }

  alloc(): number {
    this.live++;
    if (this.freeHead >= 0) {
      const i = this.freeHead;
      this.freeHead = this.nextFree[i];
      return i;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  free(i: number): void {
    this.live--;
    this.nextFree[i] = this.freeHead;
    this.freeHead = i;
  }

  /** Doubles every column: the typed-array fields holding one or more entries per slot. */
  private grow(): void {
    const n = this.capacity * 2;
    const self = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(self)) {
      const v = self[key];
      if (ArrayBuffer.isView(v) && (v as Column).length % this.capacity === 0) {
        const bigger = new ((v as Column).constructor as new (n: number) => Column)(((v as Column).length / this.capacity) * n);
        bigger.set(v as Column);
        self[key] = bigger;
      }
    }
    this.capacity = n;
  }
}

// An order's integer fields share one 16-byte record and its times and money one 32-byte
// record: visiting an order that went cold since it was placed (at dispatch, inspection,
// put-away) then costs two cache misses instead of one per field.
const SKU = 0, SELLER = 1, QUANTITY = 2, NEXT = 3;
const PLACED_AT = 0, VALUE = 1, FINES = 2, PACKED_AT = 3;

/** Orders accepted by a seller and not yet ended (fulfilled, rejected or cancelled). */
export class Orders extends Pool {
  /** [sku, seller, quantity, next] per order; `next` links whichever FIFO line it is in. */
  private ints = new Int32Array(this.capacity * 4);
  /** [placed at, value CNY, fines CNY, packed at] per order. */
  private floats = new Float64Array(this.capacity * 4);
  /** Ticket of its current wait as a backorder (0 when not waiting): see stockout.ts. */
  private tickets = new Float64Array(this.capacity);

  /** A new order of `quantity` units of `sku` from `seller`, placed at `placedAt`, worth `value` CNY. */
  open(sku: number, seller: number, quantity: number, placedAt: number, value: number): number {
    const o = this.alloc();
    const i = o << 2;
    this.floats[i + PLACED_AT] = placedAt;
    this.ints[i + SELLER] = seller;
    this.ints[i + SKU] = sku;
    this.ints[i + QUANTITY] = quantity;
    this.floats[i + VALUE] = value;
    this.floats[i + FINES] = 0;
    this.tickets[o] = 0;
    return o;
  }

  sku(o: number): number { return this.ints[(o << 2) + SKU]; }
  seller(o: number): number { return this.ints[(o << 2) + SELLER]; }
  quantity(o: number): number { return this.ints[(o << 2) + QUANTITY]; }
  placedAt(o: number): number { return this.floats[(o << 2) + PLACED_AT]; }
  value(o: number): number { return this.floats[(o << 2) + VALUE]; }
  /** Fines assessed on this order so far, CNY. */
  fines(o: number): number { return this.floats[(o << 2) + FINES]; }
  addFine(o: number, cny: number): void { this.floats[(o << 2) + FINES] += cny; }
  /** When its packer is done with it (set when a packer takes it). */
  packedAt(o: number): number { return this.floats[(o << 2) + PACKED_AT]; }
  setPackedAt(o: number, t: number): void { this.floats[(o << 2) + PACKED_AT] = t; }
  /** The order after it in its line (a backorder line, a packing line, a parcel), or −1. */
  next(o: number): number { return this.ints[(o << 2) + NEXT]; }
  setNext(o: number, next: number): void { this.ints[(o << 2) + NEXT] = next; }
  waitTicket(o: number): number { return this.tickets[o]; }
  setWaitTicket(o: number, ticket: number): void { this.tickets[o] = ticket; }
}

/** Parcels from a pickup to put-away: a seller's orders travelling together. */
export class Parcels extends Pool {
  seller = new Int32Array(this.capacity);
  /** First of its orders, linked through Orders.next. */
  firstOrder = new Int32Array(this.capacity);
  units = new Int32Array(this.capacity);
  arrivedAt = new Float64Array(this.capacity);
  /** When it joined the queue it is in (receiving or QC). */
  queuedAt = new Float64Array(this.capacity);

  /** A new parcel of `seller`'s orders from `firstOrder` on, `units` units in all. */
  open(seller: number, firstOrder: number, units: number): number {
    const p = this.alloc();
    this.seller[p] = seller;
    this.firstOrder[p] = firstOrder;
    this.units[p] = units;
    return p;
  }
}

/**
 * A FIFO line of orders per owner (a SKU's backorders, a seller's packing line), linked through
 * Orders.next. An owner's head and tail sit side by side, at `offset` in its record of `stride`
 * ints within `links` (its own array by default), so they share a cache line with the owner.
 */
export class OrderLines {
  private readonly links: Int32Array;
  constructor(owners: number, links?: Int32Array, private readonly stride = 2, private readonly offset = 0) {
    this.links = links ?? new Int32Array(owners * stride);
    for (let i = 0; i < owners; i++) this.links[i * stride + offset] = this.links[i * stride + offset + 1] = -1;
  }

  head(owner: number): number {
    return this.links[owner * this.stride + this.offset];
  }

  push(owner: number, order: number, orders: Orders): void {
    const i = owner * this.stride + this.offset;
    orders.setNext(order, -1);
    if (this.links[i + 1] < 0) this.links[i] = order;
    else orders.setNext(this.links[i + 1], order);
    this.links[i + 1] = order;
  }

  shift(owner: number, orders: Orders): number {
    const i = owner * this.stride + this.offset;
    const o = this.links[i];
    if (o < 0) return -1;
    this.links[i] = orders.next(o);
    if (this.links[i] < 0) this.links[i + 1] = -1;
    return o;
  }

  /** Takes an order out wherever it stands (a walk from the head: lines are FIFO by age, so short). */
  remove(owner: number, order: number, orders: Orders): void {
    const i = owner * this.stride + this.offset;
    let prev = -1;
    for (let cur = this.links[i]; cur !== order; cur = orders.next(cur)) prev = cur;
    const after = orders.next(order);
    if (prev < 0) this.links[i] = after; else orders.setNext(prev, after);
    if (this.links[i + 1] === order) this.links[i + 1] = prev;
  }

  /** Takes the whole line, returning its first order (the rest follow through Orders.next). */
  takeAll(owner: number): number {
    const i = owner * this.stride + this.offset;
    const o = this.links[i];
    this.links[i] = this.links[i + 1] = -1;
    return o;
  }
}
