// Faults in the write phase of `jitsim run`: SIGKILL at each step leaves the complete old set or the
// complete new one (and nothing after the next run's clean-up); a full disk, a folder the command may
// not write, a read-only file system and bad --out paths are one line naming the path and a plain
// reason, with nothing half-written kept, and what can be known before the run is said before it; a
// link at --out is followed, a broken one or a loop refused; a mount point is written file by file
// (docs/results.md, "Output folders"). `sweep` and the planners write the same way, and refuse a bad
// --out or a run over --max-memory before it starts.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOut, mountPoint, recoverOut } from '../src/cli/out-folder.ts';
import { readScenarioFile } from '../src/cli/read-scenario.ts';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const small = new URL('../scenarios/small-seller.yaml', import.meta.url).pathname;
const args = (seed: number, out: string, scenario = small) => ['run', scenario, '--reps', '1', '--workers', '1', '--seed', String(seed), '-q', '--out', out];
const jitsim = (a: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [bin, ...a], { encoding: 'utf8', env: { ...process.env, ...env } });
/**
 * The command where file modes bite. Root passes them by its capabilities, so as root it runs without
 * those (setpriv, from util-linux) but still as root: it reads the repository wherever it was cloned,
 * which another user (nobody) may not.
 */
const withoutOverride = (a: string[]) => process.getuid?.() !== 0 ? jitsim(a)
  : spawnSync('setpriv', ['--bounding-set', '-dac_override,-dac_read_search,-fowner', process.execPath, bin, ...a], { encoding: 'utf8' });
