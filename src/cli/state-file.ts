// State files (docs/results.md, "Snapshots"): `--save-state-at WHEN FILE` writes each replication's
// whole state at that instant (snapshot.ts) as one line of gzip-compressed JSON lines, after a
// header naming the code, the scenario, the seed and the instant; `start.fromState: FILE` in a
// scenario goes on from there. Typed arrays travel as base64 of their bytes, so every number comes
// back to the bit. A file that is damaged, or was saved from another scenario or by other code, is
// refused with a one-line reason.
import { renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import pkg from '../../package.json' with { type: 'json' };
import type { MarketState } from '../model/snapshot.ts';
import { canonicalJson, codeFingerprint } from '../queue/job-key.ts';
import { readFailure, ScenarioError } from '../scenario/load.ts';
import { readRegularFile } from './regular-file.ts';
import { formatNumber } from '../scenario/fields.ts';
import type { Scenario } from '../scenario/types.ts';

const FORMAT = 'jitsim-state';
const VERSION = 1;

export interface StateHeader {
  format: typeof FORMAT;
  version: number;
  jitsim: string;
  code: string;
  /** The scenario the states were saved from, as plain data (its data tables left out), `start` cleared. */
  scenario: unknown;
  seed: number;
  /** The instant, in hours from the season's start and as a China date-time. */
  atHours: number;
  at: string;
  replications: number;
}

const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;

/** JSON for a state: typed arrays as base64, and the numbers JSON cannot hold (NaN, ±Infinity, −0) spelled out. */
function encode(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return Object.is(value, -0) ? { $num: '-0' } : value;
    return { $num: String(value) };
  }
  if (ArrayBuffer.isView(value)) {
    const v = value as Float64Array;
    return { $typed: v.constructor.name, base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  }
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as { $num?: string; $typed?: keyof typeof TYPED; base64?: string };
  if (typeof v.$num === 'string') return Number(v.$num);
  if (v.$typed !== undefined) {
    const type = TYPED[v.$typed];
    if (!type || typeof v.base64 !== 'string') throw new Error(`unknown array type ${String(v.$typed)}`);
    const bytes = Buffer.from(v.base64, 'base64');
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return new type(copy.buffer, 0, bytes.length / type.BYTES_PER_ELEMENT);
  }
  return value;
}

/** The scenario as the header records it: plain data, its `start` cleared (a run from the file has it set). */
export function scenarioKey(scenario: Scenario): unknown {
  const { tables, ...plain } = scenario;
  return JSON.parse(canonicalJson({ ...plain, start: { fromState: null }, tables: tables ? tablesDigest(tables) : null }));
}

/** A hash of the data tables' contents (a changed orders.csv at the same path is another scenario). */
function tablesDigest(tables: NonNullable<Scenario['tables']>): string {
  const hash = createHash('sha256');
  const add = (x: unknown): void => {
    if (ArrayBuffer.isView(x)) hash.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    else if (Array.isArray(x)) x.forEach(add);
    else if (x !== null && typeof x === 'object') for (const k of Object.keys(x).sort()) { hash.update(k); add((x as Record<string, unknown>)[k]); }
    else hash.update(String(x));
  };
  add(tables);
  return hash.digest('hex').slice(0, 32);
}

/** Writes the states (replication i at states[i]) to `path`, through a temporary file renamed when whole. */
export function writeStateFile(path: string, header: Omit<StateHeader, 'format' | 'version' | 'jitsim' | 'code'>, states: MarketState[]): void {
  const head: StateHeader = { format: FORMAT, version: VERSION, jitsim: pkg.version, code: codeFingerprint(), ...header };
  const parts = [gzipSync(JSON.stringify(head) + '\n'), ...states.map((state, replication) => gzipSync(JSON.stringify({ replication, state }, encode) + '\n'))];
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, path);
}

/** The most a state file may unzip to: V8's longest string, as it is read as one text. */
export const MAX_STATE_BYTES = 2 ** 29 - 24;

/** Reads a state file for `scenario`, checking it belongs to it; the header and each replication's state. */
export function readStateFile(path: string, scenario: Scenario, file: string, maxBytes = MAX_STATE_BYTES): { header: StateHeader; states: MarketState[] } {
  const fail = (message: string): never => { throw new ScenarioError([{ file, path: 'start.fromState', message: `${path}: ${message}` }]); };
  let text = '';
  try {
    text = gunzipSync(readRegularFile(path), { maxOutputLength: maxBytes }).toString('utf8'); // a FIFO would block for ever
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') fail(`unzips to more than ${formatNumber(maxBytes)} bytes, the most a state file may hold (one text in memory); save fewer replications`);
    fail(readFailure(err, (m) => `damaged: not a whole gzip file (${m})`));
  }
  const lines = text.split('\n').filter((l) => l !== '');
  let header: StateHeader | undefined;
  try {
    header = JSON.parse(lines[0] ?? '') as StateHeader;
  } catch {
    fail('not a jitsim state file (its first line is not JSON)');
  }
  if (header!.format !== FORMAT) fail('not a jitsim state file (its header does not say "jitsim-state")');
  const h = header!;
  if (h.version !== VERSION || h.code !== codeFingerprint()) fail(`saved by another build of jitsim (${h.jitsim}, code ${h.code}; this is ${pkg.version}, code ${codeFingerprint()}): save it again with this one`);
  const differs = firstDifference(h.scenario, scenarioKey(scenario), '');
  if (differs !== undefined) fail(`saved from another scenario: ${differs}`);
  if (lines.length !== h.replications + 1) fail(`damaged: the header promises ${h.replications} replications, the file holds ${lines.length - 1}`);
  const states = lines.slice(1).map((line, i) => {
    let parsed: { replication: number; state: MarketState } | undefined;
    try {
      parsed = JSON.parse(line, decode) as { replication: number; state: MarketState };
    } catch (err) {
      fail(`damaged: line ${i + 2} is not a saved state (${(err as Error).message})`);
    }
    if (parsed!.replication !== i || typeof parsed!.state !== 'object') fail(`damaged: line ${i + 2} is not replication ${i}'s state`);
    return parsed!.state;
  });
  return { header: h, states };
}

/** Where two plain values first differ, as `path: a → b`; undefined if they are equal. */
function firstDifference(saved: unknown, now: unknown, path: string): string | undefined {
  if (saved !== null && now !== null && typeof saved === 'object' && typeof now === 'object') {
    for (const key of new Set([...Object.keys(saved), ...Object.keys(now)])) {
      const d = firstDifference((saved as Record<string, unknown>)[key], (now as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return saved === now ? undefined : `${path} was ${JSON.stringify(saved)} when it was saved, is ${JSON.stringify(now)} now`;
}
