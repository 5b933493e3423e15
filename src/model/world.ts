// The static world of one replication: sellers and their SKUs, factories with the windows in
// which they stand still, the demand curve, transit laws and warehouse rosters. Built once per
// replication from the scenario and the world's own random streams, then only read.
import { type Simulation, type RandomStream, AliasTable, zipfWeights, lognormalMean, PiecewiseRate, Roster } from '../engine/index.ts';
import { REGIONS, SIZE_CLASSES, type Scenario, type SellerClass, type StaffRoster } from '../scenario/types.ts';
import { hoursFromStart, horizonHours } from '../scenario/time.ts';
import { blockedIntervals, courierStops, disruptionWindows, type BlockedIntervals, type DrawLayout } from './disruptions.ts';
import { busiestDays, cumulativeOrders, dailyCurve } from './curves.ts';
import { applyCatalogue, replayForecast, resolveReplay, type OwnLeadTime, type OwnStocking, type Replay } from './own-data.ts';
import { sellerSlots, type SellerSlots } from '../scenario/seller-slots.ts';

export { draw, lognormalLaw, type Lognormal } from './laws.ts';
import { draw, lognormalLaw, type Lognormal } from './laws.ts';

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
  /** Each seller's SKU picker: its class's, or one over its catalogue's SKUs; null for a class without SKUs. */
  sellerSkuPicker: (AliasTable | null)[];
  /** Sellers' and SKUs' names, and which sellers come from the catalogue (seller-slots.ts). */
  names: SellerSlots;
  /** How the world's per-seller and per-SKU draws were laid out (a catalogue seller draws as its slot would). */
  layout: DrawLayout;
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
  /** Per SKU, its own factory lead time from the catalogue, or null; null when no SKU has one. */
  skuLeadTime: (OwnLeadTime | null)[] | null;
  /** Catalogue stocking per SKU (fixed (s, S), opening stock); null without a catalogue. */
  skuStocking: OwnStocking | null;
  /** Orders replayed from demand.orders, in time order; null for none. */
  replay: Replay | null;
  /** Sellers whose synthetic orders are dropped because their own are replayed; null for none. */
  replayedSellers: Uint8Array | null;
  /** Whether synthetic orders arrive at all (not when the replay is the whole platform's demand). */
  syntheticDemand: boolean;
  receivingService: Lognormal;
  receivingRoster: Roster;
  qcRoster: Roster;
}

const LOOKAHEAD_DAYS = 60;

/** Told the share (0 to 1) of the world's setup done: sellers, then their SKUs. */
export type SetupListener = (share: number) => void;

/** Sellers between two reports of the setup's progress. */
const SETUP_STEP = 1 << 16;

