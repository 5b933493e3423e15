// Sweeps on the Redis queue, end to end with real processes: a private redis-server, `jitsim worker`
// processes and `jitsim sweep --backend redis://…`. The same results as the local pool, byte for
// byte, through a worker killed mid-job, a re-submission, Ctrl-C and a resume, and Redis stopping.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { parseSweep, pointScenario, sweepPoints } from '../src/experiment/sweep.ts';
import { queueName } from '../src/queue/connection.ts';
import { codeFingerprint, jobId, scenarioHash } from '../src/queue/job-key.ts';
import { startRedis, type RedisServer } from './helpers/redis-server.ts';
import { writeSmallPeak } from './helpers/small-peak.ts';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const scenarios = new URL('../scenarios/', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'jitsim-redis-test-'));

// 2 grid points x 4 replications of one small seller: 8 jobs of about 0.3 s each.
const dir = tmp();
const sweepFile = join(dir, 'sweep.yaml');
writeFileSync(sweepFile, `scenario: ${scenarios}small-seller.yaml\nreplications: 4\nseed: 7\ngrid:\n  sellers.classes.small.stocking.cycleServiceLevel: [0.9, 0.99]\n`);
const JOBS = 8;

interface Proc { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> }

function start(args: string[]): Proc {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  return { child, out: () => out, err: () => err, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function until(what: string, test: () => boolean, seconds = 60): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > seconds * 1000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern, 'g')) ?? []).length;
const worker = (redis: RedisServer) => start(['worker', '--redis', redis.url, '--concurrency', '1', '--stall-seconds', '2']);
const sweep = (backend: string, out: string) => start(['sweep', sweepFile, '--backend', backend, '--out', out, '-q', '--json']);
const csv = (out: string) => readFileSync(join(out, 'sweep.csv'), 'utf8');
const doc = (out: string) => JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { completed: number; reused: number; queued: number; results: unknown[] };

async function stopAll(...procs: Proc[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exit));
}

let local: string;
beforeAll(async () => {
  const out = join(tmp(), 'local');
  const run = start(['sweep', sweepFile, '--out', out, '-q', '--workers', '2']);
  expect(await run.exit).toBe(0);
  local = csv(out);
}, 60_000);

