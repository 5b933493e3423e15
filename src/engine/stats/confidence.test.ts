import { describe, expect, it } from 'vitest';
import { confidenceInterval, pairedDifference } from './confidence.ts';
import { studentTQuantile } from './quantiles.ts';
import { Tally } from './tally.ts';

describe('studentTQuantile', () => {
  it('matches table values to 1e-6', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062047],
      [0.975, 4, 2.7764451],
      [0.975, 9, 2.2621572],
      [0.975, 29, 2.0452296],
      [0.995, 3, 5.8409093],
      [0.975, 1e6, 1.959966],
      [0.025, 9, -2.2621572],
    ];
    for (const [p, dof, t] of table) expect(Math.abs(studentTQuantile(p, dof) - t)).toBeLessThan(1e-6);
  });

  it('stays accurate for huge dof, tending to the normal quantile', () => {
    const z = 1.959963984540054;
    // Continuity where the series takes over from the incomplete-beta solution.
    expect(Math.abs(studentTQuantile(0.975, 1e5) - studentTQuantile(0.975, 1e5 + 1))).toBeLessThan(1e-7);
    expect(Math.abs(studentTQuantile(0.975, 1e9) - z)).toBeLessThan(1e-8);
    expect(studentTQuantile(0.975, 1e9)).toBeGreaterThan(z);
    expect(Math.abs(studentTQuantile(0.975, Infinity) - z)).toBeLessThan(1e-12);
  });

  it('handles the ends and rejects bad arguments', () => {
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(Math.abs(studentTQuantile(0.5, 5))).toBe(0);
    expect(() => studentTQuantile(1.2, 5)).toThrow(/p must be in \[0, 1\], got 1.2/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/dof must be > 0, got 0/);
    expect(() => studentTQuantile(NaN, 3)).toThrow(RangeError);
  });
});

describe('confidenceInterval', () => {
  it('gives 3 ± t(0.975, 4)·sqrt(2.5)/sqrt(5) for [1, 2, 3, 4, 5]', () => {
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    const hw = (2.776445 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    expect(ci.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(Math.abs(ci.halfWidth - hw)).toBeLessThan(1e-6);
    expect(Math.abs(ci.low - (3 - hw))).toBeLessThan(1e-6);
    expect(Math.abs(ci.high - (3 + hw))).toBeLessThan(1e-6);
    expect(ci.level).toBe(0.95);
  });

  it('takes a Tally or a typed array and honours the level', () => {
    const t = new Tally();
    for (const x of [1, 2, 3, 4, 5]) t.add(x);
    expect(confidenceInterval(t)).toEqual(confidenceInterval(new Float64Array([1, 2, 3, 4, 5])));
    const ci90 = confidenceInterval(t, 0.9);
    expect(Math.abs(ci90.halfWidth - (2.1318468 * Math.sqrt(2.5)) / Math.sqrt(5))).toBeLessThan(1e-6);
  });

  it('has an infinite half width with fewer than two observations', () => {
    const one = confidenceInterval([7]);
    expect([one.n, one.mean, one.halfWidth, one.low, one.high]).toEqual([1, 7, Infinity, -Infinity, Infinity]);
    expect(one.sd).toBeNaN();
    const none = confidenceInterval([]);
    expect(none.mean).toBeNaN();
    expect(none.halfWidth).toBe(Infinity);
  });

  it('rejects a bad level or a non-finite value, naming it', () => {
    expect(() => confidenceInterval([1, 2], 1)).toThrow(/level must be in \(0, 1\), got 1/);
    expect(() => confidenceInterval([1, NaN, 2])).toThrow(/sample\[1\] must be a finite number/);
  });
});

describe('pairedDifference', () => {
  // Replication-to-replication swings far larger than the effect, shared by both scenarios
  // as common random numbers would make them.
  const n = 20;
  const common = Array.from({ length: n }, (_, i) => 1000 + 300 * Math.sin(i * 2.4));
  const noise = Array.from({ length: n }, (_, i) => 0.5 * Math.cos(i * 1.7));

  it('finds a clear shift that separate intervals would miss', () => {
    const a = common.map((c, i) => c + 2 + noise[i]);
    const b = common;
    const d = pairedDifference(a, b);
    expect(d.significant).toBe(true);
    expect(d.low).toBeGreaterThan(0);
    expect(Math.abs(d.mean - 2)).toBeLessThan(d.halfWidth);
    // Unpaired, the two intervals overlap: the shift hides in the common swings.
    const ca = confidenceInterval(a), cb = confidenceInterval(b);
    expect(ca.low).toBeLessThan(cb.high);
    expect(pairedDifference(b, a).significant).toBe(true); // and the other way round
  });

  it('finds nothing in pure noise', () => {
    // Differences +e, −e, +e', −e', ...: mean exactly 0, spread nonzero.
    const b = common;
    const a = common.map((c, i) => c + (i % 2 ? -1 : 1) * Math.abs(noise[i - (i % 2)]) * 3);
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(0, 10);
    expect(d.halfWidth).toBeGreaterThan(0.1);
    expect(d.significant).toBe(false);
  });

  it('is never significant with one pair, and checks its input', () => {
    expect(pairedDifference([5], [1]).significant).toBe(false);
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same length.*got 2 and 1/);
    expect(() => pairedDifference([1, Infinity], [1, 2])).toThrow(/a\[1\] and b\[1\]/);
  });
});
