// The verdict between a pre-stock and a JIT scenario, on hand-made replications: which side is
// JIT, who gains, the share of sellers worse off, and the words that must follow the intervals.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../model/result.ts';
import type { Mode } from '../scenario/types.ts';
import { verdict } from './verdict.ts';

const CLASS_NAMES = ['large', 'medium', 'small'];
/** Sellers 0–1 are large, 2–5 small; the medium class is empty. */
const CLASS_OF = [0, 0, 2, 2, 2, 2];
const T3 = 3.182446305284263; // t(0.975, 3): four replications
const T2 = 4.302652729911275; // t(0.975, 2): three

/** One scenario's replications, each figure given as its four per-replication values. */
interface Spec {
  modes: Record<string, Mode>;
  kpis: Record<string, number[]>;
  byClass: Record<string, Record<string, number[]>>;
  /** Per replication, each seller's profit (CLASS_OF order). */
  profits: number[][];
}

function runs(spec: Spec): RunResult[] {
  const at = (o: Record<string, number[]>, r: number) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[r]]));
  return spec.profits.map((profits, r) => ({
    kpis: at(spec.kpis, r),
    hourly: {}, daily: {}, dailyHistograms: {},
    histograms: {},
    byClass: Object.fromEntries(Object.entries(spec.byClass).map(([c, k]) => [c, at(k, r)])),
    fineCauses: [],
    modeByClass: { ...spec.modes },
    perSeller: { profitCny: Float64Array.from(profits), finesCny: new Float64Array(profits.length), classOf: Uint8Array.from(CLASS_OF) },
    classNames: CLASS_NAMES,
    horizonHours: 0,
    events: 0,
  }));
}

const four = (x: number) => [x, x, x, x];

const prestock: Spec = {
  modes: { large: 'prestock', medium: 'prestock', small: 'prestock' },
  kpis: {
    peakWeekReceivingQueuePeakParcels: [300, 300, 300, 300],
    peakWeekQcQueuePeakParcels: [5000, 5200, 4800, 5100],
    listingLeadTimeP50Hours: [120, 130, 110, 120],
    lostSalesUnlistedCny: [1000, 1000, 1000, NaN],
    shelfOccupancyPeakUnits: four(NaN),
  },
  byClass: {
    large: { sellers: four(2), sellerProfitMeanCny: four(500) },
    medium: { sellers: four(0), sellerProfitMeanCny: four(NaN) },
    small: {
      sellers: four(4),
      finesTotalCny: four(100),
      sellerProfitMeanCny: four(1000),
      sellerProfitP50Cny: [1000, 1100, 900, 1000],
    },
  },
  profits: [0, 1, 2, 3].map(() => [50, 50, 100, 100, 100, 100]),
};

const smallOnJit: Spec = {
  modes: { large: 'prestock', medium: 'prestock', small: 'jit' },
  kpis: {
    peakWeekReceivingQueuePeakParcels: [310, 290, 320, 280], // differences 10, −10, 20, −20: noise
    peakWeekQcQueuePeakParcels: [900, 1000, 700, 1100], // −4100, −4200, −4100, −4000
    listingLeadTimeP50Hours: [50, 60, 40, 52], // −70, −70, −70, −68
    lostSalesUnlistedCny: [400, 500, 600, NaN], // −600, −500, −400 and a pair with nothing to compare
    shelfOccupancyPeakUnits: four(NaN),
  },
  byClass: {
    large: { sellers: four(2), sellerProfitMeanCny: [510, 490, 505, 495] },
    medium: { sellers: four(0), sellerProfitMeanCny: four(NaN) },
    small: {
      sellers: four(4),
      finesTotalCny: [110, 90, 120, 80],
      sellerProfitMeanCny: [800, 790, 810, 800],
      sellerProfitP50Cny: [-230, -130, -330, -250], // −1230, −1230, −1230, −1250
    },
  },
  // Small sellers against their own 100 under pre-stock: 2, 1, 3 and 2 of 4 lower (a tie is not
  // worse); the large sellers lose too, but their class sells the same way in both.
  profits: [
    [10, 10, 90, 110, 80, 100],
    [10, 10, 90, 110, 120, 100],
    [10, 10, 90, 99, 80, 130],
    [10, 10, 100, 99, 98, 101],
  ],
};

const figure = (v: ReturnType<typeof verdict>, kpi: string) => v!.platform.figures.find((f) => f.kpi === kpi);

