// A staffing plan as the planner's user takes it away (docs/results.md, "Planners"): the scenario
// with the recommended roster (one dated override per run of equal days), a YAML file of it that
// `jitsim run` accepts (`extends:` the scenario), staff-hours against the scenario's roster, the
// shares a validation on fresh replications reached day by day, and the CSV of it all.
import { confidenceInterval, periodShareBelow } from '../engine/index.ts';
import type { RunResult } from '../model/result.ts';
import { dateAt } from '../scenario/time.ts';
import type { Scenario, StaffRoster } from '../scenario/types.ts';
import { csvNumber } from './csv.ts';
import type { StaffingPlan } from './staffing-plan.ts';
import { staffHours, STATIONS, type HourlyStaff, type Station } from './staffing-target.ts';

/** Dated overrides giving `hourly` day by day, equal days run together. */
export function overridesOf(hourly: Int32Array, seasonStart: string): StaffRoster['overrides'] {
  const out: StaffRoster['overrides'] = [];
  const days = hourly.length / 24;
  for (let d = 0; d < days; d++) {
    const byHour = Array.from(hourly.subarray(d * 24, d * 24 + 24));
    const last = out[out.length - 1];
    const date = dateAt(d * 24, seasonStart);
    if (last && last.byHour.every((n, h) => n === byHour[h])) last.to = date;
    else out.push({ from: date, to: date, byHour });
  }
  return out;
}

/** The scenario with the plan's roster (the planned days; the scenario's own roster on any day not planned). */
export function plannedScenario(scenario: Scenario, hourly: HourlyStaff): Scenario {
  const s = structuredClone(scenario);
  for (const station of STATIONS) s.warehouse[station].staff.overrides = overridesOf(hourly[station], s.season.start);
  return s;
}

/** The roster's staff-hours per station, planned against the scenario's, and the change in all. */
export function staffHoursSummary(plan: StaffingPlan, base: HourlyStaff): Record<Station | 'total', { planned: number; scenario: number }> {
  const receiving = { planned: staffHours(plan.hourly.receiving), scenario: staffHours(base.receiving) };
  const qc = { planned: staffHours(plan.hourly.qc), scenario: staffHours(base.qc) };
  return { receiving, qc, total: { planned: receiving.planned + qc.planned, scenario: receiving.scenario + qc.scenario } };
}

/** Per day, the share of parcels stocked within the target over validation runs: mean and 95% interval. */
export interface ValidatedDay { mean: number; low: number; high: number; replications: number }

/**
 * The validation runs' shares day by day. The season's last day is left out (NaN): its parcels
 * may be stocked after the season ends, which a run does not see.
 */
export function validatedShares(results: RunResult[], withinHours: number, days: number): ValidatedDay[] {
  return Array.from({ length: days }, (_, d) => {
    if (d === days - 1 || results.length === 0) return { mean: NaN, low: NaN, high: NaN, replications: results.length };
    const shares = results.map((r) => {
      const h = r.dailyHistograms.parcelDockToStockHours;
      const share = periodShareBelow(h, d, d + 1, withinHours);
      return Number.isNaN(share) ? 1 : share; // no parcel arrived: none was late
    });
    const ci = confidenceInterval(shares);
    return { mean: ci.mean, low: ci.low, high: ci.high, replications: shares.length };
  });
}

/** The YAML file of the recommended roster: comments saying how it was found, then `extends:` the scenario. */
export function rosterYaml(args: { extendsPath: string; scenario: Scenario; plan: StaffingPlan; command: string; hours: ReturnType<typeof staffHoursSummary> }): string {
  const { plan, scenario, hours } = args;
  const t = plan.target;
  const change = hours.total.planned / hours.total.scenario - 1;
  const lines = [
    `# Recommended warehouse roster, found by: ${args.command}`,
    `# Target: on every day, ${pct(t.share)} of parcels stocked within ${t.withinHours} h of arriving, with ${pct(t.confidence)} confidence`,
    `# (${plan.replications} replications). Staff-hours: ${hours.total.planned.toLocaleString('en')} against the scenario's ${hours.total.scenario.toLocaleString('en')} (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%).`,
    `# Each day keeps the scenario's opening hours; a dated override gives that day's staff by hour (China time).`,
    `extends: ${args.extendsPath}`,
    `description: ${JSON.stringify(`${scenario.description} With the staffing planner's roster.`)}`,
    'warehouse:',
  ];
  for (const station of STATIONS) {
    lines.push(`  ${station}:`, '    staff:', '      overrides:');
    for (const o of overridesOf(plan.hourly[station], scenario.season.start)) {
      lines.push(`        - { from: ${o.from}, to: ${o.to}, byHour: [${o.byHour.join(', ')}] }`);
    }
  }
  return lines.join('\n') + '\n';
}

/** One row per planned day: dates, staff per station against the scenario's, shares searched and validated, the hours staffed. */
export function staffingCsv(plan: StaffingPlan, seasonStart: string, validated: ValidatedDay[], peakWeek: { from: number; to: number }): string {
  const header = ['day', 'date', 'peak_week', 'receiving_staff', 'receiving_scenario', 'receiving_hours', 'qc_staff', 'qc_scenario', 'qc_hours', 'staff_hours', 'scenario_staff_hours', 'planned_share', 'search_share_mean', 'search_share_low_95', 'attainable', 'validated_share_mean', 'validated_share_low_95', 'validated_share_high_95', 'receiving_band', 'qc_band'];
  const rows = [header.join(',')];
  for (const p of plan.days) {
    const hoursOf = (a: Int32Array) => staffHours(a, p.day);
    const v = validated[p.day];
    const mean = p.shares.reduce((a, b) => a + b, 0) / p.shares.length;
    rows.push([
      p.day, dateAt(p.day * 24, seasonStart), p.day >= peakWeek.from && p.day < peakWeek.to,
      p.receiving, p.scenarioReceiving, hoursOf(plan.hourly.receiving), p.qc, p.scenarioQc, hoursOf(plan.hourly.qc),
      hoursOf(plan.hourly.receiving) + hoursOf(plan.hourly.qc), p.scenarioHours,
      csvNumber(p.plannedShare), csvNumber(mean), csvNumber(p.lowerBound), p.attainable,
      csvNumber(v?.mean ?? NaN), csvNumber(v?.low ?? NaN), csvNumber(v?.high ?? NaN),
      p.bands.receiving, p.bands.qc,
    ].join(','));
  }
  return rows.join('\n') + '\n';
}

function pct(x: number): string {
  return `${+(x * 100).toFixed(2)}%`;
}
