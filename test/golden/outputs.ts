// The golden outputs that guard refactors: for every shipped scenario (platform ones at 1:20) and
// seeds 1–3, the bytes of kpis.csv, hourly.csv and histograms.json for two replications, as the
// command writes them. `npm run golden` records them; test/golden.test.ts compares against them.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readScenarioFile } from '../../src/cli/read-scenario.ts';
import { hourlyCsv, jsonNumbers, kpisCsv } from '../../src/experiment/csv.ts';
import { summarise } from '../../src/experiment/summary.ts';
import { runJit } from '../../src/model/jit.ts';
import { shrunk } from '../helpers/scale.ts';

export const scenariosDir = new URL('../../scenarios/', import.meta.url).pathname;
export const goldenFile = new URL('./outputs.json', import.meta.url).pathname;
export const shippedScenarios = () => readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml')).sort();
export const SEEDS = [1, 2, 3];
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
