// The trace as CSV text (docs/results.md, "Traces"): one row per order and one per seller, formatted
// as the stories come and handed on in blocks of rows, so that a writer (a gzip file in Node, a
// download in the browser) streams them and memory stays flat.
import { finesKey, type FineCause } from '../model/fine-causes.ts';
import { OUTCOMES, STAGES, type OrderStory, type SellerStory, type TraceSink } from '../model/trace.ts';
import type { World } from '../model/world.ts';
import { chinaDateTimes } from '../scenario/time.ts';
import { REGIONS, SIZE_CLASSES } from '../scenario/types.ts';

/** Where the text goes: each call gets whole rows, each ending in a newline. */
export interface TraceWriters {
  orders(text: string): void;
  sellers(text: string): void;
}

const ROWS_PER_BLOCK = 8192;
const stageColumns = STAGES.map((s) => `${s}Hour`);
const fineColumns = (causes: readonly FineCause[]) => causes.map((c) => finesKey(c).replace(/^fines/, 'fine'));

export function orderTraceHeader(causes: readonly FineCause[]): string {
  return ['replication', 'order', 'time', 'seller', 'sku', 'quantity', 'unitValueCny', 'valueCny', 'placedHour', ...stageColumns, 'outcome', 'shipDelayHours', ...fineColumns(causes), 'finesCny'].join(',') + '\n';
}

export function sellerTraceHeader(causes: readonly FineCause[]): string {
  return ['replication', 'seller', 'class', 'region', 'ordersPlaced', ...fineColumns(causes), 'finesCny', 'depositLowCny', 'suspendedAt', 'suspendedHour', 'topUpsCny', 'profitCny'].join(',') + '\n';
}

/** Hours to 4 decimals (0.36 s); empty where the story never got there. */
const hours = (x: number) => (Number.isNaN(x) ? '' : String(Math.round(x * 1e4) / 1e4));
/** CNY to 4 decimals, so a column's sum matches the run's totals to the cent. */
const cny = (x: number) => String(Math.round(x * 1e4) / 1e4);

/** A sink writing one replication's rows (no header) as CSV blocks to `writers`. */
export function csvTraceSink(world: World, causes: readonly FineCause[], replication: number, writers: TraceWriters): TraceSink {
  const iso = chinaDateTimes(world.scenario.season.start);
  const sellerNames = new Map<number, string>();
  const nameOf = (s: number) => sellerNames.get(s) ?? (sellerNames.set(s, csvCell(world.names.sellerName(s))), sellerNames.get(s)!);
  let orderRows: string[] = [], sellerRows: string[] = [];

  function order(s: OrderStory): void {
    let row = `${replication},${s.id},${iso(s.placedAt)},${nameOf(s.seller)},${csvCell(world.names.skuName(s.sku))},${s.quantity},${cny(s.valueCny / s.quantity)},${cny(s.valueCny)},${hours(s.placedAt)}`;
    for (let i = 0; i < s.times.length; i++) row += ',' + hours(s.times[i]);
    const picked = s.times[2];
    row += `,${OUTCOMES[s.outcome]},${hours(picked - s.placedAt)}`;
    let total = 0;
    for (let c = 0; c < s.fines.length; c++) {
      row += ',' + cny(s.fines[c]);
      total += s.fines[c];
    }
    orderRows.push(row + ',' + cny(total));
    if (orderRows.length === ROWS_PER_BLOCK) flushOrders();
  }

  function seller(s: SellerStory): void {
    let row = `${replication},${nameOf(s.seller)},${SIZE_CLASSES[world.sellerClass[s.seller]]},${REGIONS[world.sellerRegion[s.seller]]},${s.ordersPlaced}`;
    let total = 0;
    for (let c = 0; c < s.fines.length; c++) {
      row += ',' + cny(s.fines[c]);
      total += s.fines[c];
    }
    const suspended = Number.isNaN(s.suspendedAt) ? ',' : `${iso(s.suspendedAt)},${hours(s.suspendedAt)}`;
    sellerRows.push(`${row},${cny(total)},${cny(s.depositLowCny)},${suspended},${cny(s.topUpsCny)},${cny(s.profitCny)}`);
    if (sellerRows.length === ROWS_PER_BLOCK) flushSellers();
  }

  function flushOrders(): void {
    if (orderRows.length > 0) writers.orders(orderRows.join('\n') + '\n');
    orderRows = [];
  }
  function flushSellers(): void {
    if (sellerRows.length > 0) writers.sellers(sellerRows.join('\n') + '\n');
    sellerRows = [];
  }

  return { order, seller, end() { flushOrders(); flushSellers(); } };
}

/** A name as a CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
