// The KPI table over a date range of the season (docs/results.md, "By day"): what a planner asks
// of the peak week rather than of the whole season, recomputed after the run from the daily
// series, the per-day histograms and the hourly series. Quantiles merge the days' histograms;
// the season's last day is censored for dock-to-stock (its parcels may be stocked after the end).
import { periodCountBelow, periodQuantile } from '../engine/index.ts';
import type { RunResult } from '../model/result.ts';
import { dateAt, hoursFromStart, parseDate } from '../scenario/time.ts';

/** Days [from, to) of the season. */
export interface DayRange { from: number; to: number }

/** The range "YYYY-MM-DD..YYYY-MM-DD" (both days included) in a season; a message saying what is wrong otherwise. */
export function parseDayRange(text: string, season: { start: string; end: string }): DayRange | string {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m || !parseDate(m[1])?.dateOnly || !parseDate(m[2])?.dateOnly) return `expected two dates as FROM..TO (YYYY-MM-DD..YYYY-MM-DD), got ${JSON.stringify(text)}`;
  const from = Math.round(hoursFromStart(m[1], season.start) / 24);
  const to = Math.round(hoursFromStart(m[2], season.start) / 24) + 1;
  const days = Math.round(hoursFromStart(season.end, season.start) / 24) + 1;
  if (from < 0 || to > days) return `expected dates inside the season ${season.start} to ${season.end}, got ${text}`;
  if (to <= from) return `expected FROM on or before TO, got ${text}`;
  return { from, to };
}

/** The range as dates again, both included. */
export function describeDayRange(range: DayRange, seasonStart: string): { from: string; to: string; days: number } {
  return { from: dateAt(range.from * 24, seasonStart), to: dateAt(range.to * 24 - 1, seasonStart), days: range.to - range.from };
}

/** One replication's KPIs over the days of `range`. */
export function windowKpis(r: RunResult, range: DayRange): Record<string, number> {
  const { from, to } = range;
  const d = r.daily;
  const days = d.ordersPlaced.length;
  const sum = (a: Float64Array) => a.subarray(from, to).reduce((x, y) => x + y, 0);
  const hours = (a: Float64Array) => a.subarray(from * 24, to * 24);
  const max = (a: Float64Array) => hours(a).reduce((x, y) => Math.max(x, y), 0);
  const dock = r.dailyHistograms.parcelDockToStockHours;
  const known = Math.min(to, days - 1); // the last day is censored
  const arrived = d.parcelsArrived.subarray(from, known).reduce((x, y) => x + y, 0);
  const within = periodCountBelow(dock, from, known, 24);
  const shipped = sum(d.ordersShipped), onTime = sum(d.ordersShippedOnTime);
  const active = d.activeSellers.subarray(from, to);
  return {
    days: to - from,
    ordersPlaced: sum(d.ordersPlaced),
    ordersShipped: shipped,
    ordersShippedOnTime: onTime,
    onTimeShare: shipped > 0 ? onTime / shipped : NaN,
    finesCny: sum(d.finesCny),
    parcelsArrived: sum(d.parcelsArrived),
    parcelsStockedWithin24h: known > from ? within : NaN,
    stockedWithin24hShare: arrived > 0 ? within / arrived : NaN,
    dockToStockP50Hours: periodQuantile(dock, from, known, 0.5),
    dockToStockP95Hours: periodQuantile(dock, from, known, 0.95),
    receivingWaitP95Hours: periodQuantile(r.dailyHistograms.receivingWaitHours, from, to, 0.95),
    qcWaitP95Hours: periodQuantile(r.dailyHistograms.qcWaitHours, from, to, 0.95),
    receivingQueuePeakParcels: max(r.hourly.receivingQueueMax),
    qcQueuePeakParcels: max(r.hourly.qcQueueMax),
    receivingStaffHours: hours(r.hourly.receivingStaff).reduce((x, y) => x + y, 0),
    qcStaffHours: hours(r.hourly.qcStaff).reduce((x, y) => x + y, 0),
    activeSellersMean: active.reduce((x, y) => x + y, 0) / active.length,
    sellersSuspendedAtEnd: d.sellersSuspended[to - 1],
  };
}
