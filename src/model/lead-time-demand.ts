// Reorder points for service-level stocking: the `level`-quantile of a SKU's demand in units over
// one factory lead time L (log-normal by median and p90), with orders Poisson at r a day and
// each 1 + Geometric units (mean `meanQuantity`). Exact for slow SKUs, where a normal
// approximation sets the reorder point too low; within a unit for fast ones.
//
// Computed in rates. Each unit ends its order with probability p = 1/meanQuantity, independently
// (the geometric law is memoryless), so the first s units hold B ~ Binomial(s, p) orders, and
// D <= s exactly when order B + 1 comes after L: when T_s ~ Gamma(B + 1) exceeds r·L/24. So
// P(D <= s) >= level iff r <= rho_s, the (1 − level)-quantile of 24·T_s/L; the reorder point
// at rate r is the smallest s with rho_s >= r. Calls and the table share rho_s, found
//  - up to EXACT_ORDERS / (1 + 3σ) orders (s <= exactUnits) exactly, by root-finding on
//    P(D <= s): the Pólya–Aeppli pmf by its three-term recursion, mixed over ln L by the
//    trapezoid rule;
//  - above, by the Cornish–Fisher expansion of ln T_s − σZ, whose cumulants follow from T_s's
//    exact ones as a series in 1/orders. Measured against the exact rho_s, off by at most 1/20
//    of the gap to the next at the switch (worst case of meanQuantity <= 4, level <= 0.999: a
//    constant lead time, 4, 0.999), falling as 1/orders² above it and the faster the wider L
//    spreads; so off by one unit at most, and only just below a step.
import { exp, log, log1p, lognormalFromMedianP90, normalQuantile, pow } from '../engine/index.ts';

export interface LeadTime { medianHours: number; p90Hours: number }

const EXACT_ORDERS = 128;
/** Lead times beyond ±9 sd of ln L (probability 2e-19) are left out. */
const Z_MAX = 9;
/** Trapezoid steps in z per coefficient of variation of D | L at the switch (1 is 1e-5 of a gap off; 2, 1e-9). */
const STEPS_PER_CV = 2;

/** What a reorder point depends on besides the rate, checked, with scratch space for sweeps. */
class Law {
  readonly days: number; readonly sigma: number; readonly p: number; readonly theta: number;
  readonly level: number; readonly exactUnits: number; private readonly z: number; // z: Φ⁻¹(1 − level)
  /** Mixing nodes: L = median·spread[j] with probability weight[j]; pmf state per node. */
  private readonly spread: Float64Array; private readonly weight: Float64Array;
  private readonly prev: Float64Array; private readonly cur: Float64Array; private readonly cum: Float64Array;
  /** P(D <= d) where the last sweep stopped. */
  last = 0;

  constructor(where: string, leadTime: LeadTime, meanQuantity: number, level: number) {
    const { medianHours, p90Hours } = leadTime ?? {};
    if (!(medianHours > 0) || medianHours === Infinity) throw bad(where, 'leadTime.medianHours', 'a finite number > 0', medianHours);
    if (!(p90Hours >= medianHours) || p90Hours === Infinity) throw bad(where, 'leadTime.p90Hours', `a finite number >= medianHours (${medianHours})`, p90Hours);
    if (!(meanQuantity >= 1) || meanQuantity === Infinity) throw bad(where, 'meanQuantity', 'a finite number >= 1', meanQuantity);
    if (!(level > 0 && level < 1)) throw bad(where, 'level', 'in (0, 1)', level);
    this.days = medianHours / 24;
    this.sigma = p90Hours > medianHours ? lognormalFromMedianP90(medianHours, p90Hours).sigma : 0;
    this.p = 1 / meanQuantity;
    this.theta = 1 - this.p;
    this.level = level;
    this.z = normalQuantile(1 - level);
    const exactOrders = EXACT_ORDERS / (1 + 3 * this.sigma);
    this.exactUnits = Math.ceil(exactOrders * meanQuantity);
    // D | L has coefficient of variation sqrt((2 − p)/orders): P(D <= s | L) steps over about that in ln L.
    const h = Math.min(0.5, Math.sqrt((2 - this.p) / exactOrders) / (STEPS_PER_CV * this.sigma));
    const half = this.sigma > 0 ? Math.ceil(Z_MAX / h) : 0;
    [this.spread, this.weight, this.prev, this.cur, this.cum] = [0, 1, 2, 3, 4].map(() => new Float64Array(2 * half + 1));
    let total = 0;
    for (let j = 0; j <= 2 * half; j++) {
      const z = (j - half) * h;
      this.spread[j] = exp(this.sigma * z);
      total += this.weight[j] = exp(-0.5 * z * z);
    }
    for (let j = 0; j <= 2 * half; j++) this.weight[j] /= total;
  }

