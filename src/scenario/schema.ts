// The scenario file format: a zod schema that checks a scenario and fills in every default from
// docs/calibration.md, so that a file states only what differs. Its output is exactly `Scenario`.
import { z } from 'zod';
import { REGIONS, SIZE_CLASSES, type DatedValue, type Scenario, type StaffRoster } from './types.ts';
import { daysBetween, parseDate, type ParsedDate } from './time.ts';

/** Sizes refused outright: beyond these a run would not fit in memory or time. */
export const LIMITS = {
  sellers: 10_000_000,
  seasonDays: 1096, // three years
  ordersPerDay: 100_000_000,
  totalSkus: 50_000_000,
  firstDate: '2000-01-01',
  lastDate: '2100-12-31',
} as const;

// ---------------------------------------------------------------------------------------------
// Defaults (docs/calibration.md). S = sourced there, A = assumed; every one stays a parameter.

/** Staff `n` on duty from `fromHour` until `toHour` (a `toHour` <= `fromHour` runs past midnight). */
function shift(n: number, fromHour: number, toHour: number): number[] {
  return Array.from({ length: 24 }, (_, h) =>
    (fromHour < toHour ? h >= fromHour && h < toHour : h >= fromHour || h < toHour) ? n : 0);
}

/** The peak week, when the warehouse adds surge staff (A). */
const SURGE = { from: '2022-11-24', to: '2022-11-30' };

