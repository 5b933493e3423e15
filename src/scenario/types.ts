// The resolved scenario: what the model reads once the schema has checked a file and filled in
// every default (docs/model.md; every default with its basis in docs/calibration.md). Units are in the field names.
import type { CatalogueTable } from './catalogue-table.ts';
import type { OrdersTable } from './orders-table.ts';

/** Origin regions of sellers and their factories. */
export const REGIONS = ['shenzhen', 'guangzhou', 'dongguan', 'foshan', 'restOfGuangdong', 'neighbouringProvinces'] as const;
export type Region = (typeof REGIONS)[number];

/** Seller size classes, in the order demand ranks them (large sellers carry the hits). */
export const SIZE_CLASSES = ['large', 'medium', 'small'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** A lognormal given by its median and 90th percentile. */
export interface MedianP90Hours { medianHours: number; p90Hours: number }
export interface MedianP90Minutes { medianMinutes: number; p90Minutes: number }

/** A dated control point of a piecewise-linear curve: ISO date (YYYY-MM-DD), China time. */
export interface DatedValue { date: string; value: number }

/** Staff on duty per hour of day (24 whole numbers), with dated overrides for surges. */
export interface StaffRoster {
  byHour: number[];
  /** From the start of `from` to the end of `to` (dates, inclusive), `byHour` replaces the default. */
  overrides: { from: string; to: string; byHour: number[] }[];
}

export type StockingPolicy =
  /** s: the cycleServiceLevel-quantile of lead-time demand; S = s + max(cycleDays of forecast, one large order). */
  | { policy: 'serviceLevel'; cycleServiceLevel: number; cycleDays: number }
  /** s and S as days of forecast demand. */
  | { policy: 'sS'; reorderDays: number; orderUpToDays: number }
  | { policy: 'makeToOrder' };

/** How a class's sellers sell: JIT pre-sale (stock at the seller, ship each order in 24 h) or the older pre-stock model (stock on the warehouse shelf). */
export const MODES = ['jit', 'prestock'] as const;
export type Mode = (typeof MODES)[number];

export interface SellerClass {
  /** JIT or pre-stock; a file that leaves it out takes the scenario's top-level `mode`. */
  mode: Mode;
  /** Share of sellers in this class; the three shares sum to 1. */
  share: number;
  skusPerSeller: number;
  /** Packing runs from `openHour` to `closeHour` each day (0–24, open < close). */
  workingHours: { openHour: number; closeHour: number };
  handling: MedianP90Hours;
  packingHeadroom: number;
  plansForPeak: boolean;
  /** SF pickup times, hours of day (may be fractional: 17.5 = 17:30), increasing. */
  pickupHours: number[];
  stocking: StockingPolicy;
  /** While a SKU has nothing on hand and a factory order outstanding, its listing is paused: new orders are lost, unfined. */
  pauseListingWhenOut: boolean;
  /** Per-unit defect rate across sellers of the class: Beta with this mean and sd. */
  defectRate: { mean: number; sd: number };
  /** Share of the class's sellers that top their deposit up (a disposition drawn once per seller and replication). */
  topUpProbability: number;
}

export interface Disruption {
  regions: Region[];
  /** Dates (YYYY-MM-DD) or ISO date-times; a date-only `to` means the end of that day. */
  from: string;
  to: string;
  affectedShare: number;
  restartHours: number;
  courierSuspended: boolean;
}

export interface Scenario {
  /** One line: the question this scenario answers. */
  description: string;
  /** The mode of every class that does not set its own. */
  mode: Mode;
  /** Season: first and last day (YYYY-MM-DD, China time); the horizon runs to the end of `end`. */
  season: { start: string; end: string };
  demand: {
    ordersPerDay: number;
    /** Day multiplier: piecewise linear through these dated points, flat beyond the ends. */
    dayMultiplier: DatedValue[];
    /** 24 weights by China hour 0..23; the model normalises them to mean 1. */
    hourProfile: number[];
    sellerZipf: number;
    skuZipf: number;
    meanQuantity: number;
    unitValue: { medianCny: number; p90Cny: number };
    unitWeight: { medianKg: number; p90Kg: number };
    /** A CSV of orders to replay (time, seller, sku, quantity, unitValueCny), relative to the scenario file; null for none. */
    orders: string | null;
    /** What the replayed orders replace: the synthetic orders of the sellers they name, or all of them. */
    ordersReplace: 'namedSellers' | 'platform';
  };
  sellers: {
    count: number;
    regions: Record<Region, number>;
    classes: Record<SizeClass, SellerClass>;
    /** A CSV of named sellers' SKUs (skus.csv), relative to the scenario file; null for none. */
    catalogue: string | null;
  };
  factories: {
    leadTime: MedianP90Hours;
    cogsRatio: number;
    holdingRatePerYear: number;
    disruptions: Disruption[];
    /** Random closures per region; null for none. */
    randomDisruptions: null | {
      ratePerDayPerRegion: number;
      durationDays: { median: number; p90: number };
      affectedShare: number;
      restartHours: number;
      courierSuspended: boolean;
    };
  };
  courier: {
    transit: Record<Region, MedianP90Hours>;
    /** Peak slowdown factor of transit times: piecewise linear through dated points. */
    peakSlowdown: DatedValue[];
    shipping: { firstKgCny: number; perExtraKgCny: number };
  };
  warehouse: {
    receiving: { service: MedianP90Minutes; staff: StaffRoster };
    qc: { perParcelMinutes: number; perUnitMinutes: number; staff: StaffRoster };
    putawayHours: number;
  };
  /** The pre-stock model's rules (docs/model.md §16–§18). */
  prestock: {
    /** A new product's first stocking batch is capped at this many units. */
    initialCap: number;
    /** Platform approval of a stocking batch before the seller may produce and ship it. */
    approvalHours: MedianP90Hours;
    /** At season end, shelf stock beyond this many days of forecast demand goes back at the seller's cost. */
    returnAboveDays: number;
    /** Units the warehouse shelf holds; null for no limit. A batch that would overflow it waits. */
    shelfUnits: number | null;
  };
  /** Products launched during the season, in both modes (docs/model.md §19). */
  newProducts: {
    /** Share of each seller's SKUs launched during the season (launch date uniform over it). */
    share: number;
    /** Under JIT, a new product is listed this long after launch. */
    vettingHours: MedianP90Hours;
  };
  rules: {
    /** Lateness tiers, increasing afterHours: fined multiple x value of the highest tier exceeded. */
    lateness: { afterHours: number; multiple: number }[];
    failAfterHours: number;
    stockoutMultiple: number;
    /** Pre-stock: an order lost because its listing is off (no shelf stock) is fined this multiple of its value (0: no fine). */
    prestockStockoutMultiple: number;
    qualityMultiple: number;
    depositCny: number;
    topUpGraceHours: number;
    /** Waive lateness fines of orders whose seller's pickups were stopped, and stockout fines of orders placed while their factory was blocked. */
    forceMajeure: boolean;
  };
  /** Where the season starts from: its beginning, or a state saved by `jitsim run --save-state-at` (relative to the scenario file). */
  start: { fromState: string | null };
  /** The data files `demand.orders` and `sellers.catalogue` name, as read by the loader (never written in a file). */
  tables?: ScenarioTables;
}

export interface ScenarioTables {
  orders?: OrdersTable;
  catalogue?: CatalogueTable;
}
