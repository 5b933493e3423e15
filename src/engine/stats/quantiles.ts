// Quantiles of the normal and Student's t, for confidence intervals, computed on the engine's
// own exp and log (math.ts) so that an interval is the same to the last bit in Node and in the
// browser (a library on Math.log, such as jStat, differs between engines in 1 case in 10).
import { exp, log, log1p } from '../random/math.ts';

/** Wichura's AS 241 (Applied Statistics 37(3), 1988): the standard normal p-quantile, ~1e-16. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
      + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r
      + 3.3871328727963666080))
      / (((((((5226.4952788528545610 * r + 28729.085735721942674) * r + 39307.895800092710610) * r
        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.18700749205790830) * r + 42.313330701600911252) * r + 1);
  }
  let r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
      + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.76949722146069140550) * r
      + 4.63033784615654529590) * r + 1.42343711074968357734)
      / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
        + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940) * r
        + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
      + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580) * r
      + 5.46378491116411436990) * r + 6.65790464350110377720)
      / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
        + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
        + 5.99832206555887937690e-1) * r + 1);
  }
  return q < 0 ? -value : value;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; below 1/2 by Γ(x) = Γ(x + 1) / x). */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - log(x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.91893853320467274178 + (z + 0.5) * log(t) - t + log(sum); // ½ ln 2π + …
}

/** Continued fraction of the incomplete beta (modified Lentz), converging for x < (a+1)/(a+b+2). */
function betaFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 2e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), given x and y = 1 − x (each exact, so no cancellation). */
export function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(y));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, y)) / b;
}

/** P(T > t) for t >= 0, T Student's t with `dof` degrees of freedom. */
function upperTail(t: number, dof: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(dof / (dof + t2), t2 / (dof + t2), dof / 2, 0.5);
}

// Above this many degrees of freedom the Cornish–Fisher series in 1/dof is exact to double
// precision, and the continued fraction would need thousands of terms.
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
  if (p === 0.5) return 0;
  const z = normalQuantile(p);
  if (dof > LARGE_DOF) return cornishFisher(z, dof);
  // Solve P(T > t) = tail for t > 0 by Newton's method kept inside a shrinking bracket.
  const tail = p < 0.5 ? p : 1 - p;
  const logDensityScale = logGamma((dof + 1) / 2) - logGamma(dof / 2) - 0.5 * log(dof * Math.PI);
  let lo = 0, hi = 1;
  while (upperTail(hi, dof) > tail) { lo = hi; hi *= 2; }
  let t = Math.min(Math.max(cornishFisher(Math.abs(z), dof), lo), hi);
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const excess = upperTail(t, dof) - tail;
    if (excess === 0) break;
    if (excess > 0) lo = t; else hi = t;
    const density = exp(logDensityScale - ((dof + 1) / 2) * log1p((t * t) / dof));
    let next = t + excess / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * next) { t = next; break; }
    t = next;
  }
  return p < 0.5 ? -t : t;
}

/** Abramowitz & Stegun 26.7.5: the t quantile as a series in 1/dof around the normal's z. */
function cornishFisher(z: number, dof: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / dof;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}
