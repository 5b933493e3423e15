import { describe, expect, it } from 'vitest';
import { RandomStream, streamKey } from './random.ts';
import { lognormalFromMedianP90 } from './lognormal.ts';

const N = 200_000;

function draws(stream: RandomStream, n: number, draw: (s: RandomStream) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(stream);
  return out;
}

/**
 * Sample mean within 5 standard errors of the true mean, and sample variance within 5 of its
 * standard errors: for large n the sample variance is close to normal with variance
 * (mu4 - sigma^4) / n, mu4 the 4th central moment. mu4 comes from the theory when given,
 * otherwise from the sample (fine for the light tails tested that way).
 */
function expectMoments(sample: Float64Array, mean: number, variance: number, mu4?: number): void {
  const n = sample.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sample[i];
  const m = sum / n;
  let s2 = 0, s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = sample[i] - m;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  const v = s2 / (n - 1);
  const fourth = mu4 ?? s4 / n;
  expect(Math.abs(m - mean), `mean ${m} vs ${mean}`).toBeLessThan(5 * Math.sqrt(variance / n));
  expect(Math.abs(v - variance), `variance ${v} vs ${variance}`).toBeLessThan(5 * Math.sqrt((fourth - variance * variance) / n));
}

/** Kolmogorov–Smirnov distance between the sample and a continuous CDF. */
function ksDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** Standard normal CDF via erfc (Numerical Recipes' erfcc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

function logFactorial(k: number): number {
  let s = 0;
  for (let j = 2; j <= k; j++) s += Math.log(j);
  return s;
}

/**
 * Chi-square of integer draws against a pmf over [lo, hi], both tails pooled into the end
 * cells; expect it below the 0.999 quantile (Wilson–Hilferty) for its degrees of freedom.
 */
function expectPmfFit(sample: Float64Array, pmf: (k: number) => number, lo: number, hi: number): void {
  const cells = hi - lo + 1;
  const observed = new Float64Array(cells);
  for (const x of sample) observed[Math.min(Math.max(x, lo), hi) - lo]++;
  const expected = new Float64Array(cells);
  let inside = 0;
  for (let k = lo + 1; k < hi; k++) {
    expected[k - lo] = pmf(k);
    inside += expected[k - lo];
  }
  let below = 0;
  for (let k = 0; k <= lo; k++) below += pmf(k);
  expected[0] = below;
  expected[cells - 1] = 1 - inside - below;
  let chi2 = 0;
  for (let c = 0; c < cells; c++) {
    const e = expected[c] * sample.length;
    expect(e, 'cells should expect at least 5 counts').toBeGreaterThan(5);
    chi2 += (observed[c] - e) ** 2 / e;
  }
  expect(chi2).toBeLessThan(chiSquare999(cells - 1));
}

function chiSquare999(dof: number): number {
  const z = 3.090232306167813;
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

describe('streamKey', () => {
  it('names the seed, replication and stream', () => {
    expect(streamKey(42, 3, 'arrivals')).toBe('jitsim:42:3:arrivals');
  });

  it('rejects a bad seed, replication or name', () => {
    expect(() => streamKey(1.5, 0, 'a')).toThrow(/streamKey: seed must be a finite integer, got 1.5/);
    expect(() => streamKey(NaN, 0, 'a')).toThrow(RangeError);
    expect(() => streamKey(1, -1, 'a')).toThrow(/replication must be a whole number >= 0, got -1/);
    expect(() => streamKey(1, 0.5, 'a')).toThrow(/replication/);
    expect(() => streamKey(1, 0, '')).toThrow(/name must be a non-empty string, got ""/);
    expect(() => new RandomStream(Infinity, 0, 'a')).toThrow(/seed/);
  });
});

describe('RandomStream determinism', () => {
  const first = (seed: number, rep: number, name: string, n = 1000) =>
    draws(new RandomStream(seed, rep, name), n, (s) => s.random());

  it('gives the same first 1000 draws for the same (seed, replication, name)', () => {
    expect(first(42, 0, 'arrivals')).toEqual(first(42, 0, 'arrivals'));
  });

  it('gives a different sequence when the seed, replication or name changes', () => {
    const base = first(42, 0, 'arrivals');
    for (const other of [first(43, 0, 'arrivals'), first(42, 1, 'arrivals'), first(42, 0, 'service')]) {
      let same = 0;
      for (let i = 0; i < base.length; i++) if (other[i] === base[i]) same++;
      expect(same).toBe(0);
    }
  });

  it('is not shifted by creating and drawing from other streams in between', () => {
    const alone = first(7, 2, 'packing');
    const s = new RandomStream(7, 2, 'packing');
    const mixed = new Float64Array(1000);
    for (let i = 0; i < 1000; i++) {
      mixed[i] = s.random();
      const other = new RandomStream(7, 2, `other${i}`);
      other.normal();
      other.poisson(30);
    }
    expect(mixed).toEqual(alone);
  });

  it('keeps producing the values it produced when written (a change here breaks saved runs)', () => {
    const s = new RandomStream(42, 0, 'arrivals');
    expect([s.random(), s.random(), s.random()]).toEqual(GOLDEN);
  });

  it('draws 53-bit uniforms in [0, 1)', () => {
    const s = new RandomStream(1, 0, 'bits');
    let min = 1, max = 0, fine = 0;
    for (let i = 0; i < N; i++) {
      const u = s.random();
      min = Math.min(min, u);
      max = Math.max(max, u);
      // A value with bits below 2^-32 could not come from a single 32-bit step.
      if ((u * 2 ** 32) % 1 !== 0) fine++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(fine).toBeGreaterThan(0.99 * N);
  });
});

// The first draws of (42, 0, 'arrivals'); also what seedrandom.alea(key).double() gives.
const GOLDEN = [0.21900232028683864, 0.7566529456047398, 0.5574687667680648];

describe('distributions match their moments', () => {
  const stream = (name: string) => new RandomStream(2024, 0, name);

  it('uniform', () => {
    expectMoments(draws(stream('u1'), N, (s) => s.uniform(2, 5)), 3.5, 0.75);
    expectMoments(draws(stream('u2'), N, (s) => s.uniform(-1, 1)), 0, 1 / 3);
    expect(stream('u3').uniform(3, 3)).toBe(3);
  });

  it('exponential', () => {
    expectMoments(draws(stream('e1'), N, (s) => s.exponential(3.6)), 1 / 3.6, 1 / 3.6 ** 2, 9 / 3.6 ** 4);
    expectMoments(draws(stream('e2'), N, (s) => s.exponential(0.01)), 100, 1e4, 9e8);
  });

  it('normal', () => {
    expectMoments(draws(stream('n1'), N, (s) => s.normal()), 0, 1, 3);
    expectMoments(draws(stream('n2'), N, (s) => s.normal(10, 2.5)), 10, 6.25, 3 * 2.5 ** 4);
    expect(stream('n3').normal(5, 0)).toBe(5);
  });

  it('lognormal', () => {
    const central4 = (mu: number, sigma: number) => {
      const raw = (k: number) => Math.exp(k * mu + (k * k * sigma * sigma) / 2);
      const m = raw(1);
      return raw(4) - 4 * m * raw(3) + 6 * m * m * raw(2) - 3 * m ** 4;
    };
    for (const [mu, sigma] of [[0, 0.5], [Math.log(14), Math.log(20 / 14) / 1.2815515655446004], [lognormalFromMedianP90(0.25, 1).mu, lognormalFromMedianP90(0.25, 1).sigma]]) {
      const mean = Math.exp(mu + sigma * sigma / 2);
      const variance = Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma);
      expectMoments(draws(stream(`ln${mu}`), N, (s) => s.lognormal(mu, sigma)), mean, variance, central4(mu, sigma));
    }
  });

  it('gamma, including shape < 1', () => {
    for (const [shape, scale] of [[0.5, 2], [3, 0.5], [0.05, 1], [40, 0.1]]) {
      const sample = draws(stream(`g${shape}`), N, (s) => s.gamma(shape, scale));
      expect(sample.every((x) => x >= 0)).toBe(true);
      expectMoments(sample, shape * scale, shape * scale * scale, 3 * shape * (shape + 2) * scale ** 4);
    }
  });

  it('beta, including shapes < 1', () => {
    for (const [a, b] of [[2, 5], [0.5, 0.5], [0.1, 3]]) {
      const sample = draws(stream(`b${a},${b}`), N, (s) => s.beta(a, b));
      expect(sample.every((x) => x >= 0 && x <= 1)).toBe(true);
      expectMoments(sample, a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)));
    }
  });

  it('poisson, by inversion (mean < 10) and by PTRS (mean >= 10)', () => {
    for (const mean of [0.5, 3, 10, 250, 1e6]) {
      const sample = draws(stream(`p${mean}`), N, (s) => s.poisson(mean));
      expect(sample.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
      expectMoments(sample, mean, mean, mean * (1 + 3 * mean));
    }
    expect(stream('p0').poisson(0)).toBe(0);
  });

  it('poisson has the right shape, not just the right moments', () => {
    const pmf = (mean: number) => (k: number) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
    expectPmfFit(draws(stream('pf3'), N, (s) => s.poisson(3)), pmf(3), 0, 10);
    expectPmfFit(draws(stream('pf12'), N, (s) => s.poisson(12)), pmf(12), 3, 24);
    expectPmfFit(draws(stream('pf250'), N, (s) => s.poisson(250)), pmf(250), 200, 300);
  });

  it('geometric counts failures before the first success', () => {
    for (const p of [0.2, 0.9, 1e-3]) {
      const sample = draws(stream(`geo${p}`), N, (s) => s.geometric(p));
      expect(sample.every((k) => Number.isInteger(k) && k >= 0 && !Object.is(k, -0))).toBe(true);
      expectMoments(sample, (1 - p) / p, (1 - p) / (p * p));
    }
    expectPmfFit(draws(stream('geof'), N, (s) => s.geometric(0.2)), (k) => 0.8 ** k * 0.2, 0, 25);
    expect(stream('geo1').geometric(1)).toBe(0);
  });

  it('bernoulli', () => {
    for (const p of [0.3, 0.01]) {
      const sample = draws(stream(`bern${p}`), N, (s) => (s.bernoulli(p) ? 1 : 0));
      expectMoments(sample, p, p * (1 - p));
    }
    const s = stream('bern-edges');
    for (let i = 0; i < 1000; i++) {
      expect(s.bernoulli(0)).toBe(false);
      expect(s.bernoulli(1)).toBe(true);
    }
  });
});

describe('distributions match their CDFs (Kolmogorov–Smirnov at 1%)', () => {
  const critical = 1.63 / Math.sqrt(N);

  it('exponential', () => {
    const sample = draws(new RandomStream(5, 0, 'ks-exp'), N, (s) => s.exponential(2));
    expect(ksDistance(sample, (x) => -Math.expm1(-2 * x))).toBeLessThan(critical);
  });

  it('normal', () => {
    const sample = draws(new RandomStream(5, 0, 'ks-normal'), N, (s) => s.normal(1, 3));
    expect(ksDistance(sample, (x) => normalCdf((x - 1) / 3))).toBeLessThan(critical);
  });

  it('would notice a wrong distribution (the check has power)', () => {
    const sample = draws(new RandomStream(5, 0, 'ks-exp'), N, (s) => s.exponential(2.05));
    expect(ksDistance(sample, (x) => -Math.expm1(-2 * x))).toBeGreaterThan(critical);
  });
});

describe('lognormal from a median and 90th percentile', () => {
  it.each([
    [0.25, 1],
    [14, 20],
  ])('median %d, p90 %d come back within 1.5%%', (median, p90) => {
    const { mu, sigma } = lognormalFromMedianP90(median, p90);
    const sample = draws(new RandomStream(9, 0, `ln-${median}`), N, (s) => s.lognormal(mu, sigma)).sort();
    expect(Math.abs(sample[Math.floor(0.5 * N)] / median - 1)).toBeLessThan(0.015);
    expect(Math.abs(sample[Math.floor(0.9 * N)] / p90 - 1)).toBeLessThan(0.015);
  });
});

describe('bad parameters throw a RangeError naming the parameter', () => {
  const s = new RandomStream(1, 0, 'errors');
  it.each([
    ['uniform', () => s.uniform(NaN, 1), /uniform: min must be a finite number, got NaN/],
    ['uniform', () => s.uniform(1, 0), /uniform: max must be a finite number >= min \(1\), got 0/],
    ['exponential', () => s.exponential(-1), /exponential: rate must be a finite number > 0, got -1/],
    ['exponential', () => s.exponential(0), /rate/],
    ['exponential', () => s.exponential(NaN), /rate .*got NaN/],
    ['exponential', () => s.exponential(Infinity), /rate .*got Infinity/],
    ['normal', () => s.normal(0, -1), /normal: sd must be a finite number >= 0, got -1/],
    ['normal', () => s.normal(NaN), /normal: mean/],
    ['lognormal', () => s.lognormal(0, NaN), /lognormal: sigma/],
    ['lognormal', () => s.lognormal(Infinity, 1), /lognormal: mu/],
    ['gamma', () => s.gamma(0), /gamma: shape must be a finite number > 0, got 0/],
    ['gamma', () => s.gamma(1, -2), /gamma: scale must be a finite number > 0, got -2/],
    ['beta', () => s.beta(0, 1), /beta: a must be a finite number > 0, got 0/],
    ['beta', () => s.beta(1, NaN), /beta: b must be a finite number > 0, got NaN/],
    ['poisson', () => s.poisson(-1), /poisson: mean must be a finite number >= 0, got -1/],
    ['poisson', () => s.poisson(NaN), /poisson: mean/],
    ['geometric', () => s.geometric(0), /geometric: p must be a number in \(0, 1\], got 0/],
    ['geometric', () => s.geometric(1.5), /geometric: p/],
    ['geometric', () => s.geometric(NaN), /geometric: p/],
    ['bernoulli', () => s.bernoulli(-0.1), /bernoulli: p must be a number in \[0, 1\], got -0.1/],
    ['bernoulli', () => s.bernoulli(2), /bernoulli: p/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
