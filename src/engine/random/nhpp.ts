// Arrivals whose rate changes over time (a non-homogeneous Poisson process), such as orders
// that follow a daily profile and a Black Friday peak, drawn by inverting the cumulative rate.
import { restoreFields, saveFields } from '../kernel/fields.ts';
import type { RandomStream } from './random.ts';

/**
 * A rate that is linear within each segment and may jump between segments. Segment i covers
 * [times[i], times[i + 1]) and runs from startRates[i] to endRates[i]; the rate is 0 before
 * times[0] and from times[k] on (the horizon). The arrays are copies: treat them as read-only.
 */
export class PiecewiseRate {
  readonly times: Float64Array;
  readonly startRates: Float64Array;
  readonly endRates: Float64Array;
  /** cumulatives[i] = ∫ rate from times[0] to times[i]. */
  readonly cumulatives: Float64Array;
  /** ∫ rate over the whole horizon: the expected number of arrivals. */
  readonly total: number;

  constructor(times: ArrayLike<number>, startRates: ArrayLike<number>, endRates: ArrayLike<number>) {
    const where = 'PiecewiseRate';
    const k = startRates.length;
    if (!(k >= 1)) throw new RangeError(`${where}: startRates must hold at least one segment's rate, got ${k}`);
    if (endRates.length !== k) {
      throw new RangeError(`${where}: endRates must have the length of startRates (${k}), got ${endRates.length}`);
    }
    if (times.length !== k + 1) {
      throw new RangeError(`${where}: times must have one more entry than startRates (${k + 1}), got ${times.length}`);
    }
    checkTimes(where, 'times', times);
    checkRates(where, 'startRates', startRates);
    checkRates(where, 'endRates', endRates);

    this.times = Float64Array.from(times);
    this.startRates = Float64Array.from(startRates);
    this.endRates = Float64Array.from(endRates);
    this.cumulatives = new Float64Array(k + 1);
    for (let i = 0; i < k; i++) {
      const area = 0.5 * (this.startRates[i] + this.endRates[i]) * (this.times[i + 1] - this.times[i]);
      this.cumulatives[i + 1] = this.cumulatives[i] + area;
    }
    this.total = this.cumulatives[k];
    if (this.total === Infinity) throw new RangeError(`${where}: the integral of the rate must be finite, got Infinity`);
  }

  /** The same rate from `from` until `to`. */
  static constant(rate: number, from: number, to: number): PiecewiseRate {
    const where = 'PiecewiseRate.constant';
    if (!(rate >= 0) || rate === Infinity) throw new RangeError(`${where}: rate must be a finite number >= 0, got ${String(rate)}`);
    if (!(from > -Infinity) || from === Infinity) throw new RangeError(`${where}: from must be a finite number, got ${String(from)}`);
    if (!(to > from) || to === Infinity) throw new RangeError(`${where}: to must be a finite number > from (${from}), got ${String(to)}`);
    return new PiecewiseRate([from, to], [rate], [rate]);
  }

