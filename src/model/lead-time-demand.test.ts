import { describe, expect, it } from 'vitest';
import { exp, log, lognormalFromMedianP90, lognormalMean, lognormalVariance, normalQuantile, RandomStream } from '../engine/index.ts';
import { LeadTimeDemandTable, leadTimeDemandQuantile, orderQuantityQuantile } from './lead-time-demand.ts';

const LEAD = { medianHours: 120, p90Hours: 240 }; // the default factory lead time
const FIXED_5_DAYS = { medianHours: 120, p90Hours: 120 };
const LEVELS = [0.9, 0.95, 0.99];

/** One draw of the law itself: L log-normal, N ~ Poisson(r·L/24), D = sum of N quantities 1 + Geometric(p). */
function drawDemand(rng: RandomStream, ordersPerDay: number, lead: typeof LEAD, meanQuantity: number): number {
  const sigma = lead.p90Hours > lead.medianHours ? lognormalFromMedianP90(lead.medianHours, lead.p90Hours).sigma : 0;
  const hours = rng.lognormal(log(lead.medianHours), sigma);
  const orders = rng.poisson((ordersPerDay * hours) / 24);
  const p = 1 / meanQuantity;
  if (p === 1 || orders === 0) return orders;
  if (orders <= 16) {
    let units = orders;
    for (let i = 0; i < orders; i++) units += rng.geometric(p); // failures before a success: the extra units
    return units;
  }
  // The extras of many orders, a negative binomial, drawn as Poisson(Gamma(orders, (1 − p)/p)): same law, O(1).
  return orders + rng.poisson(rng.gamma(orders, (1 - p) / p));
}

/**
 * P(D <= s) for each s of `at` (ascending), by brute force and independently of the module's
 * approximations: the trapezoid rule in z with 8 steps per conditional coefficient of variation
 * over ±9 sd, each lead time's Pólya–Aeppli pmf by its recursion from 0 in rescaled doubles (no
 * underflow at any λ). Only lead times whose demand lies 12 sd or more from every s are skipped:
 * their conditional P(D <= s) is 0 or 1 to double precision.
 */
function bruteCdf(ordersPerDay: number, lead: typeof LEAD, meanQuantity: number, at: number[]): number[] {
  const sigma = lead.p90Hours > lead.medianHours ? lognormalFromMedianP90(lead.medianHours, lead.p90Hours).sigma : 0;
  const p = 1 / meanQuantity, th = 1 - p, top = at[at.length - 1];
  const h = sigma > 0 ? Math.min(0.05, Math.sqrt((2 - p) / Math.max(1, top * p)) / (8 * sigma)) : 1;
  const half = sigma > 0 ? Math.ceil(9 / h) : 0;
  const out = at.map(() => 0);
  let total = 0;
  for (let j = -half; j <= half; j++) {
    const w = exp(-0.5 * (j * h) ** 2);
    total += w;
    const lambda = ((ordersPerDay * lead.medianHours) / 24) * exp(sigma * j * h);
    const mean = lambda * meanQuantity, sd = Math.sqrt(lambda * (2 - p)) * meanQuantity;
    if (lambda > 50 && (at[0] - mean > 12 * sd + 50 || mean - top > 12 * sd + 50)) {
      if (at[0] > mean) for (let i = 0; i < at.length; i++) out[i] += w;
      continue;
    }
    let prev = 0, cur = 1, cum = 1, logScale = -lambda, i = 0; // f(d) = cur · e^logScale
    for (let d = 0; d <= top; d++) {
      while (i < at.length && at[i] === d) out[i++] += w * exp(logScale + log(cum));
      const next = ((2 * th * d + lambda * p) * cur - th * th * (d - 1) * prev) / (d + 1);
      prev = cur;
      cur = next;
      cum += next;
      if (cum > 1e250) { prev *= 1e-250; cur *= 1e-250; cum *= 1e-250; logScale += 250 * log(10); }
    }
  }
  return out.map((x) => x / total);
}

/** P(D <= s), s = 0..max, for a constant lead time of `lambda` expected orders, by Panjer's recursion (O(s²), no shortcuts). */
function panjerCdf(lambda: number, meanQuantity: number, max: number): number[] {
  const p = 1 / meanQuantity, f = [exp(-lambda)];
  for (let d = 1; d <= max; d++) {
    let sum = 0;
    for (let k = 1, qk = p; k <= d; k++, qk *= 1 - p) sum += k * qk * f[d - k];
    f.push((lambda / d) * sum);
  }
  let c = 0;
  return f.map((x) => (c += x));
}

const firstReaching = (cdf: number[], level: number): number => cdf.findIndex((c) => c >= level);

