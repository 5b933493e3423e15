// Each seller class's season profit and fines as the histograms the profit and fines charts draw
// one panel a class, from the replications' per-seller figures (result.perSeller), binned as the
// run's own all-sellers histograms (src/model/result.ts), so a class's bars stand on the same bands.
import { Histogram, type HistogramSnapshot } from '../src/engine/index.ts';
import type { RunResult } from '../src/model/result.ts';
import type { ClassProfit } from './charts/profit.ts';
import type { ClassFines } from './charts/fines.ts';

const like = (s: HistogramSnapshot) => Histogram.log(s.lower, s.upper, s.bins);

/**
 * For each class that has sellers, in the run's class order (large, medium, small): `add` told
 * each of its sellers' index in each replication, into histograms made by `make`.
 */
function perClass<H extends Record<string, Histogram>>(results: RunResult[], make: () => H, add: (h: H, r: RunResult, seller: number) => void) {
  return results[0].classNames.flatMap((name, c) => {
    const h = make();
    let sellers = 0;
    for (const r of results) {
      const { classOf } = r.perSeller;
      for (let s = 0; s < classOf.length; s++) if (classOf[s] === c) { add(h, r, s); sellers++; }
    }
    return sellers > 0 ? [{ name, ...Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.snapshot()])) as { [K in keyof H]: HistogramSnapshot } }] : [];
  });
}

/** Gains, and losses as positive amounts, as result.ts bins sellerProfitCny and sellerLossCny. */
export function profitByClass(results: RunResult[]): ClassProfit[] {
  const { sellerProfitCny: g, sellerLossCny: l } = results[0].histograms;
  return perClass(results, () => ({ gains: like(g), losses: like(l) }), (h, r, s) => {
    const p = r.perSeller.profitCny[s];
    (p >= 0 ? h.gains : h.losses).add(Math.abs(p));
  });
}

/** Season fines per seller (zeros apart), as result.ts bins finesPerSellerCny. */
export function finesByClass(results: RunResult[]): ClassFines[] {
  const f = results[0].histograms.finesPerSellerCny;
  return perClass(results, () => ({ perSeller: like(f) }), (h, r, s) => h.perSeller.add(r.perSeller.finesCny[s]));
}
