// Turns a finished replication into its plain result (docs/results.md): KPIs
// with units in their names, hourly series as typed arrays, and histogram snapshots — a fixed size
// whatever the season's length beyond the hourly series, ready to cross a worker boundary. It is
// built from a narrow read-only view of the run, never from the model itself.
import type { Inflow } from './inflow.ts';
import type { MarketState } from './snapshot.ts';
import type { SellerSeries } from './seller-watch.ts';
import { Histogram, type HistogramSnapshot, type PeriodHistogramsSnapshot, type Roster } from '../engine/index.ts';
import { dailySeries } from './daily.ts';
import { finesKey, finesPerSellerKey, shippedLateKey, type FineCause } from './fine-causes.ts';
import type { Duration, Ledger } from './ledger.ts';
import { sellerProfit } from './seller-books.ts';
import type { Counted } from './warm-up.ts';
import type { Mode } from '../scenario/types.ts';

export interface RunResult {
  /** Scalar KPIs, units in the names (Cny, Hours, Share); counts are plain. */
  kpis: Record<string, number>;
  /** Hour-by-hour series over the horizon. */
  hourly: Record<string, Float64Array>;
  /** Day-by-day series (China days of the season): daily.ts names them. */
  daily: Record<string, Float64Array>;
  /** Per-day histograms behind the daily quantiles, so any date range can be summarised after the run. */
  dailyHistograms: Record<string, PeriodHistogramsSnapshot>;
  histograms: Record<string, HistogramSnapshot>;
  /** What reached the warehouse, parcel by parcel, when the run was asked to record it (the staffing planner's input). */
  inflow?: Inflow;
  /** The watched seller hour by hour, when asked (JitRunOptions.watchSeller; seller-watch.ts). */
  seller?: SellerSeries;
  /** The replication's whole state at JitRunOptions.saveStateAt, when asked (snapshot.ts). */
  state?: MarketState;
  /** The same kind of KPIs for each seller class (large, medium, small): who bears the burden. */
  byClass: Record<string, Record<string, number>>;
  /** The fine causes, in the order of every by-cause result (fine-causes.ts names their keys). */
  fineCauses: FineCause[];
  /** How each seller class sells in this run: "jit" or "prestock". */
  modeByClass: Record<string, Mode>;
  /** Per seller (numbered by class: large, then medium, then small), for comparisons paired by seller. */
  perSeller: {
    /** Profit over the counted span, CNY: revenue − goods sold or rejected − shipping and returns − holding − fines. */
    profitCny: Float64Array;
    /** Fines over the counted span, CNY, all causes (the page's fines chart by class). */
    finesCny: Float64Array;
    /** Index of the seller's class in `classNames`. */
    classOf: Uint8Array;
  };
  classNames: string[];
  horizonHours: number;
  events: number;
}

/** A warehouse station's time-weighted levels, as far as the result needs them. */
interface StationLevels {
  busyLevel: { area(t: number): number };
  capacityLevel: { area(t: number): number };
}

/** What the result is built from. */
export interface RunView {
  readonly ledger: Readonly<Ledger>;
  readonly counted: Counted;
  readonly sellerCount: number;
  readonly horizon: number;
  readonly now: number;
  readonly events: number;
  readonly receiving: StationLevels;
  readonly qc: StationLevels;
  readonly receivingRoster: Roster;
  /** Parcels one receiving clerk handles in an hour on average (receiving.ts). */
  readonly receivingPerClerkHour: number;
  readonly qcRoster: Roster;
  /** Seller classes by name, each holding sellers first ≤ s < end, and how they sell. */
  readonly classes: { name: string; first: number; end: number; mode: Mode }[];
  /** The busiest 7 days by the demand curve, hours [from, to). */
  readonly peakWeek: { from: number; to: number };
  /** The most units that waited at the warehouse for shelf room. */
  readonly unitsAwaitingShelfPeak: number;
}

