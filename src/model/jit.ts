// The JIT pre-sale model (MODEL.md §1–14) on the engine's callback path: orders arrive, are
// reserved from seller stock or wait as backorders, are packed inside working hours, leave with
// SF pickups, cross to Zhaoqing, queue for receiving and QC, and are stocked or rejected; fines
// come off each seller's deposit. Entities live in typed-array pools; nothing is allocated per event.
import { Simulation, Resource, PoissonArrivals, type RandomStream, pow } from '../engine/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { buildWorld, draw, type World } from './world.ts';
import { finishWithinHours } from './curves.ts';
import { FactoryOrders, FINES, NEXT, OrderLines, Orders, PACKED_AT, Parcels, PLACED_AT, QUANTITY, SELLER, SKU, VALUE } from './pool.ts';
import { SkuStock } from './stock.ts';
import { Deadlines } from './deadlines.ts';
import { Ledger } from './ledger.ts';
import { buildResult, type RunResult } from './result.ts';

export interface JitRunOptions {
  seed: number;
  replication: number;
  /** Statistics start at this time (hours); what happened before is discarded (warm-up). */
  warmUpHours?: number;
  /** Called after each simulated day with the days done; return false to stop early. */
  onDay?: (daysDone: number, events: number) => boolean | void;
}

/** Runs one replication of a scenario in JIT mode. */
export function runJit(scenario: Scenario, options: JitRunOptions): RunResult {
  const model = new JitModel(scenario, options.seed, options.replication);
  if (options.warmUpHours) model.warmUpAt(options.warmUpHours);
  return model.run(options.onDay);
}

/** Per-seller money over the counted span, CNY. */
export interface SellerTotals {
  revenue: Float64Array;
  goodsCost: Float64Array;
  shipping: Float64Array;
  topUps: Float64Array;
  holding: Float64Array;
  finesByCause: Float64Array[];
}

export class JitModel {
  readonly sim: Simulation;
  readonly world: World;
  readonly ledger: Ledger;
  readonly orders = new Orders(1024);
  readonly parcels = new Parcels(256);
  readonly factoryOrders = new FactoryOrders(256);
  readonly receiving: Resource;
  readonly qc: Resource;

  /** Per SKU: stock at the seller, today's (s, S) and the FIFO backorder line. */
  readonly stock: SkuStock;
  private readonly cumulativeDays: Float64Array;

  // Per seller: packing, deposit, money.
  readonly packers: Int32Array;
  /** When each of a seller's packers is next free (one entry per packer on duty today), a min-heap. */
  private readonly packerFreeAt: number[][];
  /** A seller with one packer (most of them) keeps its free time here instead: no array to chase. */
  private readonly soloFreeAt: Float64Array;
  /** Reserved orders waiting for a packer, and orders given to a packer (done at Orders.packedAt). */
  readonly packingLine: OrderLines;
  readonly packingNow: OrderLines;
  private readonly awaitingPickup: Uint8Array;
  private readonly pickupWaiting: number[][];
  /** The day on which each class last opened: packers are planned only then. */
  private readonly openedOn: Int32Array;
  readonly deposit: Float64Array;
  readonly everNegative: Uint8Array;
  private readonly responsePending: Uint8Array;
  private readonly topUpDecision: Uint8Array;
  readonly suspended: Uint8Array;
  suspendedCount = 0;
  readonly sellerFinesByCause: Float64Array[];
  readonly revenue: Float64Array;
  readonly goodsCost: Float64Array;
  readonly shipping: Float64Array;
  readonly topUps: Float64Array;
  /** Per seller: goods on hand at cost (CNY), its integral over time (CNY·h), and when it last changed. */
  private readonly holding: Float64Array; // [value, area, last change] per seller, one record
  private readonly acceptedToday: Int32Array;
  private readonly acceptedHistory: Int32Array;
  private readonly classRange: { first: number; end: number }[];

  /** Units taken from seller stock, put in at the start, and delivered by factories (conservation). */
  unitsFromStock = 0;
  initialStock = 0;
  unitsDelivered = 0;

  private readonly s: Scenario;
  private readonly arrivals: PoissonArrivals;
  /** Success probability of the geometric part of an order's quantity (mean quantity − 1 extra units). */
  private readonly quantityP: number;
  private readonly pickSeller: RandomStream;
  private readonly pickSku: RandomStream;
  private readonly pickQuantity: RandomStream;
  private readonly handlingTime: RandomStream;
  private readonly leadTime: RandomStream;
  private readonly transitTime: RandomStream;
  private readonly receivingTime: RandomStream;
  private readonly defects: RandomStream;
  private readonly topUpDraws: RandomStream;

