// The seller's stocking planner (`jitsim plan stocking`, docs/results.md, "Planners"): one seller
// profile, a grid of stocking policies, each run on the same replications (common random numbers)
// with and without the scenario's disruption windows; for each, the expected profit with its
// interval, the P5 profit, the chances that the deposit runs out and that the seller is suspended,
// fines by cause and costs; the best expected profit and the frontier of profit against the
// chance of losing the deposit. Pure: the runs come from whoever calls it (worker pool, page).
import { zipfWeights, normalQuantile } from '../engine/index.ts';
import { finesKey } from '../model/fine-causes.ts';
import type { RunResult } from '../model/result.ts';
import { SIZE_CLASSES, type Scenario, type SizeClass, type StockingPolicy } from '../scenario/types.ts';
import { kpiIntervals, quantileSorted, type KpiInterval } from './summary.ts';

/** One candidate: a stocking policy and whether the seller pauses its listings when out. */
export interface Candidate { label: string; stocking: StockingPolicy; pauseListingWhenOut: boolean }

/** The default grid: 4 service levels × 3 cycles, 2 (s, S) in days, make-to-order; each with and without pausing: 30. */
export function defaultGrid(): Candidate[] {
  const policies: [string, StockingPolicy][] = [];
  for (const level of [0.9, 0.95, 0.98, 0.99]) {
    for (const days of [7, 14, 21]) policies.push([`service ${level} / ${days} d`, { policy: 'serviceLevel', cycleServiceLevel: level, cycleDays: days }]);
  }
  for (const [s, S] of [[7, 14], [14, 28]]) policies.push([`(s, S) ${s} / ${S} d`, { policy: 'sS', reorderDays: s, orderUpToDays: S }]);
  policies.push(['make-to-order', { policy: 'makeToOrder' }]);
  return [false, true].flatMap((pause) => policies.map(([label, stocking]) => ({ label: pause ? `${label}, pause when out` : label, stocking, pauseListingWhenOut: pause })));
}

/**
 * The seller profile as a one-seller scenario: a one-seller scenario as it is; otherwise the
 * median seller (by demand) of `sellerClass`, its orders a day being its share of the platform's.
 */
export function sellerProfile(scenario: Scenario, sellerClass: SizeClass): Scenario {
  const s = structuredClone(scenario);
  if (s.sellers.count === 1) return s;
  const count = s.sellers.count;
  const shares = zipfWeights(count, s.demand.sellerZipf);
  const total = shares.reduce((a, b) => a + b, 0);
  // Sellers are ranked large, medium, small (docs/model.md §1): the class's block of ranks.
  let first = 0;
  for (const c of SIZE_CLASSES) {
    const n = Math.floor(s.sellers.classes[c].share * count + 1e-9);
    if (c === sellerClass) {
      const median = first + Math.floor(Math.max(1, n) / 2);
      s.demand.ordersPerDay *= shares[Math.min(median, count - 1)] / total;
      break;
    }
    first += n;
  }
  s.sellers.count = 1;
  for (const c of SIZE_CLASSES) s.sellers.classes[c].share = c === sellerClass ? 1 : 0;
  return s;
}

/** The class the profile's one seller belongs to. */
export function profileClass(profile: Scenario): SizeClass {
  return SIZE_CLASSES.find((c) => profile.sellers.classes[c].share === 1) ?? 'small';
}

/** The profile under a candidate, with or without the disruption windows (and random closures). */
export function variant(profile: Scenario, candidate: Candidate, disruptions: boolean): Scenario {
  const s = structuredClone(profile);
  const c = s.sellers.classes[profileClass(profile)];
  c.stocking = structuredClone(candidate.stocking);
  c.pauseListingWhenOut = candidate.pauseListingWhenOut;
  if (!disruptions) {
    s.factories.disruptions = [];
    s.factories.randomDisruptions = null;
  }
  return s;
}

/** A probability from k of n with its 95% Wilson interval. */
export interface Chance { p: number; low: number; high: number; n: number }

export function wilson(k: number, n: number): Chance {
  if (n === 0) return { p: NaN, low: NaN, high: NaN, n };
  const z = normalQuantile(0.975), p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // At k = 0 (or n) the bound is exactly 0 (or 1); rounding would leave a hair's breadth.
  return { p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half), n };
}

