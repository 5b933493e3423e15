// Lognormal laws as the scenario gives them (median and p90), and draws from them that return the
// median itself when the two are equal, so that hand-checked cases see exact constants.
import { type RandomStream, lognormalFromMedianP90, lognormalMean, log } from '../engine/index.ts';

/** A lognormal law as (mu, sigma) of its log; a median equal to its p90 means a constant. */
export interface Lognormal { mu: number; sigma: number; median: number }

export function lognormalLaw(median: number, p90: number): Lognormal {
  if (median === p90) return { mu: log(median), sigma: 0, median };
  return { ...lognormalFromMedianP90(median, p90), median };
}

/** The law's mean; a constant law's is its median exactly. */
export function lawMean(law: Lognormal): number {
  return law.sigma === 0 ? law.median : lognormalMean(law.mu, law.sigma);
}

/** A draw from the law; a constant law returns its median exactly (hand-checkable tests). */
export function draw(stream: RandomStream, law: Lognormal): number {
  return law.sigma === 0 ? law.median : stream.lognormal(law.mu, law.sigma);
}
