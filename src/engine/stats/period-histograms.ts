// One linear histogram per period (a day of the season, say), side by side in one typed array:
// memory linear in the number of periods, O(1) add, and quantiles or shares read back over any
// run of periods by merging their bins — so a result can be cut to a date range after the run.
//
// Bins are [lower + i·width, lower + (i+1)·width) over [lower, upper); values below `lower` count
// in bin 0 and values at or above `upper` in the period's overflow, whose largest value is kept so
// a quantile there interpolates up to it.

/** Plain-data state of PeriodHistograms: typed arrays only, so it can be transferred. */
export interface PeriodHistogramsSnapshot {
  lower: number;
  upper: number;
  bins: number;
  periods: number;
  /** periods × bins weights, period by period. */
  counts: Float64Array;
  /** Per period: weight at or above `upper`, and the largest value added (−Infinity when none). */
  overflow: Float64Array;
  max: Float64Array;
}

export class PeriodHistograms {
  readonly lower: number;
  readonly upper: number;
  readonly bins: number;
  readonly periods: number;
  readonly counts: Float64Array;
  readonly overflow: Float64Array;
  readonly max: Float64Array;
  private readonly scale: number;

  constructor(periods: number, lower: number, upper: number, bins: number) {
    if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`PeriodHistograms: periods must be an integer >= 1, got ${periods}`);
    if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`PeriodHistograms: bins must be an integer >= 1, got ${bins}`);
    if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(lower < upper)) {
      throw new RangeError(`PeriodHistograms: need finite lower < upper, got [${lower}, ${upper})`);
    }
    this.lower = lower;
    this.upper = upper;
    this.bins = bins;
    this.periods = periods;
    this.counts = new Float64Array(periods * bins);
    this.overflow = new Float64Array(periods);
    this.max = new Float64Array(periods).fill(-Infinity);
    this.scale = bins / (upper - lower);
  }

  /** Adds `x` to `period`'s histogram; a period outside [0, periods) is ignored (after the season). */
  add(period: number, x: number): void {
    if (!(period >= 0 && period < this.periods)) return;
    if (x > this.max[period]) this.max[period] = x;
    if (x >= this.upper) { this.overflow[period]++; return; }
    const i = x < this.lower ? 0 : Math.floor((x - this.lower) * this.scale);
    this.counts[period * this.bins + i]++;
  }

  /** Forgets everything (a warm-up). */
  reset(): void {
    this.counts.fill(0);
    this.overflow.fill(0);
    this.max.fill(-Infinity);
  }

  snapshot(): PeriodHistogramsSnapshot {
    return { lower: this.lower, upper: this.upper, bins: this.bins, periods: this.periods, counts: this.counts.slice(), overflow: this.overflow.slice(), max: this.max.slice() };
  }
}

/** Weight added in periods [from, to). */
export function periodCount(h: PeriodHistogramsSnapshot, from: number, to: number): number {
  let n = 0;
  for (let p = Math.max(0, from); p < Math.min(to, h.periods); p++) {
    n += h.overflow[p];
    for (let i = 0; i < h.bins; i++) n += h.counts[p * h.bins + i];
  }
  return n;
}

/**
 * The q-quantile of everything added in periods [from, to), interpolated linearly inside its bin
 * (in the overflow, between `upper` and the largest value); NaN when nothing was added.
 */
export function periodQuantile(h: PeriodHistogramsSnapshot, from: number, to: number, q: number): number {
  const a = Math.max(0, from), b = Math.min(to, h.periods);
  const merged = new Float64Array(h.bins);
  let overflow = 0, max = -Infinity, total = 0;
  for (let p = a; p < b; p++) {
    for (let i = 0; i < h.bins; i++) merged[i] += h.counts[p * h.bins + i];
    overflow += h.overflow[p];
    if (h.max[p] > max) max = h.max[p];
  }
  for (let i = 0; i < h.bins; i++) total += merged[i];
  total += overflow;
  if (total === 0) return NaN;
  const rank = Math.min(1, Math.max(0, q)) * total;
  const width = (h.upper - h.lower) / h.bins;
  let below = 0;
  for (let i = 0; i < h.bins; i++) {
    if (merged[i] > 0 && below + merged[i] >= rank) return Math.min(max, h.lower + (i + (rank - below) / merged[i]) * width);
    below += merged[i];
  }
  return h.upper + ((rank - below) / overflow) * (max - h.upper);
}

/** The weight added in periods [from, to) below `x`, exact when `x` is on a bin edge (the nearest edge otherwise). */
export function periodCountBelow(h: PeriodHistogramsSnapshot, from: number, to: number, x: number): number {
  const edge = Math.round(((x - h.lower) * h.bins) / (h.upper - h.lower));
  let below = 0;
  for (let p = Math.max(0, from); p < Math.min(to, h.periods); p++) {
    for (let i = 0; i < Math.min(edge, h.bins); i++) below += h.counts[p * h.bins + i];
    if (edge > h.bins) below += h.overflow[p];
  }
  return below;
}

/** The share of what was added in periods [from, to) that is below `x` (see periodCountBelow); NaN when nothing was. */
export function periodShareBelow(h: PeriodHistogramsSnapshot, from: number, to: number, x: number): number {
  const total = periodCount(h, from, to);
  return total === 0 ? NaN : periodCountBelow(h, from, to, x) / total;
}
