// Calibration test: with the calibrated defaults the market works (docs/calibration.md, "Plausibility
// targets"). One replication of each scenario at 1:10 scale (sellers, orders and warehouse staff
// alike). When someone changes a default, this says whether the market still works; it is not a
// test of the code's correctness, and a failure means: read docs/calibration.md before tuning.
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runJit } from '../src/model/jit.ts';
import { hoursFromStart } from '../src/scenario/time.ts';
import { shrunk } from './helpers/scale.ts';

const dir = new URL('../scenarios/', import.meta.url).pathname;

function columns(file: string) {
  const scenario = shrunk(readScenarioFile(`${dir}${file}`), 10);
  const result = runJit(scenario, { seed: 1, replication: 0 });
  const k = result.kpis;
  return {
    scenario,
    result,
    onTime: k.ordersShippedOnTime / k.ordersShipped,
    cancelled: k.ordersCancelled / k.ordersPlaced,
    fines: k.finesShareOfGmv,
    suspended: k.sellersSuspended / scenario.sellers.count,
  };
}

describe('plausibility of the calibrated defaults (a calibration test, 1:10 scale)', () => {
  const october = columns('october-baseline.yaml');
  const season = columns('black-friday-2022.yaml');
  const lockdown = columns('shenzhen-lockdown.yaml');

  it('october-baseline: ≥ 97% shipped on time, ≤ 2.5% cancelled, fines ≤ 5% of GMV, ≤ 1% of sellers suspended', () => {
    expect(october.onTime).toBeGreaterThanOrEqual(0.97);
    expect(october.cancelled).toBeLessThanOrEqual(0.025);
    expect(october.fines).toBeLessThanOrEqual(0.05);
    expect(october.suspended).toBeLessThanOrEqual(0.01);
  });

  it('black-friday-2022: ≥ 93% on time, ≤ 3% cancelled, fines ≤ 15% of GMV, ≤ 5% of sellers suspended', () => {
    expect(season.onTime).toBeGreaterThanOrEqual(0.93);
    expect(season.cancelled).toBeLessThanOrEqual(0.03);
    expect(season.fines).toBeLessThanOrEqual(0.15);
    expect(season.suspended).toBeLessThanOrEqual(0.05);
  });

  it('shenzhen-lockdown is worse than the season without it, and than October, on all four columns', () => {
    for (const base of [season, october]) {
      expect(lockdown.onTime).toBeLessThan(base.onTime);
      expect(lockdown.cancelled).toBeGreaterThan(base.cancelled);
      expect(lockdown.fines).toBeGreaterThan(base.fines);
      expect(lockdown.suspended).toBeGreaterThan(base.suspended);
    }
  });

  it('the warehouse is busiest at the peak: a queue’s daily peak in the Black Friday week tops its October average', () => {
    const { scenario, result } = season;
    const day = (date: string) => Math.round(hoursFromStart(date, scenario.season.start) / 24);
    const dailyPeaks = (hourly: Float64Array) => Array.from({ length: hourly.length / 24 }, (_, d) => Math.max(...hourly.subarray(24 * d, 24 * d + 24)));
    const higherAtPeak = ['receivingQueueMax', 'qcQueueMax'].map((series) => {
      const peaks = dailyPeaks(result.hourly[series]);
      const octoberMean = peaks.slice(0, day('2022-11-01')).reduce((a, b) => a + b, 0) / day('2022-11-01');
      return Math.max(...peaks.slice(day('2022-11-24'), day('2022-12-01'))) > octoberMean;
    });
    expect(higherAtPeak).toContain(true);
  });
});
