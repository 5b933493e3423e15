// Properties of whole runs: conservation on every shipped scenario, byte-identical determinism,
// common random numbers for demand, the QC stage against M/G/1, and Little's law at the queues.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JitModel } from '../src/model/jit.ts';
import { isPrestock } from '../src/model/state.ts';
import type { RunResult } from '../src/model/result.ts';
import { finesKey } from '../src/model/fine-causes.ts';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { defaultScenario } from '../src/scenario/schema.ts';
import { mg1, RandomStream } from '../src/engine/index.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { shrunk } from './helpers/scale.ts';

const scenariosDir = new URL('../scenarios/', import.meta.url).pathname;
const shipped = readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml'));

function runModel(s: Scenario, seed = 1, replication = 0): { model: JitModel; result: RunResult } {
  const model = new JitModel(s, seed, replication);
  return { model, result: model.run() };
}

function digest(r: RunResult): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(r.kpis));
  for (const [name, a] of Object.entries(r.hourly)) { h.update(name); h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); }
  for (const [name, snap] of Object.entries(r.histograms)) { h.update(name); h.update(new Uint8Array(snap.counts.buffer)); h.update(JSON.stringify([snap.underflow, snap.overflow, snap.zeros, snap.sum])); }
  return h.digest('hex');
}

describe.each(shipped)('conservation on scenarios/%s', (file) => {
  const { model, result } = runModel(shrunk(readScenarioFile(`${scenariosDir}${file}`)));
  const k = result.kpis;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

  it('every order ends in exactly one state, and the open ones are the ones still in flight', () => {
    expect(k.ordersPlaced).toBeGreaterThan(0);
    expect(k.ordersFulfilled + k.ordersRejected + k.ordersCancelled + k.ordersLost + k.ordersOpen).toBe(k.ordersPlaced);
    expect(k.ordersOpen).toBe(model.market.orders.live - model.market.orders.batchesLive); // counted independently, slot by slot
    for (const key of ['ordersFulfilled', 'ordersRejected', 'ordersCancelled', 'ordersLost', 'ordersOpen']) expect(k[key]).toBeGreaterThanOrEqual(0);
    expect(k.ordersShippedOnTime + k.ordersShippedLateTier1 + k.ordersShippedLateTier2).toBe(k.ordersShipped);
  });

  it('units are conserved: by order outcome, through seller stock, the shelf, stocking batches and factories', () => {
    expect(k.unitsFulfilled + k.unitsRejected + k.unitsCancelled + k.unitsLost + k.unitsOpen).toBe(k.unitsOrdered);
    const { stock, flows } = model.market;
    const at = { seller: 0, factoryForSeller: 0, shelf: 0, toShelf: 0 };
    for (let sku = 0; sku < model.world.skuCount; sku++) {
      if (isPrestock(model.market, sku)) { at.shelf += stock.onHand(sku); at.toShelf += stock.onOrder(sku); }
      else { at.seller += stock.onHand(sku); at.factoryForSeller += stock.onOrder(sku); }
    }
    // JIT: seller stock.
    expect(flows.initialStock + flows.launchStock + flows.unitsDelivered).toBe(at.seller + flows.unitsFromStock);
    // Pre-stock: the shelf, and every batch's units from request to the shelf (or back to the seller).
    expect(flows.initialShelf + k.unitsShelved).toBe(at.shelf + flows.unitsSoldFromShelf + k.unitsReturnedOverstock);
    expect(model.shelf.units).toBe(at.shelf);
    expect(flows.unitsBatched).toBe(k.unitsShelved + k.unitsRejectedAtStocking + at.toShelf);
    // Factories.
    expect(k.unitsPurchased).toBe(flows.unitsDelivered + at.factoryForSeller + flows.unitsProducedForShelf);
  });

  it('the seller classes partition the platform: their orders, shipments, fines and sellers add up to the totals', () => {
    const classes = Object.values(result.byClass);
    const sum = (key: string) => classes.reduce((t, c) => t + c[key], 0);
    for (const [byClass, total] of [['ordersPlaced', 'ordersPlaced'], ['ordersLost', 'ordersLost'], ['ordersCancelled', 'ordersCancelled'],
      ['ordersShipped', 'ordersShipped'], ['ordersShippedOnTime', 'ordersShippedOnTime'], ['sellersSuspended', 'sellersSuspended'], ['sellersFined', 'sellersFined']]) {
      expect(sum(byClass), byClass).toBe(k[total]);
    }
    expect(sum('sellers')).toBe(model.world.sellerCount);
    expect(rel(sum('gmvCny'), k.gmvCny)).toBeLessThan(1e-9);
    expect(rel(sum('finesTotalCny'), k.finesTotalCny)).toBeLessThan(1e-9);
    for (const c of classes) if (c.gmvCny > 0) expect(c.finesShareOfGmv).toBeCloseTo(c.finesTotalCny / c.gmvCny, 12);
  });

  it('fines summed by seller equal fines summed by cause, and by hour; deposits account for both', () => {
    const { books, causes } = model.market;
    let bySeller = 0;
    for (let s = 0; s < books.sellers; s++) for (let c = 0; c < causes.length; c++) bySeller += books.finesOf(s, c);
    let byHour = 0;
    for (const c of result.fineCauses) for (const x of result.hourly[finesKey(c)]) byHour += x;
    expect(rel(bySeller, k.finesTotalCny)).toBeLessThan(1e-9);
    expect(rel(byHour, k.finesTotalCny)).toBeLessThan(1e-9);
    const depositCny = model.world.scenario.rules.depositCny;
    for (let s = 0; s < books.sellers; s++) {
      let fines = 0;
      for (let c = 0; c < causes.length; c++) fines += books.finesOf(s, c);
      expect(rel(books.deposit(s), depositCny - fines + books.topUpsOf(s))).toBeLessThan(1e-9);
    }
  });
});