export function buildResult(view: RunView): RunResult {
  const { ledger: l, counted, horizon, now } = view;
  const causes = l.causes;
  for (const series of [l.receivingQueue, l.qcQueue, l.suspended, l.shelf]) series.finish(horizon);
  const firstHour = Math.floor(counted.fromHours);
  const money = counted.sellers;

  const kpis: Record<string, number> = {};
  const open = {
    orders: l.ordersPlaced - l.ordersFulfilled - l.ordersRejected - l.ordersCancelled - l.ordersLost,
    units: l.unitsOrdered - l.unitsFulfilled - l.unitsRejected - l.unitsCancelled - l.unitsLost,
  };
  Object.assign(kpis, {
    ordersPlaced: l.ordersPlaced,
    unitsOrdered: l.unitsOrdered,
    gmvCny: l.gmvCny,
    ordersFulfilled: l.ordersFulfilled,
    ordersRejected: l.ordersRejected,
    ordersCancelled: l.ordersCancelled,
    ordersLost: l.ordersLost,
    ordersLostPaused: l.ordersLostPaused,
    ordersOpen: open.orders,
    unitsFulfilled: l.unitsFulfilled,
    unitsRejected: l.unitsRejected,
    unitsCancelled: l.unitsCancelled,
    unitsLost: l.unitsLost,
    unitsOpen: open.units,
    lostSalesCny: l.lostSalesCny,
    ordersLostBeforeLaunch: l.ordersLostBeforeLaunch,
    ordersLostUnlisted: l.ordersLostUnlisted,
    lostSalesUnlistedCny: l.lostSalesUnlistedCny,
    ordersLostOutOfStock: l.ordersLostOutOfStock,
    lostSalesOutOfStockCny: l.lostSalesOutOfStockCny,
    productsLaunched: l.productsLaunched,
    productsListed: l.productsListed,
    ordersShipped: l.shippedByTier.reduce((a, b) => a + b, 0),
    ordersShippedOnTime: l.shippedByTier[0],
  });
  causes.filter((c) => c.cause === 'late').forEach((c, t) => { kpis[shippedLateKey(c)] = l.shippedByTier[t + 1]; });

  let finesTotal = 0;
  causes.forEach((c, i) => {
    kpis[finesKey(c)] = l.finesByCause[i];
    finesTotal += l.finesByCause[i];
  });
  kpis.finesTotalCny = finesTotal;
  kpis.finesShareOfGmv = l.gmvCny > 0 ? finesTotal / l.gmvCny : 0;
  kpis.finesWaivedCny = l.finesWaivedCny;
  kpis.ordersFineWaived = l.ordersFineWaived;

  const sellers = view.sellerCount;
  const sellerFines = new Float64Array(sellers);
  for (const byCause of money.finesByCause) for (let s = 0; s < sellers; s++) sellerFines[s] += byCause[s];
  const holding = money.holding;
  const profit = new Float64Array(sellers);
  let fined = 0, exhausted = 0, holdingTotal = 0;
  for (let s = 0; s < sellers; s++) {
    if (sellerFines[s] > 0) fined++;
    if (counted.exhausted[s]) exhausted++;
    holdingTotal += holding[s];
    profit[s] = sellerProfit(money, s, sellerFines[s]);
  }
  const sortedProfit = Float64Array.from(profit).sort();
  const at = (q: number) => (sellers > 0 ? sortedProfit[Math.min(sellers - 1, Math.floor(q * sellers))] : NaN);
  Object.assign(kpis, {
    sellersFined: fined,
    sellersDepositExhausted: exhausted,
    sellersSuspended: counted.suspended,
    shippingCostCny: l.shippingCostCny,
    returnShippingCostCny: l.returnShippingCostCny,
    overstockReturnCostCny: l.overstockReturnCostCny,
    returnCostCny: l.returnShippingCostCny + l.overstockReturnCostCny,
    holdingCostCny: holdingTotal,
    topUpsCny: money.topUps.reduce((a, b) => a + b, 0),
    sellerProfitMeanCny: sellers > 0 ? profit.reduce((a, b) => a + b, 0) / sellers : NaN,
    sellerProfitP5Cny: at(0.05),
    sellerProfitP50Cny: at(0.5),
    sellerProfitP95Cny: at(0.95),
    parcelsShipped: l.parcelsShipped,
    parcelsArrived: l.parcelsArrived,
    parcelsReturned: l.parcelsReturned,
    factoryOrders: l.factoryOrders,
    unitsPurchased: l.unitsPurchased,
    stockingBatches: l.stockingBatches,
    unitsShelved: l.unitsShelved,
    unitsRejectedAtStocking: l.unitsRejectedAtStocking,
    unitsReturnedOverstock: l.unitsReturnedOverstock,
  });
  const durations: [string, Duration][] = [
    ['shipDelay', l.shipDelay], ['transit', l.transit], ['receivingWait', l.receivingWait],
    ['qcWait', l.qcWait], ['dockToStock', l.dockToStock], ['orderToStock', l.orderToStock],
    ['peakWeekDockToStock', l.peakWeekDockToStock], ['listingLeadTime', l.listingLeadTime],
  ];
  for (const [name, d] of durations) {
    kpis[`${name}MeanHours`] = d.tally.count > 0 ? d.tally.mean : NaN;
    kpis[`${name}P50Hours`] = d.hist.quantile(0.5);
    kpis[`${name}P95Hours`] = d.hist.quantile(0.95);
    kpis[`${name}P99Hours`] = d.hist.quantile(0.99);
  }
  kpis.receivingQueuePeakParcels = maxOf(l.receivingQueue.peak.subarray(firstHour));
  kpis.qcQueuePeakParcels = maxOf(l.qcQueue.peak.subarray(firstHour));
  // The peak week, as far as it is counted.
  const peak = { from: Math.max(firstHour, view.peakWeek.from), to: view.peakWeek.to };
  kpis.peakWeekStartHours = view.peakWeek.from;
  kpis.peakWeekReceivingQueuePeakParcels = maxOf(l.receivingQueue.peak.subarray(peak.from, Math.max(peak.from, peak.to)));
  kpis.peakWeekQcQueuePeakParcels = maxOf(l.qcQueue.peak.subarray(peak.from, Math.max(peak.from, peak.to)));
  kpis.shelfOccupancyPeakUnits = maxOf(l.shelf.peak.subarray(firstHour));
  kpis.shelfOccupancyMeanUnits = l.shelfMean.mean(now);
  kpis.unitsAwaitingShelfPeak = view.unitsAwaitingShelfPeak;
  kpis.receivingUtilisation = utilisation(view.receiving, now);
  kpis.qcUtilisation = utilisation(view.qc, now);
  kpis.events = view.events;

  const hourly: Record<string, Float64Array> = {
    ordersPlaced: l.ordersPlacedHourly.values,
    parcelsArriving: l.parcelsArrivingHourly.values,
    receivingQueueEnd: l.receivingQueue.end,
    receivingQueueMax: l.receivingQueue.peak,
    qcQueueEnd: l.qcQueue.end,
    qcQueueMax: l.qcQueue.peak,
    receivingStaff: staffByHour(view.receivingRoster, horizon),
    qcStaff: staffByHour(view.qcRoster, horizon),
    receivingCapacity: staffByHour(view.receivingRoster, horizon).map((n) => n * view.receivingPerClerkHour),
    unitsStocked: l.unitsStockedHourly.values,
    sellersSuspended: l.suspended.end,
    shelfUnits: l.shelf.end,
    shelfUnitsMax: l.shelf.peak,
  };
  causes.forEach((c, i) => { hourly[finesKey(c)] = l.finesHourly[i].values; });

  const histograms: Record<string, HistogramSnapshot> = {
    shipDelayHours: l.shipDelay.hist.snapshot(),
    dockToStockHours: l.dockToStock.hist.snapshot(),
    orderToStockHours: l.orderToStock.hist.snapshot(),
    transitHours: l.transit.hist.snapshot(),
    finePerFinedOrderCny: l.finePerFinedOrder.snapshot(),
  };
  // Fines per seller over the season: log bins with zero apart, and the same bins by cause
  // (each seller's amount of that cause, binned by its total) so a chart can stack them.
  const perSeller = Histogram.log(1, 1e8, 160);
  const byCause = causes.map(() => Histogram.log(1, 1e8, 160));
  for (let s = 0; s < sellers; s++) {
    perSeller.add(sellerFines[s]);
    if (sellerFines[s] > 0) {
      byCause.forEach((h, i) => {
        const x = money.finesByCause[i][s];
        if (x > 0) h.add(sellerFines[s], x); // weight in CNY, at the bin of the seller's total
      });
    }
  }
  histograms.finesPerSellerCny = perSeller.snapshot();
  causes.forEach((c, i) => { histograms[finesPerSellerKey(c)] = byCause[i].snapshot(); });
  // Seller profit spans losses and gains over many decades: two log histograms.
  const gains = Histogram.log(1, 1e10, 200), losses = Histogram.log(1, 1e10, 200);
  for (let s = 0; s < sellers; s++) (profit[s] >= 0 ? gains : losses).add(Math.abs(profit[s]));
  histograms.sellerProfitCny = gains.snapshot();
  histograms.sellerLossCny = losses.snapshot();

  kpis.warmUpHours = counted.fromHours;
  const byClass = Object.fromEntries(view.classes.map((c, i) => [c.name, classKpis(view, i, profit, sellerFines)]));
  const classOf = new Uint8Array(sellers);
  view.classes.forEach((c, i) => classOf.fill(i, c.first, c.end));
  const daily = dailySeries(l.daily, hourly, causes.map((c) => finesKey(c)));
  const dailyHistograms = {
    parcelDockToStockHours: l.daily.parcelDockToStock.snapshot(),
    receivingWaitHours: l.daily.receivingWait.snapshot(),
    qcWaitHours: l.daily.qcWait.snapshot(),
  };
  return {
    kpis, hourly, daily, dailyHistograms, histograms, byClass,
    fineCauses: causes.map((c) => ({ ...c })),
    modeByClass: Object.fromEntries(view.classes.map((c) => [c.name, c.mode])),
    perSeller: { profitCny: profit, finesCny: sellerFines, classOf },
    classNames: view.classes.map((c) => c.name),
    horizonHours: horizon, events: view.events,
  };
}

