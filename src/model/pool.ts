// A pool of slots for entities in flight (orders, parcels, factory orders): columns of typed
// arrays that double when full and a free list, so nothing is allocated per entity.

type Column = Float64Array | Int32Array | Uint8Array;

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
export const SKU = 0, SELLER = 1, QUANTITY = 2, NEXT = 3;
export const PLACED_AT = 0, VALUE = 1, FINES = 2, PACKED_AT = 3;

export class Orders extends Pool {
  /** [sku, seller, quantity, next] per order; `next` links whichever FIFO line it is in. */
  ints = new Int32Array(this.capacity * 4);
  /** [placed at, value CNY, fines CNY, packed at] per order. */
  floats = new Float64Array(this.capacity * 4);
  /** Ticket of its current wait as a backorder (0 when not waiting): see Deadlines. */
  waitTicket = new Float64Array(this.capacity);
}

export class Parcels extends Pool {
  seller = new Int32Array(this.capacity);
  firstOrder = new Int32Array(this.capacity);
  units = new Int32Array(this.capacity);
  arrivedAt = new Float64Array(this.capacity);
  queuedAt = new Float64Array(this.capacity);
}

export class FactoryOrders extends Pool {
  sku = new Int32Array(this.capacity);
  quantity = new Int32Array(this.capacity);
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
    orders.ints[(order << 2) + NEXT] = -1;
    if (this.links[i + 1] < 0) this.links[i] = order;
    else orders.ints[(this.links[i + 1] << 2) + NEXT] = order;
    this.links[i + 1] = order;
  }

  shift(owner: number, orders: Orders): number {
    const i = owner * this.stride + this.offset;
    const o = this.links[i];
    if (o < 0) return -1;
    this.links[i] = orders.ints[(o << 2) + NEXT];
    if (this.links[i] < 0) this.links[i + 1] = -1;
    return o;
  }

  /** Takes an order out wherever it stands (a walk from the head: lines are FIFO by age, so short). */
  remove(owner: number, order: number, orders: Orders): void {
    const i = owner * this.stride + this.offset;
    let prev = -1;
    for (let cur = this.links[i]; cur !== order; cur = orders.ints[(cur << 2) + NEXT]) prev = cur;
    const after = orders.ints[(order << 2) + NEXT];
    if (prev < 0) this.links[i] = after; else orders.ints[(prev << 2) + NEXT] = after;
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
