import { describe, expect, it } from 'vitest';
import { AliasTable, zipfWeights } from './alias.ts';
import { RandomStream } from './random.ts';

/** The probability each index really gets from the table: its own share plus what aliases it. */
function impliedProbabilities(table: AliasTable): Float64Array {
  const p = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++) {
    p[i] += table.prob[i] / table.size;
    p[table.alias[i]] += (1 - table.prob[i]) / table.size;
  }
  return p;
}

/** 0.999 quantile of chi-square (Wilson–Hilferty, good to ~1% for dof >= 3). */
function chiSquare999(dof: number): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + 3.090232306167813 * Math.sqrt(a)) ** 3;
}

function expectFrequencies(table: AliasTable, picks: number, stream: RandomStream): void {
  const counts = new Float64Array(table.size);
  for (let i = 0; i < picks; i++) counts[stream.pick(table)]++;
  let chi2 = 0, dof = -1;
  for (let i = 0; i < table.size; i++) {
    const e = table.probability(i) * picks;
    if (e === 0) {
      expect(counts[i], `index ${i} has weight 0`).toBe(0);
      continue;
    }
    chi2 += (counts[i] - e) ** 2 / e;
    dof++;
  }
  expect(chi2).toBeLessThan(chiSquare999(dof));
}

describe('AliasTable', () => {
  it('builds a table whose columns add up to the normalised weights', () => {
    const weights = [1, 2, 3, 4, 0, 10, 0.5, 1e-9];
    const table = new AliasTable(weights);
    const total = weights.reduce((a, b) => a + b, 0);
    const implied = impliedProbabilities(table);
    for (let i = 0; i < weights.length; i++) {
      expect(table.probability(i)).toBeCloseTo(weights[i] / total, 15);
      expect(implied[i]).toBeCloseTo(weights[i] / total, 12);
    }
    expect(table.size).toBe(8);
  });

  it('never gives a zero weight a share, even among many near-equal weights', () => {
    const weights = new Float64Array(1000).fill(1 / 3);
    for (let i = 0; i < 1000; i += 7) weights[i] = 0;
    const table = new AliasTable(weights);
    for (let i = 0; i < 1000; i += 7) expect(table.prob[i]).toBe(0);
    const implied = impliedProbabilities(table);
    for (let i = 0; i < 1000; i++) expect(implied[i]).toBeCloseTo(table.probability(i), 12);
  });

  it('picks indices with their probabilities (chi-square, 1e6 picks)', () => {
    expectFrequencies(new AliasTable([1, 2, 3, 4, 0, 10]), 1_000_000, new RandomStream(3, 0, 'alias-a'));
    expectFrequencies(new AliasTable(zipfWeights(50, 1.2)), 1_000_000, new RandomStream(3, 0, 'alias-zipf'));
  });

  it('would notice picks that ignore the table (the check has power)', () => {
    const table = new AliasTable([1, 2, 3, 4]);
    const uniform = new AliasTable([1, 1, 1, 1]);
    const stream = new RandomStream(3, 0, 'alias-power');
    const counts = new Float64Array(4);
    for (let i = 0; i < 100_000; i++) counts[stream.pick(uniform)]++;
    let chi2 = 0;
    for (let i = 0; i < 4; i++) chi2 += (counts[i] - table.probability(i) * 1e5) ** 2 / (table.probability(i) * 1e5);
    expect(chi2).toBeGreaterThan(chiSquare999(3));
  });

  it('handles a single weight', () => {
    const table = new AliasTable([5]);
    const stream = new RandomStream(1, 0, 'one');
    for (let i = 0; i < 100; i++) expect(stream.pick(table)).toBe(0);
    expect(table.probability(0)).toBe(1);
  });

  it('rejects empty, negative, NaN, infinite and all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow(/AliasTable: weights must hold at least one weight, got 0/);
    expect(() => new AliasTable([1, -1])).toThrow(/AliasTable: weights\[1\] must be a finite number >= 0, got -1/);
    expect(() => new AliasTable([NaN])).toThrow(/weights\[0\] .*got NaN/);
    expect(() => new AliasTable([1, Infinity])).toThrow(RangeError);
    expect(() => new AliasTable([0, 0, 0])).toThrow(/AliasTable: weights must not all be 0/);
    expect(() => new AliasTable([1.7e308, 1.7e308])).toThrow(/finite sum/);
    expect(() => new AliasTable([1]).probability(1)).toThrow(/i must be a whole number in \[0, 0\], got 1/);
  });
});

describe('zipfWeights', () => {
  it('weighs rank k by k^-exponent (n 5, exponent 1 gives 1/(k H5))', () => {
    const table = new AliasTable(zipfWeights(5, 1));
    const expected = [60 / 137, 30 / 137, 20 / 137, 15 / 137, 12 / 137]; // H5 = 137/60
    for (let i = 0; i < 5; i++) expect(table.probability(i)).toBeCloseTo(expected[i], 15);
    expect(Array.from(zipfWeights(3, 2))).toEqual([1, 1 / 4, 1 / 9]);
    expect(Array.from(zipfWeights(3, 0))).toEqual([1, 1, 1]);
  });

  it('rejects a bad n or exponent', () => {
    expect(() => zipfWeights(0, 1)).toThrow(/zipfWeights: n must be a whole number >= 1, got 0/);
    expect(() => zipfWeights(2.5, 1)).toThrow(/zipfWeights: n/);
    expect(() => zipfWeights(5, -1)).toThrow(/zipfWeights: exponent must be a finite number >= 0, got -1/);
    expect(() => zipfWeights(5, NaN)).toThrow(/zipfWeights: exponent/);
  });
});
