// Jobs on a Redis queue (`--backend redis://HOST:PORT`, docs/results.md, "Sweeps on many machines"):
// one BullMQ job per replication, named by what its result depends on (job-key.ts). Results already
// stored are reused, the rest are queued for `jitsim worker`s and handed over as they arrive. Ctrl-C
// withdraws the jobs not started; losing Redis stops with what finished; running again resumes.
import type { Scenario } from '../scenario/types.ts';
import { deserialize, serialize } from 'node:v8';
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Job, JobRunner, JobsOutcome } from '../worker/pool.ts';
import { KEEP_SECONDS, queueName, redisOptions, resultKey, scenarioKey, shownUrl, tablesKey } from './connection.ts';
import { codeFingerprint, jobId, scenarioHash } from './job-key.ts';
import { decodeResult } from './result-codec.ts';

/** What a queued job carries: names, not the scenario itself (stored once under its hash). */
export interface JobData {
  scenario: string;
  seed: number;
  replication: number;
  warmUpHours: number | null;
  recordInflow: boolean;
  keep: 'kpis' | 'all';
}

/** Commands in one round trip, at most this many. */
const CHUNK = 1000;
/** A connection that cannot be re-established for this long counts as lost. */
const GIVE_UP_MS = 5000;
/** How often stored results are looked for, in case a completion event was missed. */
const POLL_MS = 2000;

const JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 }, attempts: 2 };

/** A connection to `url` that gives up (and says so) rather than retrying forever. */
function impatientRedis(url: string): Redis {
  return new Redis({
    ...(redisOptions(url) as RedisOptions), lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0,
    connectTimeout: GIVE_UP_MS, retryStrategy: (times) => (times * 250 > GIVE_UP_MS ? null : 250),
  });
}

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** Runs jobs through the Redis queue at `url`; `notify` gets one-line notes (no worker listening, jobs reused). */
export function redisJobs(url: string, notify: (line: string) => void): JobRunner {
  return async (jobs, options): Promise<JobsOutcome> => {
    const shown = shownUrl(url);
    const keep = options.keep ?? 'all';
    const code = codeFingerprint();
    let completed = 0, reused = 0, queued = 0, interrupted = false;
    let failure: string | undefined;
    const outcome = () => ({ completed, interrupted: interrupted || failure !== undefined, failure, reused, queued });

    const client = impatientRedis(url);
    let lastError = '';
    client.on('error', (err: Error) => { lastError = err.message; });
    try {
      await client.connect();
    } catch (err) {
      client.disconnect();
      failure = `cannot reach Redis at ${shown}: ${lastError || (err as Error).message}`;
      return outcome();
    }

    // Name every job; jobs with equal names (a sweep listing a value twice) share one run.
    const hashes = new Map<object, string>(), scenarios = new Map<string, Scenario>();
    const data = new Map<string, JobData>(), indices = new Map<string, number[]>();
    jobs.forEach((job: Job, i) => {
      let hash = hashes.get(job.scenario);
      if (hash === undefined) {
        hash = scenarioHash(job.scenario);
        hashes.set(job.scenario, hash);
        scenarios.set(hash, job.scenario);
      }
      const d: JobData = { scenario: hash, seed: job.seed, replication: job.replication, warmUpHours: options.warmUpHours ?? null, recordInflow: job.recordInflow === true, keep };
      const id = jobId({ code, ...d });
      data.set(id, d);
      indices.set(id, [...(indices.get(id) ?? []), i]);
    });
    const pending = new Set(indices.keys());

    let wake = () => {};
    const settled = new Promise<void>((resolve) => { wake = resolve; });
    const stop = (why?: string) => {
      if (why !== undefined && failure === undefined && pending.size > 0) failure = why;
      wake();
    };
    client.on('end', () => stop(`lost Redis at ${shown} (it stopped answering)`));
    const abort = () => { interrupted = true; wake(); };
    options.signal?.addEventListener('abort', abort, { once: true });

    /** Hands over the stored results of these ids; those not stored yet stay pending. */
    const collect = async (ids: string[]) => {
      for (const part of chunks(ids)) {
        const got = await client.pipeline(part.map((id) => ['getBuffer', resultKey(id)])).exec();
        part.forEach((id, k) => {
          const bytes = got?.[k]?.[1] as Buffer | null | undefined;
          if (interrupted || !bytes || !pending.delete(id)) return;
          for (const i of indices.get(id)!) {
            completed++;
            (options.onResult as (i: number, r: unknown) => void)(i, decodeResult(bytes));
          }
        });
      }
      if (pending.size === 0) wake();
    };

    let queue: Queue | undefined, events: QueueEvents | undefined, poll: ReturnType<typeof setInterval> | undefined;
    try {
      const store = client.pipeline();
      for (const [hash, { tables, ...scenario }] of scenarios) {
        store.set(scenarioKey(hash), JSON.stringify(scenario), 'EX', KEEP_SECONDS);
        // Data tables keep their typed arrays: V8's serialiser, beside the scenario's JSON.
        if (tables) store.set(tablesKey(hash), serialize(tables), 'EX', KEEP_SECONDS);
      }
      await store.exec();
      const before = pending.size;
      await collect([...pending]);
      reused = before - pending.size;
      if (reused > 0) notify(`${reused} of ${before} replications already stored in Redis: reused, not run again`);

      if (pending.size > 0 && !interrupted) {
        const connection = { ...(redisOptions(url) as RedisOptions), retryStrategy: (times: number) => Math.min(times * 250, 2000) };
        queue = new Queue(queueName(), { connection });
        events = new QueueEvents(queueName(), { connection });
        queue.on('error', () => {});
        events.on('error', () => {});
        await events.waitUntilReady();
        events.on('completed', ({ jobId }) => { if (pending.has(jobId)) collect([jobId]).catch((err) => stop(`lost Redis at ${shown}: ${(err as Error).message}`)); });
        events.on('failed', ({ jobId, failedReason }) => {
          if (!pending.has(jobId)) return;
          queue!.getJobState(jobId).then((state) => { if (state === 'failed') stop(`a replication failed on a worker (job ${jobId}): ${failedReason}`); }, () => {});
        });
        queued = await enqueue(client, queue, [...pending], data);
        // The backstop for missed completion events, and for jobs lost with a Redis that restarted
        // empty: a rolling batch of the pending ids each tick, so a sweep of a million costs the
        // same per tick as one of a thousand.
        let ticks = 0, warned = false, rolling: string[] = [];
        poll = setInterval(() => {
          ticks++;
          if (rolling.length === 0) rolling = [...pending];
          const batch = rolling.splice(0, CHUNK).filter((id) => pending.has(id));
          const checks: Promise<unknown>[] = [collect(batch)];
          if (ticks % 10 === 0) checks.push(enqueue(client, queue!, batch, data, (why) => stop(why)).then((n) => { queued += n; }));
          if (!warned && (ticks === 2 || ticks % 15 === 0)) {
            checks.push(queue!.getWorkersCount().then((n) => {
              if (n > 0 || pending.size === 0) return;
              warned = true;
              notify(`waiting: no jitsim worker with this code (${code}) is connected to ${shown}; start one with: jitsim worker --redis ${shown}`);
            }));
          }
          Promise.all(checks).catch((err) => stop(`lost Redis at ${shown}: ${(err as Error).message}`));
        }, POLL_MS);
        if (pending.size > 0) await settled;
      }
      if (interrupted && queue) await withdraw(queue, [...pending]);
    } catch (err) {
      failure ??= `lost Redis at ${shown}: ${(err as Error).message}`;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      if (poll) clearInterval(poll);
      // close() ends BullMQ's loops (disconnect() alone leaves them holding the process open);
      // it waits on Redis, so with Redis gone it gets a second, then the sockets are cut.
      await Promise.race([Promise.allSettled([events?.close(), queue?.close()]), new Promise((r) => setTimeout(r, 1000))]);
      void events?.disconnect();
      void queue?.disconnect();
      client.disconnect();
    }
    if (failure) failure += `; ${completed} of ${jobs.length} replications finished and are kept; run the same command again, with Redis back, to resume`;
    return outcome();
  };
}

