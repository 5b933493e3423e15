// The command's KPI tables: the lines a planner reads first, and rows of one mode left out where they say nothing.
import { describe, expect, it } from 'vitest';
import { differenceTable, kpiTable } from './table.ts';

const k = (mean: number, halfWidth = 0) => ({ n: 4, mean, sd: 0, halfWidth, low: mean - halfWidth, high: mean + halfWidth });
const d = (mean: number, halfWidth: number) => ({ ...k(mean, halfWidth), significant: Math.abs(mean) > halfWidth });

describe('kpiTable', () => {
  it('shows the figures with their intervals, and pre-stock rows only when they are not all 0', () => {
    const jit = kpiTable({ ordersPlaced: k(8_134_674, 2_666.1), ordersLostOutOfStock: k(0), shelfOccupancyPeakUnits: k(0), ordersLostUnlisted: k(3455) });
    expect(jit.split('\n')).toEqual([
      'KPI                              mean    ± 95%',
      'orders placed               8,134,674  2,666.1',
      '  launched, not listed yet      3,455     0.00',
    ]);
    expect(kpiTable({ shelfOccupancyPeakUnits: k(7_225_520, 3000) })).toContain('shelf occupancy peak, units  7,225,520');
  });

  it('says an interval from one replication is not available, not ± ∞, and why', () => {
    const one = { n: 1, mean: 5293, sd: NaN, halfWidth: Infinity, low: -Infinity, high: Infinity };
    expect(kpiTable({ ordersPlaced: one }).split('\n')).toEqual([
      'KPI             mean  ± 95%',
      'orders placed  5,293    n/a',
      'n/a: an interval needs 2 or more replications',
    ]);
    expect(kpiTable({ ordersPlaced: one })).not.toContain('∞');
  });
});

describe('differenceTable', () => {
  it('keeps a pre-stock row when either side has it, and marks a significant difference', () => {
    const table = differenceTable({ ordersLostOutOfStock: d(-210_000, 5_000) }, { ordersLostOutOfStock: k(210_000) }, { ordersLostOutOfStock: k(0) });
    expect(table).toMatch(/ {2}pre-stock listing empty +210,000 +0\.00 +-210,000 +5,000 +\*/);
    expect(differenceTable({ ordersLostOutOfStock: d(0, 0) }, { ordersLostOutOfStock: k(0) }, { ordersLostOutOfStock: k(0) })).not.toContain('listing empty');
  });
});
