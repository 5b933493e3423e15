// The charts' axis ticks (web/charts/ticks.ts): decades on log axes whatever the data, mirrored on
// a signed axis, and whole numbers on count axes, with the exact lists a reader sees.
import { describe, expect, it } from 'vitest';
import { countText, decadeDomain, decadeLabel, decadeTicks, signedDecadeTicks, wholeTicks } from '../web/charts/ticks.ts';

describe('log axis ticks', () => {
  it('are the powers of ten inside the range, not the bands’ edges', () => {
    expect(decadeTicks(1, 1e5)).toEqual([1, 10, 100, 1000, 10000, 100000]);
    expect(decadeTicks(790, 16_000)).toEqual([1000, 10000]); // the old labels were 790 and 1.6k
    expect(decadeTicks(2, 9)).toEqual([]);
    expect(decadeTicks(0, 100)).toEqual([]);
  });
  it('are exact decades, without floating-point dust', () => {
    expect(decadeTicks(1e-3, 1e8).every((t, i) => t === Number(`1e${i - 3}`))).toBe(true);
    expect(decadeTicks(1000, 1000)).toEqual([1000]);
  });
  it('do not change when the data inside the same decades change', () => {
    expect(decadeDomain(790, 16_000)).toEqual([100, 100_000]);
    expect(decadeDomain(120, 99_000)).toEqual([100, 100_000]);
    expect(decadeTicks(...decadeDomain(790, 16_000))).toEqual(decadeTicks(...decadeDomain(120, 99_000)));
    expect(decadeDomain(1000, 1000)).toEqual([1000, 1000]);
  });
  it('mirror below zero on a signed axis, 0 between', () => {
    expect(signedDecadeTicks(-20_000, 5_000_000, 1000)).toEqual([-10000, -1000, 0, 1000, 10000, 100000, 1000000]);
    expect(signedDecadeTicks(-150, 150, 10)).toEqual([-100, -10, 0, 10, 100]);
    expect(signedDecadeTicks(0, 2000, 1000)).toEqual([0, 1000]);
    expect(signedDecadeTicks(-5000, -2000, 1000)).toEqual([]); // no decade, no zero inside
    expect(signedDecadeTicks(-500, 500, 1000)).toEqual([0]);
  });
  it('are labelled 1, 10, 100, 1k, 10k, 1M with a true minus', () => {
    expect([1, 10, 100, 1000, 10000, 100000, 1e6, 1e9].map(decadeLabel)).toEqual(['1', '10', '100', '1k', '10k', '100k', '1M', '1G']);
    expect([-1000, 0, -1e6].map(decadeLabel)).toEqual(['−1k', '0', '−1M']);
  });
});

describe('count axis ticks', () => {
  it('are whole numbers, however small the counts', () => {
    expect(wholeTicks(1, 6)).toEqual([0, 1]);
    expect(wholeTicks(0.05, 6)).toEqual([0, 1]); // one seller in 1 of 20 replications: no "0.05 sellers"
    expect(wholeTicks(3, 6)).toEqual([0, 1, 2, 3]);
    expect(wholeTicks(250, 6)).toEqual([0, 50, 100, 150, 200, 250]);
  });
  it('read whole counts whole and means of counts to one decimal', () => {
    expect([3, 1234, 2.25, 0.05, NaN].map(countText)).toEqual(['3', '1,234', '2.3', '0.1', '—']);
  });
});
