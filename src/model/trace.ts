// Every order's story (docs/model.md, "Traces"): when it was placed, reserved, packed, picked up,
// arrived, received, inspected and stocked or ended, how it ended and what it was fined by cause,
// and per seller its season (orders, fines, deposit low point, suspension, top-ups, profit).
// Stages mark times on the order's slot as it passes them; a story goes to the sink the moment
// the order ends, so memory holds only orders in flight, never the season.

/** The times an order's story records after it was placed, in the order an order meets them. */
export const STAGES = ['reserved', 'packed', 'pickedUp', 'arrived', 'received', 'inspected', 'ended'] as const;
export const RESERVED = 0, PACKED = 1, PICKED_UP = 2, ARRIVED = 3, RECEIVED = 4, INSPECTED = 5, ENDED = 6;

/** How an order ended; `open` = still under way at the horizon. */
export const OUTCOMES = ['fulfilled', 'rejected', 'cancelled', 'lostSuspended', 'lostPaused', 'lostNotListed', 'soldFromShelf', 'lostShelfEmpty', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const FULFILLED = 0, REJECTED = 1, CANCELLED = 2, LOST_SUSPENDED = 3, LOST_PAUSED = 4, LOST_NOT_LISTED = 5, SOLD_FROM_SHELF = 6, LOST_SHELF_EMPTY = 7, OPEN = 8;

/** One order's story, handed to the sink and reused for the next: read it before returning. */
export interface OrderStory {
  /** 1, 2, … in the order orders were placed in this replication. */
  id: number;
  placedAt: number;
  seller: number;
  sku: number;
  quantity: number;
  valueCny: number;
  /** Hours from the season start per STAGES entry; NaN where the order never got there. */
  times: Float64Array;
  outcome: number;
  /** CNY per fine cause (the run's fineCauses order). */
  fines: Float64Array;
}

/** One seller's season, at the end of the run. */
export interface SellerStory {
  seller: number;
  ordersPlaced: number;
  fines: Float64Array;
  depositLowCny: number;
  /** Hours from the season start; NaN if never suspended. */
  suspendedAt: number;
  topUpsCny: number;
  profitCny: number;
}

/** Where stories go (a CSV writer in Node, a buffer in the browser). */
export interface TraceSink {
  order(story: OrderStory): void;
  seller(story: SellerStory): void;
  /** The run is over: every story has been told. */
  end(): void;
}

/** Per order slot: its id, then the stage times, then fines by cause. */
const ID = 0, TIMES = 1;

export class OrderTrace {
  private readonly stride: number;
  private slots: Float64Array;
  /** 1 while the slot holds a traced order (stocking batches are not traced). */
  private live: Uint8Array;
  private placed = 0;
  private readonly story: OrderStory;
  private readonly ordersBySeller: Float64Array;
  private readonly depositLow: Float64Array;
  private readonly suspendedAt: Float64Array;

  constructor(readonly sink: TraceSink, private readonly causes: number, sellers: number, depositCny: number) {
    this.stride = TIMES + STAGES.length + causes;
    this.slots = new Float64Array(1024 * this.stride);
    this.live = new Uint8Array(1024);
    this.story = { id: 0, placedAt: 0, seller: 0, sku: 0, quantity: 0, valueCny: 0, times: new Float64Array(STAGES.length), outcome: 0, fines: new Float64Array(causes) };
    this.ordersBySeller = new Float64Array(sellers);
    this.depositLow = new Float64Array(sellers).fill(depositCny);
    this.suspendedAt = new Float64Array(sellers).fill(NaN);
  }

  /** An order record opened in slot `o`: its story starts. */
  opened(o: number, seller: number): void {
    if (o >= this.live.length) this.grow(o);
    const r = o * this.stride, slots = this.slots;
    for (let i = r + TIMES; i < r + TIMES + STAGES.length; i++) slots[i] = NaN;
    for (let i = r + TIMES + STAGES.length; i < r + this.stride; i++) slots[i] = 0;
    slots[r + ID] = ++this.placed;
    this.live[o] = 1;
    this.ordersBySeller[seller]++;
  }

  /** An order placed and ended at once, with no record: lost (suspended seller, paused or unlisted product, empty shelf) or sold from the pre-stock shelf. */
  endedAtOnce(now: number, seller: number, sku: number, quantity: number, valueCny: number, outcome: number, fineCause = -1, fineCny = 0): void {
    this.ordersBySeller[seller]++;
    const s = this.story;
    s.times.fill(NaN);
    s.fines.fill(0);
    if (fineCause >= 0) s.fines[fineCause] = fineCny;
    s.times[ENDED] = now;
    this.emit(++this.placed, now, seller, sku, quantity, valueCny, outcome);
  }

  /** Order `o` reached a stage at `time`. */
  mark(o: number, stage: number, time: number): void {
    if (this.live[o]) this.slots[o * this.stride + TIMES + stage] = time;
  }

  fined(o: number, cause: number, cny: number): void {
    if (o >= 0 && this.live[o]) this.slots[o * this.stride + TIMES + STAGES.length + cause] += cny;
  }

  /** A seller's deposit after a fine, for its low point. */
  deposit(seller: number, balance: number): void {
    if (balance < this.depositLow[seller]) this.depositLow[seller] = balance;
  }

  suspended(seller: number, time: number): void {
    this.suspendedAt[seller] = time;
  }

  /** Order `o` (read from its record before the slot is freed) ended now with `outcome`. */
  ended(o: number, outcome: number, now: number, placedAt: number, seller: number, sku: number, quantity: number, valueCny: number): void {
    if (!this.live[o]) return;
    this.live[o] = 0;
    const r = o * this.stride, s = this.story, slots = this.slots;
    // Loops, not subarray views: no object made per order.
    for (let i = 0; i < STAGES.length; i++) s.times[i] = slots[r + TIMES + i];
    for (let c = 0; c < this.causes; c++) s.fines[c] = slots[r + TIMES + STAGES.length + c];
    if (outcome !== OPEN) s.times[ENDED] = now;
    this.emit(this.slots[r + ID], placedAt, seller, sku, quantity, valueCny, outcome);
  }

  /** Statistics start now (a warm-up): the sellers' order counts restart, like the run's counters. */
  restartCounts(): void {
    this.ordersBySeller.fill(0);
  }

  /** Slots still holding an order at the horizon (their stories end `open`), oldest order first. */
  openSlots(): number[] {
    const out: number[] = [];
    for (let o = 0; o < this.live.length; o++) if (this.live[o]) out.push(o);
    return out.sort((a, b) => this.slots[a * this.stride + ID] - this.slots[b * this.stride + ID]);
  }

  /** The sellers' rows, from the books at the end of the run. */
  finishSellers(perSeller: (seller: number, fines: Float64Array) => { topUpsCny: number; profitCny: number }): void {
    const fines = new Float64Array(this.causes);
    for (let seller = 0; seller < this.ordersBySeller.length; seller++) {
      const { topUpsCny, profitCny } = perSeller(seller, fines);
      this.sink.seller({ seller, ordersPlaced: this.ordersBySeller[seller], fines, depositLowCny: this.depositLow[seller], suspendedAt: this.suspendedAt[seller], topUpsCny, profitCny });
    }
    this.sink.end();
  }

  private emit(id: number, placedAt: number, seller: number, sku: number, quantity: number, valueCny: number, outcome: number): void {
    const s = this.story;
    s.id = id;
    s.placedAt = placedAt;
    s.seller = seller;
    s.sku = sku;
    s.quantity = quantity;
    s.valueCny = valueCny;
    s.outcome = outcome;
    this.sink.order(s);
  }

  private grow(o: number): void {
    let n = this.live.length;
    while (n <= o) n *= 2;
    const slots = new Float64Array(n * this.stride);
    slots.set(this.slots);
    this.slots = slots;
    const live = new Uint8Array(n);
    live.set(this.live);
    this.live = live;
  }
}
