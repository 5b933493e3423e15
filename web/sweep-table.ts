// A sweep's points as a table: a row a grid point, its overrides, the replications it finished, and
// the chosen KPI's mean and 95% interval there (the exact mean in data-mean, for tests and tools).
import { figureText, parameters, shortNames, valueText, type SweepResult } from './sweep-result.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}) => Object.assign(document.createElement(tag), props);

export function sweepTable(table: HTMLTableElement, result: SweepResult, kpi: string, kpiLabel: string): void {
  table.replaceChildren();
  table.className = 'sweep-table';
  const paths = parameters(result), names = shortNames(paths);
  const head = table.createTHead().insertRow();
  head.append(el('th', { textContent: 'point' }));
  for (const path of paths) head.append(el('th', { textContent: names[path], title: path }));
  head.append(
    el('th', { textContent: 'replications' }),
    el('th', { textContent: 'mean', title: `${kpiLabel}: mean over the point’s replications` }),
    el('th', { textContent: '95% interval', title: `of the mean of ${kpiLabel}` }),
  );
  const body = table.createTBody();
  for (const r of result.results) {
    const row = body.insertRow();
    const k = r.kpis[kpi];
    Object.assign(row.dataset, { point: String(r.point), mean: String(k?.mean ?? NaN) });
    row.insertCell().textContent = String(r.point);
    for (const path of paths) {
      const cell = row.insertCell();
      cell.textContent = valueText(r.overrides[path], 40);
      cell.title = valueText(r.overrides[path]);
    }
    row.insertCell().textContent = r.replications < result.replications ? `${r.replications} of ${result.replications}` : String(r.replications);
    row.insertCell().textContent = k ? figureText(k.mean) : '—';
    row.insertCell().textContent = k && Number.isFinite(k.low) && Number.isFinite(k.high) ? `${figureText(k.low)} to ${figureText(k.high)}` : '—';
  }
}
