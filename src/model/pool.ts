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

  /** Doubles every column: the subclass's typed-array fields of the pool's length. */
  private grow(): void {
    const n = this.capacity * 2;
    const self = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(self)) {
      const v = self[key];
      if (ArrayBuffer.isView(v) && (v as Column).length === this.capacity) {
        const bigger = new ((v as Column).constructor as new (n: number) => Column)(n);
        bigger.set(v as Column);
        self[key] = bigger;
      }
    }
    this.capacity = n;
  }
}

export class Orders extends Pool {
  placedAt = new Float64Array(this.capacity);
  sku = new Int32Array(this.capacity);
  quantity = new Int32Array(this.capacity);
  value = new Float64Array(this.capacity);
  /** Link in whichever FIFO line the order is in: backorders, packing, packed, a parcel. */
  next = new Int32Array(this.capacity);
  failTimer = new Float64Array(this.capacity);
  fines = new Float64Array(this.capacity);
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

/** A FIFO line of orders per owner (a SKU's backorders, a seller's packing line), linked through Orders.next. */
export class OrderLines {
  head: Int32Array;
  tail: Int32Array;
  constructor(owners: number) {
    this.head = new Int32Array(owners).fill(-1);
    this.tail = new Int32Array(owners).fill(-1);
  }
  push(owner: number, order: number, orders: Orders): void {
    orders.next[order] = -1;
    if (this.tail[owner] < 0) this.head[owner] = order;
    else orders.next[this.tail[owner]] = order;
    this.tail[owner] = order;
  }
  shift(owner: number, orders: Orders): number {
    const o = this.head[owner];
    if (o < 0) return -1;
    this.head[owner] = orders.next[o];
    if (this.head[owner] < 0) this.tail[owner] = -1;
    return o;
  }
  /** Takes the whole line, returning its first order (the rest follow through Orders.next). */
  takeAll(owner: number): number {
    const o = this.head[owner];
    this.head[owner] = this.tail[owner] = -1;
    return o;
  }
}
