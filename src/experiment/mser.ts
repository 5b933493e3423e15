// MSER-5 (White 1997; Franklin & White 2008): picks a run's warm-up from an output series as the
// truncation that minimises the standard error of the mean of the batches kept.

/** What MSER-5 found on one series. */
export interface MserResult {
  /** Whole batches dropped from the start (0 = no warm-up). */
  batchesDropped: number;
  /** Observations dropped = batchesDropped × batch size. */
  truncation: number;
  /** The MSER statistic at the chosen point: sum of squared deviations of the kept batch means / kept batches². */
  statistic: number;
  /**
   * True when the minimum over the truncations that keep 5 batches or more fell in the second half
   * of the batches: the series has no steady state to find. The truncation is then still the best
   * one in the first half. (Keeping fewer than 5 batches, a small statistic is often chance: on
   * white noise the flag would fire 17% of the time at 100 batches instead of under 1%.)
   */
  unreliable: boolean;
}

/** MSER-m on `series` (batch size m, default 5). Trailing observations that do not fill a batch are ignored. */
export function mser(series: ArrayLike<number>, batchSize = 5): MserResult {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`mser: batch size must be a whole number ≥ 1, got ${batchSize}`);
  const batches = Math.floor(series.length / batchSize);
  if (batches < 2) {
    throw new RangeError(`mser: needs at least 2 full batches of ${batchSize} (${2 * batchSize} observations), got ${series.length} observation${series.length === 1 ? '' : 's'}`);
  }
  for (let i = 0; i < series.length; i++) {
    if (!Number.isFinite(series[i])) throw new RangeError(`mser: observation ${i} is ${series[i]}, expected a finite number`);
  }
  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * batchSize; i < (b + 1) * batchSize; i++) sum += series[i];
    means[b] = sum / batchSize;
  }
  // Deviations from the last batch mean (where a steady state would be) keep the suffix sums small,
  // so ΣZ² − (ΣZ)²/n does not cancel away the variance, and a flat series gives exact zeros.
  const reference = means[batches - 1];
  const statistic = new Float64Array(batches);
  let sum = 0, squares = 0;
  for (let d = batches - 1; d >= 0; d--) {
    const z = means[d] - reference;
    sum += z;
    squares += z * z;
    const kept = batches - d;
    statistic[d] = Math.max(0, squares - (sum * sum) / kept) / (kept * kept);
  }
  // Keeping a single batch always scores 0, so the last truncation considered keeps two.
  const lastConsidered = batches - 2;
  const half = Math.min(Math.floor(batches / 2), lastConsidered);
  const best = argmin(statistic, half);
  return {
    batchesDropped: best,
    truncation: best * batchSize,
    statistic: statistic[best],
    unreliable: argmin(statistic, Math.max(half, batches - 5)) > Math.floor(batches / 2),
  };
}

/** The first index of the smallest of values[0..last]. */
function argmin(values: Float64Array, last: number): number {
  let best = 0;
  for (let d = 1; d <= last; d++) if (values[d] < values[best]) best = d;
  return best;
}

/** Per replication MSER-5 truncation points, and the one warm-up a run uses: the largest (the most conservative), in observations. */
export function mserAcross(seriesPerReplication: ArrayLike<number>[], batchSize = 5): { perReplication: MserResult[]; truncation: number; unreliable: boolean } {
  if (seriesPerReplication.length === 0) throw new RangeError('mserAcross: no replications to take a warm-up from');
  const perReplication = seriesPerReplication.map((series, i) => {
    try {
      return mser(series, batchSize);
    } catch (e) {
      throw e instanceof RangeError ? new RangeError(`replication ${i}: ${e.message}`) : e;
    }
  });
  return {
    perReplication,
    truncation: Math.max(...perReplication.map((r) => r.truncation)),
    unreliable: perReplication.some((r) => r.unreliable),
  };
}
