// `jitsim worker --redis URL`: takes replications off the Redis queue (redis-runner.ts), runs each
// in a worker thread (the main thread stays free to renew the job's lock) and stores its result
// under the job's name. A worker killed mid-job loses its lock; another one takes the job again.
import { deserialize, serialize } from 'node:v8';
import { UnrecoverableError, Worker, type Job as QueueJob } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { ScenarioError, validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { replicationThread, type ReplicationThread } from '../worker/pool.ts';
import { KEEP_SECONDS, queueName, redisOptions, resultKey, scenarioKey, shownUrl, tablesKey } from './connection.ts';
import { codeFingerprint, jobId } from './job-key.ts';
import type { JobData } from './redis-runner.ts';
import { encodeResult } from './result-codec.ts';

export interface ServeOptions {
  concurrency: number;
  /** A job whose worker is silent this long goes back on the queue (BullMQ's lock and stall check). */
  stallSeconds: number;
  /** Stops taking jobs; running ones are dropped (their locks lapse and others take them). */
  signal: AbortSignal;
  /** One line per event worth a log: started, Redis lost or back, a job failed or stalled. */
  log: (line: string) => void;
  /** Also a line per job taken and run. */
  perJob: boolean;
}

const jobData = z.strictObject({
  scenario: z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected a scenario hash (32 hex digits)' }),
  seed: z.int().min(0),
  replication: z.int().min(0),
  warmUpHours: z.number().min(0).nullable(),
  recordInflow: z.boolean(),
  keep: z.enum(['kpis', 'all']),
});

/** Serves the queue at `url` until the signal; resolves to the count of replications run. */
export async function serveJobs(url: string, options: ServeOptions): Promise<{ ran: number; failed: number }> {
  const connection = { ...(redisOptions(url) as RedisOptions), maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 250, 2000) };
  const shown = shownUrl(url);
  const code = codeFingerprint();
  const client = new Redis({ ...connection, lazyConnect: true });
  let redisDown = false;
  client.on('error', (err) => {
    if (!redisDown) options.log(`lost Redis at ${shown} (${err.message}); retrying`);
    redisDown = true;
  });
  client.on('ready', () => {
    if (redisDown) options.log(`Redis at ${shown} is back`);
    redisDown = false;
  });
  await client.connect().catch(() => {}); // keeps retrying in the background; jobs wait for it

  const threads = new Set<ReplicationThread>(), idle: ReplicationThread[] = [];
  const newThread = () => { const t = replicationThread(); threads.add(t); return t; };
  for (let i = 0; i < options.concurrency; i++) idle.push(newThread());
  const scenarios = new Map<string, Scenario>();
  let ran = 0, failed = 0;

  const scenarioOf = async (hash: string): Promise<Scenario> => {
    const known = scenarios.get(hash);
    if (known) return known;
    const text = await client.get(scenarioKey(hash));
    if (text === null) throw new UnrecoverableError(`its scenario ${hash} is not in Redis (expired, or never stored)`);
    let scenario: Scenario;
    try {
      scenario = validateScenario(JSON.parse(text), `scenario ${hash}`);
      const tables = await client.getBuffer(tablesKey(hash));
      if (tables !== null) scenario = { ...scenario, tables: deserialize(tables) as Scenario['tables'] };
    } catch (err) {
      throw new UnrecoverableError(err instanceof ScenarioError || err instanceof SyntaxError ? `its scenario ${hash} is not valid: ${err.message}` : String(err));
    }
    if (scenarios.size >= 64) scenarios.delete(scenarios.keys().next().value!);
    scenarios.set(hash, scenario);
    return scenario;
  };

  const runJob = async (job: QueueJob): Promise<{ bytes: number; reused?: boolean }> => {
    const parsed = jobData.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`malformed job: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ')}`);
    }
    const data: JobData = parsed.data;
    if (job.id !== jobId({ code, ...data })) throw new UnrecoverableError('malformed job: its id is not the name of its data for this code');
    const key = resultKey(job.id);
    if ((await client.exists(key)) === 1) return { bytes: 0, reused: true }; // stored by an earlier run of the same job
    const scenario = await scenarioOf(data.scenario);
    const thread = idle.pop() ?? newThread();
    let result;
    try {
      result = await thread.run({ scenario, seed: data.seed, replication: data.replication, recordInflow: data.recordInflow }, undefined, data.warmUpHours ?? undefined);
      idle.push(thread);
    } catch (err) {
      thread.close(); // a thread that threw may be broken: start afresh next time
      threads.delete(thread);
      throw err;
    }
    const bytes = encodeResult(result, data.keep);
    await client.set(key, bytes, 'EX', KEEP_SECONDS);
    ran++;
    return { bytes: bytes.length };
  };

  const worker = new Worker(queueName(), runJob, {
    connection, concurrency: options.concurrency, autorun: false,
    lockDuration: options.stallSeconds * 1000, stalledInterval: options.stallSeconds * 1000, maxStalledCount: 2,
  });
  worker.on('error', () => {}); // the client above reports Redis going and coming back
  if (options.perJob) worker.on('active', (job) => options.log(`took ${job.id} (replication ${job.data?.replication})`));
  if (options.perJob) worker.on('completed', (job, value: { bytes: number; reused?: boolean }) => options.log(value.reused ? `${job.id}: already stored, not run again` : `ran ${job.id} (replication ${job.data.replication}, ${value.bytes} bytes stored)`));
  worker.on('failed', (job, err) => {
    failed++;
    options.log(`failed ${job?.id ?? '(a job)'}: ${err.message}${err instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1)) ? '' : ' (will be tried again)'}`);
  });
  worker.on('stalled', (id) => options.log(`${id} stalled (its worker went silent): back on the queue`));

  options.log(`jitsim worker: code ${code}, ${options.concurrency} thread${options.concurrency === 1 ? '' : 's'}, queue ${queueName()} on ${shown}`);
  const running = worker.run();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([worker.close(true), new Promise((r) => setTimeout(r, 2000))]);
  await Promise.race([running, new Promise((r) => setTimeout(r, 500))]);
  for (const t of threads) t.close();
  client.disconnect();
  void worker.disconnect();
  return { ran, failed };
}