export interface PolicyOutcome {
  candidate: Candidate;
  disruptions: boolean;
  replications: number;
  profit: KpiInterval;
  /** The 5th percentile of the seller's profit over replications. */
  profitP5: number;
  depositRunsOut: Chance;
  suspended: Chance;
  /** Means over replications, CNY. */
  finesByCause: Record<string, number>;
  holdingCny: number;
  shippingCny: number;
  returnsCny: number;
  lostSalesCny: number;
  best: boolean;
  /** Not beaten on both expected profit and the chance of losing the deposit by another policy. */
  onFrontier: boolean;
}

/** One candidate's replications, reduced to what the plan reports. */
export function policyOutcome(candidate: Candidate, disruptions: boolean, results: Pick<RunResult, 'kpis' | 'fineCauses'>[]): PolicyOutcome {
  const k = kpiIntervals(results.map((r) => r.kpis));
  const profits = results.map((r) => r.kpis.sellerProfitMeanCny).sort((a, b) => a - b);
  const count = (key: string) => results.filter((r) => r.kpis[key] > 0).length;
  return {
    candidate,
    disruptions,
    replications: results.length,
    profit: k.sellerProfitMeanCny,
    profitP5: quantileSorted(profits, 0.05),
    depositRunsOut: wilson(count('sellersDepositExhausted'), results.length),
    suspended: wilson(count('sellersSuspended'), results.length),
    finesByCause: Object.fromEntries(results[0].fineCauses.map((c) => [c.key, k[finesKey(c)].mean])),
    holdingCny: k.holdingCostCny.mean,
    shippingCny: k.shippingCostCny.mean,
    returnsCny: k.returnCostCny.mean,
    lostSalesCny: k.lostSalesCny.mean,
    best: false,
    onFrontier: false,
  };
}

/** Marks, among outcomes of one disruption setting, the best expected profit and the frontier. */
export function markBestAndFrontier(outcomes: PolicyOutcome[]): PolicyOutcome[] {
  let best: PolicyOutcome | undefined;
  for (const o of outcomes) if (!best || o.profit.mean > best.profit.mean) best = o;
  for (const o of outcomes) {
    o.best = o === best;
    o.onFrontier = !outcomes.some((x) => x !== o
      && x.profit.mean >= o.profit.mean && x.depositRunsOut.p <= o.depositRunsOut.p
      && (x.profit.mean > o.profit.mean || x.depositRunsOut.p < o.depositRunsOut.p));
  }
  return outcomes;
}

/** One run of a plan: a candidate (`policy`, index in the grid) in a setting (`setting`, index in `settings`). */
export interface PlanJob { scenario: Scenario; seed: number; replication: number; policy: number; setting: number }

/** A plan's outcomes for one setting. */
export interface SettingPlan { disruptions: boolean; policies: PolicyOutcome[] }

/**
 * A whole plan as jobs to run (by the worker pool or the page's workers) and the outcomes built from
 * the results recorded so far. Jobs go replication by replication, so an interrupted plan holds every
 * policy on the same replications (give or take those in flight). With no disruption windows and no
 * random closures in the profile, there is one setting only.
 */
export function stockingPlan(profile: Scenario, replications: number, seed: number, grid: Candidate[] = defaultGrid()) {
  const hasDisruptions = profile.factories.disruptions.length > 0 || profile.factories.randomDisruptions !== null;
  const settings = hasDisruptions ? [true, false] : [false];
  const jobs: PlanJob[] = [];
  for (let r = 0; r < replications; r++) {
    settings.forEach((disruptions, setting) => grid.forEach((candidate, policy) => {
      jobs.push({ scenario: variant(profile, candidate, disruptions), seed, replication: r, policy, setting });
    }));
  }
  const done: Pick<RunResult, 'kpis' | 'fineCauses'>[][][] = settings.map(() => grid.map(() => []));
  return {
    grid,
    settings,
    jobs,
    /** Keeps what the plan needs of job `index`'s result. */
    record(index: number, result: Pick<RunResult, 'kpis' | 'fineCauses'>): void {
      done[jobs[index].setting][jobs[index].policy].push({ kpis: result.kpis, fineCauses: result.fineCauses });
    },
    /** Each setting's outcomes over the results recorded so far (policies with none are left out). */
    plans(): SettingPlan[] {
      return settings.map((disruptions, setting) => ({
        disruptions,
        policies: markBestAndFrontier(grid.flatMap((c, p) => (done[setting][p].length > 0 ? [policyOutcome(c, disruptions, done[setting][p])] : []))),
      }));
    },
  };
}
