// What a run records (docs/results.md), streamed into fixed-size counters, tallies,
// histograms and hourly series whatever the season's length.
import { Histogram, HourlySeries, LevelSeries, Tally, TimeWeighted } from '../engine/index.ts';
import { DailyRecords } from './daily.ts';
import type { FineCause } from './fine-causes.ts';

/** Lead times: 0.05 h bins up to 20 days; beyond is overflow (the exact max is kept). */
const leadTimeHistogram = () => Histogram.linear(0, 480, 9600);

/** A duration measured per order or parcel: its tally (mean) and histogram (quantiles). */
export class Duration {
  readonly tally = new Tally();
  readonly hist = leadTimeHistogram();
  add(hours: number): void {
    this.tally.add(hours);
    this.hist.add(hours);
  }
}

export class Ledger {
  /** Fine causes (fine-causes.ts): every by-cause array here is indexed like this list. */
  readonly causes: readonly FineCause[];

  // Orders and units by outcome; every placed order ends in exactly one.
  ordersPlaced = 0; unitsOrdered = 0; gmvCny = 0;
  ordersFulfilled = 0; unitsFulfilled = 0; revenueCny = 0;
  ordersRejected = 0; unitsRejected = 0;
  ordersCancelled = 0; unitsCancelled = 0;
  ordersLost = 0; unitsLost = 0; lostSalesCny = 0;
  /** Of the orders lost: to a paused listing (§3), to a product not launched yet or launched and not listed yet (§19), to a pre-stock listing switched off for want of shelf stock (§17); the rest to a suspended seller. */
  ordersLostPaused = 0;
  ordersLostBeforeLaunch = 0;
  ordersLostUnlisted = 0; lostSalesUnlistedCny = 0;
  ordersLostOutOfStock = 0; lostSalesOutOfStockCny = 0;
  /** New products launched and listed in the season (§19). */
  productsLaunched = 0; productsListed = 0;
  /** Pre-stock (§16–§18): batches requested, units put on the shelf, units rejected at QC in batches, overstock sent back. */
  stockingBatches = 0; unitsShelved = 0; unitsRejectedAtStocking = 0;
  unitsReturnedOverstock = 0; overstockReturnCostCny = 0;
  /** Fines waived under force majeure, and the orders they would have fallen on. */
  finesWaivedCny = 0; ordersFineWaived = 0;
  // Shipped orders by lateness: index 0 on time, i the i-th tier.
  readonly shippedByTier: Float64Array;
  parcelsShipped = 0; parcelsArrived = 0; parcelsReturned = 0;
  factoryOrders = 0; unitsPurchased = 0;
  shippingCostCny = 0; returnShippingCostCny = 0;

  readonly finesByCause: Float64Array;
  // By seller class (large, medium, small), for "who bears the burden?".
  readonly classOrdersPlaced: Float64Array;
  readonly classGmvCny: Float64Array;
  readonly classOrdersLost: Float64Array;
  readonly classLostSalesCny: Float64Array;
  readonly classOrdersCancelled: Float64Array;
  readonly classOrdersShipped: Float64Array;
  readonly classOrdersShippedOnTime: Float64Array;
  readonly finesHourly: HourlySeries[];
  readonly ordersPlacedHourly: HourlySeries;
  readonly parcelsArrivingHourly: HourlySeries;
  readonly unitsStockedHourly: HourlySeries;
  readonly receivingQueue: LevelSeries;
  readonly qcQueue: LevelSeries;
  readonly suspended: LevelSeries;
  /** Units on the warehouse shelf (pre-stock), hour by hour and as a time average. */
  readonly shelf: LevelSeries;
  readonly shelfMean = new TimeWeighted();

