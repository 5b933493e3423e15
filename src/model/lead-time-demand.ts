// Reorder points for service-level stocking: s = the `level`-quantile of a SKU's demand in units
// over one factory lead time, the stock that covers the lead time in `level` of cycles. The law:
// lead time L log-normal (median, p90); orders Poisson at r a day while L runs; an order is
// 1 + Geometric units with mean `meanQuantity`. Slow SKUs, whose reorder point a normal
// approximation sets too low, are computed exactly; fast ones to well within a unit.
//
// Why it is computed in rates. Each unit ends its order with probability p = 1/meanQuantity,
// independently (the geometric law is memoryless), so the first s units hold B ~ Binomial(s, p)
// whole orders, and D <= s exactly when order B + 1 arrives after the lead time ends: when
// T_s ~ Gamma(B + 1), that order's arrival in "expected orders", exceeds r·L/24. So
// P(D <= s) >= level exactly when r <= rho_s, the (1 − level)-quantile of 24·T_s / L, and the
// reorder point at rate r is the smallest s with rho_s >= r. rho_s is found
//  - for s up to about EXACT_ORDERS orders: by root-finding on the exact P(D <= s), the
//    Pólya–Aeppli pmf by its three-term recursion mixed over L by the trapezoid rule in z;
//  - above: ln(24·T_s/L) = ln T_s − ln(median days) − σZ, where T_s's cumulants are exact,
//    (k−1)!·((s+1) − s·θ^k) with θ = 1 − p, ln T_s's follow as a series in 1/orders, and the
//    Cornish–Fisher expansion gives the quantile (off from the exact rho_s by under 1/20 of the
//    gap to its neighbour, measured; the tests check it against a brute-force sum).
// The same rho_s serve one-off calls and the table, so the two agree.
import { exp, log, lognormalFromMedianP90, normalQuantile } from '../engine/index.ts';

/** Lead time in hours, log-normal by its median and 90th percentile (equal: a constant). */
export interface LeadTime { medianHours: number; p90Hours: number }

/** Below about this many orders per lead time rho_s is exact; above, Cornish–Fisher is. */
const EXACT_ORDERS = 64;
/** Lead times beyond ±9 standard deviations of ln L (probability 2e-19) are left out. */
const Z_MAX = 9;
/** Trapezoid steps per coefficient of variation of D at EXACT_ORDERS orders, in z. */
const STEPS_PER_CV = 2;

/** What a reorder point depends on besides the rate, checked, with scratch space for sweeps. */
class Law {
  readonly days: number;
  readonly sigma: number;
  readonly p: number;
  readonly theta: number;
  readonly level: number;
  /** The (1 − level)-quantile of the standard normal. */
  readonly z: number;
  /** Largest s whose rho_s is computed exactly. */
  readonly exactUnits: number;
  /** Mixing nodes: L = median·spread[j] with weight[j] (trapezoid rule on the normal in z). */
  private readonly spread: Float64Array;
  private readonly weight: Float64Array;
  private readonly prev: Float64Array;
  private readonly cur: Float64Array;
  private readonly cum: Float64Array;
  /** P(D <= s) where the last sweep stopped. */
  last = 0;

  constructor(where: string, leadTime: LeadTime, meanQuantity: number, level: number) {
    const { medianHours, p90Hours } = leadTime ?? {};
    if (!(medianHours > 0) || medianHours === Infinity) throw bad(where, 'leadTime.medianHours', 'a finite number > 0', medianHours);
    if (!(p90Hours >= medianHours) || p90Hours === Infinity) {
      throw bad(where, 'leadTime.p90Hours', `a finite number >= medianHours (${medianHours})`, p90Hours);
    }
    if (!(meanQuantity >= 1) || meanQuantity === Infinity) throw bad(where, 'meanQuantity', 'a finite number >= 1', meanQuantity);
    if (!(level > 0 && level < 1)) throw bad(where, 'level', 'in (0, 1)', level);
    this.days = medianHours / 24;
    this.sigma = p90Hours > medianHours ? lognormalFromMedianP90(medianHours, p90Hours).sigma : 0;
    this.p = 1 / meanQuantity;
    this.theta = 1 - this.p;
    this.level = level;
    this.z = normalQuantile(1 - level);
    this.exactUnits = Math.ceil(EXACT_ORDERS * meanQuantity);
    // D | L has coefficient of variation sqrt((2 − p)/orders): resolve that at EXACT_ORDERS orders.
    const h = Math.min(0.5, Math.sqrt((2 - this.p) / EXACT_ORDERS) / (STEPS_PER_CV * this.sigma));
    const half = this.sigma > 0 ? Math.ceil(Z_MAX / h) : 0;
    const n = 2 * half + 1;
    [this.spread, this.weight, this.prev, this.cur, this.cum] = [0, 1, 2, 3, 4].map(() => new Float64Array(n));
    let total = 0;
    for (let j = 0; j < n; j++) {
      const z = (j - half) * h;
      this.spread[j] = exp(this.sigma * z);
      total += this.weight[j] = exp(-0.5 * z * z);
    }
    for (let j = 0; j < n; j++) this.weight[j] /= total;
  }

