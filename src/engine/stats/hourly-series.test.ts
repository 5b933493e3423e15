import { describe, expect, it } from 'vitest';
import { HourlySeries, LevelSeries } from './hourly-series.ts';

describe('HourlySeries', () => {
  it('sums into the hour containing the time, hour h being [h, h + 1)', () => {
    const s = new HourlySeries(3);
    s.add(0, 1);
    s.add(0.999, 2);
    s.add(1, 10);
    s.add(2.5, 100);
    expect(Array.from(s.values)).toEqual([3, 10, 100]);
    expect(s.outside).toBe(0);
  });

  it('drops and counts times outside [0, hours)', () => {
    const s = new HourlySeries(2);
    s.add(2, 5); // exactly the horizon: after the last hour
    s.add(7.5, 5);
    s.add(-0.1, 5);
    s.max(3, 9);
    s.set(-1, 9);
    expect(Array.from(s.values)).toEqual([0, 0]);
    expect(s.outside).toBe(5);
    expect(() => s.add(NaN, 1)).toThrow(RangeError);
  });

  it('set overwrites and max keeps the highest', () => {
    const s = new HourlySeries(2);
    s.set(0, 4);
    s.set(0.5, 6);
    s.max(1.2, 3);
    s.max(1.7, 8);
    s.max(1.9, 5);
    expect(Array.from(s.values)).toEqual([6, 8]);
    const low = new HourlySeries(1, -10);
    low.max(0, -4);
    expect(low.values[0]).toBe(-4);
  });

  it('round-trips a detached snapshot', () => {
    const s = new HourlySeries(4);
    s.add(3.2, 1.5);
    s.add(9, 1);
    const snap = s.snapshot();
    expect(snap.values).not.toBe(s.values);
    const r = HourlySeries.from(structuredClone(snap));
    expect(r.snapshot()).toEqual(snap);
  });

  it('rejects a bad length', () => {
    expect(() => new HourlySeries(0)).toThrow(/hours must be an integer >= 1, got 0/);
    expect(() => new HourlySeries(2.5)).toThrow(RangeError);
  });
});

describe('LevelSeries', () => {
  it('records end-of-hour levels and hourly peaks of a hand-computed case', () => {
    // 0 → 5 at 0.5 h, → 2 at 0.75 h, → 7 at 2.2 h; hour 1 sees no change and carries 2.
    const q = new LevelSeries(4);
    q.update(0.5, 5);
    q.update(0.75, 2);
    q.update(2.2, 7);
    q.finish(4);
    expect(Array.from(q.end)).toEqual([2, 2, 7, 7]);
    expect(Array.from(q.peak)).toEqual([5, 2, 7, 7]);
    expect(q.outside).toBe(0);
  });

  it('does not count a level replaced exactly on the hour in the new hour', () => {
    const q = new LevelSeries(3, 9);
    q.update(1, 1); // 9 held on [0, 1) only
    q.update(1.5, 4);
    q.update(1.5, 0); // 4 held for an instant: still a peak
    q.finish(3);
    expect(Array.from(q.end)).toEqual([9, 0, 0]);
    expect(Array.from(q.peak)).toEqual([9, 4, 0]);
  });

  it('finish mid-hour fills that hour with what it has seen so far', () => {
    const q = new LevelSeries(5, 1);
    q.update(0.2, 3);
    q.update(2.5, 6);
    q.update(2.6, 4);
    q.finish(2.8);
    expect(Array.from(q.end)).toEqual([3, 3, 4, 0, 0]);
    expect(Array.from(q.peak)).toEqual([3, 3, 6, 0, 0]);
    expect(q.current).toBe(4);
    const r = new LevelSeries(4, 3);
    r.finish(2); // on the hour: hour 2 has not started, so it stays empty
    expect(Array.from(r.end)).toEqual([3, 3, 0, 0]);
  });

  it('ignores updates after the last hour, counting them', () => {
    const q = new LevelSeries(2);
    q.update(1.5, 3);
    q.update(2, 8);
    q.update(50, 1);
    q.finish(60);
    expect(Array.from(q.end)).toEqual([0, 3]);
    expect(Array.from(q.peak)).toEqual([0, 3]);
    expect(q.outside).toBe(2);
    expect(q.snapshot()).toEqual({ hours: 2, end: new Float64Array([0, 3]), peak: new Float64Array([0, 3]), outside: 2 });
  });

  it('rejects time going backwards', () => {
    const q = new LevelSeries(3);
    q.update(1.5, 1);
    expect(() => q.update(1.4, 2)).toThrow(/>= 1.5/);
    expect(() => q.update(NaN, 2)).toThrow(RangeError);
    expect(() => q.update(2, NaN)).toThrow(/level/);
    expect(() => q.finish(1)).toThrow(RangeError);
  });
});
