// Log-normal parameters from the two numbers people actually know about a delay, its median
// and its 90th percentile ("usually 14 h, 1 in 10 takes over 20 h"), and the moments they imply.
import { exp, expm1, log } from './math.ts';

/** The 0.9 quantile of the standard normal. */
const Z_90 = 1.2815515655446004;

/** mu and sigma of the log-normal whose median and 90th percentile are the given values. */
export function lognormalFromMedianP90(median: number, p90: number): { mu: number; sigma: number } {
  if (!(median > 0) || median === Infinity) {
    throw new RangeError(`lognormalFromMedianP90: median must be a finite number > 0, got ${String(median)}`);
  }
  if (!(p90 > median) || p90 === Infinity) {
    throw new RangeError(`lognormalFromMedianP90: p90 must be a finite number > median (${median}), got ${String(p90)}`);
  }
  const mu = log(median);
  return { mu, sigma: (log(p90) - mu) / Z_90 };
}

/** E[X] for X = exp(N(mu, sigma²)). */
export function lognormalMean(mu: number, sigma: number): number {
  check('lognormalMean', mu, sigma);
  return exp(mu + 0.5 * sigma * sigma);
}

/** Var[X] for X = exp(N(mu, sigma²)). */
export function lognormalVariance(mu: number, sigma: number): number {
  check('lognormalVariance', mu, sigma);
  const s2 = sigma * sigma;
  // expm1 keeps precision when sigma is small and exp(s2) - 1 would cancel.
  return expm1(s2) * exp(2 * mu + s2);
}

function check(where: string, mu: number, sigma: number): void {
  if (!(mu > -Infinity) || mu === Infinity) throw new RangeError(`${where}: mu must be a finite number, got ${String(mu)}`);
  if (!(sigma >= 0) || sigma === Infinity) {
    throw new RangeError(`${where}: sigma must be a finite number >= 0, got ${String(sigma)}`);
  }
}
