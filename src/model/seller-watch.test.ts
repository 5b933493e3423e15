// The seller view's series, hour by hour, on the tiny hand-checked platform (model-rules.test.ts):
// what the stock, backorders, deposit and fines are at each hour's end; and watching changes nothing.
import { describe, expect, it } from 'vitest';
import { jsonNumbers } from '../experiment/csv.ts';
import { constant, tiny } from '../../test/helpers/tiny.ts';
import { JitModel, runJit } from './jit.ts';

describe('SellerWatch', () => {
  it('reads stock, backorders, deposit and fines at each hour\'s end', () => {
    // Make-to-order, 100 h factory: an order of 2 at 5 h is backordered, cancelled at 77 h (fine 5 × 200).
    const s = tiny((x) => { x.sellers.classes.small.stocking = { policy: 'makeToOrder' }; x.factories.leadTime = constant(100); });
    const model = new JitModel(s, 1, 0);
    model.scheduleOrder(5, 0, 2);
    model.watch(0);
    const { seller } = model.run();
    expect(seller!.name).toBe('seller-1');
    expect(seller!.backordered.length).toBe(66 * 24);
    // Entry h is the state at the end of hour h, at h + 1 h, what happens at that instant included.
    expect([seller!.backordered[3], seller!.backordered[4], seller!.backordered[75], seller!.backordered[76]]).toEqual([0, 2, 2, 0]);
    expect([seller!.onOrder[3], seller!.onOrder[4], seller!.onOrder[103], seller!.onOrder[104]]).toEqual([0, 2, 2, 0]);
    expect([seller!.stockOnHand[103], seller!.stockOnHand[104]]).toEqual([0, 2]); // the units land at 105 h, the order long gone
    expect([seller!.depositCny[75], seller!.depositCny[76]]).toEqual([5000, 4000]);
    expect([seller!.finesCny[75], seller!.finesCny[76], seller!.finesCny[66 * 24 - 1]]).toEqual([0, 1000, 1000]);
  });

  it('leaves the run\'s results as they were', () => {
    const s = tiny((x) => { x.sellers.count = 20; x.demand.ordersPerDay = 40; });
    const text = (r: object) => JSON.stringify({ ...r, seller: undefined }, jsonNumbers);
    expect(text(runJit(s, { seed: 2, replication: 1, watchSeller: 3 }))).toBe(text(runJit(s, { seed: 2, replication: 1 })));
    expect(() => runJit(s, { seed: 2, replication: 1, watchSeller: 20 })).toThrow(/expected a seller from 0 to 19, got 20/);
  });
});
