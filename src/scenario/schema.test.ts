// The scenario schema: the calibrated defaults, strictness, and one clear line per problem.
import { describe, expect, it } from 'vitest';
import { defaultScenario, scenarioSchema } from './schema.ts';
import { validateScenario } from './load.ts';
import { problems } from '../../test/helpers/schema-problems.ts';
import { sellerSlots, type SellerSlots } from './seller-slots.ts';
import { SIZE_CLASSES } from './types.ts';


const hours24 = (n: number) => Array.from({ length: 24 }, () => n);

describe('defaults', () => {
  const s = validateScenario({}, 'x.yaml');

  it('fill an empty file out to the full default scenario', () => {
    expect(s).toEqual(defaultScenario());
    const leaves = (v: unknown): unknown[] =>
      v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v];
    expect(leaves(s)).not.toContain(undefined);
    expect(leaves(s).length).toBeGreaterThan(250);
  });

  it('match the calibrated defaults (docs/calibration.md)', () => {
    expect(s.season).toEqual({ start: '2022-10-01', end: '2022-12-05' });
    expect(s.mode).toBe('jit');
    expect(s.description).toBe('');
    expect(s.demand.ordersPerDay).toBe(60_000);
    expect(s.demand.dayMultiplier).toHaveLength(10);
    expect(s.demand.dayMultiplier[4]).toEqual({ date: '2022-11-25', value: 5.8 });
    expect(s.demand.dayMultiplier[7]).toEqual({ date: '2022-11-28', value: 7.0 });
    expect(s.demand.hourProfile).toHaveLength(24);
    expect([s.demand.hourProfile[2], s.demand.hourProfile[18], s.demand.hourProfile[23]]).toEqual([1.47, 0.21, 0.94]);
    expect([s.demand.sellerZipf, s.demand.skuZipf, s.demand.meanQuantity]).toEqual([0.8, 1.0, 1.5]);
    expect(s.demand.unitValue).toEqual({ medianCny: 60, p90Cny: 180 });
    expect(s.demand.unitWeight).toEqual({ medianKg: 0.3, p90Kg: 1.2 });
    expect(s.sellers.count).toBe(30_000);
    expect(s.sellers.regions).toEqual({ shenzhen: 0.35, guangzhou: 0.25, dongguan: 0.1, foshan: 0.1, restOfGuangdong: 0.1, neighbouringProvinces: 0.1 });
    expect(s.sellers.classes.small).toEqual({
      mode: 'jit', share: 0.7, skusPerSeller: 5, workingHours: { openHour: 9, closeHour: 21 },
      handling: { medianHours: 0.25, p90Hours: 1 }, packingHeadroom: 1.5, plansForPeak: false,
      pickupHours: [18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.95, cycleDays: 12 }, pauseListingWhenOut: false,
      defectRate: { mean: 0.003, sd: 0.003 }, topUpProbability: 0.8,
    });
    expect(s.sellers.classes.medium.pickupHours).toEqual([12, 18]);
    expect(s.sellers.classes.medium.stocking).toEqual({ policy: 'serviceLevel', cycleServiceLevel: 0.98, cycleDays: 14 });
    expect(s.sellers.classes.large.stocking).toEqual({ policy: 'serviceLevel', cycleServiceLevel: 0.99, cycleDays: 15 });
    expect(s.sellers.classes.medium.defectRate).toEqual({ mean: 0.002, sd: 0.002 });
    expect(s.sellers.classes.medium.topUpProbability).toBe(0.95);
    expect(s.sellers.classes.large.workingHours).toEqual({ openHour: 7, closeHour: 23 });
    expect(s.sellers.classes.large.defectRate).toEqual({ mean: 0.001, sd: 0.001 });
    expect(s.sellers.classes.large.topUpProbability).toBe(0.99);
    expect(s.factories.leadTime).toEqual({ medianHours: 120, p90Hours: 240 });
    expect([s.factories.cogsRatio, s.factories.holdingRatePerYear]).toEqual([0.5, 0.25]);
    expect(s.factories.disruptions).toEqual([
      { regions: ['guangzhou'], from: '2022-11-05', to: '2022-11-11', affectedShare: 0.3, restartHours: 24, courierSuspended: true },
      { regions: ['guangzhou'], from: '2022-11-09', to: '2022-11-30', affectedShare: 0.15, restartHours: 24, courierSuspended: false },
      { regions: ['guangzhou'], from: '2022-11-21', to: '2022-11-25', affectedShare: 0.15, restartHours: 24, courierSuspended: false },
    ]);
    expect(s.factories.randomDisruptions).toEqual({
      ratePerDayPerRegion: 0.01, durationDays: { median: 4, p90: 7 }, affectedShare: 0.2, restartHours: 24, courierSuspended: false,
    });
    expect(s.courier.transit.guangzhou).toEqual({ medianHours: 10, p90Hours: 16 });
    expect(s.courier.transit.neighbouringProvinces).toEqual({ medianHours: 24, p90Hours: 40 });
    expect(s.courier.peakSlowdown.map((p) => p.value)).toEqual([1.0, 1.25, 1.25, 1.0]);
    expect(s.courier.shipping).toEqual({ firstKgCny: 12, perExtraKgCny: 2 });
    expect(s.warehouse.receiving.service).toEqual({ medianMinutes: 1.5, p90Minutes: 4 });
    expect(s.warehouse.receiving.staff.byHour).toEqual([...hours24(0).slice(0, 6), ...hours24(60).slice(6)]);
    expect(s.warehouse.receiving.staff.overrides).toEqual([
      { from: '2022-11-24', to: '2022-11-30', byHour: [...hours24(0).slice(0, 6), ...hours24(90).slice(6)] },
    ]);
    expect(s.warehouse.qc.staff.byHour).toEqual([150, 150, 0, 0, 0, 0, ...hours24(150).slice(6)]);
    expect(s.warehouse.qc.staff.overrides[0].byHour).toEqual([300, 300, 0, 0, 0, 0, ...hours24(300).slice(6)]);
    expect([s.warehouse.qc.perParcelMinutes, s.warehouse.qc.perUnitMinutes, s.warehouse.putawayHours]).toEqual([2, 0.5, 2]);
    expect(s.rules).toEqual({
      lateness: [{ afterHours: 24, multiple: 1 }, { afterHours: 48, multiple: 5 }],
      failAfterHours: 72, stockoutMultiple: 5, prestockStockoutMultiple: 0, qualityMultiple: 5, depositCny: 5000, topUpGraceHours: 72, forceMajeure: false,
    });
    expect(s.prestock).toEqual({ initialCap: 30, approvalHours: { medianHours: 48, p90Hours: 120 }, returnAboveDays: 60, shelfUnits: null });
    expect(s.newProducts).toEqual({ share: 0.2, vettingHours: { medianHours: 24, p90Hours: 72 } });
  });

  it('are a fresh copy each time, so a caller mutating one cannot change the next', () => {
    const a = defaultScenario();
    a.demand.dayMultiplier[0].value = 99;
    a.warehouse.qc.staff.byHour[6] = 0;
    const b = defaultScenario();
    expect(b.demand.dayMultiplier[0].value).toBe(1.0);
    expect(b.warehouse.qc.staff.byHour[6]).toBe(150);
  });
});

