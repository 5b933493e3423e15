// The frame of each chart on the results: its heading, its container, download buttons named for
// the chart ("Download Warehouse congestion as SVG") and a "Table" toggle that shows the data the
// chart drew as an HTML table (web/charts/chart-table.ts), for screen readers and exact values; the
// toggle alone for the charts outside the results (seller view, sweep viewer, planners).
import { tableOf, type ChartTable } from './charts/chart-table.ts';

/** One chart of the page: its container's id and its heading. */
export type ChartFrame = readonly [id: string, title: string];

/** The charts of a run's results, in page order. */
export const RESULT_CHARTS: readonly ChartFrame[] = [
  ['congestion', 'Warehouse congestion'],
  ['occupancy', 'Warehouse shelf occupancy (pre-stock sellers’ units waiting to sell)'],
  ['arrivals', 'Parcels arriving against receiving capacity'],
  ['lead-times', 'Lead times'],
  ['sellers-daily', 'Orders and sellers day by day'],
  ['fines', 'Fines per seller over the season'],
  ['profit', 'Seller profit over the season'],
  ['burden', 'Who bears the burden? By seller class'],
];

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

/** Appends a frame for each chart to `parent`, in order: a section with heading, chart, buttons and the (hidden) table. */
export function chartFrames(parent: HTMLElement, charts: readonly ChartFrame[]): void {
  for (const [id, title] of charts) parent.append(chartFrame(id, title));
}

function chartFrame(id: string, title: string): HTMLElement {
  const section = element('section', { className: 'chart-frame' });
  const heading = element('h2', { id: `${id}-heading`, textContent: title });
  section.setAttribute('aria-labelledby', heading.id);
  const chart = element('div', { id, className: 'chart' });
  const buttons = (['svg', 'png'] as const).map((format) => {
    const b = element('button', { type: 'button', textContent: format.toUpperCase() });
    b.setAttribute('aria-label', `Download ${title} as ${format.toUpperCase()}`);
    Object.assign(b.dataset, { chart: id, format });
    return b;
  });
  const downloads = element('p', { className: 'downloads' });
  downloads.append(...buttons);
  section.append(heading, chart, downloads);
  tableToggle(chart, title);
  return section;
}

/**
 * Adds the "Table" toggle under `chart` (placed in the page, with an id) and the box its table
 * opens in: at the end of the line of downloads that follows the chart, or on a line of its own.
 * The results' frames use it, and so do the seller view, the sweep viewer and the planners.
 */
export function tableToggle(chart: HTMLElement, title: string): void {
  const box = element('div', { id: `${chart.id}-table`, className: 'chart-table', hidden: true });
  const toggle = element('button', { type: 'button', textContent: 'Table', className: 'table-toggle' });
  toggle.setAttribute('aria-label', `Table of ${title}`);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', box.id);
  toggle.dataset.tableFor = chart.id;
  const render = () => { box.replaceChildren(...tableFor(chart, title)); };
  toggle.addEventListener('click', () => {
    const open = box.hidden;
    toggle.setAttribute('aria-expanded', String(open));
    box.hidden = !open;
    if (open) render();
  });
  // Redrawn (a new run, another width): an open table follows.
  chart.addEventListener('chart-table', () => { if (!box.hidden) render(); });
  const next = chart.nextElementSibling;
  const line = next instanceof HTMLParagraphElement && next.classList.contains('downloads') ? next : element('p', { className: 'downloads' });
  if (line !== next) chart.after(line);
  line.append(toggle);
  line.after(box);
}

/** The table of what `chart` drew, or a line saying there is none yet. */
function tableFor(chart: HTMLElement, title: string): HTMLElement[] {
  const data = tableOf(chart);
  if (!data) return [element('p', { className: 'note', textContent: 'Run a scenario to fill this table.' })];
  const table = element('table');
  table.createCaption().textContent = `${title}: ${data.caption}`;
  const head = table.createTHead().insertRow();
  for (const name of data.columns) head.append(th(name, 'col'));
  const body = table.createTBody();
  for (const [header, ...cells] of data.rows) {
    const row = body.insertRow();
    row.append(th(header, 'row'));
    for (const c of cells) row.insertCell().textContent = c;
  }
  // A long table scrolls in its box; the box takes the focus so that keys scroll it too.
  const scroller = element('div', { className: 'chart-table-scroll', tabIndex: 0 });
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', `${title}, table`);
  scroller.append(table);
  return [scroller];
}

function th(text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const cell = element('th', { textContent: text });
  cell.scope = scope;
  return cell;
}
