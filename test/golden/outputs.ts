// The golden outputs that guard refactors: for every shipped scenario (platform ones at 1:20) and
// seeds 1 and 2, the bytes of kpis.csv, hourly.csv and histograms.json for two replications, as the
// command writes them. `npm run golden` records them; test/golden.test.ts compares against them.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readScenarioFile } from '../../src/cli/read-scenario.ts';
import { hourlyCsv, jsonNumbers, kpisByClassCsv, kpisCsv } from '../../src/experiment/csv.ts';
import { summarise } from '../../src/experiment/summary.ts';
import { runJit } from '../../src/model/jit.ts';
import type { RunResult } from '../../src/model/result.ts';
import { runPool } from '../../src/worker/pool.ts';
import { shrunk } from '../helpers/scale.ts';

export const scenariosDir = new URL('../../scenarios/', import.meta.url).pathname;
export const goldenFile = new URL('./outputs.json', import.meta.url).pathname;
export const shippedScenarios = () => readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml')).sort();
export const SEEDS = [1, 2];
const REPLICATIONS = 2;

export interface GoldenCase {
  /** kpis.csv in full (small, and the first place to look when something moved). */
  kpisCsv: string;
  /** sha256 of hourly.csv and of histograms.json (too large to keep whole). */
  hourlyCsvSha256: string;
  histogramsJsonSha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The files of one (scenario, seed) case, as bytes the command would write. */
export function goldenCase(file: string, seed: number): GoldenCase {
  const scenario = shrunk(readScenarioFile(`${scenariosDir}${file}`));
  const results = Array.from({ length: REPLICATIONS }, (_, r) => runJit(scenario, { seed, replication: r }));
  const summary = summarise(results);
  return {
    kpisCsv: kpisCsv(summary.kpis),
    hourlyCsvSha256: sha256(hourlyCsv(summary.hourly, scenario.season.start)),
    histogramsJsonSha256: sha256(JSON.stringify(summary.histograms, jsonNumbers) + '\n'),
  };
}

export const caseName = (file: string, seed: number) => `${file} seed ${seed}`;

/**
 * The platform case the web test checks the page against: the shipped default at full scale, seed
 * 1, one replication, as `jitsim run` writes its KPI files (recorded, since running it again in the
 * test would cost a platform replication).
 */
export const platformFile = new URL('./platform.json', import.meta.url).pathname;
export const PLATFORM = { scenario: 'black-friday-2022.yaml', seed: 1, replications: 1 } as const;

export interface PlatformCase {
  scenario: string;
  seed: number;
  replications: number;
  kpisCsv: string;
  kpisByClassCsv: string;
  /** Each class's KPI means, unrounded, for the page's chart titles. */
  byClassMeans: Record<string, Record<string, number>>;
}

export async function platformCase(): Promise<PlatformCase> {
  const scenario = readScenarioFile(`${scenariosDir}${PLATFORM.scenario}`);
  const { results } = await runPool({ scenario, seed: PLATFORM.seed, replications: PLATFORM.replications });
  const summary = summarise(results as RunResult[]);
  return {
    ...PLATFORM,
    kpisCsv: kpisCsv(summary.kpis),
    kpisByClassCsv: kpisByClassCsv(summary.byClass),
    byClassMeans: Object.fromEntries(Object.entries(summary.byClass).map(([c, k]) => [c, Object.fromEntries(Object.entries(k).map(([name, i]) => [name, i.mean]))])),
  };
}
