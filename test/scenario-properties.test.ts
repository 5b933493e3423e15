// The property suite of issue 16 (docs/scenario-format.md, "Limits" and "Limits on a file"): generated
// scenario files, mutations of the shipped ones and random trees of edge values, through the loader.
// Every outcome is a valid scenario or a ScenarioError of one-line issues naming the file and a field
// path or a line and column (test/helpers/scenario-checks.ts); and valid ones run a tiny season to the
// end with finite KPIs. Half the files load in a child process (scenario-half.ts), on the other core.
// Seeded: a failure prints its seed and path, which replay it (`fc.assert(…, { seed, path })`).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/load.ts';
import { runJit } from '../src/model/jit.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { loadGenerated } from './helpers/scenario-checks.ts';
import type { ScenarioFile } from './helpers/scenario-files.ts';
import { tinyScale } from './helpers/tiny-scale.ts';

const SEED = 20_221_125;
/** Files in all, half here and half in the child; valid ones run at tiny scale. */
const FILES = 10_000, RUNS = 300;
const root = new URL('..', import.meta.url).pathname;

/** The child's half: its counts, or its failure's report; `stop` ends it early. */
function childHalf(seed: number, runs: number): { counts: Promise<{ valid: number; refused: number }>; stop: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/scenario-half.ts', String(seed), String(runs)], { cwd: root });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const counts = new Promise<{ valid: number; refused: number }>((done, fail) => child.on('close', (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`the child half (seed ${seed}) failed: ${err}`)))));
  return { counts, stop: () => child.kill() };
}

/** Statistics of nothing (docs/results.md): a duration with no parcel or order to measure is NaN. */
const MAY_BE_NAN = /Hours$/;

describe('generated scenario files', () => {
  /** The valid files this process loaded, in order: the tiny runs' scenarios. */
  let valid: { f: ScenarioFile; scenario: Scenario }[] = [];

  it(`are each a valid scenario or one-line issues naming the file and a field or place (${FILES.toLocaleString('en')} files)`, async () => {
    const other = childHalf(SEED + 2, FILES / 2);
    let here: ReturnType<typeof loadGenerated>;
    try {
      here = loadGenerated(SEED, FILES / 2);
    } catch (err) {
      other.stop();
      throw err;
    }
    const there = await other.counts;
    valid = here.validFiles;
    // Both outcomes are exercised, not only refusals.
    expect(here.valid + there.valid).toBeGreaterThan(500);
    expect(here.refused + there.refused).toBeGreaterThan(5_000);
    expect(here.valid + here.refused + there.valid + there.refused).toBe(FILES);
  }, 120_000);

  it(`that are valid run a tiny season to the end with finite KPIs (${RUNS} runs)`, () => {
    expect(valid.length).toBeGreaterThanOrEqual(RUNS);
    valid.slice(0, RUNS).forEach(({ f, scenario: loaded }, i) => {
      // A failing file is kept where the message says, to be run again as it is.
      const at = () => {
        const kept = join(tmpdir(), `jitsim-property-${SEED}-${i}-${basename(f.file)}`);
        writeFileSync(kept, f.text);
        return `${kept} (valid file ${i} of seed ${SEED})`;
      };
      const scenario = validateScenario(tinyScale(loaded), f.file);
      const { kpis } = runJit(scenario, { seed: 1, replication: 0 });
      const wrong = Object.entries(kpis).filter(([k, v]) => !Number.isFinite(v) && !(Number.isNaN(v) && MAY_BE_NAN.test(k)));
      if (wrong.length > 0) throw new Error(`${at()}: KPIs not finite: ${wrong.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (kpis.ordersOpen < 0 || kpis.unitsOpen < 0) throw new Error(`${at()}: more orders closed than placed: ordersOpen ${kpis.ordersOpen}, unitsOpen ${kpis.unitsOpen}`);
    });
  }, 180_000);
});
