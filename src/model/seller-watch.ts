// One seller watched hour by hour (docs/results.md, "A seller's view"): its stock on hand, on order
// from its factories and backordered (over all its SKUs), its deposit balance and the fines it has
// paid so far, read at the end of each hour (entry h at h + 1 h, what happens at that instant included). Reading changes nothing, and the run loop reads it
// between runs to each hour's end, so a watched run's results are the same as an unwatched one's.
import type { Market } from './state.ts';

export interface SellerSeries {
  seller: number;
  name: string;
  /** Per hour of the season, at its end: units. */
  stockOnHand: Float64Array;
  onOrder: Float64Array;
  backordered: Float64Array;
  /** Per hour, at its end: CNY. */
  depositCny: Float64Array;
  finesCny: Float64Array;
}

export class SellerWatch {
  readonly series: SellerSeries;

  constructor(private readonly m: Market, seller: number) {
    const { world } = m;
    if (!(Number.isInteger(seller) && seller >= 0 && seller < world.sellerCount)) {
      throw new RangeError(`watchSeller: expected a seller from 0 to ${world.sellerCount - 1}, got ${seller}`);
    }
    const hours = world.horizon;
    this.series = {
      seller, name: world.names.sellerName(seller),
      stockOnHand: new Float64Array(hours), onOrder: new Float64Array(hours), backordered: new Float64Array(hours),
      depositCny: new Float64Array(hours), finesCny: new Float64Array(hours),
    };
  }

  /**
   * Runs the simulation to `end` an hour at a time, reading the seller at each hour's end: runs
   * that stop and go on again give the same events as one run.
   */
  runTo(end: number): void {
    const { sim } = this.m;
    for (let h = Math.floor(sim.now) + 1; h <= end; h++) {
      sim.run({ until: h });
      this.read(h - 1);
    }
  }

  /** Reads the seller at the end of hour `hour` (0-based), now. */
  read(hour: number): void {
    const { world, stock, books, causes } = this.m;
    const s = this.series, seller = s.seller;
    let onHand = 0, onOrder = 0, backordered = 0, fines = 0;
    for (let sku = world.sellerFirstSku[seller]; sku < world.sellerFirstSku[seller + 1]; sku++) {
      onHand += stock.onHand(sku);
      onOrder += stock.onOrder(sku);
      backordered += stock.backordered(sku);
    }
    for (let c = 0; c < causes.length; c++) fines += books.finesOf(seller, c);
    s.stockOnHand[hour] = onHand;
    s.onOrder[hour] = onOrder;
    s.backordered[hour] = backordered;
    s.depositCny[hour] = books.deposit(seller);
    s.finesCny[hour] = fines;
  }
}
