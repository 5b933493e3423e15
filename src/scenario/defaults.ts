// The calibrated defaults of every scenario field (docs/calibration.md says where each comes from),
// and where a stocking policy's fields start when a file names the policy without them.
import type { Scenario } from './types.ts';

/** Staff `n` on duty from `fromHour` until `toHour` (a `toHour` <= `fromHour` runs past midnight). */
function shift(n: number, fromHour: number, toHour: number): number[] {
  return Array.from({ length: 24 }, (_, h) =>
    (fromHour < toHour ? h >= fromHour && h < toHour : h >= fromHour || h < toHour) ? n : 0);
}

/** The peak week, when the warehouse adds surge staff (A). */
const SURGE = { from: '2022-11-24', to: '2022-11-30' };

export const DEFAULTS = {
  description: '',
  mode: 'jit',
  season: { start: '2022-10-01', end: '2022-12-05' },
  start: { fromState: null }, // the season's beginning, empty queues; or a saved state (docs/results.md, "Snapshots")
  demand: {
    ordersPerDay: 60_000, // S/derived: GMV US$1.5M a day / AOV US$25
    // A: the platform's ramp to ~2.5x by late November, with Thanksgiving, Black Friday and
    // Cyber Monday on top (Adobe's 2022 daily spend ratios).
    dayMultiplier: [
      ['2022-10-01', 1.0], ['2022-10-31', 1.5], ['2022-11-20', 2.5], ['2022-11-24', 3.5],
      ['2022-11-25', 5.8], ['2022-11-26', 4.5], ['2022-11-27', 4.5], ['2022-11-28', 7.0],
      ['2022-11-29', 3.5], ['2022-12-05', 2.8],
    ].map(([date, value]) => ({ date: date as string, value: value as number })),
    // US shopping by hour shifted +13 h to China time: buyers' evening is the Chinese morning.
    hourProfile: [1.17, 1.38, 1.47, 1.44, 1.41, 1.38, 1.35, 1.32, 1.30, 1.29, 1.29, 1.29,
      1.16, 1.01, 0.86, 0.69, 0.53, 0.37, 0.21, 0.34, 0.47, 0.60, 0.73, 0.94],
    sellerZipf: 0.8,
    skuZipf: 1.0,
    meanQuantity: 1.5,
    unitValue: { medianCny: 60, p90Cny: 180 },
    unitWeight: { medianKg: 0.3, p90Kg: 1.2 },
    orders: null, // synthetic demand only; a seller's order history replays from a CSV (docs/model.md)
    ordersReplace: 'namedSellers',
  },
  sellers: {
    count: 30_000, // S: about 30k merchants on the platform
    catalogue: null, // every seller synthetic; named sellers' SKUs come from a CSV (docs/model.md)
    regions: { shenzhen: 0.35, guangzhou: 0.25, dongguan: 0.10, foshan: 0.10, restOfGuangdong: 0.10, neighbouringProvinces: 0.10 },
    classes: {
      // A: competent sellers stock to a cycle service level over the factory lead time (reorder point =
      // lead-time demand + safety stock) and keep 12–15 days' cycle stock; JIT sellers self-select as
      // those with stock on hand. Defects 0.1–0.3% a unit (well inside the usual 2.5% AQL ceiling);
      // most sellers that run out of deposit pay it back.
      large: {
        mode: 'jit', share: 0.05, skusPerSeller: 80, workingHours: { openHour: 7, closeHour: 23 },
        handling: { medianHours: 0.1, p90Hours: 0.3 }, packingHeadroom: 1.5, plansForPeak: true,
        pickupHours: [10, 14, 18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.99, cycleDays: 15 }, pauseListingWhenOut: false,
        defectRate: { mean: 0.001, sd: 0.001 }, topUpProbability: 0.99,
      },
      medium: {
        mode: 'jit', share: 0.25, skusPerSeller: 20, workingHours: { openHour: 8, closeHour: 22 },
        handling: { medianHours: 0.15, p90Hours: 0.5 }, packingHeadroom: 1.5, plansForPeak: true,
        pickupHours: [12, 18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.98, cycleDays: 14 }, pauseListingWhenOut: false,
        defectRate: { mean: 0.002, sd: 0.002 }, topUpProbability: 0.95,
      },
      small: {
        // Small sellers size packing on what they saw, so a sudden peak overloads them.
        mode: 'jit', share: 0.70, skusPerSeller: 5, workingHours: { openHour: 9, closeHour: 21 },
        handling: { medianHours: 0.25, p90Hours: 1 }, packingHeadroom: 1.5, plansForPeak: false,
        pickupHours: [18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.95, cycleDays: 12 }, pauseListingWhenOut: false,
        defectRate: { mean: 0.003, sd: 0.003 }, topUpProbability: 0.8,
      },
    },
  },
  factories: {
    leadTime: { medianHours: 120, p90Hours: 240 },
    cogsRatio: 0.5,
    holdingRatePerYear: 0.25,
    // S: the Guangzhou district lockdowns of November 2022.
    disruptions: [
      { from: '2022-11-05', to: '2022-11-11', affectedShare: 0.3, courierSuspended: true }, // Haizhu
      { from: '2022-11-09', to: '2022-11-30', affectedShare: 0.15, courierSuspended: false }, // Liwan, Panyu
      { from: '2022-11-21', to: '2022-11-25', affectedShare: 0.15, courierSuspended: false }, // Baiyun
    ].map((w) => ({ regions: ['guangzhou' as const], ...w, restartHours: 24 })),
    randomDisruptions: {
      ratePerDayPerRegion: 0.01,
      durationDays: { median: 4, p90: 7 },
      // A: no source gives the share of a region's factories one closure stops; 0.2 sits
      // between the district lockdowns above (0.15–0.3).
      affectedShare: 0.2,
      restartHours: 24,
      courierSuspended: false,
    },
  },
  courier: {
    // A: SF next-morning delivery in the Pearl River Delta; hours by road distance to Zhaoqing.
    transit: {
      shenzhen: { medianHours: 14, p90Hours: 20 },
      guangzhou: { medianHours: 10, p90Hours: 16 },
      dongguan: { medianHours: 13, p90Hours: 19 },
      foshan: { medianHours: 10, p90Hours: 16 },
      restOfGuangdong: { medianHours: 16, p90Hours: 26 },
      neighbouringProvinces: { medianHours: 24, p90Hours: 40 },
    },
    peakSlowdown: [
      { date: '2022-11-20', value: 1.0 }, { date: '2022-11-24', value: 1.25 },
      { date: '2022-11-30', value: 1.25 }, { date: '2022-12-05', value: 1.0 },
    ],
    shipping: { firstKgCny: 12, perExtraKgCny: 2 },
  },
  warehouse: {
    // A: sized so October runs near 60% utilisation and the peak week near or over capacity.
    receiving: {
      service: { medianMinutes: 1.5, p90Minutes: 4 },
      staff: { byHour: shift(60, 6, 24), overrides: [{ ...SURGE, byHour: shift(90, 6, 24) }] },
    },
    qc: {
      perParcelMinutes: 2,
      perUnitMinutes: 0.5,
      staff: { byHour: shift(150, 6, 2), overrides: [{ ...SURGE, byHour: shift(300, 6, 2) }] },
    },
    putawayHours: 2,
  },
  prestock: {
    initialCap: 30, // S: a new product's first batch
    approvalHours: { medianHours: 48, p90Hours: 120 }, // A: "lengthy" platform price approvals
    returnAboveDays: 60, // A: the overstock-return clause gives no number
    shelfUnits: null, // A: unlimited; set it to study a full warehouse
  },
  newProducts: {
    share: 0.2, // A
    vettingHours: { medianHours: 24, p90Hours: 72 }, // A: JIT "accelerates listing speeds"
  },
  rules: {
    // S: the pilot's published fines.
    lateness: [{ afterHours: 24, multiple: 1 }, { afterHours: 48, multiple: 5 }],
    failAfterHours: 72, // A: the source gives no number
    stockoutMultiple: 5,
    prestockStockoutMultiple: 0, // S: an empty listing is simply switched off
    qualityMultiple: 5,
    depositCny: 5000,
    topUpGraceHours: 72,
    forceMajeure: false, // S: the published rules waive nothing
  },
} satisfies Scenario;


/**
 * Where each stocking policy's fields start for a class when a file (or the form) names the policy
 * without them: the calibrated service level, and (s, S) days of the same size (A: s ≈ 12–15 days
 * of demand, about the p90 lead time and a little more; S a cycle above it).
 */
export const STOCKING_STARTS = {
  large: { serviceLevel: { cycleServiceLevel: 0.99, cycleDays: 15 }, sS: { reorderDays: 15, orderUpToDays: 30 } },
  medium: { serviceLevel: { cycleServiceLevel: 0.98, cycleDays: 14 }, sS: { reorderDays: 14, orderUpToDays: 28 } },
  small: { serviceLevel: { cycleServiceLevel: 0.95, cycleDays: 12 }, sS: { reorderDays: 12, orderUpToDays: 24 } },
} as const;
