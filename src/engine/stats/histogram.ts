// Fixed-bin histogram for distributions streamed over a whole season (ship delay, dock-to-stock,
// fines per seller): constant memory, O(1) add, quantiles and CDF read back from the bins.
//
// Bins are half-open, [edges[i], edges[i+1]): a value equal to an interior edge belongs to the
// bin above it, a value equal to the lower bound to bin 0, and a value equal to the upper bound
// to `overflow`. A log histogram counts values <= 0 apart in `zeros`, since a log scale cannot
// place them and "no fine at all" is a distinct outcome from "a small fine".
import { exp10, log, log10, pow } from '../random/math.ts';

export type HistogramKind = 'linear' | 'log';

/** Plain-data state of a Histogram; `counts` is a copy, so it can be transferred to another thread. */
export interface HistogramSnapshot {
  kind: HistogramKind;
  lower: number;
  upper: number;
  bins: number;
  counts: Float64Array;
  underflow: number;
  overflow: number;
  zeros: number;
  /** Total weight added. */
  count: number;
  /** Weighted sum of the values added. */
  sum: number;
  /** Smallest value added; Infinity when empty. */
  min: number;
  /** Largest value added; -Infinity when empty. */
  max: number;
}

export class Histogram {
  readonly kind: HistogramKind;
  readonly bins: number;
  /** bins + 1 increasing edges; edges[0] is the lower bound, edges[bins] the upper. */
  readonly edges: Float64Array;
  /** Weight in each bin. */
  readonly counts: Float64Array;
  /** Weight of values below edges[0] (and above 0, for a log histogram). */
  underflow = 0;
  /** Weight of values at or above edges[bins]. */
  overflow = 0;
  /** Weight of values <= 0 in a log histogram; always 0 in a linear one. */
  zeros = 0;
  private total = 0;
  private weightedSum = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private readonly lower: number;
  private readonly upper: number;
  // Bin index = floor((t(x) - origin) * scale), with t the identity or log10.
  private readonly origin: number;
  private readonly scale: number;

