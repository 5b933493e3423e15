// What a scenario's text may not hold (docs/scenario-format.md, "Limits on a file"): each refusal is
// one line naming the file, line and column, before anything recursive or slow runs.
import { describe, expect, it } from 'vitest';
import { parseSweep } from '../experiment/sweep.ts';
import { normalisePath, parseScenario, ScenarioError } from './load.ts';
import { MAX_DEPTH, MAX_SCENARIO_BYTES } from './text-limits.ts';
import { replacedThroughExtends, unknownFields } from '../../test/helpers/many-keys.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

/** The error lines of parsing `text` as `file` (a base file reads as `{}`). */
function problems(file: string, text: string, read: (path: string) => string = () => '{}'): string[] {
  return errorLines(() => parseScenario(text, file, read), ScenarioError, file);
}

const nested = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);

describe('nesting depth', () => {
  it('refuses 3,000-deep JSON at the level past the limit, not with a stack overflow', () => {
    const lines = problems('a.json', `{"sellers": ${nested('[', ']', 3000)}}`);
    expect(lines).toEqual([`a.json: line 1, column ${13 + MAX_DEPTH - 1}: invalid JSON: lists and objects nest more than ${MAX_DEPTH} deep here`]);
  });

  it('refuses deep YAML, block or flow', () => {
    expect(problems('a.yaml', `sellers: ${nested('[', ']', 3000)}\n`)).toEqual([`a.yaml: line 1, column ${10 + MAX_DEPTH - 1}: invalid YAML: lists and maps nest more than ${MAX_DEPTH} deep here`]);
    expect(problems('a.yaml', `sellers:\n  ${'- '.repeat(100)}1\n`)[0]).toMatch(/^a\.yaml: line 2, column \d+: invalid YAML: lists and maps nest more than 64 deep here$/);
  });

  it('refuses aliases that nest deeper once expanded, at the alias', () => {
    const text = `a: &a ${nested('[', ']', 40).replace('][', '][1][')}\nb: ${nested('[', ']', 30).replace('[]', '[*a]')}\n`;
    expect(problems('a.yaml', text)).toEqual([`a.yaml: line 2, column 34: invalid YAML: aliases nest lists and maps more than ${MAX_DEPTH} deep here`]);
  });

  it('lets the deepest allowed nesting through to the schema', () => {
    expect(problems('a.json', `{"description": ${nested('[', ']', MAX_DEPTH - 1)}}`)).toEqual(['a.json: description: expected a line of text, got a list of 1']);
  });
});

describe('JSON', () => {
  it('refuses NaN in one line with its place', () => {
    expect(problems('a.json', '{\n  "sellers": {"count": NaN}\n}\n')).toEqual(['a.json: line 2, column 24: invalid JSON: expected a value, got "NaN"']);
  });

  it('refuses a key given twice, which JSON.parse would keep the last of', () => {
    expect(problems('a.json', '{"sellers": {"count": 5, "count": 6}}')).toEqual(['a.json: line 1, column 26: invalid JSON: field "count" is given twice in this object']);
    expect(problems('a.json', '{"a": {"x": 1}, "b": {"x": 1}, "\\u0061": 2}')).toEqual(['a.json: line 1, column 32: invalid JSON: field "\\u0061" is given twice in this object']);
  });

  it('refuses text after the value and an unclosed object', () => {
    expect(problems('a.json', '{} x')).toEqual(['a.json: line 1, column 4: invalid JSON: expected the end of the file after the top-level value, got "x"']);
    expect(problems('a.json', '{"mode": "jit"')).toEqual(['a.json: line 1, column 15: invalid JSON: expected "," or "}", got the end of the file']);
    expect(problems('a.json', `{"mode": ${'x'.repeat(100_000)}}`)).toEqual(['a.json: line 1, column 10: invalid JSON: expected a value, got "xxxxxxxxxxxxxxxxxxxx…"']);
  });
});

