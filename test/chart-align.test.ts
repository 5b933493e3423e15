// Compare mode's clock: B's hourly values laid on A's hours by date, whatever the two seasons.
import { describe, expect, it } from 'vitest';
import { onClockOf, shown } from '../web/charts/align.ts';

const hours = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => from + i);

describe('onClockOf', () => {
  it('keeps hour h on hour h when the seasons start together, whatever their lengths', () => {
    expect(Array.from(onClockOf('2022-10-01', 4, '2022-10-01', hours(6))!)).toEqual([0, 1, 2, 3]);
    expect(Array.from(onClockOf('2022-10-01', 4, '2022-10-01', hours(2))!)).toEqual([0, 1, NaN, NaN]);
  });

  it('shifts by whole days when the seasons start apart, NaN where B has no such hour', () => {
    // A starts a day after B: A's hour 0 is B's hour 24.
    const a = onClockOf('2022-10-02', 3, '2022-10-01', hours(26))!;
    expect(Array.from(a)).toEqual([24, 25, NaN]);
    // A starts a day before B: B's hour 0 is A's hour 24.
    const b = onClockOf('2022-10-01', 26, '2022-10-02', hours(5, 100))!;
    expect(Array.from(b.subarray(22, 26))).toEqual([NaN, NaN, 100, 101]);
    expect(b.slice(0, 24).every(Number.isNaN)).toBe(true);
  });

  it('gives nothing when the seasons share no hour', () => {
    expect(onClockOf('2023-01-01', 48, '2022-10-01', hours(24))).toBeUndefined();
    expect(onClockOf('2022-10-01', 24, '2022-10-02', hours(24))).toBeUndefined();
    expect(shown(NaN, 1)).toBe('—');
    expect(shown(2.345, 1)).toBe('2.3');
  });
});
