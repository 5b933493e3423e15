// What the staffing planner aims at and works on (docs/results.md, "Planners"): the service
// target, the scenario's roster hour by hour, one recorded inflow per replication, and the few
// helpers its search and its minimality pass share — the confidence bound a day must clear, and
// how a day's headcount becomes staff on the station's opening hours in a replayed warehouse.
import { studentTQuantile } from '../engine/index.ts';
import type { Inflow } from '../model/inflow.ts';
import { WarehouseAlone } from '../model/warehouse-alone.ts';

export interface StaffingTarget {
  /** A parcel counts when it is stocked (or rejected whole) less than this many hours after it arrived. */
  withinHours: number;
  /** The share of a day's parcels that must count. */
  share: number;
  /** One-sided confidence that the day's expected share reaches `share` (Student t over replications). */
  confidence: number;
}

export const DEFAULT_STAFFING_TARGET: StaffingTarget = { withinHours: 24, share: 0.95, confidence: 0.95 };

export const STATIONS = ['receiving', 'qc'] as const;
export type Station = (typeof STATIONS)[number];

/** Staff on duty hour by hour, per station (days x 24 values each). */
export type HourlyStaff = Record<Station, Int32Array>;

/** What a staffing search is asked: the days, the scenario's roster hour by hour and the target. */
export interface StaffingSetup {
  days: number;
  base: HourlyStaff;
  target: StaffingTarget;
}

/** The same with what reached the warehouse: one inflow per replication. */
export interface StaffingInput extends StaffingSetup {
  inflows: Inflow[];
}

/** A day's headcount per station: [receiving, qc]; 0 for a station closed all day. */
export type Levels = [number, number];

/** The one-sided lower confidence bound of the mean of `xs` (Student t); the mean itself for one value. */
export function lowerConfidenceBound(xs: readonly number[], confidence: number): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return mean;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return mean - studentTQuantile(confidence, n - 1) * Math.sqrt(variance / n);
}

/** A station's headcount on a day of an hour-by-hour roster (its largest hour; 0 when closed all day). */
export function dayLevel(staff: Int32Array, day: number): number {
  let n = 0;
  for (let h = 0; h < 24; h++) n = Math.max(n, staff[day * 24 + h]);
  return n;
}

/** The hours a station is staffed on a day (China time), as runs: "00:00-02:00 06:00-24:00"; "closed" when none. */
export function hourBands(hourly: Int32Array, day: number): string {
  const runs: string[] = [];
  const at = (h: number) => `${String(h).padStart(2, '0')}:00`;
  for (let h = 0; h < 24; ) {
    if (hourly[day * 24 + h] === 0) { h++; continue; }
    const from = h;
    while (h < 24 && hourly[day * 24 + h] > 0) h++;
    runs.push(`${at(from)}-${at(h)}`);
  }
  return runs.length > 0 ? runs.join(' ') : 'closed';
}

/** Staff-hours of a station's roster: over the season, or over one day. */
export function staffHours(hourly: Int32Array, day?: number): number {
  const from = day === undefined ? 0 : day * 24, to = day === undefined ? hourly.length : from + 24;
  let sum = 0;
  for (let h = from; h < to; h++) sum += hourly[h];
  return sum;
}

/** One replayed warehouse per replication, staffed as the scenario is, with one more day for the last day's parcels to finish. */
export function replayedWarehouses(input: StaffingInput): WarehouseAlone[] {
  const { days, base, inflows, target } = input;
  const withRunOut = (a: Int32Array) => {
    const out = new Int32Array((days + 1) * 24);
    out.set(a);
    out.set(a.subarray((days - 1) * 24), days * 24);
    return out;
  };
  return inflows.map((f) => new WarehouseAlone(f, days, target.withinHours, withRunOut(base.receiving), withRunOut(base.qc)));
}

/**
 * Puts a day's headcount on each station's staffed hours, those the scenario staffs that day (the
 * day after the season: as on its last day). The planner keeps the scenario's opening hours.
 */
export function staffDay(w: WarehouseAlone, input: StaffingInput, day: number, [receiving, qc]: Levels): void {
  const { base, days } = input;
  const from = Math.min(day, days - 1) * 24;
  for (let h = 0; h < 24; h++) {
    w.receivingStaff[day * 24 + h] = base.receiving[from + h] > 0 ? receiving : 0;
    w.qcStaff[day * 24 + h] = base.qc[from + h] > 0 ? qc : 0;
  }
}

/** Nobody on duty at the first instant of a midnight, so a state saved there can go on under any roster. */
export function closeMidnight(w: WarehouseAlone, day: number): void {
  w.receivingStaff[day * 24] = w.qcStaff[day * 24] = 0;
}

/** Whether every replication's shares clear a day's planned share with the confidence asked. */
export function clears(shares: readonly number[], planned: number, target: StaffingTarget): boolean {
  return lowerConfidenceBound(shares, target.confidence) >= planned;
}