  /**
   * Sweeps P(D <= d) for d = 0, 1, … at `median` expected orders per median lead time; returns
   * the first d with P(D <= d) >= target, or maxUnits + 1 (this.last holds P(D <= maxUnits)).
   * Pólya–Aeppli: f(d+1) = ((2θd + λp) f(d) − θ²(d−1) f(d−1)) / (d+1), from (1 − θx)² G' = λpG
   * for its generating function G; f(0) = e^(−λ) underflows to 0 beyond λ ≈ 745, where
   * P(D <= exactUnits) is below 1e-100 anyway (D >= number of orders).
   */
  sweep(median: number, maxUnits: number, target: number): number {
    const { spread, weight, prev, cur, cum, p, theta } = this;
    let n = 0;
    let F = 0;
    while (n < spread.length && median * spread[n] < 745) {
      prev[n] = 0;
      F += weight[n] * (cum[n] = cur[n] = exp(-median * spread[n]));
      n++;
    }
    this.last = F;
    if (F >= target) return 0;
    const t2 = theta * theta;
    for (let d = 0; d < maxUnits; d++) {
      const a = 2 * theta * d, b = t2 * (d - 1), c = 1 / (d + 1), lp = median * p;
      F = 0;
      for (let j = 0; j < n; j++) {
        const next = ((a + lp * spread[j]) * cur[j] - b * prev[j]) * c;
        prev[j] = cur[j];
        cur[j] = next;
        F += weight[j] * (cum[j] += next);
      }
      this.last = F;
      if (F >= target) return d + 1;
    }
    return maxUnits + 1;
  }

  /** Exact rho_s (s <= exactUnits), from below: by the Illinois method on x = ln r, given rho_(s−1). */
  exactRate(s: number, below: number): number {
    const g = (x: number): number => (this.sweep(exp(x) * this.days, s, 2), this.last - this.level);
    const guess = this.approxRate(s);
    let a = log(below > 0 ? below : guess > 0 && guess < Infinity ? guess : 1), fa = g(a);
    while (fa < 0) fa = g((a -= 1));
    let b = a + 0.25, fb = g(b);
    while (fb >= 0) { a = b; fa = fb; b += 0.5; fb = g(b); }
    // Illinois: regula falsi that halves the stale end's value, so both ends close in.
    for (let side = 0, i = 0; i < 200 && b - a > 1e-11; i++) {
      const x = a + (b - a) * (fa / (fa - fb)), fx = g(x);
      if (fx >= 0) { a = x; fa = fx; if (side === 1) fb /= 2; side = 1; } else { b = x; fb = fx; if (side === -1) fa /= 2; side = -1; }
    }
    return exp(a);
  }

  /** rho_s by Cornish–Fisher on W = ln T_s − σZ, cumulants of ln T_s to O(orders^-3). */
  approxRate(s: number): number {
    const { theta, sigma, z } = this;
    const mu = 1 + s * this.p, m2 = mu * mu;
    const t2 = theta * theta, t3 = t2 * theta;
    // Cumulants of T_s / mu − 1: c_k = (k − 1)!·((s + 1) − s·θ^k) / mu^k.
    const c2 = (s + 1 - s * t2) / m2, c3 = (2 * (s + 1 - s * t3)) / (m2 * mu), c4 = (6 * (s + 1 - s * t3 * theta)) / (m2 * m2);
    const c22 = c2 * c2, c23 = c22 * c2, c2c3 = c2 * c3;
    const k1 = log(mu) - c2 / 2 - (9 * c22 - 4 * c3) / 12 - (10 * c23 - 8 * c2c3 + c4) / 4;
    const k2 = sigma * sigma + c2 + (5 * c22 - 2 * c3) / 2 + (128 * c23 - 96 * c2c3 + 11 * c4) / 12;
    const k3 = c3 - 3 * c22 - (44 * c23 - 30 * c2c3 + 3 * c4) / 2;
    const k4 = 20 * c23 - 12 * c2c3 + c4;
    const sd = Math.sqrt(k2), g1 = k3 / (k2 * sd), g2 = k4 / (k2 * k2), z2 = z * z;
    const x = z + ((z2 - 1) * g1) / 6 + ((z2 - 3) * z * g2) / 24 - ((2 * z2 - 5) * z * g1 * g1) / 36;
    return exp(k1 + sd * x) / this.days;
  }

