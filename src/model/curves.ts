// Season curves by day (the demand peak, the courier slowdown) and working-hours arithmetic:
// when does packing work started at a time finish if it only runs inside opening hours.
import type { DatedValue } from '../scenario/types.ts';
import { hoursFromStart } from '../scenario/time.ts';

/**
 * The value of a dated curve on each day of the season: constant within a China calendar day,
 * linear between control dates by day, flat before the first and after the last point.
 */
export function dailyCurve(points: DatedValue[], seasonStart: string, days: number): Float64Array {
  const out = new Float64Array(days);
  const at = points.map((p) => ({ day: hoursFromStart(p.date, seasonStart) / 24, value: p.value }));
  for (let d = 0; d < days; d++) {
    if (at.length === 0) { out[d] = 1; continue; }
    if (d <= at[0].day) { out[d] = at[0].value; continue; }
    const last = at[at.length - 1];
    if (d >= last.day) { out[d] = last.value; continue; }
    let i = 0;
    while (at[i + 1].day < d) i++;
    const a = at[i], b = at[i + 1];
    out[d] = a.value + ((b.value - a.value) * (d - a.day)) / (b.day - a.day);
  }
  return out;
}

/**
 * Expected orders from the season start to day x (fractional: a part of day d counts that part of
 * its orders), by orders per day; past the last day, at the last day but one's rate.
 */
export function cumulativeOrders(byDay: Float64Array): (x: number) => number {
  const cumulative = new Float64Array(byDay.length + 1);
  for (let d = 0; d < byDay.length; d++) cumulative[d + 1] = cumulative[d] + byDay[d];
  return (x) => {
    const d = Math.min(Math.floor(x), cumulative.length - 2);
    return cumulative[d] + (x - d) * byDay[d];
  };
}

/** Days [from, to) of `length` consecutive days (the whole series if shorter) with the most of `byDay`; the earliest of equals. */
export function busiestDays(byDay: ArrayLike<number>, days: number, length = 7): { from: number; to: number } {
  const width = Math.min(length, days);
  let best = 0, bestSum = -1;
  for (let d = 0; d + width <= days; d++) {
    let sum = 0;
    for (let k = d; k < d + width; k++) sum += byDay[k];
    if (sum > bestSum + 1e-9) { best = d; bestSum = sum; }
  }
  return { from: best, to: best + width };
}

/** Hour of day (0 <= h < 24) of a simulation time; the season starts at 00:00 China time. */
export function hourOf(t: number): number {
  return t - Math.floor(t / 24) * 24;
}

/** The earliest time at or after t inside the working hours [open, close) of some day. */
export function nextWorkingTime(t: number, open: number, close: number): number {
  const day = Math.floor(t / 24) * 24;
  const h = t - day;
  if (h < open) return day + open;
  if (h >= close) return day + 24 + open;
  return t;
}

/**
 * When `work` hours of packing started at `start` are done, if work runs only inside [open,
 * close) each day and pauses overnight (docs/model.md §6). A finish exactly at closing is allowed.
 */
export function finishWithinHours(start: number, work: number, open: number, close: number): number {
  let t = nextWorkingTime(start, open, close);
  let left = work;
  for (;;) {
    const closing = Math.floor(t / 24) * 24 + close;
    if (left <= closing - t) return t + left;
    left -= closing - t;
    t = closing - close + 24 + open;
  }
}
