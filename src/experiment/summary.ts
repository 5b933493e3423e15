// Across replications: the mean and 95% Student-t interval of every KPI, the mean and P5–P95
// band of every hourly series, and merged histograms (docs/results.md).
import { confidenceInterval, pairedDifference, type ConfidenceInterval, type PairedDifference, Histogram, type HistogramSnapshot } from '../engine/index.ts';
import type { RunResult } from '../model/result.ts';

/** A KPI's 95% interval across replications (half width Infinity with fewer than 2). */
export type KpiInterval = Omit<ConfidenceInterval, 'level'>;

/** A paired difference B − A and whether its 95% interval excludes 0. */
export type KpiDifference = Omit<PairedDifference, 'level'>;

export interface HourlyBand {
  mean: Float64Array;
  p5: Float64Array;
  p95: Float64Array;
}

export interface Summary {
  replications: number;
  kpis: Record<string, KpiInterval>;
  /** Per seller class (large, medium, small), its KPIs' intervals. */
  byClass: Record<string, Record<string, KpiInterval>>;
  hourly: Record<string, HourlyBand>;
  /** Every daily series' band, like the hourly ones. */
  daily: Record<string, HourlyBand>;
  histograms: Record<string, HistogramSnapshot>;
}

/** The mean and 95% interval of each KPI over replications' KPI records (named as in the first). */
export function kpiIntervals(records: Record<string, number>[]): Record<string, KpiInterval> {
  return Object.fromEntries(Object.keys(records[0]).map((name) => [name, interval(records.map((r) => r[name]))]));
}

/** Summarises replications run from one seed (index i is replication i). */
export function summarise(results: RunResult[]): Summary {
  if (results.length === 0) throw new RangeError('summarise: no replications to summarise');
  const intervals = (of: (r: RunResult) => Record<string, number>) => kpiIntervals(results.map(of));
  const kpis = intervals((r) => r.kpis);
  const byClass = Object.fromEntries(Object.keys(results[0].byClass).map((c) => [c, intervals((r) => r.byClass[c])]));
  const hourly = seriesBands(results.map((r) => r.hourly));
  const daily = seriesBands(results.map((r) => r.daily));
  const histograms: Record<string, HistogramSnapshot> = {};
  for (const name of Object.keys(results[0].histograms)) {
    const merged = Histogram.from(results[0].histograms[name]);
    for (let i = 1; i < results.length; i++) merged.merge(results[i].histograms[name]);
    histograms[name] = merged.snapshot();
  }
  return { replications: results.length, kpis, byClass, hourly, daily, histograms };
}

/**
 * Paired differences B − A per KPI over replications run with common random numbers (the same
 * seed and replication indices), with their 95% intervals and whether each is significant.
 */
export function compareKpis(a: RunResult[], b: RunResult[], of: (r: RunResult) => Record<string, number> = (r) => r.kpis): Record<string, KpiDifference> {
  const n = Math.min(a.length, b.length);
  if (n === 0) throw new RangeError('compareKpis: no paired replications');
  const out: Record<string, KpiDifference> = {};
  for (const name of Object.keys(of(a[0]))) {
    if (!(name in of(b[0]))) continue;
    // Pairs where either side is undefined (a share of nothing: NaN) carry no difference.
    const pairs = a.slice(0, n).map((r, i) => [of(r)[name], of(b[i])[name]]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (pairs.length === 0) {
      out[name] = { n: 0, mean: NaN, sd: NaN, halfWidth: NaN, low: NaN, high: NaN, significant: false };
      continue;
    }
    const d = pairedDifference(pairs.map((p) => p[1]), pairs.map((p) => p[0]));
    out[name] = { n: d.n, mean: d.mean, sd: d.sd, halfWidth: d.halfWidth, low: d.low, high: d.high, significant: d.significant };
  }
  return out;
}

/** compareKpis for each seller class both runs have. */
export function compareByClass(a: RunResult[], b: RunResult[]): Record<string, Record<string, KpiDifference>> {
  const classes = Object.keys(a[0].byClass).filter((c) => c in b[0].byClass);
  return Object.fromEntries(classes.map((c) => [c, compareKpis(a, b, (r) => r.byClass[c])]));
}

function interval(values: number[]): KpiInterval {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { n: 0, mean: NaN, sd: NaN, halfWidth: NaN, low: NaN, high: NaN };
  const ci = confidenceInterval(finite);
  return { n: ci.n, mean: ci.mean, sd: ci.sd, halfWidth: ci.halfWidth, low: ci.low, high: ci.high };
}

/** Every series' band across replications (hourly or daily; each element is one replication's series). */
export function seriesBands(replications: Record<string, Float64Array>[]): Record<string, HourlyBand> {
  const out: Record<string, HourlyBand> = {};
  for (const name of Object.keys(replications[0])) out[name] = band(replications.map((r) => r[name]));
  return out;
}

/**
 * Mean and empirical P5/P95 per hour (or day) across replications (linear interpolation between
 * order statistics), over the replications where it is defined: NaN (a share of nothing, a
 * censored day) is left out, and a slot undefined in all of them stays NaN.
 */
function band(series: Float64Array[]): HourlyBand {
  const hours = series[0].length, r = series.length;
  const mean = new Float64Array(hours), p5 = new Float64Array(hours), p95 = new Float64Array(hours);
  const column = new Float64Array(r);
  for (let h = 0; h < hours; h++) {
    let sum = 0, n = 0;
    for (let i = 0; i < r; i++) {
      const x = series[i][h];
      if (Number.isNaN(x)) continue;
      column[n++] = x;
      sum += x;
    }
    const defined = column.subarray(0, n).sort();
    mean[h] = n > 0 ? sum / n : NaN;
    p5[h] = n > 0 ? quantileSorted(defined, 0.05) : NaN;
    p95[h] = n > 0 ? quantileSorted(defined, 0.95) : NaN;
  }
  return { mean, p5, p95 };
}

export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
