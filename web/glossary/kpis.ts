// The glossary's KPIs: for every key of a run's `kpis` (docs/results.md, "What a run reports"),
// its plain name, unit, the group it is shown in, the way a change is better, and how it is written.
import type { GlossaryEntry } from './entry.ts';

/** The KPI table's groups, in page order; `internal` rows (run bookkeeping) are not for planners. */
export const KPI_GROUPS = ['orders', 'lateness', 'fines', 'seller money', 'warehouse', 'lead times', 'internal'] as const;
export type KpiGroup = typeof KPI_GROUPS[number];

/** How a figure is written: a count of things, yuan, a share (shown as a percent), hours. */
export type KpiFigure = 'count' | 'cny' | 'share' | 'hours';

export interface KpiEntry extends GlossaryEntry {
  group: KpiGroup;
  /** Which way a change is an improvement; `neither` for sizes of the season (orders placed) and bookkeeping. */
  better: 'higher' | 'lower' | 'neither';
  figure: KpiFigure;
}

const UNITS: Record<KpiFigure, string | undefined> = { count: undefined, cny: 'CNY', share: '%', hours: 'h' };
type Row = [name: string, group: KpiGroup, better: KpiEntry['better'], figure: KpiFigure, section: string | undefined, help: string];
const entry = ([name, group, better, figure, section, help]: Row): KpiEntry =>
  ({ name, group, better, figure, unit: UNITS[figure], help, ...(section ? { section } : {}) });

