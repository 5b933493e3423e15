// The entities in flight as packed records (docs/code-layout.md, "Entities"): orders, parcels and the
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

  private grow(): void {
    const n = this.capacity * 2;
    this.resize(n);
    const next = new Int32Array(n);
    next.set(this.nextFree);
    this.nextFree = next;
    this.capacity = n;
  }

  /** Makes room for `n` slots: by default doubles every column, each typed-array field holding one or more entries per slot. */
  protected resize(n: number): void {
    const self = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(self)) {
      if (key === 'nextFree') continue;
      const v = self[key];
      if (ArrayBuffer.isView(v) && (v as Column).length % this.capacity === 0) {
        const bigger = new ((v as Column).constructor as new (n: number) => Column)(((v as Column).length / this.capacity) * n);
        bigger.set(v as Column);
        self[key] = bigger;
      }
    }
  }
}

// An order is one 64-byte record (a cache line) seen through two views of one buffer: four
// floats, then ints, then its quantity as a float (a stocking batch's units can pass 2^31).
// Visiting an order that went cold since it was placed (at dispatch, inspection, put-away) costs
// one cache miss, not one per field or one per view.
// The last float holds the backorder wait ticket, negated, while the order waits for stock, and
// its packed-at time (>= 0) once a packer has it: an order never needs both at once, and a ticket
// read after packing (a stale deadline) can never match.
const PLACED_AT = 0, VALUE = 1, FINES = 2, PACKED_AT_OR_TICKET = 3, QUANTITY = 7;
const SKU = 8, SELLER = 9, NEXT = 11, KIND = 12;
/** What a record is: a customer's order, or a pre-stock seller's stocking batch (docs/model.md §16). */
const ORDER = 0, BATCH = 1;

/**
 * Orders accepted by a seller and not yet ended (fulfilled, rejected or cancelled), and a pre-stock
 * seller's stocking batches from request to the shelf: a batch is an order the warehouse places
 * with the seller, so it rides the same packing, pickup, courier, receiving and QC as any order.
 */
export class Orders extends Pool {
  /** [placed at, value CNY, fines CNY, packed at or −wait ticket, …, quantity] per order: 8 floats. */
  private floats = new Float64Array(this.capacity * 8);
  /** The same records as ints: sku, seller at ints 8–9, next at 11, kind at 12 of each 16; `next` links whichever FIFO line it is in. */
  private ints = new Int32Array(this.floats.buffer);

  protected override resize(n: number): void {
    const floats = new Float64Array(n * 8);
    floats.set(this.floats);
    this.floats = floats;
    this.ints = new Int32Array(floats.buffer);
  }

  /** A new order of `quantity` units of `sku` from `seller`, placed at `placedAt`, worth `value` CNY. */
  open(sku: number, seller: number, quantity: number, placedAt: number, value: number): number {
    const o = this.alloc();
    const f = o << 3, i = o << 4;
    this.floats[f + PLACED_AT] = placedAt;
    this.floats[f + VALUE] = value;
    this.floats[f + FINES] = 0;
    this.floats[f + PACKED_AT_OR_TICKET] = 0;
    this.ints[i + SKU] = sku;
    this.ints[i + SELLER] = seller;
    this.floats[f + QUANTITY] = quantity;
    this.ints[i + KIND] = ORDER;
    return o;
  }

  /** Stocking batches among the live records. */
  batchesLive = 0;

  /** A stocking batch of `quantity` units of `sku` from `seller`, requested at `requestedAt`, worth `value` CNY at retail. */
  openBatch(sku: number, seller: number, quantity: number, requestedAt: number, value: number): number {
    const o = this.open(sku, seller, quantity, requestedAt, value);
    this.ints[(o << 4) + KIND] = BATCH;
    this.batchesLive++;
    return o;
  }

  override free(o: number): void {
    if (this.ints[(o << 4) + KIND] === BATCH) this.batchesLive--;
    super.free(o);
  }

  /** True for a stocking batch, false for a customer's order. */
  isBatch(o: number): boolean { return this.ints[(o << 4) + KIND] === BATCH; }
  /** A batch's units after QC took out the defective ones (its value follows). */
  setQuantity(o: number, quantity: number, value: number): void {
    this.floats[(o << 3) + QUANTITY] = quantity;
    this.floats[(o << 3) + VALUE] = value;
  }

  sku(o: number): number { return this.ints[(o << 4) + SKU]; }
  seller(o: number): number { return this.ints[(o << 4) + SELLER]; }
  quantity(o: number): number { return this.floats[(o << 3) + QUANTITY]; }
  placedAt(o: number): number { return this.floats[(o << 3) + PLACED_AT]; }
  value(o: number): number { return this.floats[(o << 3) + VALUE]; }
  /** Fines assessed on this order so far, CNY. */
  fines(o: number): number { return this.floats[(o << 3) + FINES]; }
  addFine(o: number, cny: number): void { this.floats[(o << 3) + FINES] += cny; }
  /** When its packer is done with it (set when a packer takes it). */
  packedAt(o: number): number { return this.floats[(o << 3) + PACKED_AT_OR_TICKET]; }
  setPackedAt(o: number, t: number): void { this.floats[(o << 3) + PACKED_AT_OR_TICKET] = t; }
  /** The order after it in its line (a backorder line, a packing line, a parcel), or −1. */
  next(o: number): number { return this.ints[(o << 4) + NEXT]; }
  setNext(o: number, next: number): void { this.ints[(o << 4) + NEXT] = next; }
  /** Ticket of its current wait as a backorder (> 0), or 0 when not waiting: see stockout.ts. */
  waitTicket(o: number): number {
    const x = this.floats[(o << 3) + PACKED_AT_OR_TICKET];
    return x < 0 ? -x : 0;
  }
  setWaitTicket(o: number, ticket: number): void { this.floats[(o << 3) + PACKED_AT_OR_TICKET] = -ticket; }
}

/** Parcels from a pickup to put-away: a seller's orders travelling together. */
export class Parcels extends Pool {
  seller = new Int32Array(this.capacity);
  /** First of its orders, linked through Orders.next. */
  firstOrder = new Int32Array(this.capacity);
  units = new Float64Array(this.capacity);
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