  private readonly ORDER: number;
  private readonly FAIL: number;
  private readonly deadlines = new Deadlines();
  private tickets = 0;
  private readonly DELIVERY: number;
  private readonly DAY: number;
  private readonly OPEN: number;
  private readonly PICKUP: number;
  private readonly ARRIVE: number;
  private readonly RECEIVE: number;
  private readonly RECEIVED: number;
  private readonly INSPECT: number;
  private readonly INSPECTED: number;
  private readonly PUTAWAY: number;
  private readonly DEPOSIT_RESPONSE: number;
  private readonly SCRIPTED: number;
  private readonly WARM_UP: number;
  private warmUpPending = -1;
  /** What the counters held at the warm-up, subtracted at the end. */
  private warmUp: { hours: number; ledger: Record<string, number | Float64Array>; sellers: SellerTotals; suspended: number; exhausted: Uint8Array } | undefined;
  private readonly QC_ONLY: number;
  private readonly scripted: { sku: number; quantity: number }[] = [];

  constructor(scenario: Scenario, seed: number, replication: number) {
    const sim = (this.sim = new Simulation({ seed, replication }));
    this.s = scenario;
    const world = (this.world = buildWorld(scenario, sim));
    this.ledger = new Ledger(world.horizon, scenario.rules.lateness.length);
    const sellers = world.sellerCount;

    this.stock = new SkuStock(world.skuSeller);
    this.holding = new Float64Array(sellers * 4);
    this.cumulativeDays = new Float64Array(world.expectedOrdersByDay.length + 1);
    for (let d = 0; d < world.expectedOrdersByDay.length; d++) {
      this.cumulativeDays[d + 1] = this.cumulativeDays[d] + world.expectedOrdersByDay[d];
    }

    this.packers = new Int32Array(sellers);
    this.packerFreeAt = Array.from({ length: sellers }, () => []);
    this.soloFreeAt = new Float64Array(sellers);
    this.packingLine = new OrderLines(sellers);
    this.packingNow = new OrderLines(sellers);
    this.awaitingPickup = new Uint8Array(sellers);
    this.pickupWaiting = world.classes.map(() => []);
    this.openedOn = new Int32Array(world.classes.length).fill(-1);
    this.deposit = new Float64Array(sellers).fill(scenario.rules.depositCny);
    this.everNegative = new Uint8Array(sellers);
    this.responsePending = new Uint8Array(sellers);
    this.topUpDecision = new Uint8Array(sellers);
    this.suspended = new Uint8Array(sellers);
    this.sellerFinesByCause = this.ledger.causes.map(() => new Float64Array(sellers));
    this.revenue = new Float64Array(sellers);
    this.goodsCost = new Float64Array(sellers);
    this.shipping = new Float64Array(sellers);
    this.topUps = new Float64Array(sellers);
    this.acceptedToday = new Int32Array(sellers);
    this.acceptedHistory = new Int32Array(sellers * 7);
    this.classRange = world.classes.map((_, c) => {
      let first = 0;
      while (first < sellers && world.sellerClass[first] < c) first++;
      let end = first;
      while (end < sellers && world.sellerClass[end] === c) end++;
      return { first, end };
    });

    this.arrivals = new PoissonArrivals(world.demandRate, sim.stream('demand.arrivals'));
    this.quantityP = 1 / scenario.demand.meanQuantity;
    this.pickSeller = sim.stream('demand.seller');
    this.pickSku = sim.stream('demand.sku');
    this.pickQuantity = sim.stream('demand.quantity');
    this.handlingTime = sim.stream('packing.handling');
    this.leadTime = sim.stream('factory.leadTime');
    this.transitTime = sim.stream('courier.transit');
    this.receivingTime = sim.stream('warehouse.receiving');
    this.defects = sim.stream('qc.defects');
    this.topUpDraws = sim.stream('deposit.topUp');

    this.ORDER = sim.on(() => this.placeOrder());
    this.FAIL = sim.on(() => this.failDue());
    this.DELIVERY = sim.on((f) => this.deliver(f));
    this.DAY = sim.on((d) => this.startDay(d));
    this.OPEN = sim.on((c) => this.openClass(c));
    this.PICKUP = sim.on((c) => this.pickup(c));
    this.ARRIVE = sim.on((p) => this.arrive(p));
    this.RECEIVE = sim.on((p) => this.startReceiving(p));
    this.RECEIVED = sim.on((p) => this.received(p));
    this.INSPECT = sim.on((p) => this.startInspection(p));
    this.INSPECTED = sim.on((p) => this.inspected(p));
    this.PUTAWAY = sim.on((p) => this.putAway(p));
    this.DEPOSIT_RESPONSE = sim.on((seller) => this.respondToDeposit(seller));
    this.QC_ONLY = sim.on((units) => {
      const p = this.parcels.alloc();
      this.parcels.seller[p] = 0;
      this.parcels.firstOrder[p] = -1;
      this.parcels.units[p] = units;
      this.joinQc(p);
    });
    this.WARM_UP = sim.on(() => this.startCounting());
    this.SCRIPTED = sim.on((i) => this.acceptOrder(this.scripted[i].sku, this.scripted[i].quantity));

    this.receiving = new Resource(sim, { roster: world.receivingRoster, immediateGrants: true });
    this.qc = new Resource(sim, { roster: world.qcRoster, immediateGrants: true });
    this.stockUp();
  }

