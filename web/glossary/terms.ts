// The glossary's terms: words the page uses that a planner or seller may not know, each with a
// one-sentence help and the section of docs/model.md (or none: docs/results.md) that defines it.
import type { GlossaryEntry } from './entry.ts';

export const TERMS: Record<string, GlossaryEntry> = {
  jit: { name: 'JIT (just-in-time pre-sale)', help: 'A product is listed before it is stocked; when it is ordered the seller packs it and the courier carries it to the warehouse.', section: 's5' },
  prestock: { name: 'Pre-stock', help: 'The older model: sellers send stock to the warehouse shelf ahead of orders, and orders are served from the shelf.', section: 's16' },
  deposit: { name: 'Deposit', unit: 'CNY', help: 'Money each seller keeps with the platform; every fine comes off it, and it may go below zero.', section: 's14' },
  topUp: { name: 'Top-up', unit: 'CNY', help: 'A seller whose deposit went below zero pays it back up to the full amount, or is suspended.', section: 's14' },
  suspension: { name: 'Suspension', help: 'A seller that does not top up its deposit is suspended for the rest of the season: its new orders are lost.', section: 's14' },
  lateness: { name: 'Lateness tiers', help: 'An order shipped later than a tier’s hours after it was placed is fined a multiple of its value; the highest tier passed applies.', section: 's8' },
  stockout: { name: 'Stockout', help: 'An order that waits for stock longer than the platform allows is cancelled and fined.', section: 's9' },
  shipDelay: { name: 'Ship delay', unit: 'h', help: 'From an order being placed to its parcel leaving the seller with the courier.', section: 's7' },
  dockToStock: { name: 'Dock-to-stock', unit: 'h', help: 'From a parcel’s arrival at the warehouse dock to its goods on the shelf: receiving, QC and put-away, waits included.', section: 's13' },
  orderToStock: { name: 'Order-to-stock', unit: 'h', help: 'From an order being placed to its goods stocked at the warehouse.', section: 's13' },
  receiving: { name: 'Receiving', help: 'Unloading and scanning parcels at the warehouse, one parcel per staff member at a time.', section: 's11' },
  qc: { name: 'QC (quality control)', help: 'Inspection of each parcel after receiving; defective orders are rejected and fined.', section: 's12' },
  roster: { name: 'Roster', help: 'Staff on duty at a station for each hour of the day (24 numbers), the same every day unless a surge replaces it.', section: 's11' },
  surge: { name: 'Surge', help: 'Whole days (from–to) on which a station’s roster is replaced: surge staff are totals on duty, not extra staff.', section: 's11' },
  peakWeek: { name: 'Peak week', help: 'The 7 days with the most expected orders by the demand curve; Black Friday week by default.', section: 's1' },
  gmv: { name: 'GMV', unit: 'CNY', help: 'Gross merchandise value: the value of every order placed, lost ones included.', section: 'money' },
  sellerProfit: { name: 'Seller profit', unit: 'CNY', help: 'Revenue less cost of goods, shipping, returns, holding and fines.', section: 'money' },
  replication: { name: 'Replication', help: 'One run of the whole season with its own random draws; the figures shown are means over replications.' },
  seed: { name: 'Seed', help: 'Fixes every random draw: the same scenario, seed and replications give the same figures.' },
  interval: { name: '95% interval', help: 'The range that holds the true mean with 95% confidence, given as ± half its width; more replications narrow it.' },
  baseline: { name: 'Baseline', help: 'The scenario the others are measured against: each difference reads change − baseline.' },
  paired: { name: 'Paired difference', help: 'Replication i of one scenario set against replication i of the other, which sees the same random demand (common random numbers), so small differences show.' },
  significant: { name: 'Significant', help: 'A difference whose 95% interval excludes 0: unlikely to be chance.' },
  warmUp: { name: 'Warm-up', unit: 'h', help: 'Hours at the start of the season left out of the statistics, while queues fill from empty.' },
  percentile: { name: 'P50, P95, P99', help: 'The value that 50%, 95% or 99% of cases are within: P50 is the median.' },
};
