// The property suite of issue 16 (docs/scenario-format.md, "Limits" and "Limits on a file"): generated
// scenario files, mutations of the shipped ones and random trees of edge values, through the loader.
// Every outcome is a valid scenario or a ScenarioError of one-line issues naming the file and a field
// path or a line and column; and valid ones run a tiny season to the end with finite KPIs.
// Seeded: a failure prints its seed and path, which replay it (`fc.assert(…, { seed, path })`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario, ScenarioError, validateScenario } from '../src/scenario/load.ts';
import { runJit } from '../src/model/jit.ts';
import { readShipped, scenarioFiles, SHIPPED, type ScenarioFile } from './helpers/scenario-files.ts';
import { tinyScale } from './helpers/tiny-scale.ts';
import type { Scenario } from '../src/scenario/types.ts';

const SEED = 20_221_125;

/** A field path as the loader writes it: dotted names (quoted when not plain) and `[i]` for list items. */
const NAME = String.raw`(?:[A-Za-z_$][\w$]*|"(?:[^"\\]|\\.)*")`;
const FIELD_PATH = new RegExp(String.raw`^${NAME}(?:\.${NAME}|\[\d+\])*$`);
const PLACE = /^line \d+, column \d+$/;
/** The only problems that concern a whole file, and so have no path. */
const WHOLE_FILE = [/^the file is [\d.]+ MB, more than the [\d.]+ MB a scenario may be$/,
  /^expected an object of scenario fields at the top level, got /, /^… and \d+ more problems?$/];
/** A line a reader takes in at once: the longest the loader writes is a limit's explanation. */
const LONGEST_LINE = 500;

/** Why `err` is not the refusal the property asks for, or undefined if it is. */
function refusalProblem(err: unknown, file: string): string | undefined {
  if (!(err instanceof ScenarioError)) {
    const e = err as Error | undefined;
    return `threw ${e?.name ?? typeof err}, not a ScenarioError: ${String(e?.message).slice(0, 300)}`;
  }
  if (err.issues.length === 0) return 'a ScenarioError with no issues';
  const files = new Set([file, ...SHIPPED.keys()]);
  for (const issue of err.issues) {
    const line = formatIssue(issue);
    if (/[\n\r]/.test(line)) return `an issue of more than one line: ${JSON.stringify(line.slice(0, 300))}`;
    if (line.length > LONGEST_LINE) return `an issue of ${line.length} characters: ${JSON.stringify(line.slice(0, 300))}…`;
    if (!files.has(issue.file)) return `an issue naming file ${JSON.stringify(issue.file)}: ${line}`;
    const placed = issue.path === '' ? WHOLE_FILE.some((re) => re.test(issue.message)) : FIELD_PATH.test(issue.path) || PLACE.test(issue.path);
    if (!placed) return `an issue naming neither a field nor a line and column: ${JSON.stringify(line)}`;
  }
  return undefined;
}

/** Why an accepted scenario is not one the schema passes, or undefined: finite numbers, and valid again as it is. */
function acceptedProblem(scenario: Scenario, file: string): string | undefined {
  const numbers: [string, number][] = [];
  (function walk(v: unknown, at: string) {
    if (typeof v === 'number') numbers.push([at, v]);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  })(scenario, '');
  const infinite = numbers.find(([, x]) => !Number.isFinite(x));
  if (infinite) return `accepted a number that is not finite at ${infinite[0]}: ${infinite[1]}`;
  try {
    validateScenario(structuredClone(scenario), file);
  } catch (err) {
    return `accepted, but refused when validated again: ${(err as Error).message.slice(0, 300)}`;
  }
  return undefined;
}

type Outcome = { scenario: Scenario } | { refused: ScenarioError };

/** The loader's outcome for `f`, failing the property on anything but a valid scenario or a good refusal. */
function load(f: ScenarioFile): Outcome {
  let scenario: Scenario;
  try {
    scenario = parseScenario(f.text, f.file, readShipped);
  } catch (err) {
    const problem = refusalProblem(err, f.file);
    if (problem) throw new Error(problem);
    return { refused: err as ScenarioError };
  }
  const problem = acceptedProblem(scenario, f.file);
  if (problem) throw new Error(problem);
  return { scenario };
}

/** Statistics of nothing (docs/results.md): a duration with no parcel or order to measure is NaN. */
const MAY_BE_NAN = /Hours$/;

describe('generated scenario files', () => {
  it('are each a valid scenario or one-line issues naming the file and a field or place (10,000 files)', () => {
    const counts = { valid: 0, refused: 0 };
    fc.assert(fc.property(scenarioFiles, (f) => {
      counts['scenario' in load(f) ? 'valid' : 'refused']++;
    }), { seed: SEED, numRuns: 10_000 });
    // Both outcomes are exercised, not only refusals.
    expect(counts.valid).toBeGreaterThan(500);
    expect(counts.refused).toBeGreaterThan(5_000);
  }, 120_000);

  it('that are valid run a tiny season to the end with finite KPIs (300 runs)', () => {
    fc.assert(fc.property(scenarioFiles, (f) => {
      const outcome = load(f);
      fc.pre('scenario' in outcome);
      const scenario = validateScenario(tinyScale((outcome as { scenario: Scenario }).scenario), f.file);
      const { kpis } = runJit(scenario, { seed: 1, replication: 0 });
      const wrong = Object.entries(kpis).filter(([k, v]) => !Number.isFinite(v) && !(Number.isNaN(v) && MAY_BE_NAN.test(k)));
      if (wrong.length > 0) throw new Error(`KPIs not finite: ${wrong.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (kpis.ordersOpen < 0 || kpis.unitsOpen < 0) throw new Error(`more orders closed than placed: ordersOpen ${kpis.ordersOpen}, unitsOpen ${kpis.unitsOpen}`);
    }), { seed: SEED + 1, numRuns: 300 });
  }, 180_000);
});
