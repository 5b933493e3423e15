// How much memory a run of a scenario needs, estimated before it starts, so that the page (and
// later the command's --max-memory) can refuse a run that cannot fit. The constants are bytes
// measured on this machine (Node 20, heap used after runJit on black-friday-2022.yaml scaled in
// sellers; docs/model-notes.md, "Memory per seller").
import { dailyCurve } from '../model/curves.ts';
import { horizonHours } from '../scenario/time.ts';
import { SIZE_CLASSES, type Scenario } from '../scenario/types.ts';

/** Bytes per seller of the world and the books, packing desks and per-seller results (measured). */
export const BYTES_PER_SELLER = 1_500;
/** Bytes per SKU: its 64-byte stock record, share, value, weight and picker slot (measured). */
export const BYTES_PER_SKU = 147;
/** Bytes per order in flight: its 64-byte record, its place in a line, pending events (measured). */
export const BYTES_PER_ORDER_IN_FLIGHT = 100;
/** Days an order stays in the system at the peak (reserve, pack, pickup, transit, warehouse). */
export const DAYS_IN_FLIGHT = 2;
/** Hourly series a result carries, 8 bytes an hour each (result.ts), with their maxima. */
const HOURLY_SERIES = 40;
/** The model's fixed cost, whatever the scenario: code, histograms, rosters (measured). */
export const FIXED_BYTES = 8_000_000;

export interface MemoryEstimate {
  /** One replication running: world, records in flight, its result. */
  perReplication: number;
  /** One result kept after its replication ends. */
  perResult: number;
  /** The whole run: `workers` replications at once, plus every result kept. */
  total: number;
}

/** Expected SKUs of the scenario: sellers × each class's share × its SKUs per seller. */
export function expectedSkus(scenario: Scenario): number {
  const perSeller = SIZE_CLASSES.reduce((sum, c) => sum + scenario.sellers.classes[c].share * scenario.sellers.classes[c].skusPerSeller, 0);
  return scenario.sellers.count * perSeller;
}

/** The estimate for `replications` of `scenario` on `workers` at once. */
export function memoryEstimate(scenario: Scenario, options: { workers: number; replications: number }): MemoryEstimate {
  const hours = horizonHours(scenario.season);
  const days = Math.ceil(hours / 24);
  const curve = dailyCurve(scenario.demand.dayMultiplier, scenario.season.start, days);
  const peakOrdersPerDay = scenario.demand.ordersPerDay * Math.max(1, ...curve);
  const perResult = hours * HOURLY_SERIES * 8 + scenario.sellers.count * 24;
  const perReplication = FIXED_BYTES
    + scenario.sellers.count * BYTES_PER_SELLER
    + expectedSkus(scenario) * BYTES_PER_SKU
    + peakOrdersPerDay * DAYS_IN_FLIGHT * BYTES_PER_ORDER_IN_FLIGHT
    + perResult;
  const running = Math.min(options.workers, options.replications);
  return { perReplication, perResult, total: running * perReplication + options.replications * perResult };
}
