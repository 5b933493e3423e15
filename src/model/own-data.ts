// A seller's own data in the world (docs/model.md, "Your own data"): catalogue sellers take their
// class's first slots with their own SKUs, values, weights, lead times and stocking; replayed
// orders (orders.csv) come as the same orders in every replication. Every random draw a synthetic
// seller in the same slot would make is still made, so the rest of the platform sees the same
// numbers (common random numbers) with or without the seller's data.
import { AliasTable, zipfWeights } from '../engine/index.ts';
import type { CatalogueTable } from '../scenario/catalogue-table.ts';
import type { OrdersTable } from '../scenario/orders-table.ts';
import type { SellerSlots } from '../scenario/seller-slots.ts';
import { REGIONS } from '../scenario/types.ts';
import { lognormalLaw, type Lognormal } from './laws.ts';

/** A SKU's own factory lead time: the law, and its median and p90 for planning. */
export interface OwnLeadTime extends Lognormal { medianHours: number; p90Hours: number }

/** Catalogue stocking per SKU: fixed (s, S) (−1: the class policy) and opening stock (−1: S). */
export interface OwnStocking { reorderPoint: Int32Array; orderUpTo: Int32Array; openingStock: Int32Array }

/** Orders replayed, in time order; `sku` is the world's SKU index. */
export interface Replay { count: number; time: Float64Array; sku: Int32Array; quantity: Int32Array; unitValueCny: Float64Array }

/** The catalogue's SKUs written over a world whose synthetic draws are done. */
export function applyCatalogue(
  catalogue: CatalogueTable, slots: SellerSlots, skuZipf: number,
  w: { sellerRegion: Uint8Array; unitValue: Float64Array; unitWeight: Float64Array; skuCount: number; sellerSkuPicker: (AliasTable | null)[] },
): { skuLeadTime: (OwnLeadTime | null)[] | null; stocking: OwnStocking } {
  const stocking: OwnStocking = {
    reorderPoint: new Int32Array(w.skuCount).fill(-1),
    orderUpTo: new Int32Array(w.skuCount).fill(-1),
    openingStock: new Int32Array(w.skuCount).fill(-1),
  };
  let skuLeadTime: (OwnLeadTime | null)[] | null = null;
  for (let s = 0; s < slots.count; s++) {
    const k = slots.catalogueSeller[s];
    if (k < 0) continue;
    const seller = catalogue.sellers[k];
    if (seller.region !== null) w.sellerRegion[s] = REGIONS.indexOf(seller.region);
    w.sellerSkuPicker[s] = new AliasTable(zipfWeights(seller.skuCount, skuZipf));
    for (let i = 0; i < seller.skuCount; i++) {
      const row = seller.firstSku + i, sku = slots.sellerFirstSku[s] + i;
      w.unitValue[sku] = catalogue.unitValueCny[row];
      w.unitWeight[sku] = catalogue.unitWeightKg[row];
      stocking.reorderPoint[sku] = catalogue.reorderPoint[row];
      stocking.orderUpTo[sku] = catalogue.orderUpTo[row];
      stocking.openingStock[sku] = catalogue.openingStock[row];
      const median = catalogue.leadTimeMedianHours[row];
      if (!Number.isNaN(median)) {
        skuLeadTime ??= new Array(w.skuCount).fill(null);
        const p90 = catalogue.leadTimeP90Hours[row];
        skuLeadTime[sku] = { ...lognormalLaw(median, p90), medianHours: median, p90Hours: p90 };
      }
    }
  }
  return { skuLeadTime, stocking };
}

/** The replayed orders by world SKU, and the sellers they name. */
export function resolveReplay(orders: OrdersTable, slots: SellerSlots): { replay: Replay; named: Uint8Array } {
  const sellerOf = orders.sellers.map((name) => slots.sellerIndex(name));
  const skuOf = Int32Array.from(orders.skus, ({ seller, name }) => {
    const sku = slots.skuIndex(sellerOf[seller], name);
    if (sku < 0) throw new RangeError(`${orders.file}: seller "${orders.sellers[seller]}" has no SKU "${name}" in this scenario`);
    return sku;
  });
  const named = new Uint8Array(slots.count);
  for (const s of sellerOf) named[s] = 1;
  const sku = new Int32Array(orders.count);
  for (let i = 0; i < orders.count; i++) sku[i] = skuOf[orders.sku[i]];
  return { replay: { count: orders.count, time: orders.time, sku, quantity: orders.quantity, unitValueCny: orders.unitValueCny }, named };
}

/**
 * Forecasts with replayed orders. A replayed seller's SKU's expected share is its orders in the file
 * over the platform's expected orders in the season, so its forecast follows the platform's curve
 * and nothing else changes. When the replay is the whole demand (or there is no synthetic demand),
 * the platform's expected orders per day are the file's, and every share is a SKU's part of the file.
 */
export function replayForecast(
  replay: Replay, named: Uint8Array, days: number, replacesAll: boolean,
  w: { skuSeller: Int32Array; skuShare: Float64Array; sellerShare: Float64Array; expectedOrdersByDay: Float64Array },
): void {
  let expected = 0;
  for (let d = 0; d < days; d++) expected += w.expectedOrdersByDay[d];
  const fromFile = replacesAll || !(expected > 0);
  if (fromFile) {
    const byDay = new Float64Array(days);
    for (let i = 0; i < replay.count; i++) byDay[Math.min(days - 1, Math.floor(replay.time[i] / 24))]++;
    // Beyond the season (the planners' look-ahead), the last week's average.
    const week = byDay.slice(Math.max(0, days - 7));
    const tail = week.reduce((a, b) => a + b, 0) / Math.max(1, week.length);
    for (let d = 0; d < w.expectedOrdersByDay.length; d++) w.expectedOrdersByDay[d] = d < days ? byDay[d] : tail;
    expected = replay.count;
  }
  const replayed = (sku: number) => fromFile || named[w.skuSeller[sku]] === 1;
  const counts = new Float64Array(w.skuShare.length);
  for (let i = 0; i < replay.count; i++) counts[replay.sku[i]]++;
  for (let sku = 0; sku < w.skuShare.length; sku++) if (replayed(sku)) w.skuShare[sku] = counts[sku] / expected;
  for (let s = 0; s < w.sellerShare.length; s++) if (fromFile || named[s]) w.sellerShare[s] = 0;
  for (let sku = 0; sku < w.skuShare.length; sku++) if (replayed(sku)) w.sellerShare[w.skuSeller[sku]] += w.skuShare[sku];
}
