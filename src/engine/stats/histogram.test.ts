import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram.ts';

// Tiny xorshift32 so the samples are deterministic without Math.random.
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296; // in (0, 1)
  };
}

function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

function sortedQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/** The largest double below x. */
function below(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  v.setBigUint64(0, v.getBigUint64(0) + (x > 0 ? -1n : 1n));
  return v.getFloat64(0);
}

function binOf(h: Histogram, x: number): number {
  const before = h.counts.slice();
  h.add(x);
  const i = h.counts.findIndex((c, j) => c !== before[j]);
  return i;
}

describe('Histogram.linear', () => {
  it('puts values on min, interior edges and max where half-open bins say', () => {
    const h = Histogram.linear(0, 10, 10);
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(binOf(h, 0)).toBe(0);
    expect(binOf(h, 3)).toBe(3);
    expect(binOf(h, below(3))).toBe(2);
    expect(binOf(h, 9.999)).toBe(9);
    h.add(10);
    h.add(-0.001);
    h.add(-5, 2);
    expect([h.overflow, h.underflow, h.zeros]).toEqual([1, 3, 0]);
    expect(h.count).toBe(8);
  });

  it('lands every stored edge in the bin it opens, even where arithmetic rounds the other way', () => {
    // Ranges like [0.1, 0.7) have edges such as 0.1 + 3 * 0.1 = 0.4000000000000001; the
    // O(1) index computed from (x - min) * bins / (max - min) is off by one at some of them.
    let nudged = 0;
    for (const [lo, hi, n] of [[0.1, 0.7, 6], [0.3, 1.9, 16], [-2.2, 7.7, 33], [1e-3, 0.123, 41], [0.7, 100.3, 97]] as const) {
      const h = Histogram.linear(lo, hi, n);
      for (let i = 0; i < n; i++) {
        const e = h.edges[i];
        expect(binOf(h, e)).toBe(i);
        if (i > 0) expect(binOf(h, below(e))).toBe(i - 1);
        if (Math.floor(((e - lo) * n) / (hi - lo)) !== i) nudged++;
      }
    }
    expect(nudged).toBeGreaterThan(0); // the cases above do exercise the guard
  });

  it('reads quantiles of 100k uniforms within 1% of the exact sample quantiles', () => {
    const u = xorshift(12345);
    const h = Histogram.linear(0, 1, 100);
    const xs = new Float64Array(100_000);
    for (let i = 0; i < xs.length; i++) h.add((xs[i] = u()));
    xs.sort();
    for (let q = 0.01; q < 0.995; q += 0.01) {
      const exact = sortedQuantile(xs, q);
      expect(Math.abs(h.quantile(q) - exact)).toBeLessThan(0.01 * exact);
      expect(Math.abs(h.quantile(q) - exact)).toBeLessThan(0.1 / 100); // a tenth of a bin
      expect(h.cdf(exact)).toBeCloseTo(q, 2);
    }
    expect(h.quantile(0)).toBe(xs[0]);
    expect(h.quantile(1)).toBe(xs[xs.length - 1]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(h.mean()).toBeCloseTo(mean, 12);
  });

  it('interpolates into underflow and overflow using the exact extremes', () => {
    const h = Histogram.linear(0, 10, 10);
    h.add(-4); // underflow
    h.add(5);
    h.add(30); // overflow
    h.add(50); // overflow
    expect(h.quantile(0)).toBe(-4);
    expect(h.quantile(0.125)).toBe(-2); // halfway through the underflow region [-4, 0]
    expect(h.quantile(0.75)).toBe(30); // halfway through the overflow region [10, 50]
    expect(h.quantile(1)).toBe(50);
    expect(h.cdf(-2)).toBe(0.125);
    expect(h.cdf(30)).toBe(0.75);
    expect(h.cdf(-5)).toBe(0);
    expect(h.cdf(50)).toBe(1);
  });
});

describe('Histogram.log', () => {
  it('has exact decade edges and bins values on them correctly; zeros apart', () => {
    const h = Histogram.log(1, 1000, 3);
    expect(Array.from(h.edges)).toEqual([1, 10, 100, 1000]);
    expect(binOf(h, 1)).toBe(0);
    expect(binOf(h, 10)).toBe(1);
    expect(binOf(h, below(10))).toBe(0);
    expect(binOf(h, 100)).toBe(2);
    expect(binOf(h, 999.99)).toBe(2);
    h.add(1000);
    h.add(0);
    h.add(-3);
    h.add(0.5);
    expect([h.overflow, h.zeros, h.underflow]).toEqual([1, 2, 1]);
  });

  it('lands every stored edge in the bin it opens', () => {
    for (const [lo, hi, n] of [[0.5, 3e4, 37], [1, 1e6, 60], [3, 7, 19], [1e-4, 1e3, 101]] as const) {
      const h = Histogram.log(lo, hi, n);
      for (let i = 0; i < n; i++) {
        expect(binOf(h, h.edges[i])).toBe(i);
        if (i > 0) expect(binOf(h, below(h.edges[i]))).toBe(i - 1);
      }
      // Log-spaced: constant ratio between neighbouring edges.
      const ratio = h.edges[1] / h.edges[0];
      expect(h.edges[n - 1] / h.edges[n - 2]).toBeCloseTo(ratio, 10);
    }
  });

  it('reads the median of a lognormal sample within 2%', () => {
    const z = normal(xorshift(2024));
    const h = Histogram.log(1, 1e5, 50);
    const xs = new Float64Array(100_000);
    for (let i = 0; i < xs.length; i++) h.add((xs[i] = Math.exp(Math.log(100) + z())));
    xs.sort();
    const sampleMedian = sortedQuantile(xs, 0.5);
    expect(Math.abs(h.quantile(0.5) / sampleMedian - 1)).toBeLessThan(0.02);
    expect(Math.abs(h.quantile(0.5) / 100 - 1)).toBeLessThan(0.02); // and the true median
    const p95 = sortedQuantile(xs, 0.95);
    expect(Math.abs(h.quantile(0.95) / p95 - 1)).toBeLessThan(0.02);
  });

  it('places quantiles among zeros, underflow and bins in that order', () => {
    // Fines per seller: half the sellers are never fined.
    const h = Histogram.log(10, 1e4, 3);
    for (let i = 0; i < 4; i++) h.add(0);
    h.add(5); // underflow (0, 10)
    h.add(20);
    h.add(200);
    h.add(2000);
    expect(h.quantile(0.25)).toBe(0);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(0.5625)).toBeCloseTo(5, 12); // halfway through underflow [0, 10]
    expect(h.quantile(0.6875)).toBeCloseTo(Math.sqrt(10 * 100), 9); // geometric middle of [10, 100)
    expect(h.cdf(0)).toBe(0.5);
    expect(h.cdf(Math.sqrt(1000))).toBeCloseTo(0.6875, 12);
    expect(h.mean()).toBe((5 + 20 + 200 + 2000) / 8);
  });
});