/** The KPIs that are one figure each, by key. */
const SINGLE: Record<string, Row> = {
  ordersPlaced: ['Orders placed', 'orders', 'neither', 'count', 's1', 'Consumer orders placed in the season (after any warm-up), lost ones included.'],
  unitsOrdered: ['Units ordered', 'orders', 'neither', 'count', 's1', 'Units in the orders placed.'],
  gmvCny: ['GMV, gross merchandise value', 'orders', 'neither', 'cny', 'money', 'The value of every order placed, lost ones included.'],
  ordersFulfilled: ['Orders fulfilled', 'orders', 'higher', 'count', 's13', 'Orders stocked at the warehouse by the end of the season: the sale is made.'],
  ordersRejected: ['Orders rejected at QC', 'orders', 'lower', 'count', 's12', 'Orders whose goods failed quality control; their sellers are fined.'],
  ordersCancelled: ['Orders cancelled for stockout', 'orders', 'lower', 'count', 's9', 'Orders that waited for stock longer than the platform allows; cancelled and fined.'],
  ordersLost: ['Orders lost', 'orders', 'lower', 'count', 's5', 'Orders never accepted: the seller was suspended, the listing paused, not yet live or out of stock on the shelf.'],
  ordersLostPaused: ['Orders lost to paused listings', 'orders', 'lower', 'count', 's5', 'Orders lost because the seller paused a listing it had no stock for, to avoid stockout fines.'],
  ordersOpen: ['Orders still open at the end', 'orders', 'neither', 'count', 's5', 'Orders still in flight when the season ends.'],
  unitsFulfilled: ['Units fulfilled', 'orders', 'higher', 'count', 's13', 'Units in the orders fulfilled.'],
  unitsRejected: ['Units rejected at QC', 'orders', 'lower', 'count', 's12', 'Units in the orders rejected at quality control.'],
  unitsCancelled: ['Units cancelled for stockout', 'orders', 'lower', 'count', 's9', 'Units in the orders cancelled for stockout.'],
  unitsLost: ['Units lost', 'orders', 'lower', 'count', 's5', 'Units in the orders lost.'],
  unitsOpen: ['Units still open at the end', 'orders', 'neither', 'count', 's5', 'Units in the orders still in flight when the season ends.'],
  lostSalesCny: ['Sales lost', 'orders', 'lower', 'cny', 's5', 'The value of the orders lost.'],
  ordersLostBeforeLaunch: ['Orders lost before a product launched', 'orders', 'neither', 'count', 's19', 'Orders for new products placed before their launch; the same in both selling modes.'],
  ordersLostUnlisted: ['Orders lost while a new product was not yet listed', 'orders', 'lower', 'count', 's19', 'Orders for a launched product placed before its listing went live.'],
  lostSalesUnlistedCny: ['Sales lost while not yet listed', 'orders', 'lower', 'cny', 's19', 'The value of the orders lost while a launched product was not yet listed.'],
  ordersLostOutOfStock: ['Orders lost to an empty shelf', 'orders', 'lower', 'count', 's17', 'Pre-stock orders lost because the warehouse shelf held too few units.'],
  lostSalesOutOfStockCny: ['Sales lost to an empty shelf', 'orders', 'lower', 'cny', 's17', 'The value of the orders lost to an empty shelf.'],
  productsLaunched: ['New products launched', 'orders', 'neither', 'count', 's19', 'New products launched during the season.'],
  productsListed: ['New products listed', 'orders', 'higher', 'count', 's19', 'New products whose listing went live during the season.'],
  ordersShipped: ['Orders shipped', 'lateness', 'neither', 'count', 's7', 'Orders handed to the courier.'],
  ordersShippedOnTime: ['Orders shipped on time', 'lateness', 'higher', 'count', 's8', 'Orders shipped within the first lateness tier’s hours of being placed.'],
  ordersShippedLateTier1: ['Orders shipped late (tier 1)', 'lateness', 'lower', 'count', 's8', 'Orders shipped late enough for the first lateness fine, not the second.'],
  ordersShippedLateTier2: ['Orders shipped late (tier 2)', 'lateness', 'lower', 'count', 's8', 'Orders shipped late enough for the second, higher lateness fine.'],
  finesLateTier1Cny: ['Fines for late shipping (tier 1)', 'fines', 'lower', 'cny', 's8', 'Fines on orders shipped late, first tier.'],
  finesLateTier2Cny: ['Fines for late shipping (tier 2)', 'fines', 'lower', 'cny', 's8', 'Fines on orders shipped late, second tier.'],
  finesStockoutCny: ['Fines for stockouts', 'fines', 'lower', 'cny', 's9', 'Fines on orders cancelled for stockout.'],
  finesQualityCny: ['Fines for rejected goods', 'fines', 'lower', 'cny', 's12', 'Fines on orders rejected at quality control.'],
  finesTotalCny: ['Fines, all causes', 'fines', 'lower', 'cny', 's14', 'Every fine charged to sellers’ deposits.'],
  finesShareOfGmv: ['Fines as a share of GMV', 'fines', 'lower', 'share', 'money', 'All fines divided by the value of the orders placed.'],
  finesWaivedCny: ['Fines waived (force majeure)', 'fines', 'neither', 'cny', 's15', 'Fines the platform waived for disruptions outside the seller’s control.'],
  ordersFineWaived: ['Orders with a fine waived', 'fines', 'neither', 'count', 's15', 'Orders whose fine was waived for force majeure.'],
  sellersFined: ['Sellers fined', 'fines', 'lower', 'count', 's14', 'Sellers charged at least one fine.'],
  sellersDepositExhausted: ['Sellers whose deposit ran out', 'fines', 'lower', 'count', 's14', 'Sellers whose deposit balance went below zero at least once.'],
  sellersSuspended: ['Sellers suspended', 'fines', 'lower', 'count', 's14', 'Sellers suspended for not topping up their deposit; their later orders are lost.'],
  shippingCostCny: ['Shipping paid by sellers', 'seller money', 'lower', 'cny', 'money', 'What sellers paid the courier for outbound parcels.'],
  returnShippingCostCny: ['Return shipping of rejected goods', 'seller money', 'lower', 'cny', 's12', 'What sellers paid to have rejected units sent back.'],
  overstockReturnCostCny: ['Return of overstock', 'seller money', 'lower', 'cny', 's18', 'What pre-stock sellers paid for the season-end return of unsold shelf stock.'],
  returnCostCny: ['Returns, all', 'seller money', 'lower', 'cny', 'money', 'Return shipping of rejected goods plus the overstock return.'],
  holdingCostCny: ['Holding cost of stock', 'seller money', 'lower', 'cny', 'money', 'The cost of the capital tied up in goods on hand, at the seller or on the shelf.'],
  topUpsCny: ['Deposit top-ups', 'seller money', 'neither', 'cny', 's14', 'Cash sellers paid back into their deposits (not a cost: the fines are).'],
  sellerProfitMeanCny: ['Seller profit, mean', 'seller money', 'higher', 'cny', 'money', 'Revenue less goods, shipping, returns, holding and fines, averaged over sellers.'],
  sellerProfitP5Cny: ['Seller profit, worst 5%', 'seller money', 'higher', 'cny', 'money', 'The profit that 5% of sellers fall below.'],
  sellerProfitP50Cny: ['Seller profit, median', 'seller money', 'higher', 'cny', 'money', 'The profit of the middle seller.'],
  sellerProfitP95Cny: ['Seller profit, best 5%', 'seller money', 'higher', 'cny', 'money', 'The profit that 5% of sellers rise above.'],
  factoryOrders: ['Factory orders', 'seller money', 'neither', 'count', 's3', 'Replenishment orders sellers placed with their factories.'],
  unitsPurchased: ['Units bought from factories', 'seller money', 'neither', 'count', 's3', 'Units in the factory orders.'],
  parcelsShipped: ['Parcels shipped', 'warehouse', 'neither', 'count', 's7', 'Parcels handed to the courier.'],
  parcelsArrived: ['Parcels arrived', 'warehouse', 'neither', 'count', 's10', 'Parcels that reached the warehouse.'],
  parcelsReturned: ['Parcels of rejected goods returned', 'warehouse', 'lower', 'count', 's12', 'Return parcels of rejected units sent back to sellers.'],
  stockingBatches: ['Stocking batches', 'warehouse', 'neither', 'count', 's16', 'Batches pre-stock sellers sent to the warehouse shelf.'],
  unitsShelved: ['Units shelved', 'warehouse', 'neither', 'count', 's16', 'Pre-stock units put on the warehouse shelf.'],
  unitsRejectedAtStocking: ['Units rejected at stocking', 'warehouse', 'lower', 'count', 's16', 'Units of stocking batches rejected at quality control.'],
  unitsReturnedOverstock: ['Units returned as overstock', 'warehouse', 'lower', 'count', 's18', 'Unsold shelf units returned to sellers at the end of the season.'],
  receivingQueuePeakParcels: ['Receiving queue, peak', 'warehouse', 'lower', 'count', 's11', 'The most parcels waiting for receiving at any hour.'],
  qcQueuePeakParcels: ['QC queue, peak', 'warehouse', 'lower', 'count', 's12', 'The most parcels waiting for quality control at any hour.'],
  peakWeekReceivingQueuePeakParcels: ['Receiving queue, peak in the peak week', 'warehouse', 'lower', 'count', 's11', 'The most parcels waiting for receiving during the peak week.'],
  peakWeekQcQueuePeakParcels: ['QC queue, peak in the peak week', 'warehouse', 'lower', 'count', 's12', 'The most parcels waiting for quality control during the peak week.'],
  shelfOccupancyPeakUnits: ['Shelf occupancy, peak', 'warehouse', 'lower', 'count', 's18', 'The most pre-stock units on the warehouse shelf at once.'],
  shelfOccupancyMeanUnits: ['Shelf occupancy, average', 'warehouse', 'lower', 'count', 's18', 'Pre-stock units on the shelf, averaged over time.'],
  unitsAwaitingShelfPeak: ['Units waiting for shelf space, peak', 'warehouse', 'lower', 'count', 's18', 'The most stocking units held back for want of shelf space.'],
  receivingUtilisation: ['Receiving staff busy', 'warehouse', 'neither', 'share', 's11', 'Busy staff-hours over rostered staff-hours at receiving.'],
  qcUtilisation: ['QC staff busy', 'warehouse', 'neither', 'share', 's12', 'Busy staff-hours over rostered staff-hours at quality control.'],
  peakWeekStartHours: ['Peak week starts (hour of season)', 'internal', 'neither', 'hours', 's1', 'Hours from the season start to the first day of the peak week (the 7 days with the most expected orders).'],
  events: ['Simulation events', 'internal', 'neither', 'count', undefined, 'Events the simulator processed: a measure of work, not of the business.'],
  warmUpHours: ['Warm-up', 'internal', 'neither', 'hours', undefined, 'Hours at the start left out of the statistics.'],
};

