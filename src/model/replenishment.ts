// Replenishment (docs/model.md §3, §16): each SKU's (s, S) is planned every midnight from its forecast
// over the days ahead, by its class's policy, and its inventory position (on hand + on order −
// backordered) is reviewed continuously: at or below s, the seller orders up to S from the factory
// (JIT), or asks to stock a batch on the warehouse shelf (pre-stock: on hand is then the shelf and
// on order every unit on its way there).
//  - serviceLevel: s is the cycleServiceLevel-quantile of the SKU's demand over a factory lead
//    time (lead-time-demand.ts, from a table built once per run), S = s + max(cycleDays of
//    forecast units, the 99th percentile of one order's quantity);
//  - sS: s and S are reorderDays and orderUpToDays of forecast units;
//  - makeToOrder: no stock; each order not served from stock orders its own quantity (allocation.ts).
import { LeadTimeDemandTable, orderQuantityQuantile, type LeadTime } from './lead-time-demand.ts';
import { prestockLeadTime } from './prestock-lead-time.ts';
import { isPrestock, moveStock, type Market } from './state.ts';

export interface Replenishment {
  /** Plans today's (s, S) for every SKU; with `review`, reviews each as soon as it is planned (one pass over the SKUs). */
  plan(day: number, review?: boolean): void;
  /** Plans one SKU's (s, S) for today, now (a product just launched or listed). */
  planSku(sku: number): void;
  review(sku: number): void;
  /** Each SKU on sale from the start begins at its order-up-to level: at the seller under JIT; under
   * pre-stock on the shelf, its first batch capped at initialCap (§16). None under make-to-order. */
  stockUp(): void;
}

/** Today's forecast for one class: the lead-time demand rate (orders a day), and s and S in platform orders. */
interface Ahead { rate: number; s: number; S: number }

