// A platform divided by k: sellers, daily orders and warehouse staff (rounded up) alike, so queues
// keep their load while a season runs k times faster. For tests and benchmarks; structural, so
// it also scales a scenario read by another build of the project.

type Staff = { byHour: number[]; overrides: { byHour: number[] }[] };

/** The fields this touches. */
export interface Scalable {
  demand: { ordersPerDay: number };
  sellers: { count: number };
  warehouse: { receiving: { staff: Staff }; qc: { staff: Staff } };
}

/** Divides `s` in place by `k` and returns it. */
export function scaledDown<S extends Scalable>(s: S, k: number): S {
  if (k === 1) return s;
  s.sellers.count = Math.round(s.sellers.count / k);
  s.demand.ordersPerDay /= k;
  const divide = (hours: number[]) => hours.map((n) => Math.ceil(n / k));
  for (const staff of [s.warehouse.receiving.staff, s.warehouse.qc.staff]) {
    staff.byHour = divide(staff.byHour);
    for (const o of staff.overrides) o.byHour = divide(o.byHour);
  }
  return s;
}
