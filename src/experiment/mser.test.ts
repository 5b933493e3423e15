// MSER-5 warm-up detection: a hand-computed case, series with and without a transient (seeded,
// deterministic noise), a trend with no steady state, bad input, and the warm-up across replications.
import { describe, expect, it } from 'vitest';
import { mser, mserAcross } from './mser.ts';

/** mulberry32 and Box–Muller: the same standard normal noise on every run. */
function noise(seed: number, n: number): Float64Array {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - uniform())), angle = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = r * Math.sin(angle);
  }
  return out;
}

const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

// Batch means Z = 10, 3, 2, 4.
const handMade = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 2, 2, 2, 2, 2, 4, 5, 3, 4, 4];

describe('mser', () => {
  it('picks the truncation with the smallest MSER statistic, worked by hand', () => {
    // d = 0: mean 4.75, squared deviations 27.5625 + 3.0625 + 7.5625 + 0.5625 = 38.75, / 4² = 2.421875
    // d = 1: mean 3, 0 + 1 + 1 = 2, / 3² = 0.2222…
    // d = 2: mean 3, 1 + 1 = 2, / 2² = 0.5 (d = 2 = floor(4/2) is the last one searched)
    const r = mser(handMade);
    expect(r.batchesDropped).toBe(1);
    expect(r.truncation).toBe(5);
    expect(r.statistic).toBeCloseTo(2 / 9, 12);
    expect(r.unreliable).toBe(false);
    // Two observations short of a third batch do not count, however wild.
    expect(mser([...handMade, 1000, -1000])).toEqual(r);
  });

  it('with two batches only considers keeping both (one batch alone would score 0)', () => {
    // Z = 6.5, 3: mean 4.75, 2 × 1.75² = 6.125, / 2² = 1.53125
    const r = mser(handMade, 10);
    expect(r.batchesDropped).toBe(0);
    expect(r.statistic).toBeCloseTo(1.53125, 12);
  });

  it('drops nothing from a series with no transient', () => {
    // Period 5: every batch mean is exactly 10, so every truncation scores 0 and the tie goes to none.
    const aligned = Array.from({ length: 500 }, (_, t) => 10 + [1, -2, 0, 2, -1][t % 5]);
    expect(mser(aligned)).toEqual({ batchesDropped: 0, truncation: 0, statistic: 0, unreliable: false });
    // Period 7 does not line up with the batches, so the batch means wobble around 10.
    const wobbling = mser(Array.from({ length: 500 }, (_, t) => 10 + [3, -1, 2, -3, 0, 1, -2][t % 7]));
    expect(wobbling.batchesDropped).toBe(0);
    expect(wobbling.statistic).toBeGreaterThan(0);
    // A flat series whose value is not exact in binary still scores exactly 0 everywhere.
    expect(mser(new Float64Array(500).fill(0.1)).batchesDropped).toBe(0);
  });

  it('MSER-5 on a synthetic series with a known transient finds its end within a batch', () => {
    // Steady mean 10, noise sd 1, plus 25·(1 − t/T) for t < T: the offset starts 25 sd above and
    // the transient ends exactly at T. Once past T the rule is looking at pure noise, where MSER-5
    // on white noise drops more than one batch about a fifth of the time whatever the noise level
    // (the statistic does not change when the noise is scaled), so some runs overshoot: the
    // assertions are that none stops more than a batch short, and at least 3/4 land within a batch.
    const misses: number[] = [];
    for (const T of [30, 60, 100]) {
      for (const seed of seeds) {
        const series = noise(seed, 500).map((z, t) => 10 + z + (t < T ? 25 * (1 - t / T) : 0));
        const r = mser(series);
        expect(r.truncation, `T ${T}, seed ${seed}`).toBeGreaterThanOrEqual(T - 5);
        misses.push(r.truncation - T);
      }
    }
    expect(misses.filter((m) => Math.abs(m) <= 5).length).toBeGreaterThanOrEqual(45);
    expect(median(misses.map(Math.abs))).toBe(0);
  });

  it('drops the visible part of an exponentially decaying transient and leaves a bias within the noise', () => {
    // 10 + noise (sd 1) + 20·exp(−t/15): the offset falls below the noise sd at t = 45 and below a
    // quarter of it at t = 66. A tail this slow gives MSER a shallow minimum, so the truncation
    // varies by several batches with the seed; what holds for every seed is that the truncation
    // comes after t = 45 and the bias left in the kept mean is smaller than that mean's standard error.
    const offset = (t: number) => 20 * Math.exp(-t / 15);
    for (const seed of seeds) {
      const series = noise(seed, 500).map((z, t) => 10 + z + offset(t));
      const r = mser(series);
      expect(r.truncation, `seed ${seed}`).toBeGreaterThanOrEqual(45);
      let bias = 0;
      for (let t = r.truncation; t < 500; t++) bias += offset(t) / (500 - r.truncation);
      expect(bias, `seed ${seed}`).toBeLessThan(1 / Math.sqrt(500 - r.truncation));
    }
  });

  it('flags a steadily rising series as having no steady state', () => {
    // Batch means 2, 7, …, 97: the statistic keeps falling as batches go, so the minimum over the
    // truncations keeping 5 batches is at d = 15, past the first half; the truncation is the best in
    // the first half, d = 10.
    const r = mser(Array.from({ length: 100 }, (_, t) => t));
    expect(r.unreliable).toBe(true);
    expect(r.batchesDropped).toBe(10);
    expect(r.statistic).toBeCloseTo(25 * 82.5 / 100, 12);
  });

  it('rejects series it cannot judge and bad batch sizes', () => {
    expect(() => mser([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(RangeError);
    expect(() => mser([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/10 observations.*got 9/);
    const withNaN = handMade.map((x, i) => (i === 7 ? NaN : x));
    expect(() => mser(withNaN)).toThrow(/observation 7 is NaN/);
    expect(() => mser([...handMade, Infinity])).toThrow(/observation 20 is Infinity/);
    expect(() => mser(handMade, 0)).toThrow(/batch size must be a whole number ≥ 1, got 0/);
    expect(() => mser(handMade, 2.5)).toThrow(RangeError);
  });
});

describe('mserAcross', () => {
  const flat = new Array(20).fill(3);
  const rising = Array.from({ length: 100 }, (_, t) => t); // 20 batches: best in the first half d = 10, overall (keeping 5) d = 15

  it('takes the largest truncation of the replications', () => {
    const r = mserAcross([flat, handMade]);
    expect(r.perReplication).toEqual([mser(flat), mser(handMade)]);
    expect(r.truncation).toBe(5);
    expect(r.unreliable).toBe(false);
  });

  it('flags the run when any replication has no steady state', () => {
    const r = mserAcross([handMade, rising, flat]);
    expect(r.perReplication.map((p) => p.unreliable)).toEqual([false, true, false]);
    expect(r.truncation).toBe(50);
    expect(r.unreliable).toBe(true);
  });

  it('says which replication it could not judge', () => {
    expect(() => mserAcross([handMade, [1, 2, 3]])).toThrow(/replication 1: .*got 3 observations/);
    expect(() => mserAcross([])).toThrow(RangeError);
  });
});
