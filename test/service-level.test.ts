// Service-level stocking (docs/model.md §3) against its promise: with one SKU, constant demand and
// no disruptions, the share of replenishment cycles that end without a stockout is the cycle
// service level, within sampling error.
import { describe, expect, it } from 'vitest';
import { JitModel } from '../src/model/jit.ts';
import { leadTimeDemandQuantile } from '../src/model/lead-time-demand.ts';
import { defaultScenario } from '../src/scenario/schema.ts';
import type { Scenario } from '../src/scenario/types.ts';

const LEVEL = 0.9, ORDERS_PER_DAY = 20, LEAD = { medianHours: 120, p90Hours: 240 };

/** One seller with one SKU and a three-year season of steady single-unit orders. */
function oneSku(): Scenario {
  const s = defaultScenario();
  s.season = { start: '2022-01-01', end: '2024-12-31' };
  s.demand.ordersPerDay = ORDERS_PER_DAY;
  s.demand.dayMultiplier = [{ date: '2022-01-01', value: 1 }];
  s.demand.hourProfile = Array(24).fill(1);
  s.demand.meanQuantity = 1; // single units: the position meets s exactly, no undershoot
  s.sellers.count = 1;
  s.sellers.classes.large.share = 0;
  s.sellers.classes.medium.share = 0;
  Object.assign(s.sellers.classes.small, {
    share: 1, skusPerSeller: 1, defectRate: { mean: 0, sd: 0 }, topUpProbability: 1,
    // 20 days of cycle stock: one factory order at a time, so each lead time is one cycle.
    stocking: { policy: 'serviceLevel', cycleServiceLevel: LEVEL, cycleDays: 20 },
  });
  s.factories.leadTime = LEAD;
  s.factories.disruptions = [];
  s.factories.randomDisruptions = null;
  return s;
}

describe('service-level stocking (§3)', () => {
  it('the share of replenishment cycles without a stockout is the cycle service level, within sampling error', () => {
    let cycles = 0, clean = 0, overlapping = 0;
    for (let replication = 0; replication < 20; replication++) {
      const model = new JitModel(oneSku(), 7, replication);
      const { handoffs, sim, stock } = model.market;
      // A cycle runs from a factory order to the next one; it is clean if no order found the shelf short.
      const placed: number[] = [], short: number[] = [];
      const { orderFromFactory, backordered } = handoffs;
      handoffs.orderFromFactory = (sku, q) => {
        if (stock.onOrder(sku) > 0) overlapping++;
        placed.push(sim.now);
        orderFromFactory(sku, q);
      };
      handoffs.backordered = (o) => { short.push(sim.now); backordered(o); };
      model.run();
      for (let i = 0; i + 1 < placed.length; i++) {
        cycles++;
        if (!short.some((t) => t >= placed[i] && t < placed[i + 1])) clean++;
      }
    }
    expect(overlapping).toBe(0);
    expect(cycles).toBeGreaterThan(800);
    // s is the smallest stock with P(demand over a lead time <= s) >= 0.9; at 20 a day over ~5–10
    // days that probability sits above 0.9 by under 0.01 (one more unit is ~0.4% of the mass).
    const share = clean / cycles, se = Math.sqrt((LEVEL * (1 - LEVEL)) / cycles);
    expect(share).toBeGreaterThan(LEVEL - 3 * se);
    expect(share).toBeLessThan(LEVEL + 0.01 + 3 * se);
    expect(leadTimeDemandQuantile(ORDERS_PER_DAY, LEAD, 1, LEVEL)).toBeGreaterThan(ORDERS_PER_DAY * 5); // above the median lead time's mean demand: safety stock
  });
});
