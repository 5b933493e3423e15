// The domain limits (docs/scenario-format.md, "Limits"): every example of a valid file whose run
// failed (issue 16) is now refused with one line naming the field and its range, and each bound's
// edge value is accepted and runs a tiny season to the end with finite KPIs.
import { describe, expect, it } from 'vitest';
import { validateScenario } from './load.ts';
import { problems } from '../../test/helpers/schema-problems.ts';
import { LIMITS } from './fields.ts';
import { runJit } from '../model/jit.ts';
import { tiny } from '../../test/helpers/tiny.ts';
import type { Scenario } from './types.ts';


describe('values whose run crashed, hung or ran out of memory', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a first kilo at 1e308 CNY (Histogram.add got Infinity)', { courier: { shipping: { firstKgCny: 1e308 } } },
      /^x\.yaml: courier\.shipping\.firstKgCny: expected a number in \[0, 1,000,000,000\] \(CNY, at most a billion\), got 1e\+308$/],
    ['a mean of 1e9 units an order (quantities wrapped past 2^31: a negative delay)', { demand: { meanQuantity: 1e9 } },
      /^x\.yaml: demand\.meanQuantity: expected a number in \[1, 10\] \(units an order\), got 1000000000$/],
    ['a working day of 1e-9 hours (V8 fatal)', { sellers: { classes: { small: { workingHours: { openHour: 0, closeHour: 1e-9 } } } } },
      /^x\.yaml: sellers\.classes\.small\.workingHours\.closeHour: expected a closing hour at least 0\.25 h after openHour \(0\), got 1e-9$/],
    ['a packing headroom of 1e21 (V8 fatal)', { sellers: { classes: { small: { packingHeadroom: 1e21 } } } },
      /^x\.yaml: sellers\.classes\.small\.packingHeadroom: expected a number in \(0, 100\] \(times the expected work\), got 1e\+21$/],
    ['handling from 1e-300 to 1e300 hours (hung)', { sellers: { classes: { medium: { handling: { medianHours: 1e-300, p90Hours: 1e300 } } } } },
      /^x\.yaml: sellers\.classes\.medium\.handling\.(medianHours|p90Hours): expected a number in \[0\.016667, 24\] \(hours, from a minute to a day\), got 1e[-+]300$/],
    ['1e308 random closures a day (out of memory)', { factories: { randomDisruptions: { ratePerDayPerRegion: 1e308 } } },
      /^x\.yaml: factories\.randomDisruptions\.ratePerDayPerRegion: expected a number in \[0, 1\] \(closures a day per region\), got 1e\+308$/],
    ['ten million sellers (gigabytes)', { sellers: { count: 10_000_000 } },
      /^x\.yaml: sellers\.count: expected at most 1,000,000 sellers, got 10,000,000 \(too large to simulate\)$/],
    ['fifty million SKUs (gigabytes)', { sellers: { count: 1_000_000, classes: { large: { share: 0 }, medium: { share: 0 }, small: { share: 1, skusPerSeller: 50 } } } },
      /^x\.yaml: sellers: expected at most 5,000,000 SKUs in all .*got 50,000,000 \(too large to simulate\)$/],
  ];
  it.each(cases)('refuses %s', (_, input, line) => {
    const lines = problems(input);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(line);
  });

  it('refuses a log-normal spread wider than 20 medians', () => {
    expect(problems({ factories: { leadTime: { medianHours: 10, p90Hours: 201 } } })).toEqual([
      'x.yaml: factories.leadTime.p90Hours: expected p90Hours at most 20 × medianHours (200; a wider spread has no planning meaning), got 201',
    ]);
  });

  it('refuses more lateness tiers than 1,000', () => {
    const tiers = Array.from({ length: 1001 }, (_, i) => ({ afterHours: i, multiple: 1 }));
    expect(problems({ rules: { lateness: tiers } })).toEqual(['x.yaml: rules.lateness: expected at most 1,000 lateness tiers, got 1,001']);
  });

  it('refuses a day multiplier over 1,000 and more than a billion orders on the peak day', () => {
    expect(problems({ demand: { dayMultiplier: [{ date: '2022-10-01', value: 1e300 }] } })).toEqual([
      'x.yaml: demand.dayMultiplier[0].value: expected a number in [0, 1,000] (times ordersPerDay), got 1e+300',
    ]);
    // 100 million a day at a peak of 10.5: a day's orders and parcels would pass 2^31 in 32-bit counts.
    expect(problems({ demand: { ordersPerDay: 1e8, dayMultiplier: [{ date: '2022-10-01', value: 1 }, { date: '2022-11-25', value: 10.5 }] } })).toEqual([
      'x.yaml: demand.dayMultiplier: expected at most 1,000,000,000 orders a day at the peak (ordersPerDay × the curve\'s largest value), got 1,050,000,000',
    ]);
    expect(problems({ demand: { ordersPerDay: 1e8, dayMultiplier: [{ date: '2022-10-01', value: 10 }] }, sellers: { classes: { large: { packingHeadroom: 0.001 }, medium: { packingHeadroom: 0.001 }, small: { packingHeadroom: 0.001 } } } })).toEqual([]);
  });

  it('refuses more packers at the peak than a worker holds, naming the class', () => {
    const lines = problems({ demand: { ordersPerDay: 1e8 }, sellers: { classes: { small: { packingHeadroom: 100 } } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^x\.yaml: sellers\.classes\.small: expected at most 10,000,000 packers at the peak .*got [\d,]+ \(too large to simulate\)$/);
  });
});

