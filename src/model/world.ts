// The static world of one replication: sellers and their SKUs, factories with the windows in
// which they stand still, the demand curve, transit laws and warehouse rosters. Built once per
// replication from the scenario and the world's own random streams, then only read.
import { type Simulation, type RandomStream, AliasTable, zipfWeights, lognormalFromMedianP90, lognormalMean, PiecewiseRate, Roster, log } from '../engine/index.ts';
import { REGIONS, SIZE_CLASSES, type Scenario, type SellerClass, type StaffRoster } from '../scenario/types.ts';
import { hoursFromStart, horizonHours } from '../scenario/time.ts';
import { blockedIntervals, courierStops, disruptionWindows, type BlockedIntervals } from './disruptions.ts';
import { busiestDays, cumulativeOrders, dailyCurve } from './curves.ts';

/** A lognormal law as (mu, sigma) of its log; a median equal to its p90 means a constant. */
export interface Lognormal { mu: number; sigma: number; median: number }

export function lognormalLaw(median: number, p90: number): Lognormal {
  if (median === p90) return { mu: log(median), sigma: 0, median };
  return { ...lognormalFromMedianP90(median, p90), median };
}

/** A draw from the law; a constant law returns its median exactly (hand-checkable tests). */
export function draw(stream: RandomStream, law: Lognormal): number {
  return law.sigma === 0 ? law.median : stream.lognormal(law.mu, law.sigma);
}

/** A size class with its laws resolved. */
export interface ClassRules {
  /** Its sellers sell from the warehouse shelf (pre-stock, docs/model.md §16), not from their own stock (JIT). */
  prestock: boolean;
  open: number;
  close: number;
  handling: Lognormal;
  meanHandlingHours: number;
  headroom: number;
  plansForPeak: boolean;
  pickupHours: number[];
  makeToOrder: boolean;
  pauseListingWhenOut: boolean;
  /** The class's stocking policy as the scenario gives it (replenishment.ts reads it). */
  stocking: Scenario['sellers']['classes']['small']['stocking'];
  topUpProbability: number;
  skuPicker: AliasTable | null;
}

export interface World {
  scenario: Scenario;
  horizon: number;
  days: number;
  classes: ClassRules[];
  sellerCount: number;
  sellerClass: Uint8Array;
  /** Sellers are numbered by class: class c holds sellers first ≤ s < end. */
  classRange: { first: number; end: number }[];
  sellerRegion: Uint8Array;
  /** Each seller's expected share of all orders (Zipf over its rank). */
  sellerShare: Float64Array;
  sellerFirstSku: Int32Array;
  sellerDefectRate: Float64Array;
  sellerPicker: AliasTable;
  skuCount: number;
  skuSeller: Int32Array;
  /** Each SKU's expected share of all orders. */
  skuShare: Float64Array;
  unitValue: Float64Array;
  unitWeight: Float64Array;
  /** Per factory (one per SKU), when it stands still (disruptions.ts). */
  blocked: BlockedIntervals;
  /** Per seller, the intervals in which SF does not pick up from it (disruptions.ts). */
  courierStops: BlockedIntervals;
  demandRate: PiecewiseRate;
  /** Expected platform orders on each day, extended past the horizon for look-ahead. */
  expectedOrdersByDay: Float64Array;
  /** Expected platform orders from the season start to day x (fractional), flat past the look-ahead. */
  expectedOrdersTo: (x: number) => number;
  /** The 7 days of the season with the most expected orders (the whole season if shorter), in hours. */
  peakWeek: { from: number; to: number };
  slowdownByDay: Float64Array;
  transit: Lognormal[];
  leadTime: Lognormal;
  receivingService: Lognormal;
  receivingRoster: Roster;
  qcRoster: Roster;
}

const LOOKAHEAD_DAYS = 60;