describe('leadTimeDemandQuantile against Monte Carlo of the same law', () => {
  // The claim: the exact quantile s* is within one unit of the true one. The true level-quantile
  // lies between the order statistics k = n·level ± 4.5·sqrt(n·level·(1 − level)) of n draws,
  // except with probability ~1e-5 per case (sampling error of an empirical quantile); the
  // draws are whole units, so the tolerance is that band widened by one unit (discreteness).
  // For slow SKUs the band is one or two units wide, so this pins s* down; at 1,000 orders a
  // day it is ±500 units at 0.99 (the empirical quantile's standard error, sqrt(level·(1 −
  // level)/n) / density, is ~115 units there), which is why the next block checks fast SKUs
  // against a brute-force sum instead.
  const n = 200_000;
  const rates = [1 / 45, 1 / 10.5, 0.3, 1, 3, 10, 30, 100, 300, 1000]; // a unit a month … 1,000 orders a day
  it.each(rates.map((r, i) => [r, i]))('at %f orders a day (mean quantity 1.5)', (rate, i) => {
    const rng = new RandomStream(20240611, i, 'test.ltd');
    const sample = new Float64Array(n);
    for (let k = 0; k < n; k++) sample[k] = drawDemand(rng, rate, LEAD, 1.5);
    sample.sort();
    for (const level of LEVELS) {
      const spread = 4.5 * Math.sqrt(n * level * (1 - level));
      const low = sample[Math.floor(n * level - spread)], high = sample[Math.ceil(n * level + spread)];
      const s = leadTimeDemandQuantile(rate, LEAD, 1.5, level);
      expect(s, `level ${level}: band [${low}, ${high}]`).toBeGreaterThanOrEqual(low - 1);
      expect(s, `level ${level}: band [${low}, ${high}]`).toBeLessThanOrEqual(high + 1);
    }
  });
});

describe('leadTimeDemandQuantile against exact sums', () => {
  it('the brute-force reference agrees with Panjer’s recursion', () => {
    for (const [lambda, q] of [[0.2, 1.5], [4, 1.5], [40, 1.5], [40, 1], [25, 4]]) {
      const panjer = panjerCdf(lambda, q, 200);
      const at = [0, 1, 5, 30, 60, 120, 200];
      const brute = bruteCdf(lambda, { medianHours: 24, p90Hours: 24 }, q, at);
      at.forEach((s, i) => expect(Math.abs(brute[i] - panjer[s])).toBeLessThan(1e-12));
    }
  });

  it('slow SKUs, narrow to very wide lead times: exactly the brute-force quantile', () => {
    const leads = [LEAD, FIXED_5_DAYS, { medianHours: 120, p90Hours: 130 }, { medianHours: 120, p90Hours: 1200 }];
    for (const lead of leads) for (const q of [1, 1.5, 4]) for (const level of [0.5, ...LEVELS, 0.999]) {
      for (let i = 0; i < 12; i++) {
        const rate = 10 ** (-3 + i / 4); // 0.001 to 0.56 orders a day
        const s = leadTimeDemandQuantile(rate, lead, q, level);
        if (s > 20) continue; // exactness is claimed for slow SKUs
        const cdf = bruteCdf(rate, lead, q, Array.from({ length: 24 }, (_, k) => k));
        expect(s, `${rate}/day, ${JSON.stringify(lead)}, q ${q}, level ${level}`).toBe(firstReaching(cdf, level));
      }
    }
  });

  it('fast SKUs, 30 to 1,000 orders a day: within one unit of the brute-force quantile', () => {
    const cases: [number, typeof LEAD, number][] = [[30, LEAD, 1.5], [97, LEAD, 1.5], [300, LEAD, 1.5], [1000, LEAD, 1.5],
      [1000, FIXED_5_DAYS, 1.5], [213, { medianHours: 48, p90Hours: 60 }, 3], [650, FIXED_5_DAYS, 1]];
    let exact = 0;
    for (const [rate, lead, q] of cases) for (const level of LEVELS) {
      const s = leadTimeDemandQuantile(rate, lead, q, level);
      const truth = s - 2 + firstReaching(bruteCdf(rate, lead, q, [s - 2, s - 1, s, s + 1]), level);
      expect(Math.abs(s - truth), `${rate}/day, ${JSON.stringify(lead)}, q ${q}, level ${level}`).toBeLessThanOrEqual(1);
      if (s === truth) exact++;
    }
    expect(exact).toBe(cases.length * LEVELS.length); // in fact exact in every case here
  });

  it('constant lead time and one unit an order: the Poisson quantile, e.g. 6 for λ = 3 at 0.95', () => {
    expect(leadTimeDemandQuantile(3, { medianHours: 24, p90Hours: 24 }, 1, 0.95)).toBe(6);
    for (const lambda of [0.05, 0.5, 3, 20, 90, 150, 400, 650]) {
      const poisson: number[] = [];
      for (let k = 0, term = exp(-lambda), c = 0; k < lambda + 40 * Math.sqrt(lambda) + 40; k++, term *= lambda / k) poisson.push((c += term));
      for (const level of [0.5, 0.8, ...LEVELS, 0.999]) {
        const s = leadTimeDemandQuantile(lambda, { medianHours: 24, p90Hours: 24 }, 1, level);
        expect(Math.abs(s - firstReaching(poisson, level)), `λ ${lambda}, level ${level}`).toBeLessThanOrEqual(lambda < 50 ? 0 : 1);
      }
    }
  });

  it('constant lead time, 1.5 units an order: the compound Poisson quantile by Panjer', () => {
    for (const lambda of [0.1, 1, 7, 30, 120]) {
      const cdf = panjerCdf(lambda, 1.5, Math.ceil(lambda * 1.5 + 20 * Math.sqrt(lambda * 3) + 30));
      for (const level of [0.5, ...LEVELS, 0.999]) {
        const s = leadTimeDemandQuantile(lambda / 5, FIXED_5_DAYS, 1.5, level);
        expect(Math.abs(s - firstReaching(cdf, level)), `λ ${lambda}, level ${level}`).toBeLessThanOrEqual(lambda < 50 ? 0 : 1);
      }
    }
  });

  it('no demand: 0', () => {
    expect(leadTimeDemandQuantile(0, LEAD, 1.5, 0.99)).toBe(0);
    expect(new LeadTimeDemandTable(LEAD, 1.5, 0.99, 0).at(0)).toBe(0);
  });
});

