// Closed forms the simulator is checked against: the M/M/c time-in-system tail by hand cases.
import { describe, expect, it } from 'vitest';
import { mmcTimeInSystemTail } from './queueing-theory.ts';

describe('mmcTimeInSystemTail', () => {
  it('is the exponential tail of M/M/1, whose time in system is exponential at rate μ − λ', () => {
    for (const t of [0, 0.5, 2]) expect(mmcTimeInSystemTail(3, 5, 1, t)).toBeCloseTo(Math.exp(-2 * t), 12);
  });

  it("is continuous where cμ − λ = μ (the formula's special case)", () => {
    const at = mmcTimeInSystemTail(4, 4, 2, 0.7); // c μ − λ = 4 = μ
    expect(mmcTimeInSystemTail(4 * (1 + 1e-7), 4, 2, 0.7)).toBeCloseTo(at, 6);
    expect(at).toBeGreaterThan(Math.exp(-4 * 0.7)); // waiting can only add
  });

  it('falls towards the service tail as servers are added (no waiting left)', () => {
    expect(mmcTimeInSystemTail(100, 4, 60, 1)).toBeCloseTo(Math.exp(-4), 8);
    // Hand-checked with the formula: 26 servers 0.0756, 27 servers 0.0292 for 1 h at λ = 100, μ = 4.
    expect(mmcTimeInSystemTail(100, 4, 26, 1)).toBeCloseTo(0.0756, 4);
    expect(mmcTimeInSystemTail(100, 4, 27, 1)).toBeCloseTo(0.0292, 4);
  });
});
