// The engine's own exp and log (fdlibm on basic arithmetic): within one ulp of the engine's
// Math functions everywhere, right at the edges (zeros, infinities, subnormals, overflow), and
// log1p, expm1 and pow accurate where their naive forms cancel.
import { describe, expect, it } from 'vitest';
import { exp, exp10, expm1, log, log10, log1p, pow } from './math.ts';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8)) * (a < 0 ? -1 : 1);
}

/** Deterministic inputs spread over [lo, hi). */
function* sweep(lo: number, hi: number, n: number) {
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    yield lo + ((s >>> 0) / 4294967296) * (hi - lo);
  }
}

describe('exp and log', () => {
  it('lie within 1 ulp of Math.exp and Math.log over the ranges a simulation uses', () => {
    let worst = 0;
    for (const x of sweep(-745, 709, 100_000)) worst = Math.max(worst, Math.abs(ulps(exp(x), Math.exp(x))));
    for (const x of sweep(-1, 1, 100_000)) worst = Math.max(worst, Math.abs(ulps(exp(x), Math.exp(x))));
    for (const x of sweep(0, 1, 100_000)) worst = Math.max(worst, Math.abs(ulps(log(x), Math.log(x))));
    for (const x of sweep(0.5, 2, 100_000)) worst = Math.max(worst, Math.abs(ulps(log(x), Math.log(x))));
    for (const x of sweep(1, 1e12, 100_000)) worst = Math.max(worst, Math.abs(ulps(log(x), Math.log(x))));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('are exact and right at the edges', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Math.E)).toBe(1);
    expect(log(2)).toBe(Math.LN2);
    expect(Math.abs(ulps(log(5e-324), -744.4400719213812))).toBeLessThanOrEqual(1); // subnormal input
    expect(Math.abs(ulps(log(Number.MAX_VALUE), 709.782712893384))).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(Math.abs(ulps(exp(1), Math.E))).toBeLessThanOrEqual(1); // fdlibm's exp(1) is 1 ulp above e
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(710)).toBe(Infinity);
    for (const x of [709.2, 709.5, 709.78]) expect(Math.abs(ulps(exp(x), Math.exp(x)))).toBeLessThanOrEqual(1); // 2^1024 scaling
    expect(exp(-746)).toBe(0);
    expect(exp(-740)).toBeGreaterThan(0); // subnormal result
    expect(Math.abs(ulps(exp(-740), Math.exp(-740)))).toBeLessThanOrEqual(1);
    expect(exp(1e-30)).toBe(1);
    for (const k of [-1022, -10, -1, 1, 10, 1023]) expect(Math.abs(ulps(log(2 ** k), k * Math.LN2))).toBeLessThanOrEqual(1);
  });
});

describe('log1p, expm1, log10 and pow', () => {
  it('keep their precision for tiny arguments, where 1 + x and e^x − 1 cancel', () => {
    expect(log1p(1e-20)).toBe(1e-20);
    expect(expm1(1e-20)).toBe(1e-20);
    expect(Math.abs(log1p(1e-10) / (1e-10 - 5e-21) - 1)).toBeLessThan(4e-16);
    expect(Math.abs(expm1(1e-10) / (1e-10 + 5e-21) - 1)).toBeLessThan(4e-16);
    expect(Math.abs(log1p(-0.3) / Math.log1p(-0.3) - 1)).toBeLessThan(4e-16);
    expect(Math.abs(expm1(2.5) / Math.expm1(2.5) - 1)).toBeLessThan(4e-16);
    expect(log1p(-1)).toBe(-Infinity);
    expect(expm1(-800)).toBe(-1);
    expect(expm1(800)).toBe(Infinity);
  });

  it('log10 agrees with Math to a few ulps, pow to the rounding of y·ln x; exact 0 and 1 cases', () => {
    for (const x of sweep(1e-6, 1e9, 10_000)) expect(Math.abs(ulps(log10(x), Math.log10(x)))).toBeLessThanOrEqual(4);
    for (const x of sweep(0.01, 100, 10_000)) {
      const y = x / 7 - 3;
      // e^(y ln x) carries the rounding of y ln x, scaled by its size: |y ln x| + 2 ulps or so.
      expect(Math.abs(pow(x, y) / Math.pow(x, y) - 1)).toBeLessThan((Math.abs(y * Math.log(x)) + 2) * 2.3e-16);
    }
    expect(pow(3, 0)).toBe(1);
    expect(pow(1, 1e300)).toBe(1);
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, -1)).toBe(Infinity);
    expect(pow(-2, 0.5)).toBeNaN();
  });

  it('are exact where a planner would look: decades, whole powers, square roots', () => {
    for (let n = 0; n <= 22; n++) {
      expect(log10(Number(`1e${n}`))).toBe(n);
      expect(exp10(n)).toBe(Number(`1e${n}`));
      expect(exp10(-n)).toBe(Number(`1e-${n}`));
    }
    expect(Math.abs(ulps(exp10(2.5), Math.sqrt(1e5)))).toBeLessThanOrEqual(2);
    expect(pow(3, -1)).toBe(1 / 3);
    expect(pow(7, 3)).toBe(343);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    let squared = 1.1;
    for (let k = 0; k < 2; k++) squared *= squared; // 1.1^4
    expect(pow(1.1, 4)).toBe(squared);
  });
});
