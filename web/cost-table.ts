// The cost breakdown by seller class: per seller, the mean over replications of what a seller
// pays (fines, lost sales, shipping, holding, returns) and keeps (profit: median and mean), each
// run side by side — one small table a class, so that a phone shows them one under another.
import type { RunResult } from '../src/model/result.ts';

export interface CostRun {
  /** A short column heading: "JIT (A)". */
  label: string;
  results: RunResult[];
}

const CLASS_ORDER = ['large', 'medium', 'small'];
/** Class totals, shown per seller (total / the class's sellers). */
const TOTALS: [string, string][] = [
  ['finesTotalCny', 'fines'],
  ['lostSalesCny', 'lost sales'],
  ['shippingCostCny', 'shipping'],
  ['holdingCostCny', 'holding'],
  ['returnCostCny', 'returns'],
];
/** Already per seller. */
const PROFITS: [string, string][] = [
  ['sellerProfitP50Cny', 'median profit'],
  ['sellerProfitMeanCny', 'mean profit'],
];
const cny = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const money = (x: number) => (Number.isFinite(x) ? cny.format(x).replace('-', '−') : '—');

/** A class's figure per seller, the mean over the replications where the class has sellers; NaN where it never has. */
export function perSeller(results: RunResult[], className: string, key: string): number {
  const total = TOTALS.some(([k]) => k === key);
  const values = results.map((r) => r.byClass[className]).filter((k) => k && k.sellers > 0)
    .map((k) => (total ? k[key] / k.sellers : k[key]));
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

/** One table a class with sellers in some run: a row a figure, a column a run (and B − A when two). */
export function costTable(container: HTMLElement, runs: CostRun[]): void {
  const classes = CLASS_ORDER.filter((c) => runs.some((run) => run.results[0].byClass[c]?.sellers > 0));
  container.replaceChildren(...classes.map((c) => {
    const sellers = runs.map((run) => run.results[0].byClass[c]?.sellers ?? 0);
    const table = document.createElement('table');
    table.dataset.class = c;
    table.createCaption().textContent = `${c} sellers (${[...new Set(sellers)].join(' / ')} a run), CNY per seller`;
    const head = table.createTHead().insertRow();
    for (const text of ['', ...runs.map((r) => r.label), ...(runs.length === 2 ? ['B − A'] : [])]) head.append(Object.assign(document.createElement('th'), { textContent: text }));
    const body = table.createTBody();
    for (const [key, label] of [...TOTALS, ...PROFITS]) {
      const row = body.insertRow();
      row.dataset.cost = key;
      if (key === PROFITS[0][0]) row.className = 'profit-first';
      row.insertCell().textContent = label;
      const values = runs.map((run) => perSeller(run.results, c, key));
      values.forEach((v, k) => {
        const td = row.insertCell();
        Object.assign(td.dataset, { run: k === 0 ? 'a' : 'b', value: String(v) });
        td.textContent = money(v);
      });
      if (runs.length === 2) row.insertCell().textContent = money(values[1] - values[0]);
    }
    return table;
  }));
}
