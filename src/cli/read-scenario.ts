// Reads a scenario file from disk for the command line: the Node side of ../scenario/load.ts.
import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';

/** Loads, merges (`extends`) and validates the scenario at `path`; throws a ScenarioError. */
export function readScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read: ${(err as Error).message}`;
    throw new ScenarioError([{ file: path, path: '', message }]);
  }
  return parseScenario(text, path, (p) => readFileSync(p, 'utf8'));
}
