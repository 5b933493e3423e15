// Results as text files: KPI and hourly CSV with stable headers, and JSON that survives the
// trip (no Infinity, NaN or typed arrays). Shared by the command and the web app's downloads.
import type { HourlyBand, KpiInterval } from './summary.ts';
import { dateAt } from '../scenario/time.ts';

/** JSON has no Infinity or NaN and no typed arrays: nulls and plain arrays instead. */
export function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array);
  return value;
}

/** A number as a CSV cell: 12 significant digits, empty when not finite. */
export const csvNumber = (x: number) => (Number.isFinite(x) ? String(+x.toPrecision(12)) : '');

export function kpisCsv(kpis: Record<string, KpiInterval>): string {
  const rows = ['kpi,mean,half_width_95,low_95,high_95,replications'];
  for (const [name, k] of Object.entries(kpis)) {
    rows.push([name, csvNumber(k.mean), csvNumber(k.halfWidth), csvNumber(k.low), csvNumber(k.high), String(k.n)].join(','));
  }
  return rows.join('\n') + '\n';
}

/** One row per (seller class, KPI): the KPIs that say who bears the burden. */
export function kpisByClassCsv(byClass: Record<string, Record<string, KpiInterval>>): string {
  const rows = ['class,kpi,mean,half_width_95,low_95,high_95,replications'];
  for (const [c, kpis] of Object.entries(byClass)) {
    for (const [name, k] of Object.entries(kpis)) {
      rows.push([c, name, csvNumber(k.mean), csvNumber(k.halfWidth), csvNumber(k.low), csvNumber(k.high), String(k.n)].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

/** One row per China day of the season: its date, then each daily series' mean, P5 and P95. */
export function dailyCsv(daily: Record<string, HourlyBand>, seasonStart: string): string {
  const names = Object.keys(daily);
  const header = ['day', 'date', ...names.flatMap((n) => [`${n}_mean`, `${n}_p5`, `${n}_p95`])];
  const days = names.length ? daily[names[0]].mean.length : 0;
  const rows = [header.join(',')];
  for (let d = 0; d < days; d++) {
    const cells = [String(d), dateAt(d * 24, seasonStart)];
    for (const n of names) cells.push(csvNumber(daily[n].mean[d]), csvNumber(daily[n].p5[d]), csvNumber(daily[n].p95[d]));
    rows.push(cells.join(','));
  }
  return rows.join('\n') + '\n';
}

/** One row per hour: its China date and hour, then each series' mean, P5 and P95. */
export function hourlyCsv(hourly: Record<string, HourlyBand>, seasonStart: string): string {
  const names = Object.keys(hourly);
  const header = ['hour', 'date', 'hour_of_day', ...names.flatMap((n) => [`${n}_mean`, `${n}_p5`, `${n}_p95`])];
  const hours = names.length ? hourly[names[0]].mean.length : 0;
  const rows = [header.join(',')];
  for (let h = 0; h < hours; h++) {
    const cells = [String(h), dateAt(h, seasonStart), String(h % 24)];
    for (const n of names) cells.push(csvNumber(hourly[n].mean[h]), csvNumber(hourly[n].p5[h]), csvNumber(hourly[n].p95[h]));
    rows.push(cells.join(','));
  }
  return rows.join('\n') + '\n';
}
