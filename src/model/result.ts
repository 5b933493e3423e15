// Turns a finished replication into its plain result (MODEL.md "What a run reports"): KPIs with
// units in their names, hourly series as typed arrays, and histogram snapshots — a fixed size
// whatever the season's length beyond the hourly series, ready to cross a worker boundary.
import { Histogram, type HistogramSnapshot, type Roster } from '../engine/index.ts';
import type { JitModel } from './jit.ts';
import type { Duration } from './ledger.ts';

export interface RunResult {
  /** Scalar KPIs, units in the names (Cny, Hours, Share); counts are plain. */
  kpis: Record<string, number>;
  /** Hour-by-hour series over the horizon. */
  hourly: Record<string, Float64Array>;
  histograms: Record<string, HistogramSnapshot>;
  /** Fine causes in the order used by `finesBy…` names: lateness tiers, stockout, quality. */
  fineCauses: string[];
  horizonHours: number;
  events: number;
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

export function buildResult(model: JitModel): RunResult {
  const { ledger: l, world, sim } = model;
  const horizon = world.horizon;
  const now = sim.now;
  for (const series of [l.receivingQueue, l.qcQueue, l.suspended]) series.finish(horizon);
  const warmUp = model.warmUpState;
  if (warmUp) l.subtract(warmUp.ledger);
  const firstHour = warmUp ? Math.floor(warmUp.hours) : 0;
  const money = model.sellerTotals();

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
    ordersOpen: open.orders,
    unitsFulfilled: l.unitsFulfilled,
    unitsRejected: l.unitsRejected,
    unitsCancelled: l.unitsCancelled,
    unitsLost: l.unitsLost,
    unitsOpen: open.units,
    lostSalesCny: l.lostSalesCny,
    ordersShipped: l.shippedByTier.reduce((a, b) => a + b, 0),
    ordersShippedOnTime: l.shippedByTier[0],
  });
  for (let t = 1; t < l.shippedByTier.length; t++) kpis[`ordersShippedLateTier${t}`] = l.shippedByTier[t];

  let finesTotal = 0;
  l.causes.forEach((cause, i) => {
    kpis[`fines${capitalise(cause)}Cny`] = l.finesByCause[i];
    finesTotal += l.finesByCause[i];
  });
  kpis.finesTotalCny = finesTotal;
  kpis.finesShareOfGmv = l.gmvCny > 0 ? finesTotal / l.gmvCny : 0;

  const sellers = world.sellerCount;
  const sellerFines = new Float64Array(sellers);
  for (const byCause of money.finesByCause) for (let s = 0; s < sellers; s++) sellerFines[s] += byCause[s];
  const holding = money.holding;
  const profit = new Float64Array(sellers);
  let fined = 0, exhausted = 0, holdingTotal = 0;
  for (let s = 0; s < sellers; s++) {
    if (sellerFines[s] > 0) fined++;
    if (model.everNegative[s] && !(warmUp && warmUp.exhausted[s])) exhausted++;
    holdingTotal += holding[s];
    profit[s] = money.revenue[s] - money.goodsCost[s] - money.shipping[s] - holding[s] - sellerFines[s];
  }
  const sortedProfit = Float64Array.from(profit).sort();
  const at = (q: number) => (sellers > 0 ? sortedProfit[Math.min(sellers - 1, Math.floor(q * sellers))] : NaN);
  Object.assign(kpis, {
    sellersFined: fined,
    sellersDepositExhausted: exhausted,
    sellersSuspended: model.suspendedCount - (warmUp ? warmUp.suspended : 0),
    shippingCostCny: l.shippingCostCny,
    returnShippingCostCny: l.returnShippingCostCny,
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
  });
  const durations: [string, Duration][] = [
    ['shipDelay', l.shipDelay], ['transit', l.transit], ['receivingWait', l.receivingWait],
    ['qcWait', l.qcWait], ['dockToStock', l.dockToStock], ['orderToStock', l.orderToStock],
  ];
  for (const [name, d] of durations) {
    kpis[`${name}MeanHours`] = d.tally.count > 0 ? d.tally.mean : NaN;
    kpis[`${name}P50Hours`] = d.hist.quantile(0.5);
    kpis[`${name}P95Hours`] = d.hist.quantile(0.95);
    kpis[`${name}P99Hours`] = d.hist.quantile(0.99);
  }
  kpis.receivingQueuePeakParcels = maxOf(l.receivingQueue.peak.subarray(firstHour));
  kpis.qcQueuePeakParcels = maxOf(l.qcQueue.peak.subarray(firstHour));
  kpis.receivingUtilisation = utilisation(model.receiving.busyLevel, model.receiving.capacityLevel, now);
  kpis.qcUtilisation = utilisation(model.qc.busyLevel, model.qc.capacityLevel, now);
  kpis.events = sim.eventsFired;

  const hourly: Record<string, Float64Array> = {
    ordersPlaced: l.ordersPlacedHourly.values,
    parcelsArriving: l.parcelsArrivingHourly.values,
    receivingQueueEnd: l.receivingQueue.end,
    receivingQueueMax: l.receivingQueue.peak,
    qcQueueEnd: l.qcQueue.end,
    qcQueueMax: l.qcQueue.peak,
    receivingStaff: staffByHour(world.receivingRoster, horizon),
    qcStaff: staffByHour(world.qcRoster, horizon),
    unitsStocked: l.unitsStockedHourly.values,
    sellersSuspended: l.suspended.end,
  };
  l.causes.forEach((cause, i) => { hourly[`fines${capitalise(cause)}Cny`] = l.finesHourly[i].values; });

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
  const byCause = l.causes.map(() => Histogram.log(1, 1e8, 160));
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
  l.causes.forEach((cause, i) => { histograms[`finesPerSeller${capitalise(cause)}Cny`] = byCause[i].snapshot(); });
  // Seller profit spans losses and gains over many decades: two log histograms.
  const gains = Histogram.log(1, 1e10, 200), losses = Histogram.log(1, 1e10, 200);
  for (let s = 0; s < sellers; s++) (profit[s] >= 0 ? gains : losses).add(Math.abs(profit[s]));
  histograms.sellerProfitCny = gains.snapshot();
  histograms.sellerLossCny = losses.snapshot();

  kpis.warmUpHours = warmUp ? warmUp.hours : 0;
  return { kpis, hourly, histograms, fineCauses: [...l.causes], horizonHours: horizon, events: sim.eventsFired };
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (const x of a) if (x > m) m = x;
  return m;
}

function utilisation(busy: { area(t: number): number }, capacity: { area(t: number): number }, until: number): number {
  const cap = capacity.area(until);
  return cap > 0 ? busy.area(until) / cap : 0;
}

function staffByHour(roster: Roster, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) out[h] = roster.serversAt(h);
  return out;
}
