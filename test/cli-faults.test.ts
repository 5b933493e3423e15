// Faults in the write phase of `jitsim run`: SIGKILL at each step leaves the complete old set or the
// complete new one (and nothing after the next run's clean-up); a full disk and bad --out paths are
// one line naming the path and a plain reason, with nothing half-written kept. `sweep` writes the
// same way, and it and the planners refuse a run over --max-memory before it starts.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainReason, recoverOut } from '../src/cli/out-folder.ts';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const small = new URL('../scenarios/small-seller.yaml', import.meta.url).pathname;
const args = (seed: number, out: string) => ['run', small, '--reps', '1', '--workers', '1', '--seed', String(seed), '-q', '--out', out];
const jitsim = (a: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [bin, ...a], { encoding: 'utf8', env: { ...process.env, ...env } });
const RUN_SET = ['daily.csv', 'histograms.json', 'hourly.csv', 'kpis-by-class.csv', 'kpis.csv', 'summary.json'];
const PAUSE_MS = 200;

const root = mkdtempSync(join(tmpdir(), 'jitsim-faults-'));
const oldSet = join(root, 'old'), newSet = join(root, 'new');
const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.jitsim-tmp-'));

beforeAll(() => {
  expect(jitsim(args(1, oldSet)).status).toBe(0);
  expect(jitsim(args(2, newSet)).status).toBe(0);
  expect(readdirSync(oldSet).sort()).toEqual(RUN_SET);
});

/** Runs seed 2 over a copy of the old set, killing it `delay` ms after its write phase begins. */
async function killedRun(trial: string, delay: number): Promise<string> {
  const parent = join(root, trial), out = join(parent, 'out');
  mkdirSync(parent);
  cpSync(oldSet, out, { recursive: true });
  const child = spawn(process.execPath, [bin, ...args(2, out)], { env: { ...process.env, JITSIM_TEST_PAUSE_MS: String(PAUSE_MS) } });
  const exited = new Promise((done) => child.on('exit', done));
  while (temporaries(parent).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, delay));
  child.kill('SIGKILL');
  await exited;
  return out;
}

describe('SIGKILL during the write phase', () => {
  it('leaves the complete old set or the complete new one, and no temporary after the clean-up', async () => {
    // Six files and two swap steps, each followed by a pause: kill after the first file, the
    // fourth, the old set moved aside, and the new one moved in.
    const delays = [0, 3, 6, 7].map((k) => k * PAUSE_MS + PAUSE_MS / 2);
    const outs = await Promise.all(delays.map((d, k) => killedRun(`trial-${k}`, d)));
    const seen = outs.map((out) => {
      recoverOut(out);
      expect(temporaries(join(out, '..'))).toEqual([]);
      const got = read(out);
      if (JSON.stringify(got) === JSON.stringify(read(oldSet))) return 'old';
      expect(got).toEqual(read(newSet));
      return 'new';
    });
    expect(seen).toContain('old');
    expect(seen).toContain('new');
    // The next run clears whatever a killed one left, and writes its own set.
    const out = await killedRun('next', PAUSE_MS / 2);
    expect(temporaries(join(out, '..'))).toHaveLength(1);
    expect(jitsim(args(2, out)).status).toBe(0);
    expect(temporaries(join(out, '..'))).toEqual([]);
    expect(read(out)).toEqual(read(newSet));
  }, 60_000);
});

