// The bands the fines and profit charts draw in compare mode: every bin non-empty in A or in B,
// with edges read from the histogram's own bins, and no B at all if it is binned differently.
import { describe, expect, it } from 'vitest';
import { Histogram } from '../src/engine/index.ts';
import { bandsInUse, binEdge, sameBins } from '../web/charts/bins.ts';

const log = (values: number[], bins = 8) => {
  const h = Histogram.log(1, 1e8, bins);
  for (const v of values) h.add(v);
  return h.snapshot();
};

describe('bandsInUse', () => {
  it('keeps the bins non-empty in A or in B, lowest first, with both counts', () => {
    const a = log([5, 5, 5e6]), b = log([5, 500]);
    expect(bandsInUse(a, b).map(({ bin, a, b }) => ({ bin, a, b }))).toEqual([
      { bin: 0, a: 2, b: 1 },  // [1, 10)
      { bin: 2, a: 0, b: 1 },  // [100, 1000): only B has sellers there
      { bin: 6, a: 1, b: 0 },  // [1e6, 1e7): only A
    ]);
  });

  it('without B is A’s non-empty bins, B counted 0', () => {
    expect(bandsInUse(log([5, 5e6]))).toEqual([
      { bin: 0, lo: 1, hi: 10, a: 1, b: 0 },
      { bin: 6, lo: 1e6, hi: 1e7, a: 1, b: 0 },
    ]);
  });

  it('gives each band the edges the histogram counted it between', () => {
    const h = Histogram.log(1, 1e8, 160);
    h.add(4999);
    const [band] = bandsInUse(h.snapshot());
    expect(band.lo).toBeLessThanOrEqual(4999);
    expect(band.hi).toBeGreaterThan(4999);
    const linear = Histogram.linear(0, 480, 9600).snapshot();
    expect(binEdge(linear, 30)).toBeCloseTo(1.5, 12);
    expect(binEdge(linear, linear.bins)).toBe(480);
  });

  it('refuses a B binned differently, which sameBins tells apart', () => {
    const a = log([5]), b = log([5], 16);
    expect(sameBins(a, b)).toBe(false);
    expect(sameBins(a, log([50]))).toBe(true);
    expect(() => bandsInUse(a, b)).toThrow(/binned differently/);
  });
});