export function replenishment(m: Market): Replenishment {
  const { sim, world, stock, handoffs, listedAt, launches } = m;
  const { expectedOrdersTo } = world;

  const { meanQuantity } = m.scenario.demand;
  // A JIT seller waits for its factory; a pre-stock seller for approval, the factory and the trip to the shelf.
  const factoryLead = m.scenario.factories.leadTime;
  const prestockLead = world.classes.some((c) => c.prestock) ? prestockLeadTime(m.scenario) : factoryLead;
  const leadTimes = world.classes.map((c) => (c.prestock ? prestockLead : factoryLead));
  /** One large order: a slow SKU's order-up-to level covers it, or a whole order would wait. */
  const largeOrder = orderQuantityQuantile(meanQuantity, 0.99);
  let maxShare = 0;
  for (let sku = 0; sku < world.skuCount; sku++) maxShare = Math.max(maxShare, world.skuShare[sku]);
  let maxDay = 0;
  for (const x of world.expectedOrdersByDay) maxDay = Math.max(maxDay, x);
  // A little above the highest rate a SKU can be forecast, so that rounding in the forecast never
  // leaves the table (whose entries do not depend on how far it was built: tables are shared).
  const maxRate = maxShare * maxDay * 1.001 + 1e-9;
  const tables = world.classes.map((c, i) =>
    c.stocking.policy === 'serviceLevel' ? reorderTable(leadTimes[i], meanQuantity, c.stocking.cycleServiceLevel, maxRate) : null);
  let plannedDay = -1;
  let ahead: (Ahead | null)[] = [];

  /** Each class's forecast for `day`, worked out once a day. */
  function forecast(day: number): (Ahead | null)[] {
    if (day === plannedDay) return ahead;
    plannedDay = day;
    ahead = world.classes.map((c, i) => {
      const p = c.stocking;
      if (p.policy === 'serviceLevel') {
        // Lead-time demand is forecast over the next p90 lead time.
        const leadDays = leadTimes[i].p90Hours / 24;
        return { rate: (expectedOrdersTo(day + leadDays) - expectedOrdersTo(day)) / leadDays, S: expectedOrdersTo(day + p.cycleDays) - expectedOrdersTo(day), s: 0 };
      }
      if (p.policy === 'sS') {
        return { rate: 0, s: expectedOrdersTo(day + p.reorderDays) - expectedOrdersTo(day), S: expectedOrdersTo(day + p.orderUpToDays) - expectedOrdersTo(day) };
      }
      return null;
    });
    return ahead;
  }

  /** A catalogue SKU's own lead time (serviceLevel policy): its lead-time demand law and forecast horizon. */
  const ownLaws = new Map<number, { table: LeadTimeDemandTable; leadDays: number }>();
  function ownLaw(sku: number, c: number): { table: LeadTimeDemandTable; leadDays: number } | undefined {
    const own = world.skuLeadTime?.[sku];
    const p = world.classes[c].stocking;
    if (!own || p.policy !== 'serviceLevel') return undefined;
    let law = ownLaws.get(sku);
    if (!law) {
      const factory = { medianHours: own.medianHours, p90Hours: own.p90Hours };
      const lead = world.classes[c].prestock ? prestockLeadTime({ ...m.scenario, factories: { ...m.scenario.factories, leadTime: factory } }) : factory;
      law = { table: reorderTable(lead, meanQuantity, p.cycleServiceLevel, maxRate), leadDays: lead.p90Hours / 24 };
      ownLaws.set(sku, law);
    }
    return law;
  }

  function setLevels(sku: number, a: (Ahead | null)[]): void {
    const fixed = world.skuStocking?.reorderPoint[sku] ?? -1;
    if (fixed >= 0) { stock.setLevels(sku, fixed, world.skuStocking!.orderUpTo[sku]); return; }
    const c = world.sellerClass[world.skuSeller[sku]];
    const f = a[c];
    if (f === null) { stock.setLevels(sku, -1, 0); return; }
    const share = world.skuShare[sku];
    const own = world.skuLeadTime ? ownLaw(sku, c) : undefined;
    const table = own ? own.table : tables[c];
    if (table) {
      const day = Math.floor(sim.now / 24);
      const rate = own ? (expectedOrdersTo(day + own.leadDays) - expectedOrdersTo(day)) / own.leadDays : f.rate;
      const reorder = table.at(share * rate);
      stock.setLevels(sku, reorder, reorder + Math.max(Math.ceil(share * meanQuantity * f.S), largeOrder));
    } else {
      // (s, S) in days: s rounded up, so a SKU with any demand keeps a unit; S stays above s.
      const units = share * meanQuantity;
      const reorder = Math.ceil(units * f.s);
      stock.setLevels(sku, reorder, Math.max(reorder + 1, Math.ceil(units * f.S)));
    }
  }

  /** Every SKU's (s, S) for the day; with `andReview`, each SKU is reviewed as soon as it is planned. */
  function plan(day: number, andReview = false): void {
    const a = forecast(day);
    for (let sku = 0; sku < world.skuCount; sku++) {
      setLevels(sku, a);
      // Reviewing SKU by SKU in index order is what a separate pass would do: only this SKU's
      // levels matter to its review, and factory orders are placed in the same order.
      if (andReview) review(sku);
    }
  }

  /**
   * At or below s, order up to S: from the factory (JIT), or as a stocking batch (pre-stock). A
   * product is not reviewed before its launch (JIT) or before its first batch is on the shelf
   * (pre-stock: later batches wait for its quality record).
   */
  function review(sku: number): void {
    const reorder = stock.reorderLevel(sku);
    const position = stock.position(sku);
    if (position > reorder || reorder < 0) return;
    const prestock = isPrestock(m, sku);
    if (sim.now < (prestock ? listedAt[sku] : launches.launchAt[sku])) return;
    const quantity = stock.orderUpTo(sku) - position;
    if (quantity <= 0) return;
    if (prestock) handoffs.requestBatch(sku, quantity, false);
    else handoffs.orderFromFactory(sku, quantity);
  }

  function stockUp(): void {
    plan(0);
    const { initialCap } = m.scenario.prestock;
    for (let sku = 0; sku < world.skuCount; sku++) {
      if (launches.launchAt[sku] > 0) continue;
      // A catalogue's opening stock is what is there now: at the seller, or already on the shelf.
      const opening = world.skuStocking?.openingStock[sku] ?? -1;
      const units = opening >= 0 ? opening : stock.reorderLevel(sku) < 0 ? 0 : stock.orderUpTo(sku);
      if (isPrestock(m, sku)) {
        const first = opening >= 0 ? opening : Math.min(units, initialCap);
        moveStock(m, sku, first);
        m.flows.initialShelf += first;
      } else {
        moveStock(m, sku, units);
        m.flows.initialStock += units;
      }
    }
  }

  return { plan, planSku: (sku) => setLevels(sku, forecast(Math.floor(sim.now / 24))), review, stockUp };
}

/**
 * Reorder-point tables depend only on their inputs, so one built for a (lead time, quantity,
 * level) serves every replication run in this worker that needs no higher rate.
 */
const tableCache = new Map<string, { maxRate: number; table: LeadTimeDemandTable }>();

function reorderTable(leadTime: LeadTime, meanQuantity: number, level: number, maxRate: number): LeadTimeDemandTable {
  const key = `${leadTime.medianHours}/${leadTime.p90Hours}/${meanQuantity}/${level}`;
  const cached = tableCache.get(key);
  if (cached && cached.maxRate >= maxRate) return cached.table;
  const table = new LeadTimeDemandTable(leadTime, meanQuantity, level, maxRate);
  tableCache.set(key, { maxRate, table });
  return table;
}
