// The seller's stocking planner (src/experiment/stocking-plan.ts): the policy grid, the one-seller
// profile, Wilson intervals, the frontier, and the planner's choice where theory settles it.
import { describe, expect, it } from 'vitest';
import { runJit } from '../src/model/jit.ts';
import { defaultGrid, markBestAndFrontier, policyOutcome, sellerProfile, variant, wilson, type PolicyOutcome } from '../src/experiment/stocking-plan.ts';
import { defaultScenario } from '../src/scenario/schema.ts';
import { constant, tiny } from './helpers/tiny.ts';

describe('the grid and the profile', () => {
  it('has 30 policies: 12 service levels × cycles, 2 (s, S), make-to-order, each with and without pausing', () => {
    const grid = defaultGrid();
    expect(grid).toHaveLength(30);
    expect(new Set(grid.map((c) => c.label)).size).toBe(30);
    expect(grid.filter((c) => c.pauseListingWhenOut)).toHaveLength(15);
    expect(grid.filter((c) => c.stocking.policy === 'makeToOrder')).toHaveLength(2);
  });

  it('makes a platform scenario one seller of the class, with its median seller’s orders', () => {
    const s = defaultScenario();
    const p = sellerProfile(s, 'small');
    expect(p.sellers.count).toBe(1);
    expect([p.sellers.classes.large.share, p.sellers.classes.medium.share, p.sellers.classes.small.share]).toEqual([0, 0, 1]);
    // Zipf 0.8 over 30,000 sellers: the median small seller is rank 9,000 + 10,500 = 19,500 (0-based).
    let total = 0;
    for (let k = 1; k <= 30_000; k++) total += k ** -0.8;
    expect(p.demand.ordersPerDay).toBeCloseTo((60_000 * 19_501 ** -0.8) / total, 9);
    expect(sellerProfile(p, 'large')).toEqual(p); // a one-seller scenario is used as it is
  });

  it('turns the disruption windows off for the undisrupted variant and sets the class’s policy', () => {
    const p = sellerProfile(defaultScenario(), 'medium');
    const v = variant(p, defaultGrid()[29], false);
    expect(v.factories.disruptions).toEqual([]);
    expect(v.factories.randomDisruptions).toBeNull();
    expect(v.sellers.classes.medium.stocking).toEqual({ policy: 'makeToOrder' });
    expect(v.sellers.classes.medium.pauseListingWhenOut).toBe(true);
    expect(variant(p, defaultGrid()[0], true).factories.disruptions).toEqual(p.factories.disruptions);
  });
});

describe('chances and the frontier', () => {
  it('gives Wilson intervals: 0 of 10 is [0, 0.278], 5 of 10 is [0.237, 0.763]', () => {
    const none = wilson(0, 10), half = wilson(5, 10);
    expect(none.p).toBe(0);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
  });

  it('marks the best expected profit and the policies no other beats on both profit and the chance of losing the deposit', () => {
    const o = (label: string, profit: number, out: number) => ({ candidate: { label }, profit: { mean: profit }, depositRunsOut: { p: out } }) as unknown as PolicyOutcome;
    const marked = markBestAndFrontier([o('a', 100, 0.5), o('b', 90, 0.1), o('c', 80, 0.1), o('d', 95, 0.6), o('e', 70, 0)]);
    expect(marked.filter((x) => x.best).map((x) => x.candidate.label)).toEqual(['a']);
    expect(marked.filter((x) => x.onFrontier).map((x) => x.candidate.label)).toEqual(['a', 'b', 'e']);
  });
});

describe('the planner where theory settles it', () => {
  it('picks, for a seller who can never be fined, the policy with the least holding cost', () => {
    // No defects, no disruptions, no lateness tiers, a factory 1 h away against cycles of days: every
    // order is served whatever the policy, so profit differs only by what stock costs to hold.
    const profile = tiny((s) => {
      s.season = { start: '2022-10-01', end: '2022-10-20' };
      s.demand.ordersPerDay = 20;
      s.demand.dayMultiplier = [{ date: '2022-10-01', value: 1 }];
      s.sellers.classes.small.pickupHours = [6, 12, 18];
      s.factories.leadTime = constant(1);
      s.factories.holdingRatePerYear = 2;
      s.rules.lateness = [];
      s.newProducts.share = 0;
    });
    const outcomes = markBestAndFrontier(defaultGrid().map((candidate) => {
      const scenario = variant(profile, candidate, false);
      const runs = [0, 1, 2].map((r) => runJit(scenario, { seed: 5, replication: r }));
      return policyOutcome(candidate, false, runs);
    }));
    for (const o of outcomes) expect(Object.values(o.finesByCause).every((x) => x === 0), o.candidate.label).toBe(true);
    const best = outcomes.find((o) => o.best)!;
    const leastHolding = Math.min(...outcomes.map((o) => o.holdingCny));
    expect(best.holdingCny).toBe(leastHolding);
    expect(best.candidate.label).toBe('make-to-order');
    expect(best.depositRunsOut.p).toBe(0);
  });
});
