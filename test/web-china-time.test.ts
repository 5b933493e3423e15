// The charts' clock (web/charts/china-time.ts) reads hour h of a season as the China date and hour
// that src/scenario/time.ts gives, whatever this process's time zone (run it under TZ=... to see).
import { describe, expect, it } from 'vitest';
import { chinaClock, chinaHour, chinaTick } from '../web/charts/china-time.ts';
import { dateAt, hourOfDay, hoursFromStart } from '../src/scenario/time.ts';

describe('chinaClock', () => {
  it('shows hour h as dateAt(h) at hourOfDay(h), and back', () => {
    const clock = chinaClock('2022-10-01');
    for (let h = 0; h < 66 * 24; h += 7) {
      expect(chinaHour(clock.at(h))).toBe(`${dateAt(h, '2022-10-01')} ${String(hourOfDay(h)).padStart(2, '0')}:00`);
      expect(clock.hourOf(clock.at(h))).toBe(h);
    }
    expect(chinaHour(clock.at(0))).toBe('2022-10-01 00:00');
  });

  it('starts a China day at the hour hoursFromStart gives', () => {
    const clock = chinaClock('2022-10-01');
    expect(clock.dayStart('2022-11-25')).toBe(1320);
    expect(clock.dayStart('2022-11-25')).toBe(hoursFromStart('2022-11-25', '2022-10-01'));
    expect(clock.dayStart('2022-09-30')).toBe(-24);
  });

  it('labels ticks on a 24-hour China clock', () => {
    const clock = chinaClock('2022-10-01');
    expect([1320, 1200, 1334, 0, 92 * 24].map((h) => chinaTick(clock.at(h)))).toEqual(['Fri 25', 'Nov 20', '14:00', 'October', '2023']);
  });
});