  /** Discards statistics before `hours`: counters count from then, distributions restart. */
  warmUpAt(hours: number): void {
    if (!(hours >= 0 && hours < this.world.horizon)) {
      throw new RangeError(`warm-up must fall inside the season (0 to ${this.world.horizon} h), got ${hours} h`);
    }
    this.sim.scheduleAt(hours, this.WARM_UP, 0);
    this.warmUpPending = hours;
  }

  /** Sets a SKU's stock on hand before the run (a what-if starting position). */
  setStock(sku: number, units: number): void {
    this.initialStock += units - this.stock.onHand(sku);
    this.changeStock(sku, units - this.stock.onHand(sku));
  }

  /**
   * A scripted order, on top of (or instead of, with ordersPerDay 0) the random demand: for
   * what-if questions about one order and for hand-checked rule tests.
   */
  scheduleOrder(time: number, sku: number, quantity: number): void {
    if (!(sku >= 0 && sku < this.world.skuCount) || !Number.isInteger(quantity) || quantity < 1) {
      throw new RangeError(`scheduleOrder: need a SKU in [0, ${this.world.skuCount}) and a whole quantity >= 1, got ${sku}, ${quantity}`);
    }
    const o = this.scripted.length;
    this.scripted.push({ sku, quantity });
    this.sim.scheduleAt(time, this.SCRIPTED, o);
  }

  private startCounting(): void {
    const now = this.sim.now;
    this.warmUpPending = -1;
    this.warmUp = {
      hours: now,
      ledger: this.ledger.counters(),
      sellers: this.sellerTotals(),
      suspended: this.suspendedCount,
      exhausted: this.everNegative.slice(),
    };
    this.ledger.resetDistributions();
    for (const r of [this.receiving, this.qc]) for (const level of [r.busyLevel, r.queueLevel, r.capacityLevel]) level.reset(now);
  }

  /** Money per seller so far (CNY), net of what came before the warm-up. */
  sellerTotals(): SellerTotals {
    const totals: SellerTotals = {
      revenue: this.revenue.slice(),
      goodsCost: this.goodsCost.slice(),
      shipping: this.shipping.slice(),
      topUps: this.topUps.slice(),
      holding: this.holdingCost(),
      finesByCause: this.sellerFinesByCause.map((a) => a.slice()),
    };
    const base = this.warmUp?.sellers;
    if (base) {
      for (const key of ['revenue', 'goodsCost', 'shipping', 'topUps', 'holding'] as const) {
        for (let s = 0; s < totals[key].length; s++) totals[key][s] -= base[key][s];
      }
      totals.finesByCause.forEach((a, c) => { for (let s = 0; s < a.length; s++) a[s] -= base.finesByCause[c][s]; });
    }
    return totals;
  }

  /** The warm-up's start and what to subtract, if there was one. */
  get warmUpState() {
    return this.warmUp;
  }

  run(onDay?: JitRunOptions['onDay']): RunResult {
    const { sim, world } = this;
    sim.schedule(0, this.DAY, 0);
    const first = this.arrivals.next(0);
    if (first < world.horizon) sim.scheduleAt(first, this.ORDER, 0);
    for (let d = 1; d <= world.days; d++) {
      sim.run({ until: d * 24 });
      if (onDay && onDay(d, sim.eventsFired) === false) break;
    }
    return buildResult(this);
  }

  // ---- stock ---------------------------------------------------------------------------

  /** Each SKU starts the season at its order-up-to level (none under make-to-order). */
  private stockUp(): void {
    this.planStock(0);
    for (let sku = 0; sku < this.world.skuCount; sku++) {
      const units = this.stock.reorderLevel(sku) < 0 ? 0 : this.stock.orderUpTo(sku);
      this.changeStock(sku, units);
      this.initialStock += units;
    }
  }

  /**
   * Sets every SKU's (s, S) for the day from its forecast: the expected units over the next
   * reorderDays / orderUpToDays days by the demand curve, planned at midnight (model-notes).
   * s is rounded up, so a SKU with any demand keeps a unit; S stays above s.
   */
  private planStock(day: number): void {
    const { world } = this;
    const unitsPerOrder = this.s.demand.meanQuantity;
    const ahead = world.classes.map((c) => ({
      s: this.expectedOrdersTo(day + c.reorderDays) - this.expectedOrdersTo(day),
      S: this.expectedOrdersTo(day + c.orderUpToDays) - this.expectedOrdersTo(day),
      makeToOrder: c.makeToOrder,
    }));
    for (let sku = 0; sku < world.skuCount; sku++) {
      const a = ahead[world.sellerClass[world.skuSeller[sku]]];
      if (a.makeToOrder) { this.stock.setLevels(sku, -1, 0); continue; }
      const units = world.skuShare[sku] * unitsPerOrder;
      const reorder = Math.ceil(units * a.s);
      this.stock.setLevels(sku, reorder, Math.max(reorder + 1, Math.ceil(units * a.S)));
    }
  }

