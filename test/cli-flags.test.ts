// The command as a hostile user meets it: an unexpected error as one line (--debug for the stack),
// numbers parsed strictly with their bounds stated, and --max-memory and --max-time refusing a run
// that cannot fit or would take too long, the estimate said before a run and the threads fitted to memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const scenarios = new URL('../scenarios/', import.meta.url).pathname;
const small = `${scenarios}small-seller.yaml`;
const jitsim = (args: string[], nodeArgs: string[] = []) => spawnSync(process.execPath, [...nodeArgs, bin, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'jitsim-flags-'));

// Makes `validate`'s printing throw, as an internal fault would: a preload, nothing in src.
const fault = 'data:text/javascript,const s=JSON.stringify;JSON.stringify=(v,r,i)=>{if(v&&v.sellers&&i===2)throw new TypeError("injected fault");return s(v,r,i)}';

describe('an unexpected error', () => {
  it('is one line naming the command, with the hint to --debug', () => {
    const r = jitsim(['validate', small], ['--import', fault]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('jitsim: validate failed: injected fault (run with --debug for details)\n');
  });

  it('shows its stack with --debug', () => {
    const r = jitsim(['validate', small, '--debug'], ['--import', fault]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^jitsim: validate failed: injected fault\nTypeError: injected fault\n\s+at /);
  });
});

describe('numbers on the command line', () => {
  const refused = (flag: string, value: string) => {
    const r = jitsim(['run', small, flag, value, '--out', tmp()]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr.trim();
  };

  it('refuses an empty seed, hex and padded numbers instead of reading them as 0, 16 and 2', () => {
    expect(refused('--seed', '')).toBe(`error: option '-s, --seed <S>' argument '' is invalid. expected a whole number from 0 to 2^53 − 1, got ""`);
    expect(refused('--reps', '0x10')).toContain('expected a whole number from 1 to 10000, got "0x10"');
    expect(refused('--workers', ' 2 ')).toContain('expected a whole number from 1 to');
    expect(refused('--seed', '-1')).toContain('got "-1"');
    expect(refused('--seed', '9007199254740992')).toContain('from 0 to 2^53 − 1');
  });

  it('caps --reps at 10,000 and --workers at 4 a core (at most 64), saying so', () => {
    expect(refused('--reps', '1e6')).toContain('expected a whole number from 1 to 10000, got "1e6"');
    expect(refused('--reps', '10001')).toContain('from 1 to 10000');
    expect(refused('--workers', '64')).toMatch(/expected a whole number from 1 to \d+, got "64"/);
  });

  it('states the bounds in --help', () => {
    const help = jitsim(['run', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('replications, from 1 to 10000');
    expect(help).toContain('base seed, from 0 to 2^53 − 1');
    expect(help).toMatch(/worker threads, from 1 to \d+ here/);
  });
});

describe('--max-memory', () => {
  it('refuses a run estimated above the limit before it starts, naming the estimate and the limit', () => {
    const out = join(tmp(), 'out');
    const r = jitsim(['run', `${scenarios}black-friday-2022.yaml`, '--reps', '100', '--workers', '2', '--max-memory', '400M', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\S+black-friday-2022\.yaml: --max-memory: the run needs about [\d.]+ MB \(2 worker threads × [\d.]+ MB \+ 100 results × [\d.]+ MB\), more than the limit of 400 MB; --workers 1 would fit, or raise --max-memory\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('counts both scenarios of a compare, and refuses a size it cannot read', () => {
    const r = jitsim(['compare', small, small, '--max-memory', '50M']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--max-memory: the run needs about .* \+ 20 results × /);
    const bad = jitsim(['run', small, '--max-memory', '2X']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`error: option '--max-memory <SIZE>' argument '2X' is invalid. expected a size of at least 1M such as 512M or 2G, got "2X"`);
  });
});

describe('the estimate before a run', () => {
  it('refuses a run over --max-time, naming the estimate and the limit', () => {
    // 10,000 replications of the 8-million-order season: some 36 hours on two cores.
    const out = join(tmp(), 'out');
    const r = jitsim(['run', `${scenarios}black-friday-2022.yaml`, '--reps', '10000', '--workers', '2', '--max-memory', '100G', '--max-time', '2h', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\S+black-friday-2022\.yaml: --max-time: the run would take about [\d.]+ (h|days) \(10000 replications on 2 worker threads, \d+ cores\), more than the limit of 2 h; fewer replications, sellers, orders or days would be quicker, or raise --max-time\n$/);
    expect(existsSync(out)).toBe(false);
    const bad = jitsim(['run', small, '--max-time', '10']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`error: option '--max-time <DURATION>' argument '10' is invalid. expected a duration from 1s to 3650d such as 90s, 30m, 2h or 3d, got "10"`);
  });

  it('is said in one line, and without --workers the threads are as many as fit --max-memory', () => {
    // 50,000 sellers with next to no orders: ~130 MB a replication, so one thread fits 250 MB and two do not.
    const dir = tmp();
    writeFileSync(join(dir, 'many.yaml'), `extends: ${scenarios}black-friday-2022.yaml\nsellers: { count: 50000 }\ndemand: { ordersPerDay: 10 }\nseason: { start: 2022-10-01, end: 2022-10-03 }\n`);
    const r = jitsim(['run', join(dir, 'many.yaml'), '--reps', '2', '--max-memory', '250M', '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^Estimate: about \d+ s and [\d.]+ MB for 2 replications on 1 worker thread \(2 would need about [\d.]+ MB, more than --max-memory 250 MB\)\n/);
    // Asked for by name, two threads are refused instead.
    const asked = jitsim(['run', join(dir, 'many.yaml'), '--reps', '2', '--workers', '2', '--max-memory', '250M', '--out', join(dir, 'out2')]);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toMatch(/--max-memory: the run needs about .*; --workers 1 would fit, or raise --max-memory\n$/);
    // --quiet says nothing before the run.
    const quiet = jitsim(['run', small, '--reps', '1', '-q', '--out', join(dir, 'out3')]);
    expect(quiet.stderr).toBe('');
  });
});