describe('a full disk and a bad --out', () => {
  it('reports ENOSPC with the path and keeps the earlier set whole, nothing half-written', () => {
    const parent = join(root, 'full'), out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(oldSet, out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = jitsim(args(2, out), { JITSIM_TEST_DISK_BYTES: '20000' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^jitsim: --out ${out}: cannot write ${out}/\\S+: the disk is full; nothing written, the files already there are kept\\n$`));
    expect(read(out)).toEqual({ ...read(oldSet), 'notes.txt': 'mine' });
    expect(temporaries(parent)).toEqual([]);
    const fresh = jitsim(args(2, join(parent, 'fresh')), { JITSIM_TEST_DISK_BYTES: '100' });
    expect(fresh.stderr).toContain('the disk is full; nothing written, no folder made');
    expect(existsSync(join(parent, 'fresh'))).toBe(false);
  });

  it('in a folder holding files of the user’s, removes an earlier set’s file the new set lacks', () => {
    const out = join(root, 'mixed');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(jitsim([...args(1, out), '--window', '2022-11-01..2022-11-02']).status).toBe(0);
    expect(readdirSync(out)).toContain('kpis-window.csv');
    expect(jitsim(args(2, out)).status).toBe(0);
    expect(read(out)).toEqual({ ...read(newSet), 'notes.txt': 'mine' });
  });

  it('refuses a kernel file system, a file, and a path through a file, at once, naming the path', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    for (const [out, reason] of [['/proc/self/out', 'not a regular folder (a kernel file system)'], [file, 'a file exists there, not a folder'], [join(file, 'x'), `${file} is a file, not a folder`]]) {
      const r = spawnSync(process.execPath, [bin, ...args(2, out)], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`jitsim: --out ${out}: ${reason}\n`);
    }
  });

  it('says the raw codes in words', () => {
    const reasons = ['EROFS', 'EACCES', 'EEXIST', 'ENOTDIR', 'ENOSPC'].map((code) => plainReason(Object.assign(new Error(code), { code })));
    expect(reasons).toEqual(['the file system is read-only', 'no permission to write there', 'a file exists there', 'part of the path is a file, not a folder', 'the disk is full']);
  });
});

describe('sweep and plan outputs, and their --max-memory', () => {
  const sweepIn = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sweep.yaml'), `scenario: ${small}\nreplications: 1\nseed: 1\ngrid:\n  sellers.classes.small.pauseListingWhenOut: [false, true]\n`);
    return join(dir, 'sweep.yaml');
  };
  const sweep = (file: string, out: string, env: Record<string, string> = {}) => jitsim(['sweep', file, '--workers', '1', '-q', '--out', out], env);

  it('a sweep into the folder holding its YAML: a full disk keeps the earlier set whole; then the new set, file by file', () => {
    const dir = join(root, 'sweep'), file = sweepIn(dir);
    writeFileSync(join(dir, 'sweep.json'), 'earlier');
    writeFileSync(join(dir, 'sweep.csv'), 'earlier');
    const full = sweep(file, dir, { JITSIM_TEST_DISK_BYTES: '100' });
    expect(full.status).toBe(1);
    expect(full.stderr).toBe(`jitsim: --out ${dir}: cannot write ${dir}/sweep.json: the disk is full; nothing written, the files already there are kept\n`);
    expect(readdirSync(dir).sort()).toEqual(['sweep.csv', 'sweep.json', 'sweep.yaml']);
    expect([read(dir)['sweep.json'], read(dir)['sweep.csv']]).toEqual(['earlier', 'earlier']);
    expect(temporaries(root)).toEqual([]);

    expect(sweep(file, dir).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['sweep.csv', 'sweep.json', 'sweep.yaml']);
    expect(JSON.parse(read(dir)['sweep.json']).points).toBe(2);
    expect(temporaries(root)).toEqual([]);
  }, 30_000);

  it('sweep, plan stocking and plan staffing refuse a run over --max-memory before it starts, naming the flag', () => {
    const file = sweepIn(join(root, 'memory'));
    for (const [a, named] of [[['sweep', file], file], [['plan', 'stocking', small], small], [['plan', 'staffing', small], small]] as const) {
      const out = join(root, 'memory', a.slice(0, 2).join('-'));
      const r = jitsim([...a, '--max-memory', '1M', '-q', '--out', out]);
      expect(r.status, a.join(' ')).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${named}: --max-memory: the run needs about [\\d.]+ [KMG]B \\(\\d+ worker threads × [\\d.]+ [KMG]B \\+ \\d+ results × [\\d.]+ [KMG]B\\), more than the limit of 1 MB; .*, or raise --max-memory\\n$`));
      expect(existsSync(out)).toBe(false);
    }
  });
});
