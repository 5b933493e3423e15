// A folder made once and shared by the test files (and runs) that ask for it, maybe at the same
// moment: the first takes a lock folder and makes it in a staging folder renamed whole, so nobody
// uses it half-made; the others wait and reuse it. A lock left by a killed run is taken over.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `dir`, made by `make(staging)` unless it already holds `ready` (a file `make` leaves last); a lock
 * older than `staleMs` is taken to be a killed run's.
 */
export async function madeOnce(dir: string, ready: string, staleMs: number, make: (staging: string) => Promise<void> | void): Promise<string> {
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(`${dir}/${ready}`)) return dir;
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > staleMs) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  const staging = `${dir}.staging-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    await make(staging);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}
