// `jitsim worker --redis URL`: serves the Redis queue (src/queue/serve.ts) until Ctrl-C or SIGTERM,
// on as many machines as wanted; each takes replications, runs them and stores their results.
import type { Command } from 'commander';
import { Option } from 'commander';
import { redisUrl } from './backend.ts';
import { defaultWorkers } from '../worker/pool.ts';
import { wholeNumber, workerCount } from './flags.ts';

interface Flags { redis: string; concurrency?: number; stallSeconds: number; quiet?: boolean }

export function workerCommand(program: Command, state: { code: number; signal: AbortSignal; interruptNote?: string }): void {
  program.command('worker').description('take replications off a Redis queue and run them (for `--backend redis://…`)')
    .addOption(new Option('--redis <URL>', 'the Redis server of the queue, e.g. redis://127.0.0.1:6379').argParser(redisUrl).makeOptionMandatory())
    .addOption(new Option('-c, --concurrency <N>', `replications at once, one worker thread each (default: one per core, ${defaultWorkers()} here)`).argParser(workerCount()))
    .option('--stall-seconds <S>', 'a job whose worker is silent this long goes back on the queue', wholeNumber(1), 30)
    .option('-q, --quiet', 'no line per job, only start, failures, stalls and Redis lost or back')
    .action(async (flags: Flags) => {
      const { serveJobs } = await import('../queue/serve.ts');
      state.interruptNote = `stopping the worker: the jobs it runs go back on the queue after ${flags.stallSeconds} s`;
      // SIGTERM (a supervisor stopping the worker) stops it like Ctrl-C.
      const controller = new AbortController();
      const stop = () => controller.abort();
      state.signal.addEventListener('abort', stop, { once: true });
      process.once('SIGTERM', stop);
      const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
      const done = await serveJobs(flags.redis, { concurrency: flags.concurrency ?? defaultWorkers(), stallSeconds: flags.stallSeconds, signal: controller.signal, log, perJob: !flags.quiet });
      log(`jitsim worker: stopped; ${done.ran} replications run, ${done.failed} failed`);
      process.off('SIGTERM', stop);
    });
}