  readonly shipDelay = new Duration();
  readonly transit = new Duration();
  readonly receivingWait = new Duration();
  readonly qcWait = new Duration();
  readonly dockToStock = new Duration();
  readonly orderToStock = new Duration();
  /** Dock-to-stock of what arrived in the peak week (world.peakWeek). */
  readonly peakWeekDockToStock = new Duration();
  /** A new product's launch to its listing (§19). */
  readonly listingLeadTime = new Duration();
  /** Day by day (daily.ts): kept whole through a warm-up, like the hourly series. */
  readonly daily: DailyRecords;
  /** Total fine of each order that was fined at all, CNY. */
  readonly finePerFinedOrder = Histogram.log(1, 1e7, 140);

  constructor(horizon: number, causes: readonly FineCause[], classes: number, sellers: number) {
    this.causes = causes;
    this.daily = new DailyRecords(Math.ceil(horizon / 24), sellers);
    this.classOrdersPlaced = new Float64Array(classes);
    this.classGmvCny = new Float64Array(classes);
    this.classOrdersLost = new Float64Array(classes);
    this.classLostSalesCny = new Float64Array(classes);
    this.classOrdersCancelled = new Float64Array(classes);
    this.classOrdersShipped = new Float64Array(classes);
    this.classOrdersShippedOnTime = new Float64Array(classes);
    const tiers = causes.filter((c) => c.cause === 'late').length;
    this.shippedByTier = new Float64Array(tiers + 1);
    this.finesByCause = new Float64Array(this.causes.length);
    this.finesHourly = this.causes.map(() => new HourlySeries(horizon));
    this.ordersPlacedHourly = new HourlySeries(horizon);
    this.parcelsArrivingHourly = new HourlySeries(horizon);
    this.unitsStockedHourly = new HourlySeries(horizon);
    this.receivingQueue = new LevelSeries(horizon);
    this.qcQueue = new LevelSeries(horizon);
    this.suspended = new LevelSeries(horizon);
    this.shelf = new LevelSeries(horizon);
  }

  /** Counters as they stand (numbers, and copies of count arrays): the baseline of a warm-up. */
  counters(): Record<string, number | Float64Array> {
    const out: Record<string, number | Float64Array> = {};
    for (const [key, value] of Object.entries(this)) {
      if (typeof value === 'number') out[key] = value;
      else if (value instanceof Float64Array) out[key] = value.slice();
    }
    return out;
  }

  /** Leaves in each counter only what came after the baseline was taken. */
  subtract(baseline: Record<string, number | Float64Array>): void {
    const self = this as unknown as Record<string, number | Float64Array>;
    for (const [key, value] of Object.entries(baseline)) {
      if (typeof value === 'number') self[key] = (self[key] as number) - value;
      else { const a = self[key] as Float64Array; for (let i = 0; i < a.length; i++) a[i] -= value[i]; }
    }
  }

  /** Forgets the durations, fine sizes and shelf average seen so far (they are not subtractable). */
  resetDistributions(now: number): void {
    this.shelfMean.reset(now);
    for (const d of [this.shipDelay, this.transit, this.receivingWait, this.qcWait, this.dockToStock, this.orderToStock, this.peakWeekDockToStock, this.listingLeadTime]) {
      d.tally.reset();
      d.hist.reset();
    }
    this.finePerFinedOrder.reset();
  }

  /** A fine the force-majeure rule waives (§15): recorded, never charged. */
  waive(amount: number): void {
    this.finesWaivedCny += amount;
    this.ordersFineWaived++;
  }

  /** An order lost before it reached a seller's stock (suspended seller, paused or switched-off listing, product not listed). */
  lose(sellerClass: number, quantity: number, value: number): void {
    this.ordersLost++;
    this.unitsLost += quantity;
    this.lostSalesCny += value;
    this.classOrdersLost[sellerClass]++;
    this.classLostSalesCny[sellerClass] += value;
  }

  /** Units on the shelf are now `units`. */
  shelfLevel(now: number, units: number): void {
    this.shelf.update(now, units);
    this.shelfMean.update(now, units);
  }

  fine(cause: number, amount: number, now: number): void {
    this.finesByCause[cause] += amount;
    this.finesHourly[cause].add(now, amount);
  }
}
