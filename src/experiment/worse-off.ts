// Who loses when a class changes how it sells: per replication pair, the share of the class's
// sellers whose own profit is lower under one scenario than under the other, paired by seller.
// Sellers are the same entities in both runs of a (seed, replication), so seller i is seller i.
import { confidenceInterval } from '../engine/index.ts';
import type { RunResult } from '../model/result.ts';
import type { KpiInterval } from './summary.ts';

export interface WorseOffShare {
  /** One share per replication pair that has sellers of the class, in replication order. */
  perReplication: number[];
  /** Mean over replications and its 95% Student-t interval (half width Infinity with fewer than 2). */
  interval: KpiInterval;
}

/**
 * The share of `className`'s sellers whose profit in `under` is lower than their own in `against`
 * (a tie is not worse), replication by replication; null when the sellers cannot be paired
 * (different seller counts, or seller i of a different class in the two runs).
 */
export function worseOffShare(under: RunResult[], against: RunResult[], className: string): WorseOffShare | null {
  const shares: number[] = [];
  for (let r = 0; r < Math.min(under.length, against.length); r++) {
    const x = under[r], y = against[r];
    const n = x.perSeller.profitCny.length;
    if (n !== y.perSeller.profitCny.length) return null;
    let members = 0, worse = 0;
    for (let s = 0; s < n; s++) {
      const name = x.classNames[x.perSeller.classOf[s]];
      if (name !== y.classNames[y.perSeller.classOf[s]]) return null;
      const p = x.perSeller.profitCny[s], q = y.perSeller.profitCny[s];
      if (name !== className || !Number.isFinite(p) || !Number.isFinite(q)) continue;
      members++;
      if (p < q) worse++;
    }
    if (members > 0) shares.push(worse / members);
  }
  if (shares.length === 0) return null;
  const ci = confidenceInterval(shares);
  return { perReplication: shares, interval: { n: ci.n, mean: ci.mean, sd: ci.sd, halfWidth: ci.halfWidth, low: ci.low, high: ci.high } };
}
