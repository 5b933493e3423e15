// Each JIT rule of docs/model.md on a tiny scenario with constant times, checked against figures
// worked out by hand: one seller, one SKU, scripted orders, no random demand.
import { describe, expect, it } from 'vitest';
import { JitModel } from '../src/model/jit.ts';
import { inside } from '../src/model/disruptions.ts';
import { REGIONS, type Scenario } from '../src/scenario/types.ts';
import { constant, tiny } from './helpers/tiny.ts';

function run(s: Scenario, orders: [time: number, quantity: number][], stock = 10) {
  const model = new JitModel(s, 1, 0);
  model.setStock(0, stock);
  for (const [t, q] of orders) model.scheduleOrder(t, 0, q);
  const result = model.run();
  return { model, k: result.kpis, result };
}

describe('lateness fines (docs/model.md §8)', () => {
  it('a ship delay of exactly 24 h is on time; 24 h and a minute is fined 1x the value', () => {
    // Placed 18:00, packed 18:30: misses the 18:00 pickup, leaves next day at 18:00: 24 h exactly.
    // Placed 17:59, packed 18:29: also leaves next day at 18:00: 24 h 1 min late.
    const { k, model } = run(tiny(), [[18, 1], [17 + 59 / 60, 1]]);
    expect(k.ordersShipped).toBe(2);
    expect(k.ordersShippedOnTime).toBe(1);
    expect(k.ordersShippedLateTier1).toBe(1);
    expect(k.finesLateTier1Cny).toBe(100);
    expect(k.finesTotalCny).toBe(100);
    expect(model.market.books.deposit(0)).toBe(5000 - 100); // fines come off the deposit when assessed
    expect(k.ordersFulfilled).toBe(2);
  });

  it('an order that ships 49 h after it was placed is fined 5x (couriers stopped for two days)', () => {
    const s = tiny((x) => {
      x.factories.disruptions = [{ regions: [...REGIONS], from: '2022-10-01', to: '2022-10-02', affectedShare: 1, restartHours: 0, courierSuspended: true }];
    });
    // Placed 17:00, packed 17:30; pickups at 18:00 on days 0 and 1 fall in the stop; day 2 18:00 = 66 h.
    const { k } = run(s, [[17, 2]]);
    expect(k.shipDelayMeanHours).toBe(49);
    expect(k.ordersShippedLateTier2).toBe(1);
    expect(k.finesLateTier2Cny).toBe(5 * 200);
  });
});

describe('packing inside working hours (§6)', () => {
  it('never packs outside working hours: work pauses at closing and resumes at opening', () => {
    const s = tiny((x) => { x.sellers.classes.small.workingHours = { openHour: 9, closeHour: 21 }; });
    // 22:00 → packed 09:30 next day → ships 18:00: 20 h. 20:45 → 15 min done, 15 min from 09:00 → ships 18:00: 21.25 h.
    const { result, k } = run(s, [[22, 1], [20.75, 1]]);
    expect(k.ordersShippedOnTime).toBe(2);
    expect(result.histograms.shipDelayHours.min).toBe(20);
    expect(result.histograms.shipDelayHours.max).toBe(21.25);
  });
});

describe('stockout failure (§9)', () => {
  it('a backorder not reserved within failAfterHours is cancelled, fined 5x and never ships', () => {
    const s = tiny((x) => { x.sellers.classes.small.stocking = { policy: 'makeToOrder' }; });
    const { k, model } = run(s, [[5, 1]], 0); // factory takes 100 h, the order fails at 77 h
    expect(k.ordersCancelled).toBe(1);
    expect(k.finesStockoutCny).toBe(500);
    expect(k.ordersShipped).toBe(0);
    expect(k.parcelsShipped).toBe(0);
    expect(model.market.stock.onHand(0)).toBe(1); // the late units arrive into stock at 105 h
  });

  it('a backorder reserved in time is not fined for stock', () => {
    const s = tiny((x) => {
      x.sellers.classes.small.stocking = { policy: 'makeToOrder' };
      x.factories.leadTime = constant(50);
    });
    const { k } = run(s, [[5, 1]], 0); // stock at 55 h, packed 55.5, ships day 2 18:00 = 66 h: 61 h late
    expect(k.ordersCancelled).toBe(0);
    expect(k.finesStockoutCny).toBe(0);
    expect(k.shipDelayMeanHours).toBe(61);
    expect(k.finesLateTier2Cny).toBe(500);
  });
});

