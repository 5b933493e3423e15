import { describe, expect, it } from 'vitest';
import { PiecewiseRate, PoissonArrivals } from './nhpp.ts';
import { RandomStream } from './random.ts';

/** 0.999 quantile of chi-square (Wilson–Hilferty, good to ~1% for dof >= 3). */
function chiSquare999(dof: number): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + 3.090232306167813 * Math.sqrt(a)) ** 3;
}

// Rising 0 → 10 over [0, 10), then a jump down to a constant 2 until the horizon at 20.
const rampThenFlat = () => new PiecewiseRate([0, 10, 20], [0, 2], [10, 2]);

describe('PiecewiseRate', () => {
  it('evaluates the rate, with the jump and zero outside the horizon', () => {
    const rate = rampThenFlat();
    expect(rate.rateAt(-1)).toBe(0);
    expect(rate.rateAt(0)).toBe(0);
    expect(rate.rateAt(5)).toBe(5);
    expect(rate.rateAt(9.5)).toBeCloseTo(9.5, 14);
    expect(rate.rateAt(10)).toBe(2);
    expect(rate.rateAt(19.99)).toBe(2);
    expect(rate.rateAt(20)).toBe(0);
    expect(rate.from).toBe(0);
    expect(rate.to).toBe(20);
  });

  it('integrates it', () => {
    const rate = rampThenFlat();
    expect(rate.cumulative(-5)).toBe(0);
    expect(rate.cumulative(4)).toBeCloseTo(8, 14);
    expect(rate.cumulative(10)).toBe(50);
    expect(rate.cumulative(12.5)).toBeCloseTo(55, 14);
    expect(rate.cumulative(20)).toBe(70);
    expect(rate.cumulative(1e9)).toBe(70);
    expect(rate.total).toBe(70);
  });

  it('builds constant and point-to-point rates', () => {
    const flat = PiecewiseRate.constant(3, 100, 200);
    expect(flat.total).toBe(300);
    expect(flat.rateAt(150)).toBe(3);
    expect(flat.rateAt(99)).toBe(0);
    const points = PiecewiseRate.fromPoints([0, 2, 6], [1, 5, 1]);
    expect(points.rateAt(1)).toBe(3);
    expect(points.rateAt(4)).toBe(3);
    expect(points.total).toBe(6 + 12);
  });

  it('inverts the cumulative rate to within 1e-9 h', () => {
    const rates = [
      rampThenFlat(),
      PiecewiseRate.fromPoints([0, 3, 7, 8, 24], [8, 1, 1e-3, 6, 6]), // falling, nearly 0, rising
      new PiecewiseRate([0, 100], [5], [5 + 1e-10]), // a slope so small the textbook root cancels
      new PiecewiseRate([1e4, 1e4 + 24, 1e4 + 48], [50, 20], [80, 20.000001]), // late in a season
    ];
    const stream = new RandomStream(1, 0, 'roundtrip');
    for (const rate of rates) {
      for (let j = 0; j < 10_000; j++) {
        const t = stream.uniform(rate.from, rate.to);
        expect(Math.abs(rate.inverseCumulative(rate.cumulative(t)) - t)).toBeLessThan(1e-9);
      }
    }
  });

  it('inverts to the start of a zero-rate stretch, and to Infinity past the total', () => {
    const gap = PiecewiseRate.fromPoints([0, 1, 2, 3], [1, 0, 0, 1]);
    expect(gap.cumulative(1.5)).toBe(0.5);
    expect(gap.inverseCumulative(0.5)).toBe(1);
    expect(gap.inverseCumulative(0)).toBe(0);
    expect(gap.inverseCumulative(1)).toBe(3);
    expect(gap.inverseCumulative(1.0000001)).toBe(Infinity);
  });

  it('rejects bad times, rates and queries naming the parameter', () => {
    expect(() => new PiecewiseRate([0, 0, 1], [1, 1], [1, 1])).toThrow(/PiecewiseRate: times must be strictly increasing, got times\[1\] = 0 after 0/);
    expect(() => new PiecewiseRate([0, 2, 1], [1, 1], [1, 1])).toThrow(/strictly increasing/);
    expect(() => new PiecewiseRate([0, NaN], [1], [1])).toThrow(/times\[1\] must be a finite number, got NaN/);
    expect(() => new PiecewiseRate([0, 1, 2], [1, -1], [1, 1])).toThrow(/startRates\[1\] must be a finite number >= 0, got -1/);
    expect(() => new PiecewiseRate([0, 1], [1], [NaN])).toThrow(/endRates\[0\] .*got NaN/);
    expect(() => new PiecewiseRate([0, 1], [1], [1, 2])).toThrow(/endRates must have the length of startRates \(1\), got 2/);
    expect(() => new PiecewiseRate([0, 1], [], [])).toThrow(/startRates must hold at least one/);
    expect(() => new PiecewiseRate([0, 1, 2], [1], [1])).toThrow(/times must have one more entry than startRates \(2\), got 3/);
    expect(() => PiecewiseRate.constant(-1, 0, 1)).toThrow(/PiecewiseRate.constant: rate must be a finite number >= 0, got -1/);
    expect(() => PiecewiseRate.constant(1, 5, 5)).toThrow(/to must be a finite number > from \(5\), got 5/);
    expect(() => PiecewiseRate.fromPoints([0, 1], [1, NaN])).toThrow(/PiecewiseRate.fromPoints: rates\[1\]/);
    expect(() => PiecewiseRate.fromPoints([1, 0], [1, 1])).toThrow(/times must be strictly increasing/);
    expect(() => rampThenFlat().inverseCumulative(-1)).toThrow(/target must be a number >= 0, got -1/);
    expect(() => rampThenFlat().rateAt(NaN)).toThrow(/rateAt: t/);
    expect(() => rampThenFlat().cumulative(NaN)).toThrow(/cumulative: t/);
  });
});