describe('jitsim sweep --backend redis://', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await startRedis(); });
  afterAll(async () => { await redis?.stop(); });

  it('gives the local pool\'s results byte for byte with one worker and with two; a malformed job is reported and skipped', async () => {
    const one = worker(redis);
    const out1 = join(tmp(), 'one');
    const run1 = sweep(redis.url, out1);
    expect(await run1.exit).toBe(0);
    expect(csv(out1)).toBe(local);
    expect(doc(out1)).toMatchObject({ completed: JOBS, reused: 0, queued: JOBS });
    expect(count(one.err(), /\bran rep-/)).toBe(JOBS);

    // A job no submitter of ours would write: the worker says so and takes the next one.
    const queue = new Queue(queueName(), { connection: { host: '127.0.0.1', port: redis.port } });
    await queue.add('replication', { scenario: 'not-a-hash', seed: -1 }, { jobId: 'rep-malformed' });
    await queue.close();
    await until('the malformed job to be reported', () => /failed rep-malformed: malformed job: scenario: expected a scenario hash/.test(one.err()));

    // Two worker processes on a fresh server state: both take jobs, the results do not move.
    await new Promise<void>((resolve) => { const c = spawn('redis-cli', ['-p', String(redis.port), 'flushall']); c.once('exit', () => resolve()); });
    const two = worker(redis);
    const out2 = join(tmp(), 'two');
    const run2 = sweep(redis.url, out2);
    expect(await run2.exit).toBe(0);
    expect(csv(out2)).toBe(local);
    const [a, b] = [count(one.err(), /\bran rep-/) - JOBS, count(two.err(), /\bran rep-/)];
    expect(a + b).toBe(JOBS);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    await stopAll(one, two);
    expect(one.err()).toContain(`jitsim worker: stopped; ${JOBS + a} replications run, 1 failed`);
  }, 120_000);

  it('a worker killed mid-job has its job taken by another; the sweep finishes with the same results; re-submitted, it runs nothing', async () => {
    await new Promise<void>((resolve) => { const c = spawn('redis-cli', ['-p', String(redis.port), 'flushall']); c.once('exit', () => resolve()); });
    const doomed = worker(redis), survivor = worker(redis);
    await until('both workers to start', () => /jitsim worker: code/.test(doomed.err()) && /jitsim worker: code/.test(survivor.err()));
    const out = join(tmp(), 'killed');
    const run = sweep(redis.url, out);
    await until('the first worker to take a job', () => /took rep-/.test(doomed.err()));
    doomed.child.kill('SIGKILL');
    expect(await run.exit).toBe(0);
    expect(csv(out)).toBe(local);
    // The job the dead worker held came back on the queue through the stall check.
    expect(survivor.err()).toMatch(/stalled \(its worker went silent\): back on the queue/);
    const ran = count(survivor.err(), /\bran rep-/);

    const again = join(tmp(), 'again');
    const rerun = sweep(redis.url, again);
    expect(await rerun.exit).toBe(0);
    expect(csv(again)).toBe(local);
    expect(doc(again)).toMatchObject({ completed: JOBS, reused: JOBS, queued: 0 });
    expect(count(survivor.err(), /\bran rep-/)).toBe(ran);
    await stopAll(doomed, survivor);
  }, 120_000);

  it('a sweep stopped half-way (Ctrl-C) and started again finishes with the same results, no replication run twice', async () => {
    await new Promise<void>((resolve) => { const c = spawn('redis-cli', ['-p', String(redis.port), 'flushall']); c.once('exit', () => resolve()); });
    const w = worker(redis);
    const half = join(tmp(), 'half');
    const run = sweep(redis.url, half);
    await until('three replications', () => count(w.err(), /\bran rep-/) >= 3);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const partial = doc(half);
    expect(partial.completed).toBeGreaterThanOrEqual(2);
    expect(partial.completed).toBeLessThan(JOBS);

    const rest = join(tmp(), 'rest');
    const resumed = sweep(redis.url, rest);
    expect(await resumed.exit).toBe(0);
    expect(csv(rest)).toBe(local);
    expect(doc(rest).reused).toBeGreaterThanOrEqual(partial.completed);
    await stopAll(w);
    expect(count(w.err(), /\bran rep-/)).toBe(JOBS);
  }, 120_000);

  it('a job left failed by an earlier run is tried afresh when the sweep is submitted again', async () => {
    await new Promise<void>((resolve) => { const c = spawn('redis-cli', ['-p', String(redis.port), 'flushall']); c.once('exit', () => resolve()); });
    const w = worker(redis);
    // The sweep's first job, put on the queue before its scenario is stored: the worker fails it for good.
    const sweepDoc = parseSweep(readFileSync(sweepFile, 'utf8'), sweepFile);
    const first = pointScenario(readScenarioFile(`${scenarios}small-seller.yaml`), sweepPoints(sweepDoc)[0], sweepFile);
    const data = { scenario: scenarioHash(first), seed: 7, replication: 0, warmUpHours: null, recordInflow: false, keep: 'kpis' as const };
    const id = jobId({ code: codeFingerprint(), ...data });
    const queue = new Queue(queueName(), { connection: { host: '127.0.0.1', port: redis.port } });
    await queue.add('replication', data, { jobId: id });
    await until('the job to fail', () => w.err().includes(`failed ${id}: its scenario ${data.scenario} is not in Redis`));
    expect(await queue.getJobState(id)).toBe('failed');
    await queue.close();

    const out = join(tmp(), 'retried');
    const run = sweep(redis.url, out);
    expect(await run.exit).toBe(0);
    expect(csv(out)).toBe(local);
    expect(doc(out)).toMatchObject({ completed: JOBS, reused: 0, queued: JOBS });
    await stopAll(w);
    expect(count(w.err(), /\bran rep-/)).toBe(JOBS);
  }, 60_000);

  it('the planners run on the same backend and plan what they plan locally', async () => {
    const w = start(['worker', '--redis', redis.url, '--concurrency', '2']);
    const at = tmp();
    const peak = writeSmallPeak(at);
    const seller = join(at, 'seller.yaml');
    writeFileSync(seller, `extends: ${scenarios}small-seller.yaml\nseason: { start: 2022-11-24, end: 2022-11-30 }\n`);
    const plans = [
      ['staffing', peak, '--validate-reps', '2', 'staffing-plan.csv'],
      ['stocking', seller, 'stocking-plan.csv'],
    ];
    for (const [kind, file, ...rest] of plans) {
      const csvName = rest.pop()!;
      const [here, there] = [join(at, `${kind}-local`), join(at, `${kind}-redis`)];
      const runs = [start(['plan', kind, file, '--reps', '2', ...rest, '-q', '--out', here]), start(['plan', kind, file, '--reps', '2', ...rest, '-q', '--out', there, '--backend', redis.url])];
      expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0]);
      expect(readFileSync(join(there, csvName), 'utf8')).toBe(readFileSync(join(here, csvName), 'utf8'));
    }
    await stopAll(w);
    expect(count(w.err(), /\bran rep-/)).toBe(2 + 2 + 120); // staffing: 2 recorded, 2 validating; stocking: 60 variants x 2
  }, 120_000);
});

describe('Redis stopped mid-sweep', () => {
  it('the sweep says so and exits 1, keeping what finished; with Redis back, it resumes to the same results', async () => {
    let redis = await startRedis();
    const w = worker(redis);
    const out = join(tmp(), 'lost');
    const run = sweep(redis.url, out);
    await until('two replications', () => count(w.err(), /\bran rep-/) >= 2);
    await redis.stop();
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(new RegExp(`lost Redis at ${redis.url.replace(/[.]/g, '\\.')}.*replications finished and are kept; run the same command again, with Redis back, to resume`));
    const kept = doc(out);
    expect(kept.completed).toBeLessThan(JOBS);
    await until('the worker to notice', () => /lost Redis at/.test(w.err()));

    redis = await startRedis({ port: redis.port, dir: redis.dir });
    await until('the worker to reconnect', () => /is back/.test(w.err()), 30);
    const again = join(tmp(), 'back');
    const resumed = sweep(redis.url, again);
    expect(await resumed.exit).toBe(0);
    expect(csv(again)).toBe(local);
    expect(doc(again).reused).toBeGreaterThanOrEqual(2);
    await stopAll(w);
    await redis.stop();
  }, 120_000);
});
