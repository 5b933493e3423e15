// The glossary's chart series: the plain name of every line, band, bar and key label the result
// charts show (web/charts/*.ts), with its unit and a one-sentence help; charts read their legends
// and axis titles from here, so that a series has one name wherever it appears; a series that is also a term is that term's entry.
import type { GlossaryEntry } from './entry.ts';
import { TERMS } from './terms.ts';

export const SERIES = {
  receivingQueue: { name: 'Receiving queue', unit: 'parcels', help: 'Parcels at the warehouse waiting for a receiving clerk, at the end of each hour.', section: 's11' },
  qcQueue: { name: 'QC queue', unit: 'parcels', help: 'Received parcels waiting for quality control, at the end of each hour.', section: 's12' },
  receivingStaff: { name: 'Receiving staff on duty', unit: 'staff', help: 'Clerks on duty at receiving in that hour, by the roster or a surge.', section: 's11' },
  qcStaff: { name: 'QC staff on duty', unit: 'staff', help: 'Inspectors on duty at QC in that hour, by the roster or a surge.', section: 's12' },
  parcelsArriving: { name: 'Parcels arriving', unit: 'parcels/h', help: 'Parcels the courier delivers to the warehouse dock in the hour.', section: 's10' },
  receivingCapacity: { name: 'Receiving capacity', unit: 'parcels/h', help: 'Parcels an hour the receiving staff on duty can handle: staff × 60 ÷ the mean receiving minutes.', section: 's11' },
  shelfUnits: { name: 'Units on the shelf', unit: 'units', help: 'Pre-stock sellers’ units on the warehouse shelf waiting to sell, at the end of each hour.', section: 's18' },
  shipDelay: TERMS.shipDelay,
  transit: { name: 'Transit', unit: 'h', help: 'From the courier’s pickup to the parcel’s arrival at the warehouse.', section: 's10' },
  dockToStock: TERMS.dockToStock,
  orderToStock: TERMS.orderToStock,
  shareDone: { name: 'Share of orders done', unit: '%', help: 'The share of orders whose step took no longer than the hours on the x axis.' },
  lateTier: { name: 'Lateness tier', unit: 'h', help: 'Hours after an order is placed beyond which a late shipment is fined.', section: 's8' },
  finesPerSeller: { name: 'Season fines per seller', unit: 'CNY', help: 'All fines one seller paid over the season: lateness, stockout, quality and pre-stock stockout.', section: 's14' },
  fineCause: { name: 'Fine cause', help: 'What the fine was for; a bar is split by each cause’s share of the fines of the sellers in it.', section: 's8' },
  noFine: { name: 'No fine', help: 'Sellers who paid no fine all season.' },
  deposit: TERMS.deposit,
  profitPerSeller: { name: 'Season profit per seller', unit: 'CNY', help: 'Revenue less cost of goods, shipping, returns, holding and fines, for one seller over the season.', section: 'money' },
  profitGain: { name: 'Sellers in profit', help: 'Sellers whose season profit is above zero.', section: 'money' },
  profitLoss: { name: 'Sellers at a loss', help: 'Sellers whose season profit is below zero.', section: 'money' },
  breakEven: { name: 'Break-even (within 1 CNY)', help: 'Sellers who neither gained nor lost a whole yuan.', section: 'money' },
  sellersPerBand: { name: 'Sellers, mean per replication', unit: 'sellers', help: 'Sellers in the band, summed over replications and divided by their number, so it may be fractional.' },
  replicationsPerBand: { name: 'Replications', unit: 'replications', help: 'With one seller: the replications in which its season total fell in the band.' },
  ordersPlaced: { name: 'Orders placed', unit: 'orders/day', help: 'Consumer orders placed on the China day, mean per replication.', section: 's1' },
  activeSellers: { name: 'Sellers active', unit: 'sellers', help: 'Sellers who accepted at least one order on the China day, mean per replication.', section: 's2' },
  sellersSuspended: { name: 'Sellers suspended', unit: 'sellers', help: 'Sellers suspended at the end of the China day, mean per replication.', section: 's14' },
  band: { name: 'P5–P95 band', help: 'Across replications: 5% of them lie below the band and 5% above.' },
  scenarioA: { name: 'A', help: 'The scenario in the editor: solid lines and filled bars.' },
  scenarioB: { name: 'B', help: 'The scenario compared: dashed lines in a paler tone, dashed outlines on bars.' },
} satisfies Record<string, GlossaryEntry>;

export type SeriesKey = keyof typeof SERIES;

/** A series' plain name: "Receiving queue". */
export const seriesName = (key: SeriesKey): string => SERIES[key].name;

/** A series' plain name with its unit, for an axis title: "Parcels arriving (parcels/h)". */
export function seriesTitle(key: SeriesKey): string {
  const e: GlossaryEntry = SERIES[key];
  return e.unit ? `${e.name} (${e.unit})` : e.name;
}