export function buildWorld(scenario: Scenario, sim: Simulation): World {
  const horizon = horizonHours(scenario.season);
  const days = Math.round(horizon / 24);
  const start = scenario.season.start;
  const classes = SIZE_CLASSES.map((name) => classRules(scenario.sellers.classes[name], scenario.demand.skuZipf));

  // Sellers by rank: large first, then medium, then small (docs/model.md §1).
  const sellerCount = scenario.sellers.count;
  const counts = classCounts(scenario, sellerCount);
  const sellerClass = new Uint8Array(sellerCount);
  for (let c = 0, i = 0; c < counts.length; c++) for (let k = 0; k < counts[c]; k++) sellerClass[i++] = c;
  const sellerShare = normalise(zipfWeights(sellerCount, scenario.demand.sellerZipf));
  const sellerPicker = new AliasTable(sellerShare);

  const sellerStream = sim.stream('world.sellers');
  const regionPicker = new AliasTable(REGIONS.map((r) => scenario.sellers.regions[r]));
  const sellerRegion = new Uint8Array(sellerCount);
  const sellerDefectRate = new Float64Array(sellerCount);
  const sellerFirstSku = new Int32Array(sellerCount + 1);
  for (let s = 0; s < sellerCount; s++) {
    const rules = scenario.sellers.classes[SIZE_CLASSES[sellerClass[s]]];
    sellerRegion[s] = sellerStream.pick(regionPicker);
    sellerDefectRate[s] = betaDraw(sellerStream, rules.defectRate.mean, rules.defectRate.sd);
    sellerFirstSku[s + 1] = sellerFirstSku[s] + rules.skusPerSeller;
  }

  const skuCount = sellerFirstSku[sellerCount];
  const skuSeller = new Int32Array(skuCount);
  const skuShare = new Float64Array(skuCount);
  const unitValue = new Float64Array(skuCount);
  const unitWeight = new Float64Array(skuCount);
  const skuStream = sim.stream('world.skus');
  const value = lognormalLaw(scenario.demand.unitValue.medianCny, scenario.demand.unitValue.p90Cny);
  const weight = lognormalLaw(scenario.demand.unitWeight.medianKg, scenario.demand.unitWeight.p90Kg);
  for (let s = 0; s < sellerCount; s++) {
    const picker = classes[sellerClass[s]].skuPicker!;
    for (let k = 0; k < picker.size; k++) {
      const sku = sellerFirstSku[s] + k;
      skuSeller[sku] = s;
      skuShare[sku] = sellerShare[s] * picker.probability(k);
      unitValue[sku] = draw(skuStream, value);
      unitWeight[sku] = draw(skuStream, weight);
    }
  }

  const random = scenario.factories.randomDisruptions;
  const closure = random && lognormalLaw(random.durationDays.median * 24, random.durationDays.p90 * 24);
  const windows = disruptionWindows(scenario, sim, horizon, (stream) => draw(stream, closure!));

  const dayMultiplier = dailyCurve(scenario.demand.dayMultiplier, start, days + LOOKAHEAD_DAYS);
  const expectedOrdersByDay = dayMultiplier.map((m) => m * scenario.demand.ordersPerDay);
  const peakDays = busiestDays(expectedOrdersByDay, days);
  const profile = normaliseToMeanOne(scenario.demand.hourProfile);
  const times = new Float64Array(horizon + 1);
  const rates = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    times[h + 1] = h + 1;
    rates[h] = (expectedOrdersByDay[Math.floor(h / 24)] / 24) * profile[h % 24];
  }

  return {
    scenario,
    horizon,
    days,
    classes,
    sellerCount,
    sellerClass,
    classRange: counts.map((_, c) => {
      const first = counts.slice(0, c).reduce((a, b) => a + b, 0);
      return { first, end: first + counts[c] };
    }),
    sellerRegion,
    sellerShare,
    sellerFirstSku,
    sellerDefectRate,
    sellerPicker,
    skuCount,
    skuSeller,
    skuShare,
    unitValue,
    unitWeight,
    blocked: blockedIntervals(windows, sim, skuSeller, sellerRegion),
    courierStops: courierStops(windows, sim, sellerRegion),
    demandRate: new PiecewiseRate(times, rates, rates),
    expectedOrdersByDay,
    expectedOrdersTo: cumulativeOrders(expectedOrdersByDay),
    peakWeek: { from: peakDays.from * 24, to: peakDays.to * 24 },
    slowdownByDay: dailyCurve(scenario.courier.peakSlowdown, start, days + 1),
    transit: REGIONS.map((r) => lognormalLaw(scenario.courier.transit[r].medianHours, scenario.courier.transit[r].p90Hours)),
    leadTime: lognormalLaw(scenario.factories.leadTime.medianHours, scenario.factories.leadTime.p90Hours),
    receivingService: lognormalLaw(
      scenario.warehouse.receiving.service.medianMinutes / 60,
      scenario.warehouse.receiving.service.p90Minutes / 60,
    ),
    receivingRoster: rosterOf(scenario.warehouse.receiving.staff, start, days),
    qcRoster: rosterOf(scenario.warehouse.qc.staff, start, days),
  };
}

