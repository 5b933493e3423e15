// A valid scenario shrunk to a tiny season, so that hundreds of generated ones can run in a test.
import { SIZE_CLASSES, type Scenario } from '../../src/scenario/types.ts';

const DAY_MS = 86_400_000;

/**
 * A copy of `scenario` clamped to a tiny scale — deliberately, for the test's speed only, not as a
 * rule of the model: at most 20 sellers of at most 20 SKUs each, a season of at most 3 days, at most
 * 50 orders a day at a day multiplier of at most 2, and no data or state files (the generated files
 * name none that exist). Every clamp only lowers a value, so the bounds a valid scenario met still hold.
 */
export function tinyScale(scenario: Scenario): Scenario {
  const s = structuredClone(scenario);
  delete s.tables;
  s.sellers.count = Math.min(s.sellers.count, 20);
  for (const c of SIZE_CLASSES) s.sellers.classes[c].skusPerSeller = Math.min(s.sellers.classes[c].skusPerSeller, 20);
  const lastDay = new Date(Date.parse(`${s.season.start}T00:00:00Z`) + 2 * DAY_MS).toISOString().slice(0, 10);
  if (s.season.end > lastDay) s.season.end = lastDay;
  s.demand.ordersPerDay = Math.min(s.demand.ordersPerDay, 50);
  s.demand.dayMultiplier = s.demand.dayMultiplier.map((p) => ({ ...p, value: Math.min(p.value, 2) }));
  s.demand.orders = null;
  s.sellers.catalogue = null;
  s.start.fromState = null;
  return s;
}
