// The warehouse alone against the whole model, and its midnight snapshots: a replay of the
// recorded inflow under the scenario's roster counts each day's parcels exactly as the model did,
// and a replay resumed from a saved midnight goes on byte for byte as an unbroken one.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/schema.ts';
import { scaledDown } from '../scenario/scale.ts';
import type { Inflow } from './inflow.ts';
import { JitModel } from './jit.ts';
import { WarehouseAlone } from './warehouse-alone.ts';
import { staffHourByHour } from './world.ts';

// The peak at 1:50 with two thirds of the staff, so parcels queue and some wait past 24 h.
const s = scaledDown(defaultScenario(), 50);
s.season = { start: '2022-11-18', end: '2022-12-01' };
for (const station of [s.warehouse.receiving, s.warehouse.qc]) {
  station.staff.byHour = station.staff.byHour.map((n) => Math.floor((n * 2) / 3));
  station.staff.overrides = [];
}
const days = 14;
const model = new JitModel(s, 1, 0);
model.recordInflow();
const result = model.run();
const inflow = result.inflow as Inflow;
const receiving = staffHourByHour(s.warehouse.receiving.staff, s.season.start, days);
const qc = staffHourByHour(s.warehouse.qc.staff, s.season.start, days);

describe('the warehouse alone', () => {
  it('counts each day\'s parcels and those stocked within 24 h exactly as the model did', () => {
    const w = new WarehouseAlone(inflow, days, 24, receiving, qc);
    w.runTo(days * 24);
    expect(inflow.count).toBe(result.kpis.parcelsArrived);
    for (let d = 0; d < days - 1; d++) {
      expect(w.arrived[d], `day ${d}`).toBe(result.daily.parcelsArrived[d]);
      expect(w.within[d], `day ${d}`).toBe(result.daily.parcelsStockedWithin24h[d]);
    }
    // The check means something: on some days parcels were late.
    expect(Array.from(w.within).some((n, d) => d < days - 1 && n < w.arrived[d])).toBe(true);
  });

  it('resumes from a midnight snapshot, in a new replay, byte for byte', () => {
    const unbroken = new WarehouseAlone(inflow, days, 24, receiving, qc);
    unbroken.runTo(days * 24);
    const first = new WarehouseAlone(inflow, days, 24, receiving, qc);
    first.runTo(6 * 24);
    const saved = first.saveState();
    const resumed = new WarehouseAlone(inflow, days, 24, receiving, qc);
    resumed.restoreState(saved);
    resumed.runTo(days * 24);
    expect(resumed.arrived).toEqual(unbroken.arrived);
    expect(resumed.within).toEqual(unbroken.within);
    expect(resumed.saveState()).toEqual(unbroken.saveState());
    expect(resumed.sameFuture(unbroken)).toBe(true);
  });

  it('resumes under another roster as an unbroken replay under that roster, when saved at a midnight with nobody on', () => {
    const other = qc.map((n, h) => (h >= 6 * 24 ? n + 3 : n));
    const closed = qc.slice();
    closed[6 * 24] = 0;
    const first = new WarehouseAlone(inflow, days, 24, receiving, closed);
    first.runTo(6 * 24);
    const resumed = new WarehouseAlone(inflow, days, 24, receiving, other);
    resumed.restoreState(first.saveState());
    resumed.runTo(days * 24);
    const unbroken = new WarehouseAlone(inflow, days, 24, receiving, other);
    unbroken.runTo(days * 24);
    expect(resumed.within).toEqual(unbroken.within);
    expect(resumed.sameFuture(unbroken)).toBe(true);
    // More QC staff from day 6 on never stocks fewer parcels in time.
    const before = new WarehouseAlone(inflow, days, 24, receiving, qc);
    before.runTo(days * 24);
    for (let d = 0; d < days; d++) expect(unbroken.within[d]).toBeGreaterThanOrEqual(before.within[d]);
  });
});
