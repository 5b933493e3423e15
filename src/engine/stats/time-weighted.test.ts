import { describe, expect, it } from 'vitest';
import { TimeWeighted } from './time-weighted.ts';

describe('TimeWeighted', () => {
  it('averages a hand-computed step function', () => {
    // 0 on [0,2), 3 on [2,5), 1 on [5,10): area 0 + 9 + 5 = 14 over 10 hours.
    const q = new TimeWeighted();
    q.update(2, 3);
    q.update(5, 1);
    expect(q.area(10)).toBe(14);
    expect(q.mean(10)).toBeCloseTo(1.4, 14);
    expect(q.mean(5)).toBeCloseTo(9 / 5, 14);
    expect(q.mean()).toBeCloseTo(9 / 5, 14); // defaults to the last update
    expect([q.current, q.max, q.min]).toEqual([1, 3, 0]);
  });

  it('counts a level held for zero time in max but not in the area', () => {
    const q = new TimeWeighted(0, 1);
    q.update(4, 6);
    q.update(4, 2);
    expect(q.max).toBe(6);
    expect(q.area(5)).toBe(4 + 2);
  });

  it('reset discards the past but keeps the current level (warm-up)', () => {
    const q = new TimeWeighted(0, 10);
    q.update(3, 4);
    q.reset(6);
    expect([q.startTime, q.current, q.max, q.min, q.area()]).toEqual([6, 4, 4, 4, 0]);
    q.update(8, 0);
    expect(q.mean(10)).toBe((4 * 2 + 0 * 2) / 4);
    expect(q.max).toBe(4);
  });

  it('returns the current level as the mean of a zero-length span', () => {
    const q = new TimeWeighted(5, 7);
    expect(q.mean()).toBe(7);
    q.update(5, 2);
    expect(q.mean(5)).toBe(2);
  });

  it('rejects time going backwards and bad arguments', () => {
    const q = new TimeWeighted(1);
    q.update(3, 1);
    expect(() => q.update(2.5, 1)).toThrow(RangeError);
    expect(() => q.update(NaN, 1)).toThrow(/time/);
    expect(() => q.update(4, NaN)).toThrow(/level/);
    expect(() => q.area(2)).toThrow(RangeError);
    expect(() => q.reset(0)).toThrow(RangeError);
    expect(() => new TimeWeighted(NaN)).toThrow(/startTime/);
    expect(q.area(5)).toBe(2); // the failed calls changed nothing
  });

  it('round-trips through a snapshot', () => {
    const q = new TimeWeighted(0, 2);
    q.update(1.5, 5);
    const r = TimeWeighted.from(structuredClone(q.snapshot()));
    r.update(2, 0);
    q.update(2, 0);
    expect(r.snapshot()).toEqual(q.snapshot());
    expect(r.mean(4)).toBe((3 + 2.5) / 4);
  });
});
