// Streaming summary of observations (count, mean, variance, min, max, sum) in constant memory,
// mergeable across replications or workers.

/** Plain-data state of a Tally; survives structured clone (postMessage) unchanged. */
export interface TallySnapshot {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean (Welford's M2). */
  m2: number;
  /** Infinity when empty. */
  min: number;
  /** -Infinity when empty. */
  max: number;
  sum: number;
}

export class Tally {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;
  // Neumaier-compensated sum: totals like fines over a season add millions of terms of
  // very different sizes, and mean * count would inherit the mean's rounding.
  private total = 0;
  private carry = 0;

  /** Records one observation. Throws on NaN or ±Infinity, which would poison every statistic. */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`Tally.add: x must be a finite number, got ${x}`);
    // Welford: updating around the running mean avoids the cancellation of sum(x²) − n·mean²,
    // which loses everything for values like 1e9 + noise.
    const n = ++this.n;
    const delta = x - this.mu;
    this.mu += delta / n;
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    const t = this.total + x;
    this.carry += Math.abs(this.total) >= Math.abs(x) ? this.total - t + x : x - t + this.total;
    this.total = t;
  }

  /** Folds another tally (or its snapshot) into this one, as if its observations were added here. */
  merge(other: Tally | TallySnapshot): this {
    const b = other instanceof Tally ? other.snapshot() : other;
    if (b.count === 0) return this;
    if (this.n === 0) {
      this.n = b.count;
      this.mu = b.mean;
      this.m2 = b.m2;
    } else {
      // Chan, Golub & LeVeque's pairwise combination of means and M2.
      const n = this.n + b.count;
      const delta = b.mean - this.mu;
      this.mu += (delta * b.count) / n;
      this.m2 += b.m2 + (delta * delta * this.n * b.count) / n;
      this.n = n;
    }
    if (b.min < this.lo) this.lo = b.min;
    if (b.max > this.hi) this.hi = b.max;
    const t = this.total + b.sum;
    this.carry += Math.abs(this.total) >= Math.abs(b.sum) ? this.total - t + b.sum : b.sum - t + this.total;
    this.total = t;
    return this;
  }

  /** Forgets every observation (warm-up). */
  reset(): void {
    this.n = 0;
    this.mu = 0;
    this.m2 = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.total = 0;
    this.carry = 0;
  }

  get count(): number {
    return this.n;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n > 0 ? this.mu : NaN;
  }

  /** Sample variance (divides by n − 1); NaN with fewer than two observations. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
  }

  /** Sample standard deviation; NaN with fewer than two observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : NaN;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : NaN;
  }

  /** 0 when empty. */
  get sum(): number {
    return this.total + this.carry;
  }

  snapshot(): TallySnapshot {
    return { count: this.n, mean: this.mu, m2: this.m2, min: this.lo, max: this.hi, sum: this.sum };
  }

  /**
   * Rebuilds a tally from a snapshot. Accepts one that went through JSON too, where an empty
   * tally's ±Infinity min/max became null.
   */
  static from(s: TallySnapshot): Tally {
    if (!(Number.isInteger(s.count) && s.count >= 0)) {
      throw new RangeError(`Tally.from: count must be a non-negative integer, got ${s.count}`);
    }
    if (s.count > 0 && !(Number.isFinite(s.mean) && s.m2 >= 0 && Number.isFinite(s.min) && Number.isFinite(s.max))) {
      throw new RangeError(`Tally.from: a non-empty snapshot needs finite mean, min, max and m2 >= 0, got ${JSON.stringify(s)}`);
    }
    const t = new Tally();
    if (s.count > 0) {
      t.n = s.count;
      t.mu = s.mean;
      t.m2 = s.m2;
      t.lo = s.min;
      t.hi = s.max;
      t.total = s.sum;
    }
    return t;
  }
}