/** The command, several at once, to keep the tests short. */
const jitsimAsync = (a: string[]) => new Promise<{ status: number | null; stderr: string }>((done) => {
  const child = spawn(process.execPath, [bin, ...a], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  child.on('close', (status) => done({ status, stderr }));
});
const RUN_SET = ['daily.csv', 'histograms.json', 'hourly.csv', 'kpis-by-class.csv', 'kpis.csv', 'summary.json'];
const PAUSE_MS = 200;

const root = mkdtempSync(join(tmpdir(), 'jitsim-faults-'));
const oldSet = join(root, 'old'), newSet = join(root, 'new');
/** The small seller over three days, for runs that fail at the write: only the fault matters there. */
const threeDays = join(root, 'three-days.yaml');
writeFileSync(threeDays, `extends: ${small}\nseason: { start: 2022-10-01, end: 2022-10-03 }\n`);
/**
 * `run` not quiet and with --warmup auto, which says "pilot runs…" on stderr as its replications
 * begin: a refusal of --out right after the estimate, and nothing else, was made before the run.
 */
const beforeRun = (out: string) => ['run', threeDays, '--reps', '1', '--workers', '1', '--warmup', 'auto', '--out', out];
const refusedBeforeRun = (r: { status: number | null; stderr: string }, line: string) =>
  expect([r.status, r.stderr.split('\n')]).toEqual([1, [expect.stringMatching(/^Estimate: about /), `jitsim: ${line}`, '']]);
const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.jitsim-tmp-'));

beforeAll(() => {
  expect(jitsim(args(1, oldSet)).status).toBe(0);
  expect(jitsim(args(2, newSet)).status).toBe(0);
  expect(readdirSync(oldSet).sort()).toEqual(RUN_SET);
}, 60_000);

/** Runs seed 2 over a copy of the old set, killing it `delay` ms after its write phase begins. */
async function killedRun(trial: string, delay: number): Promise<string> {
  const parent = join(root, trial), out = join(parent, 'out');
  mkdirSync(parent);
  cpSync(oldSet, out, { recursive: true });
  const child = spawn(process.execPath, [bin, ...args(2, out)], { env: { ...process.env, JITSIM_TEST_PAUSE_MS: String(PAUSE_MS) } });
  const exited = new Promise((done) => child.on('exit', done));
  // The first file written (an empty temporary is the check before the run, made and removed at once).
  const begun = () => temporaries(parent).some((t) => {
    try { return readdirSync(join(parent, t)).length > 0; } catch { return false; }
  });
  while (!begun() && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
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

  it('a folder the command may not write (EACCES, for real): the path and why before the run, the earlier set untouched, no temporary', () => {
    const locked = join(root, 'locked'), out = join(locked, 'out'), nested = join(locked, 'new', 'out');
    mkdirSync(locked);
    cpSync(oldSet, out, { recursive: true });
    chmodSync(locked, 0o555);
    for (const [dir, kept] of [[out, 'the files already there are kept'], [nested, 'no folder made']]) {
      refusedBeforeRun(withoutOverride(beforeRun(dir)), `--out ${dir}: cannot write ${dir}: no permission to write there; nothing written, ${kept}`);
    }
    expect(readdirSync(locked)).toEqual(['out']);
    expect(read(out)).toEqual(read(oldSet));
  });

  // A read-only file system cannot be had on every machine: mounting one needs CAP_SYS_ADMIN or a
  // user namespace, which Docker's default seccomp profile and Ubuntu's AppArmor refuse. ENOTDIR and
  // EEXIST at --out are refused before the write (the next test, for real); in the write phase they
  // come from a path changed under the command, which no test can time. So the first file is failed with
  // each code (JITSIM_TEST_FS_ERROR), and the command runs whole around it.
  it('a read-only file system, and a path changed under the write (injected): the reason in words, the earlier set whole', () => {
    const parent = join(root, 'injected');
    mkdirSync(parent);
    const reasons = { EROFS: 'the file system is read-only', ENOTDIR: 'part of the path is a file, not a folder', EEXIST: 'a file exists there' };
    for (const [code, reason] of Object.entries(reasons)) {
      const out = join(parent, code);
      cpSync(oldSet, out, { recursive: true });
      const r = jitsim(args(2, out, threeDays), { JITSIM_TEST_FS_ERROR: code });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^jitsim: --out ${out}: cannot write ${out}/[\\w.-]+: ${reason}; nothing written, the files already there are kept\n$`));
      expect(read(out)).toEqual(read(oldSet));
    }
    expect(readdirSync(parent).sort()).toEqual(Object.keys(reasons).sort());
  });

  it('refuses a kernel file system, a file (EEXIST) and a path through a file (ENOTDIR) before the run, naming the path', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const cases = [['/proc/self/out', 'not a regular folder (a kernel file system)'], [file, 'a file exists there, not a folder'], [join(file, 'x'), `${file} is a file, not a folder`]];
    const results = await Promise.all(cases.map(([out]) => jitsimAsync(beforeRun(out))));
    results.forEach((r, k) => refusedBeforeRun(r, `--out ${cases[k][0]}: ${cases[k][1]}`));
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('sweep, plan stocking, plan staffing and compare refuse a file in the way before their runs, as run does', async () => {
    const file = join(root, 'in-the-way');
    writeFileSync(file, 'x');
    writeFileSync(join(root, 'grid.yaml'), `scenario: ${threeDays}\nreplications: 1\nseed: 1\ngrid:\n  sellers.classes.small.pauseListingWhenOut: [false, true]\n`);
    // Their runs on a Redis queue nobody serves would fail, saying "cannot reach Redis", before any write.
    const nowhere = ['--backend', 'redis://127.0.0.1:1', '-q', '--out', file];
    const [compare, ...results] = await Promise.all([
      ['compare', threeDays, threeDays, ...beforeRun(file).slice(2)],
      ['sweep', join(root, 'grid.yaml'), ...nowhere], ['plan', 'stocking', threeDays, ...nowhere], ['plan', 'staffing', threeDays, ...nowhere],
    ].map(jitsimAsync));
    refusedBeforeRun(compare, `--out ${file}: a file exists there, not a folder`);
    for (const r of results) expect([r.status, r.stderr]).toEqual([1, `jitsim: --out ${file}: a file exists there, not a folder\n`]);
  });

  it('the check before a run makes nothing: --out and its missing parents are made only by the write', () => {
    const out = join(root, 'to-be', 'made', 'out');
    checkOut(out, RUN_SET);
    expect(existsSync(join(root, 'to-be'))).toBe(false);
    expect(temporaries(root)).toEqual([]);
    // A folder of the user's is checked inside (where its set would be made), and left as it was.
    const mine = join(root, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'mine');
    checkOut(mine, RUN_SET);
    expect(read(mine)).toEqual({ 'notes.txt': 'mine' });
  });
});

describe('links at --out', () => {
  /** The links in `dir` and where each points, to show they are kept as they were. */
  const links = (dir: string) => readdirSync(dir).filter((f) => lstatSync(join(dir, f)).isSymbolicLink()).map((f) => [f, readlinkSync(join(dir, f))]);

  it('a link to a folder, and links on the way to it: the new set lands in the folder linked to, the links stay, no temporary', () => {
    const dir = join(root, 'linked'), target = join(dir, 'target'), between = join(dir, 'between');
    cpSync(oldSet, target, { recursive: true });
    mkdirSync(between);
    symlinkSync('target', join(dir, 'out'));
    symlinkSync('between', join(dir, 'via'));
    symlinkSync('../target', join(between, 'inner'));  // relative to the folder the link is in
    const first = jitsim(args(2, join(dir, 'out'), threeDays));
    expect([first.status, first.stderr]).toEqual([0, '']);
    const written = read(target);
    expect(Object.keys(written)).toEqual(RUN_SET);
    expect(written['summary.json']).not.toBe(read(oldSet)['summary.json']);
    // --out dir/via/inner: a link reached through a link.
    const second = jitsim(args(3, join(dir, 'via', 'inner'), threeDays));
    expect([second.status, second.stderr]).toEqual([0, '']);
    expect(Object.keys(read(target))).toEqual(RUN_SET);
    expect(read(target)['summary.json']).not.toBe(written['summary.json']);
    expect(readdirSync(dir).sort()).toEqual(['between', 'out', 'target', 'via']);
    expect(links(dir)).toEqual([['out', 'target'], ['via', 'between']]);
    expect(readdirSync(between)).toEqual(['inner']);
    expect(links(between)).toEqual([['inner', '../target']]);
  });

  it('refuses a broken link, on --out or on the way to it, and a loop of links, before the run, naming the link and the missing path; nothing made', async () => {
    const dir = join(root, 'broken-links');
    mkdirSync(dir);
    symlinkSync('missing', join(dir, 'broken'));
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const cases = [
      [join(dir, 'broken'), `is a link to ${join(dir, 'missing')}, which does not exist`],
      [join(dir, 'broken', 'out'), `${join(dir, 'broken')} is a link to ${join(dir, 'missing')}, which does not exist`],
      [join(dir, 'a'), 'is a link in a loop of links, which never reaches a folder'],
    ];
    const results = await Promise.all(cases.map(([out]) => jitsimAsync(beforeRun(out))));
    results.forEach((r, k) => refusedBeforeRun(r, `--out ${cases[k][0]}: ${cases[k][1]}`));
    expect(readdirSync(dir).sort()).toEqual(['a', 'b', 'broken']);
    expect(links(dir)).toEqual([['a', 'b'], ['b', 'a'], ['broken', 'missing']]);
  }, 30_000);

  it('plan staffing through a link to a folder elsewhere: roster.yaml extends the scenario from the real folder and the link alike', () => {
    const dir = join(root, 'roster'), target = join(dir, 'deep', 'er', 'target'), out = join(dir, 'out');
    mkdirSync(target, { recursive: true });
    symlinkSync('deep/er/target', out);
    const r = jitsim(['plan', 'staffing', threeDays, '--reps', '2', '--validate-reps', '0', '--workers', '1', '-q', '--out', out]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    // From out/, `../three-days.yaml` is the scenario; from deep/er/target/, it is nothing.
    expect(readFileSync(join(target, 'roster.yaml'), 'utf8')).toContain(`\nextends: ${threeDays}\n`);
    for (const roster of [join(target, 'roster.yaml'), join(out, 'roster.yaml')]) {
      expect(readScenarioFile(roster).warehouse.qc.staff.overrides.length, roster).toBeGreaterThan(0);
    }
  });
});

describe('a mount point at --out (a Docker volume, a tmpfs)', () => {
  it('is told by its device: /proc is one, a folder in this test\'s is not', () => {
    expect(mountPoint('/proc')).toBe(true);
    expect(mountPoint(root)).toBe(false);
  });

  // Mounting needs CAP_SYS_ADMIN, which a container may lack: there the test above stands alone.
  it('a tmpfs and a bind mount holding an earlier set: the new set moved in file by file, the earlier set\'s extra file gone, no temporary', async () => {
    const dir = join(root, 'mounts'), tmpfs = join(dir, 'tmpfs'), bound = join(dir, 'bound'), source = join(dir, 'source');
    for (const d of [tmpfs, bound, source]) mkdirSync(d, { recursive: true });
    const mount = (a: string[]) => spawnSync('mount', a, { encoding: 'utf8' });
    const tmpfsMounted = mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tmpfs]);
    if (tmpfsMounted.status !== 0) {
      expect(tmpfsMounted.stderr).toMatch(/permission denied|not permitted|must be superuser|only root/i);
      return;
    }
    try {
      expect(mount(['--bind', source, bound]).status).toBe(0);
      // The tmpfs is told by its device; the bind mount, on its folder's device, by the rename refused (EBUSY).
      expect([mountPoint(tmpfs), mountPoint(bound)]).toEqual([true, false]);
      for (const d of [tmpfs, bound]) {
        cpSync(oldSet, d, { recursive: true });
        writeFileSync(join(d, 'kpis-window.csv'), 'earlier');
      }
      const results = await Promise.all([tmpfs, bound].map((d) => jitsimAsync(args(2, d, threeDays))));
      [tmpfs, bound].forEach((d, k) => {
        expect([results[k].status, results[k].stderr], d).toEqual([0, '']);
        expect(readdirSync(d).sort()).toEqual(RUN_SET);
        expect(read(d)['summary.json']).not.toBe(read(oldSet)['summary.json']);
      });
      expect(readdirSync(dir).sort()).toEqual(['bound', 'source', 'tmpfs']);
    } finally {
      for (const d of [bound, tmpfs]) spawnSync('umount', [d]);
    }
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
