// The page's KPI tables: one scenario's KPIs grouped with plain names (web/glossary/kpis.ts), and
// the flat tables of the KPIs over some days (kpi-window.ts): one run, or the paired change − baseline.
import type { KpiDifference, KpiInterval } from '../src/experiment/summary.ts';
import { KPIS, KPI_GROUPS, nameWithUnit } from './glossary/index.ts';
import { figureWriter, isWide, WIDE_SHARE } from './kpi-figures.ts';
import { helpControl } from './help.ts';
import { fillTable } from './plain-table.ts';
import './results-tables.css';

const format = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
/** A figure to six significant digits, or — where undefined (a share of nothing, a censored day). */
const number = (x: number) => (Number.isNaN(x) ? '—' : format.format(x));

/**
 * How a table is laid out: its rows, each a KPI's key and the label shown (by default every KPI,
 * labelled by its key), and how a figure is written.
 */
export interface TableLayout { rows?: [string, string][]; figure?: (x: number) => string }
const layout = (kpis: object, l: TableLayout) => ({ rows: l.rows ?? Object.keys(kpis).map((k) => [k, k]), figure: l.figure ?? number });

/** Change − baseline per KPI (`names.a` the baseline, `names.b` the change): both means, the paired difference, its 95% interval and * where it excludes 0. */
export function differenceTable(table: HTMLElement, diff: Record<string, KpiDifference>, a: Record<string, KpiInterval>, b: Record<string, KpiInterval>,
  names = { a: 'A', b: 'B' }, how: TableLayout = {}): void {
  const { rows: shown, figure } = layout(diff, how);
  const rows = shown.filter(([key]) => key in diff).map(([key, label]) => {
    const d = diff[key];
    return { data: { kpi: key }, cells: [label, figure(a[key].mean), figure(b[key].mean), figure(d.mean),
      Number.isFinite(d.halfWidth) ? `± ${figure(d.halfWidth)}` : '—', d.significant ? '*' : ''] };
  });
  fillTable(table, ['KPI', names.a, names.b, 'change − baseline', '95% interval', ''], rows);
}
/**
 * Every KPI's mean and 95% interval; the exact means also sit in data-kpis, for tests and tools.
 * Without a layout, the planner's table: grouped, plain names with help, internal rows left out.
 */
export function kpiTable(table: HTMLElement, kpis: Record<string, KpiInterval>, how?: TableLayout): void {
  if (!how) { groupedKpiTable(table, kpis); return; }
  const { rows: shown, figure } = layout(kpis, how);
  const rows = shown.filter(([key]) => key in kpis).map(([key, label]) =>
    ({ data: { kpi: key }, cells: [label, figure(kpis[key].mean), Number.isFinite(kpis[key].halfWidth) ? `± ${figure(kpis[key].halfWidth)}` : '—'] }));
  fillTable(table, ['KPI', 'mean', '95% interval'], rows);
  table.dataset.kpis = JSON.stringify(Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v.mean])));
}

/** The group heading a table shows: "Seller money". */
export const groupTitle = (group: string) => group[0].toUpperCase() + group.slice(1);

/** A KPI's name cell: its plain name and unit, and the help control. */
export function kpiNameCell(key: string): HTMLTableCellElement {
  const cell = Object.assign(document.createElement('th'), { scope: 'row', textContent: nameWithUnit(KPIS[key]) });
  cell.append(helpControl(KPIS[key]));
  return cell;
}

/** The note under a table that marks wide intervals (†), said once. */
export const WIDE_NOTE = `† The 95% interval is wider than ${100 * WIDE_SHARE}% of the mean: the figure is uncertain. More replications narrow it (four times as many halve it).`;

function groupedKpiTable(table: HTMLElement, kpis: Record<string, KpiInterval>): void {
  const td = (text: string, className: string) => Object.assign(document.createElement('td'), { textContent: text, className });
  const head = document.createElement('thead');
  head.insertRow().append(...['Figure', 'Mean', '95% interval'].map((text) => Object.assign(document.createElement('th'), { scope: 'col', textContent: text })));
  let wide = false;
  const bodies = KPI_GROUPS.filter((g) => g !== 'internal').map((group) => {
    const body = document.createElement('tbody');
    body.dataset.group = group;
    const title = Object.assign(document.createElement('th'), { colSpan: 3, scope: 'colgroup', textContent: groupTitle(group) });
    body.insertRow().append(title);
    body.rows[0].className = 'group';
    for (const [key, entry] of Object.entries(KPIS)) {
      if (entry.group !== group || !(key in kpis)) continue;
      const { mean, halfWidth } = kpis[key];
      const write = figureWriter(entry.figure, mean);
      const row = body.insertRow();
      row.dataset.kpi = key;
      const interval = td(Number.isFinite(halfWidth) ? `± ${write(halfWidth)}` : '—', 'interval');
      if (isWide(mean, halfWidth)) {
        wide = true;
        row.dataset.wide = '';
        interval.append(Object.assign(document.createElement('span'), { className: 'wide-mark', textContent: ' †', title: 'wider than a tenth of the mean' }));
      }
      row.append(kpiNameCell(key), td(write(mean), 'mean'), interval);
    }
    return body;
  });
  table.replaceChildren(head, ...bodies.filter((b) => b.rows.length > 1));
  if (wide) (table as HTMLTableElement).createTFoot().insertRow().append(Object.assign(document.createElement('td'), { colSpan: 3, className: 'note', textContent: WIDE_NOTE }));
  table.classList.add('kpi-groups');
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

/** A paired difference by class (change − baseline on the page): each cell the difference, ± its 95% half width, * where it excludes 0; — where undefined. */
export function classDifferenceTable(table: HTMLElement, diff: Record<string, Record<string, KpiDifference>>, title = 'B − A by seller class'): void {
  const classes = ['large', 'medium', 'small'].filter((c) => diff[c]?.sellers && Number.isFinite(diff[c].finesShareOfGmv?.mean));
  const cell = (d: KpiDifference | undefined, show: (x: number) => string) =>
    !d || !Number.isFinite(d.mean) ? '—' : `${show(d.mean)}${Number.isFinite(d.halfWidth) ? ` ± ${show(d.halfWidth)}` : ''}${d.significant ? ' *' : ''}`;
  const rows = CLASS_MEASURES.map(([key, label, show]) =>
    ({ data: { kpi: key }, cells: [label, ...classes.map((c) => ({ text: cell(diff[c][key], show), data: { class: c } }))] }));
  fillTable(table, [title, ...classes], rows);
}