  /** Expected platform orders from the season start to day x (fractional), by the curve. */
  private expectedOrdersTo(x: number): number {
    const d = Math.min(Math.floor(x), this.cumulativeDays.length - 2);
    return this.cumulativeDays[d] + (x - d) * this.world.expectedOrdersByDay[d];
  }

  /** Moves stock on hand, integrating the seller's goods at cost over time for holding cost. */
  private changeStock(sku: number, delta: number): void {
    const now = this.sim.now;
    const seller = this.stock.seller(sku);
    const h = this.holding, r = seller << 2;
    h[r + 1] += h[r] * (now - h[r + 2]);
    h[r + 2] = now;
    h[r] += delta * this.world.unitValue[sku] * this.s.factories.cogsRatio;
    this.stock.addOnHand(sku, delta);
  }

  /** (s, S) on inventory position: at or below s, order up to S (MODEL.md §3). */
  private review(sku: number): void {
    const reorder = this.stock.reorderLevel(sku);
    const position = this.stock.position(sku);
    if (position > reorder || reorder < 0) return;
    const quantity = this.stock.orderUpTo(sku) - position;
    if (quantity > 0) this.orderFromFactory(sku, quantity);
  }

  private orderFromFactory(sku: number, quantity: number): void {
    const f = this.factoryOrders.alloc();
    this.factoryOrders.sku[f] = sku;
    this.factoryOrders.quantity[f] = quantity;
    this.stock.addOnOrder(sku, quantity);
    this.ledger.factoryOrders++;
    this.ledger.unitsPurchased += quantity;
    const done = this.productionDone(sku, this.sim.now, draw(this.leadTime, this.world.leadTime));
    this.sim.scheduleAt(done, this.DELIVERY, f);
  }

  /**
   * When production of `work` hours started at `start` is done at a factory that stands still
   * in its blocked intervals (window + restart): work pauses there and resumes after (§4).
   */
  productionDone(sku: number, start: number, work: number): number {
    const { blockedStart, blockedFrom, blockedTo } = this.world;
    let t = start, left = work;
    for (let i = blockedStart[sku]; i < blockedStart[sku + 1]; i++) {
      const a = blockedFrom[i], b = blockedTo[i];
      if (b <= t) continue;
      if (a <= t) { t = b; continue; }
      if (t + left <= a) break;
      left -= a - t;
      t = b;
    }
    return t + left;
  }

  private deliver(f: number): void {
    const sku = this.factoryOrders.sku[f], quantity = this.factoryOrders.quantity[f];
    this.factoryOrders.free(f);
    this.stock.addOnOrder(sku, -quantity);
    this.unitsDelivered += quantity;
    this.changeStock(sku, quantity);
    this.serveBackorders(sku);
    this.review(sku);
  }

  /** Oldest first, whole orders only, strictly in order (§5). */
  private serveBackorders(sku: number): void {
    const { orders, stock } = this;
    for (let o = stock.backorders.head(sku); o >= 0 && stock.onHand(sku) >= orders.ints[(o << 2) + QUANTITY]; o = stock.backorders.head(sku)) {
      stock.backorders.shift(sku, orders);
      stock.addBackordered(sku, -orders.ints[(o << 2) + QUANTITY]);
      orders.waitTicket[o] = 0; // its deadline goes stale
      this.takeFromStock(o);
    }
  }

  private takeFromStock(o: number): void {
    const q = this.orders.ints[(o << 2) + QUANTITY];
    this.changeStock(this.orders.ints[(o << 2) + SKU], -q);
    this.unitsFromStock += q;
    this.reserve(o);
  }

  // ---- orders --------------------------------------------------------------------------

  private placeOrder(): void {
    const { sim, world } = this;
    // Consecutive arrivals are handled in one event while nothing else falls between them.
    for (;;) {
      // One draw from each demand stream per order, whatever happens to it: common random numbers.
      const seller = this.pickSeller.pick(world.sellerPicker);
      const rules = world.classes[world.sellerClass[seller]];
      const sku = world.sellerFirstSku[seller] + this.pickSku.pick(rules.skuPicker!);
      const quantity = 1 + this.pickQuantity.geometric(this.quantityP);
      this.acceptOrder(sku, quantity);
      const next = this.arrivals.next(sim.now);
      if (next >= world.horizon) return;
      if (!sim.advanceTo(next)) {
        sim.scheduleAt(next, this.ORDER, 0);
        return;
      }
    }
  }