const DEFAULTS = {
  description: '',
  mode: 'jit',
  season: { start: '2022-10-01', end: '2022-12-05' },
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
  },
  sellers: {
    count: 30_000, // S: about 30k merchants on the platform
    regions: { shenzhen: 0.35, guangzhou: 0.25, dongguan: 0.10, foshan: 0.10, restOfGuangdong: 0.10, neighbouringProvinces: 0.10 },
    classes: {
      // A: competent sellers stock to a cycle service level over the factory lead time (reorder point =
      // lead-time demand + safety stock) and keep 12–15 days' cycle stock; JIT sellers self-select as
      // those with stock on hand. Defects 0.1–0.3% a unit (well inside the usual 2.5% AQL ceiling);
      // most sellers that run out of deposit pay it back.
      large: {
        share: 0.05, skusPerSeller: 80, workingHours: { openHour: 7, closeHour: 23 },
        handling: { medianHours: 0.1, p90Hours: 0.3 }, packingHeadroom: 1.5, plansForPeak: true,
        pickupHours: [10, 14, 18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.99, cycleDays: 15 }, pauseListingWhenOut: false,
        defectRate: { mean: 0.001, sd: 0.001 }, topUpProbability: 0.99,
      },
      medium: {
        share: 0.25, skusPerSeller: 20, workingHours: { openHour: 8, closeHour: 22 },
        handling: { medianHours: 0.15, p90Hours: 0.5 }, packingHeadroom: 1.5, plansForPeak: true,
        pickupHours: [12, 18], stocking: { policy: 'serviceLevel', cycleServiceLevel: 0.98, cycleDays: 14 }, pauseListingWhenOut: false,
        defectRate: { mean: 0.002, sd: 0.002 }, topUpProbability: 0.95,
      },
      small: {
        // Small sellers size packing on what they saw, so a sudden peak overloads them.
        share: 0.70, skusPerSeller: 5, workingHours: { openHour: 9, closeHour: 21 },
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
  rules: {
    // S: the pilot's published fines.
    lateness: [{ afterHours: 24, multiple: 1 }, { afterHours: 48, multiple: 5 }],
    failAfterHours: 72, // A: the source gives no number
    stockoutMultiple: 5,
    qualityMultiple: 5,
    depositCny: 5000,
    topUpGraceHours: 72,
    forceMajeure: false, // S: the published rules waive nothing
  },
} satisfies Scenario;

// ---------------------------------------------------------------------------------------------
// Messages: every problem reads "expected <what>, got <value>".

/** How a value reads in a message: numbers as written, strings quoted, containers by kind. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  if (v instanceof Date) return 'a timestamp (write dates as text, YYYY-MM-DD)';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

/** A figure for a message: thousands separated, floating-point noise trimmed. */
function formatNumber(x: number): string {
  return Number(x.toPrecision(10)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const expected = (what: string) => (iss: { input?: unknown }) => `expected ${what}, got ${describeValue(iss.input)}`;

type Path = (string | number)[];
function report(ctx: z.core.$RefinementCtx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A finite number (zod refuses NaN and ±Infinity) meeting `ok`, described as `what`. */
function number(what: string, ok: (x: number) => boolean) {
  const error = expected(what);
  return z.number({ error }).refine(ok, { error, abort: true });
}
const nonNegative = number('a number >= 0', (x) => x >= 0);
const positive = number('a number > 0', (x) => x > 0);
const share = number('a number in [0, 1]', (x) => x >= 0 && x <= 1);
const wholeAtLeast = (min: number) => number(`a whole number >= ${min}`, (x) => Number.isInteger(x) && x >= min);
const clockHour = number('an hour of day in [0, 24]', (x) => x >= 0 && x <= 24);
const pickupHour = number('an hour of day in [0, 24)', (x) => x >= 0 && x < 24);
const yesNo = z.boolean({ error: expected('true or false') });

/** Refuses a size too large to simulate. */
function atMost<T extends z.ZodNumber>(schema: T, max: number, noun: string): T {
  return schema.refine((x) => x <= max, {
    error: (iss) => `expected at most ${formatNumber(max)} ${noun}, got ${formatNumber(iss.input as number)} (too large to simulate)`,
    abort: true,
  });
}

/** A list, with `what` naming its items in the type error. */
function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: expected(`a list of ${what}`) });
}

/** 24 values, one per China hour 0..23. */
function hourly<T extends z.ZodType>(item: T, what: string) {
  return list(item, what).length(24, {
    error: (iss) => `expected 24 ${what}, one per hour 0..23, got ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)}`,
  });
}

function nonEmpty<T extends z.ZodArray>(schema: T, what: string): T {
  return schema.min(1, { error: () => `expected at least one ${what}, got an empty list` });
}

/** Checks that consecutive items rise; `expectedAfter` says what an item should exceed. */
function increasing<T>(keyOf: (item: T) => number, subPath: Path, expectedAfter: (previous: T) => string, show: (item: T) => string) {
  return (items: T[], ctx: z.core.$RefinementCtx) => {
    for (let i = 1; i < items.length; i++) {
      if (!(keyOf(items[i]) > keyOf(items[i - 1]))) {
        report(ctx, [i, ...subPath], `expected ${expectedAfter(items[i - 1])}, got ${show(items[i])}`);
      }
    }
  };
}

/** Object keys as a typed record: one schema (or value) per region, per size class… */
function keyed<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

/** The known field a misspelt one most likely meant: within two edits, or a third of its length. */
function closest(key: string, known: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  };
  let best: string | undefined, bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(key, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/**
 * A strict object: an unknown field is an error, since a typo must not silently leave the
 * default in place. Unknown keys come back as one message line per key, in the order of
 * the issue's `keys` (load.ts splits them into one issue each). `unknownHint` replaces the
 * suggestion where which fields are allowed depends on another one (a stocking policy).
 */
function section<S extends z.core.$ZodLooseShape>(shape: S, unknownHint?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return iss.keys.map((key) => {
          if (unknownHint) return `unknown field (${unknownHint})`;
          const near = closest(key, known);
          return near ? `unknown field (did you mean ${near}?)` : `unknown field (expected one of: ${known.join(', ')})`;
        }).join('\n');
      }
      return iss.code === 'invalid_type' ? expected('an object')(iss) : undefined;
    },
  });
}

