// The page's KPI tables: one scenario's KPIs with their intervals, and the paired B − A table.
import type { KpiDifference, KpiInterval } from '../src/experiment/summary.ts';

const number = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
/** B − A per KPI: both means, the paired difference, its 95% interval and * where it excludes 0. */
export function differenceTable(table: HTMLElement, diff: Record<string, KpiDifference>, a: Record<string, KpiInterval>, b: Record<string, KpiInterval>): void {
  const rows = Object.entries(diff).map(([name, d]) =>
    `<tr data-kpi="${name}"><td>${name}</td><td>${number.format(a[name].mean)}</td><td>${number.format(b[name].mean)}</td>` +
    `<td>${number.format(d.mean)}</td><td>${Number.isFinite(d.halfWidth) ? `± ${number.format(d.halfWidth)}` : '—'}</td><td>${d.significant ? '*' : ''}</td></tr>`);
  table.innerHTML = `<thead><tr><th>KPI</th><th>A</th><th>B</th><th>B − A</th><th>95% interval</th><th></th></tr></thead><tbody>${rows.join('')}</tbody>`;
}
/** Every KPI's mean and 95% interval; the exact means also sit in data-kpis, for tests and tools. */
export function kpiTable(table: HTMLElement, kpis: Record<string, KpiInterval>): void {
  const rows = Object.entries(kpis).map(([name, k]) =>
    `<tr><td>${name}</td><td>${number.format(k.mean)}</td><td>${Number.isFinite(k.halfWidth) ? `± ${number.format(k.halfWidth)}` : '—'}</td></tr>`);
  table.innerHTML = `<thead><tr><th>KPI</th><th>mean</th><th>95% interval</th></tr></thead><tbody>${rows.join('')}</tbody>`;
  table.dataset.kpis = JSON.stringify(Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v.mean])));
}
