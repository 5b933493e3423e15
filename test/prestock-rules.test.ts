// The pre-stock rules and new products (docs/model.md §16–§19) on tiny scenarios with constant
// times, checked against figures worked out by hand: one seller, scripted orders.
import { describe, expect, it } from 'vitest';
import { JitModel } from '../src/model/jit.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { constant, tiny } from './helpers/tiny.ts';

/** The tiny seller under pre-stock; approval `approval` hours. */
function prestock(edit: (s: Scenario) => void = () => {}, approval = 48): Scenario {
  return tiny((s) => {
    s.sellers.classes.small.mode = 'prestock';
    s.prestock.approvalHours = constant(approval);
    edit(s);
  });
}

/** When a batch of `units` handed to the seller's packers at `ready` is on the shelf: packed in 0.5 h, the next 18:00 pickup, 10 h transit, 1 min receiving (staffed from `receivingFrom` o'clock), QC 2 + 0.5 min a unit, 2 h put-away. */
function shelvedAt(ready: number, units: number, receivingFrom = 0): number {
  const packed = ready + 0.5;
  const pickup = Math.ceil((packed - 18) / 24) * 24 + 18; // the first 18:00 at or after packing
  const arrival = pickup + 10;
  const hour = arrival % 24;
  const received = (hour < receivingFrom ? arrival - hour + receivingFrom : arrival) + 1 / 60;
  return received + (2 + 0.5 * units) / 60 + 2;
}

function run(s: Scenario, stock: number[], orders: [time: number, sku: number, quantity: number][]) {
  const model = new JitModel(s, 1, 0);
  stock.forEach((units, sku) => model.setStock(sku, units));
  for (const [t, sku, q] of orders) model.scheduleOrder(t, sku, q);
  const batches: { at: number; sku: number; quantity: number; launchStock: boolean }[] = [];
  const request = model.market.handoffs.requestBatch;
  model.market.handoffs.requestBatch = (sku, quantity, launchStock) => {
    batches.push({ at: model.sim.now, sku, quantity, launchStock });
    request(sku, quantity, launchStock);
  };
  const result = model.run();
  return { model, result, k: result.kpis, batches, shelf: result.hourly.shelfUnits };
}

describe('a listing with no shelf stock is off (§17)', () => {
  it('loses its orders without a fine until a batch is stocked, and sells from the shelf at once after', () => {
    // Nothing on the shelf: s = 0, S = 5 (one large order). The midnight review (24 h) asks for 5;
    // approved at 72, produced by 172, packed 172.5, picked up 186, on the shelf at 198 h 5.5 min.
    const { k, batches, shelf } = run(prestock(), [0], [[1, 0, 1], [100, 0, 1], [250, 0, 1]]);
    expect(batches).toEqual([{ at: 24, sku: 0, quantity: 5, launchStock: false }]);
    expect(shelvedAt(72 + 100, 5)).toBeCloseTo(198 + 5.5 / 60, 9);
    expect(shelf[197]).toBe(0);
    expect(shelf[198]).toBe(5);
    expect(shelf[250]).toBe(4);
    expect(k.ordersLostOutOfStock).toBe(2);
    expect(k.lostSalesOutOfStockCny).toBe(200);
    expect(k.ordersFulfilled).toBe(1);
    expect(k.finesTotalCny).toBe(0);
    expect(k.ordersShipped).toBe(0); // a pre-stock order ships from Zhaoqing: no 24-hour rule
    expect(k.dockToStockP50Hours).toBeCloseTo(2 + 5.5 / 60, 1);
  });

  it('is fined prestockStockoutMultiple x the value when the scenario sets one', () => {
    const { k, result } = run(prestock((s) => { s.rules.prestockStockoutMultiple = 2; }), [0], [[1, 0, 3]]);
    expect(k.ordersLostOutOfStock).toBe(1);
    expect(k.finesPrestockStockoutCny).toBe(2 * 300);
    expect(result.fineCauses.map((c) => c.key)).toContain('prestockStockout');
  });
});

