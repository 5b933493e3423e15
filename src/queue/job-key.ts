// What names a replication on the Redis queue (docs/results.md, "Sweeps on many machines"): the
// code that runs it, the scenario, the seed, the replication, the warm-up and what is kept. Equal
// names mean equal results, so a name already stored is never run or counted again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import type { Keep } from '../worker/pool.ts';

export interface JobName {
  code: string;
  scenario: string;
  seed: number;
  replication: number;
  warmUpHours: number | null;
  recordInflow: boolean;
  keep: Keep;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let fingerprint: string | undefined;

/**
 * A hash of jitsim's version and every source file under src/ (tests left out): workers running
 * other code listen on another queue, and a result stored by other code is never reused.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256').update(`jitsim ${pkg.version}\n`);
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => relative(src, join(src, f)).split('\\').join('/'))
    .sort();
  for (const f of files) hash.update(`${f}\n`).update(readFileSync(join(src, f), 'utf8').replace(/\r\n/g, '\n'));
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

/**
 * JSON with every object's keys sorted, so equal scenarios give equal text whatever their key order;
 * a typed array (a scenario's data tables) stands as the hash of its bytes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (ArrayBuffer.isView(v)) return { [v.constructor.name]: createHash('sha256').update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).digest('hex') };
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v;
  });
}

/** A scenario's name on the queue: the hash of its canonical JSON (a sweep point is its base plus overrides). */
export function scenarioHash(scenario: unknown): string {
  return sha256(canonicalJson(scenario)).slice(0, 32);
}

/** The job id: a hash of everything its result depends on (BullMQ ids must not be plain integers). */
export function jobId(name: JobName): string {
  return `rep-${sha256(canonicalJson(name)).slice(0, 40)}`;
}
