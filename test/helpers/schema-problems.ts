// The schema's error lines for a scenario object, as the command prints them: the helper the
// schema and limits tests share.
import { ScenarioError, validateScenario } from '../../src/scenario/load.ts';
import { errorLines } from './error-lines.ts';

/** The error lines for `input` (as file x.yaml), or [] if it is valid. */
export function problems(input: unknown): string[] {
  return errorLines(() => validateScenario(input, 'x.yaml'), ScenarioError, 'x.yaml', () => []);
}
