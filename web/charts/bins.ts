// The bands a bar chart of a histogram draws — the bins that hold anything in scenario A or, in
// compare mode, in B — so that A's bars and B's outlines stand over the same bands in the fines
// and profit charts alike (drawn on the frame in log-bars.ts).
import type { HistogramSnapshot } from '../../src/engine/index.ts';

/** One bin in use: its index, its edges, and its count in A and in B (0 without B). */
export interface Band { bin: number; lo: number; hi: number; a: number; b: number }

/** Whether two histograms have the same bins, so that bin i means the same range in both. */
export function sameBins(a: HistogramSnapshot, b: HistogramSnapshot): boolean {
  return a.kind === b.kind && a.lower === b.lower && a.upper === b.upper && a.bins === b.bins;
}

/** Edge i of a histogram's bins (0 is its lower bound, `bins` its upper). */
export function binEdge(h: HistogramSnapshot, i: number): number {
  return h.kind === 'log' ? h.lower * (h.upper / h.lower) ** (i / h.bins) : h.lower + (i * (h.upper - h.lower)) / h.bins;
}

/**
 * The bins non-empty in `a` or in `b`, lowest first. Throws if `b` is binned differently: a
 * caller that may meet such a B must check `sameBins` first and leave B out.
 */
export function bandsInUse(a: HistogramSnapshot, b?: HistogramSnapshot): Band[] {
  if (b && !sameBins(a, b)) {
    throw new RangeError(`bandsInUse: B is binned differently (${b.kind} ${b.lower}..${b.upper} in ${b.bins}) from A (${a.kind} ${a.lower}..${a.upper} in ${a.bins})`);
  }
  const bands: Band[] = [];
  for (let i = 0; i < a.bins; i++) {
    const inB = b ? b.counts[i] : 0;
    if (a.counts[i] > 0 || inB > 0) bands.push({ bin: i, lo: binEdge(a, i), hi: binEdge(a, i + 1), a: a.counts[i], b: inB });
  }
  return bands;
}
