// A state file (start.fromState) is unzipped into one text, so its unzipped size is bounded: a
// gzip bomb named as the state to start from is one line naming the file and the limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/load.ts';
import { readScenarioFile } from './read-scenario.ts';
import { MAX_STATE_BYTES, readStateFile } from './state-file.ts';

const scenario = readScenarioFile(new URL('../../scenarios/small-seller.yaml', import.meta.url).pathname);

function problem(path: string, maxBytes?: number): string {
  try {
    readStateFile(path, scenario, 'x.yaml', maxBytes);
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n');
    throw err;
  }
  return 'read';
}

describe('a state file', () => {
  it('is refused in one line when it unzips past the bound, and called damaged when it is no gzip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jitsim-state-'));
    const bomb = join(dir, 'bomb.jsonl.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(2 * 2 ** 20, 0x20))); // 2 MiB of spaces in some 2 kB
    expect(problem(bomb, 2 ** 20)).toBe(`x.yaml: start.fromState: ${bomb}: unzips to more than 1,048,576 bytes, the most a state file may hold (one text in memory); save fewer replications`);
    writeFileSync(join(dir, 'plain.jsonl.gz'), 'not gzip');
    expect(problem(join(dir, 'plain.jsonl.gz'))).toMatch(/^x\.yaml: start\.fromState: .*plain\.jsonl\.gz: damaged: not a whole gzip file \(/);
    // The bound is V8's longest string: the state is read as one text.
    expect(MAX_STATE_BYTES).toBe(2 ** 29 - 24);
    expect(() => 'x'.repeat(MAX_STATE_BYTES + 1)).toThrow(RangeError);
  });
});