  /** An order for `quantity` units of `sku` now: lost if its seller is suspended (§5). */
  private acceptOrder(sku: number, quantity: number): void {
    const { sim, world, orders, ledger } = this;
    const now = sim.now;
    const seller = this.stock.seller(sku);
    const value = quantity * world.unitValue[sku];
    ledger.ordersPlaced++;
    ledger.unitsOrdered += quantity;
    ledger.gmvCny += value;
    ledger.ordersPlacedHourly.add(now, 1);
    if (this.suspended[seller]) {
      ledger.ordersLost++;
      ledger.unitsLost += quantity;
      ledger.lostSalesCny += value;
      return;
    }
    this.acceptedToday[seller]++;
    const o = orders.alloc();
    orders.floats[(o << 2) + PLACED_AT] = now;
    orders.ints[(o << 2) + SELLER] = seller;
    orders.ints[(o << 2) + SKU] = sku;
    orders.ints[(o << 2) + QUANTITY] = quantity;
    orders.floats[(o << 2) + VALUE] = value;
    orders.floats[(o << 2) + FINES] = 0;
    orders.waitTicket[o] = 0;
    if (this.stock.canReserve(sku, quantity)) {
      this.takeFromStock(o);
    } else {
      this.stock.backorders.push(sku, o, orders);
      this.stock.addBackordered(sku, quantity);
      const ticket = ++this.tickets;
      orders.waitTicket[o] = ticket;
      this.deadlines.push(o, ticket, now + this.s.rules.failAfterHours);
      if (this.deadlines.length === 1) sim.scheduleAt(now + this.s.rules.failAfterHours, this.FAIL, 0);
      if (world.classes[world.sellerClass[seller]].makeToOrder) this.orderFromFactory(sku, quantity);
    }
    this.review(sku);
  }

  /**
   * Deadlines due now fail their orders if they are still waiting; stale ones (orders reserved
   * since) are dropped. Then one event is set for the next deadline still live.
   */
  private failDue(): void {
    const { deadlines, orders } = this;
    const now = this.sim.now;
    while (deadlines.length > 0) {
      const o = deadlines.frontOrder;
      const live = orders.waitTicket[o] === deadlines.frontTicket;
      if (live && deadlines.frontDue > now) {
        this.sim.scheduleAt(deadlines.frontDue, this.FAIL, 0);
        return;
      }
      deadlines.shift();
      if (live) this.failOrder(o);
    }
  }

  /** An order still unreserved `failAfterHours` after it was placed is cancelled and fined (§9). */
  private failOrder(o: number): void {
    this.orders.waitTicket[o] = 0;
    const { orders, stock } = this;
    const sku = orders.ints[(o << 2) + SKU];
    stock.backorders.remove(sku, o, orders);
    stock.addBackordered(sku, -orders.ints[(o << 2) + QUANTITY]);
    const seller = orders.ints[(o << 2) + SELLER];
    this.fine(o, seller, this.ledger.stockoutCause, this.s.rules.stockoutMultiple * orders.floats[(o << 2) + VALUE]);
    this.ledger.ordersCancelled++;
    this.ledger.unitsCancelled += orders.ints[(o << 2) + QUANTITY];
    this.closeOrder(o);
    // A smaller order behind it may now fit: the line moves on.
    this.serveBackorders(sku);
    this.review(sku);
  }

  private closeOrder(o: number): void {
    const fines = this.orders.floats[(o << 2) + FINES];
    if (fines > 0) this.ledger.finePerFinedOrder.add(fines);
    this.orders.free(o);
  }

  // ---- packing -------------------------------------------------------------------------

  private reserve(o: number): void {
    const seller = this.orders.ints[(o << 2) + SELLER];
    this.packingLine.push(seller, o, this.orders);
    this.assignPackers(seller);
  }

  /**
   * Packers take reserved orders FIFO, each the packer free soonest, starting only inside
   * today's working hours (§6). An order's finish time is known when it is given out, so no
   * event marks it: the pickup takes the orders done by then. Orders that cannot start before
   * closing wait for the next opening, when the day's packers are planned.
   */
  private assignPackers(seller: number): void {
    const c = this.world.sellerClass[seller];
    const day = Math.floor(this.sim.now / 24);
    if (this.openedOn[c] !== day) return;
    const rules = this.world.classes[c];
    const closing = day * 24 + rules.close;
    const many = this.packers[seller] > 1 ? this.packerFreeAt[seller] : null;
    const { orders } = this;
    while (this.packingLine.head(seller) >= 0) {
      // The packer free soonest: the root of a min-heap of free times, or the only one.
      const start = Math.max(this.sim.now, many ? many[0] : this.soloFreeAt[seller]);
      if (start >= closing) return;
      const o = this.packingLine.shift(seller, orders);
      const done = finishWithinHours(start, draw(this.handlingTime, rules.handling), rules.open, rules.close);
      if (many) replaceRoot(many, done);
      else this.soloFreeAt[seller] = done;
      orders.floats[(o << 2) + PACKED_AT] = done;
      this.packingNow.push(seller, o, orders);
      if (!this.awaitingPickup[seller]) {
        this.awaitingPickup[seller] = 1;
        this.pickupWaiting[c].push(seller);
      }
    }
  }

