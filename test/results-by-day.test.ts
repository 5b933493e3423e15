// Results by day (docs/results.md, "By day") and the KPI table over a date range: hand cases on the
// tiny seller, and the whole season's window against the season's own KPIs.
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { JitModel, runJit } from '../src/model/jit.ts';
import { describeDayRange, parseDayRange, windowKpis } from '../src/experiment/window.ts';
import { tiny } from './helpers/tiny.ts';
import { shrunk } from './helpers/scale.ts';

describe('the daily series (tiny seller)', () => {
  // An order at 01:00 is packed at 01:30, leaves at 18:00, arrives 04:00 on day 1; 1 min receiving,
  // 2.5 min QC, 2 h put-away: dock-to-stock 2 h 3.5 min. Receiving is closed before 06:00 for the
  // second parcel (day 2), which waits 2 h.
  const s = tiny((x) => {
    x.warehouse.receiving.staff = { byHour: Array.from({ length: 24 }, (_, h) => (h < 6 && h >= 3 ? 0 : 5)), overrides: [] };
  });
  const model = new JitModel(s, 1, 0);
  model.setStock(0, 10);
  model.scheduleOrder(1, 0, 1);
  model.scheduleOrder(20, 0, 1);
  const r = model.run();

  it('puts each parcel on the day it arrived, with its dock-to-stock and waits', () => {
    expect(Array.from(r.daily.ordersPlaced.subarray(0, 3))).toEqual([2, 0, 0]);
    expect(Array.from(r.daily.ordersShipped.subarray(0, 3))).toEqual([1, 1, 0]);
    expect(Array.from(r.daily.parcelsArrived.subarray(0, 3))).toEqual([0, 1, 1]);
    // Day 1: arrives 28 h (04:00), receiving closed until 06:00: 2 h wait, then 1 + 2.5 min and 2 h.
    expect(r.daily.receivingWaitP95Hours[1]).toBeCloseTo(2, 9);
    expect(r.daily.dockToStockP50Hours[1]).toBeCloseTo(4 + 3.5 / 60, 9);
    // Day 2: the second order (20:00, day 0) leaves day 1 at 18:00, arrives 04:00 day 2, same path.
    expect(r.daily.dockToStockP95Hours[2]).toBeCloseTo(4 + 3.5 / 60, 9);
    expect(r.daily.stockedWithin24hShare[1]).toBe(1);
    expect(r.daily.stockedWithin24hShare[0]).toBeNaN(); // no parcel arrived
    expect(r.daily.activeSellers[0]).toBe(1);
    expect(r.daily.activeSellers[1]).toBe(0);
  });

  it('censors the season’s last day, whose parcels may be stocked after the end', () => {
    const last = r.daily.dockToStockP50Hours.length - 1;
    expect(r.daily.dockToStockP50Hours[last]).toBeNaN();
    expect(r.daily.parcelsStockedWithin24h[last]).toBeNaN();
  });
});

describe('the KPI table over a date range', () => {
  const scenario = shrunk(readScenarioFile(new URL('../scenarios/black-friday-2022.yaml', import.meta.url).pathname), 40);
  const r = runJit(scenario, { seed: 2, replication: 0 });

  it('over the whole season gives the season’s own counts and peaks', () => {
    const all = parseDayRange(`${scenario.season.start}..${scenario.season.end}`, scenario.season);
    if (typeof all === 'string') throw new Error(all);
    const w = windowKpis(r, all);
    expect(w.days).toBe(66);
    expect(w.ordersPlaced).toBe(r.kpis.ordersPlaced);
    expect(w.ordersShipped).toBe(r.kpis.ordersShipped);
    expect(w.ordersShippedOnTime).toBe(r.kpis.ordersShippedOnTime);
    expect(w.finesCny).toBeCloseTo(r.kpis.finesTotalCny, 3);
    expect(w.parcelsArrived).toBe(r.kpis.parcelsArrived);
    expect(w.receivingQueuePeakParcels).toBe(r.kpis.receivingQueuePeakParcels);
    expect(w.qcQueuePeakParcels).toBe(r.kpis.qcQueuePeakParcels);
    expect(w.sellersSuspendedAtEnd).toBe(r.kpis.sellersSuspended);
  });

  it('adds up: two halves make the whole, and one day is that day’s series', () => {
    const a = windowKpis(r, { from: 0, to: 30 }), b = windowKpis(r, { from: 30, to: 66 }), whole = windowKpis(r, { from: 0, to: 66 });
    for (const k of ['ordersPlaced', 'ordersShipped', 'parcelsArrived', 'parcelsStockedWithin24h', 'receivingStaffHours']) expect(a[k] + b[k], k).toBeCloseTo(whole[k], 6);
    expect(Math.max(a.qcQueuePeakParcels, b.qcQueuePeakParcels)).toBe(whole.qcQueuePeakParcels);
    const day = windowKpis(r, { from: 55, to: 56 });
    expect(day.stockedWithin24hShare).toBe(r.daily.stockedWithin24hShare[55]);
    expect(day.dockToStockP95Hours).toBe(r.daily.dockToStockP95Hours[55]);
    // Black Friday is inside the surge: the override's roster, hour by hour.
    expect(day.receivingStaffHours).toBe(scenario.warehouse.receiving.staff.overrides[0].byHour.reduce((x, y) => x + y, 0));
  });

  it('reads FROM..TO as days of the season, both included, and says what is wrong otherwise', () => {
    const season = scenario.season;
    expect(parseDayRange('2022-11-24..2022-12-01', season)).toEqual({ from: 54, to: 62 });
    expect(describeDayRange({ from: 54, to: 62 }, season.start)).toEqual({ from: '2022-11-24', to: '2022-12-01', days: 8 });
    expect(parseDayRange('2022-11-24', season)).toMatch(/expected two dates as FROM\.\.TO/);
    expect(parseDayRange('2022-09-30..2022-10-02', season)).toMatch(/inside the season 2022-10-01 to 2022-12-05/);
    expect(parseDayRange('2022-11-30..2022-11-24', season)).toMatch(/FROM on or before TO/);
  });
});
