// Reads a scenario file from disk for the command line: the Node side of ../scenario/load.ts, with
// the data files it names (orders.csv, skus.csv, plain or gzip) read in chunks.
import { closeSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { formatNumber, LIMITS } from '../scenario/fields.ts';
import { parseScenario, readFailure, ScenarioError } from '../scenario/load.ts';
import { MAX_ORDERS } from '../scenario/orders-table.ts';
import { readTables } from '../scenario/tables.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/text-limits.ts';
import type { Scenario } from '../scenario/types.ts';
import { openRegularFile, readRegularFile } from './regular-file.ts';

/** Loads, merges (`extends`) and validates the scenario at `path`, with its data files; throws a ScenarioError. */
export function readScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readScenarioText(path);
  } catch (err) {
    throw new ScenarioError([{ file: path, path: '', message: readFailure(err, (m) => `cannot read: ${m}`) }]);
  }
  return readTables(parseScenario(text, path, readScenarioText), path, textChunks);
}

/** A scenario or `extends` base: a regular file of at most MAX_SCENARIO_BYTES. */
const readScenarioText = (path: string) => readRegularFile(path, MAX_SCENARIO_BYTES).toString('utf8');

const CHUNK = 1 << 20;

/**
 * The most a gzip data file is unzipped to (docs/scenario-format.md, "Limits of the data files"):
 * the longer table's row cap (orders.csv's) at 256 bytes a row, twice a trace's. Unzipped whole, a
 * small file of zeros (a gzip bomb) would otherwise fill the memory before any row cap is reached.
 */
export const MAX_UNZIPPED_BYTES = Math.max(MAX_ORDERS, LIMITS.totalSkus) * 256;

/**
 * A data file's text in chunks of about 1 MB: read as it goes for a plain file; a gzip file is
 * inflated whole first (a season's orders compress about 5:1), at most `maxUnzipped` bytes, and
 * decoded a chunk at a time.
 */
export function textChunks(path: string, maxUnzipped = MAX_UNZIPPED_BYTES): Iterable<string> {
  const fd = openRegularFile(path); // throws ENOENT, a FIFO and friends before any chunk is asked for
  const head = Buffer.alloc(2);
  const gzip = readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (gzip) {
    try {
      return decoded(gunzipSync(readFileSync(fd), { maxOutputLength: maxUnzipped }));
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') throw err;
      // EFBIG: readFailure (../scenario/load.ts) passes the wording on as it is.
      throw Object.assign(new Error(`unzips to more than ${formatNumber(maxUnzipped)} bytes, the most a gzip data file may hold; give it unzipped (a plain file is read as it goes)`), { code: 'EFBIG' });
    } finally {
      closeSync(fd);
    }
  }
  return (function* () {
    const decoder = new TextDecoder();
    const buffer = Buffer.alloc(CHUNK);
    try {
      for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) yield decoder.decode(buffer.subarray(0, n), { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  })();
}

function* decoded(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder();
  for (let at = 0; at < bytes.length; at += CHUNK) yield decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