describe('determinism and common random numbers', () => {
  const small = () => readScenarioFile(`${scenariosDir}small-seller.yaml`);
  const platform = () => shrunk(readScenarioFile(`${scenariosDir}black-friday-2022.yaml`));

  it('the same scenario and seed give byte-identical results; another seed does not', () => {
    expect(digest(runModel(small(), 7).result)).toBe(digest(runModel(small(), 7).result));
    const a = digest(runModel(platform(), 3, 1).result);
    expect(digest(runModel(platform(), 3, 1).result)).toBe(a);
    expect(digest(runModel(platform(), 4, 1).result)).not.toBe(a);
  });

  it('changing only the warehouse staff leaves the demand stream unchanged', () => {
    const base = platform();
    const fewer = platform();
    fewer.warehouse.qc.staff.byHour = fewer.warehouse.qc.staff.byHour.map((n) => Math.max(0, n - 3));
    fewer.warehouse.receiving.staff.overrides = [];
    const a = runModel(base, 5).result, b = runModel(fewer, 5).result;
    expect(b.kpis.qcWaitMeanHours).not.toBe(a.kpis.qcWaitMeanHours); // the change did bite
    expect(b.kpis.ordersPlaced).toBe(a.kpis.ordersPlaced);
    expect(b.kpis.unitsOrdered).toBe(a.kpis.unitsOrdered);
    expect(b.kpis.gmvCny).toBe(a.kpis.gmvCny); // same SKUs and quantities, summed in the same order
    expect(Array.from(b.hourly.ordersPlaced)).toEqual(Array.from(a.hourly.ordersPlaced));
  });
});

describe('the same demand in every mode (docs/model.md §16)', () => {
  /** Every order the demand stage places, as (time, seller, SKU, quantity), and the launches. */
  function demandOf(file: string) {
    const model = new JitModel(shrunk(readScenarioFile(`${scenariosDir}${file}`), 40), 9, 2);
    const placed: number[] = [];
    const accept = model.market.handoffs.acceptOrder;
    model.market.handoffs.acceptOrder = (sku, quantity, unitValue) => {
      placed.push(model.sim.now, model.market.stock.seller(sku), sku, quantity);
      accept(sku, quantity, unitValue);
    };
    const result = model.run();
    return { placed, launches: Array.from(model.market.launches.launchAt), result };
  }

  it('orders, sellers, SKUs, quantities and launches are identical under JIT, pre-stock and the mixed platform', () => {
    const jit = demandOf('black-friday-2022.yaml');
    const prestock = demandOf('prestock-2022.yaml');
    const mixed = demandOf('jit-for-large-sellers.yaml');
    expect(jit.placed.length).toBeGreaterThan(4 * 10_000);
    expect(prestock.placed).toEqual(jit.placed);
    expect(mixed.placed).toEqual(jit.placed);
    expect(prestock.launches).toEqual(jit.launches);
    expect(mixed.launches).toEqual(jit.launches);
    // … while what happens to them differs: the modes did bite.
    expect(prestock.result.kpis.ordersShipped).toBe(0);
    expect(jit.result.kpis.stockingBatches).toBe(0);
    expect(mixed.result.kpis.ordersShipped).toBeGreaterThan(0);
    expect(mixed.result.kpis.stockingBatches).toBeGreaterThan(0);
  });
});

