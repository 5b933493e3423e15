// China time on the charts, whatever the browser's time zone: hour h of a season stands as the
// instant whose UTC fields read the China (UTC+8) date and hour of h, drawn with d3's UTC scale
// and formats, so that axes, hover read-outs and date marks agree with src/scenario/time.ts.
import * as d3 from 'd3';
import type { Selection } from 'd3';

const HOUR_MS = 3_600_000;
/** 00:00 China time on `date` (YYYY-MM-DD), written as 00:00 UTC: the +8 h lives here and only here. */
const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A season's hours as chart time, and back. */
export interface ChinaClock {
  /** Hour `h` of the season, as chart time. */
  at(h: number): Date;
  /** The hour of the season at chart time `t` (fractional). */
  hourOf(t: Date): number;
  /** The hour of the season at which China day `date` (YYYY-MM-DD) starts. */
  dayStart(date: string): number;
}

export function chinaClock(seasonStart: string): ChinaClock {
  const start = midnight(seasonStart);
  return {
    at: (h) => new Date(start + h * HOUR_MS),
    hourOf: (t) => (t.getTime() - start) / HOUR_MS,
    dayStart: (date) => (midnight(date) - start) / HOUR_MS,
  };
}

/** A time scale over chart time: d3's UTC scale, whose ticks fall on China midnights and hours. */
export const chinaScale = () => d3.scaleUtc();

/** An hour as the hover read-outs give it: `2022-11-25 14:00`. */
export const chinaHour = d3.utcFormat('%Y-%m-%d %H:00');

const hourMinute = d3.utcFormat('%H:%M'), weekday = d3.utcFormat('%a %d'), monthDay = d3.utcFormat('%b %d');
const month = d3.utcFormat('%B'), year = d3.utcFormat('%Y');
/** Tick labels as d3's own time axis gives them, on a 24-hour clock: `Fri 25`, `Nov 20` (a Sunday), `14:00`. */
export function chinaTick(t: Date): string {
  if (d3.utcDay(t) < t) return hourMinute(t);
  if (d3.utcMonth(t) < t) return d3.utcWeek(t) < t ? weekday(t) : monthDay(t);
  return d3.utcYear(t) < t ? month(t) : year(t);
}

const stamp = d3.utcFormat('%Y-%m-%dT%H:%M');
/** Writes each tick's China date-time on it (`data-china="2022-11-25T00:00"`), for tests and readers of exported SVGs. */
export function stampTicks(axis: Selection<SVGGElement, unknown, null, undefined>): void {
  axis.selectAll<SVGGElement, Date>('.tick').attr('data-china', (t) => stamp(t));
}

/** Says under the x axis, at its right end, that the times are China's. */
export function chinaTimeLabel(svg: Selection<SVGSVGElement, unknown, null, undefined>, right: number, bottom: number): void {
  svg.append('text').attr('class', 'axis-label china-time').attr('x', right).attr('y', bottom - 2).attr('text-anchor', 'end')
    .text('China time (UTC+8)');
}
