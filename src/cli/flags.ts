// Numbers on the command line, parsed strictly: decimal digits only (no sign, hex, exponent, spaces
// or empty string), each within bounds the error and --help both state (README, "The command").
import os from 'node:os';
import { InvalidArgumentError } from 'commander';

/** Most replications one command runs: results are kept in memory until the files are written. */
export const REPS_MAX = 10_000;
/** Largest seed: every whole number a double holds exactly (2^53 − 1). */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;
/** Most worker threads whatever the machine: each costs its own V8 heap. */
export const WORKERS_CAP = 64;

/** Most worker threads on this machine: 4 a core, at most WORKERS_CAP. */
export function maxWorkers(): number {
  return Math.min(WORKERS_CAP, 4 * Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
}

const shown = (n: number) => (n === SEED_MAX ? '2^53 − 1' : String(n));

/** The bounds as help and errors state them. */
export function range(min: number, max?: number): string {
  return max === undefined ? `>= ${min}` : `from ${min} to ${shown(max)}`;
}

/** A parser for a whole-number flag in [min, max]. */
export function wholeNumber(min: number, max?: number) {
  return (value: string): number => {
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
      throw new InvalidArgumentError(`expected a whole number ${range(min, max)}, got ${JSON.stringify(value)}`);
    }
    return n;
  };
}

/** A parser for --workers (or --concurrency): 1 to maxWorkers(). */
export const workerCount = () => wholeNumber(1, maxWorkers());
