// The shared state every stage module works on (docs/code-layout.md): the
// simulation, the static world, the records in flight, seller stock and books, the ledger, and
// the hand-offs through which one stage passes work to the next. jit.ts builds it and wires the
// hand-offs: stages import from each other only types and a few pure helpers, never each other's
// work, so the model has no import circle.
import type { Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { fineCauses, type FineCause } from './fine-causes.ts';
import type { InflowRecorder } from './inflow.ts';
import { Ledger } from './ledger.ts';
import { newProducts, type NewProducts } from './new-products.ts';
import { Orders, Parcels } from './records.ts';
import { SellerBooks } from './seller-books.ts';
import { SkuStock } from './stock.ts';
import type { OrderTrace } from './trace.ts';
import { buildWorld, type SetupListener, type World } from './world.ts';

/** The calls from one stage into another, each implemented by the module named beside it. */
export interface Handoffs {
  /** allocation.ts: an order for `quantity` units of `sku` at `unitValue` CNY each now (§5). */
  acceptOrder(sku: number, quantity: number, unitValue: number): void;
  /** allocation.ts: stock arrived or the line moved: reserve backorders oldest first (§5). */
  serveBackorders(sku: number): void;
  /** stockout.ts: an order joined its SKU's backorder line; its cancellation clock starts (§9). */
  backordered(order: number): void;
  /** replenishment.ts: review the SKU's inventory position against (s, S) (§3). */
  review(sku: number): void;
  /** factory.ts: order `quantity` units of `sku` from its factory now (§3, §4). */
  orderFromFactory(sku: number, quantity: number): void;
  /** packing.ts: a reserved order joins its seller's packing line (§6). */
  reserve(order: number): void;
  /** packing.ts: the seller accepted an order today; its packers are planned from these (§6). */
  accepted(seller: number): void;
  /** deposit.ts: a fine of `cny` for `cause` on order `order` of `seller`, assessed now (§14). */
  fine(order: number, seller: number, cause: number, cny: number): void;
  /** replenishment.ts: today's (s, S) of one SKU, now (a product just launched or listed). */
  planSku(sku: number): void;
  /** approval.ts: a pre-stock seller asks to stock `quantity` units of `sku` (§16); `launchStock` batches need no production. */
  requestBatch(sku: number, quantity: number, launchStock: boolean): void;
  /** shelf.ts: a pre-stock order of `quantity` units worth `value` is served from the shelf now, or lost (§17). */
  sell(sku: number, quantity: number, value: number): void;
  /** shelf.ts: an inspected stocking batch goes on the shelf now, or waits for room (§18). */
  shelve(batch: number): void;
  /** listing.ts: a pre-stock product's first batch is on the shelf: its listing goes live (§19). */
  firstStocked(sku: number): void;
  /** receiving.ts: a parcel reaches the warehouse (§11). */
  arrive(parcel: number): void;
  /** qc.ts: a received parcel joins the QC line (§12). */
  joinQc(parcel: number): void;
  /** put-away.ts: an inspected parcel's accepted orders are stocked at `at` (§13). */
  putAway(parcel: number, at: number): void;
}

/**
 * Units moved, for the conservation checks. JIT seller stock: start + launch stock + delivered =
 * on hand + taken for orders. The pre-stock shelf: start + shelved = on the shelf + sold + returned.
 * Stocking batches: units requested = shelved + rejected at QC + still on their way. Factories:
 * units purchased = delivered to JIT sellers + in production for them + produced for batches.
 */
export interface StockFlows {
  initialStock: number;
  launchStock: number;
  unitsFromStock: number;
  unitsDelivered: number;
  initialShelf: number;
  unitsBatched: number;
  unitsSoldFromShelf: number;
  unitsProducedForShelf: number;
}

export interface Market {
  readonly sim: Simulation;
  readonly world: World;
  readonly scenario: Scenario;
  readonly causes: readonly FineCause[];
  readonly ledger: Ledger;
  readonly orders: Orders;
  readonly parcels: Parcels;
  readonly stock: SkuStock;
  readonly books: SellerBooks;
  readonly flows: StockFlows;
  /** Products launched in the season (new-products.ts). */
  readonly launches: NewProducts;
  /**
   * Per SKU, from when its listing is live (listing.ts): 0 for a product on sale from the start,
   * launch + vetting for a new JIT product, Infinity for a new pre-stock product until its first batch is on the shelf.
   */
  readonly listedAt: Float64Array;
  readonly handoffs: Handoffs;
  /** The warm-up's time while it is still ahead, −1 otherwise (statistics restart there). */
  warmUpPending: number;
  /** Records what reaches the warehouse, for the staffing planner; null when not asked for. */
  inflow: InflowRecorder | null;
  /** Tells every order's story to a sink (trace.ts); null when no trace is asked for. */
  trace: OrderTrace | null;
  /** What each stage keeps between events beyond the shared records, by stage: saved and restored with the market (snapshot.ts). */
  readonly kept: Map<string, Kept>;
}

/** A stage's own state: an object whose fields are the state, or one that saves and restores itself (a Resource). */
export type Kept = object | { saveState(): unknown; restoreState(state: never): void };

/** The state of a replication before any stage runs; `handoffs` is filled in by the wiring. */
export function createMarket(scenario: Scenario, sim: Simulation, onSetup?: SetupListener): Market {
  const world = buildWorld(scenario, sim, onSetup);
  const causes = fineCauses(scenario.rules);
  const launches = newProducts(scenario, sim, world.layout, world.horizon);
  return {
    sim,
    world,
    scenario,
    causes,
    ledger: new Ledger(world.horizon, causes, world.classes.length, world.sellerCount),
    orders: new Orders(1024),
    parcels: new Parcels(256),
    stock: new SkuStock(world.skuSeller),
    books: new SellerBooks(world.sellerCount, causes.length, scenario.rules.depositCny),
    flows: { initialStock: 0, launchStock: 0, unitsFromStock: 0, unitsDelivered: 0, initialShelf: 0, unitsBatched: 0, unitsSoldFromShelf: 0, unitsProducedForShelf: 0 },
    launches,
    listedAt: new Float64Array(world.skuCount),
    handoffs: {} as Handoffs,
    warmUpPending: -1,
    inflow: null,
    trace: null,
    kept: new Map(),
  };
}

/** True if the SKU's seller sells from the warehouse shelf (pre-stock). */
export function isPrestock(m: Market, sku: number): boolean {
  return m.world.classes[m.world.sellerClass[m.stock.seller(sku)]].prestock;
}

/** Moves a SKU's stock on hand by `delta` units, keeping its seller's goods-held integral (holding cost). */
export function moveStock(m: Market, sku: number, delta: number): void {
  m.books.holdGoods(m.stock.seller(sku), delta * m.world.unitValue[sku] * m.scenario.factories.cogsRatio, m.sim.now);
  m.stock.addOnHand(sku, delta);
}

/**
 * An order ends at `at` (fulfilled, rejected or cancelled: trace.ts's outcome) or a batch is done:
 * its total fine is recorded and its slot freed.
 */
export function closeOrder(m: Market, o: number, outcome: number, at = m.sim.now): void {
  const { orders } = m;
  m.trace?.ended(o, outcome, at, orders.placedAt(o), orders.seller(o), orders.sku(o), orders.quantity(o), orders.value(o));
  const fines = orders.fines(o);
  if (fines > 0) m.ledger.finePerFinedOrder.add(fines);
  m.orders.free(o);
}
