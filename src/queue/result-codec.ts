// A job's result as bytes in Redis: V8's structured serialisation, exact for every number (NaN,
// -0, typed arrays byte for byte), so a result fetched from the queue equals the local one.
import v8 from 'node:v8';
import type { RunResult } from '../model/result.ts';
import type { Keep } from '../worker/pool.ts';

export function encodeResult(result: RunResult, keep: Keep): Buffer {
  return v8.serialize(keep === 'kpis' ? { kpis: result.kpis, byClass: result.byClass, fineCauses: result.fineCauses } : result);
}

export function decodeResult(bytes: Buffer): RunResult {
  return v8.deserialize(bytes) as RunResult;
}
