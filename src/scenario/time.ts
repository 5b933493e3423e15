// Calendar time in a scenario: dates are China Standard Time (UTC+8, no daylight saving), and
// simulation time is hours from 00:00 China time on the season's first day.

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A parsed scenario date: the instant it starts, and whether it named a whole day. */
export interface ParsedDate {
  /** Milliseconds since 1970-01-01T00:00Z: for a date alone, 00:00 China time that day. */
  epochMs: number;
  dateOnly: boolean;
  /** The year as written (a date-time's own calendar, before any offset). */
  year: number;
}

/**
 * Parses `YYYY-MM-DD` (a China calendar day) or an ISO date-time with an explicit offset
 * (`2022-11-05T08:00+08:00`, `...Z`). Returns undefined for anything else, including dates that
 * do not exist (2022-02-30), so that callers can say what was wrong in their own words.
 */
export function parseDate(s: string): ParsedDate | undefined {
  const d = DATE.exec(s);
  if (d) {
    const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!isCalendarDay(year, month, day)) return undefined;
    return { epochMs: Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS, dateOnly: true, year };
  }
  const t = DATE_TIME.exec(s);
  if (!t) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(t[i]));
  const second = t[6] === undefined ? 0 : Number(t[6]);
  const fraction = t[7] === undefined ? 0 : Number(t[7]);
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMs = 0;
  if (t[8] !== 'Z') {
    const offsetHours = Number(t[10]), offsetMinutes = Number(t[11]);
    if (offsetHours > 14 || offsetMinutes > 59) return undefined;
    offsetMs = (t[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second) + fraction * 1000;
  return { epochMs: local - offsetMs, dateOnly: false, year };
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOrThrow(s: string): ParsedDate {
  const parsed = parseDate(s);
  if (!parsed) throw new RangeError(`not a date (YYYY-MM-DD or ISO date-time with offset): ${JSON.stringify(s)}`);
  return parsed;
}

/**
 * Simulation time of `s`, in hours from 00:00 China time on `seasonStart` (a `YYYY-MM-DD`).
 * A date alone means the start of that day, or with `endOfDay` its end (24:00), which is how
 * inclusive `to` dates are read.
 */
export function hoursFromStart(s: string, seasonStart: string, opts: { endOfDay?: boolean } = {}): number {
  const at = parseOrThrow(s);
  const start = parseOrThrow(seasonStart);
  if (!start.dateOnly) throw new RangeError(`season start must be a date (YYYY-MM-DD), got ${JSON.stringify(seasonStart)}`);
  const ms = at.epochMs + (at.dateOnly && opts.endOfDay ? MS_PER_DAY : 0) - start.epochMs;
  return ms / MS_PER_HOUR;
}

/** The simulation horizon: from the start of the season's first day to the end of its last. */
export function horizonHours(season: { start: string; end: string }): number {
  return hoursFromStart(season.end, season.start, { endOfDay: true });
}

/** The China calendar date (`YYYY-MM-DD`) at simulation time `hours`. */
export function dateAt(hours: number, seasonStart: string): string {
  const ms = parseOrThrow(seasonStart).epochMs + Math.floor(hours * MS_PER_HOUR) + CHINA_OFFSET_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The China hour of day (0..23) at simulation time `hours`: the season starts at 00:00. */
export function hourOfDay(hours: number): number {
  return Math.floor(((hours % 24) + 24) % 24);
}

/** Whole days from date `a` to date `b` (both `YYYY-MM-DD`): 0 for the same day. */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseOrThrow(b).epochMs - parseOrThrow(a).epochMs) / MS_PER_DAY);
}

/** A maker of ISO date-times in China time (`2022-11-25T09:30:00.000+08:00`) for simulation times of one season. */
export function chinaDateTimes(seasonStart: string): (hours: number) => string {
  const base = parseOrThrow(seasonStart).epochMs + CHINA_OFFSET_MS;
  return (hours) => new Date(base + Math.round(hours * MS_PER_HOUR)).toISOString().slice(0, 23) + '+08:00';
}
