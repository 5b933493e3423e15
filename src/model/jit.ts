// The market model (docs/model.md): builds one replication's shared state and wires the stage
// modules together, in the order an order meets them — demand, listing, allocation, stockout,
// replenishment and factory, packing, pickup with lateness and the courier, receiving, QC,
// put-away — with the deposit taking every fine; a pre-stock class's orders go to the shelf
// instead, filled by stocking batches (approval, then the same packing, courier and warehouse),
// with the overstock return at season end. The rules live in the stages, not here.
import { Simulation } from '../engine/index.ts';
import type { JitRunOptions, SetupListener } from './run-options.ts';
import { SIZE_CLASSES, type Scenario } from '../scenario/types.ts';
import { allocation } from './allocation.ts';
import { approval } from './approval.ts';
import { transit } from './courier.ts';
import { day } from './day.ts';
import { demand, type Demand } from './demand.ts';
import { deposit } from './deposit.ts';
import { productionDone } from './disruptions.ts';
import { factory, type Factory } from './factory.ts';
import { InflowRecorder } from './inflow.ts';
import { lateness } from './lateness.ts';
import { listing, type Listing } from './listing.ts';
import { packing, type Packing } from './packing.ts';
import { pickup } from './pickup.ts';
import { putAway } from './put-away.ts';
import { qc, type Qc } from './qc.ts';
import { receiving, type Receiving } from './receiving.ts';
import { replenishment } from './replenishment.ts';
import { buildResult, type RunResult } from './result.ts';
import { returns, type ReturnOverstock } from './returns.ts';
import { shelf, type Shelf } from './shelf.ts';
import { createMarket, isPrestock, moveStock, type Market } from './state.ts';
import { stockout } from './stockout.ts';
import { restoreMarket, saveMarket, type MarketState } from './snapshot.ts';
import { SellerWatch } from './seller-watch.ts';
import { OrderTrace } from './trace.ts';
import { finishTrace } from './trace-end.ts';
import { warmUp, type WarmUp } from './warm-up.ts';

export type { JitRunOptions };

/** Runs one replication of a scenario, each seller class in its mode (JIT or pre-stock). */
export function runJit(scenario: Scenario, options: JitRunOptions): RunResult {
  const model = new JitModel(scenario, options.seed, options.replication, options.onSetup);
  if (options.warmUpHours) model.warmUpAt(options.warmUpHours);
  if (options.recordInflow) model.recordInflow();
  if (options.trace) model.traceTo(options.trace);
  if (options.startFrom) model.restoreState(options.startFrom);
  if (options.watchSeller !== undefined) model.watch(options.watchSeller);
  if (options.saveStateAt === undefined) return model.run(options.onDay);
  model.runTo(options.saveStateAt);
  const state = model.saveState();
  return Object.assign(model.run(options.onDay), { state });
}

/** One replication: its state (`market`), its stages, and the few entry points tests and what-ifs need. */
export class JitModel {
  readonly sim: Simulation;
  readonly market: Market;
  readonly packing: Packing;
  readonly factory: Factory;
  readonly receiving: Receiving;
  readonly qc: Qc;
  private readonly demand: Demand;
  private readonly warmUp: WarmUp;
  readonly shelf: Shelf;
  private readonly day: { start(): void };
  private readonly listing: Listing;
  private readonly returnOverstock: ReturnOverstock;
  private parcelAtQc = -1;
  private started = false;
  private watcher: SellerWatch | null = null;

  constructor(scenario: Scenario, seed: number, replication: number, onSetup?: SetupListener) {
    const sim = (this.sim = new Simulation({ seed, replication }));
    const m = (this.market = createMarket(scenario, sim, onSetup));
    this.demand = demand(m);
    const allocate = allocation(m);
    const stockouts = stockout(m);
    const restock = replenishment(m);
    this.factory = factory(m);
    this.packing = packing(m);
    const send = transit(m);
    const pickups = pickup(m, this.packing, lateness(m), send);
    const fine = deposit(m);
    this.receiving = receiving(m);
    this.qc = qc(m);
    const stock = putAway(m);
    this.shelf = shelf(m);
    this.listing = listing(m);
    this.returnOverstock = returns(m, this.shelf);
    this.warmUp = warmUp(m, [this.receiving.staff, this.qc.staff]);
    this.day = day(m, { closeDay: this.packing.closeDay, plan: restock.plan, openKind: this.packing.openKind, pickupKind: pickups.pickupKind });
    Object.assign(m.handoffs, {
      acceptOrder: allocate.acceptOrder,
      serveBackorders: allocate.serveBackorders,
      backordered: stockouts.backordered,
      review: restock.review,
      orderFromFactory: this.factory.orderFromFactory,
      reserve: this.packing.reserve,
      accepted: this.packing.accepted,
      fine,
      arrive: this.receiving.arrive,
      joinQc: this.qc.joinQc,
      putAway: stock,
      planSku: restock.planSku,
      requestBatch: approval(m),
      sell: this.shelf.sell,
      shelve: this.shelf.shelve,
      firstStocked: this.listing.firstStocked,
    } satisfies Market['handoffs']);
    restock.stockUp();
    this.shelf.start();
  }