describe('verdict', () => {
  const a = runs(prestock), b = runs(smallOnJit);
  const v = verdict(a, b, { a: 'prestock.yaml', b: 'jit.yaml' })!;

  it('takes the scenario with more sellers under JIT as the JIT side, and reports JIT − pre-stock', () => {
    expect(v.jitSide).toBe('b');
    const qc = figure(v, 'peakWeekQcQueuePeakParcels')!;
    expect(qc.difference.mean).toBe(-4100);
    const hw = (T3 * Math.sqrt(20000 / 3)) / 2;
    expect(qc.difference.low).toBeCloseTo(-4100 - hw, 9);
    expect(qc.difference.high).toBeCloseTo(-4100 + hw, 9);
    expect(qc.outcome).toBe('better');
  });

  it('flips the orientation when A is the JIT scenario, so the figures keep their sign', () => {
    const flipped = verdict(b, a, { a: 'jit.yaml', b: 'prestock.yaml' })!;
    expect(flipped.jitSide).toBe('a');
    expect(figure(flipped, 'peakWeekQcQueuePeakParcels')!.difference.mean).toBe(-4100);
    expect(flipped.classes[0].jitIn).toBe('a');
    expect(flipped.classes[0].worseOff!.perReplication).toEqual([0.5, 0.25, 0.75, 0.5]);
    expect(flipped.headline).toEqual(v.headline);
  });

  it('counts, pair by pair, the share of the class\'s sellers worse off under JIT', () => {
    const small = v.classes[0];
    expect(small.className).toBe('small');
    expect(small.jitIn).toBe('b');
    expect(small.sellers).toBe(4);
    const w = small.worseOff!;
    expect(w.perReplication).toEqual([0.5, 0.25, 0.75, 0.5]);
    // Deviations 0, −0.25, 0.25, 0 from 0.5: sd = √(0.125 / 3).
    expect(w.interval.mean).toBe(0.5);
    expect(w.interval.low).toBeCloseTo(0.5 - (T3 * Math.sqrt(0.125 / 3)) / 2, 12);
    expect(w.interval.high).toBeCloseTo(0.5 + (T3 * Math.sqrt(0.125 / 3)) / 2, 12);
  });

  it('judges only classes whose mode changed; the others are listed with their profit difference, a class with no sellers not at all', () => {
    expect(v.classes.map((c) => c.className)).toEqual(['small']);
    expect(v.unchanged.map((u) => [u.className, u.mode])).toEqual([['large', 'prestock']]);
    expect(v.unchanged[0].profitMean!.mean).toBe(0);
  });

  it('says which way each figure goes for those it concerns', () => {
    expect(figure(v, 'peakWeekReceivingQueuePeakParcels')!.outcome).toBe('no clear difference');
    expect(figure(v, 'listingLeadTimeP50Hours')!.outcome).toBe('better');
    expect(v.platform.peak).toBe('relieved');
    const small = Object.fromEntries(v.classes[0].figures.map((f) => [f.kpi, f.outcome]));
    expect(small).toEqual({ finesTotalCny: 'no clear difference', sellerProfitMeanCny: 'worse', sellerProfitP50Cny: 'worse' });
    expect(v.classes[0].outcome).toBe('worse');
    expect(v.answer).toBe('burden moved onto sellers');
  });

  it('skips KPIs that are missing or NaN, and pairs where one side is NaN', () => {
    expect(figure(v, 'shelfOccupancyPeakUnits')).toBeUndefined();
    expect(v.notReported).toContain('shelfOccupancyPeakUnits');
    expect(v.notReported).toContain('small.holdingCostCny');
    const lost = figure(v, 'lostSalesUnlistedCny')!;
    expect(lost.difference.n).toBe(3);
    expect(lost.difference.mean).toBe(-500);
    expect(lost.difference.high).toBeCloseTo(-500 + (T2 * 100) / Math.sqrt(3), 6);
  });

  it('words the headline from the figures', () => {
    expect(v.headline).toEqual([
      'Platform: JIT lowers the peak-week QC queue peak by 4,100 parcels [3,970.1, 4,229.9] and lists new products 2.9 days sooner (P50) [2.83, 2.96].',
      'Sellers: 50.0% [17.5%, 82.5%] of small sellers are worse off under JIT; their median profit changes by -1,235 CNY [-1,250.9, -1,219.1].',
      'So JIT relieves the platform and moves the burden onto small sellers.',
    ]);
  });

  it('words a difference whose interval holds 0 as "no clear difference", never as a gain', () => {
    const noisy = (x: number[]) => x.map((y, r) => y + [50, -50, 60, -40][r]);
    const same: Spec = {
      ...smallOnJit,
      kpis: { ...prestock.kpis, peakWeekReceivingQueuePeakParcels: noisy(prestock.kpis.peakWeekReceivingQueuePeakParcels), peakWeekQcQueuePeakParcels: noisy(prestock.kpis.peakWeekQcQueuePeakParcels), listingLeadTimeP50Hours: noisy(prestock.kpis.listingLeadTimeP50Hours) },
      byClass: { ...smallOnJit.byClass, small: { sellers: four(4), sellerProfitP50Cny: noisy(prestock.byClass.small.sellerProfitP50Cny) } },
    };
    const u = verdict(a, runs(same), { a: 'a', b: 'b' })!;
    expect(u.platform.peak).toBe('no clear difference');
    // Differences 50, −50, 60, −40: mean 5, half width t(0.975, 3) · √(10100 / 3) / 2 = 92.33.
    expect(u.headline[0]).toBe('Platform: no clear difference in the peak-week receiving queue peak (+5 parcels [-87.33, 97.33]); no clear difference in how soon new products are listed (P50) (+5 hours [-87.33, 97.33]).');
    expect(u.headline[1]).toBe('Sellers: 50.0% [17.5%, 82.5%] of small sellers are worse off under JIT; their median profit shows no clear difference (+5 CNY [-87.33, 97.33]).');
    expect(u.answer).toBe('no clear difference');
    expect(u.headline[2]).toBe('So no clear difference either way over 4 replications.');
    expect(u.headline.join(' ')).not.toMatch(/lowers|raises|sooner|later|changes by/);
  });

  it('names a clear change the other way, and calls the platform mixed', () => {
    const receivingWorse: Spec = { ...smallOnJit, kpis: { ...smallOnJit.kpis, peakWeekReceivingQueuePeakParcels: [400, 410, 390, 400] } };
    const m = verdict(a, runs(receivingWorse), { a: 'a', b: 'b' })!;
    expect(figure(m, 'peakWeekReceivingQueuePeakParcels')!.outcome).toBe('worse');
    expect(m.platform.outcome).toBe('mixed');
    expect(m.platform.peak).toBe('mixed');
    expect(m.answer).toBe('costs sellers, mixed for the platform');
    // Differences 100, 110, 90, 100: half width t(0.975, 3) · √(200 / 3) / 2 = 12.99.
    expect(m.headline[0]).toBe('Platform: JIT lowers the peak-week QC queue peak by 4,100 parcels [3,970.1, 4,229.9] but raises the peak-week receiving queue peak by 100 parcels [87.01, 113]; JIT lists new products 2.9 days sooner (P50) [2.83, 2.96].');
    expect(m.headline[2]).toBe('So JIT costs small sellers, while the platform gains on 3 figures and loses on 1 (peak-week receiving queue peak).');
  });

  it('is null when every class sells the same way in both scenarios', () => {
    expect(verdict(a, runs({ ...smallOnJit, modes: prestock.modes }), { a: 'a', b: 'b' })).toBeNull();
  });

  it('judges a class that went the other way in its own orientation', () => {
    // Large sellers on JIT in A, small ones in B: B has more sellers under JIT (4 against 2).
    const largeJit = runs({ ...prestock, modes: { ...prestock.modes, large: 'jit' } });
    const w = verdict(largeJit, b, { a: 'a', b: 'b' })!;
    expect(w.jitSide).toBe('b');
    const large = w.classes.find((c) => c.className === 'large')!;
    expect(large.jitIn).toBe('a');
    expect(large.figures.find((f) => f.kpi === 'sellerProfitMeanCny')!.difference.mean).toBe(0); // A − B of 500 vs 510, 490, 505, 495
    expect(large.worseOff!.perReplication).toEqual([0, 0, 0, 0]); // 50 under JIT against 10 under pre-stock
  });

  it('gives no worse-off share when the sellers cannot be paired', () => {
    const fewer = runs(smallOnJit).map((r) => ({ ...r, perSeller: { profitCny: r.perSeller.profitCny.slice(0, 5), finesCny: r.perSeller.finesCny.slice(0, 5), classOf: r.perSeller.classOf.slice(0, 5) } }));
    const w = verdict(a, fewer, { a: 'a', b: 'b' })!;
    expect(w.classes[0].worseOff).toBeNull();
    expect(w.headline[1]).toBe('Sellers: small sellers\' median profit changes by -1,235 CNY [-1,250.9, -1,219.1].');
  });
});
