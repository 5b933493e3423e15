// The staffing plan's table: a row a day planned — its date (the peak week marked), each station's
// planned headcount with the scenario's beside it, the search's lower bound of the day's share, and
// the share the fresh replications reached with its 95% interval when the plan was checked.
import * as d3 from 'd3';
import type { StaffingPlan } from '../src/experiment/staffing-plan.ts';
import type { ValidatedDay } from '../src/experiment/staffing-roster.ts';
import { percent } from '../src/experiment/number-format.ts';
import { dateAt } from '../src/scenario/time.ts';

export interface StaffingRows {
  plan: StaffingPlan;
  seasonStart: string;
  /** The checked shares by day; empty when the plan was not checked. */
  validated: ValidatedDay[];
  peakWeek: { from: number; to: number };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}) => Object.assign(document.createElement(tag), props);
const dayName = d3.utcFormat('%a %b %d');

/** A share to one decimal, never above 100% (an interval's upper end may pass it). */
const share = (x: number) => percent(Math.min(1, x));

export function staffingTable(table: HTMLTableElement, { plan, seasonStart, validated, peakWeek }: StaffingRows): void {
  table.replaceChildren();
  table.className = 'staffing-table';
  const checked = validated.some((v) => v.replications > 0);
  const headings: [string, string][] = [
    ['date', 'China date'],
    ['receiving', 'receiving staff on each of the day’s staffed hours under the plan; the scenario’s in brackets'],
    ['QC', 'QC staff on each of the day’s staffed hours under the plan; the scenario’s in brackets'],
    ['searched\nlow', `the day’s share stocked within ${plan.target.withinHours} h: one-sided ${percent(plan.target.confidence)} lower bound over the ${plan.replications} replications searched`],
    ...(checked ? [
      ['checked\nmean', `mean share stocked within ${plan.target.withinHours} h over ${validated[0].replications} fresh replications of the whole model`],
      ['95%\ninterval', 'of that mean'],
    ] as [string, string][] : []),
  ];
  const head = table.createTHead().insertRow();
  for (const [text, title] of headings) head.append(el('th', { textContent: text, title }));
  const body = table.createTBody();
  for (const p of plan.days) {
    const row = body.insertRow();
    const date = dateAt(p.day * 24, seasonStart), peak = p.day >= peakWeek.from && p.day < peakWeek.to;
    Object.assign(row.dataset, { day: String(p.day), date, receiving: String(p.receiving), qc: String(p.qc), peak: String(peak) });
    if (peak) row.className = 'peak';
    const when = row.insertCell();
    when.append(el('time', { dateTime: date, textContent: dayName(new Date(`${date}T00:00:00Z`)), title: date }));
    if (peak) when.append(' ', el('span', { className: 'mark peak', textContent: 'peak', title: 'the peak week' }));
    for (const [planned, scenario] of [[p.receiving, p.scenarioReceiving], [p.qc, p.scenarioQc]]) {
      const cell = row.insertCell();
      cell.append(el('strong', { textContent: String(planned) }), ' ', el('span', { className: 'scenario', textContent: `(${scenario})` }));
      if (planned !== scenario) cell.className = planned < scenario ? 'fewer' : 'more';
    }
    const low = row.insertCell();
    low.textContent = `${share(p.lowerBound)}${p.attainable ? '' : ' !'}`;
    if (!p.attainable) low.title = 'no headcount reaches the target this day (parcels wait through closed hours): planned to what unlimited staff reach';
    if (!checked) continue;
    const v = validated[p.day];
    const mean = row.insertCell(), interval = row.insertCell();
    if (Number.isNaN(v.mean)) {
      mean.textContent = '—';
      mean.title = 'the season’s last day: its parcels may be stocked after the season ends, which a run does not see';
    } else {
      mean.textContent = share(v.mean);
      if (v.mean < plan.target.share) mean.className = 'below';
      interval.textContent = Number.isNaN(v.low) ? '—' : `${share(v.low).replace('%', '')}–${share(v.high)}`;
    }
  }
}