  get world() {
    return this.market.world;
  }

  /** Discards statistics before `hours`: counters count from then, distributions restart. */
  warmUpAt(hours: number): void {
    this.warmUp.at(hours);
  }

  /** Records every parcel that reaches the warehouse into the result (result.inflow). */
  recordInflow(): void {
    const { warehouse } = this.market.scenario;
    this.market.inflow = new InflowRecorder(warehouse.putawayHours, warehouse.qc);
  }

  /** Tells every order's story, and each seller's at the end, to the sink `makeSink` gives. */
  traceTo(makeSink: NonNullable<JitRunOptions['trace']>): void {
    const m = this.market;
    m.trace = new OrderTrace(makeSink(m.world, m.causes), m.causes.length, m.world.sellerCount, m.scenario.rules.depositCny);
  }

  /** Sets a SKU's stock on hand before the run (a what-if starting position): at its seller under JIT, on the shelf under pre-stock. */
  setStock(sku: number, units: number): void {
    const { stock, flows } = this.market;
    const delta = units - stock.onHand(sku);
    if (isPrestock(this.market, sku)) {
      flows.initialShelf += delta;
      this.shelf.changed(delta);
    } else flows.initialStock += delta;
    moveStock(this.market, sku, delta);
  }

  /** A scripted order, on top of (or instead of, with ordersPerDay 0) the random demand. */
  scheduleOrder(time: number, sku: number, quantity: number): void {
    this.demand.scheduleOrder(time, sku, quantity);
  }

  /** A parcel of `units` units with no orders put straight into the QC line at `time` (QC alone, against theory). */
  scheduleParcelAtQc(time: number, units: number): void {
    const { sim, parcels } = this.market;
    if (this.parcelAtQc < 0) this.parcelAtQc = sim.on((u) => this.qc.joinQc(parcels.open(0, -1, u)));
    sim.scheduleAt(time, this.parcelAtQc, units);
  }

  /** When production of `work` hours started at `start` is done at the factory of `sku` (§4). */
  productionDone(sku: number, start: number, work: number): number {
    return productionDone(this.market.world.blocked, sku, start, work);
  }

  /** Puts the season's first events on the calendar, once (a restored model has them already). */
  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.day.start();
    this.listing.start();
    this.demand.start();
  }

  /** Runs up to `hours` from the season's start and stops there, to save the state (snapshot.ts). */
  runTo(hours: number): void {
    if (!(hours >= this.sim.now && hours <= this.market.world.horizon)) {
      throw new RangeError(`runTo: expected a time from now (${this.sim.now} h) to the horizon (${this.market.world.horizon} h), got ${hours}`);
    }
    this.begin();
    this.sim.run({ until: hours });
  }

  /** The whole state now: between runTo and run, or before either. */
  saveState(): MarketState {
    this.begin();
    return saveMarket(this.market);
  }

  /** Continues from a saved state of a model built from the same scenario, seed and replication. */
  restoreState(state: MarketState): void {
    restoreMarket(this.market, state);
    this.started = true;
  }

  /** Reads `seller` at the end of every hour from now on (result.seller). */
  watch(seller: number): void {
    this.watcher = new SellerWatch(this.market, seller);
  }

  /** Runs to the horizon (from where the model stands) and returns the result. */
  run(onDay?: JitRunOptions['onDay']): RunResult {
    const { sim, market: m } = this;
    this.begin();
    for (let d = Math.floor(sim.now / 24) + 1; d <= m.world.days; d++) {
      if (this.watcher) this.watcher.runTo(d * 24);
      else sim.run({ until: d * 24 });
      if (onDay && onDay(d, sim.eventsFired) === false) break;
    }
    if (sim.now >= m.world.horizon) this.returnOverstock();
    const counted = this.warmUp.finish();
    if (m.trace) finishTrace(m, m.trace, counted.sellers);
    const result = buildResult({
      ledger: m.ledger,
      counted,
      sellerCount: m.world.sellerCount,
      horizon: m.world.horizon,
      now: sim.now,
      events: sim.eventsFired,
      receiving: this.receiving.staff,
      qc: this.qc.staff,
      receivingRoster: m.world.receivingRoster,
      receivingPerClerkHour: this.receiving.perClerkHour,
      qcRoster: m.world.qcRoster,
      classes: SIZE_CLASSES.map((name, c) => ({ name, ...m.world.classRange[c], mode: m.scenario.sellers.classes[name].mode })),
      peakWeek: m.world.peakWeek,
      unitsAwaitingShelfPeak: this.shelf.awaitingPeak,
    });
    if (m.inflow) result.inflow = m.inflow.finish(this.receiving.nextServiceTime);
    if (this.watcher) result.seller = this.watcher.series;
    return result;
  }
}