describe('modes', () => {
  const modes = (input: unknown) => {
    const s = scenarioSchema.parse(input);
    return [s.mode, s.sellers.classes.large.mode, s.sellers.classes.medium.mode, s.sellers.classes.small.mode];
  };
  it('are JIT for every class by default', () => {
    expect(modes({})).toEqual(['jit', 'jit', 'jit', 'jit']);
  });
  it('take the top-level mode in every class that does not set its own', () => {
    expect(modes({ mode: 'prestock' })).toEqual(['prestock', 'prestock', 'prestock', 'prestock']);
    expect(modes({ mode: 'prestock', sellers: { classes: { large: { mode: 'jit', share: 0.05 } } } })).toEqual(['prestock', 'jit', 'prestock', 'prestock']);
    expect(modes({ sellers: { classes: { small: { mode: 'prestock' } } } })).toEqual(['jit', 'jit', 'jit', 'prestock']);
  });
  it('leave a malformed file to the checks that name its problem', () => {
    expect(problems({ mode: 'prestock', sellers: 3 })).toEqual(['x.yaml: sellers: expected an object, got 3']);
  });
});

describe('partial objects', () => {
  it('keep the defaults of the fields they leave out, at every depth', () => {
    const s = validateScenario({
      demand: { unitValue: { p90Cny: 200 } },
      sellers: { classes: { medium: { handling: { medianHours: 0.2 } } } },
      warehouse: { qc: { staff: { byHour: hours24(7) } } },
    }, 'x.yaml');
    expect(s.demand.unitValue).toEqual({ medianCny: 60, p90Cny: 200 });
    expect(s.demand.ordersPerDay).toBe(60_000);
    expect(s.sellers.classes.medium.handling).toEqual({ medianHours: 0.2, p90Hours: 0.5 });
    expect(s.sellers.classes.medium.share).toBe(0.25);
    expect(s.sellers.classes.small).toEqual(defaultScenario().sellers.classes.small);
    expect(s.warehouse.qc.staff.byHour).toEqual(hours24(7));
    expect(s.warehouse.qc.staff.overrides).toHaveLength(1);
    expect(s.warehouse.qc.perUnitMinutes).toBe(0.5);
  });

  it('fill a disruption window with its restart time and open couriers', () => {
    const s = validateScenario({
      factories: { disruptions: [{ regions: ['foshan'], from: '2022-10-03', to: '2022-10-04', affectedShare: 1 }] },
    }, 'x.yaml');
    expect(s.factories.disruptions).toEqual([
      { regions: ['foshan'], from: '2022-10-03', to: '2022-10-04', affectedShare: 1, restartHours: 24, courierSuspended: false },
    ]);
  });

  it('read a stocking policy without `policy` as the one its fields belong to, its other fields from the class', () => {
    const s = validateScenario({ sellers: { classes: {
      large: { stocking: { reorderDays: 10 } }, medium: { stocking: { cycleDays: 7 } }, small: { stocking: { policy: 'makeToOrder' } },
    } } }, 'x.yaml');
    expect(s.sellers.classes.large.stocking).toEqual({ policy: 'sS', reorderDays: 10, orderUpToDays: 30 });
    expect(s.sellers.classes.medium.stocking).toEqual({ policy: 'serviceLevel', cycleServiceLevel: 0.98, cycleDays: 7 });
    expect(validateScenario({ sellers: { classes: { small: { stocking: {} } } } }, 'x.yaml').sellers.classes.small.stocking)
      .toEqual({ policy: 'serviceLevel', cycleServiceLevel: 0.95, cycleDays: 12 });
    expect(s.sellers.classes.small.stocking).toEqual({ policy: 'makeToOrder' });
  });

  it('switch random disruptions off with null, or change one of their fields', () => {
    expect(validateScenario({ factories: { randomDisruptions: null } }, 'x.yaml').factories.randomDisruptions).toBeNull();
    const s = validateScenario({ factories: { randomDisruptions: { durationDays: { p90: 10 } } } }, 'x.yaml');
    expect(s.factories.randomDisruptions).toEqual({
      ratePerDayPerRegion: 0.01, durationDays: { median: 4, p90: 10 }, affectedShare: 0.2, restartHours: 24, courierSuspended: false,
    });
  });

  it('accept shares that sum to 1 up to rounding', () => {
    expect(problems({ sellers: { classes: { large: { share: 0.1 }, medium: { share: 0.2 }, small: { share: 0.7 } } } })).toEqual([]);
  });
});