describe('Histogram merge and snapshot', () => {
  it('merge equals adding everything to one histogram', () => {
    const u = xorshift(99);
    const all = Histogram.log(0.1, 100, 30), a = Histogram.log(0.1, 100, 30), b = Histogram.log(0.1, 100, 30);
    for (let i = 0; i < 5000; i++) {
      const x = u() < 0.1 ? 0 : 200 * u() ** 3;
      const w = 1 + (i % 3);
      all.add(x, w);
      (i % 2 ? a : b).add(x, w);
    }
    a.merge(b);
    const sa = a.snapshot(), sall = all.snapshot();
    expect(Array.from(sa.counts)).toEqual(Array.from(sall.counts));
    expect([sa.zeros, sa.underflow, sa.overflow, sa.count, sa.min, sa.max]).toEqual([sall.zeros, sall.underflow, sall.overflow, sall.count, sall.min, sall.max]);
    expect(sa.sum).toBeCloseTo(sall.sum, 8);
    expect(a.quantile(0.9)).toBeCloseTo(all.quantile(0.9), 12);
  });

  it('refuses to merge different bins', () => {
    const a = Histogram.linear(0, 10, 10);
    expect(() => a.merge(Histogram.linear(0, 10, 20))).toThrow(/bins differ/);
    expect(() => a.merge(Histogram.log(1, 10, 10))).toThrow(RangeError);
  });

  it('round-trips through structured clone with a detached copy of the counts', () => {
    const h = Histogram.linear(0, 1, 4);
    h.add(0.3);
    h.add(0.9, 2);
    const s = h.snapshot();
    expect(s.counts).not.toBe(h.counts);
    const r = Histogram.from(structuredClone(s));
    expect(r.snapshot()).toEqual(s);
    expect(r.quantile(0.5)).toBe(h.quantile(0.5));
  });

  it('rejects invalid arguments with a message naming them', () => {
    expect(() => Histogram.linear(1, 1, 10)).toThrow(/min < max.*got min 1, max 1/);
    expect(() => Histogram.linear(0, 1, 2.5)).toThrow(/bins must be an integer >= 1, got 2.5/);
    expect(() => Histogram.log(0, 10, 5)).toThrow(/min must be > 0/);
    expect(() => Histogram.linear(1, 1 + 1e-12, 1e6)).toThrow(/too many/);
    const h = Histogram.linear(0, 1, 2);
    expect(() => h.add(NaN)).toThrow(RangeError);
    expect(() => h.add(0.5, -1)).toThrow(/weight/);
    expect(() => h.quantile(1.5)).toThrow(/q must be in \[0, 1\]/);
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.count).toBe(0);
  });

  it('reset empties it but keeps the bins', () => {
    const h = Histogram.linear(0, 1, 2);
    h.add(0.2);
    h.add(3);
    h.reset();
    h.add(0.7);
    expect([h.count, h.overflow, h.counts[0], h.counts[1], h.min, h.max]).toEqual([1, 0, 0, 1, 0.7, 0.7]);
  });
});