  /**
   * Today's number of packers. Going up, the new ones are free now; going down, the packers
   * kept are those free last: like staff who finish the orders in hand before the smaller
   * team takes new ones (what a non-pre-emptive resource does).
   */
  private setPackers(seller: number, count: number, before: number): void {
    if (count === before) return;
    const free = before > 1 ? this.packerFreeAt[seller] : before === 1 ? [this.soloFreeAt[seller]] : [];
    while (free.length < count) free.push(this.sim.now);
    // Sorted ascending is a valid min-heap; going down keeps the packers free last.
    free.sort((a, b) => a - b);
    if (count < free.length) free.splice(0, free.length - count);
    if (count === 1) {
      this.soloFreeAt[seller] = free[0];
      this.packerFreeAt[seller] = [];
    } else this.packerFreeAt[seller] = free;
  }

  /** Midnight: close the day's books, review stock against the new forecast, plan the day. */
  private startDay(day: number): void {
    const { world, sim } = this;
    if (day > 0) {
      const slot = (day - 1) % 7;
      for (let s = 0; s < world.sellerCount; s++) {
        this.acceptedHistory[s * 7 + slot] = this.acceptedToday[s];
        this.acceptedToday[s] = 0;
      }
      this.planStock(day);
      for (let sku = 0; sku < world.skuCount; sku++) this.review(sku);
    }
    const base = day * 24;
    world.classes.forEach((rules, c) => {
      if (this.classRange[c].end === this.classRange[c].first) return;
      sim.scheduleAt(base + rules.open, this.OPEN, c);
      for (const h of rules.pickupHours) sim.scheduleAt(base + h, this.PICKUP, c);
    });
    if (day + 1 < world.days) sim.scheduleAt(base + 24, this.DAY, day + 1);
  }

  /** Opening: each seller of the class sets its packers for the day (§6), then starts work. */
  private openClass(c: number): void {
    const { world } = this;
    const rules = world.classes[c];
    const day = Math.floor(this.sim.now / 24);
    const hours = rules.close - rules.open;
    this.openedOn[c] = day;
    let peak = 0;
    if (rules.plansForPeak) for (let d = day; d < day + 7; d++) peak = Math.max(peak, world.expectedOrdersByDay[d]);
    for (let s = this.classRange[c].first; s < this.classRange[c].end; s++) {
      let expected: number;
      if (rules.plansForPeak) expected = world.sellerShare[s] * peak;
      else if (day === 0) expected = world.sellerShare[s] * world.expectedOrdersByDay[0];
      else {
        const n = Math.min(day, 7);
        let sum = 0;
        for (let k = 0; k < n; k++) sum += this.acceptedHistory[s * 7 + ((day - 1 - k) % 7)];
        expected = sum / n;
      }
      const before = this.packers[s];
      this.packers[s] = Math.max(1, Math.ceil((rules.headroom * expected * rules.meanHandlingHours) / hours));
      this.setPackers(s, this.packers[s], before);
      this.assignPackers(s);
    }
  }

  // ---- dispatch and transit ------------------------------------------------------------

  /** At each pickup every packed order of a seller leaves in one parcel, unless SF is stopped (§7). */
  private pickup(c: number): void {
    const waiting = this.pickupWaiting[c];
    let kept = 0;
    for (let i = 0; i < waiting.length; i++) {
      const seller = waiting[i];
      if (!this.courierStopped(seller)) this.dispatch(seller);
      if (this.packingNow.head(seller) >= 0) waiting[kept++] = seller;
      else this.awaitingPickup[seller] = 0;
    }
    waiting.length = kept;
  }

  /** Takes the seller's orders packed at or before now out of its packing list, in order. */
  private takePacked(seller: number): number {
    const { orders } = this;
    const now = this.sim.now;
    let first = -1, last = -1;
    const all = this.packingNow.takeAll(seller);
    for (let o = all; o >= 0; ) {
      const next = orders.ints[(o << 2) + NEXT];
      if (orders.floats[(o << 2) + PACKED_AT] <= now) {
        if (last < 0) first = o; else orders.ints[(last << 2) + NEXT] = o;
        last = o;
      } else this.packingNow.push(seller, o, orders);
      o = next;
    }
    if (last >= 0) orders.ints[(last << 2) + NEXT] = -1;
    return first;
  }

  private courierStopped(seller: number): boolean {
    const now = this.sim.now;
    for (const w of this.world.courierStops[this.world.sellerRegion[seller]]) if (now >= w.from && now < w.to) return true;
    return false;
  }