  /**
   * Sweeps P(D <= d), d = 0, 1, …, at `median` expected orders per median lead time; returns the
   * first d with P(D <= d) >= target, else maxUnits + 1. Pólya–Aeppli: (1 − θx)² G' = λpG for
   * the generating function G gives f(d+1) = ((2θd + λp) f(d) − θ²(d−1) f(d−1)) / (d+1). Nodes
   * with λ >= 700 are left out (e^−λ would be subnormal, and slow): P(D <= exactUnits) is below
   * 1e-100 there, as D is at least the number of orders; so is a node whose pmf has fallen past
   * its mean below 1e-280 (frozen: what remains of it is as small).
   */
  sweep(median: number, maxUnits: number, target: number): number {
    const { spread, weight, prev, cur, cum, p, theta } = this;
    let lo = 0, hi = 0, F = 0, frozen = 0;
    for (; hi < spread.length && median * spread[hi] < 700; hi++) {
      prev[hi] = 0;
      F += weight[hi] * (cum[hi] = cur[hi] = exp(-median * spread[hi]));
    }
    this.last = F;
    if (F >= target) return 0;
    const t2 = theta * theta, lp = median * p;
    for (let d = 0; d < maxUnits; d++) {
      while (lo < hi && cur[lo] < 1e-280 && d * p > median * spread[lo]) frozen += weight[lo] * cum[lo++];
      const a = 2 * theta * d, b = t2 * (d - 1), c = 1 / (d + 1);
      F = frozen;
      for (let j = lo; j < hi; j++) {
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

  /** Exact rho_s, from below, by the Illinois method on ln r; `below` = rho_(s−1) (0 for s = 0), `step` ~ ln(rho_s/rho_(s−1)). */
  exactRate(s: number, below: number, step: number): number {
    const g = (x: number): number => (this.sweep(exp(x) * this.days, s, 2), this.last - this.level);
    const guess = this.approxRate(s);
    let a = log(below > 0 ? below : guess > 0 && guess < Infinity ? guess : 1), fa = g(a);
    while (fa < 0) fa = g((a -= 1));
    step = Math.max(step, 1e-3);
    let b = a + step, fb = g(b);
    while (fb >= 0) { a = b; fa = fb; b += (step *= 2); fb = g(b); }
    // Regula falsi halving the value at an end kept twice running, so both ends close in.
    for (let side = 0, i = 0; i < 100 && b - a > 1e-11 && fa > 0; i++) {
      const x = a + (b - a) * (fa / (fa - fb)), fx = g(x);
      if (fx >= 0) { a = x; fa = fx; if (side === 1) fb /= 2; side = 1; } else { b = x; fb = fx; if (side === -1) fa /= 2; side = -1; }
    }
    return exp(a);
  }

  /** rho_s by Cornish–Fisher (to third order) on ln T_s − σZ, its cumulants to O(orders^-4). */
  approxRate(s: number): number {
    const { theta, sigma, z } = this;
    const mu = 1 + s * this.p, m2 = mu * mu, t2 = theta * theta, t3 = t2 * theta;
    // Cumulants of T_s/mu − 1, c_k = (k − 1)!·((s + 1) − s·θ^k)/mu^k, of order orders^(1−k) …
    const c2 = (s + 1 - s * t2) / m2, c3 = (2 * (s + 1 - s * t3)) / (m2 * mu);
    const c4 = (6 * (s + 1 - s * t3 * theta)) / (m2 * m2), c5 = (24 * (s + 1 - s * t3 * t2)) / (m2 * m2 * mu);
    const c22 = c2 * c2, c23 = c22 * c2, c2c3 = c2 * c3;
    // … and of ln(T_s/mu) = ln(1 + ε), by expanding the logarithm (with a computer algebra system).
    const k1 = log(mu) - c2 / 2 - (9 * c22 - 4 * c3) / 12 - (10 * c23 - 8 * c2c3 + c4) / 4;
    const k2 = sigma * sigma + c2 + (5 * c22 - 2 * c3) / 2 + (128 * c23 - 96 * c2c3 + 11 * c4) / 12;
    const k3 = c3 - 3 * c22 - (44 * c23 - 30 * c2c3 + 3 * c4) / 2;
    const k4 = 20 * c23 - 12 * c2c3 + c4 + 279 * c22 * c22 - 264 * c22 * c3 + 34 * c2 * c4 + 24 * c3 * c3 - 2 * c5;
    const k5 = c5 - 20 * c2 * c4 - 15 * c3 * c3 + 180 * c22 * c3 - 210 * c22 * c22;
    const sd = Math.sqrt(k2), g1 = k3 / (k2 * sd), g2 = k4 / (k2 * k2), g3 = k5 / (k2 * k2 * sd);
    const z2 = z * z, z4 = z2 * z2;
    const x = z + ((z2 - 1) * g1) / 6 + ((z2 - 3) * z * g2) / 24 - ((2 * z2 - 5) * z * g1 * g1) / 36
      + ((z4 - 6 * z2 + 3) * g3) / 120 - ((z4 - 5 * z2 + 2) * g1 * g2) / 24 + ((12 * z4 - 53 * z2 + 17) * g1 * g1 * g1) / 324;
    return exp(k1 + sd * x) / this.days;
  }

  /** Smallest s with rho_s >= ordersPerDay. */
  quantile(ordersPerDay: number): number {
    if (ordersPerDay === 0) return 0;
    const s = this.sweep(ordersPerDay * this.days, this.exactUnits, this.level);
    if (s <= this.exactUnits) return s;
    let lo = this.exactUnits, hi = lo + 1; // rho_lo < ordersPerDay <= rho_hi
    while (this.approxRate(hi) < ordersPerDay) { lo = hi; hi *= 2; }
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
  const where = 'orderQuantityQuantile';
  if (!(meanQuantity >= 1) || meanQuantity === Infinity) throw bad(where, 'meanQuantity', 'a finite number >= 1', meanQuantity);
  if (!(q > 0 && q < 1)) throw bad(where, 'q', 'in (0, 1)', q);
  // P(Q > k) = θ^k <= 1 − q; the ratio of logs may land a hair off a whole number, so check.
  const theta = 1 - 1 / meanQuantity;
  let k = Math.max(1, Math.ceil(log1p(-q) / log(theta)));
  if (k > 1 && pow(theta, k - 1) <= 1 - q) k--;
  else if (pow(theta, k) > 1 - q) k++;
  return k;
}

/**
 * Reorder points precomputed once per run over a grid of daily order rates, so that planning
 * stays off the per-order path: `at(ordersPerDay)` returns the quantile at the smallest grid rate
 * >= ordersPerDay (never below the exact answer, at most one unit above it for rates in range).
 * The grid is rho_0 < rho_1 < …, the rates where the quantile steps up, each exact ones taken
 * from below: so `at` agrees with leadTimeDemandQuantile but within ~1e-11 (relative) below a
 * step, where it is one unit higher.
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
    for (let s = 0, rho = 0, step = 0.25; rho < maxOrdersPerDay || s === 0; s++) {
      // max() is a guard: the Cornish–Fisher rates do continue the exact ones upwards.
      const next = s <= this.law.exactUnits ? this.law.exactRate(s, rho, step) : Math.max(this.law.approxRate(s), rho);
      if (s > 0) step = 1.5 * (log(next) - log(rho)); // steps in ln r shrink: 1.5 of this one brackets the next
      rates.push((rho = next));
    }
    this.rates = Float64Array.from(rates);
  }

  /** The reorder point at `ordersPerDay`: a binary search, no allocation (beyond the range: computed directly). */
  at(ordersPerDay: number): number {
    if (!(ordersPerDay >= 0 && ordersPerDay <= this.maxOrdersPerDay)) {
      checkRate('LeadTimeDemandTable.at', ordersPerDay);
      return this.law.quantile(ordersPerDay);
    }
    const rates = this.rates;
    let lo = -1, hi = rates.length - 1; // rates[lo] < ordersPerDay <= rates[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (rates[mid] >= ordersPerDay) hi = mid; else lo = mid;
    }
    return hi;
  }
}
