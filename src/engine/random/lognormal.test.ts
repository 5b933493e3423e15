import { describe, expect, it } from 'vitest';
import { lognormalFromMedianP90, lognormalMean, lognormalVariance } from './lognormal.ts';

describe('lognormalFromMedianP90', () => {
  it('puts the median and 90th percentile where asked', () => {
    for (const [median, p90] of [[0.25, 1], [14, 20], [1e-3, 5e3]]) {
      const { mu, sigma } = lognormalFromMedianP90(median, p90);
      expect(Math.exp(mu)).toBeCloseTo(median, 12);
      expect(Math.exp(mu + 1.2815515655446004 * sigma) / p90).toBeCloseTo(1, 12);
    }
    expect(lognormalFromMedianP90(0.25, 1).sigma).toBeCloseTo(Math.log(4) / 1.2815515655446004, 15);
  });

  it('rejects a median that is not positive and below p90', () => {
    expect(() => lognormalFromMedianP90(20, 14)).toThrow(/lognormalFromMedianP90: p90 must be a finite number > median \(20\), got 14/);
    expect(() => lognormalFromMedianP90(14, 14)).toThrow(/p90/);
    expect(() => lognormalFromMedianP90(0, 1)).toThrow(/lognormalFromMedianP90: median must be a finite number > 0, got 0/);
    expect(() => lognormalFromMedianP90(NaN, 1)).toThrow(/median/);
    expect(() => lognormalFromMedianP90(1, Infinity)).toThrow(/p90/);
    expect(() => lognormalFromMedianP90(1, NaN)).toThrow(RangeError);
  });
});

describe('lognormal moments', () => {
  it('match the closed forms', () => {
    expect(lognormalMean(0, 1)).toBeCloseTo(Math.exp(0.5), 14);
    expect(lognormalVariance(0, 1)).toBeCloseTo((Math.E - 1) * Math.E, 13);
    expect(lognormalMean(Math.log(14), 0)).toBeCloseTo(14, 12);
    expect(lognormalVariance(2, 0)).toBe(0);
    // Small sigma: variance ~ (e^mu sigma)^2, which exp(s2) - 1 would lose to cancellation.
    expect(lognormalVariance(0, 1e-9) / 1e-18).toBeCloseTo(1, 8);
  });

  it('reject bad parameters', () => {
    expect(() => lognormalMean(NaN, 1)).toThrow(/lognormalMean: mu must be a finite number, got NaN/);
    expect(() => lognormalVariance(0, -1)).toThrow(/lognormalVariance: sigma must be a finite number >= 0, got -1/);
  });
});