  private dispatch(seller: number): void {
    const { sim, world, orders, parcels, ledger } = this;
    const now = sim.now;
    const tiers = this.s.rules.lateness;
    const first = this.takePacked(seller);
    if (first < 0) return;
    let units = 0, weight = 0;
    for (let o = first; o >= 0; o = orders.ints[(o << 2) + NEXT]) {
      const delay = now - orders.floats[(o << 2) + PLACED_AT];
      ledger.shipDelay.add(delay);
      let tier = 0;
      while (tier < tiers.length && delay > tiers[tier].afterHours) tier++;
      ledger.shippedByTier[tier]++;
      if (tier > 0) this.fine(o, seller, tier - 1, tiers[tier - 1].multiple * orders.floats[(o << 2) + VALUE]);
      units += orders.ints[(o << 2) + QUANTITY];
      weight += orders.ints[(o << 2) + QUANTITY] * world.unitWeight[orders.ints[(o << 2) + SKU]];
    }
    const p = parcels.alloc();
    parcels.seller[p] = seller;
    parcels.firstOrder[p] = first;
    parcels.units[p] = units;
    const cost = this.shippingPrice(weight);
    this.shipping[seller] += cost;
    ledger.shippingCostCny += cost;
    ledger.parcelsShipped++;
    const law = world.transit[world.sellerRegion[seller]];
    const slowdown = world.slowdownByDay[Math.min(Math.floor(now / 24), world.slowdownByDay.length - 1)];
    const transit = draw(this.transitTime, law) * slowdown;
    ledger.transit.add(transit);
    sim.schedule(transit, this.ARRIVE, p);
  }

  /** SF price: first kg, then each further started kg. */
  private shippingPrice(weightKg: number): number {
    const { firstKgCny, perExtraKgCny } = this.s.courier.shipping;
    return firstKgCny + perExtraKgCny * (Math.max(1, Math.ceil(weightKg)) - 1);
  }

  // ---- warehouse -----------------------------------------------------------------------

  private arrive(p: number): void {
    const now = this.sim.now;
    this.parcels.arrivedAt[p] = now;
    this.parcels.queuedAt[p] = now;
    this.ledger.parcelsArrived++;
    this.ledger.parcelsArrivingHourly.add(now, 1);
    if (this.receiving.acquire(this.RECEIVE, p)) this.startReceiving(p);
    else this.ledger.receivingQueue.update(now, this.receiving.queueLength);
  }

  private startReceiving(p: number): void {
    const now = this.sim.now;
    this.ledger.receivingWait.add(now - this.parcels.queuedAt[p]);
    this.ledger.receivingQueue.update(now, this.receiving.queueLength);
    this.sim.schedule(draw(this.receivingTime, this.world.receivingService), this.RECEIVED, p);
  }

  private received(p: number): void {
    this.receiving.release();
    this.ledger.receivingQueue.update(this.sim.now, this.receiving.queueLength);
    this.joinQc(p);
  }

  private joinQc(p: number): void {
    const now = this.sim.now;
    this.parcels.queuedAt[p] = now;
    if (this.qc.acquire(this.INSPECT, p)) this.startInspection(p);
    else this.ledger.qcQueue.update(now, this.qc.queueLength);
  }

  /**
   * A parcel of `units` units with no orders, put straight into the QC line at `time`: feeds
   * the QC stage alone (to check it against queueing theory, or to study it on its own).
   */
  scheduleParcelAtQc(time: number, units: number): void {
    this.sim.scheduleAt(time, this.QC_ONLY, units);
  }

  private startInspection(p: number): void {
    const now = this.sim.now;
    this.ledger.qcWait.add(now - this.parcels.queuedAt[p]);
    this.ledger.qcQueue.update(now, this.qc.queueLength);
    const { perParcelMinutes, perUnitMinutes } = this.s.warehouse.qc;
    this.sim.schedule((perParcelMinutes + perUnitMinutes * this.parcels.units[p]) / 60, this.INSPECTED, p);
  }