describe('quality rejection (§12)', () => {
  it('a rejected order pays 5x its value on top of its lateness fine, and is not fulfilled', () => {
    const s = tiny((x) => { x.sellers.classes.small.defectRate = { mean: 1, sd: 0 }; });
    const { k, model } = run(s, [[17 + 59 / 60, 1]]);
    expect(k.ordersRejected).toBe(1);
    expect(k.ordersFulfilled).toBe(0);
    expect(k.finesLateTier1Cny).toBe(100);
    expect(k.finesQualityCny).toBe(500);
    expect(model.market.books.deposit(0)).toBe(5000 - 600);
    expect(k.returnShippingCostCny).toBe(12); // 0.5 kg back at the seller's cost
  });
});

describe('deposit, top-up and suspension (§14)', () => {
  const expensive = (topUp: number) => tiny((x) => {
    x.demand.unitValue = { medianCny: 2000, p90Cny: 2000 };
    x.sellers.classes.small.stocking = { policy: 'makeToOrder' };
    x.sellers.classes.small.topUpProbability = topUp;
    x.factories.leadTime = constant(1000);
  });
  // Order A at 1 h fails at 73 h: 10 000 CNY fine, deposit -5000, the seller answers at 145 h.
  // Order B at 100 h is accepted (before the answer) and fails at 172 h. Order C comes at 200 h.
  const script: [number, number][] = [[1, 1], [100, 1], [200, 1]];

  it('a seller below zero that does not top up is suspended and its later orders are lost', () => {
    const { k, model } = run(expensive(0), script, 0);
    expect(k.sellersSuspended).toBe(1);
    expect(k.sellersDepositExhausted).toBe(1);
    expect(k.ordersLost).toBe(1);
    expect(k.lostSalesCny).toBe(2000);
    expect(k.ordersCancelled).toBe(2); // B was accepted before the suspension and can still be fined
    expect(model.market.books.deposit(0)).toBe(5000 - 20_000);
  });

  it('a seller that tops up pays back to the full deposit and keeps trading', () => {
    const { k, model } = run(expensive(1), script, 0);
    expect(k.sellersSuspended).toBe(0);
    expect(k.ordersLost).toBe(0);
    expect(k.ordersCancelled).toBe(3);
    // Top-up at 145 h covers fine A; B's fine (172 h) drops it again, topped up at 244 h; C fails at 272 h.
    expect(k.topUpsCny).toBe(10_000 + 10_000 + 10_000);
    expect(model.market.books.deposit(0)).toBe(5000);
  });
});

describe('factory disruption windows (§4)', () => {
  it('delivers late by exactly the overlap with the window plus the restart', () => {
    const s = tiny((x) => {
      x.factories.disruptions = [{ regions: [...REGIONS], from: '2022-10-03', to: '2022-10-04', affectedShare: 1, restartHours: 24, courierSuspended: false }];
    });
    const model = new JitModel(s, 1, 0);
    // Window 48–96 h, restart to 120 h. 120 h of work from 10 h: 38 h done, paused 48–120, done at 202 h.
    expect(model.productionDone(0, 10, 120)).toBe(10 + 120 + 48 + 24);
    // An order placed inside the window or its restart starts at 120 h.
    expect(model.productionDone(0, 60, 20)).toBe(140);
    expect(model.productionDone(0, 100, 20)).toBe(140);
    // Work done before the window needs no pause.
    expect(model.productionDone(0, 10, 30)).toBe(40);
  });

  it('in a full run, a make-to-order unit caught by the window ships when production is done', () => {
    const s = tiny((x) => {
      x.sellers.classes.small.stocking = { policy: 'makeToOrder' };
      x.factories.leadTime = constant(120);
      x.rules.failAfterHours = 1000;
      x.factories.disruptions = [{ regions: [...REGIONS], from: '2022-10-03', to: '2022-10-04', affectedShare: 1, restartHours: 24, courierSuspended: false }];
    });
    // Stock at 202 h (day 8, 10:00), packed 10:30, pickup day 8 18:00 = 210 h: ship delay 200 h.
    const { k } = run(s, [[10, 1]], 0);
    expect(k.shipDelayMeanHours).toBe(200);
  });
});