describe('slow SKUs: where a normal approximation undershoots', () => {
  /** mean + z·sd of lead-time demand (L, N and Q all random), rounded: the textbook reorder point. */
  function normalReorderPoint(rate: number, lead: typeof LEAD, q: number, level: number): number {
    const { mu, sigma } = lead.p90Hours > lead.medianHours ? lognormalFromMedianP90(lead.medianHours, lead.p90Hours) : { mu: log(lead.medianHours), sigma: 0 };
    const days = lognormalMean(mu, sigma) / 24, daysVar = lognormalVariance(mu, sigma) / 576, p = 1 / q;
    const sd = Math.sqrt(rate * days * ((2 - p) / (p * p)) + rate * rate * daysVar * q * q);
    return Math.round(rate * days * q + normalQuantile(level) * sd);
  }

  it('one order a month, 5-day lead time, level 0.9: 1 unit (P(D = 0) = e^(−1/6) = 0.846 < 0.9)', () => {
    expect(leadTimeDemandQuantile(1 / 30, FIXED_5_DAYS, 1.5, 0.9)).toBe(1);
    expect(normalReorderPoint(1 / 30, FIXED_5_DAYS, 1.5, 0.9)).toBe(1); // 0.25 + 1.28 · 0.71 = 1.16: right here
  });

  it('one unit a year (default lead time, level 0.99): 1 unit, where the normal approximation keeps none', () => {
    // P(D = 0) = E[e^(−r·L/24)] ≈ 1 − r·E[L]/24 = 1 − 5.8/547.5 = 0.989 < 0.99.
    expect(leadTimeDemandQuantile(1 / 547.5, LEAD, 1.5, 0.99)).toBe(1);
    expect(normalReorderPoint(1 / 547.5, LEAD, 1.5, 0.99)).toBe(0); // 0.016 + 2.33 · 0.18 = 0.43
  });

  it('one order a month, 5-day lead time, level 0.99: 3 units, where the normal approximation gives 2', () => {
    expect(leadTimeDemandQuantile(1 / 30, FIXED_5_DAYS, 1.5, 0.99)).toBe(firstReaching(panjerCdf(1 / 6, 1.5, 20), 0.99));
    expect(leadTimeDemandQuantile(1 / 30, FIXED_5_DAYS, 1.5, 0.99)).toBe(3);
    expect(normalReorderPoint(1 / 30, FIXED_5_DAYS, 1.5, 0.99)).toBe(2); // 0.25 + 2.33 · 0.71 = 1.90
  });
});

describe('orderQuantityQuantile', () => {
  it('is the geometric quantile', () => {
    expect(orderQuantityQuantile(1.5, 0.99)).toBe(5); // P(Q > 4) = 3^-4 = 0.0123, P(Q > 5) = 0.0041
    expect(orderQuantityQuantile(1, 0.99)).toBe(1);
    expect(orderQuantityQuantile(1.5, 0.5)).toBe(1);
    expect(orderQuantityQuantile(2, 0.75)).toBe(2); // P(Q <= 2) = 1 − 1/4 exactly
    expect(orderQuantityQuantile(2, 0.7500001)).toBe(3);
    expect(orderQuantityQuantile(10, 0.9)).toBe(22); // 0.9^21 = 0.109, 0.9^22 = 0.098
  });
});

