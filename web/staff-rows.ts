// The form's rows of hourly staff, named as a planner would: each station's roster for any day and
// its surges, which are totals that replace the roster on their dates (docs/model.md, "Receiving"
// and "QC"; docs/scenario-format.md, "A roster"). Where the staff tools may copy a row to.
import { STATIONS, type Station } from '../src/experiment/staffing-target.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** A row of 24 headcounts: a station's roster for any day, or its surge number `surge` (0-based). */
export interface StaffRow { station: Station; surge?: number }

const STATION_NAMES: Record<Station, string> = { receiving: 'Receiving', qc: 'QC' };

/** Where `row` sits in the scenario: its `byHour` path. */
export function rowPath(row: StaffRow): string {
  const at = `warehouse.${row.station}.staff`;
  return row.surge === undefined ? `${at}.byHour` : `${at}.overrides[${row.surge}].byHour`;
}

/** The row a `byHour` path names, or undefined for any other path. */
export function rowAt(path: string): StaffRow | undefined {
  const m = /^warehouse\.(receiving|qc)\.staff\.(?:overrides\[(\d+)\]\.)?byHour$/.exec(path);
  return m ? { station: m[1] as Station, ...(m[2] === undefined ? {} : { surge: Number(m[2]) }) } : undefined;
}

/** The staff numbers of `row` in `scenario` (undefined for a surge it lacks). */
export function staffOf(scenario: Scenario, row: StaffRow): number[] | undefined {
  const staff = scenario.warehouse[row.station].staff;
  return row.surge === undefined ? staff.byHour : staff.overrides[row.surge]?.byHour;
}

/** "Receiving staff, any day" / "QC staff, surge 2": the short name an hour cell starts with. */
export function rowName(row: StaffRow): string {
  return `${STATION_NAMES[row.station]} staff, ${row.surge === undefined ? 'any day' : `surge ${row.surge + 1}`}`;
}

/** An hour cell's accessible name: "Receiving staff, surge 1, 14:00". */
export function cellName(row: StaffRow, hour: number): string {
  return `${rowName(row)}, ${hour}:00`;
}

/** The heading over a row's grid, saying what its numbers are and, for a surge, that they replace the roster. */
export function rowCaption(scenario: Scenario, row: StaffRow): string {
  const station = STATION_NAMES[row.station];
  if (row.surge === undefined) return `${station} staff on duty, any day (unless a surge below covers it)`;
  const surge = scenario.warehouse[row.station].staff.overrides[row.surge];
  const dates = surge ? `${surge.from} to ${surge.to}` : '';
  return `${station} staff on the surge dates ${dates} — totals: they replace the roster on those dates`;
}

/** A copy's destination: an existing row, or a new surge of a station. */
export type CopyTarget = { row: StaffRow; label: string } | { newSurge: Station; label: string };

/** Every row `from` may be copied to, then a new surge of each station, in the form's order. */
export function copyTargets(scenario: Scenario, from: StaffRow): CopyTarget[] {
  const out: CopyTarget[] = [];
  for (const station of STATIONS) {
    const rows: StaffRow[] = [{ station }, ...scenario.warehouse[station].staff.overrides.map((_, surge) => ({ station, surge }))];
    for (const row of rows) {
      if (row.station === from.station && row.surge === from.surge) continue;
      const surge = row.surge === undefined ? undefined : scenario.warehouse[station].staff.overrides[row.surge];
      out.push({ row, label: surge ? `${rowName(row)} (${surge.from} to ${surge.to})` : rowName(row) });
    }
  }
  for (const station of STATIONS) out.push({ newSurge: station, label: `a new ${STATION_NAMES[station]} surge` });
  return out;
}
