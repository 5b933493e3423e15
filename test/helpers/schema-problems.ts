// The schema's error lines for a scenario object, as the command prints them: the helper the
// schema and limits tests share.
import { ScenarioError, validateScenario } from '../../src/scenario/load.ts';

/** The error lines for `input` (as file x.yaml), or [] if it is valid. */
export function problems(input: unknown): string[] {
  try {
    validateScenario(input, 'x.yaml');
    return [];
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.message.split('\n');
  }
}
