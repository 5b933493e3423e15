// The comparison of up to four scenarios run on the same seed and replications: each one's mean,
// and beside each but the baseline its paired difference change − baseline with its 95% interval,
// better or worse by colour and by word (the glossary's direction); rows with a significant
// difference first, the rest folded away (docs/results.md, "The page's tables").
import { compareKpis, type KpiDifference, type KpiInterval } from '../src/experiment/summary.ts';
import type { RunResult } from '../src/model/result.ts';
import { KPIS, KPI_GROUPS, type KpiEntry } from './glossary/index.ts';
import { figureWriter } from './kpi-figures.ts';
import { groupTitle, kpiNameCell } from './kpi-tables.ts';

/** One scenario as compared: its name, its replications and its KPIs' intervals. */
export interface ComparedRun { label: string; results: RunResult[]; kpis: Record<string, KpiInterval> }

/** Every run's paired differences from the baseline (change − baseline); none for the baseline itself. */
export function differencesFrom(runs: ComparedRun[], baseline: number): (Record<string, KpiDifference> | undefined)[] {
  // compareKpis(a, b) is b − a (src/experiment/summary.ts), so the baseline goes first.
  return runs.map((run, k) => (k === baseline ? undefined : compareKpis(runs[baseline].results, run.results)));
}

/** How a significant difference reads: better or worse where the glossary says which way is better. */
export function judgement(entry: KpiEntry, d: KpiDifference): 'better' | 'worse' | 'higher' | 'lower' | undefined {
  if (!d.significant || !(d.mean !== 0)) return undefined;
  const up = d.mean > 0;
  if (entry.better === 'neither') return up ? 'higher' : 'lower';
  return up === (entry.better === 'higher') ? 'better' : 'worse';
}

/** Draws the comparison into `box`: the table of significant rows, then the others in a closed <details>. */
export function compareTable(box: HTMLElement, runs: ComparedRun[], baseline: number): void {
  const diffs = differencesFrom(runs, baseline);
  const keys = Object.keys(KPIS).filter((key) => KPIS[key].group !== 'internal' && runs.every((r) => key in r.kpis));
  const significant = (key: string) => diffs.some((d) => d?.[key]?.significant);
  const changed = keys.filter(significant), unchanged = keys.filter((k) => !significant(k));
  const table = (rows: string[], id: string) => {
    const t = Object.assign(document.createElement('table'), { className: 'compare', id });
    t.append(header(runs, baseline), ...groupBodies(rows, runs, diffs, baseline));
    const wrap = Object.assign(document.createElement('div'), { className: 'compare-wrap' });
    wrap.append(t);
    return wrap;
  };
  const parts: HTMLElement[] = [];
  parts.push(changed.length > 0 ? table(changed, 'compare-changed')
    : Object.assign(document.createElement('p'), { className: 'compare-note', textContent: 'No figure changed significantly.' }));
  if (unchanged.length > 0) {
    const fold = Object.assign(document.createElement('details'), { id: 'compare-unchanged' });
    const summary = Object.assign(document.createElement('summary'), {
      textContent: `${unchanged.length} ${unchanged.length === 1 ? 'figure' : 'figures'} did not change significantly`,
    });
    fold.append(summary, table(unchanged, 'compare-same'));
    parts.push(fold);
  }
  box.replaceChildren(...parts);
}

function header(runs: ComparedRun[], baseline: number): HTMLTableSectionElement {
  const head = document.createElement('thead');
  const row = head.insertRow();
  row.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: 'Figure' }));
  runs.forEach((run, k) => {
    const th = Object.assign(document.createElement('th'), { scope: 'col', textContent: run.label });
    th.dataset.scenario = String(k);
    th.append(document.createElement('br'), Object.assign(document.createElement('small'), {
      textContent: k === baseline ? 'baseline' : 'mean; change − baseline ± 95%',
    }));
    if (k === baseline) th.dataset.baseline = '';
    row.append(th);
  });
  return head;
}

function groupBodies(keys: string[], runs: ComparedRun[], diffs: (Record<string, KpiDifference> | undefined)[], baseline: number): HTMLTableSectionElement[] {
  return KPI_GROUPS.flatMap((group) => {
    const inGroup = keys.filter((k) => KPIS[k].group === group);
    if (inGroup.length === 0) return [];
    const body = document.createElement('tbody');
    body.dataset.group = group;
    const title = body.insertRow();
    title.className = 'group';
    title.append(Object.assign(document.createElement('th'), { colSpan: runs.length + 1, scope: 'colgroup', textContent: groupTitle(group) }));
    for (const key of inGroup) {
      const entry = KPIS[key];
      const row = body.insertRow();
      row.dataset.kpi = key;
      row.append(kpiNameCell(key));
      const level = figureWriter(entry.figure, runs[baseline].kpis[key].mean);
      runs.forEach((run, k) => {
        const cell = document.createElement('td');
        cell.dataset.scenario = String(k);
        cell.append(Object.assign(document.createElement('span'), { className: 'level', textContent: level(run.kpis[key].mean) }));
        const d = diffs[k]?.[key];
        if (d) cell.append(difference(entry, d));
        row.append(cell);
      });
    }
    return [body];
  });
}

/** One difference: its mean, ± half width, and a word where significant; the exact figures in data attributes. */
function difference(entry: KpiEntry, d: KpiDifference): HTMLElement {
  const write = figureWriter(entry.figure, d.mean, true);
  const word = judgement(entry, d);
  const span = Object.assign(document.createElement('span'), { className: `difference${word === 'better' || word === 'worse' ? ` ${word}` : ''}` });
  Object.assign(span.dataset, { diff: String(d.mean), halfWidth: String(d.halfWidth), significant: String(d.significant) });
  const interval = Number.isFinite(d.halfWidth) ? ` ± ${figureWriter(entry.figure, d.mean)(d.halfWidth).replace('%', ' pt')}` : '';
  span.append(`${write(d.mean)}${interval}`);
  if (word) span.append(' ', Object.assign(document.createElement('span'), { className: 'verdict-word', textContent: word === 'better' ? '✓ better' : word === 'worse' ? '✗ worse' : word }));
  return span;
}
