// The run estimate: time against the model benchmark's measurement, waves of replications on
// threads and cores worked by hand, the threads that fit a memory limit, and durations as read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../cli/read-scenario.ts';
import { PARALLEL_EFFICIENCY, formatSeconds, replicationSeconds, runEstimate, workersThatFit } from './run-estimate.ts';

const root = new URL('../../', import.meta.url).pathname;
const blackFriday = readScenarioFile(`${root}scenarios/black-friday-2022.yaml`);
const small = readScenarioFile(`${root}scenarios/small-seller.yaml`);
const shape = { threadBytes: 0, cores: 2 };

describe('run estimate', () => {
  it('puts one black-friday replication within 25% of the model benchmark on the reference machine', () => {
    const bench = JSON.parse(readFileSync(`${root}bench/results/model.json`, 'utf8')) as { after: { seconds: number }; orders: number };
    expect(Math.abs(replicationSeconds(blackFriday) / bench.after.seconds - 1)).toBeLessThan(0.25);
  });

  it('runs replications in whole waves of threads, no faster than the cores', () => {
    const t = replicationSeconds(small);
    const seconds = (replications: number, workers: number, cores = 2) => runEstimate([small], { ...shape, replications, workers, cores }).seconds;
    expect(seconds(1, 2)).toBeCloseTo(t, 9); // one replication: one thread, no loss to sharing
    expect(seconds(4, 1)).toBeCloseTo(4 * t, 9);
    expect(seconds(3, 2)).toBeCloseTo(2 * t / PARALLEL_EFFICIENCY, 9); // two waves: 2 + 1
    expect(seconds(8, 4)).toBeCloseTo(4 * t / PARALLEL_EFFICIENCY, 9); // four threads on two cores: as two
    expect(seconds(8, 8, 8)).toBeCloseTo(t / PARALLEL_EFFICIENCY, 9);
  });

  it('adds scenarios run one after the other, and shares the pool for a sweep', () => {
    const a = replicationSeconds(small), b = replicationSeconds(blackFriday);
    const after = runEstimate([small, blackFriday], { ...shape, replications: 2, workers: 2 });
    expect(after.seconds).toBeCloseTo((a + b) / PARALLEL_EFFICIENCY, 6);
    expect(after.results).toBe(4);
    // Three points of two replications together: six jobs, three waves of two, at the points' mean time.
    const together = runEstimate([small, small, blackFriday], { ...shape, replications: 2, workers: 2, together: true });
    expect(together.seconds).toBeCloseTo(3 * ((2 * a + b) / 3) / PARALLEL_EFFICIENCY, 6);
  });

  it('counts memory as threads × (a replication + a thread) + the results kept, and finds the threads that fit', () => {
    const one = runEstimate([blackFriday], { ...shape, threadBytes: 40e6, replications: 10, workers: 1 });
    const two = runEstimate([blackFriday], { ...shape, threadBytes: 40e6, replications: 10, workers: 2 });
    expect(two.totalBytes - one.totalBytes).toBeCloseTo(one.perThreadBytes, 0);
    expect(one.totalBytes).toBeCloseTo(one.keptBytes + one.perThreadBytes, 0);
    const asked = { ...shape, threadBytes: 40e6, replications: 10, workers: 4 };
    expect(workersThatFit([blackFriday], asked, (one.totalBytes + two.totalBytes) / 2)).toBe(1);
    expect(workersThatFit([blackFriday], asked, 1e15)).toBe(4);
    expect(workersThatFit([blackFriday], asked, one.totalBytes - 1)).toBe(0);
    // A sweep keeps 8 kB of KPIs a result instead of the whole result.
    expect(runEstimate([blackFriday], { ...asked, kpisOnly: true }).keptBytes).toBe(10 * 8 * 1024);
  });

  it('says durations rounded up, in the unit a person reads', () => {
    expect([0.2, 89, 90, 5399, 5400, 48 * 3600 - 1, 48 * 3600, 100 * 3600].map(formatSeconds))
      .toEqual(['1 s', '89 s', '2 min', '90 min', '1.5 h', '48 h', '2 days', '5 days']);
  });
});