/**
 * Puts on the queue the ids not already there: a job left failed by an earlier run is taken off
 * and put back (tried afresh); waiting and running ones are left alone. `onFailed` is told of a
 * job that failed in this run (its attempts used up), if given. Resolves to the jobs added.
 */
async function enqueue(client: Redis, queue: Queue, ids: string[], data: Map<string, JobData>, onFailed?: (why: string) => void): Promise<number> {
  let added = 0;
  for (const part of chunks(ids)) {
    // Most ids of a fresh sweep name no job yet: one round trip finds which do (their hash key).
    const known = await client.pipeline(part.map((id) => ['exists', queue.toKey(id)])).exec();
    const states = await Promise.all(part.map((id, k) => (known?.[k]?.[1] === 1 ? queue.getJobState(id) : 'unknown')));
    const fresh: string[] = [];
    for (let k = 0; k < part.length; k++) {
      if (states[k] === 'unknown') fresh.push(part[k]);
      else if (states[k] === 'failed' || states[k] === 'completed') {
        if (onFailed && states[k] === 'failed') {
          const job = await queue.getJob(part[k]);
          onFailed(`a replication failed on a worker (job ${part[k]}): ${job?.failedReason ?? 'no reason given'}`);
          return added;
        }
        await queue.remove(part[k]);
        fresh.push(part[k]);
      }
    }
    if (fresh.length > 0) await queue.addBulk(fresh.map((id) => ({ name: 'replication', data: data.get(id)!, opts: { ...JOB_OPTIONS, jobId: id } })));
    added += fresh.length;
  }
  return added;
}

/** Takes this run's jobs not started off the queue (Ctrl-C); running ones finish and are stored. */
async function withdraw(queue: Queue, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await Promise.allSettled(part.map(async (id) => {
      if ((await queue.getJobState(id)) !== 'active') await queue.remove(id);
    }));
  }
}