describe('approval (§16)', () => {
  it('a batch waits approvalHours before the factory and the packers: 48 h more approval, 48 h later on the shelf (a pickup day apart)', () => {
    const fast = run(prestock(() => {}, 48), [0], []).shelf;
    const slow = run(prestock(() => {}, 96), [0], []).shelf;
    // 96 h: approved 120, produced 220, packed 220.5, picked up 234, shelved 246 h 5.5 min.
    expect(shelvedAt(120 + 100, 5)).toBeCloseTo(246 + 5.5 / 60, 9);
    expect([fast[197], fast[198]]).toEqual([0, 5]);
    expect([slow[245], slow[246]]).toEqual([0, 5]);
  });
});

describe('QC of a stocking batch (§16)', () => {
  it('rejects unit by unit: each defective unit fines 5x its value and goes back; the seller asks again at once', () => {
    const s = prestock((x) => { x.sellers.classes.small.defectRate = { mean: 1, sd: 0 }; });
    const { k, batches, model } = run(s, [0], []);
    // The batch of 5 is inspected at 196 h + 1 min + 4.5 min: every unit defective.
    expect(k.unitsRejectedAtStocking).toBeGreaterThanOrEqual(5);
    expect(batches[1].at).toBeCloseTo(196 + 5.5 / 60, 9);
    expect(batches[1].quantity).toBe(5);
    expect(model.market.books.finesOf(0, model.market.causes.findIndex((c) => c.cause === 'quality')) / k.unitsRejectedAtStocking).toBe(5 * 100);
    expect(k.unitsShelved).toBe(0);
    expect(k.returnShippingCostCny / k.unitsRejectedAtStocking).toBeCloseTo((12 + 2 * 2) / 5, 9); // 2.5 kg a batch: 16 CNY
  });
});

describe('the warehouse shelf (§18)', () => {
  it('a full shelf holds a batch back; it goes up as far as sales make room, first come first served', () => {
    // Two SKUs, shelf of 5 units, full with SKU 0. SKU 1's batch of 5 lands at 198 h and waits.
    const s = prestock((x) => {
      x.sellers.classes.small.skusPerSeller = 2;
      x.prestock.shelfUnits = 5;
    });
    const { k, shelf, model, batches, result } = run(s, [5, 0], [[220, 1, 1], [250, 0, 3], [300, 0, 2]]);
    expect(batches[0]).toEqual({ at: 24, sku: 1, quantity: 5, launchStock: false });
    expect(shelf[199]).toBe(5); // SKU 0's five; SKU 1's batch waits
    expect(k.unitsAwaitingShelfPeak).toBe(5);
    expect(k.ordersLostOutOfStock).toBe(1); // SKU 1 at 220 h: its units are in the building, not on the shelf
    expect(shelf[251]).toBe(5); // 2 of SKU 0 + 3 of SKU 1
    expect(shelf[301]).toBe(5); // 0 of SKU 0 + 5 of SKU 1
    // Never above the capacity (hour 0 held both SKUs' first batches before the what-if emptied SKU 1).
    expect(Math.max(...result.hourly.shelfUnitsMax.subarray(1))).toBe(5);
    expect(model.market.stock.onHand(1)).toBe(0); // returned at season end (no demand forecast)
  });
});

