// The page's KPI tables: one scenario's KPIs with their intervals, and the paired B − A table.
import type { KpiDifference, KpiInterval } from '../src/experiment/summary.ts';

const number = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
/** B − A per KPI: both means, the paired difference, its 95% interval and * where it excludes 0. */
export function differenceTable(table: HTMLElement, diff: Record<string, KpiDifference>, a: Record<string, KpiInterval>, b: Record<string, KpiInterval>,
  names = { a: 'A', b: 'B' }): void {
  const rows = Object.entries(diff).map(([name, d]) =>
    `<tr data-kpi="${name}"><td>${name}</td><td>${number.format(a[name].mean)}</td><td>${number.format(b[name].mean)}</td>` +
    `<td>${number.format(d.mean)}</td><td>${Number.isFinite(d.halfWidth) ? `± ${number.format(d.halfWidth)}` : '—'}</td><td>${d.significant ? '*' : ''}</td></tr>`);
  table.innerHTML = `<thead><tr><th>KPI</th><th>${names.a}</th><th>${names.b}</th><th>B − A</th><th>95% interval</th><th></th></tr></thead><tbody>${rows.join('')}</tbody>`;
}
/** Every KPI's mean and 95% interval; the exact means also sit in data-kpis, for tests and tools. */
export function kpiTable(table: HTMLElement, kpis: Record<string, KpiInterval>): void {
  const rows = Object.entries(kpis).map(([name, k]) =>
    `<tr><td>${name}</td><td>${number.format(k.mean)}</td><td>${Number.isFinite(k.halfWidth) ? `± ${number.format(k.halfWidth)}` : '—'}</td></tr>`);
  table.innerHTML = `<thead><tr><th>KPI</th><th>mean</th><th>95% interval</th></tr></thead><tbody>${rows.join('')}</tbody>`;
  table.dataset.kpis = JSON.stringify(Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v.mean])));
}

/** By seller class, the paired B − A of the measures that say who bears the burden. */
const CLASS_MEASURES: [string, string, (x: number) => string][] = [
  ['finesShareOfGmv', 'fines / class GMV', (x) => `${(100 * x).toFixed(2)} pt`],
  ['onTimeShare', 'shipped on time', (x) => `${(100 * x).toFixed(2)} pt`],
  ['ordersCancelledShare', 'orders cancelled (stockout)', (x) => `${(100 * x).toFixed(2)} pt`],
  ['sellersSuspendedShare', 'sellers suspended', (x) => `${(100 * x).toFixed(2)} pt`],
  ['sellerProfitP50Cny', 'median seller profit, CNY', (x) => number.format(x)],
];

/** B − A by class: each cell the paired difference, ± its 95% half width, * where it excludes 0; — where undefined. */
export function classDifferenceTable(table: HTMLElement, diff: Record<string, Record<string, KpiDifference>>): void {
  const classes = ['large', 'medium', 'small'].filter((c) => diff[c]?.sellers && Number.isFinite(diff[c].finesShareOfGmv?.mean));
  const cell = (d: KpiDifference | undefined, show: (x: number) => string) =>
    !d || !Number.isFinite(d.mean) ? '—' : `${show(d.mean)}${Number.isFinite(d.halfWidth) ? ` ± ${show(d.halfWidth)}` : ''}${d.significant ? ' *' : ''}`;
  const rows = CLASS_MEASURES.map(([key, label, show]) =>
    `<tr data-kpi="${key}"><td>${label}</td>${classes.map((c) => `<td data-class="${c}">${cell(diff[c][key], show)}</td>`).join('')}</tr>`);
  table.innerHTML = `<thead><tr><th>B − A by seller class</th>${classes.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>`;
}