describe('YAML', () => {
  it('lists the first 20 syntax errors of a slip that upsets every line after it, then a count', () => {
    const text = Array.from({ length: 100 }, (_, i) => `k${i}: "x`).join('\n');
    const lines = problems('a.yaml', text);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^a\.yaml: line \d+, column \d+: invalid YAML: /);
    expect(lines[20]).toMatch(/^a\.yaml: … and \d+ more problems$/);
  });

  it('refuses !!omap and !!set instead of reading them as the defaults', () => {
    expect(problems('a.yaml', '!!omap [sellers: {count: -5}]\n')).toEqual(['a.yaml: line 1, column 8: invalid YAML: the tag !!omap is not used in scenarios: write plain lists, maps and values']);
    expect(problems('a.yaml', 'sellers: !!set {count: }\n')).toEqual(['a.yaml: line 1, column 16: invalid YAML: the tag !!set is not used in scenarios: write plain lists, maps and values']);
    expect(problems('a.yaml', 'description: !foo x\n')).toEqual(['a.yaml: line 1, column 19: invalid YAML: the tag !foo is not used in scenarios: write plain lists, maps and values']);
  });

  it('accepts the core schema\'s own tags', () => {
    expect(problems('a.yaml', 'description: !!str 5\nsellers: {count: !!str 5}\n')).toEqual([expect.stringMatching(/^a\.yaml: sellers\.count: expected .*"5"$/)]);
  });

  it('refuses a key that is a list or map, at the key', () => {
    expect(problems('a.yaml', '? [a, b]\n: 1\n')).toEqual(['a.yaml: line 1, column 3: invalid YAML: a field name must be plain text, got a list']);
    expect(problems('a.yaml', 'sellers:\n  {count: 1}: 2\n')).toEqual(['a.yaml: line 2, column 3: invalid YAML: a field name must be plain text, got a map']);
  });

  it('reads a sweep file with the same limits', () => {
    expect(() => parseSweep('!!omap [scenario: a.yaml]\n', 's.yaml')).toThrow('s.yaml: line 1, column 8: invalid YAML: the tag !!omap is not used in scenarios');
    expect(() => parseSweep(`grid: ${'['.repeat(100)}${']'.repeat(100)}\n`, 's.yaml')).toThrow('lists and maps nest more than 64 deep here');
  });

  it('refuses a second document', () => {
    expect(problems('a.yaml', 'mode: jit\n---\nmode: prestock\n')).toEqual(['a.yaml: line 2, column 1: invalid YAML: a scenario is one YAML document, found a second one here']);
  });
});

describe('files', () => {
  it('refuses text beyond the size cap, stating it', () => {
    expect(problems('a.yaml', `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`)).toEqual(['a.yaml: the file is 2.0 MB, more than the 2.0 MB a scenario may be']);
  });

  it('names `extends: .` as the folder it is, never an empty name', () => {
    const isFolder = () => { throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' }); };
    expect(problems('a.yaml', 'extends: .\n', isFolder)).toEqual(['a.yaml: extends: cannot read .: is a directory, not a file']);
    expect(normalisePath('')).toBe('.');
  });
});

// How the time grows with the number of fields (linear, where 10k took 6.9 s and 20k 17.8 s) is
// measured by bench/parse-limits.ts (npm run bench:parse-limits), not timed here.
describe('unknown fields', () => {
  it('reports 20,000, the first 20 and a count of the rest', () => {
    const lines = problems('a.yaml', unknownFields(20_000));
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^a\.yaml: k0: unknown field/);
    expect(lines[19]).toMatch(/^a\.yaml: k19: unknown field/);
    expect(lines[20]).toBe('a.yaml: … and 19980 more problems');
  });

  it('names the file of each of 20,000 objects replaced through extends', () => {
    const { child, base } = replacedThroughExtends(20_000);
    const lines = problems('child.yaml', child, () => base);
    expect(lines).toHaveLength(21);
    lines.slice(0, 20).forEach((line, i) => expect(line).toMatch(new RegExp(`^child\\.yaml: k${i}: unknown field`)));
    expect(lines[20]).toBe('child.yaml: … and 19980 more problems');
  });
});

describe('syntax errors', () => {
  // Found by test/scenario-properties.test.ts: the YAML library's message quoted the rest of the file, 7 kB on one line.
  it('quotes at most 40 characters of the file in a YAML error', () => {
    const rest = Array.from({ length: 300 }, (_, i) => `k${i}: ${i}`).join('\n');
    const lines = problems('a.yaml', `|description: "x"\nmode: "jit"\n${rest}\n`); // a "|" typed before the first field
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^a\.yaml: line \d+, column \d+: invalid YAML: /);
      expect(line.length).toBeLessThan(200);
    }
  });
});
