// The property suite's checks (test/scenario-properties.test.ts; issue 16): what the loader may do
// with a generated scenario file. It returns a valid scenario, finite and valid again as it is, or
// refuses it with a ScenarioError of one-line issues naming the file and a field path or a line
// and column. Shared by the test and its second half, run in a child process (scenario-half.ts).
import fc from 'fast-check';
import { formatIssue, parseScenario, ScenarioError, validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { readShipped, scenarioFiles, SHIPPED, type ScenarioFile } from './scenario-files.ts';

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

export type Outcome = { scenario: Scenario } | { refused: ScenarioError };

/** The loader's outcome for `f`, failing the property on anything but a valid scenario or a good refusal. */
export function load(f: ScenarioFile): Outcome {
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

/** Loads `numRuns` generated files (fast-check, seeded), failing on the first bad outcome; the counts, and the valid ones in order. */
export function loadGenerated(seed: number, numRuns: number): { valid: number; refused: number; validFiles: { f: ScenarioFile; scenario: Scenario }[] } {
  const out = { valid: 0, refused: 0, validFiles: [] as { f: ScenarioFile; scenario: Scenario }[] };
  fc.assert(fc.property(scenarioFiles, (f) => {
    const outcome = load(f);
    if ('scenario' in outcome) {
      out.valid++;
      out.validFiles.push({ f, scenario: outcome.scenario });
    } else out.refused++;
  }), { seed, numRuns });
  return out;
}
