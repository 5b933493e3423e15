// Seller stock per SKU (docs/model.md §3, §5): on hand, on order, backordered, today's (s, S) and the
// FIFO backorder line, packed in one 32-byte record per SKU so an order touches one cache line
// of stock state, not eight (measured: SKU state spread over columns cost ~15% of a run).
import { OrderLines } from './records.ts';

const ON_HAND = 0, ON_ORDER = 1, BACKORDERED = 2, REORDER = 3, ORDER_UP_TO = 4, LINE = 5, SELLER = 7;
const FIELDS = 8;

export class SkuStock {
  private readonly rec: Int32Array;
  /** Each SKU's backorders, oldest first. */
  readonly backorders: OrderLines;

  constructor(skuSeller: Int32Array) {
    const skus = skuSeller.length;
    this.rec = new Int32Array(skus * FIELDS);
    this.backorders = new OrderLines(skus, this.rec, FIELDS, LINE);
    for (let sku = 0; sku < skus; sku++) this.rec[sku * FIELDS + SELLER] = skuSeller[sku];
  }

  seller(sku: number): number {
    return this.rec[sku * FIELDS + SELLER];
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