  /** Each unit is defective with its seller's rate; an order with one is rejected (§12). */
  private inspected(p: number): void {
    const { sim, orders, parcels, world, ledger } = this;
    this.qc.release();
    ledger.qcQueue.update(sim.now, this.qc.queueLength);
    const seller = parcels.seller[p];
    const rate = world.sellerDefectRate[seller];
    let kept = -1, last = -1, returnedWeight = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      const next = orders.ints[(o << 2) + NEXT];
      const q = orders.ints[(o << 2) + QUANTITY];
      // P(at least one of q units defective) in one draw per order.
      if (this.defects.random() < (q === 1 ? rate : 1 - pow(1 - rate, q))) {
        returnedWeight += q * world.unitWeight[orders.ints[(o << 2) + SKU]];
        this.goodsCost[seller] += orders.floats[(o << 2) + VALUE] * this.s.factories.cogsRatio;
        this.fine(o, seller, ledger.qualityCause, this.s.rules.qualityMultiple * orders.floats[(o << 2) + VALUE]);
        ledger.ordersRejected++;
        ledger.unitsRejected += q;
        this.closeOrder(o);
      } else {
        if (last < 0) kept = o; else orders.ints[(last << 2) + NEXT] = o;
        last = o;
      }
      o = next;
    }
    if (last >= 0) orders.ints[(last << 2) + NEXT] = -1;
    if (returnedWeight > 0) {
      const cost = this.shippingPrice(returnedWeight);
      this.shipping[seller] += cost;
      ledger.returnShippingCostCny += cost;
      ledger.parcelsReturned++;
    }
    if (kept < 0) {
      parcels.free(p);
      return;
    }
    parcels.firstOrder[p] = kept;
    // Nothing can happen to a parcel during put-away, so it is stocked here with its future
    // time, saving an event, unless the horizon or a warm-up falls in between: then it waits.
    const stockedAt = sim.now + this.s.warehouse.putawayHours;
    const crossesWarmUp = this.warmUpPending > sim.now && this.warmUpPending <= stockedAt;
    if (stockedAt <= this.world.horizon && !crossesWarmUp) this.putAway(p, stockedAt);
    else sim.schedule(this.s.warehouse.putawayHours, this.PUTAWAY, p);
  }

  /** Accepted units are stocked; the order is fulfilled (§13). */
  private putAway(p: number, now = this.sim.now): void {
    const { orders, parcels, ledger } = this;
    const seller = parcels.seller[p];
    const dockToStock = now - parcels.arrivedAt[p];
    let count = 0, units = 0, value = 0;
    for (let o = parcels.firstOrder[p]; o >= 0; ) {
      const next = orders.ints[(o << 2) + NEXT];
      count++;
      units += orders.ints[(o << 2) + QUANTITY];
      value += orders.floats[(o << 2) + VALUE];
      ledger.dockToStock.add(dockToStock);
      ledger.orderToStock.add(now - orders.floats[(o << 2) + PLACED_AT]);
      this.closeOrder(o);
      o = next;
    }
    ledger.ordersFulfilled += count;
    ledger.unitsFulfilled += units;
    ledger.revenueCny += value;
    ledger.unitsStockedHourly.add(now, units);
    this.revenue[seller] += value;
    this.goodsCost[seller] += value * this.s.factories.cogsRatio;
    parcels.free(p);
  }

  // ---- fines and deposit ---------------------------------------------------------------

  /** A fine comes off the deposit when assessed; crossing below zero asks the seller (§14). */
  private fine(o: number, seller: number, cause: number, amount: number): void {
    this.orders.floats[(o << 2) + FINES] += amount;
    this.sellerFinesByCause[cause][seller] += amount;
    this.ledger.fine(cause, amount, this.sim.now);
    this.deposit[seller] -= amount;
    if (this.deposit[seller] < 0 && !this.responsePending[seller] && !this.suspended[seller]) {
      this.everNegative[seller] = 1;
      this.responsePending[seller] = 1;
      const p = this.world.classes[this.world.sellerClass[seller]].topUpProbability;
      this.topUpDecision[seller] = this.topUpDraws.bernoulli(p) ? 1 : 0;
      this.sim.schedule(this.s.rules.topUpGraceHours, this.DEPOSIT_RESPONSE, seller);
    }
  }

  private respondToDeposit(seller: number): void {
    this.responsePending[seller] = 0;
    if (this.topUpDecision[seller]) {
      this.topUps[seller] += this.s.rules.depositCny - this.deposit[seller];
      this.deposit[seller] = this.s.rules.depositCny;
    } else {
      this.suspended[seller] = 1;
      this.suspendedCount++;
      this.ledger.suspended.update(this.sim.now, this.suspendedCount);
    }
  }

  /** Holding cost so far, per seller (CNY), up to the current time. */
  holdingCost(): Float64Array {
    const perCnyHour = this.s.factories.holdingRatePerYear / (365 * 24);
    const now = this.sim.now;
    const h = this.holding;
    return Float64Array.from({ length: this.world.sellerCount }, (_, s) => (h[4 * s + 1] + h[4 * s] * (now - h[4 * s + 2])) * perCnyHour);
  }

  /** Units of a SKU on hand now, and on order from its factory. */
  onHand(sku: number): number {
    return this.stock.onHand(sku);
  }

  onOrder(sku: number): number {
    return this.stock.onOrder(sku);
  }
}

/** Replaces the smallest value of a binary min-heap and restores the heap. */
function replaceRoot(heap: number[], value: number): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && heap[r] < heap[l] ? r : l;
    if (!(heap[c] < value)) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = value;
}
