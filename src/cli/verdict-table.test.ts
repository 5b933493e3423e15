// The verdict block as the terminal shows it, on a hand-made comparison: the headline, each
// figure with its interval in readable units, unchanged classes labelled, 100 columns at most.
import { describe, expect, it } from 'vitest';
import type { Verdict, VerdictFigure } from '../experiment/verdict.ts';
import { verdictTable } from './verdict-table.ts';

const diff = (mean: number, low: number, high: number) => ({ n: 4, mean, sd: 1, halfWidth: (high - low) / 2, low, high, significant: low > 0 || high < 0 });
const fig = (kpi: string, label: string, unit: VerdictFigure['unit'], d: ReturnType<typeof diff>, outcome: VerdictFigure['outcome']): VerdictFigure => ({ kpi, label, unit, difference: d, outcome });

const v: Verdict = {
  labels: { a: 'scenarios/prestock-2022.yaml', b: 'scenarios/jit-for-small-sellers.yaml' },
  jitSide: 'b',
  replications: 4,
  platform: {
    figures: [
      fig('peakWeekQcQueuePeakParcels', 'peak-week QC queue peak', 'parcels', diff(-4120, -4340, -3900), 'better'),
      fig('peakWeekDockToStockP95Hours', 'peak-week dock-to-stock P95', 'hours', diff(-6.5, -8.25, -4.75), 'better'),
      fig('listingLeadTimeP50Hours', 'listing lead time P50', 'hours', diff(-69.6, -74.4, -64.8), 'better'),
      fig('lostSalesUnlistedCny', 'sales lost before listing', 'CNY', diff(-1_250_000, -1_400_000, -1_100_000), 'better'),
    ],
    outcome: 'better',
    peak: 'relieved',
    peakKpis: ['peakWeekQcQueuePeakParcels', 'peakWeekDockToStockP95Hours'],
  },
  classes: [{
    className: 'small',
    sellers: 2400,
    jitIn: 'b',
    figures: [
      fig('finesTotalCny', 'fines, class total', 'CNY', diff(312_000, 280_000, 344_000), 'worse'),
      fig('sellersSuspendedShare', 'sellers suspended', 'share', diff(0.021, 0.015, 0.027), 'worse'),
      fig('sellerProfitP50Cny', 'profit per seller, P50', 'CNY', diff(-1230, -1400, -1060), 'worse'),
      fig('holdingCostCny', 'holding cost, class total', 'CNY', diff(-40, -90, 10), 'no clear difference'),
    ],
    worseOff: { perReplication: [0.7, 0.72, 0.69, 0.73], interval: { n: 4, mean: 0.71, sd: 0.02, halfWidth: 0.03, low: 0.68, high: 0.74 } },
    outcome: 'worse',
  }],
  unchanged: [{ className: 'large', mode: 'prestock', profitMean: diff(150, -20, 320) }],
  notReported: ['shelfOccupancyPeakUnits'],
  answer: 'burden moved onto sellers',
  headline: [
    'Platform: JIT lowers the peak-week QC queue peak by 4,120 parcels [3,900, 4,340] and lists new products 2.9 days sooner (P50) [2.7, 3.1].',
    'Sellers: 71.0% [68.0%, 74.0%] of small sellers are worse off under JIT; their median profit changes by -1,230 CNY [-1,400, -1,060].',
    'So JIT relieves the platform and moves the burden onto small sellers.',
  ],
};

describe('verdictTable', () => {
  const text = verdictTable(v);
  const lines = text.split('\n');
  const line = (start: string) => lines.find((l) => l.trimStart().startsWith(start)) ?? '';

  it('names the JIT side and prints the headline, wrapped', () => {
    expect(lines[1]).toContain('JIT side B (scenarios/jit-for-small-sellers.yaml), pre-stock side A (scenarios/prestock-2022.yaml)');
    expect(text).toContain('Platform: JIT lowers the peak-week QC queue peak by 4,120 parcels [3,900, 4,340]');
    expect(text).toContain('So JIT relieves the platform and moves the burden onto small sellers.');
  });

  it('gives every figure its sign, its interval and what it means, in readable units', () => {
    expect(line('peak-week QC queue peak, parcels')).toMatch(/-4,120\s+\[-4,340, -3,900\]\s+better$/);
    expect(line('peak-week dock-to-stock P95, hours')).toMatch(/-6\.5\s+\[-8\.25, -4\.75\]\s+better$/);
    expect(line('listing lead time P50, days')).toMatch(/-2\.9\s+\[-3\.1, -2\.7\]\s+better$/); // 69.6 h read as days
    expect(line('sales lost before listing, CNY')).toMatch(/-1,250,000\s+\[-1,400,000, -1,100,000\]\s+better$/);
    expect(line('the peak, on the whole')).toMatch(/\s{20}relieved$/);
    expect(line('for small sellers (2,400)')).toMatch(/JIT − pre\s+95% interval$/);
    expect(line('worse off under JIT (share)')).toMatch(/71\.0%\s+\[68\.0%, 74\.0%\]$/);
    expect(line('fines, class total, CNY')).toMatch(/\+312,000\s+\[280,000, 344,000\]\s+worse$/);
    expect(line('sellers suspended, pp')).toMatch(/\+2\.1\s+\[1\.5, 2\.7\]\s+worse$/);
    expect(line('holding cost, class total, CNY')).toMatch(/-40\s+\[-90, 10\]\s+—$/);
    expect(line('better, worse:')).toContain('—: no clear difference');
  });

  it('labels a class whose mode did not change, and the orientation of its difference', () => {
    expect(line('large sellers:')).toBe('large sellers: pre-stock in both, not judged; mean profit per seller, B − A: +150 CNY [-20, 320]');
    expect(line('not reported')).toBe('not reported by these runs: shelfOccupancyPeakUnits');
  });

  it('notes a class that sells JIT in the other scenario than the JIT side', () => {
    const other = verdictTable({ ...v, classes: [{ ...v.classes[0], jitIn: 'a' }] });
    expect(other).toContain('for small sellers (2,400, JIT in A)');
  });

  it('fits a 100-column terminal, wrapping the words but never an interval', () => {
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(lines).toContain('    products 2.9 days sooner (P50) [2.7, 3.1].');
    expect(lines.filter((l) => /\[[^\]]*$/.test(l))).toEqual([]);
  });
});
