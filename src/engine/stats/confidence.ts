// Student-t confidence intervals across replications, and the paired comparison of two
// scenarios run on common random numbers (replication i of each sees the same demand).
import { studentTQuantile } from './quantiles.ts';
import { Tally } from './tally.ts';

export interface ConfidenceInterval {
  /** Number of observations (replications). */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN when n < 2. */
  sd: number;
  /** t_{(1+level)/2, n−1} · sd / √n; Infinity when n < 2. */
  halfWidth: number;
  low: number;
  high: number;
  level: number;
}

export interface PairedDifference extends ConfidenceInterval {
  /** The interval of a − b excludes 0: the difference is unlikely to be noise. */
  significant: boolean;
}

function checkLevel(caller: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${caller}: level must be in (0, 1), got ${level}`);
}

function interval(t: Tally, level: number): ConfidenceInterval {
  const n = t.count;
  const mean = t.mean;
  const sd = t.sd;
  // With fewer than two observations the spread is unknown, so the mean could be anywhere:
  // an infinite half width says so, keeps low <= mean <= high, and makes every comparison
  // with it come out "not significant" without a special case.
  if (n < 2) return { n, mean, sd, halfWidth: Infinity, low: -Infinity, high: Infinity, level };
  const halfWidth = (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, halfWidth, low: mean - halfWidth, high: mean + halfWidth, level };
}

/**
 * Two-sided Student-t interval for the mean of `sample` (one value per replication, or a
 * Tally of them) at confidence `level`. With n < 2 the half width is Infinity.
 */
export function confidenceInterval(sample: Tally | ArrayLike<number>, level = 0.95): ConfidenceInterval {
  checkLevel('confidenceInterval', level);
  if (sample instanceof Tally) return interval(sample, level);
  const t = new Tally();
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    if (!Number.isFinite(x)) throw new RangeError(`confidenceInterval: sample[${i}] must be a finite number, got ${x}`);
    t.add(x);
  }
  return interval(t, level);
}

/**
 * Interval for the mean of a[i] − b[i], where a[i] and b[i] come from replication i of two
 * scenarios on common random numbers. Pairing cancels the noise both share (the same demand),
 * so it detects differences that two separate intervals would bury.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): PairedDifference {
  checkLevel('pairedDifference', level);
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: a and b must have the same length (one value per replication), got ${a.length} and ${b.length}`);
  }
  const t = new Tally();
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (!Number.isFinite(d)) {
      throw new RangeError(`pairedDifference: a[${i}] and b[${i}] must be finite numbers, got ${a[i]} and ${b[i]}`);
    }
    t.add(d);
  }
  const ci = interval(t, level);
  return { ...ci, significant: ci.low > 0 || ci.high < 0 };
}