  /** Smallest s with rho_s >= ordersPerDay. */
  quantile(ordersPerDay: number): number {
    if (ordersPerDay === 0) return 0;
    const s = this.sweep(ordersPerDay * this.days, this.exactUnits, this.level);
    if (s <= this.exactUnits) return s;
    let lo = this.exactUnits, hi = lo + 1;
    while (this.approxRate(hi) < ordersPerDay) [lo, hi] = [hi, 2 * hi];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.approxRate(mid) >= ordersPerDay) hi = mid; else lo = mid;
    }
    return hi;
  }
}

function bad(where: string, name: string, expected: string, got: unknown): RangeError {
  return new RangeError(`${where}: ${name} must be ${expected}, got ${String(got)}`);
}

function checkRate(where: string, ordersPerDay: number): void {
  if (!(ordersPerDay >= 0) || ordersPerDay === Infinity) throw bad(where, 'ordersPerDay', 'a finite number >= 0', ordersPerDay);
}

/** Smallest whole s >= 0 with P(lead-time demand in units <= s) >= level. */
export function leadTimeDemandQuantile(ordersPerDay: number, leadTime: LeadTime, meanQuantity: number, level: number): number {
  checkRate('leadTimeDemandQuantile', ordersPerDay);
  return new Law('leadTimeDemandQuantile', leadTime, meanQuantity, level).quantile(ordersPerDay);
}

/** The q-quantile of one order's quantity 1 + Geometric(1/meanQuantity): smallest k >= 1 with P(Q <= k) >= q (5 at mean 1.5, q = 0.99). */
export function orderQuantityQuantile(meanQuantity: number, q: number): number {
  if (!(meanQuantity >= 1) || meanQuantity === Infinity) throw bad('orderQuantityQuantile', 'meanQuantity', 'a finite number >= 1', meanQuantity);
  if (!(q > 0 && q < 1)) throw bad('orderQuantityQuantile', 'q', 'in (0, 1)', q);
  // P(Q > k) = θ^k; count up rather than take a ratio of logs that may land a hair off an integer.
  const theta = 1 - 1 / meanQuantity;
  let k = 1;
  for (let tail = theta; tail > 1 - q; tail *= theta) k++;
  return k;
}

/**
 * Reorder points precomputed once per run over a grid of daily order rates, so that planning
 * stays off the per-order path: `at(ordersPerDay)` returns the quantile at the smallest grid rate
 * >= ordersPerDay (never below the exact answer, at most one unit above it for rates in range).
 * The grid is rho_0 < rho_1 < …: the rates at which the quantile steps up, so `at` is exact but
 * for slivers of width ~1e-11 (relative) below each step, where it may be one unit high.
 */
export class LeadTimeDemandTable {
  /** rates[s] = rho_s, the highest daily rate at which s units cover the lead time at `level`. */
  private readonly rates: Float64Array;
  private readonly law: Law;
  private readonly maxOrdersPerDay: number;

  constructor(leadTime: LeadTime, meanQuantity: number, level: number, maxOrdersPerDay: number) {
    const where = 'LeadTimeDemandTable';
    this.law = new Law(where, leadTime, meanQuantity, level);
    if (!(maxOrdersPerDay >= 0) || maxOrdersPerDay === Infinity) throw bad(where, 'maxOrdersPerDay', 'a finite number >= 0', maxOrdersPerDay);
    this.maxOrdersPerDay = maxOrdersPerDay;
    const rates: number[] = [];
    for (let s = 0, rho = 0; rho < maxOrdersPerDay || s === 0; s++) {
      // max(): the Cornish–Fisher rates continue the exact ones upwards (checked in the tests).
      rho = s <= this.law.exactUnits ? this.law.exactRate(s, rho) : Math.max(this.law.approxRate(s), rho);
      rates.push(rho);
    }
    this.rates = Float64Array.from(rates);
  }

  /** The reorder point at `ordersPerDay`: a binary search, no allocation (beyond the range: computed directly). */
  at(ordersPerDay: number): number {
    const rates = this.rates;
    if (!(ordersPerDay <= this.maxOrdersPerDay)) {
      checkRate('LeadTimeDemandTable.at', ordersPerDay);
      return this.law.quantile(ordersPerDay);
    }
    if (!(ordersPerDay >= 0)) checkRate('LeadTimeDemandTable.at', ordersPerDay);
    let lo = -1, hi = rates.length - 1; // rates[hi] >= ordersPerDay; rates[lo] < it
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (rates[mid] >= ordersPerDay) hi = mid; else lo = mid;
    }
    return hi;
  }
}