  /** The continuous rate that is rates[i] at times[i] and linear in between. */
  static fromPoints(times: ArrayLike<number>, rates: ArrayLike<number>): PiecewiseRate {
    const where = 'PiecewiseRate.fromPoints';
    if (!(times.length >= 2)) throw new RangeError(`${where}: times must hold at least 2 points, got ${times.length}`);
    if (rates.length !== times.length) {
      throw new RangeError(`${where}: rates must have the length of times (${times.length}), got ${rates.length}`);
    }
    checkTimes(where, 'times', times);
    checkRates(where, 'rates', rates);
    const k = times.length - 1;
    const starts = new Float64Array(k), ends = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      starts[i] = rates[i];
      ends[i] = rates[i + 1];
    }
    return new PiecewiseRate(times, starts, ends);
  }

  /** The first time covered. */
  get from(): number {
    return this.times[0];
  }

  /** The horizon: the rate is 0 from here on. */
  get to(): number {
    return this.times[this.times.length - 1];
  }

  rateAt(t: number): number {
    if (t !== t) throw new RangeError('PiecewiseRate.rateAt: t must be a number, got NaN');
    const times = this.times;
    if (t < times[0] || t >= times[times.length - 1]) return 0;
    const i = this.segmentOf(t);
    const h = times[i + 1] - times[i];
    return this.startRates[i] + (this.endRates[i] - this.startRates[i]) * ((t - times[i]) / h);
  }

  /** ∫ rate from times[0] to t: the expected number of arrivals by time t. */
  cumulative(t: number): number {
    if (t !== t) throw new RangeError('PiecewiseRate.cumulative: t must be a number, got NaN');
    const times = this.times;
    if (t <= times[0]) return 0;
    if (t >= times[times.length - 1]) return this.total;
    const i = this.segmentOf(t);
    return this.cumulatives[i] + areaInto(this, i, t - times[i]);
  }

  /**
   * The smallest t >= times[0] with cumulative(t) = target (so the start of any stretch of zero
   * rate, never its end); Infinity when target exceeds the total.
   */
  inverseCumulative(target: number): number {
    if (!(target >= 0)) throw new RangeError(`PiecewiseRate.inverseCumulative: target must be a number >= 0, got ${String(target)}`);
    if (target > this.total) return Infinity;
    // First segment whose end is at or past the target.
    const cum = this.cumulatives;
    let lo = 0, hi = this.startRates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    return timeIn(this, lo, target);
  }

  /** The segment i with times[i] <= t < times[i + 1], for t inside the horizon. */
  private segmentOf(t: number): number {
    const times = this.times;
    let lo = 0, hi = times.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (times[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Arrival times of a Poisson process with a piecewise rate, by inversion: arrival j is at
 * Λ⁻¹(E1 + … + Ej) with Ej ~ exponential(1) and Λ the cumulative rate. Exactly one draw per
 * arrival, monotone in it, so two scenarios on the same stream see aligned demand even when
 * their rates differ.
 */
export class PoissonArrivals {
  private readonly rate: PiecewiseRate;
  private readonly stream: RandomStream;
  private last = -Infinity; // the previous arrival, or where the process was (re)started
  private level = 0; // Λ(last), carried as the exact running sum of the draws
  private segment = 0; // cursor: the segment holding `last`, where the next search starts
  private exhausted = false;

  constructor(rate: PiecewiseRate, stream: RandomStream) {
    this.rate = rate;
    this.stream = stream;
  }

  /** Where the process stands (for a snapshot; its rate and stream are the owner's to keep). */
  saveState(): Record<string, unknown> {
    return saveFields(this, new Set([this.rate, this.stream]));
  }

  restoreState(state: Record<string, unknown>): void {
    restoreFields(this, state);
  }

  /**
   * The next arrival strictly after the previous one; the first call starts the process at
   * `now`. If `now` is past the previous arrival (the caller skipped ahead) the process
   * restarts at `now`, which memorylessness makes exact. Infinity once the rate is exhausted.
   */
  next(now: number): number {
    if (!(now > -Infinity) || now === Infinity) {
      throw new RangeError(`PoissonArrivals.next: now must be a finite number, got ${String(now)}`);
    }
    if (this.exhausted) return Infinity;
    if (now > this.last) {
      this.restartAt(now);
      if (this.exhausted) return Infinity;
    }
    const rate = this.rate;
    const target = this.level + this.stream.exponential(1);
    if (target > rate.total) {
      this.exhausted = true;
      return Infinity;
    }
    const cum = rate.cumulatives;
    let i = this.segment;
    while (cum[i + 1] < target) i++; // stops by the last segment, as target <= total
    this.segment = i;
    let t = timeIn(rate, i, target);
    // A draw of exactly 0, or two arrivals closer than one ulp of the clock, would tie: keep
    // the promise of strictly increasing times by moving to the next representable time.
    if (!(t > this.last)) t = this.last + Math.max(Math.abs(this.last) * Number.EPSILON, Number.MIN_VALUE);
    this.last = t;
    this.level = target;
    return t;
  }

  private restartAt(now: number): void {
    const rate = this.rate, times = rate.times, k = rate.startRates.length;
    this.last = now;
    if (now <= times[0]) {
      this.segment = 0;
      this.level = 0;
      return;
    }
    if (now >= times[k]) {
      this.exhausted = true;
      return;
    }
    // Usually now is in the cursor's segment or the next; otherwise search.
    let i = this.segment;
    if (!(times[i] <= now && now < times[i + 1])) {
      if (i + 1 < k && times[i + 1] <= now && now < times[i + 2]) i++;
      else {
        let lo = 0, hi = k - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (times[mid] <= now) lo = mid;
          else hi = mid - 1;
        }
        i = lo;
      }
    }
    this.segment = i;
    this.level = rate.cumulatives[i] + areaInto(rate, i, now - times[i]);
  }
}

/** ∫ rate over [times[i], times[i] + dt] within segment i. */
function areaInto(rate: PiecewiseRate, i: number, dt: number): number {
  const a = rate.startRates[i];
  const slope = (rate.endRates[i] - a) / (rate.times[i + 1] - rate.times[i]);
  return dt * (a + 0.5 * slope * dt);
}

/** The smallest t in segment i with cumulative(t) = target, for cumulatives[i] <= target <= cumulatives[i + 1]. */
function timeIn(rate: PiecewiseRate, i: number, target: number): number {
  const t0 = rate.times[i], t1 = rate.times[i + 1];
  const r = target - rate.cumulatives[i];
  if (!(r > 0)) return t0;
  const a = rate.startRates[i];
  const slope = (rate.endRates[i] - a) / (t1 - t0);
  // Solve a·dt + slope·dt²/2 = r. The form 2r / (a + √(a² + 2·slope·r)) adds two non-negative
  // terms, so it neither cancels when the slope is near 0 (it tends to r / a) nor divides by 0
  // when a is 0 (it becomes √(2r / slope)). Rounding can push the discriminant just below 0
  // when a falling rate reaches 0 at the segment's end.
  const disc = a * a + 2 * slope * r;
  const dt = (2 * r) / (a + Math.sqrt(disc > 0 ? disc : 0));
  const t = t0 + dt;
  return t < t1 ? t : t1;
}

function checkTimes(where: string, name: string, times: ArrayLike<number>): void {
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (!(t > -Infinity) || t === Infinity) {
      throw new RangeError(`${where}: ${name}[${i}] must be a finite number, got ${String(t)}`);
    }
    if (i > 0 && !(t > times[i - 1])) {
      throw new RangeError(`${where}: ${name} must be strictly increasing, got ${name}[${i}] = ${t} after ${times[i - 1]}`);
    }
  }
}

function checkRates(where: string, name: string, rates: ArrayLike<number>): void {
  for (let i = 0; i < rates.length; i++) {
    const r = rates[i];
    if (!(r >= 0) || r === Infinity) {
      throw new RangeError(`${where}: ${name}[${i}] must be a finite number >= 0, got ${String(r)}`);
    }
  }
}