describe('unknown fields', () => {
  it('are errors naming the path, with the nearest known field', () => {
    expect(problems({ demnd: {} })).toEqual(['x.yaml: demnd: unknown field (did you mean demand?)']);
    expect(problems({ sellers: { classes: { small: { skusPerSellr: 3 } } } }))
      .toEqual(['x.yaml: sellers.classes.small.skusPerSellr: unknown field (did you mean skusPerSeller?)']);
  });

  it('list the known fields when nothing is close, one line per unknown field', () => {
    expect(problems({ courier: { shipping: { perKg: 1, zone: 'A' } } })).toEqual([
      'x.yaml: courier.shipping.perKg: unknown field (expected one of: firstKgCny, perExtraKgCny)',
      'x.yaml: courier.shipping.zone: unknown field (expected one of: firstKgCny, perExtraKgCny)',
    ]);
  });

  it('say that make-to-order takes no days', () => {
    expect(problems({ sellers: { classes: { small: { stocking: { policy: 'makeToOrder', reorderDays: 2 } } } } })).toEqual([
      'x.yaml: sellers.classes.small.stocking.reorderDays: unknown field (makeToOrder takes no other fields; reorderDays and orderUpToDays need policy: sS, cycleServiceLevel and cycleDays policy: serviceLevel)',
    ]);
  });
});

