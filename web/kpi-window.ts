// The KPI table over some days of the season, recomputed in the page from the replications it
// keeps (src/experiment/window.ts): the days brushed on the congestion chart, or the peak week.
// Each KPI's mean ± 95% interval; in compare mode the baseline, the change and the paired change −
// baseline over the same dates.
import type { RunResult } from '../src/model/result.ts';
import { compareKpis, kpiIntervals, type KpiInterval } from '../src/experiment/summary.ts';
import { describeDayRange, windowKpis, type DayRange } from '../src/experiment/window.ts';
import { hoursFromStart } from '../src/scenario/time.ts';
import { WINDOW_ROWS } from '../src/cli/table.ts';
import { formatNumber } from '../src/experiment/number-format.ts';
import type { CongestionView } from './charts/congestion.ts';
import { differenceTable, kpiTable } from './kpi-tables.ts';
import { downloadWindowKpis } from './export.ts';
import { busiestDays } from '../src/model/curves.ts';

/** One run as the table reads it: its name, its season's first day and its replications. */
export interface WindowRun { label: string; seasonStart: string; results: RunResult[] }

export interface KpiWindow {
  /** A new run: nothing chosen yet. `ordersPerDay` (A's mean) finds the peak week; `view` is the chart to zoom. */
  /** `baseline` says which of A and B the paired difference is taken from (change − baseline); B's by default. */
  show(runs: { a: WindowRun; b?: WindowRun; baseline?: 'a' | 'b'; ordersPerDay: Float64Array }, view: CongestionView): void;
  /** The hours of A's season the user brushed on the chart, or undefined when zoomed back out. */
  brushed(hours: [number, number] | undefined): void;
}

/** The whole China days covering hours [h0, h1) of a season of `days` days (at least one). */
export function daysCovering([h0, h1]: [number, number], days: number): DayRange {
  const from = Math.max(0, Math.min(days - 1, Math.floor(h0 / 24)));
  return { from, to: Math.max(from + 1, Math.min(days, Math.ceil(h1 / 24))) };
}

/** The command's rows and figures (src/cli/table.ts), so that page and command read alike. */
const layout = { rows: WINDOW_ROWS, figure: formatNumber };
const seasonDays = (run: WindowRun) => run.results[0].daily.ordersPlaced.length;
const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

/** Builds the picker and the (hidden) table in `box`. */
export function kpiWindow(box: HTMLElement): KpiWindow {
  const peak = element('button', { type: 'button', textContent: 'Peak week', title: 'The 7 days with the most orders' });
  const season = element('button', { type: 'button', textContent: 'Whole season', disabled: true });
  peak.dataset.window = 'peak';
  season.dataset.window = 'season';
  const heading = element('h3', { id: 'window-heading' });
  const note = element('p', { className: 'note', id: 'window-note' });
  const table = element('table', { id: 'window-kpis' });
  const save = element('button', { type: 'button', textContent: 'kpis-window.csv' });
  save.dataset.windowDownload = '';
  const downloads = element('p', { className: 'downloads' });
  downloads.append(save);
  const result = element('div', { id: 'window-result', hidden: true });
  result.append(heading, note, table, downloads);
  const picks = element('p', { className: 'window-picks' });
  picks.append('KPIs over some days: drag across the chart above (double-click it to zoom out), or focus it and press + − and the arrow keys (Escape zooms out), or ', peak, ' ', season);
  box.replaceChildren(picks, result);

  let runs: Parameters<KpiWindow['show']>[0] | undefined, view: CongestionView | undefined;
  let shown: Record<string, KpiInterval> | undefined;

  /** Shows the KPIs over `range` of A's season, or hides the table. */
  const select = (range: DayRange | undefined) => {
    result.hidden = !range || !runs;
    season.disabled = result.hidden;
    shown = undefined;
    if (!range || !runs) return;
    const { a, b } = runs;
    const dates = describeDayRange(range, a.seasonStart);
    heading.textContent = `KPIs from ${dates.from} to ${dates.to} (${dates.days} ${dates.days === 1 ? 'day' : 'days'})`;
    Object.assign(table.dataset, { from: dates.from, to: dates.to, days: String(dates.days) });
    const recordsA = a.results.map((r) => windowKpis(r, range));
    shown = kpiIntervals(recordsA);
    // B over the same dates of its own season, when its season has them all.
    const shift = b ? Math.round(hoursFromStart(a.seasonStart, b.seasonStart) / 24) : 0;
    const rangeB = { from: range.from + shift, to: range.to + shift };
    const paired = !!b && rangeB.from >= 0 && rangeB.to <= seasonDays(b);
    table.classList.toggle('paired', paired);
    save.title = b ? `A’s figures (${a.label}), like the page’s other files` : '';
    if (b && paired) {
      const records = new Map<RunResult, Record<string, number>>(a.results.map((r, i) => [r, recordsA[i]]));
      for (const r of b.results) records.set(r, windowKpis(r, rangeB));
      const kpisB = kpiIntervals(b.results.map((r) => records.get(r)!));
      // The baseline's column first, then the change's, and change − baseline, as in the comparison above.
      const [base, change] = runs.baseline === 'a' ? [{ ...a, kpis: shown }, { ...b, kpis: kpisB }] : [{ ...b, kpis: kpisB }, { ...a, kpis: shown }];
      differenceTable(table, compareKpis(base.results, change.results, (r) => records.get(r)!), base.kpis, change.kpis, { a: `${base.label}, baseline`, b: change.label }, layout);
      note.textContent = `Change − baseline (${base.label}) paired over ${Math.min(a.results.length, b.results.length)} replications; * marks a difference whose 95% interval excludes 0.`;
    } else {
      kpiTable(table, shown, layout);
      note.textContent = `Mean and 95% interval over ${a.results.length} replication(s)` +
        (b ? `; ${b.label} is left out: its season does not hold all these dates.` : '.');
    }
    table.dataset.kpis = JSON.stringify(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.mean])));
  };

  peak.addEventListener('click', () => {
    if (!runs) return;
    const range = busiestDays(runs.ordersPerDay, runs.ordersPerDay.length, 7);
    view?.zoomTo([range.from * 24, range.to * 24]);
    select(range);
  });
  season.addEventListener('click', () => { view?.zoomTo(undefined); select(undefined); });
  // The file is A's, as the page's other downloads are in compare mode.
  save.addEventListener('click', () => { if (shown) downloadWindowKpis(shown); });

  return {
    show(next, chart) { runs = next; view = chart; select(undefined); },
    brushed(hours) {
      if (!runs || !hours) { select(undefined); return; }
      const range = daysCovering(hours, seasonDays(runs.a));
      // The chart shows exactly the days the table covers.
      view?.zoomTo([range.from * 24, range.to * 24]);
      select(range);
    },
  };
}
