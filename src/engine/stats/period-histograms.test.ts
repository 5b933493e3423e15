// Per-period histograms: counts, quantiles and shares over runs of periods, against hand figures.
import { describe, expect, it } from 'vitest';
import { PeriodHistograms, periodCount, periodQuantile, periodShareBelow } from './period-histograms.ts';

describe('PeriodHistograms', () => {
  const h = new PeriodHistograms(3, 0, 10, 10); // bins of 1 over [0, 10)
  for (const x of [0.5, 1.5, 2.5, 3.5]) h.add(0, x);
  for (const x of [5.5, 12, 30]) h.add(1, x);
  h.add(7, 1); // after the last period: ignored
  const s = h.snapshot();

  it('counts by period and over runs of periods', () => {
    expect([periodCount(s, 0, 1), periodCount(s, 1, 2), periodCount(s, 2, 3), periodCount(s, 0, 3)]).toEqual([4, 3, 0, 7]);
  });

  it('reads quantiles inside bins, and up to the largest value in the overflow', () => {
    expect(periodQuantile(s, 0, 1, 0.5)).toBe(2); // rank 2 of 4: the end of the bin [1, 2)
    expect(periodQuantile(s, 0, 1, 0.25)).toBe(1);
    expect(periodQuantile(s, 1, 2, 0.5)).toBe(10 + (0.5 * 3 - 1) / 2 * 20); // rank 1.5: half-way into the 2 overflow values, from 10 to 30
    expect(periodQuantile(s, 0, 2, 1)).toBe(30);
    expect(periodQuantile(s, 2, 3, 0.5)).toBeNaN();
  });

  it('gives the share below a bin edge exactly', () => {
    expect(periodShareBelow(s, 0, 1, 2)).toBe(0.5);
    expect(periodShareBelow(s, 0, 2, 10)).toBe(5 / 7);
    expect(periodShareBelow(s, 0, 2, 100)).toBe(1);
    expect(periodShareBelow(s, 2, 3, 5)).toBeNaN();
  });

  it('refuses a shape that makes no sense, and forgets everything on reset', () => {
    expect(() => new PeriodHistograms(0, 0, 1, 1)).toThrow(/periods/);
    expect(() => new PeriodHistograms(1, 1, 1, 1)).toThrow(/lower < upper/);
    const r = new PeriodHistograms(2, 0, 1, 4);
    r.add(1, 0.3);
    r.reset();
    expect(periodCount(r.snapshot(), 0, 2)).toBe(0);
  });
});