describe('validation', () => {
  const byHourWith = (i: number, v: unknown) => hours24(10).map((n, h) => (h === i ? v : n));
  const cases: [string, unknown, string][] = [
    ['NaN', { demand: { ordersPerDay: NaN } }, 'demand.ordersPerDay: expected a number >= 0, got NaN'],
    ['Infinity', { factories: { cogsRatio: Infinity } }, 'factories.cogsRatio: expected a number in [0, 10] (a fraction of unit value), got Infinity'],
    ['a string for a number', { rules: { depositCny: '5000' } }, 'rules.depositCny: expected a number in [0, 1,000,000,000] (CNY, at most a billion), got "5000"'],
    ['a negative duration', { warehouse: { putawayHours: -1 } }, 'warehouse.putawayHours: expected a number in [0, 8,760] (hours, at most a year), got -1'],
    ['a zero where > 0 is needed', { rules: { failAfterHours: 0 } }, 'rules.failAfterHours: expected a number in (0, 8,760] (hours, at most a year), got 0'],
    ['a fractional seller count', { sellers: { count: 2.5 } }, 'sellers.count: expected a whole number >= 1, got 2.5'],
    ['no SKUs', { sellers: { classes: { large: { skusPerSeller: 0 } } } }, 'sellers.classes.large.skusPerSeller: expected a whole number in [1, 5,000,000] (SKUs a seller), got 0'],
    ['negative staff', { warehouse: { qc: { staff: { byHour: byHourWith(3, -2) } } } }, 'warehouse.qc.staff.byHour[3]: expected a whole number in [0, 100,000] (staff on duty), got -2'],
    ['fractional staff', { warehouse: { receiving: { staff: { byHour: byHourWith(7, 1.5) } } } }, 'warehouse.receiving.staff.byHour[7]: expected a whole number in [0, 100,000] (staff on duty), got 1.5'],
    ['23 hours of staff', { warehouse: { receiving: { staff: { byHour: hours24(1).slice(1) } } } }, 'warehouse.receiving.staff.byHour: expected 24 whole numbers >= 0 (staff on duty), one per hour 0..23, got 23'],
    ['staff as a number', { warehouse: { receiving: { staff: { byHour: 60 } } } }, 'warehouse.receiving.staff.byHour: expected a list of whole numbers >= 0 (staff on duty), got 60'],
    ['a probability above 1', { sellers: { classes: { medium: { topUpProbability: 1.2 } } } }, 'sellers.classes.medium.topUpProbability: expected a number in [0, 1], got 1.2'],
    ['class shares off 1', { sellers: { classes: { small: { share: 0.6 } } } }, 'sellers.classes: expected class shares summing to 1, got 0.9 (large 0.05 + medium 0.25 + small 0.6)'],
    ['region shares off 1', { sellers: { regions: { shenzhen: 0.45 } } }, 'sellers.regions: expected region shares summing to 1, got 1.1 (shenzhen 0.45 + guangzhou 0.25 + dongguan 0.1 + foshan 0.1 + restOfGuangdong 0.1 + neighbouringProvinces 0.1)'],
    ['a short hour profile', { demand: { hourProfile: hours24(1).slice(2) } }, 'demand.hourProfile: expected 24 weights >= 0, one per hour 0..23, got 22'],
    ['a negative hourly weight', { demand: { hourProfile: byHourWith(5, -0.1) } }, 'demand.hourProfile[5]: expected a number >= 0, got -0.1'],
    ['an all-zero hour profile', { demand: { hourProfile: hours24(0) } }, 'demand.hourProfile: expected weights with a positive sum, got all zeros'],
    ['a median above its p90', { courier: { transit: { shenzhen: { medianHours: 30 } } } }, 'courier.transit.shenzhen.p90Hours: expected p90Hours at or above medianHours (30; equal means a constant), got 20'],
    ['a zero median', { factories: { leadTime: { medianHours: 0 } } }, 'factories.leadTime.medianHours: expected a number in [0.016667, 8,760] (hours, from a minute to a year), got 0'],
    ['a day that does not exist', { season: { start: '2022-02-30' } }, 'season.start: expected a date YYYY-MM-DD, got "2022-02-30"'],
    ['a date in another format', { season: { end: '05/12/2022' } }, 'season.end: expected a date YYYY-MM-DD, got "05/12/2022"'],
    ['a date before 2000', { season: { start: '1999-12-31' } }, 'season.start: expected a date between 2000-01-01 and 2100-12-31, got "1999-12-31"'],
    ['a date after 2100', { demand: { dayMultiplier: [{ date: '2101-01-01', value: 1 }] } }, 'demand.dayMultiplier[0].date: expected a date between 2000-01-01 and 2100-12-31, got "2101-01-01"'],
    ['a season ending before it starts', { season: { start: '2022-10-01', end: '2022-09-30' } }, 'season.end: expected a date on or after start (2022-10-01), got 2022-09-30'],
    ['dated points out of order', { courier: { peakSlowdown: [{ date: '2022-11-20', value: 1 }, { date: '2022-11-20', value: 2 }] } }, 'courier.peakSlowdown[1].date: expected a date after the previous point\'s (2022-11-20), got 2022-11-20'],
    ['no dated points', { demand: { dayMultiplier: [] } }, 'demand.dayMultiplier: expected at least one dated point, got an empty list'],
    ['a zero slowdown', { courier: { peakSlowdown: [{ date: '2022-11-20', value: 0 }] } }, 'courier.peakSlowdown[0].value: expected a number in (0, 1,000] (times the transit time), got 0'],
    ['a disruption ending before it starts', { factories: { disruptions: [{ regions: ['shenzhen'], from: '2022-10-10', to: '2022-10-09', affectedShare: 0.5 }] } }, 'factories.disruptions[0].to: expected a time on or after from (2022-10-10), got 2022-10-09'],
    ['a disruption date-time without offset', { factories: { disruptions: [{ regions: ['shenzhen'], from: '2022-10-10T08:00', to: '2022-10-12', affectedShare: 0.5 }] } }, 'factories.disruptions[0].from: expected a date YYYY-MM-DD or a date-time with offset (YYYY-MM-DDThh:mm+08:00), got "2022-10-10T08:00"'],
    ['a disruption without its end', { factories: { disruptions: [{ regions: ['shenzhen'], from: '2022-10-10', affectedShare: 0.5 }] } }, 'factories.disruptions[0].to: expected a date YYYY-MM-DD or a date-time with offset (YYYY-MM-DDThh:mm+08:00), got nothing'],
    ['an unknown region', { factories: { disruptions: [{ regions: ['wuhan'], from: '2022-10-10', to: '2022-10-12', affectedShare: 0.5 }] } }, 'factories.disruptions[0].regions[0]: expected a region (shenzhen, guangzhou, dongguan, foshan, restOfGuangdong, neighbouringProvinces), got "wuhan"'],
    ['a region listed twice', { factories: { disruptions: [{ regions: ['foshan', 'foshan'], from: '2022-10-10', to: '2022-10-12', affectedShare: 0.5 }] } }, 'factories.disruptions[0].regions[1]: expected each region once, got foshan again'],
    ['an override ending before it starts', { warehouse: { qc: { staff: { overrides: [{ from: '2022-11-30', to: '2022-11-24', byHour: hours24(1) }] } } } }, 'warehouse.qc.staff.overrides[0].to: expected a date on or after from (2022-11-30), got 2022-11-24'],
    ['overlapping overrides', { warehouse: { qc: { staff: { overrides: [{ from: '2022-11-24', to: '2022-11-30', byHour: hours24(1) }, { from: '2022-11-30', to: '2022-12-02', byHour: hours24(2) }] } } } }, 'warehouse.qc.staff.overrides[1].from: expected a date after 2022-11-30 (overrides[0] runs to then; overrides must not overlap), got 2022-11-30'],
    ['lateness tiers out of order', { rules: { lateness: [{ afterHours: 48, multiple: 5 }, { afterHours: 24, multiple: 1 }] } }, 'rules.lateness[1].afterHours: expected more than the previous tier\'s 48 hours, got 24'],
    ['closing before opening', { sellers: { classes: { small: { workingHours: { openHour: 9, closeHour: 9 } } } } }, 'sellers.classes.small.workingHours.closeHour: expected a closing hour at least 0.25 h after openHour (9), got 9'],
    ['an opening hour past 24', { sellers: { classes: { small: { workingHours: { openHour: 25 } } } } }, 'sellers.classes.small.workingHours.openHour: expected an hour of day in [0, 24], got 25'],
    ['pickups out of order', { sellers: { classes: { medium: { pickupHours: [18, 12] } } } }, 'sellers.classes.medium.pickupHours[1]: expected an hour after the previous pickup (18), got 12'],
    ['a pickup at 24:00', { sellers: { classes: { medium: { pickupHours: [12, 24] } } } }, 'sellers.classes.medium.pickupHours[1]: expected an hour of day in [0, 24), got 24'],
    ['no pickups', { sellers: { classes: { medium: { pickupHours: [] } } } }, 'sellers.classes.medium.pickupHours: expected at least one pickup hour, got an empty list'],
    ['a word for a boolean', { sellers: { classes: { small: { plansForPeak: 'yes' } } } }, 'sellers.classes.small.plansForPeak: expected true or false, got "yes"'],
    ['an unknown mode', { mode: 'hybrid' }, 'mode: expected "jit" or "prestock", got "hybrid"'],
    ['an unknown class mode', { sellers: { classes: { small: { mode: 'consignment' } } } }, 'sellers.classes.small.mode: expected "jit" or "prestock", got "consignment"'],
    ['make-to-order under pre-stock', { mode: 'prestock', sellers: { classes: { small: { stocking: { policy: 'makeToOrder' } } } } }, 'sellers.classes.small.stocking.policy: expected "serviceLevel" or "sS" under mode prestock (a pre-stock listing sells only from warehouse stock), got "makeToOrder"'],
    ['a shelf of no units', { prestock: { shelfUnits: 0 } }, 'prestock.shelfUnits: expected a whole number in [1, 1,000,000,000] (units), got 0'],
    ['a new-product share above 1', { newProducts: { share: 1.5 } }, 'newProducts.share: expected a number in [0, 1], got 1.5'],
    ['a number for a section', { demand: 5 }, 'demand: expected an object, got 5'],
    ['an unknown stocking policy', { sellers: { classes: { small: { stocking: { policy: 'kanban' } } } } }, 'sellers.classes.small.stocking.policy: expected "serviceLevel", "sS" or "makeToOrder", got "kanban"'],
    ['a service level of 1', { sellers: { classes: { small: { stocking: { cycleServiceLevel: 1 } } } } }, 'sellers.classes.small.stocking.cycleServiceLevel: expected a share in (0, 1), got 1'],
    ['order-up-to below the reorder point', { sellers: { classes: { small: { stocking: { reorderDays: 30 } } } } }, 'sellers.classes.small.stocking.orderUpToDays: expected orderUpToDays above reorderDays (30), got 24'],
    ['a defect spread no Beta has', { sellers: { classes: { large: { defectRate: { sd: 0.2 } } } } }, 'sellers.classes.large.defectRate.sd: expected an sd below 0.031607 (a Beta with mean 0.001 allows no more), got 0.2'],
    ['a mean quantity below one unit', { demand: { meanQuantity: 0.5 } }, 'demand.meanQuantity: expected a number in [1, 10] (units an order), got 0.5'],
    ['a list at the top level', [1, 2], 'expected an object, got a list of 2'],
  ];

  it.each(cases)('refuses %s', (_, input, line) => {
    expect(problems(input)).toEqual([`x.yaml: ${line}`]);
  });

  it('accepts a disruption window given as date-times with offsets', () => {
    expect(problems({ factories: { disruptions: [{ regions: ['shenzhen'], from: '2022-10-10T06:00+08:00', to: '2022-10-10T18:00Z', affectedShare: 0.5 }] } })).toEqual([]);
  });

  it('reports every independent problem at once', () => {
    expect(problems({ mode: 'x', rules: { depositCny: -1, qualityMultiple: 'five' } })).toHaveLength(3);
  });
});

