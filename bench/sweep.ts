// Sweeps on the Redis queue against the local pool, in one session: replications per second with
// 1 and 2 worker threads (local) and 1 and 2 `jitsim worker` processes (Redis), each job a 1:20
// black-friday-2022 replication, rounds alternating; the queue's overhead per job, from many tiny jobs on one worker
// against one local thread, as a share of a default-scenario replication (targets: under 5%, and
// 2 workers at least 1.8x one). Checks every configuration gives the same KPIs. Starts its own
// redis-server. Writes bench/results/sweep.json. Usage: npm run bench:sweep [-- --jobs 12 --scale 20 --rounds 5 --tiny 200]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { Redis } from 'ioredis';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { redisJobs } from '../src/queue/redis-runner.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { replicationThread, runJobs, type Job, type JobRunner } from '../src/worker/pool.ts';
import { startRedis } from '../test/helpers/redis-server.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jobCount = Number(option('jobs', '12'));
const tinyCount = Number(option('tiny', '200'));
const rounds = Number(option('rounds', '5'));
const scale = Number(option('scale', '20'));

const platform = readScenarioFile(resolve(root, 'scenarios/black-friday-2022.yaml'));
const scaled = structuredClone(platform);
scaled.sellers.count = Math.round(scaled.sellers.count / scale);
scaled.demand.ordersPerDay /= scale;
const tiny = readScenarioFile(resolve(root, 'scenarios/small-seller.yaml'));
tiny.season = { ...tiny.season, start: '2022-11-20', end: '2022-11-26' };

const jobsOf = (scenario: Scenario, n: number): Job[] => Array.from({ length: n }, (_, i) => ({ scenario, seed: 1, replication: i }));

/** Wall seconds of `jobs` on `run`, and a checksum of their KPIs in job order. */
async function timed(run: JobRunner, jobs: Job[], workers?: number) {
  const kpis: Record<string, number>[] = [];
  const t0 = performance.now();
  const outcome = await run(jobs, { workers, keep: 'kpis', onResult: (i, r) => { kpis[i] = r.kpis; } });
  const seconds = (performance.now() - t0) / 1000;
  if (outcome.failure || outcome.completed !== jobs.length) throw new Error(`bench run stopped: ${outcome.failure ?? 'incomplete'}`);
  return { seconds, checksum: JSON.stringify(kpis) };
}