describe('warehouse rosters (§11, §12)', () => {
  it('a roster cut never interrupts work in hand: a 30-minute inspection begun at 18:51 ends 19:21', () => {
    const s = tiny((x) => {
      for (const r of REGIONS) x.courier.transit[r] = constant(50 / 60); // leaves 18:00, arrives 18:50
      x.warehouse.qc.perParcelMinutes = 30;
      x.warehouse.qc.perUnitMinutes = 0;
      x.warehouse.qc.staff = { byHour: Array.from({ length: 24 }, (_, h) => (h < 19 ? 1 : 0)), overrides: [] };
    });
    const { result, k } = run(s, [[10, 1]]);
    expect(k.ordersFulfilled).toBe(1);
    // Dock to stock: 1 min receiving + 30 min QC (not paused at 19:00) + 2 h put-away.
    expect(result.histograms.dockToStockHours.max).toBeCloseTo(1 / 60 + 0.5 + 2, 12);
  });
});

describe('pausing a listing when out of stock (§3)', () => {
  // No random demand: s = 0, S = 1. A at 1 h takes the one unit; the review orders one more (lands at 101 h).
  // B at 5 h finds nothing on hand and a factory order out. C at 150 h finds the unit that landed.
  const script: [number, number][] = [[1, 1], [5, 1], [150, 1]];

  it('a paused listing loses orders without fines and resumes when stock lands', () => {
    const { k } = run(tiny((x) => { x.sellers.classes.small.pauseListingWhenOut = true; }), script, 1);
    expect(k.ordersLost).toBe(1);
    expect(k.ordersLostPaused).toBe(1);
    expect(k.lostSalesCny).toBe(100);
    expect(k.finesTotalCny).toBe(0);
    expect(k.ordersCancelled).toBe(0);
    expect(k.ordersShipped).toBe(2); // A and C
  });

  it('without it the same order waits as a backorder and is cancelled and fined at 77 h', () => {
    const { k } = run(tiny(), script, 1);
    expect(k.ordersLost).toBe(0);
    expect(k.ordersCancelled).toBe(1);
    expect(k.finesStockoutCny).toBe(500);
  });
});

describe('district lockdowns (§4)', () => {
  it('stop SF for the drawn share of the region’s sellers, and for exactly those', () => {
    const s = tiny((x) => {
      x.sellers.count = 60;
      x.sellers.regions = { shenzhen: 0, guangzhou: 0.5, dongguan: 0, foshan: 0.5, restOfGuangdong: 0, neighbouringProvinces: 0 };
      // Days 0–2 ([0, 72) h): pickups at 18, 42 and 66 h fall inside.
      x.factories.disruptions = [{ regions: ['guangzhou'], from: '2022-10-01', to: '2022-10-03', affectedShare: 0.4, restartHours: 0, courierSuspended: true }];
    });
    const model = new JitModel(s, 1, 0);
    for (let seller = 0; seller < 60; seller++) { model.setStock(seller, 10); model.scheduleOrder(1, seller, 1); }
    const k = model.run().kpis;
    const { world } = model;
    const inRegion = Array.from({ length: 60 }, (_, i) => i).filter((i) => REGIONS[world.sellerRegion[i]] === 'guangzhou');
    const stopped = Array.from({ length: 60 }, (_, i) => i).filter((i) => inside(world.courierStops, i, 18));
    expect(stopped.every((i) => inRegion.includes(i))).toBe(true);
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.length).toBeLessThan(inRegion.length); // a district, not the city
    // The stopped sellers' orders leave at 90 h (89 h late, 5x); everyone else's at 18 h.
    expect(k.ordersShippedLateTier2).toBe(stopped.length);
    expect(k.ordersShippedOnTime).toBe(60 - stopped.length);
  });
});

