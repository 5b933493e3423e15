// The page's KPI tables: one scenario's KPIs with their intervals, and the paired B − A table.
import type { KpiDifference, KpiInterval } from '../src/experiment/summary.ts';

const format = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
/** A figure to six significant digits, or — where undefined (a share of nothing, a censored day). */
const number = (x: number) => (Number.isNaN(x) ? '—' : format.format(x));

/**
 * How a table is laid out: its rows, each a KPI's key and the label shown (by default every KPI,
 * labelled by its key), and how a figure is written.
 */
export interface TableLayout { rows?: [string, string][]; figure?: (x: number) => string }
const layout = (kpis: object, l: TableLayout) => ({ rows: l.rows ?? Object.keys(kpis).map((k) => [k, k]), figure: l.figure ?? number });

/** B − A per KPI: both means, the paired difference, its 95% interval and * where it excludes 0. */
export function differenceTable(table: HTMLElement, diff: Record<string, KpiDifference>, a: Record<string, KpiInterval>, b: Record<string, KpiInterval>,
  names = { a: 'A', b: 'B' }, how: TableLayout = {}): void {
  const { rows: shown, figure } = layout(diff, how);
  const rows = shown.filter(([key]) => key in diff).map(([key, label]) => {
    const d = diff[key];
    return `<tr data-kpi="${key}"><td>${label}</td><td>${figure(a[key].mean)}</td><td>${figure(b[key].mean)}</td>` +
      `<td>${figure(d.mean)}</td><td>${Number.isFinite(d.halfWidth) ? `± ${figure(d.halfWidth)}` : '—'}</td><td>${d.significant ? '*' : ''}</td></tr>`;
  });
  table.innerHTML = `<thead><tr><th>KPI</th><th>${names.a}</th><th>${names.b}</th><th>B − A</th><th>95% interval</th><th></th></tr></thead><tbody>${rows.join('')}</tbody>`;
}
/** Every KPI's mean and 95% interval; the exact means also sit in data-kpis, for tests and tools. */
export function kpiTable(table: HTMLElement, kpis: Record<string, KpiInterval>, how: TableLayout = {}): void {
  const { rows: shown, figure } = layout(kpis, how);
  const rows = shown.filter(([key]) => key in kpis).map(([key, label]) =>
    `<tr data-kpi="${key}"><td>${label}</td><td>${figure(kpis[key].mean)}</td><td>${Number.isFinite(kpis[key].halfWidth) ? `± ${figure(kpis[key].halfWidth)}` : '—'}</td></tr>`);
  table.innerHTML = `<thead><tr><th>KPI</th><th>mean</th><th>95% interval</th></tr></thead><tbody>${rows.join('')}</tbody>`;
  table.dataset.kpis = JSON.stringify(Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v.mean])));
}

/** By seller class, the paired B − A of the measures that say who bears the burden. */
const CLASS_MEASURES: [string, string, (x: number) => string][] = [
  ['finesShareOfGmv', 'fines / class GMV', (x) => `${(100 * x).toFixed(2)} pt`],
  ['onTimeShare', 'shipped on time', (x) => `${(100 * x).toFixed(2)} pt`],
  ['ordersCancelledShare', 'orders cancelled (stockout)', (x) => `${(100 * x).toFixed(2)} pt`],
  ['sellersSuspendedShare', 'sellers suspended', (x) => `${(100 * x).toFixed(2)} pt`],
  ['sellerProfitP50Cny', 'median seller profit, CNY', number],
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
