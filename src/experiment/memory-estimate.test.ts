// The memory estimate against what runJit was measured to use on this machine (peak heap and
// array buffers, sampled each simulated day, over the heap before; node --expose-gc, Node 20) on
// black-friday-2022.yaml from 2022-11-15 to 2022-11-30, scaled in sellers (docs/model-notes.md).
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../cli/read-scenario.ts';
import { expectedSkus, memoryEstimate } from './memory-estimate.ts';

const base = readScenarioFile(new URL('../../scenarios/black-friday-2022.yaml', import.meta.url).pathname);
const scaled = (sellers: number) => ({ ...base, sellers: { ...base.sellers, count: sellers }, season: { ...base.season, start: '2022-11-15', end: '2022-11-30' } });
/** Measured peak bytes by sellers. */
const MEASURED: [number, number][] = [[2_000, 96.8e6], [100_000, 423.0e6]];
/** Within this share of the measurement: the heap is sampled once a day, and the collector runs when it likes. */
const TOLERANCE = 0.25;

describe('memory estimate', () => {
  it('is within 25% of the measured peak of one replication', () => {
    for (const [sellers, bytes] of MEASURED) {
      const estimate = memoryEstimate(scaled(sellers), { workers: 1, replications: 0 }).perReplication;
      expect(Math.abs(estimate / bytes - 1), `${sellers} sellers`).toBeLessThan(TOLERANCE);
    }
  });

  it('counts the SKUs by class share, and scales with workers and the results kept', () => {
    // 0.05 × 80 + 0.25 × 20 + 0.70 × 5 = 12.5 SKUs a seller.
    expect(expectedSkus(scaled(1000))).toBeCloseTo(12_500, 6);
    const one = memoryEstimate(scaled(1000), { workers: 1, replications: 1 });
    const four = memoryEstimate(scaled(1000), { workers: 4, replications: 10 });
    expect(four.total).toBeCloseTo(4 * one.perReplication + 10 * one.perResult, 0);
    // Ten million sellers cannot fit a browser tab: far above 2 GB.
    expect(memoryEstimate(scaled(10_000_000), { workers: 1, replications: 1 }).total).toBeGreaterThan(10e9);
  });
});