  private constructor(kind: HistogramKind, lower: number, upper: number, bins: number) {
    const name = `Histogram.${kind}`;
    if (!Number.isInteger(bins) || bins < 1) {
      throw new RangeError(`${name}: bins must be an integer >= 1, got ${bins}`);
    }
    if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(lower < upper)) {
      throw new RangeError(`${name}: need finite min < max, got min ${lower}, max ${upper}`);
    }
    if (kind === 'log' && !(lower > 0)) {
      throw new RangeError(`${name}: min must be > 0 for log-spaced bins, got ${lower}`);
    }
    this.kind = kind;
    this.bins = bins;
    this.lower = lower;
    this.upper = upper;
    this.edges = new Float64Array(bins + 1);
    this.counts = new Float64Array(bins);
    if (kind === 'linear') {
      this.origin = lower;
      this.scale = bins / (upper - lower);
      const width = (upper - lower) / bins;
      for (let i = 0; i < bins; i++) this.edges[i] = lower + i * width;
    } else {
      // Base 10 rather than e, so that decade edges (1, 10, 100, ...) come out exact.
      const a = log10(lower), b = log10(upper);
      this.origin = a;
      this.scale = bins / (b - a);
      this.edges[0] = lower;
      for (let i = 1; i < bins; i++) this.edges[i] = exp10(a + ((b - a) * i) / bins);
    }
    this.edges[bins] = upper;
    for (let i = 0; i < bins; i++) {
      if (!(this.edges[i] < this.edges[i + 1])) {
        throw new RangeError(`${name}: ${bins} bins are too many for [${lower}, ${upper}): edges ${i} and ${i + 1} coincide`);
      }
    }
  }

  /** `bins` equal-width bins over [min, max). */
  static linear(min: number, max: number, bins: number): Histogram {
    return new Histogram('linear', min, max, bins);
  }

  /** `bins` bins over [min, max) whose edges are equally spaced in log(x); needs min > 0. */
  static log(min: number, max: number, bins: number): Histogram {
    return new Histogram('log', min, max, bins);
  }

  /** Adds `x` with `weight` (>= 0). Throws on non-finite x: a NaN fine is a bug upstream. */
  add(x: number, weight = 1): void {
    if (!Number.isFinite(x)) throw new RangeError(`Histogram.add: x must be a finite number, got ${x}`);
    if (!(weight >= 0 && weight < Infinity)) {
      throw new RangeError(`Histogram.add: weight must be a finite number >= 0, got ${weight}`);
    }
    if (weight === 0) return;
    this.total += weight;
    this.weightedSum += weight * x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (x < this.lower) {
      if (this.kind === 'log' && x <= 0) this.zeros += weight;
      else this.underflow += weight;
    } else if (x >= this.upper) {
      this.overflow += weight;
    } else {
      this.counts[this.binOf(x)] += weight;
    }
  }

  /** Bin of x, for lower <= x < upper: arithmetic, then nudged onto the stored edges. */
  private binOf(x: number): number {
    const t = this.kind === 'linear' ? x : log10(x);
    let i = Math.floor((t - this.origin) * this.scale);
    if (i < 0) i = 0;
    else if (i >= this.bins) i = this.bins - 1;
    // Rounding in the arithmetic can land a value sitting on an edge one bin off; the stored
    // edges are the truth. Each loop runs at most once or twice in practice.
    const e = this.edges;
    while (x < e[i]) i--;
    while (x >= e[i + 1]) i++;
    return i;
  }

  /** Total weight added, including underflow, overflow and zeros. */
  get count(): number {
    return this.total;
  }

  /** Weighted sum of the values added (exact, not read from the bins). */
  get sum(): number {
    return this.weightedSum;
  }

  /** Smallest value added; NaN when empty. */
  get min(): number {
    return this.total > 0 ? this.lo : NaN;
  }

  /** Largest value added; NaN when empty. */
  get max(): number {
    return this.total > 0 ? this.hi : NaN;
  }

  /**
   * Weighted mean of the values added; NaN when empty. Exact, from a running sum kept beside
   * the bins, rather than approximated from bin midpoints: the sum costs one add and does not
   * depend on how the values spread inside their bins or how many fell outside the range.
   */
  mean(): number {
    return this.total > 0 ? this.weightedSum / this.total : NaN;
  }

  /**
   * The q-quantile (0 <= q <= 1) read from the bins; NaN when empty.
   * The weight is laid out in order zeros, underflow, bins, overflow, and the value at rank
   * q · count is interpolated inside the region it falls in, assuming values spread evenly
   * inside it: linearly in a linear bin, linearly in log(x) in a log bin. The regions outside
   * the bins use the exact extremes kept beside them:
   * - zeros (log only): linear between the smallest value and 0, so 0 when all were exactly 0;
   * - underflow: linear between the smallest value (0 in a log histogram if zeros were also
   *   seen, as the smallest positive value is not kept) and edges[0];
   * - overflow: linear between edges[bins] and the largest value.
   * The result is clamped to [min, max], so quantile(0) is the minimum and quantile(1) the
   * maximum exactly.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`Histogram.quantile: q must be in [0, 1], got ${q}`);
    if (this.total === 0) return NaN;
    const r = q * this.total;
    let cum = 0;
    let v = this.hi;
    found: {
      if (this.zeros > 0) {
        if (r <= cum + this.zeros) {
          v = lerp(this.lo, 0, (r - cum) / this.zeros);
          break found;
        }
        cum += this.zeros;
      }
      if (this.underflow > 0) {
        if (r <= cum + this.underflow) {
          v = lerp(this.underflowFloor(), this.lower, (r - cum) / this.underflow);
          break found;
        }
        cum += this.underflow;
      }
      const e = this.edges, c = this.counts;
      for (let i = 0; i < this.bins; i++) {
        if (c[i] > 0) {
          if (r <= cum + c[i]) {
            const f = (r - cum) / c[i];
            v = this.kind === 'linear' ? lerp(e[i], e[i + 1], f) : e[i] * pow(e[i + 1] / e[i], f);
            break found;
          }
          cum += c[i];
        }
      }
      if (this.overflow > 0) v = lerp(this.upper, this.hi, Math.min(1, (r - cum) / this.overflow));
    }
    return Math.min(this.hi, Math.max(this.lo, v));
  }

  /**
   * Estimated share of the weight at or below x, with the same within-region assumptions as
   * `quantile`, so that cdf(quantile(q)) ≈ q. 0 below the minimum, 1 at or above the maximum;
   * NaN when empty.
   */
  cdf(x: number): number {
    if (Number.isNaN(x)) throw new RangeError('Histogram.cdf: x must be a number, got NaN');
    if (this.total === 0) return NaN;
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    let below = 0;
    if (this.kind === 'log') {
      if (x < 0) return (this.zeros * (x - this.lo)) / -this.lo / this.total;
      below += this.zeros;
    }
    if (x < this.lower) {
      const floor = this.underflowFloor();
      return (below + this.underflow * clamp01((x - floor) / (this.lower - floor))) / this.total;
    }
    below += this.underflow;
    if (x >= this.upper) {
      let inBins = 0;
      for (let i = 0; i < this.bins; i++) inBins += this.counts[i];
      return (below + inBins + (this.overflow * (x - this.upper)) / (this.hi - this.upper)) / this.total;
    }
    const i = this.binOf(x);
    for (let j = 0; j < i; j++) below += this.counts[j];
    const e = this.edges;
    const f = this.kind === 'linear' ? (x - e[i]) / (e[i + 1] - e[i]) : log(x / e[i]) / log(e[i + 1] / e[i]);
    return (below + this.counts[i] * f) / this.total;
  }

  private underflowFloor(): number {
    return this.kind === 'log' ? Math.max(this.lo, 0) : this.lo;
  }

  /** Adds another histogram's weight into this one; the bins must be the same. */
  merge(other: Histogram | HistogramSnapshot): this {
    const s = other instanceof Histogram ? other.snapshotView() : other;
    if (s.kind !== this.kind || s.lower !== this.lower || s.upper !== this.upper || s.bins !== this.bins || s.counts.length !== this.bins) {
      throw new RangeError(
        `Histogram.merge: bins differ, expected ${this.kind} [${this.lower}, ${this.upper}) in ${this.bins} bins, ` +
          `got ${s.kind} [${s.lower}, ${s.upper}) in ${s.bins} bins`,
      );
    }
    for (let i = 0; i < this.bins; i++) this.counts[i] += s.counts[i];
    this.underflow += s.underflow;
    this.overflow += s.overflow;
    this.zeros += s.zeros;
    this.total += s.count;
    this.weightedSum += s.sum;
    if (s.count > 0) {
      if (s.min < this.lo) this.lo = s.min;
      if (s.max > this.hi) this.hi = s.max;
    }
    return this;
  }

  /** Forgets every value (warm-up); the bins stay. */
  reset(): void {
    this.counts.fill(0);
    this.underflow = this.overflow = this.zeros = 0;
    this.total = this.weightedSum = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  snapshot(): HistogramSnapshot {
    return { ...this.snapshotView(), counts: this.counts.slice() };
  }

  private snapshotView(): HistogramSnapshot {
    return {
      kind: this.kind, lower: this.lower, upper: this.upper, bins: this.bins, counts: this.counts,
      underflow: this.underflow, overflow: this.overflow, zeros: this.zeros,
      count: this.total, sum: this.weightedSum, min: this.lo, max: this.hi,
    };
  }

  static from(s: HistogramSnapshot): Histogram {
    if (s.kind !== 'linear' && s.kind !== 'log') {
      throw new RangeError(`Histogram.from: kind must be 'linear' or 'log', got ${String(s.kind)}`);
    }
    return new Histogram(s.kind, s.lower, s.upper, s.bins).merge(s);
  }
}

function lerp(a: number, b: number, f: number): number {
  return a + (b - a) * f;
}

function clamp01(f: number): number {
  return f < 0 ? 0 : f > 1 ? 1 : f;
}
