// The shipped scenarios, bundled as text, and parsing of a user's scenario in the page.
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

const files = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Shipped scenario texts by file name (black-friday-2022.yaml, ...). */
export const shipped: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

/** The first comment line of a scenario: the question it answers. */
export function question(text: string): string {
  const line = text.split('\n').find((l) => l.startsWith('#'));
  return line ? line.replace(/^#\s*/, '') : '';
}

/** Parses scenario text as `name`; `extends` resolves among the shipped scenarios by file name (never a URL). */
export function parse(text: string, name: string): Scenario {
  return parseScenario(text, name, (path) => {
    const found = /:\/\//.test(path) ? undefined : shipped[path.slice(path.lastIndexOf('/') + 1)];
    // The error names the file as given (load.ts quotes it); the page has no other files to read.
    if (found === undefined) throw new Error(`the page can extend only a shipped scenario (${Object.keys(shipped).join(', ')}), by its file name`);
    return found;
  });
}
