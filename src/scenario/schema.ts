// The scenario file format: a zod schema that checks a scenario and fills in every default from
// docs/calibration.md, so that a file states only what differs. Its output is exactly `Scenario`.
import { z } from 'zod';
import { MODES, REGIONS, SIZE_CLASSES, type Scenario, type StaffRoster } from './types.ts';
import { daysBetween, parseDate } from './time.ts';
import { DEFAULTS, STOCKING_STARTS } from './defaults.ts';
import { formatNumber, expected, report, number, nonNegative, positive, share, wholeAtLeast, clockHour, pickupHour, yesNo, atMost, list, hourly, nonEmpty, increasing, keyed, section, day, dayOrInstant, endMs, medianP90, datedCurve, sumsToOne, describeValue, LIMITS,
  SPANS, inRange, hours, positiveHours, days, positiveDays, minutesPerItem, money, multiple, wholeUpTo, shortList } from './fields.ts';
import { peakChecks } from './peak-bounds.ts';
import { syntheticSkus } from './seller-slots.ts';

export { STOCKING_STARTS } from './defaults.ts';
export { describeValue, LIMITS } from './fields.ts';

// ---------------------------------------------------------------------------------------------
// Sections

const staffByHour = hourly(wholeUpTo(0, LIMITS.staffPerHour, 'staff on duty'), 'whole numbers >= 0 (staff on duty)');