/** One seller class's KPIs: its orders and how they ended, its fines against its GMV, its sellers' fate and profit. */
function classKpis(view: RunView, i: number, profit: Float64Array, sellerFines: Float64Array): Record<string, number> {
  const { ledger: l, counted } = view;
  const { first, end } = view.classes[i];
  const money = counted.sellers;
  const n = end - first;
  let fines = 0, fined = 0, suspended = 0, holding = 0, shipping = 0, returned = 0;
  const byCause = l.causes.map(() => 0);
  for (let s = first; s < end; s++) {
    fines += sellerFines[s];
    if (sellerFines[s] > 0) fined++;
    if (counted.suspendedSellers[s]) suspended++;
    holding += money.holding[s];
    shipping += money.shipping[s];
    returned += money.returns[s];
    money.finesByCause.forEach((a, c) => { byCause[c] += a[s]; });
  }
  const sorted = profit.slice(first, end).sort();
  const at = (q: number) => (n > 0 ? sorted[Math.min(n - 1, Math.floor(q * n))] : NaN);
  const k: Record<string, number> = {
    sellers: n,
    prestock: view.classes[i].mode === 'prestock' ? 1 : 0,
    ordersPlaced: l.classOrdersPlaced[i],
    gmvCny: l.classGmvCny[i],
    ordersLost: l.classOrdersLost[i],
    lostSalesCny: l.classLostSalesCny[i],
    ordersCancelled: l.classOrdersCancelled[i],
    ordersCancelledShare: l.classOrdersPlaced[i] > 0 ? l.classOrdersCancelled[i] / l.classOrdersPlaced[i] : NaN,
    ordersShipped: l.classOrdersShipped[i],
    ordersShippedOnTime: l.classOrdersShippedOnTime[i],
    onTimeShare: l.classOrdersShipped[i] > 0 ? l.classOrdersShippedOnTime[i] / l.classOrdersShipped[i] : NaN,
    finesTotalCny: fines,
    finesShareOfGmv: l.classGmvCny[i] > 0 ? fines / l.classGmvCny[i] : NaN,
  };
  l.causes.forEach((c, j) => { k[finesKey(c)] = byCause[j]; });
  Object.assign(k, {
    sellersFined: fined,
    sellersSuspended: suspended,
    sellersSuspendedShare: n > 0 ? suspended / n : NaN,
    shippingCostCny: shipping,
    holdingCostCny: holding,
    returnCostCny: returned,
    sellerProfitMeanCny: n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : NaN,
    sellerProfitP5Cny: at(0.05),
    sellerProfitP50Cny: at(0.5),
    sellerProfitP95Cny: at(0.95),
  });
  return k;
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (const x of a) if (x > m) m = x;
  return m;
}

function utilisation(station: StationLevels, until: number): number {
  const cap = station.capacityLevel.area(until);
  return cap > 0 ? station.busyLevel.area(until) / cap : 0;
}

function staffByHour(roster: Roster, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) out[h] = roster.serversAt(h);
  return out;
}
