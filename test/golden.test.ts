// Refactors change no result: every shipped scenario (platform ones at 1:20) with seeds 1 and 2 gives
// the recorded kpis.csv, hourly.csv and histograms.json byte for byte. A change meant to alter
// results re-records them (npm run golden) in the same commit and says what moved and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, goldenCase, goldenFile, SEEDS, shippedScenarios, type GoldenCase } from './golden/outputs.ts';

const recorded = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, GoldenCase>;

describe('golden outputs', () => {
  it('cover every shipped scenario and seed, and nothing else', () => {
    const expected = shippedScenarios().flatMap((f) => SEEDS.map((s) => caseName(f, s)));
    expect(Object.keys(recorded).sort()).toEqual(expected.sort());
  });

  for (const file of shippedScenarios()) {
    it.each(SEEDS)(`${file}, seed %i: the same bytes as recorded`, (seed) => {
      const now = goldenCase(file, seed);
      const then = recorded[caseName(file, seed)];
      expect(now.kpisCsv).toBe(then.kpisCsv);
      expect(now.hourlyCsvSha256).toBe(then.hourlyCsvSha256);
      expect(now.histogramsJsonSha256).toBe(then.histogramsJsonSha256);
    });
  }
});