describe('LeadTimeDemandTable', () => {
  const table = new LeadTimeDemandTable(LEAD, 1.5, 0.99, 2000);

  it('is within one unit of leadTimeDemandQuantile and never below it, from 0 to 2,000 orders a day', () => {
    const rates = [0, 2000, ...Array.from({ length: 298 }, (_, i) => 2000 * 10 ** (-6 * ((i * 0.6180339887498949) % 1)))];
    let same = 0;
    for (const r of rates) {
      const diff = table.at(r) - leadTimeDemandQuantile(r, LEAD, 1.5, 0.99);
      expect(diff, `at ${r}`).toBeGreaterThanOrEqual(0);
      expect(diff, `at ${r}`).toBeLessThanOrEqual(1);
      if (diff === 0) same++;
    }
    expect(same).toBe(rates.length); // its steps are the function's own, to ~1e-11
  });

  it('is monotone in the rate, and exact at slow rates', () => {
    let last = 0;
    for (let i = 0; i <= 20_000; i++) {
      const s = table.at(2000 * 10 ** (-7 + (7 * i) / 20_000));
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
    for (let i = 0; i < 2000; i++) { // the exact part: 0.001 to 3 orders a day, every 0.4%
      const r = 10 ** (-3 + (3.5 * i) / 2000);
      expect(table.at(r), `at ${r}`).toBe(leadTimeDemandQuantile(r, LEAD, 1.5, 0.99));
    }
  });

  it('beyond its range computes the answer directly', () => {
    const small = new LeadTimeDemandTable(LEAD, 1.5, 0.9, 10);
    expect(small.at(50)).toBe(leadTimeDemandQuantile(50, LEAD, 1.5, 0.9));
  });
});

describe('determinism and input checks', () => {
  it('gives the same numbers twice', () => {
    for (const r of [1 / 45, 3, 700]) {
      expect(leadTimeDemandQuantile(r, LEAD, 1.5, 0.95)).toBe(leadTimeDemandQuantile(r, LEAD, 1.5, 0.95));
    }
    const a = new LeadTimeDemandTable(LEAD, 1.5, 0.95, 100), b = new LeadTimeDemandTable(LEAD, 1.5, 0.95, 100);
    for (let r = 0; r <= 100; r += 0.37) expect(a.at(r)).toBe(b.at(r));
  });

  it('rejects bad inputs with RangeErrors that name the argument', () => {
    const q = (r: number, lead: unknown, m: number, level: number) => () => leadTimeDemandQuantile(r, lead as typeof LEAD, m, level);
    expect(q(1, LEAD, 1.5, 1.2)).toThrow(/^leadTimeDemandQuantile: level must be in \(0, 1\), got 1\.2$/);
    expect(q(1, LEAD, 1.5, 0)).toThrow(RangeError);
    expect(q(1, LEAD, 1.5, NaN)).toThrow(/level/);
    expect(q(-1, LEAD, 1.5, 0.9)).toThrow(/leadTimeDemandQuantile: ordersPerDay must be a finite number >= 0, got -1/);
    expect(q(Infinity, LEAD, 1.5, 0.9)).toThrow(/ordersPerDay/);
    expect(q(NaN, LEAD, 1.5, 0.9)).toThrow(RangeError);
    expect(q(1, LEAD, 0.5, 0.9)).toThrow(/meanQuantity must be a finite number >= 1, got 0.5/);
    expect(q(1, { medianHours: 0, p90Hours: 10 }, 1.5, 0.9)).toThrow(/leadTime.medianHours must be a finite number > 0, got 0/);
    expect(q(1, { medianHours: 120, p90Hours: 100 }, 1.5, 0.9)).toThrow(/leadTime.p90Hours must be a finite number >= medianHours \(120\), got 100/);
    expect(q(1, undefined, 1.5, 0.9)).toThrow(/leadTime.medianHours/);
    expect(() => orderQuantityQuantile(1.5, 1)).toThrow(/orderQuantityQuantile: q must be in \(0, 1\), got 1/);
    expect(() => orderQuantityQuantile(0, 0.5)).toThrow(/orderQuantityQuantile: meanQuantity/);
    expect(() => new LeadTimeDemandTable(LEAD, 1.5, 0.9, -5)).toThrow(/LeadTimeDemandTable: maxOrdersPerDay must be a finite number >= 0, got -5/);
    expect(() => new LeadTimeDemandTable(LEAD, 1.5, 2, 5)).toThrow(/LeadTimeDemandTable: level/);
    expect(() => new LeadTimeDemandTable(LEAD, 1.5, 0.9, 5).at(-1)).toThrow(/LeadTimeDemandTable.at: ordersPerDay/);
    expect(() => new LeadTimeDemandTable(LEAD, 1.5, 0.9, 5).at(NaN)).toThrow(RangeError);
  });
});
