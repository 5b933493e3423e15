// The receiving capacity series (docs/results.md, hourly series): hour by hour, the staff on duty
// times the parcels one clerk handles in an hour, 60 / the mean service minutes.
import { describe, expect, it } from 'vitest';
import { runJit } from './jit.ts';
import { tiny } from '../../test/helpers/tiny.ts';

describe('receivingCapacity', () => {
  it('is staff × 10 with a constant 6-minute service, 0 when no one is on duty', () => {
    const r = runJit(tiny((s) => {
      s.warehouse.receiving.service = { medianMinutes: 6, p90Minutes: 6 };
      s.warehouse.receiving.staff = { byHour: Array.from({ length: 24 }, (_, h) => (h >= 3 && h < 6 ? 0 : 4)), overrides: [] };
    }), { seed: 1, replication: 0 });
    const capacity = r.hourly.receivingCapacity;
    expect(capacity.length).toBe(r.hourly.receivingStaff.length);
    expect(Array.from(capacity.subarray(0, 8))).toEqual([40, 40, 40, 0, 0, 0, 40, 40]);
    expect(capacity[24 + 4]).toBe(0); // every day alike
  });

  it('uses the log-normal’s mean, not its median: 1.5 min median and 4 min P90 give 2.0104 min', () => {
    // sigma = ln(4 / 1.5) / 1.28155 = 0.76535; mean = 1.5 · exp(sigma² / 2) = 1.5 · 1.34027 = 2.01041 min.
    const r = runJit(tiny((s) => {
      s.warehouse.receiving.service = { medianMinutes: 1.5, p90Minutes: 4 };
      s.warehouse.receiving.staff = { byHour: Array(24).fill(3), overrides: [] };
    }), { seed: 1, replication: 0 });
    expect(r.hourly.receivingCapacity[0]).toBeCloseTo(3 * 60 / 2.01041, 2);
  });
});
