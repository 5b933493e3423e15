// Only regular files are read: a FIFO or a folder is refused at once by its kind, a file over the cap by its size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFailure } from '../scenario/load.ts';
import { readRegularFile } from './regular-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'jitsim-regular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What readFailure() says of reading `path`, or the text read. */
function attempt(path: string, maxBytes?: number): string {
  try {
    return readRegularFile(path, maxBytes).toString('utf8');
  } catch (err) {
    return readFailure(err);
  }
}

describe('readRegularFile', () => {
  it('reads a regular file and refuses other kinds by name, without blocking', () => {
    writeFileSync(join(dir, 'a.yaml'), 'mode: jit\n');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(attempt(join(dir, 'a.yaml'))).toBe('mode: jit\n');
    expect(attempt(join(dir, 'pipe'))).toBe('is a FIFO (named pipe), not a regular file');
    expect(attempt(dir)).toBe('is a directory, not a regular file');
    expect(attempt(join(dir, 'gone'))).toBe('file not found');
  });

  it('refuses a file over the cap with its size', () => {
    writeFileSync(join(dir, 'big'), Buffer.alloc(3 * 1024 * 1024));
    expect(attempt(join(dir, 'big'), 2 * 1024 * 1024)).toBe('the file is 3.0 MB, more than the 2.0 MB a scenario may be');
  });
});
