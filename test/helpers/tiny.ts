// A tiny scenario for hand-checked rule tests: one small seller, constant times, no random demand.
import { defaultScenario } from '../../src/scenario/schema.ts';
import { REGIONS, type Scenario } from '../../src/scenario/types.ts';

export const constant = (hours: number) => ({ medianHours: hours, p90Hours: hours });

/**
 * One small seller with one SKU, packing round the clock in 0.5 h, pickup 18:00, transit 10 h,
 * receiving 1 min, factory 100 h, unit value 100 CNY and weight 0.5 kg, no randomness in times.
 */
export function tiny(edit: (s: Scenario) => void = () => {}): Scenario {
  const s = defaultScenario();
  s.demand.ordersPerDay = 0;
  s.demand.unitValue = { medianCny: 100, p90Cny: 100 };
  s.demand.unitWeight = { medianKg: 0.5, p90Kg: 0.5 };
  s.sellers.count = 1;
  s.sellers.classes.large.share = 0;
  s.sellers.classes.medium.share = 0;
  const small = s.sellers.classes.small;
  Object.assign(small, {
    share: 1, skusPerSeller: 1, workingHours: { openHour: 0, closeHour: 24 }, handling: constant(0.5),
    pickupHours: [18], defectRate: { mean: 0, sd: 0 }, topUpProbability: 0,
  });
  s.factories.disruptions = [];
  s.factories.randomDisruptions = null;
  s.factories.leadTime = constant(100);
  for (const r of REGIONS) s.courier.transit[r] = constant(10);
  s.courier.peakSlowdown = [];
  s.warehouse.receiving.service = { medianMinutes: 1, p90Minutes: 1 };
  s.warehouse.receiving.staff = { byHour: Array(24).fill(5), overrides: [] };
  s.warehouse.qc.staff = { byHour: Array(24).fill(5), overrides: [] };
  edit(s);
  return s;
}

