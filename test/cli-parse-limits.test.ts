// The command reading files a hostile user might give (docs/scenario-format.md, "Limits on a file"):
// each is one line on stderr naming the file and the place, exit 1, no Node warning, no stack
// trace, and nothing hangs (a FIFO as scenario, base or data file).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unknownFields } from './helpers/many-keys.ts';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jitsim-parse-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jitsim validate` on `name` (written first when `text` is given) in the scratch folder. */
function validate(name: string, text?: string) {
  if (text !== undefined) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [bin, 'validate', name], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  expect(r.signal, `${name} timed out`).toBeNull();
  expect(r.stderr).not.toMatch(/Warning|    at |RangeError|Maximum call stack/);
  return { status: r.status, stdout: r.stdout, lines: r.stderr.split('\n').filter((l) => l !== '') };
}

describe('jitsim validate, parser limits', () => {
  it.each<[string, string, string]>([
    ['deep.json', `{"sellers": ${'['.repeat(3000)}${']'.repeat(3000)}}`, 'line 1, column 76: invalid JSON: lists and objects nest more than 64 deep here'],
    ['deep.yaml', `sellers: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'line 1, column 73: invalid YAML: lists and maps nest more than 64 deep here'],
    ['nan.json', '{"sellers": {"count": NaN}}', 'line 1, column 23: invalid JSON: expected a value, got "NaN"'],
    ['twice.json', '{"sellers": {"count": 5, "count": 6}}', 'line 1, column 26: invalid JSON: field "count" is given twice in this object'],
    ['omap.yaml', '!!omap [sellers: {count: -5}]\n', 'line 1, column 8: invalid YAML: the tag !!omap is not used in scenarios: write plain lists, maps and values'],
    ['set.yaml', 'sellers: !!set {count: }\n', 'line 1, column 16: invalid YAML: the tag !!set is not used in scenarios: write plain lists, maps and values'],
    ['complex.yaml', '? [a, b]\n: 1\n', 'line 1, column 3: invalid YAML: a field name must be plain text, got a list'],
    ['dot.yaml', 'extends: .\n', 'extends: cannot read .: is a directory, not a regular file'],
  ])('%s: one line naming the place', (name, text, message) => {
    const r = validate(name, text);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${name}: ${message}`]);
    expect(r.stdout).toBe('');
  });

  it('refuses a file over the size cap with its size, unread', () => {
    const r = validate('big.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect(r.lines).toEqual(['big.yaml: the file is 3.0 MB, more than the 2.0 MB a scenario may be']);
  });

  it('refuses a FIFO as scenario, base or data file, and a device, without waiting on them', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(validate('pipe').lines).toEqual(['pipe: is a FIFO (named pipe), not a regular file']);
    expect(validate('base.yaml', 'extends: pipe\n').lines).toEqual(['base.yaml: extends: cannot read pipe: is a FIFO (named pipe), not a regular file']);
    expect(validate('data.yaml', 'demand: {orders: pipe}\n').lines).toEqual(['data.yaml: demand.orders: cannot read pipe: is a FIFO (named pipe), not a regular file']);
    expect(validate('/dev/null').lines).toEqual(['/dev/null: is a device, not a regular file']);
  });

  it('reports 20,000 unknown fields, the first 20 and a count', () => {
    // How the time grows with the fields is bench/parse-limits.ts's to measure, not a test's.
    const r = validate('unknown.yaml', unknownFields(20_000));
    expect(r.lines).toHaveLength(21);
    expect(r.lines[20]).toBe('unknown.yaml: … and 19980 more problems');
  });
});