// Dates: a calendar day, or (for disruption windows) an instant with an explicit offset.
const YEARS = `between ${LIMITS.firstDate} and ${LIMITS.lastDate}`;
function calendarText(what: string, accept: (p: ParsedDate) => boolean) {
  const [first, last] = [parseDate(LIMITS.firstDate)!.year, parseDate(LIMITS.lastDate)!.year];
  return z.string({ error: expected(what) })
    .refine((s) => { const p = parseDate(s); return p !== undefined && accept(p); }, { error: expected(what), abort: true })
    .refine((s) => { const year = parseDate(s)!.year; return year >= first && year <= last; }, { error: expected(`a date ${YEARS}`), abort: true });
}
const day = calendarText('a date YYYY-MM-DD', (p) => p.dateOnly);
const dayOrInstant = calendarText('a date YYYY-MM-DD or a date-time with offset (YYYY-MM-DDThh:mm+08:00)', () => true);

/** Where a window ends: a date alone runs to the end of that day. */
const endMs = (s: string) => { const p = parseDate(s)!; return p.epochMs + (p.dateOnly ? 86_400_000 : 0); };

/** A lognormal by its median and 90th percentile, with the unit in the field names; p90 equal to the median is a constant. */
function medianP90<M extends string, P extends string>(medianKey: M, p90Key: P, byDefault: Record<M | P, number>) {
  const shape = keyed<M | P, z.ZodPrefault<typeof positive>>([medianKey, p90Key], (k) => positive.prefault(byDefault[k]));
  return section(shape)
    .superRefine((v, ctx) => {
      const pair = v as Record<string, number>;
      const [median, p90] = [pair[medianKey], pair[p90Key]];
      if (!(p90 >= median)) report(ctx, [p90Key], `expected ${p90Key} at or above ${medianKey} (${median}; equal means a constant), got ${p90}`);
    })
    .prefault({} as z.input<ReturnType<typeof section<typeof shape>>>);
}

/** A piecewise-linear curve through dated points, flat beyond the ends. */
function datedCurve(value: z.ZodNumber, byDefault: DatedValue[]) {
  return nonEmpty(list(section({ date: day, value }), 'dated points {date, value}'), 'dated point')
    .superRefine(increasing<DatedValue>((p) => parseDate(p.date)!.epochMs, ['date'],
      (previous) => `a date after the previous point's (${previous.date})`, (p) => p.date))
    .prefault(byDefault);
}