/** Durations reported as mean, P50, P95 and P99 (`<stem>MeanHours`…): [stem, plain name, section, what is measured]. */
const DURATIONS: [string, string, string, string][] = [
  ['shipDelay', 'Ship delay', 's7', 'from an order being placed to its parcel leaving the seller'],
  ['transit', 'Transit', 's10', 'of a parcel with the courier, from pickup to the warehouse'],
  ['receivingWait', 'Wait for receiving', 's11', 'of a parcel in the receiving queue'],
  ['qcWait', 'Wait for QC', 's12', 'of a parcel in the quality-control queue'],
  ['dockToStock', 'Dock-to-stock', 's13', 'from a parcel’s arrival at the warehouse to its goods on the shelf'],
  ['orderToStock', 'Order-to-stock', 's13', 'from an order being placed to its goods stocked at the warehouse'],
  ['peakWeekDockToStock', 'Dock-to-stock in the peak week', 's13', 'from arrival to stocking, of parcels arriving in the peak week'],
  ['listingLeadTime', 'Listing lead time', 's19', 'from a new product’s launch to its listing going live'],
];
const STATISTICS: [string, string, string][] = [
  ['Mean', 'mean', 'The average time'],
  ['P50', 'median', 'The time half are within'],
  ['P95', '95th percentile', 'The time 95% are within'],
  ['P99', '99th percentile', 'The time 99% are within'],
];

/** Every KPI of a run's summary, by its key. */
export const KPIS: Record<string, KpiEntry> = {
  ...Object.fromEntries(Object.entries(SINGLE).map(([key, row]) => [key, entry(row)])),
  ...Object.fromEntries(DURATIONS.flatMap(([stem, name, section, what]) => STATISTICS.map(([stat, statName, lead]) =>
    [`${stem}${stat}Hours`, entry([`${name}, ${statName}`, 'lead times', 'lower', 'hours', section, `${lead}, ${what}.`])]))),
};