describe('warm-up', () => {
  it('discards what happened before it: counters equal the hourly totals from the warm-up on', () => {
    const s = () => shrunk(readScenarioFile(`${scenariosDir}black-friday-2022.yaml`));
    const whole = runModel(s(), 6).result;
    const model = new JitModel(s(), 6, 0);
    const warmUp = 31 * 24; // 2022-11-01
    model.warmUpAt(warmUp);
    const warm = model.run();
    const from = (a: Float64Array) => a.subarray(warmUp).reduce((x, y) => x + y, 0);
    expect(Array.from(warm.hourly.ordersPlaced)).toEqual(Array.from(whole.hourly.ordersPlaced)); // same trajectory
    expect(warm.kpis.ordersPlaced).toBe(from(whole.hourly.ordersPlaced));
    expect(warm.kpis.ordersPlaced).toBeLessThan(whole.kpis.ordersPlaced);
    const fines = (result: RunResult) => result.fineCauses.reduce((t, c) => t + from(result.hourly[finesKey(c)]), 0);
    expect(Math.abs(warm.kpis.finesTotalCny - fines(whole))).toBeLessThan(1e-6 * whole.kpis.finesTotalCny);
    expect(warm.kpis.warmUpHours).toBe(warmUp);
    expect(() => model.warmUpAt(10_000)).toThrow(/warm-up must fall inside the season/);
  });
});

describe('queues against theory', () => {
  it('the QC stage fed with Poisson parcels and one inspector matches M/G/1 within 5%', () => {
    // Inspection = 2 min + 0.5 min per unit, units uniform on 1..10: E[S] = 4.75 min,
    // Var[S] = (0.5 min)^2 * Var(units) = 0.25 * 8.25 min^2. Load 0.8.
    const s = defaultScenario();
    s.demand.ordersPerDay = 0;
    s.sellers.count = 1;
    s.factories.randomDisruptions = null;
    s.season = { start: '2022-10-01', end: '2024-12-31' };
    s.warehouse.qc.staff = { byHour: Array(24).fill(1), overrides: [] };
    const mean = 4.75 / 60, variance = (0.25 * 8.25) / 3600, lambda = 0.8 / mean;
    const model = new JitModel(s, 11, 0);
    const draws = new RandomStream(11, 0, 'test.parcels');
    const parcels = 150_000;
    for (let i = 0, t = 0; i < parcels; i++) {
      t += draws.exponential(lambda);
      model.scheduleParcelAtQc(t, 1 + Math.floor(draws.random() * 10));
    }
    const { kpis } = model.run();
    const theory = mg1(lambda, mean, variance);
    expect(Math.abs(kpis.qcWaitMeanHours / theory.wait - 1)).toBeLessThan(0.05);
  });

  it("Little's law L = λW holds at the receiving and QC queues on small-seller.yaml", () => {
    const { model } = runModel(readScenarioFile(`${scenariosDir}small-seller.yaml`), 2);
    const horizon = model.world.horizon;
    const { ledger } = model.market;
    for (const [queue, waits] of [[model.receiving.staff, ledger.receivingWait], [model.qc.staff, ledger.qcWait]] as const) {
      const n = waits.tally.count;
      expect(n).toBeGreaterThan(50);
      const L = queue.queueLevel.area(horizon) / horizon;
      const lambdaW = (n / horizon) * waits.tally.mean;
      expect(Math.abs(L - lambdaW)).toBeLessThan(0.01 * Math.max(L, 1e-9) + 1e-12);
    }
  });
});