describe('absurd sizes', () => {
  it('refuses more than a million sellers (ten million took gigabytes)', () => {
    expect(problems({ sellers: { count: 10_000_000 } })).toEqual(['x.yaml: sellers.count: expected at most 1,000,000 sellers, got 10,000,000 (too large to simulate)']);
  });

  it('refuses a season longer than three years, and takes one of exactly 1096 days', () => {
    expect(problems({ season: { start: '2022-01-01', end: '2024-12-31' } })).toEqual([]);
    expect(problems({ season: { start: '2022-01-01', end: '2025-01-01' } })).toEqual(['x.yaml: season.end: expected a season of at most 1,096 days (3 years), got 1,097 days (too large to simulate)']);
  });

  it('refuses more than a hundred million orders a day', () => {
    expect(problems({ demand: { ordersPerDay: 2e8 } })).toEqual(['x.yaml: demand.ordersPerDay: expected at most 100,000,000 orders per day, got 200,000,000 (too large to simulate)']);
  });

  const tooManySkus = (skus: string) => `x.yaml: sellers: expected at most 5,000,000 SKUs in all (each class's whole sellers, count × share rounded down and the rest small, × its skusPerSeller), got ${skus} (too large to simulate)`;

  it('refuses more than five million SKUs in all, and takes exactly five million', () => {
    expect(problems({ sellers: { count: 500_000 } })).toEqual([tooManySkus('6,250,000')]);
    const onlySmall = { large: { share: 0 }, medium: { share: 0 }, small: { share: 1 } };
    expect(problems({ sellers: { count: 1_000_000, classes: onlySmall } })).toEqual([]);
  });

  describe('counts the SKUs the world builds, sellers rounded to whole ones per class', () => {
    // Three sellers at shares 0.5 / 0 / 0.5: one large, and the rounding's leftover seller small (two).
    const sellers = (largeSkus: number, smallSkus: number) => ({
      count: 3,
      classes: { large: { share: 0.5, skusPerSeller: largeSkus }, medium: { share: 0 }, small: { share: 0.5, skusPerSeller: smallSkus } },
    });
    /** The SKUs the model's slots (seller-slots.ts, as src/model/world.ts builds them) give these sellers. */
    const built = (input: ReturnType<typeof sellers>) => {
      const scenario = defaultScenario();
      scenario.sellers.count = input.count;
      for (const c of SIZE_CLASSES) Object.assign(scenario.sellers.classes[c], input.classes[c]);
      const slots = sellerSlots(scenario) as SellerSlots;
      return slots.sellerFirstSku[slots.count];
    };

    it('refuses 6,666,665 SKUs that the expected counts put at 4,999,999.5', () => {
      expect(built(sellers(1, 3_333_332))).toBe(6_666_665);
      expect(problems({ sellers: sellers(1, 3_333_332) })).toEqual([tooManySkus('6,666,665')]);
    });

    it('takes exactly five million built, and refuses one more', () => {
      expect(built(sellers(2, 2_499_999))).toBe(5_000_000);
      expect(problems({ sellers: sellers(2, 2_499_999) })).toEqual([]);
      expect(built(sellers(3, 2_499_999))).toBe(5_000_001);
      expect(problems({ sellers: sellers(3, 2_499_999) })).toEqual([tooManySkus('5,000,001')]);
    });
  });
});

describe('the schema itself', () => {
  it('validates its own defaults (they pass through the same checks)', () => {
    expect(scenarioSchema.safeParse({}).success).toBe(true);
  });
});
