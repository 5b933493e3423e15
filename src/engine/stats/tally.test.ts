import { describe, expect, it } from 'vitest';
import { Tally } from './tally.ts';

function twoPass(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

function relClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

// Deterministic, irregular values: a small linear congruential sequence scaled to [-50, 150).
const known: number[] = [];
for (let i = 0, s = 12345; i < 1000; i++) {
  s = (s * 1103515245 + 12345) % 2147483648;
  known.push((s / 2147483648) * 200 - 50);
}

describe('Tally', () => {
  it('matches a two-pass mean and sample variance', () => {
    const t = new Tally();
    for (const x of known) t.add(x);
    const ref = twoPass(known);
    expect(t.count).toBe(1000);
    relClose(t.mean, ref.mean, 1e-12);
    relClose(t.variance, ref.variance, 1e-12);
    relClose(t.sd, Math.sqrt(ref.variance), 1e-12);
    expect(t.min).toBe(Math.min(...known));
    expect(t.max).toBe(Math.max(...known));
    relClose(t.sum, ref.mean * 1000, 1e-12);
  });

  it('gives the textbook answer on a tiny case', () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 14);
    expect(t.sum).toBe(40);
  });

  it('merging two halves equals one pass over all', () => {
    const all = new Tally(), a = new Tally(), b = new Tally();
    known.forEach((x, i) => {
      all.add(x);
      (i < 377 ? a : b).add(x);
    });
    a.merge(b);
    expect(a.count).toBe(all.count);
    relClose(a.mean, all.mean, 1e-12);
    relClose(a.variance, all.variance, 1e-12);
    expect(a.min).toBe(all.min);
    expect(a.max).toBe(all.max);
    relClose(a.sum, all.sum, 1e-14);
  });

  it('merges with empty tallies either way', () => {
    const a = new Tally();
    a.add(3);
    a.add(5);
    a.merge(new Tally());
    expect([a.count, a.mean, a.variance]).toEqual([2, 4, 2]);
    const e = new Tally().merge(a);
    expect([e.count, e.mean, e.variance, e.min, e.max, e.sum]).toEqual([2, 4, 2, 3, 5, 8]);
  });

  it('stays accurate on 1e9 plus small noise, where sum-of-squares fails', () => {
    // 1e9 + {4, 7, 13, 16} repeated: variance is exactly 30 * n / (n − 1) for n samples.
    const t = new Tally();
    const offsets = [4, 7, 13, 16];
    const n = 100_000;
    let sum = 0, sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = 1e9 + offsets[i % 4];
      t.add(x);
      sum += x;
      sumSq += x * x;
    }
    const naive = (sumSq - (sum * sum) / n) / (n - 1);
    const exact = (22.5 * n) / (n - 1);
    relClose(t.variance, exact, 1e-9);
    relClose(t.mean, 1e9 + 10, 1e-14);
    expect(Math.abs(naive - exact) / exact).toBeGreaterThan(1e-3); // shows the test has teeth
  });

  it('reports NaN for undefined statistics and rejects non-finite input', () => {
    const t = new Tally();
    expect(t.mean).toBeNaN();
    expect(t.min).toBeNaN();
    expect(t.sum).toBe(0);
    t.add(1);
    expect(t.variance).toBeNaN();
    expect(() => t.add(NaN)).toThrow(RangeError);
    expect(() => t.add(Infinity)).toThrow(/finite/);
    expect(t.count).toBe(1);
  });

  it('round-trips through a snapshot, structured clone and JSON', () => {
    const t = new Tally();
    for (const x of known) t.add(x);
    const cloned = Tally.from(structuredClone(t.snapshot()));
    expect(cloned.snapshot()).toEqual(t.snapshot());
    const empty = Tally.from(JSON.parse(JSON.stringify(new Tally().snapshot())));
    expect(empty.count).toBe(0);
    empty.add(2);
    expect([empty.min, empty.max]).toEqual([2, 2]);
    expect(() => Tally.from({ ...t.snapshot(), count: -1 })).toThrow(RangeError);
  });

  it('reset forgets everything', () => {
    const t = new Tally();
    t.add(100);
    t.reset();
    t.add(1);
    t.add(3);
    expect([t.count, t.mean, t.min, t.max, t.sum]).toEqual([2, 2, 1, 3, 4]);
  });
});