const redis = await startRedis();
const client = new Redis(redis.port, '127.0.0.1');
const workers: ChildProcess[] = [];
const startWorker = async () => {
  const child = spawn(process.execPath, [resolve(root, 'bin/jitsim.mjs'), 'worker', '--redis', redis.url, '--concurrency', '1', '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((ok) => child.stderr!.on('data', (d) => { if (String(d).includes('jitsim worker: code')) ok(); }));
  workers.push(child);
};
/** CPU seconds a process has used, all its threads (V8's GC helpers included); Linux /proc. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
};
const stopWorker = (child: ChildProcess) => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); });
const onQueue = redisJobs(redis.url, () => {});
/** The same jobs one after another on one warm thread: the work without any queue. */
const thread = replicationThread();
const oneWarmThread: JobRunner = async (jobs, options) => {
  for (let i = 0; i < jobs.length; i++) (options.onResult as (i: number, r: unknown) => void)(i, await thread.run(jobs[i]));
  return { completed: jobs.length, interrupted: false };
};
/** A run on the queue from a clean slate: no stored result to reuse. */
const fresh = async (jobs: Job[]) => { await client.flushall(); return timed(onQueue, jobs); };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  // Warm-up: module caches, the worker's thread, the disk.
  await startWorker();
  await timed(oneWarmThread, jobsOf(tiny, 4));
  await fresh(jobsOf(tiny, 4));

  // Rounds alternate the configurations, so a shared machine's drift hits all alike; medians.
  const work = jobsOf(scaled, jobCount);
  const seconds: Record<'local1' | 'local2' | 'redis1' | 'redis2' | 'tinyLocal' | 'tinyRedis', number[]> = { local1: [], local2: [], redis1: [], redis2: [], tinyLocal: [], tinyRedis: [] };
  const coresOneWorker: number[] = [];
  const checksums = new Set<string>(), tinyChecksums = new Set<string>();
  const note = (key: keyof typeof seconds, r: { seconds: number; checksum: string }, into = checksums) => { seconds[key].push(r.seconds); into.add(r.checksum); };
  for (let round = 0; round < rounds; round++) {
    note('tinyLocal', await timed(oneWarmThread, jobsOf(tiny, tinyCount)), tinyChecksums);
    note('tinyRedis', await fresh(jobsOf(tiny, tinyCount)), tinyChecksums);
    note('local1', await timed(runJobs, work, 1));
    note('local2', await timed(runJobs, work, 2));
    const cpuBefore = cpuSeconds(workers[0].pid!);
    note('redis1', await fresh(work));
    coresOneWorker.push((cpuSeconds(workers[0].pid!) - cpuBefore) / seconds.redis1[round]);
    await startWorker();
    await fresh(jobsOf(scaled, 4).map((j) => ({ ...j, replication: j.replication + 1000 }))); // warms the new worker's thread on the same work
    note('redis2', await fresh(work));
    await stopWorker(workers.pop()!); // the next round's one-worker runs are alone
    process.stderr.write(`round ${round + 1} of ${rounds}: ${Object.entries(seconds).map(([k, v]) => `${k} ${v[round].toFixed(2)} s`).join(', ')}\n`);
  }

  // One default-scenario replication, the yardstick of the overhead target.
  const defaultRun = await timed(runJobs, jobsOf(platform, 1), 1);

  const m = Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, median(v)])) as Record<keyof typeof seconds, number>;
  const overheadPerJob = (m.tinyRedis - m.tinyLocal) / tinyCount;
  const rate = (s: number) => +(jobCount / s).toFixed(3);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    job: `one replication of scenarios/black-friday-2022.yaml at 1:${scale} (${scaled.sellers.count} sellers)`,
    jobs: jobCount,
    rounds,
    note: 'medians over rounds; local starts its threads per command as jitsim does, the workers\' threads are warm',
    replicationsPerSecond: { localOneThread: rate(m.local1), localTwoThreads: rate(m.local2), redisOneWorker: rate(m.redis1), redisTwoWorkers: rate(m.redis2) },
    redisTwoWorkersOverOne: +(m.redis1 / m.redis2).toFixed(2),
    // One worker alone keeps more than one core busy (V8 collects garbage on helper threads, on
    // the idle core): on 2 cores, two workers can then gain at most 2 / this.
    coresBusyWithOneWorker: +median(coresOneWorker).toFixed(2),
    localTwoThreadsOverOne: +(m.local1 / m.local2).toFixed(2),
    redisOverLocalOneWorker: +(m.local1 / m.redis1).toFixed(3),
    redisOverLocalTwo: +(m.local2 / m.redis2).toFixed(3),
    secondsByRound: seconds,
    overhead: {
      tinyJob: `one replication of scenarios/small-seller.yaml over 7 days (${(m.tinyLocal / tinyCount * 1000).toFixed(1)} ms on a warm thread)`,
      tinyJobs: tinyCount,
      secondsOneWarmThread: +m.tinyLocal.toFixed(2),
      secondsRedisOneWorker: +m.tinyRedis.toFixed(2),
      perJobMs: +(overheadPerJob * 1000).toFixed(2),
      defaultReplicationSeconds: +defaultRun.seconds.toFixed(2),
      shareOfDefaultReplication: +(overheadPerJob / defaultRun.seconds).toFixed(5),
    },
    identicalResults: checksums.size === 1 && tinyChecksums.size === 1,
  };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/sweep.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  thread.close();
  for (const w of workers) w.kill('SIGTERM');
  client.disconnect();
  await redis.stop();
}