/** Shares that must add up to 1, e.g. of sellers by region. */
function sumsToOne(noun: string) {
  return (shares: Record<string, number>, ctx: z.core.$RefinementCtx) => {
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6) {
      const terms = Object.entries(shares).map(([k, v]) => `${k} ${v}`).join(' + ');
      report(ctx, [], `expected ${noun} summing to 1, got ${formatNumber(total)} (${terms})`);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Sections

const staffByHour = hourly(wholeAtLeast(0), 'whole numbers >= 0 (staff on duty)');

/** Staff by hour of day, with dated surge overrides that must not overlap. */
function roster(byDefault: StaffRoster) {
  const override = section({ from: day, to: day, byHour: staffByHour })
    .superRefine((o, ctx) => {
      if (o.to < o.from) report(ctx, ['to'], `expected a date on or after from (${o.from}), got ${o.to}`);
    });
  return section({
    byHour: staffByHour.prefault(byDefault.byHour),
    overrides: list(override, 'overrides {from, to, byHour}')
      .superRefine((overrides, ctx) => {
        // Two overrides on one day would leave unsaid which staffing applies.
        const order = overrides.map((_, i) => i).sort((a, b) => overrides[a].from.localeCompare(overrides[b].from));
        for (let k = 1; k < order.length; k++) {
          const [previous, current] = [overrides[order[k - 1]], overrides[order[k]]];
          if (current.from <= previous.to) {
            report(ctx, [order[k], 'from'], `expected a date after ${previous.to} (overrides[${order[k - 1]}] runs to then; overrides must not overlap), got ${current.from}`);
          }
        }
      })
      .prefault(byDefault.overrides),
  }).prefault({});
}

type ClassDefaults = (typeof DEFAULTS.sellers.classes)[keyof typeof DEFAULTS.sellers.classes];

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

/**
 * The stocking policy. A file that leaves out `policy` means the policy its fields belong to
 * (reorderDays or orderUpToDays: sS; cycleServiceLevel or cycleDays: serviceLevel), or the class's
 * default policy if it gives none; a policy's missing fields start at STOCKING_STARTS.
 */
function stocking(byDefault: ClassDefaults['stocking'], starts: (typeof STOCKING_STARTS)[keyof typeof STOCKING_STARTS]) {
  const serviceLevel = section({
    policy: z.literal('serviceLevel'),
    cycleServiceLevel: number('a share in (0, 1)', (x) => x > 0 && x < 1).prefault(starts.serviceLevel.cycleServiceLevel),
    cycleDays: positive.prefault(starts.serviceLevel.cycleDays),
  });
  const sS = section({
    policy: z.literal('sS'),
    reorderDays: nonNegative.prefault(starts.sS.reorderDays),
    orderUpToDays: positive.prefault(starts.sS.orderUpToDays),
  }).superRefine((p, ctx) => {
    if (!(p.orderUpToDays > p.reorderDays)) {
      report(ctx, ['orderUpToDays'], `expected orderUpToDays above reorderDays (${p.reorderDays}), got ${p.orderUpToDays}`);
    }
  });
  const makeToOrder = section({ policy: z.literal('makeToOrder') }, 'makeToOrder takes no other fields; reorderDays and orderUpToDays need policy: sS, cycleServiceLevel and cycleDays policy: serviceLevel');
  const implied = (v: object) =>
    'reorderDays' in v || 'orderUpToDays' in v ? 'sS' : 'cycleServiceLevel' in v || 'cycleDays' in v ? 'serviceLevel' : byDefault.policy;
  const withPolicy = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !('policy' in v) ? { policy: implied(v), ...v } : v;
  return z.preprocess(withPolicy, z.discriminatedUnion('policy', [serviceLevel, sS, makeToOrder], {
    error: (iss) => iss.code === 'invalid_union'
      ? `expected "serviceLevel", "sS" or "makeToOrder", got ${describeValue((iss.input as { policy?: unknown } | undefined)?.policy)}`
      : expected('an object')(iss),
  })).prefault({});
}

function sellerClass(d: ClassDefaults, starts: (typeof STOCKING_STARTS)[keyof typeof STOCKING_STARTS]) {
  return section({
    share: share.prefault(d.share),
    skusPerSeller: wholeAtLeast(1).prefault(d.skusPerSeller),
    workingHours: section({
      openHour: clockHour.prefault(d.workingHours.openHour),
      closeHour: clockHour.prefault(d.workingHours.closeHour),
    }).superRefine((w, ctx) => {
      if (!(w.closeHour > w.openHour)) report(ctx, ['closeHour'], `expected a closing hour after openHour (${w.openHour}), got ${w.closeHour}`);
    }).prefault({}),
    handling: medianP90('medianHours', 'p90Hours', d.handling),
    packingHeadroom: positive.prefault(d.packingHeadroom),
    plansForPeak: yesNo.prefault(d.plansForPeak),
    pickupHours: nonEmpty(list(pickupHour, 'hours of day'), 'pickup hour')
      .superRefine(increasing<number>((h) => h, [], (previous) => `an hour after the previous pickup (${previous})`, String))
      .prefault(d.pickupHours),
    stocking: stocking(d.stocking, starts),
    pauseListingWhenOut: yesNo.prefault(d.pauseListingWhenOut),
    defectRate: section({
      mean: share.prefault(d.defectRate.mean),
      sd: nonNegative.prefault(d.defectRate.sd),
    }).superRefine((r, ctx) => {
      // A Beta with this mean exists only for a spread below sqrt(mean (1 - mean)).
      const limit = Math.sqrt(r.mean * (1 - r.mean));
      if (r.sd > 0 && !(r.sd < limit)) report(ctx, ['sd'], `expected an sd below ${formatNumber(limit)} (a Beta with mean ${r.mean} allows no more), got ${r.sd}`);
    }).prefault({}),
    topUpProbability: share.prefault(d.topUpProbability),
  }).prefault({});
}

const D = DEFAULTS;

const season = section({ start: day.prefault(D.season.start), end: day.prefault(D.season.end) })
  .superRefine((s, ctx) => {
    const days = daysBetween(s.start, s.end) + 1;
    if (days < 1) report(ctx, ['end'], `expected a date on or after start (${s.start}), got ${s.end}`);
    else if (days > LIMITS.seasonDays) report(ctx, ['end'], `expected a season of at most ${formatNumber(LIMITS.seasonDays)} days (3 years), got ${formatNumber(days)} days (too large to simulate)`);
  }).prefault({});

const demand = section({
  ordersPerDay: atMost(nonNegative, LIMITS.ordersPerDay, 'orders per day').prefault(D.demand.ordersPerDay),
  dayMultiplier: datedCurve(nonNegative, D.demand.dayMultiplier),
  hourProfile: hourly(nonNegative, 'weights >= 0')
    .superRefine((w, ctx) => {
      if (!(w.reduce((a, b) => a + b, 0) > 0)) report(ctx, [], 'expected weights with a positive sum, got all zeros');
    })
    .prefault(D.demand.hourProfile),
  sellerZipf: nonNegative.prefault(D.demand.sellerZipf),
  skuZipf: nonNegative.prefault(D.demand.skuZipf),
  // 1 + Geometric: the mean cannot be below one unit.
  meanQuantity: number('a number >= 1', (x) => x >= 1).prefault(D.demand.meanQuantity),
  unitValue: medianP90('medianCny', 'p90Cny', D.demand.unitValue),
  unitWeight: medianP90('medianKg', 'p90Kg', D.demand.unitWeight),
}).prefault({});

const sellers = section({
  count: atMost(wholeAtLeast(1), LIMITS.sellers, 'sellers').prefault(D.sellers.count),
  regions: section(keyed(REGIONS, (r) => share.prefault(D.sellers.regions[r])))
    .superRefine(sumsToOne('region shares')).prefault({}),
  classes: section(keyed(SIZE_CLASSES, (c) => sellerClass(D.sellers.classes[c], STOCKING_STARTS[c])))
    .superRefine((classes, ctx) => sumsToOne('class shares')(keyed(SIZE_CLASSES, (c) => classes[c].share), ctx))
    .prefault({}),
}).superRefine((s, ctx) => {
  const skus = s.count * SIZE_CLASSES.reduce((sum, c) => sum + s.classes[c].share * s.classes[c].skusPerSeller, 0);
  if (skus > LIMITS.totalSkus) {
    report(ctx, [], `expected at most ${formatNumber(LIMITS.totalSkus)} SKUs in all (count × share × skusPerSeller, summed over classes), got ${formatNumber(skus)} (too large to simulate)`);
  }
}).prefault({});

const region = z.enum(REGIONS, { error: expected(`a region (${REGIONS.join(', ')})`) });
const restartHours = nonNegative.prefault(24);
const courierSuspended = yesNo.prefault(false);

const disruption = section({
  regions: nonEmpty(list(region, 'regions'), 'region').superRefine((rs, ctx) => {
    rs.forEach((r, i) => { if (rs.indexOf(r) < i) report(ctx, [i], `expected each region once, got ${r} again`); });
  }),
  from: dayOrInstant,
  to: dayOrInstant,
  affectedShare: share,
  restartHours,
  courierSuspended,
}).superRefine((w, ctx) => {
  const [from, to] = [parseDate(w.from)!, parseDate(w.to)!];
  // Two dates compare as days (a one-day window is from = to); otherwise as instants.
  const backwards = from.dateOnly && to.dateOnly ? w.to < w.from : endMs(w.to) < from.epochMs;
  if (backwards) report(ctx, ['to'], `expected a time on or after from (${w.from}), got ${w.to}`);
});

const factories = section({
  leadTime: medianP90('medianHours', 'p90Hours', D.factories.leadTime),
  cogsRatio: nonNegative.prefault(D.factories.cogsRatio),
  holdingRatePerYear: nonNegative.prefault(D.factories.holdingRatePerYear),
  disruptions: list(disruption, 'disruption windows').prefault(D.factories.disruptions),
  // null switches random closures off.
  randomDisruptions: section({
    ratePerDayPerRegion: nonNegative.prefault(D.factories.randomDisruptions.ratePerDayPerRegion),
    durationDays: medianP90('median', 'p90', D.factories.randomDisruptions.durationDays),
    affectedShare: share.prefault(D.factories.randomDisruptions.affectedShare),
    restartHours,
    courierSuspended,
  }).nullable().prefault({}),
}).prefault({});

const courier = section({
  transit: section(keyed(REGIONS, (r) => medianP90('medianHours', 'p90Hours', D.courier.transit[r]))).prefault({}),
  peakSlowdown: datedCurve(positive, D.courier.peakSlowdown),
  shipping: section({
    firstKgCny: nonNegative.prefault(D.courier.shipping.firstKgCny),
    perExtraKgCny: nonNegative.prefault(D.courier.shipping.perExtraKgCny),
  }).prefault({}),
}).prefault({});

const warehouse = section({
  receiving: section({
    service: medianP90('medianMinutes', 'p90Minutes', D.warehouse.receiving.service),
    staff: roster(D.warehouse.receiving.staff),
  }).prefault({}),
  qc: section({
    perParcelMinutes: nonNegative.prefault(D.warehouse.qc.perParcelMinutes),
    perUnitMinutes: nonNegative.prefault(D.warehouse.qc.perUnitMinutes),
    staff: roster(D.warehouse.qc.staff),
  }).prefault({}),
  putawayHours: nonNegative.prefault(D.warehouse.putawayHours),
}).prefault({});

const rules = section({
  lateness: list(section({ afterHours: nonNegative, multiple: nonNegative }), 'lateness tiers {afterHours, multiple}')
    .superRefine(increasing<{ afterHours: number }>((t) => t.afterHours, ['afterHours'],
      (previous) => `more than the previous tier's ${previous.afterHours} hours`, (t) => String(t.afterHours)))
    .prefault(D.rules.lateness),
  failAfterHours: positive.prefault(D.rules.failAfterHours),
  stockoutMultiple: nonNegative.prefault(D.rules.stockoutMultiple),
  qualityMultiple: nonNegative.prefault(D.rules.qualityMultiple),
  depositCny: nonNegative.prefault(D.rules.depositCny),
  topUpGraceHours: nonNegative.prefault(D.rules.topUpGraceHours),
  forceMajeure: yesNo.prefault(D.rules.forceMajeure),
}).prefault({});

/** A scenario file's content (after `extends` is resolved) → the resolved `Scenario`. */
export const scenarioSchema = section({
  description: z.string({ error: expected('a line of text') }).prefault(D.description),
  mode: z.literal('jit', { error: expected('"jit" (the only mode so far)') }).prefault(D.mode),
  season,
  demand,
  sellers,
  factories,
  courier,
  warehouse,
  rules,
});

// The schema's output must be exactly the contract the model reads.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const outputIsScenario: Equal<z.output<typeof scenarioSchema>, Scenario> = true;
void outputIsScenario;

/** The default scenario (docs/calibration.md), a fresh copy each call. */
export function defaultScenario(): Scenario {
  return scenarioSchema.parse({});
}