/** `tiny` over three days with some demand, edited, checked by the schema, then run. */
function runEdge(edit: (s: Scenario) => void) {
  const s = tiny((t) => {
    t.season = { start: '2022-10-01', end: '2022-10-03' };
    t.demand.ordersPerDay = 20;
    t.demand.dayMultiplier = [{ date: '2022-10-01', value: 1 }];
    t.courier.peakSlowdown = [{ date: '2022-10-01', value: 1 }]; // tiny leaves it empty, which a file may not
    edit(t);
  });
  const { tables: _, ...file } = s as Scenario & { tables?: unknown };
  expect(problems(file)).toEqual([]);
  return runJit(validateScenario(file, 'x.yaml'), { seed: 1, replication: 0 });
}

describe('each bound at its edge', () => {
  const edges: [string, (s: Scenario) => void][] = [
    ['money at a billion CNY', (s) => {
      s.courier.shipping = { firstKgCny: LIMITS.cny, perExtraKgCny: LIMITS.cny };
      s.demand.unitValue = { medianCny: LIMITS.cny / LIMITS.p90OverMedian, p90Cny: LIMITS.cny };
      s.rules.depositCny = LIMITS.cny;
    }],
    ['multiples at 1,000', (s) => {
      s.rules.lateness = [{ afterHours: 0, multiple: LIMITS.multiple }];
      s.rules.stockoutMultiple = s.rules.qualityMultiple = LIMITS.multiple;
      s.factories.cogsRatio = s.factories.holdingRatePerYear = LIMITS.ratio;
    }],
    ['a mean of 10 units an order', (s) => { s.demand.meanQuantity = LIMITS.meanQuantity; }],
    ['a quarter-hour working day', (s) => { s.sellers.classes.small.workingHours = { openHour: 23.75, closeHour: 24 }; }],
    ['a packing headroom of 100', (s) => { s.sellers.classes.small.packingHeadroom = LIMITS.packingHeadroom; }],
    ['handling from a minute, spread 20 times', (s) => { s.sellers.classes.small.handling = { medianHours: 1 / 60, p90Hours: 20 / 60 }; }],
    ['handling of a whole day', (s) => { s.sellers.classes.small.handling = { medianHours: 24, p90Hours: 24 }; }],
    ['a lead time of a year', (s) => { s.factories.leadTime = { medianHours: LIMITS.hours, p90Hours: LIMITS.hours }; }],
    ['one random closure a day per region, each up to a year', (s) => {
      s.factories.randomDisruptions = { ratePerDayPerRegion: LIMITS.disruptionsPerDay, durationDays: { median: LIMITS.days / 20, p90: LIMITS.days }, affectedShare: 1, restartHours: LIMITS.hours, courierSuspended: true };
    }],
    ['Zipf exponents of 10', (s) => { s.demand.sellerZipf = s.demand.skuZipf = LIMITS.zipf; s.sellers.classes.small.skusPerSeller = 50; }],
    ['100,000 staff an hour', (s) => { s.warehouse.qc.staff = { byHour: Array(24).fill(LIMITS.staffPerHour), overrides: [] }; }],
  ];
  // NaN is a statistic with nothing to measure (no launches in three days), never an overflow.
  it.each(edges)('accepts %s and runs to the end with finite KPIs', (_, edit) => {
    const r = runEdge(edit);
    const kpis = Object.entries(r.kpis);
    expect(kpis.length).toBeGreaterThan(10);
    expect(kpis.filter(([, v]) => !Number.isFinite(v) && !Number.isNaN(v))).toEqual([]);
    expect(r.kpis.ordersPlaced).toBeGreaterThan(0);
    expect(Number.isFinite(r.kpis.ordersShipped)).toBe(true);
  });
});
