// `--backend local | redis://HOST:PORT`: where a command's replications run. Local is the worker
// pool on this machine; a Redis URL puts them on the queue that `jitsim worker`s serve (src/queue).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { redisOptions, shownUrl } from '../queue/connection.ts';
import { runJobs, type JobRunner, type JobsOutcome } from '../worker/pool.ts';
import { maxWorkers, range, workerCount } from './flags.ts';

/** --backend and --workers, which every command running many replications takes together. */
export function runnerOptions(cmd: Command, workersHelp = 'worker threads with --backend local (default: one per core)'): Command {
  return cmd.addOption(backendOption()).addOption(new Option('-w, --workers <N>', `${workersHelp}, ${range(1, maxWorkers())} here`).argParser(workerCount()));
}

function backendOption(): Option {
  return new Option('--backend <local|redis://HOST:PORT>', 'where replications run: this machine\'s worker threads, or the Redis queue served by `jitsim worker`')
    .default('local').argParser(parseBackend);
}

function parseBackend(value: string): string {
  if (value === 'local') return value;
  if (!/^rediss?:\/\//.test(value)) throw new InvalidArgumentError(`expected local or a Redis URL such as redis://127.0.0.1:6379, got ${value}`);
  return redisUrl(value);
}

/** A Redis URL, checked (a usage error names what is wrong). */
export function redisUrl(value: string): string {
  const options = redisOptions(value);
  if (typeof options === 'string') throw new InvalidArgumentError(options);
  return value;
}

/** The job runner for a --backend value (checked by the option); BullMQ loads only when used. */
export async function jobRunner(backend: string): Promise<JobRunner> {
  if (backend === 'local') return runJobs;
  const { redisJobs } = await import('../queue/redis-runner.ts');
  return redisJobs(backend, (line) => process.stderr.write(`jitsim: ${line}\n`));
}

/** The backend as the outputs record it: local, or the URL with any password hidden. */
export function shownBackend(backend: string): string {
  return backend === 'local' ? 'local' : shownUrl(backend);
}

/** The one-line message of a run that stopped on a failure of its backend (Redis lost, a job failed). */
export function reportFailure(failure: string | undefined, state: { code: number }): void {
  if (failure === undefined) return;
  process.stderr.write(`jitsim: ${failure}\n`);
  state.code = 1;
}

/** True (and reported) when the backend failed before any job finished: there is nothing to write. */
export function failedBeforeAny(outcome: JobsOutcome, state: { code: number }): boolean {
  if (outcome.failure === undefined || outcome.completed > 0) return false;
  reportFailure(outcome.failure, state);
  return true;
}
