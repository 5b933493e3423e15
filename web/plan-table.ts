// The stocking plan's table for one setting: a row a policy, by expected profit (best first), with
// the best and the frontier marked and a button that opens the policy as the edited scenario.
import type { PolicyOutcome } from '../src/experiment/stocking-plan.ts';
import { percent } from '../src/experiment/number-format.ts';

const cny = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const money = (x: number) => (Number.isFinite(x) ? cny.format(x).replace('-', '−') : '—');
const HEADINGS = ['policy', 'profit, CNY', '± 95%', 'P5 profit', 'deposit runs out', 'suspended', 'fines', 'holding', 'shipping', 'scenario'];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}) => Object.assign(document.createElement(tag), props);

function cell(row: HTMLTableRowElement, text: string, title?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (title) td.title = title;
  return td;
}

export function planTable(table: HTMLTableElement, outcomes: PolicyOutcome[], open: (o: PolicyOutcome) => void): void {
  table.replaceChildren();
  table.className = 'plan-table';
  const head = table.createTHead().insertRow();
  for (const text of HEADINGS) head.append(el('th', { textContent: text }));
  const body = table.createTBody();
  for (const o of [...outcomes].sort((a, b) => b.profit.mean - a.profit.mean)) {
    const row = body.insertRow();
    Object.assign(row.dataset, { policy: o.candidate.label, best: String(o.best), frontier: String(o.onFrontier), profit: String(o.profit.mean) });
    if (o.best) row.className = 'best';
    // A figure and its unit never part at a line's end on a phone ("14 d", "/ 14").
    const name = cell(row, o.candidate.label.replace(/ (\d+) d\b/g, '\u00a0$1\u00a0d').replace(/ \/ /g, '\u00a0/ '));
    const marks = el('span', { className: 'marks' });
    for (const [on, mark, says] of [[o.best, 'best', 'the best expected profit'], [o.onFrontier, 'frontier', 'no policy has both more profit and less chance of losing the deposit']] as const) {
      if (on) marks.append(el('span', { className: `mark ${mark}`, textContent: mark, title: says }), ' ');
    }
    if (marks.childElementCount > 0) name.append(marks);
    cell(row, money(o.profit.mean));
    cell(row, Number.isFinite(o.profit.halfWidth) ? `± ${money(o.profit.halfWidth)}` : '—');
    cell(row, money(o.profitP5));
    const out = o.depositRunsOut;
    cell(row, percent(out.p), `95%: ${percent(out.low)}–${percent(out.high)} (${o.replications} replications)`);
    cell(row, percent(o.suspended.p), `95%: ${percent(o.suspended.low)}–${percent(o.suspended.high)}`);
    const fines = Object.entries(o.finesByCause);
    cell(row, money(fines.reduce((s, [, v]) => s + v, 0)), fines.map(([cause, v]) => `${cause}: ${money(v)}`).join('\n'));
    cell(row, money(o.holdingCny));
    cell(row, money(o.shippingCny));
    const button = el('button', { type: 'button', className: 'open-policy', textContent: 'Open as scenario' });
    button.addEventListener('click', () => open(o));
    row.insertCell().append(button);
  }
}
