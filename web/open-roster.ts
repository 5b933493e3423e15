// "Open as scenario" for the staffing planner: the planned roster written into the scenario's YAML
// (comments and layout kept) as each station's dated overrides, one per run of equal days, so that
// it runs, and compares with the roster it replaces, like any edit.
import YAML from 'yaml';
import { overridesOf } from '../src/experiment/staffing-roster.ts';
import { STATIONS, type HourlyStaff } from '../src/experiment/staffing-target.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { setPath, yamlText } from './yaml-edit.ts';

/** The text with `warehouse.receiving.staff.overrides` and `warehouse.qc.staff.overrides` giving `hourly`. */
export function withRoster(text: string, hourly: HourlyStaff, seasonStart: string, resolved: Scenario | undefined): string {
  const doc = YAML.parseDocument(text);
  // The whole list replaces the old one: every day of the season gets the plan's staff.
  for (const station of STATIONS) setPath(doc, `warehouse.${station}.staff.overrides`, overridesOf(hourly[station], seasonStart), resolved);
  return yamlText(doc);
}
