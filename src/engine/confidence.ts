// Student-t confidence intervals across replications, and the paired comparison of two
// scenarios run on common random numbers (replication i of each sees the same demand).
import jStat from 'jstat';
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

// Above this many degrees of freedom jStat's incomplete-beta inversion drifts (it returns
// 1.95698 instead of 1.95996 for p = 0.975 at 1e9), while the Cornish-Fisher series in 1/dof
// is accurate to double precision there.
const LARGE_DOF = 1e5;

/**
 * The p-quantile of Student's t with `dof` degrees of freedom (dof may be fractional, or
 * Infinity for the normal). p = 0 and p = 1 give −Infinity and Infinity.
 */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(dof > 0)) throw new RangeError(`studentTQuantile: dof must be > 0, got ${dof}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (dof <= LARGE_DOF) return jStat.studentt.inv(p, dof);
  // Abramowitz & Stegun 26.7.5: expansion of the t quantile around the normal quantile z.
  const z = jStat.normal.inv(p, 0, 1);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / dof;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
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
