// China-time helpers: simulation hours from the season's first midnight, and back to dates.
import { describe, expect, it } from 'vitest';
import { dateAt, daysBetween, horizonHours, hourOfDay, hoursFromStart, parseDate } from './time.ts';

const START = '2022-10-01';

describe('parseDate', () => {
  it('reads a calendar day as 00:00 China time (16:00 UTC the day before)', () => {
    expect(parseDate('2022-10-01')).toEqual({ epochMs: Date.UTC(2022, 8, 30, 16), dateOnly: true, year: 2022 });
  });

  it('reads date-times with an offset or Z', () => {
    expect(parseDate('2022-11-05T08:00+08:00')?.epochMs).toBe(Date.UTC(2022, 10, 5, 0));
    expect(parseDate('2022-11-05T00:00:00Z')?.epochMs).toBe(Date.UTC(2022, 10, 5, 0));
    expect(parseDate('2022-11-05T00:00:30.5-01:30')?.epochMs).toBe(Date.UTC(2022, 10, 5, 1, 30, 30, 500));
  });

  it.each(['2022-02-29', '2022-13-01', '2022-04-31', '2022-1-01', '22-10-01', '2022/10/01', '2022-10-01T08:00',
    '2022-10-01T24:00Z', '2022-10-01T08:60Z', '2022-10-01 08:00Z', '2022-10-01T08:00+15:00', '', 'soon'])('refuses %j', (s) => {
    expect(parseDate(s)).toBeUndefined();
  });

  it('knows leap days', () => {
    expect(parseDate('2024-02-29')?.dateOnly).toBe(true);
    expect(parseDate('2100-02-29')).toBeUndefined();
  });
});

describe('hoursFromStart', () => {
  it('puts Black Friday 2022 at hour 1320 of the default season', () => {
    expect(hoursFromStart('2022-11-25', START)).toBe(1320);
  });

  it('reads a date with endOfDay as 24:00 of that day', () => {
    expect(hoursFromStart('2022-12-05', START, { endOfDay: true })).toBe(1584);
    expect(hoursFromStart('2022-10-01', START, { endOfDay: true })).toBe(24);
  });

  it('places date-times in China time whatever offset they are written in', () => {
    expect(hoursFromStart('2022-10-01T08:00+08:00', START)).toBe(8);
    expect(hoursFromStart('2022-10-01T08:00Z', START)).toBe(16);
    expect(hoursFromStart('2022-10-01T08:00Z', START, { endOfDay: true })).toBe(16);
    expect(hoursFromStart('2022-09-30', START)).toBe(-24);
  });

  it('throws on text that is not a date', () => {
    expect(() => hoursFromStart('2022-02-30', START)).toThrow(/not a date/);
    expect(() => hoursFromStart('2022-10-02', '2022-10-01T00:00Z')).toThrow(/season start/);
  });
});

describe('horizonHours', () => {
  it('runs the default season 2022-10-01..2022-12-05 for 66 days', () => {
    expect(horizonHours({ start: START, end: '2022-12-05' })).toBe(66 * 24);
    expect(horizonHours({ start: START, end: START })).toBe(24);
  });
});

describe('dateAt and hourOfDay', () => {
  it('maps hours back to China dates and hours', () => {
    expect(dateAt(0, START)).toBe('2022-10-01');
    expect(dateAt(1320 + 13.5, START)).toBe('2022-11-25');
    expect(dateAt(1584 - 1e-9, START)).toBe('2022-12-05');
    expect(dateAt(1584, START)).toBe('2022-12-06');
    expect(dateAt(-0.5, START)).toBe('2022-09-30');
    expect(hourOfDay(0)).toBe(0);
    expect(hourOfDay(1320 + 13.5)).toBe(13);
    expect(hourOfDay(1583.999)).toBe(23);
    expect(hourOfDay(-1)).toBe(23);
  });

  it('round-trips every day of a season across a year end and a leap day', () => {
    const start = '2023-12-30';
    for (let d = 0; d < 70; d++) {
      const date = dateAt(d * 24, start);
      expect(hoursFromStart(date, start)).toBe(d * 24);
      expect(dateAt(hoursFromStart(date, start, { endOfDay: true }) - 1e-6, start)).toBe(date);
    }
    expect(dateAt(61 * 24, start)).toBe('2024-02-29');
    expect(daysBetween(start, '2024-03-01')).toBe(62);
  });
});
