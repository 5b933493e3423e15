// The binomial count of defective units in a stocking batch (qc.ts), against exact probabilities.
import { describe, expect, it } from 'vitest';
import { defectiveUnits } from './qc.ts';

describe('defectiveUnits', () => {
  it('inverts the binomial distribution function exactly: n = 10, p = 0.3', () => {
    const p0 = 0.7 ** 10, p1 = 10 * 0.3 * 0.7 ** 9;
    expect(defectiveUnits(0, 10, 0.3)).toBe(0);
    expect(defectiveUnits(p0 - 1e-9, 10, 0.3)).toBe(0);
    expect(defectiveUnits(p0 + 1e-9, 10, 0.3)).toBe(1);
    expect(defectiveUnits(p0 + p1 - 1e-9, 10, 0.3)).toBe(1);
    expect(defectiveUnits(p0 + p1 + 1e-9, 10, 0.3)).toBe(2);
    expect(defectiveUnits(1 - 1e-15, 10, 0.3)).toBe(10);
  });

  it('has mean n p over a fine grid of uniforms (within 0.1%)', () => {
    const grid = 100_000;
    let sum = 0;
    for (let i = 0; i < grid; i++) sum += defectiveUnits((i + 0.5) / grid, 500, 0.003);
    expect(sum / grid).toBeCloseTo(1.5, 2);
  });

  it('handles the edges: no units, p = 0, p = 1, and a batch too large for exact sums (normal approximation)', () => {
    expect(defectiveUnits(0.5, 0, 0.5)).toBe(0);
    expect(defectiveUnits(0.99, 50, 0)).toBe(0);
    expect(defectiveUnits(0.01, 50, 1)).toBe(50);
    expect(defectiveUnits(0.5, 1_000_000, 0.003)).toBe(3000);
    expect(defectiveUnits(0.975, 1_000_000, 0.003)).toBe(Math.round(3000 + 1.959964 * Math.sqrt(3000 * 0.997)));
  });
});
