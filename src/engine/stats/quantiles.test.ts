// Normal and Student-t quantiles against closed forms and identities, to near double precision.
import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, normalQuantile, studentTQuantile } from './quantiles.ts';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normalQuantile', () => {
  it('gives the familiar points, symmetric about 0.5, into the far tails', () => {
    expect(relative(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    expect(relative(normalQuantile(0.9), 1.2815515655446004)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [2 ** -20, 2 ** -10, 0.125, 0.25, 0.4375]) expect(normalQuantile(p)).toBe(-normalQuantile(1 - p)); // 1 − p exact
    expect(relative(normalQuantile(1e-10), -6.361340902404056)).toBeLessThan(1e-14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(2)).toThrow(RangeError);
  });
});

describe('logGamma and incompleteBeta', () => {
  it('match factorials and the beta identities', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expect(relative(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-15);
    expect(relative(logGamma(10), Math.log(362880))).toBeLessThan(1e-15);
    expect(relative(logGamma(0.1), 2.252712651734206)).toBeLessThan(1e-14);
    for (const x of [0.01, 0.3, 0.77, 0.999]) {
      expect(relative(incompleteBeta(x, 1 - x, 1, 1), x)).toBeLessThan(1e-14);
      expect(relative(incompleteBeta(x, 1 - x, 3.5, 1), x ** 3.5)).toBeLessThan(1e-13);
    }
    expect(relative(incompleteBeta(0.5, 0.5, 40, 40), 0.5)).toBeLessThan(1e-13);
  });
});

describe('studentTQuantile', () => {
  it('equals the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995]) {
      expect(relative(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-13);
      expect(relative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-13);
      expect(studentTQuantile(1 - p, 7)).toBe(-studentTQuantile(p, 7));
    }
  });

  it('falls with the degrees of freedom towards the normal, with no step where the series takes over', () => {
    let previous = Infinity;
    for (const dof of [1, 1.5, 2, 3, 5, 10, 30, 100, 1000, 99_999, 100_001, 1e7]) {
      const t = studentTQuantile(0.975, dof);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(normalQuantile(0.975));
      previous = t;
    }
    expect(Math.abs(studentTQuantile(0.975, 1e5) - studentTQuantile(0.975, 1e5 + 1))).toBeLessThan(1e-9);
  });
});
