// What a run records day by day (docs/results.md, "By day"): per China day, the parcels that
// arrived and how long they took to be stocked, the receiving and QC waits of the parcels that
// joined those queues that day, orders shipped and shipped on time, and the sellers who traded —
// kept per day (memory linear in days) so a result can be cut to any date range after the run.
// A parcel counts on the day it arrived; the season's last day is censored (its parcels may be
// stocked after the horizon), so its dock-to-stock figures are NaN.
import { PeriodHistograms, periodCountBelow, periodQuantile } from '../engine/index.ts';

/** Dock-to-stock per parcel: 0.25 h bins up to 4 days; waits: 0.25 h bins up to 2 days. */
const DOCK_TO_STOCK = { upper: 96, bins: 384 };
const WAIT = { upper: 48, bins: 192 };

export class DailyRecords {
  readonly days: number;
  /** By arrival day: each parcel's dock-to-stock (to put-away, or to the end of its QC if all of it was rejected). */
  readonly parcelDockToStock: PeriodHistograms;
  /** By the day the parcel joined the queue. */
  readonly receivingWait: PeriodHistograms;
  readonly qcWait: PeriodHistograms;
  readonly ordersShipped: Float64Array;
  readonly ordersShippedOnTime: Float64Array;
  /** Sellers with at least one order accepted that day. */
  readonly activeSellers: Float64Array;
  private readonly lastActiveDay: Int32Array;

  constructor(days: number, sellers: number) {
    this.days = days;
    this.parcelDockToStock = new PeriodHistograms(days, 0, DOCK_TO_STOCK.upper, DOCK_TO_STOCK.bins);
    this.receivingWait = new PeriodHistograms(days, 0, WAIT.upper, WAIT.bins);
    this.qcWait = new PeriodHistograms(days, 0, WAIT.upper, WAIT.bins);
    this.ordersShipped = new Float64Array(days);
    this.ordersShippedOnTime = new Float64Array(days);
    this.activeSellers = new Float64Array(days);
    this.lastActiveDay = new Int32Array(sellers).fill(-1);
  }

  /** A seller accepted an order at `now`. */
  traded(seller: number, now: number): void {
    const day = Math.floor(now / 24);
    if (this.lastActiveDay[seller] === day || day >= this.days) return;
    this.lastActiveDay[seller] = day;
    this.activeSellers[day]++;
  }

  /** An order shipped at `now`, on time or not. */
  shipped(now: number, onTime: boolean): void {
    const day = Math.floor(now / 24);
    if (day >= this.days) return;
    this.ordersShipped[day]++;
    if (onTime) this.ordersShippedOnTime[day]++;
  }
}

/** The day-by-day series of a run, from its daily records and hourly series (`hourly` as the result holds them). */
export function dailySeries(d: DailyRecords, hourly: Record<string, Float64Array>, fineKeys: string[]): Record<string, Float64Array> {
  const days = d.days;
  const perDay = (series: Float64Array, of: 'sum' | 'last') => Float64Array.from({ length: days }, (_, day) => {
    const hours = series.subarray(day * 24, day * 24 + 24);
    return of === 'last' ? hours[hours.length - 1] ?? NaN : hours.reduce((a, b) => a + b, 0);
  });
  const dock = d.parcelDockToStock.snapshot(), receiving = d.receivingWait.snapshot(), qc = d.qcWait.snapshot();
  const each = (f: (day: number) => number) => Float64Array.from({ length: days }, (_, day) => f(day));
  const parcelsArrived = perDay(hourly.parcelsArriving, 'sum');
  // The last day's parcels may be stocked within 24 h after the season ends: unknown, so NaN.
  const censored = (day: number) => day === days - 1;
  const within24h = each((day) => (censored(day) ? NaN : periodCountBelow(dock, day, day + 1, 24)));
  const fines = new Float64Array(days);
  for (const key of fineKeys) perDay(hourly[key], 'sum').forEach((x, day) => { fines[day] += x; });
  return {
    ordersPlaced: perDay(hourly.ordersPlaced, 'sum'),
    ordersShipped: d.ordersShipped.slice(),
    ordersShippedOnTime: d.ordersShippedOnTime.slice(),
    parcelsArrived,
    parcelsStockedWithin24h: within24h,
    stockedWithin24hShare: each((day) => (parcelsArrived[day] > 0 ? within24h[day] / parcelsArrived[day] : NaN)),
    dockToStockP50Hours: each((day) => (censored(day) ? NaN : periodQuantile(dock, day, day + 1, 0.5))),
    dockToStockP95Hours: each((day) => (censored(day) ? NaN : periodQuantile(dock, day, day + 1, 0.95))),
    receivingWaitP95Hours: each((day) => periodQuantile(receiving, day, day + 1, 0.95)),
    qcWaitP95Hours: each((day) => periodQuantile(qc, day, day + 1, 0.95)),
    activeSellers: d.activeSellers.slice(),
    sellersSuspended: perDay(hourly.sellersSuspended, 'last'),
    finesCny: fines,
  };
}
