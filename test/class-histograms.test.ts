// The profit and fines charts' per-class panels read each class's sellers from the replications'
// per-seller figures (web/class-histograms.ts), binned as the run's own histograms: counts worked
// out by hand.
import { describe, expect, it } from 'vitest';
import { Histogram } from '../src/engine/index.ts';
import type { RunResult } from '../src/model/result.ts';
import { finesByClass, profitByClass } from '../web/class-histograms.ts';

/** A replication's result as far as the panels read it: classes, per-seller figures, the run's bins. */
const run = (profitCny: number[], finesCny: number[], classOf: number[]) => ({
  classNames: ['large', 'medium', 'small'],
  perSeller: { profitCny: Float64Array.from(profitCny), finesCny: Float64Array.from(finesCny), classOf: Uint8Array.from(classOf) },
  histograms: {
    sellerProfitCny: Histogram.log(1, 1e10, 200).snapshot(), sellerLossCny: Histogram.log(1, 1e10, 200).snapshot(),
    finesPerSellerCny: Histogram.log(1, 1e8, 160).snapshot(),
  },
}) as unknown as RunResult;

// Seller 0 is large, sellers 1 and 2 small; no medium seller.
const runs = [run([1000, -50, 0], [0, 100, 0], [0, 2, 2]), run([-3000, 20, 0.5], [10, 1000, 0], [0, 2, 2])];

describe('histograms by seller class', () => {
  it('count each class’s gains and losses over the replications, leaving out a class without sellers', () => {
    const classes = profitByClass(runs);
    expect(classes.map((c) => c.name)).toEqual(['large', 'small']);
    const [large, small] = classes;
    expect([large.gains.count, large.losses.count]).toEqual([1, 1]); // +1000, then −3000
    expect([small.gains.count, small.losses.count]).toEqual([3, 1]); // 0, 20, 0.5 gain (≥ 0); −50 a loss
    expect([small.gains.zeros, small.gains.underflow]).toEqual([1, 1]); // exactly 0, and 0.5 below the first bin: break-even
    // The same bins as the run's: 1 to 1e10 in 200, 20 a decade, so 1000 is bin 60 and 3000 bin 69.
    expect([large.gains.counts[60], large.losses.counts[69]]).toEqual([1, 1]);
  });
  it('count each class’s sellers by season fines, zero fines apart', () => {
    const [large, small] = finesByClass(runs);
    expect([large.name, large.perSeller.zeros, large.perSeller.count]).toEqual(['large', 1, 2]); // 0, then 10
    expect(large.perSeller.counts[20]).toBe(1); // 1 to 1e8 in 160: 20 a decade, 10 CNY opens bin 20
    expect([small.name, small.perSeller.zeros, small.perSeller.count]).toEqual(['small', 2, 4]);
    expect([small.perSeller.counts[40], small.perSeller.counts[60]]).toEqual([1, 1]); // 100 and 1000 CNY
  });
});
