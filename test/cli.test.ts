// The jitsim command, spawned as a user would run it: --version, --help and usage errors.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const jitsim = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('jitsim command', () => {
  it('--version prints the package version and exits 0', () => {
    const r = jitsim('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help describes the tool and exits 0', () => {
    const r = jitsim('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: jitsim/);
    expect(r.stdout).toMatch(/JIT pre-sale fulfilment/);
  });

  it('an unknown option is a usage error: exit 2, one line on stderr, no stack trace', () => {
    const r = jitsim('--frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("error: unknown option '--frobnicate'");
    expect(r.stdout).toBe('');
  });
});
