// The compact KPI table the command prints: the figures a planner reads first, with intervals.
import type { KpiDifference, KpiInterval } from '../experiment/summary.ts';
import { formatNumber, percent } from '../experiment/number-format.ts';

/** KPIs shown in the table, in order, with a label; every KPI is in the files. */
const SHOWN: [string, string][] = [
  ['ordersPlaced', 'orders placed'],
  ['ordersFulfilled', 'orders fulfilled'],
  ['ordersCancelled', 'orders cancelled (stockout)'],
  ['ordersRejected', 'orders rejected (quality)'],
  ['ordersLost', 'orders lost, all causes'],
  ['ordersLostBeforeLaunch', '  before the product launched'],
  ['ordersLostUnlisted', '  launched, not listed yet'],
  ['ordersLostOutOfStock', '  pre-stock listing empty'],
  ['ordersShippedLateTier1', 'orders shipped late, tier 1'],
  ['ordersShippedLateTier2', 'orders shipped late, tier 2'],
  ['finesTotalCny', 'fines, CNY'],
  ['finesShareOfGmv', 'fines / GMV'],
  ['sellersFined', 'sellers fined'],
  ['sellersSuspended', 'sellers suspended'],
  ['sellerProfitMeanCny', 'seller profit, mean CNY'],
  ['shipDelayP95Hours', 'ship delay P95, h'],
  ['receivingWaitP95Hours', 'receiving wait P95, h'],
  ['qcWaitP95Hours', 'QC wait P95, h'],
  ['dockToStockP95Hours', 'dock-to-stock P95, h'],
  ['orderToStockP95Hours', 'order-to-stock P95, h'],
  ['receivingQueuePeakParcels', 'receiving queue peak, parcels'],
  ['qcQueuePeakParcels', 'QC queue peak, parcels'],
  ['receivingUtilisation', 'receiving utilisation'],
  ['qcUtilisation', 'QC utilisation'],
  ['listingLeadTimeP50Hours', 'new product listed after P50, h'],
  ['shelfOccupancyPeakUnits', 'shelf occupancy peak, units'],
];

/** Rows about one mode only (pre-stock, new products), left out where every column is 0. */
const WHEN_ANY = new Set(['ordersLostBeforeLaunch', 'ordersLostUnlisted', 'ordersLostOutOfStock', 'shelfOccupancyPeakUnits']);
const shown = (key: string, ...means: (KpiInterval | undefined)[]) => !WHEN_ANY.has(key) || means.some((k) => k !== undefined && k.mean !== 0);

/** Rows as aligned columns: the first left-aligned, the figures right-aligned. */
export function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

/** The KPI table over a date range (--window): the figures of src/experiment/window.ts. */
export const WINDOW_ROWS: [string, string][] = [
  ['ordersPlaced', 'orders placed'],
  ['ordersShipped', 'orders shipped'],
  ['onTimeShare', 'shipped on time, share'],
  ['finesCny', 'fines, CNY'],
  ['parcelsArrived', 'parcels arrived'],
  ['stockedWithin24hShare', 'parcels stocked within 24 h, share'],
  ['dockToStockP50Hours', 'dock-to-stock P50 (parcels), h'],
  ['dockToStockP95Hours', 'dock-to-stock P95 (parcels), h'],
  ['receivingWaitP95Hours', 'receiving wait P95, h'],
  ['qcWaitP95Hours', 'QC wait P95, h'],
  ['receivingQueuePeakParcels', 'receiving queue peak, parcels'],
  ['qcQueuePeakParcels', 'QC queue peak, parcels'],
  ['receivingStaffHours', 'receiving staff-hours'],
  ['qcStaffHours', 'QC staff-hours'],
  ['activeSellersMean', 'sellers trading, a day'],
  ['sellersSuspendedAtEnd', 'sellers suspended at the end'],
];

/** An interval's half width; "n/a" when there is none (one replication gives no interval, not ± ∞). */
export function halfWidthText(x: number, format: (x: number) => string = formatNumber): string {
  return Number.isFinite(x) ? format(x) : 'n/a';
}

const NO_INTERVAL = 'n/a: an interval needs 2 or more replications';

export function kpiTable(kpis: Record<string, KpiInterval>, shownRows: [string, string][] = SHOWN): string {
  const rows = [['KPI', 'mean', '± 95%']];
  for (const [key, label] of shownRows) {
    const k = kpis[key];
    if (k && shown(key, k)) rows.push([label, formatNumber(k.mean), halfWidthText(k.halfWidth)]);
  }
  return pad(rows) + (rows.some((r) => r[2] === 'n/a') ? `\n${NO_INTERVAL}` : '');
}

export function differenceTable(diff: Record<string, KpiDifference>, a: Record<string, KpiInterval>, b: Record<string, KpiInterval>, shownRows: [string, string][] = SHOWN): string {
  const rows = [['KPI', 'A', 'B', 'B − A', '± 95%', '']];
  for (const [key, label] of shownRows) {
    const d = diff[key];
    if (!d || !shown(key, a[key], b[key])) continue;
    rows.push([label, formatNumber(a[key].mean), formatNumber(b[key].mean), formatNumber(d.mean), halfWidthText(d.halfWidth), d.significant ? '*' : '']);
  }
  return pad(rows) + '\n* the 95% interval of the paired difference excludes 0' + (rows.some((r) => r[4] === 'n/a') ? `\n${NO_INTERVAL}` : '');
}

/** By seller class, the figures that say who bears the burden, one column per class. */
const BY_CLASS: [string, string, (x: number) => string][] = [
  ['finesShareOfGmv', 'fines / class GMV', percent],
  ['onTimeShare', 'shipped on time', percent],
  ['ordersCancelledShare', 'orders cancelled (stockout)', percent],
  ['sellersSuspendedShare', 'sellers suspended', percent],
  ['sellerProfitP5Cny', 'profit per seller P5, CNY', formatNumber],
  ['sellerProfitP50Cny', 'profit per seller P50, CNY', formatNumber],
  ['sellerProfitP95Cny', 'profit per seller P95, CNY', formatNumber],
];

export function classTable(byClass: Record<string, Record<string, KpiInterval>>): string {
  const classes = Object.keys(byClass).filter((c) => (byClass[c].sellers?.mean ?? 0) > 0);
  const rows = [['by seller class (mean)', ...classes]];
  for (const [key, label, show] of BY_CLASS) rows.push([label, ...classes.map((c) => show(byClass[c][key]?.mean ?? NaN))]);
  return pad(rows);
}
