// Units past 2^31 stay exact (docs/scenario-format.md, "Limits"): a SKU's stock, on order and
// backorders, a factory order's and a stocking batch's quantity and a parcel's units are doubles,
// so a season of one SKU's backorders at a billion orders a day cannot wrap negative as 32 bits did.
import { describe, expect, it } from 'vitest';
import { FactoryOrders } from './factory.ts';
import { Orders, Parcels } from './records.ts';
import { SkuStock } from './stock.ts';

const BIG = 2 ** 31 + 7; // one past what an Int32Array holds, and then some

describe('units beyond 32 bits', () => {
  it('in a SKU\'s stock record, beside its seller and backorder line', () => {
    const stock = new SkuStock(Int32Array.from([4, 9]));
    stock.addOnHand(1, BIG);
    stock.addOnOrder(1, 2 * BIG);
    stock.addBackordered(1, 3 * BIG);
    stock.setLevels(1, BIG, 4 * BIG);
    expect([stock.onHand(1), stock.onOrder(1), stock.backordered(1), stock.reorderLevel(1), stock.orderUpTo(1)]).toEqual([BIG, 2 * BIG, 3 * BIG, BIG, 4 * BIG]);
    expect(stock.position(1)).toBe(0); // BIG + 2 BIG − 3 BIG
    expect(stock.canReserve(1, BIG)).toBe(true);
    // The neighbouring record and the ints beside the doubles are untouched.
    expect([stock.seller(0), stock.seller(1), stock.onHand(0), stock.backorders.head(0), stock.backorders.head(1)]).toEqual([4, 9, 0, -1, -1]);
  });

  it('in factory orders, stocking batches and parcels', () => {
    const factory = new FactoryOrders(2);
    const f = factory.open(5_000_000, BIG);
    expect([factory.sku(f), factory.quantity(f)]).toEqual([5_000_000, BIG]);
    const orders = new Orders(2);
    const o = orders.openBatch(3, 2, BIG, 10, 1e9);
    expect([orders.sku(o), orders.seller(o), orders.quantity(o), orders.isBatch(o)]).toEqual([3, 2, BIG, true]);
    orders.setQuantity(o, 2 * BIG, 5);
    orders.setNext(o, 1);
    expect([orders.quantity(o), orders.value(o), orders.next(o), orders.isBatch(o)]).toEqual([2 * BIG, 5, 1, true]);
    const parcels = new Parcels(2);
    const p = parcels.open(2, o, BIG);
    expect(parcels.units[p]).toBe(BIG);
  });
});
