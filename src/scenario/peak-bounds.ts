// The bounds at the peak (docs/scenario-format.md, "Limits"): orders a day, so that a day's counts
// of orders and parcels stay 32-bit whole numbers; and packers, since each seller plans its packers
// for the day from the orders it expects (docs/model.md §6), one slot of memory each, so a scenario
// whose peak would put more on duty than a worker can hold is refused before it runs.
import type { z } from 'zod';
import { SIZE_CLASSES, type Scenario } from './types.ts';
import { formatNumber, report, LIMITS } from './fields.ts';

/** Φ⁻¹(0.9): a log-normal's p90 is its median times e^(σ·Z90). */
const Z90 = 1.2815515655446004;

/** Orders a day at the peak of the season's curve (at least ordersPerDay). */
export function peakOrdersPerDay(s: Omit<Scenario, 'tables'>): number {
  return s.demand.ordersPerDay * Math.max(1, ...s.demand.dayMultiplier.map((p) => p.value));
}

/** Packers on duty at the peak, at most: one per seller, plus each class's work as if it took every order. */
export function peakPackers(s: Omit<Scenario, 'tables'>): { packers: number; worstClass: (typeof SIZE_CLASSES)[number] } {
  const peakOrders = peakOrdersPerDay(s);
  let perOrder = 0, worstClass: (typeof SIZE_CLASSES)[number] = SIZE_CLASSES[0];
  for (const c of SIZE_CLASSES) {
    const k = s.sellers.classes[c];
    const hours = k.workingHours.closeHour - k.workingHours.openHour;
    if (k.share === 0 || !(hours >= LIMITS.openHours)) continue; // a too-short day is reported on its own
    const sigma = Math.log(k.handling.p90Hours / k.handling.medianHours) / Z90;
    const meanHours = k.handling.medianHours * Math.exp((sigma * sigma) / 2);
    const packersPerOrder = (k.packingHeadroom * meanHours) / hours;
    if (packersPerOrder > perOrder) [perOrder, worstClass] = [packersPerOrder, c];
  }
  return { packers: s.sellers.count + perOrder * peakOrders, worstClass };
}

/** Refuses a scenario whose orders a day at the peak would exceed LIMITS.peakOrdersPerDay, or its packers LIMITS.packers. */
export function peakChecks(s: Omit<Scenario, 'tables'>, ctx: z.core.$RefinementCtx): void {
  const orders = peakOrdersPerDay(s);
  if (orders > LIMITS.peakOrdersPerDay) {
    report(ctx, ['demand', 'dayMultiplier'], `expected at most ${formatNumber(LIMITS.peakOrdersPerDay)} orders a day at the peak (ordersPerDay × the curve's largest value), got ${formatNumber(orders)}`);
    return;
  }
  const { packers, worstClass } = peakPackers(s);
  if (packers > LIMITS.packers) {
    report(ctx, ['sellers', 'classes', worstClass], `expected at most ${formatNumber(LIMITS.packers)} packers at the peak (sellers + packingHeadroom × peak orders a day × mean handling hours ÷ working hours), got ${formatNumber(packers)} (too large to simulate)`);
  }
}