/** A seller's name in traces and replayed orders: `seller-1` is the largest by rank. */
export function sellerName(world: World, seller: number): string {
  return `seller-${seller + 1}`;
}

/** A SKU's name within its seller: `sku-1` is the seller's best seller. */
export function skuName(world: World, sku: number): string {
  return `sku-${sku - world.sellerFirstSku[world.skuSeller[sku]] + 1}`;
}

function classRules(c: SellerClass, skuZipf: number): ClassRules {
  const handling = lognormalLaw(c.handling.medianHours, c.handling.p90Hours);
  return {
    prestock: c.mode === 'prestock',
    open: c.workingHours.openHour,
    close: c.workingHours.closeHour,
    handling,
    meanHandlingHours: lognormalMean(handling.mu, handling.sigma),
    headroom: c.packingHeadroom,
    plansForPeak: c.plansForPeak,
    pickupHours: [...c.pickupHours],
    makeToOrder: c.stocking.policy === 'makeToOrder',
    pauseListingWhenOut: c.pauseListingWhenOut,
    stocking: c.stocking,
    topUpProbability: c.topUpProbability,
    skuPicker: c.skusPerSeller > 0 ? new AliasTable(zipfWeights(c.skusPerSeller, skuZipf)) : null,
  };
}

/** Whole sellers per class from the shares; rounding leftovers go to the small class. */
function classCounts(scenario: Scenario, total: number): number[] {
  const counts = SIZE_CLASSES.map((c) => Math.floor(scenario.sellers.classes[c].share * total + 1e-9));
  counts[counts.length - 1] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

function normalise(w: Float64Array): Float64Array {
  let sum = 0;
  for (const x of w) sum += x;
  return w.map((x) => x / sum);
}

function normaliseToMeanOne(w: number[]): number[] {
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  return w.map((x) => x / mean);
}

/** A Beta draw from its mean and sd (a point mass at the mean when sd is 0). */
function betaDraw(stream: RandomStream, mean: number, sd: number): number {
  if (sd === 0 || mean === 0 || mean === 1) return mean;
  const common = (mean * (1 - mean)) / (sd * sd) - 1;
  if (!(common > 0)) return mean; // the schema keeps sd below sqrt(mean(1-mean)); stay safe
  return stream.beta(mean * common, (1 - mean) * common);
}

/** The staff roster over the season: default hours, replaced on override dates. */
function rosterOf(staff: StaffRoster, start: string, days: number): Roster {
  const byHour = staffHourByHour(staff, start, days);
  const times: number[] = [], servers: number[] = [];
  for (let h = 0; h < byHour.length; h++) {
    if (servers.length === 0 || servers[servers.length - 1] !== byHour[h]) { times.push(h); servers.push(byHour[h]); }
  }
  return new Roster(times, servers);
}

/** Staff on duty in each hour of the season (days x 24 values): default hours, replaced on override dates. */
export function staffHourByHour(staff: StaffRoster, start: string, days: number): Int32Array {
  const overrides = staff.overrides.map((o) => ({
    from: Math.round(hoursFromStart(o.from, start) / 24),
    to: Math.round(hoursFromStart(o.to, start, { endOfDay: true }) / 24),
    byHour: o.byHour,
  }));
  const out = new Int32Array(days * 24);
  for (let d = 0; d < days; d++) {
    const o = overrides.find((x) => d >= x.from && d < x.to);
    out.set(o ? o.byHour : staff.byHour, d * 24);
  }
  return out;
}
