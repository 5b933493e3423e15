// The trace as CSV (docs/results.md, "Traces"): one row per order and one per seller, written as
// bytes as the stories come (csv-bytes.ts) and handed on in blocks, so that a writer (a gzip file
// in Node, a download in the browser) streams them and memory stays flat.
import { finesKey, type FineCause } from '../model/fine-causes.ts';
import { OUTCOMES, PICKED_UP, STAGES, type OrderStory, type SellerStory, type TraceSink } from '../model/trace.ts';
import type { World } from '../model/world.ts';
import { parseDate } from '../scenario/time.ts';
import { REGIONS, SIZE_CLASSES } from '../scenario/types.ts';
import { asciiBytes, chinaDateTimeWriter, CsvBytes } from './csv-bytes.ts';

/** Where the rows go, in blocks of whole rows; a block's bytes are valid during the call only (copy them). */
export interface TraceWriters {
  orders(bytes: Uint8Array): void;
  sellers(bytes: Uint8Array): void;
}

const stageColumns = STAGES.map((s) => `${s}Hour`);
const fineColumns = (causes: readonly FineCause[]) => causes.map((c) => finesKey(c).replace(/^fines/, 'fine'));

export function orderTraceHeader(causes: readonly FineCause[]): string {
  return ['replication', 'order', 'time', 'seller', 'sku', 'quantity', 'unitValueCny', 'valueCny', 'placedHour', ...stageColumns, 'outcome', 'shipDelayHours', ...fineColumns(causes), 'finesCny'].join(',') + '\n';
}

export function sellerTraceHeader(causes: readonly FineCause[]): string {
  return ['replication', 'seller', 'class', 'region', 'ordersPlaced', ...fineColumns(causes), 'finesCny', 'depositLowCny', 'suspendedAt', 'suspendedHour', 'topUpsCny', 'profitCny'].join(',') + '\n';
}

/** A sink writing one replication's rows (no header) to `writers`: hours and CNY to 4 decimals, empty where a story never got. */
export function csvTraceSink(world: World, causes: readonly FineCause[], replication: number, writers: TraceWriters): TraceSink {
  const orders = new CsvBytes(writers.orders), sellers = new CsvBytes(writers.sellers, 1 << 16);
  const dateTime = chinaDateTimeWriter(parseDate(world.scenario.season.start)!.epochMs);
  const sellerNames: Uint8Array[] = [], skuNames: Uint8Array[] = [];
  const sellerName = (s: number) => (sellerNames[s] ??= asciiBytes(csvCell(world.names.sellerName(s))));
  /** `seller,sku` of a SKU, as one run of bytes (one copy a row, not three). */
  const sellerAndSku = (sku: number) => (skuNames[sku] ??= asciiBytes(`${csvCell(world.names.sellerName(world.skuSeller[sku]))},${csvCell(world.names.skuName(sku))}`));
  const rowStart = asciiBytes(`${replication},`);
  const outcomes = OUTCOMES.map(asciiBytes);
  const classes = SIZE_CLASSES.map(asciiBytes), regions = REGIONS.map(asciiBytes);

  /** The fines by cause, then their total. */
  function fines(out: CsvBytes, byCause: Float64Array): void {
    let total = 0;
    for (let c = 0; c < byCause.length; c++) {
      out.comma(); out.fixed4(byCause[c]);
      total += byCause[c];
    }
    out.comma(); out.fixed4(total);
  }

  function order(s: OrderStory): void {
    const o = orders;
    o.bytes(rowStart); o.whole(s.id); o.comma(); dateTime(o, s.placedAt); o.comma();
    o.bytes(sellerAndSku(s.sku)); o.comma(); o.whole(s.quantity); o.comma();
    o.fixed4(s.valueCny / s.quantity); o.comma(); o.fixed4(s.valueCny); o.comma(); o.fixed4(s.placedAt);
    for (let i = 0; i < s.times.length; i++) { o.comma(); o.fixed4(s.times[i]); }
    o.comma(); o.bytes(outcomes[s.outcome]); o.comma(); o.fixed4(s.times[PICKED_UP] - s.placedAt);
    fines(o, s.fines);
    o.endRow();
  }

  function seller(s: SellerStory): void {
    const o = sellers;
    o.whole(replication); o.comma(); o.bytes(sellerName(s.seller)); o.comma();
    o.bytes(classes[world.sellerClass[s.seller]]); o.comma(); o.bytes(regions[world.sellerRegion[s.seller]]); o.comma(); o.whole(s.ordersPlaced);
    fines(o, s.fines);
    o.comma(); o.fixed4(s.depositLowCny); o.comma();
    if (!Number.isNaN(s.suspendedAt)) dateTime(o, s.suspendedAt);
    o.comma(); o.fixed4(s.suspendedAt); o.comma(); o.fixed4(s.topUpsCny); o.comma(); o.fixed4(s.profitCny);
    o.endRow();
  }

  return { order, seller, end() { orders.end(); sellers.end(); } };
}

/** A name as a CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
