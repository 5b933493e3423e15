// The page's plan before a run (web/run-plan.ts): refused over a worker's heap or a day, its
// workers fewer when half the device's memory holds fewer, and the time said at the browser's pace.
import { describe, expect, it } from 'vitest';
import { replicationSeconds, runEstimate } from '../src/experiment/run-estimate.ts';
import { BROWSER_SLOWER, planPageRun } from '../web/run-plan.ts';
import { parse, shipped } from '../web/scenarios.ts';

const blackFriday = parse(shipped['black-friday-2022.yaml'], 'black-friday-2022.yaml');
const roomy = { heap: 4 * 1024 ** 3, device: undefined, cores: 2 };

describe('the page plans a run', () => {
  it('says the time at the browser pace, with the workers asked', () => {
    const plan = planPageRun([blackFriday], { workers: 2, replications: 2 }, roomy);
    if (plan.refusal !== undefined) throw new Error(plan.refusal);
    expect(plan.workers).toBe(2);
    expect(plan.seconds).toBeCloseTo(replicationSeconds(blackFriday) * BROWSER_SLOWER / 0.96, 6);
    expect(plan.note).toMatch(/^about \d+ s estimated in all$/);
  });

  it('runs fewer workers when half the device memory holds fewer, and says so', () => {
    const one = runEstimate([blackFriday], { workers: 1, replications: 4, cores: 2, threadBytes: 0 }).totalBytes;
    const plan = planPageRun([blackFriday], { workers: 2, replications: 4 }, { ...roomy, device: one * 1.2 });
    if (plan.refusal !== undefined) throw new Error(plan.refusal);
    expect(plan.workers).toBe(1);
    expect(plan.note).toMatch(/^about \d+ min estimated in all \(1 worker: 2 would need more than half this device's memory\)$/);
    const none = planPageRun([blackFriday], { workers: 2, replications: 4 }, { ...roomy, device: one / 2 });
    expect(none.refusal).toMatch(/^Not run: it needs about [\d.]+ GB, more than half this device's memory \([\d.]+ GB\)\./);
  });

  it('refuses a replication a worker cannot hold, and a run over a day', () => {
    const big = { ...blackFriday, sellers: { ...blackFriday.sellers, count: 1_000_000 } };
    expect(planPageRun([big], { workers: 1, replications: 1 }, { ...roomy, heap: 2 * 1024 ** 3 }).refusal)
      .toMatch(/^Not run: one replication needs about [\d.]+ GB, more than a worker can hold \(2\.0 GB\)\. Use fewer sellers or a shorter season\.$/);
    // Ten times the orders a day: ~250 s a replication in Node, 300 s in the page; a thousand on two cores: over 40 h.
    const busy = { ...blackFriday, demand: { ...blackFriday.demand, ordersPerDay: blackFriday.demand.ordersPerDay * 10 } };
    expect(planPageRun([busy], { workers: 2, replications: 1000 }, { ...roomy, heap: 64 * 1024 ** 3 }).refusal)
      .toMatch(/^Not run: it would take about [\d.]+ h, more than the page's limit of 24 h\. /);
  });
});
