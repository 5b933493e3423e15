// Seller stock per SKU (docs/model.md §3, §5): on hand, on order, backordered, today's (s, S) and the
// FIFO backorder line, packed in one 64-byte record per SKU so an order touches one cache line
// of stock state, not eight (measured: SKU state spread over columns cost ~15% of a run). Units are
// doubles, whole numbers exact to 2^53: a season of one SKU's backorders can pass 2^31
// (docs/scenario-format.md, "Limits"); the line's ends and the seller are ints in the same record.
import { OrderLines } from './records.ts';

/** Doubles of each record: units and levels. */
const ON_HAND = 0, ON_ORDER = 1, BACKORDERED = 2, REORDER = 3, ORDER_UP_TO = 4;
const FIELDS = 8;
/** Ints of each record (16 an SKU, after the five doubles' ten): the backorder line's head and tail, the seller. */
const LINE = 10, SELLER = 12;
const INTS = FIELDS * 2;

export class SkuStock {
  private readonly rec: Float64Array;
  private readonly ints: Int32Array;
  /** Each SKU's backorders, oldest first. */
  readonly backorders: OrderLines;

  constructor(skuSeller: Int32Array) {
    const skus = skuSeller.length;
    this.rec = new Float64Array(skus * FIELDS);
    this.ints = new Int32Array(this.rec.buffer);
    this.backorders = new OrderLines(skus, this.ints, INTS, LINE);
    for (let sku = 0; sku < skus; sku++) this.ints[sku * INTS + SELLER] = skuSeller[sku];
  }

  seller(sku: number): number {
    return this.ints[sku * INTS + SELLER];
  }

  onHand(sku: number): number {
    return this.rec[sku * FIELDS + ON_HAND];
  }

  onOrder(sku: number): number {
    return this.rec[sku * FIELDS + ON_ORDER];
  }

  /** Units of orders waiting for stock. */
  backordered(sku: number): number {
    return this.rec[sku * FIELDS + BACKORDERED];
  }

  /** Inventory position: on hand + on order − backordered. */
  position(sku: number): number {
    const r = sku * FIELDS;
    return this.rec[r + ON_HAND] + this.rec[r + ON_ORDER] - this.rec[r + BACKORDERED];
  }

  /** Today's reorder point s (−1: make-to-order, never reviewed) and order-up-to level S. */
  reorderLevel(sku: number): number {
    return this.rec[sku * FIELDS + REORDER];
  }

  orderUpTo(sku: number): number {
    return this.rec[sku * FIELDS + ORDER_UP_TO];
  }

  setLevels(sku: number, reorder: number, orderUpTo: number): void {
    this.rec[sku * FIELDS + REORDER] = reorder;
    this.rec[sku * FIELDS + ORDER_UP_TO] = orderUpTo;
  }

  addOnHand(sku: number, units: number): void {
    this.rec[sku * FIELDS + ON_HAND] += units;
  }

  addOnOrder(sku: number, units: number): void {
    this.rec[sku * FIELDS + ON_ORDER] += units;
  }

  addBackordered(sku: number, units: number): void {
    this.rec[sku * FIELDS + BACKORDERED] += units;
  }

  /** True if an order for `units` can be reserved at once: nobody waits and stock covers it. */
  canReserve(sku: number, units: number): boolean {
    return this.backorders.head(sku) < 0 && this.rec[sku * FIELDS + ON_HAND] >= units;
  }
}