export function buildWorld(scenario: Scenario, sim: Simulation, onSetup?: SetupListener): World {
  // Sellers' draws take about a quarter of the setup, their SKUs' the rest (measured at 1M sellers).
  const setup = (share: number) => onSetup?.(share);
  const horizon = horizonHours(scenario.season);
  const days = Math.round(horizon / 24);
  const start = scenario.season.start;
  const classes = SIZE_CLASSES.map((name) => classRules(scenario.sellers.classes[name], scenario.demand.skuZipf));

  // Sellers by rank: large first, then medium, then small (docs/model.md §1); a catalogue's sellers
  // take the first slots of their class (seller-slots.ts).
  const catalogue = scenario.tables?.catalogue;
  const slots = sellerSlots(scenario, catalogue);
  if (typeof slots === 'string') throw new RangeError(slots);
  const sellerCount = slots.count;
  const sellerClass = slots.sellerClass;
  const sellerShare = normalise(zipfWeights(sellerCount, scenario.demand.sellerZipf));
  const sellerPicker = new AliasTable(sellerShare);

  const sellerStream = sim.stream('world.sellers');
  const regionPicker = new AliasTable(REGIONS.map((r) => scenario.sellers.regions[r]));
  const sellerRegion = new Uint8Array(sellerCount);
  const sellerDefectRate = new Float64Array(sellerCount);
  const sellerFirstSku = slots.sellerFirstSku;
  for (let s = 0; s < sellerCount; s++) {
    if (s % SETUP_STEP === 0) setup((0.25 * s) / sellerCount);
    const rules = scenario.sellers.classes[SIZE_CLASSES[sellerClass[s]]];
    sellerRegion[s] = sellerStream.pick(regionPicker);
    sellerDefectRate[s] = betaDraw(sellerStream, rules.defectRate.mean, rules.defectRate.sd);
  }

  const skuCount = sellerFirstSku[sellerCount];
  const skuSeller = new Int32Array(skuCount);
  const skuShare = new Float64Array(skuCount);
  const unitValue = new Float64Array(skuCount);
  const unitWeight = new Float64Array(skuCount);
  const skuStream = sim.stream('world.skus');
  const value = lognormalLaw(scenario.demand.unitValue.medianCny, scenario.demand.unitValue.p90Cny);
  const weight = lognormalLaw(scenario.demand.unitWeight.medianKg, scenario.demand.unitWeight.p90Kg);
  const sellerSkuPicker = Array.from({ length: sellerCount }, (_, s) => classes[sellerClass[s]].skuPicker);
  for (let s = 0; s < sellerCount; s++) {
    if (s % SETUP_STEP === 0) setup(0.25 + (0.7 * s) / sellerCount);
    const picker = classes[sellerClass[s]].skuPicker!;
    const own = sellerFirstSku[s + 1] - sellerFirstSku[s];
    // A catalogue seller's slot draws what a synthetic seller's would (then overwritten): the
    // sellers after it see the same numbers either way.
    for (let k = 0; k < Math.max(picker.size, own); k++) {
      const v = k < picker.size ? draw(skuStream, value) : 0, wt = k < picker.size ? draw(skuStream, weight) : 0;
      if (k >= own) continue;
      const sku = sellerFirstSku[s] + k;
      skuSeller[sku] = s;
      skuShare[sku] = slots.catalogueSeller[s] >= 0 ? 0 : sellerShare[s] * picker.probability(k); // a catalogue seller's: below
      unitValue[sku] = v;
      unitWeight[sku] = wt;
    }
  }
  const slotRegion = sellerRegion.slice();
  const own = catalogue ? applyCatalogue(catalogue, slots, scenario.demand.skuZipf, { sellerRegion, unitValue, unitWeight, skuCount, sellerSkuPicker }) : null;
  if (own) for (let s = 0; s < sellerCount; s++) {
    // A catalogue seller's synthetic share spreads over its SKUs by its own Zipf law.
    const picker = sellerSkuPicker[s]!;
    if (slots.catalogueSeller[s] >= 0) for (let k = 0; k < picker.size; k++) skuShare[sellerFirstSku[s] + k] = sellerShare[s] * picker.probability(k);
  }

  const layout: DrawLayout = {
    sellerRegion, sellerFirstSku, slotRegion,
    catalogue: (s) => slots.catalogueSeller[s] >= 0,
    slotSkus: (s) => classes[sellerClass[s]].skuPicker?.size ?? 0,
  };
  const random = scenario.factories.randomDisruptions;
  const closure = random && lognormalLaw(random.durationDays.median * 24, random.durationDays.p90 * 24);
  const windows = disruptionWindows(scenario, sim, horizon, (stream) => draw(stream, closure!));

  setup(0.95);
  const dayMultiplier = dailyCurve(scenario.demand.dayMultiplier, start, days + LOOKAHEAD_DAYS);
  const expectedOrdersByDay = dayMultiplier.map((m) => m * scenario.demand.ordersPerDay);
  const orders = scenario.tables?.orders;
  const replayed = orders ? resolveReplay(orders, slots) : null;
  const replacesAll = scenario.demand.ordersReplace === 'platform';
  if (replayed) replayForecast(replayed.replay, replayed.named, days, replacesAll, { skuSeller, skuShare, sellerShare, expectedOrdersByDay });
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
    classRange: slots.classRange,
    sellerRegion,
    sellerShare,
    sellerFirstSku,
    sellerDefectRate,
    sellerPicker,
    sellerSkuPicker,
    names: slots,
    layout,
    skuCount,
    skuSeller,
    skuShare,
    unitValue,
    unitWeight,
    blocked: blockedIntervals(windows, sim, layout),
    courierStops: courierStops(windows, sim, layout),
    demandRate: new PiecewiseRate(times, rates, rates),
    expectedOrdersByDay,
    expectedOrdersTo: cumulativeOrders(expectedOrdersByDay),
    peakWeek: { from: peakDays.from * 24, to: peakDays.to * 24 },
    slowdownByDay: dailyCurve(scenario.courier.peakSlowdown, start, days + 1),
    transit: REGIONS.map((r) => lognormalLaw(scenario.courier.transit[r].medianHours, scenario.courier.transit[r].p90Hours)),
    leadTime: lognormalLaw(scenario.factories.leadTime.medianHours, scenario.factories.leadTime.p90Hours),
    skuLeadTime: own?.skuLeadTime ?? null,
    skuStocking: own?.stocking ?? null,
    replay: replayed?.replay ?? null,
    replayedSellers: replayed && !replacesAll ? replayed.named : null,
    syntheticDemand: !(replayed && replacesAll),
    receivingService: lognormalLaw(
      scenario.warehouse.receiving.service.medianMinutes / 60,
      scenario.warehouse.receiving.service.p90Minutes / 60,
    ),
    receivingRoster: rosterOf(scenario.warehouse.receiving.staff, start, days),
    qcRoster: rosterOf(scenario.warehouse.qc.staff, start, days),
  };
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