describe('the overstock return (§18)', () => {
  it('sends back every unit beyond returnAboveDays of forecast demand, one parcel at SF price', () => {
    // No demand: all 100 units go back: 50 kg, 12 + 2 x 49 = 110 CNY.
    const { k, model } = run(prestock(), [100], []);
    expect(k.unitsReturnedOverstock).toBe(100);
    expect(k.overstockReturnCostCny).toBe(110);
    expect(k.returnCostCny).toBe(110);
    expect(model.market.stock.onHand(0)).toBe(0);
  });

  it('keeps returnAboveDays of forecast demand: 60 days x 1 order a day x 1.5 units = 90', () => {
    const s = prestock((x) => {
      x.demand.ordersPerDay = 1;
      x.demand.dayMultiplier = [{ date: '2022-10-01', value: 1 }];
    });
    const { k, model } = run(s, [1000], []);
    const sold = model.market.flows.unitsSoldFromShelf;
    expect(sold).toBeGreaterThan(50);
    expect(model.market.stock.onHand(0)).toBe(90);
    expect(k.unitsReturnedOverstock).toBe(1000 - sold - 90);
    expect(k.overstockReturnCostCny).toBe(12 + 2 * (Math.ceil((1000 - sold - 90) * 0.5) - 1));
  });

  it('never touches a JIT seller’s own stock', () => {
    const { k } = run(tiny(), [100], []);
    expect(k.unitsReturnedOverstock).toBe(0);
    expect(k.overstockReturnCostCny).toBe(0);
  });
});

describe('new products (§19)', () => {
  const launched = (s: Scenario) => tiny((x) => {
    x.newProducts.share = 1;
    x.newProducts.vettingHours = constant(24);
    x.sellers.classes.small.mode = s.sellers.classes.small.mode;
    x.prestock.approvalHours = constant(48);
  });

  it('under JIT, is listed vettingHours after launch with its launch stock in hand; orders before are lost unfined', () => {
    const probe = new JitModel(launched(tiny()), 1, 0);
    const L = probe.market.launches.launchAt[0];
    expect(L).toBeGreaterThan(30);
    const { k, model } = run(launched(tiny()), [], [[L - 1, 0, 1], [L + 23, 0, 1], [L + 25, 0, 1]]);
    expect(model.market.listedAt[0]).toBe(L + 24);
    expect(k.ordersLostBeforeLaunch).toBe(1);
    expect(k.ordersLostUnlisted).toBe(1);
    expect(k.lostSalesUnlistedCny).toBe(100);
    expect(k.ordersShipped).toBe(1); // from the launch stock
    expect(k.finesTotalCny).toBe(0);
    expect(k.productsLaunched).toBe(1);
    expect(k.listingLeadTimeMeanHours).toBe(24);
  });

  it('under pre-stock, is listed only when its first batch, capped at initialCap, has passed approval, SF, receiving and QC', () => {
    // Demand of 100 orders a day makes S far above 30: the cap binds. Receiving is staffed from 06:00,
    // so the batch arriving at 04:00 queues for it like any parcel.
    const s = (mode: 'jit' | 'prestock') => tiny((x) => {
      x.newProducts.share = 1;
      x.sellers.classes.small.mode = mode;
      x.prestock.approvalHours = constant(48);
      x.demand.ordersPerDay = 100;
      x.demand.dayMultiplier = [{ date: '2022-10-01', value: 1 }];
      x.warehouse.receiving.staff = { byHour: Array.from({ length: 24 }, (_, h) => (h < 6 ? 0 : 5)), overrides: [] };
    });
    const { model, batches, k } = run(s('prestock'), [], []);
    const L = model.market.launches.launchAt[0];
    expect(batches[0]).toEqual({ at: L, sku: 0, quantity: 30, launchStock: true });
    expect(model.market.stock.orderUpTo(0)).toBeGreaterThan(30);
    // Approval 48 h, no factory (launch stock): to the packers at L + 48.
    expect(model.market.listedAt[0]).toBeCloseTo(shelvedAt(L + 48, 30, 6), 9);
    expect(k.receivingWaitP95Hours).toBeGreaterThan(1); // it waited for the 06:00 shift
    expect(k.ordersLostUnlisted).toBeGreaterThan(0);
    for (const b of batches.slice(1)) expect(b.launchStock).toBe(false); // later batches are uncapped
    expect(batches.slice(1).some((b) => b.quantity > 30)).toBe(true);
    expect(Math.min(...batches.slice(1).map((b) => b.at))).toBeGreaterThanOrEqual(model.market.listedAt[0]);
  });
});