describe('PoissonArrivals', () => {
  it('gives Poisson counts for a constant rate (3/h, 100 h window, 1000 replications)', () => {
    const rate = PiecewiseRate.constant(3, 0, 1000);
    const reps = 1000;
    const counts = new Float64Array(reps);
    for (let rep = 0; rep < reps; rep++) {
      const arrivals = new PoissonArrivals(rate, new RandomStream(11, rep, 'orders'));
      for (let t = arrivals.next(0); t < 200; t = arrivals.next(t)) if (t >= 100) counts[rep]++;
    }
    const mean = counts.reduce((a, b) => a + b, 0) / reps;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (reps - 1);
    // Poisson(300): SE of the mean sqrt(300/reps); SE of the sample variance
    // sqrt((mu4 - 300^2)/reps) with mu4 = 300(1 + 3·300).
    expect(Math.abs(mean - 300)).toBeLessThan(5 * Math.sqrt(300 / reps));
    expect(Math.abs(variance - 300)).toBeLessThan(5 * Math.sqrt((300 * 901 - 300 ** 2) / reps));
  });

  it('follows a piecewise rate: counts per hour match the integral of the rate per hour', () => {
    const rate = rampThenFlat();
    const reps = 4000;
    const perHour = new Float64Array(20);
    for (let rep = 0; rep < reps; rep++) {
      const arrivals = new PoissonArrivals(rate, new RandomStream(12, rep, 'orders'));
      for (let t = arrivals.next(0); t !== Infinity; t = arrivals.next(t)) perHour[Math.floor(t)]++;
    }
    let chi2 = 0;
    for (let h = 0; h < 20; h++) {
      const expected = rate.cumulative(h + 1) - rate.cumulative(h); // h + 0.5 on the ramp, then 2
      expect(expected).toBeCloseTo(h < 10 ? h + 0.5 : 2, 12);
      const mean = perHour[h] / reps;
      expect(Math.abs(mean - expected), `hour ${h}`).toBeLessThan(5 * Math.sqrt(expected / reps));
      chi2 += (perHour[h] - expected * reps) ** 2 / (expected * reps);
    }
    expect(chi2).toBeLessThan(chiSquare999(20));
  });

  it('draws exactly one exponential per arrival and inverts their running sum', () => {
    const rate = PiecewiseRate.fromPoints([0, 3, 7, 8, 24], [8, 1, 0, 6, 6]);
    const arrivals = new PoissonArrivals(rate, new RandomStream(13, 0, 'orders'));
    const twin = new RandomStream(13, 0, 'orders');
    let sum = 0;
    for (let t = arrivals.next(0); t !== Infinity; t = arrivals.next(t)) {
      sum += twin.exponential(1);
      expect(t).toBe(rate.inverseCumulative(sum));
    }
    // The draw that overshot the total was the last one.
    expect(sum + twin.exponential(1)).toBeGreaterThan(rate.total);
  });

  it('is strictly increasing, then Infinity for good once the horizon is passed', () => {
    const arrivals = new PoissonArrivals(rampThenFlat(), new RandomStream(14, 0, 'orders'));
    let previous = -Infinity, n = 0;
    for (let t = arrivals.next(0); t !== Infinity; t = arrivals.next(t)) {
      expect(t).toBeGreaterThan(previous);
      expect(t).toBeLessThan(20);
      previous = t;
      n++;
    }
    expect(n).toBeGreaterThan(40);
    expect(arrivals.next(previous)).toBe(Infinity);
    expect(arrivals.next(25)).toBe(Infinity);
    expect(new PoissonArrivals(rampThenFlat(), new RandomStream(14, 0, 'late')).next(20)).toBe(Infinity);
  });

  it('stays strictly increasing when arrivals come closer together than the clock can tell apart', () => {
    // 1e15 per hour around t = 1e6 h: gaps of 1e-15 h are far below one ulp (1.2e-10 h).
    const arrivals = new PoissonArrivals(PiecewiseRate.constant(1e15, 1e6, 1e6 + 1), new RandomStream(15, 0, 'burst'));
    let previous = arrivals.next(1e6);
    for (let i = 0; i < 1000; i++) {
      const t = arrivals.next(previous);
      expect(t).toBeGreaterThan(previous);
      previous = t;
    }
  });

  it('starts at now, and restarts there when the caller skips ahead', () => {
    const rate = rampThenFlat();
    const arrivals = new PoissonArrivals(rate, new RandomStream(16, 0, 'orders'));
    const twin = new RandomStream(16, 0, 'orders');
    const first = arrivals.next(4);
    expect(first).toBe(rate.inverseCumulative(rate.cumulative(4) + twin.exponential(1)));
    const skipped = arrivals.next(15); // far past `first`, in a later segment
    expect(skipped).toBe(rate.inverseCumulative(rate.cumulative(15) + twin.exponential(1)));
    expect(skipped).toBeGreaterThan(15);
    // A `now` before the previous arrival does not move the process back.
    const after = arrivals.next(0);
    expect(after).toBeGreaterThan(skipped);
  });

  it('produces nothing where the rate is zero, and nothing before the rate starts', () => {
    const gap = PiecewiseRate.fromPoints([5, 6, 7, 8], [1, 0, 0, 1]);
    for (let rep = 0; rep < 300; rep++) {
      const arrivals = new PoissonArrivals(gap, new RandomStream(17, rep, 'orders'));
      for (let t = arrivals.next(0); t !== Infinity; t = arrivals.next(t)) {
        expect(t).toBeGreaterThan(5);
        expect(t > 6 && t < 7).toBe(false);
      }
    }
  });

  it('rejects a now that is not a finite number', () => {
    const arrivals = new PoissonArrivals(rampThenFlat(), new RandomStream(1, 0, 'x'));
    expect(() => arrivals.next(NaN)).toThrow(/PoissonArrivals.next: now must be a finite number, got NaN/);
    expect(() => arrivals.next(Infinity)).toThrow(RangeError);
  });
});
