// Reading an ISO date-time with offset fast (orders.csv holds millions): the common shapes by hand,
// anything else through time.ts's parseDate, so both agree to the millisecond.
import { parseDate } from './time.ts';

/**
 * Epoch ms of an ISO date-time with offset, exactly as parseDate computes it, NaN if it is not one.
 * The usual shape `YYYY-MM-DDTHH:MM(:SS(.fff…)?)?(Z|±HH:MM)` is read digit by digit, since a regex
 * and Date.UTC per row would cost seconds over millions of orders; parseDate judges anything else.
 */
export function epochMs(text: string): number {
  const fast = quickEpochMs(text);
  if (!Number.isNaN(fast)) return fast;
  const parsed = parseDate(text);
  return parsed !== undefined && !parsed.dateOnly ? parsed.epochMs : NaN;
}

function quickEpochMs(s: string): number {
  const n = s.length;
  const century = twoDigits(s, 0), yy = twoDigits(s, 2), month = twoDigits(s, 5), day = twoDigits(s, 8);
  const hour = twoDigits(s, 11), minute = twoDigits(s, 14);
  if ((century | yy | month | day | hour | minute) < 0 || n < 17) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN; // - - T :
  const year = century * 100 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return NaN;
  let i = 16, second = 0, fraction = 0;
  if (s.charCodeAt(i) === 58) { // :SS
    second = twoDigits(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) { // .fraction, as parseDate reads it
      let j = i + 1;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      if (j === i + 1 || j > i + 10) return NaN;
      fraction = Number(s.slice(i, j));
      i = j;
    }
  }
  let offsetMs = 0;
  const sign = s.charCodeAt(i);
  if (sign === 90 && i + 1 === n) { // Z
    offsetMs = 0;
  } else if ((sign === 43 || sign === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) { // ±HH:MM
    const offsetHours = twoDigits(s, i + 1), offsetMinutes = twoDigits(s, i + 4);
    if (offsetHours < 0 || offsetHours > 14 || offsetMinutes < 0 || offsetMinutes > 59) return NaN;
    offsetMs = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  } else {
    return NaN;
  }
  const local = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction * 1000;
  return local - offsetMs;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The two-digit number at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i), b = s.charCodeAt(i + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + (b - 48) : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
