// Each seller class's season profit as the two log histograms the profit chart draws per class
// (gains, and losses as positive amounts), from the replications' per-seller profits and binned as
// the run's own all-sellers histograms (result.ts), so a class's bars stand on the same bands.
import { Histogram, type HistogramSnapshot } from '../src/engine/index.ts';
import type { RunResult } from '../src/model/result.ts';

export interface ClassProfit { name: string; gains: HistogramSnapshot; losses: HistogramSnapshot }

/** The classes that have sellers, in the run's class order (large, medium, small). */
export function profitByClass(results: RunResult[]): ClassProfit[] {
  const [first] = results;
  const like = (s: HistogramSnapshot) => Histogram.log(s.lower, s.upper, s.bins);
  return first.classNames.flatMap((name, c) => {
    const gains = like(first.histograms.sellerProfitCny), losses = like(first.histograms.sellerLossCny);
    for (const r of results) {
      const { profitCny, classOf } = r.perSeller;
      for (let s = 0; s < profitCny.length; s++) {
        if (classOf[s] === c) (profitCny[s] >= 0 ? gains : losses).add(Math.abs(profitCny[s]));
      }
    }
    return gains.count + losses.count > 0 ? [{ name, gains: gains.snapshot(), losses: losses.snapshot() }] : [];
  });
}
