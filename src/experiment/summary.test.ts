// Summaries across replications, on hand-made results: KPI intervals, hourly bands, merged
// histograms, and paired differences.
import { describe, expect, it } from 'vitest';
import { Histogram } from '../engine/index.ts';
import type { RunResult } from '../model/result.ts';
import { compareByClass, compareKpis, quantileSorted, summarise } from './summary.ts';

function result(orders: number, hourly: number[], shipDelays: number[]): RunResult {
  const h = Histogram.linear(0, 10, 10);
  for (const x of shipDelays) h.add(x);
  return {
    kpis: { ordersPlaced: orders, finesTotalCny: orders * 2 },
    hourly: { ordersPlaced: Float64Array.from(hourly) },
    daily: {},
    dailyHistograms: {},
    histograms: { shipDelayHours: h.snapshot() },
    byClass: {},
    fineCauses: [],
    modeByClass: {},
    perSeller: { profitCny: new Float64Array(0), finesCny: new Float64Array(0), classOf: new Uint8Array(0) },
    classNames: [],
    horizonHours: hourly.length,
    events: 0,
  };
}

describe('summarise', () => {
  const runs = [result(10, [1, 5], [1]), result(12, [2, 5], [2, 3]), result(14, [3, 5], [9]), result(16, [4, 5], [])];

  it('gives each KPI its mean and 95% Student-t interval', () => {
    const s = summarise(runs);
    expect(s.replications).toBe(4);
    const k = s.kpis.ordersPlaced;
    expect(k.mean).toBe(13);
    // sd of 10,12,14,16 = sqrt(20/3); t(0.975, 3) = 3.182446
    expect(k.halfWidth).toBeCloseTo(3.182446 * Math.sqrt(20 / 3) / 2, 5);
    expect(k.low).toBeCloseTo(13 - k.halfWidth, 12);
  });

  it('gives each hour its mean and P5–P95 band across replications', () => {
    const s = summarise(runs);
    expect(Array.from(s.hourly.ordersPlaced.mean)).toEqual([2.5, 5]);
    expect(s.hourly.ordersPlaced.p5[0]).toBeCloseTo(1 + 0.05 * 3, 12);
    expect(s.hourly.ordersPlaced.p95[0]).toBeCloseTo(1 + 0.95 * 3, 12);
    expect(s.hourly.ordersPlaced.p5[1]).toBe(5);
  });

  it('merges histograms as if every observation had gone into one', () => {
    const h = summarise(runs).histograms.shipDelayHours;
    expect(h.count).toBe(4);
    expect(Array.from(h.counts)).toEqual([0, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('with one replication the interval is unbounded rather than made up', () => {
    expect(summarise([runs[0]]).kpis.ordersPlaced.halfWidth).toBe(Infinity);
  });

  it('refuses an empty set', () => {
    expect(() => summarise([])).toThrow(/no replications/);
  });
});

describe('compareKpis', () => {
  it('pairs replications: a constant shift is significant with zero spread', () => {
    const a = [result(10, [0], []), result(20, [0], []), result(30, [0], [])];
    const b = [result(11, [0], []), result(21, [0], []), result(31, [0], [])];
    const d = compareKpis(a, b).ordersPlaced;
    expect(d.mean).toBe(1);
    expect(d.sd).toBe(0);
    expect(d.significant).toBe(true);
  });

  it('noise that cancels out is not significant', () => {
    const a = [result(10, [0], []), result(20, [0], []), result(30, [0], []), result(40, [0], [])];
    const b = [result(12, [0], []), result(18, [0], []), result(33, [0], []), result(37, [0], [])];
    const d = compareKpis(a, b).ordersPlaced;
    expect(d.mean).toBe(0);
    expect(d.significant).toBe(false);
  });

  it('leaves out pairs where a side is undefined (NaN), and reports none where no pair is left', () => {
    const withShare = (orders: number, share: number) => ({ ...result(orders, [0], []), byClass: { large: { onTimeShare: share } } });
    const a = [withShare(10, 0.5), withShare(20, NaN), withShare(30, 0.7)];
    const b = [withShare(11, 0.6), withShare(21, 0.9), withShare(31, 0.8)];
    const d = compareByClass(a, b).large.onTimeShare;
    expect(d.n).toBe(2);
    expect(d.mean).toBeCloseTo(0.1, 12);
    const none = compareByClass([withShare(1, NaN)], [withShare(1, NaN)]).large.onTimeShare;
    expect([none.n, none.significant]).toEqual([0, false]);
    expect(Number.isNaN(none.mean)).toBe(true);
  });
});

describe('summarise by seller class', () => {
  it('gives each class KPI its interval, leaving out undefined replications', () => {
    const r = (share: number) => ({ ...result(1, [0], []), byClass: { small: { onTimeShare: share } } });
    const s = summarise([r(0.9), r(NaN), r(0.7)]);
    expect(s.byClass.small.onTimeShare.n).toBe(2);
    expect(s.byClass.small.onTimeShare.mean).toBeCloseTo(0.8, 12);
  });
});

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });
});