/** Staff by hour of day, with dated surge overrides that must not overlap. */
function roster(byDefault: StaffRoster) {
  const override = section({ from: day, to: day, byHour: staffByHour })
    .superRefine((o, ctx) => {
      if (o.to < o.from) report(ctx, ['to'], `expected a date on or after from (${o.from}), got ${o.to}`);
    });
  return section({
    byHour: staffByHour.prefault(byDefault.byHour),
    overrides: shortList(list(override, 'overrides {from, to, byHour}'), 'overrides')
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
 * The stocking policy. A file that leaves out `policy` means the policy its fields belong to
 * (reorderDays or orderUpToDays: sS; cycleServiceLevel or cycleDays: serviceLevel), or the class's
 * default policy if it gives none; a policy's missing fields start at STOCKING_STARTS.
 */
function stocking(byDefault: ClassDefaults['stocking'], starts: (typeof STOCKING_STARTS)[keyof typeof STOCKING_STARTS]) {
  const serviceLevel = section({
    policy: z.literal('serviceLevel'),
    cycleServiceLevel: number('a share in (0, 1)', (x) => x > 0 && x < 1).prefault(starts.serviceLevel.cycleServiceLevel),
    cycleDays: positiveDays.prefault(starts.serviceLevel.cycleDays),
  });
  const sS = section({
    policy: z.literal('sS'),
    reorderDays: days.prefault(starts.sS.reorderDays),
    orderUpToDays: positiveDays.prefault(starts.sS.orderUpToDays),
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

const mode = z.enum(MODES, { error: expected('"jit" or "prestock"') });

function sellerClass(d: ClassDefaults, starts: (typeof STOCKING_STARTS)[keyof typeof STOCKING_STARTS]) {
  return section({
    mode: mode.prefault(d.mode),
    share: share.prefault(d.share),
    skusPerSeller: wholeUpTo(1, LIMITS.totalSkus, 'SKUs a seller').prefault(d.skusPerSeller),
    workingHours: section({
      openHour: clockHour.prefault(d.workingHours.openHour),
      closeHour: clockHour.prefault(d.workingHours.closeHour),
    }).superRefine((w, ctx) => {
      // Packers are sized per working hour: a shorter day would need without bound many (docs/scenario-format.md, Limits).
      if (!(w.closeHour >= w.openHour + LIMITS.openHours)) report(ctx, ['closeHour'], `expected a closing hour at least ${LIMITS.openHours} h after openHour (${w.openHour}), got ${w.closeHour}`);
    }).prefault({}),
    handling: medianP90('medianHours', 'p90Hours', d.handling, SPANS.handling),
    packingHeadroom: inRange(0, LIMITS.packingHeadroom, 'times the expected work', true).prefault(d.packingHeadroom),
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
  }).superRefine((c, ctx) => {
    // A pre-stock listing sells only from the shelf: a seller that keeps no stock would sell nothing.
    if (c.mode === 'prestock' && c.stocking.policy === 'makeToOrder') {
      report(ctx, ['stocking', 'policy'], 'expected "serviceLevel" or "sS" under mode prestock (a pre-stock listing sells only from warehouse stock), got "makeToOrder"');
    }
  }).prefault({});
}

const D = DEFAULTS;

const season = section({ start: day.prefault(D.season.start), end: day.prefault(D.season.end) })
  .superRefine((s, ctx) => {
    const days = daysBetween(s.start, s.end) + 1;
    if (days < 1) report(ctx, ['end'], `expected a date on or after start (${s.start}), got ${s.end}`);
    else if (days > LIMITS.seasonDays) report(ctx, ['end'], `expected a season of at most ${formatNumber(LIMITS.seasonDays)} days (3 years), got ${formatNumber(days)} days (too large to simulate)`);
  }).prefault({});

/** A data file beside the scenario (a relative or absolute path), or null for none. */
const dataFile = (example: string) => z.string({ error: expected(`the name of a CSV file such as ${example}, or null`) })
  .refine((x) => x.trim() !== '', { error: `expected the name of a CSV file such as ${example}, or null, got ""` }).nullable();

const demand = section({
  ordersPerDay: atMost(nonNegative, LIMITS.ordersPerDay, 'orders per day').prefault(D.demand.ordersPerDay),
  dayMultiplier: datedCurve(inRange(0, LIMITS.dayMultiplier, 'times ordersPerDay'), D.demand.dayMultiplier),
  hourProfile: hourly(nonNegative, 'weights >= 0')
    .superRefine((w, ctx) => {
      if (!(w.reduce((a, b) => a + b, 0) > 0)) report(ctx, [], 'expected weights with a positive sum, got all zeros');
    })
    .prefault(D.demand.hourProfile),
  sellerZipf: inRange(0, LIMITS.zipf, 'a Zipf exponent').prefault(D.demand.sellerZipf),
  skuZipf: inRange(0, LIMITS.zipf, 'a Zipf exponent').prefault(D.demand.skuZipf),
  // 1 + Geometric: the mean cannot be below one unit. Above 10, reorder points (exact up to 128
  // orders' units) take minutes, and 1e9 drew quantities past 2^31 that wrapped negative.
  meanQuantity: inRange(1, LIMITS.meanQuantity, 'units an order').prefault(D.demand.meanQuantity),
  unitValue: medianP90('medianCny', 'p90Cny', D.demand.unitValue, SPANS.cny),
  unitWeight: medianP90('medianKg', 'p90Kg', D.demand.unitWeight, SPANS.kg),
  orders: dataFile('orders.csv').prefault(null),
  ordersReplace: z.enum(['namedSellers', 'platform'], { error: expected('"namedSellers" or "platform"') }).prefault('namedSellers'),
}).prefault({});

const sellers = section({
  count: atMost(wholeAtLeast(1), LIMITS.sellers, 'sellers').prefault(D.sellers.count),
  catalogue: dataFile('skus.csv').prefault(null),
  regions: section(keyed(REGIONS, (r) => share.prefault(D.sellers.regions[r])))
    .superRefine(sumsToOne('region shares')).prefault({}),
  classes: section(keyed(SIZE_CLASSES, (c) => sellerClass(D.sellers.classes[c], STOCKING_STARTS[c])))
    .superRefine((classes, ctx) => sumsToOne('class shares')(keyed(SIZE_CLASSES, (c) => classes[c].share), ctx))
    .prefault({}),
}).superRefine((s, ctx) => {
  // The SKUs the world will build, sellers rounded to whole ones per class as the model does.
  const skus = syntheticSkus({ sellers: s });
  if (skus > LIMITS.totalSkus) {
    report(ctx, [], `expected at most ${formatNumber(LIMITS.totalSkus)} SKUs in all (each class's whole sellers, count × share rounded down and the rest small, × its skusPerSeller), got ${formatNumber(skus)} (too large to simulate)`);
  }
}).prefault({});

const region = z.enum(REGIONS, { error: expected(`a region (${REGIONS.join(', ')})`) });
const restartHours = hours.prefault(24);
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
  leadTime: medianP90('medianHours', 'p90Hours', D.factories.leadTime, SPANS.hours),
  cogsRatio: inRange(0, LIMITS.ratio, 'a fraction of unit value').prefault(D.factories.cogsRatio),
  holdingRatePerYear: inRange(0, LIMITS.ratio, 'a fraction of cost a year').prefault(D.factories.holdingRatePerYear),
  disruptions: shortList(list(disruption, 'disruption windows'), 'disruption windows').prefault(D.factories.disruptions),
  // null switches random closures off.
  randomDisruptions: section({
    ratePerDayPerRegion: inRange(0, LIMITS.disruptionsPerDay, 'closures a day per region').prefault(D.factories.randomDisruptions.ratePerDayPerRegion),
    durationDays: medianP90('median', 'p90', D.factories.randomDisruptions.durationDays, SPANS.days),
    affectedShare: share.prefault(D.factories.randomDisruptions.affectedShare),
    restartHours,
    courierSuspended,
  }).nullable().prefault({}),
}).prefault({});

const courier = section({
  transit: section(keyed(REGIONS, (r) => medianP90('medianHours', 'p90Hours', D.courier.transit[r], SPANS.hours))).prefault({}),
  peakSlowdown: datedCurve(inRange(0, LIMITS.multiple, 'times the transit time', true), D.courier.peakSlowdown),
  shipping: section({
    firstKgCny: money.prefault(D.courier.shipping.firstKgCny),
    perExtraKgCny: money.prefault(D.courier.shipping.perExtraKgCny),
  }).prefault({}),
}).prefault({});

const warehouse = section({
  receiving: section({
    service: medianP90('medianMinutes', 'p90Minutes', D.warehouse.receiving.service, SPANS.minutes),
    staff: roster(D.warehouse.receiving.staff),
  }).prefault({}),
  qc: section({
    perParcelMinutes: minutesPerItem.prefault(D.warehouse.qc.perParcelMinutes),
    perUnitMinutes: minutesPerItem.prefault(D.warehouse.qc.perUnitMinutes),
    staff: roster(D.warehouse.qc.staff),
  }).prefault({}),
  putawayHours: hours.prefault(D.warehouse.putawayHours),
}).prefault({});

const prestock = section({
  initialCap: wholeUpTo(1, LIMITS.units, 'units').prefault(D.prestock.initialCap),
  approvalHours: medianP90('medianHours', 'p90Hours', D.prestock.approvalHours, SPANS.hours),
  returnAboveDays: days.prefault(D.prestock.returnAboveDays),
  // null: no limit.
  shelfUnits: wholeUpTo(1, LIMITS.units, 'units').nullable().prefault(D.prestock.shelfUnits),
}).prefault({});

const newProducts = section({
  share: share.prefault(D.newProducts.share),
  vettingHours: medianP90('medianHours', 'p90Hours', D.newProducts.vettingHours, SPANS.hours),
}).prefault({});

const rules = section({
  lateness: shortList(list(section({ afterHours: hours, multiple }), 'lateness tiers {afterHours, multiple}'), 'lateness tiers')
    .superRefine(increasing<{ afterHours: number }>((t) => t.afterHours, ['afterHours'],
      (previous) => `more than the previous tier's ${previous.afterHours} hours`, (t) => String(t.afterHours)))
    .prefault(D.rules.lateness),
  failAfterHours: positiveHours.prefault(D.rules.failAfterHours),
  stockoutMultiple: multiple.prefault(D.rules.stockoutMultiple),
  prestockStockoutMultiple: multiple.prefault(D.rules.prestockStockoutMultiple),
  qualityMultiple: multiple.prefault(D.rules.qualityMultiple),
  depositCny: money.prefault(D.rules.depositCny),
  topUpGraceHours: hours.prefault(D.rules.topUpGraceHours),
  forceMajeure: yesNo.prefault(D.rules.forceMajeure),
}).prefault({});

/**
 * The top-level `mode` is where every class's mode starts: it is copied into each class that does
 * not set its own, before the classes are checked (a file need not name the classes at all).
 */
function classModesFromTop(input: unknown): unknown {
  if (!isObject(input) || typeof input.mode !== 'string' || !(MODES as readonly string[]).includes(input.mode)) return input;
  const sellersIn = input.sellers === undefined ? {} : input.sellers;
  if (!isObject(sellersIn)) return input;
  const classesIn = sellersIn.classes === undefined ? {} : sellersIn.classes;
  if (!isObject(classesIn)) return input;
  const classes: Record<string, unknown> = { ...classesIn };
  for (const c of SIZE_CLASSES) {
    const given = classes[c] === undefined ? {} : classes[c];
    if (isObject(given) && !('mode' in given)) classes[c] = { mode: input.mode, ...given };
  }
  return { ...input, sellers: { ...sellersIn, classes } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A scenario file's content (after `extends` is resolved) → the resolved `Scenario`. */
export const scenarioSchema = z.preprocess(classModesFromTop, section({
  description: z.string({ error: expected('a line of text') }).prefault(D.description),
  mode: mode.prefault(D.mode),
  season,
  start: section({
    fromState: z.string({ error: expected('the name of a state file written by jitsim run --save-state-at, or null') }).nullable().prefault(null),
  }).prefault({}),
  demand,
  sellers,
  factories,
  courier,
  warehouse,
  prestock,
  newProducts,
  rules,
}).superRefine(peakChecks));

// The schema's output must be exactly the contract the model reads.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const outputIsScenario: Equal<z.output<typeof scenarioSchema>, Omit<Scenario, 'tables'>> = true;
void outputIsScenario;

/** The default scenario (docs/calibration.md), a fresh copy each call. */
export function defaultScenario(): Scenario {
  return scenarioSchema.parse({});
}