describe('top-up as a disposition (§14)', () => {
  it('is drawn once per seller: a seller that tops up once never ends suspended, one that does not is suspended at once', () => {
    const s = tiny((x) => {
      x.sellers.count = 40;
      x.demand.unitValue = { medianCny: 2000, p90Cny: 2000 };
      x.sellers.classes.small.stocking = { policy: 'makeToOrder' };
      x.sellers.classes.small.topUpProbability = 0.5;
      x.factories.leadTime = constant(1000);
    });
    // Per seller, orders at 1, 100, 200, 300 h all fail 72 h later: each fine takes the deposit to −5,000.
    const model = new JitModel(s, 3, 0);
    for (let seller = 0; seller < 40; seller++) for (const t of [1, 100, 200, 300]) model.scheduleOrder(t, seller, 1);
    model.run();
    const { books } = model.market;
    const toppedUp = Array.from({ length: 40 }, (_, i) => i).filter((i) => books.topUpsOf(i) > 0);
    const suspended = Array.from({ length: 40 }, (_, i) => i).filter((i) => books.suspended(i));
    expect(toppedUp.length).toBeGreaterThan(5);
    expect(suspended.length).toBeGreaterThan(5);
    expect(toppedUp.filter((i) => suspended.includes(i))).toEqual([]);
    expect(toppedUp.length + suspended.length).toBe(40);
    for (const i of toppedUp) expect(books.topUpsOf(i)).toBe(4 * 10_000); // every one of its four crossings
  });
});

describe('force majeure (§15)', () => {
  // Make-to-order, 50 h production; couriers and the factory stopped over [0, 48) h.
  // A at 1 h: production waits for 48 h, the order fails at 73 h: placed while the factory was blocked.
  // C at 30 h: its unit lands at 98 h, ships at 114 h, 84 h late: pickups were stopped after it was placed.
  // B at 60 h: served at 98 h by A's unit, ships at 114 h, 54 h late: nothing stopped it, fined 5x.
  const s = (forceMajeure: boolean) => tiny((x) => {
    x.sellers.classes.small.stocking = { policy: 'makeToOrder' };
    x.factories.leadTime = constant(50);
    x.factories.disruptions = [{ regions: [...REGIONS], from: '2022-10-01', to: '2022-10-02', affectedShare: 1, restartHours: 0, courierSuspended: true }];
    x.rules.forceMajeure = forceMajeure;
  });
  const script: [number, number][] = [[1, 1], [30, 1], [60, 1]];

  it('waives exactly the fines its rule names', () => {
    const { k } = run(s(true), script, 0);
    expect(k.ordersCancelled).toBe(1);
    expect(k.ordersShippedLateTier2).toBe(2);
    expect(k.finesTotalCny).toBe(500); // B alone
    expect(k.finesLateTier2Cny).toBe(500);
    expect(k.finesStockoutCny).toBe(0);
    expect(k.finesWaivedCny).toBe(1000); // A's stockout fine and C's lateness fine
    expect(k.ordersFineWaived).toBe(2);
  });

  it('is off by default: the same orders pay all three fines', () => {
    const { k } = run(s(false), script, 0);
    expect(k.finesTotalCny).toBe(1500);
    expect(k.finesWaivedCny).toBe(0);
  });
});
