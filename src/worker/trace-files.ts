// A replication's trace written to files from inside its worker thread (Node). The orders' blocks
// go to a compressor thread of their own, so gzip runs on another core while the simulation goes
// on; each block becomes a gzip member (a gzip file may hold several, read back as one text).
// The sellers' rows, a few per seller, are written as they come.
import { closeSync, openSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { csvTraceSink } from '../experiment/trace-csv.ts';
import type { JitRunOptions } from '../model/jit.ts';

/** Where one replication writes its rows (headers are the command's to add). */
export interface TraceParts {
  orders: string;
  sellers: string;
  /** Compress the orders' file (gzip). */
  gzip: boolean;
}

/** Level 1 of 9: gzip keeps up with the simulation on one core (about 4:1 on the trace's rows). */
export const TRACE_GZIP_LEVEL = 1;

/** The compressor: plain JavaScript, as an eval'd worker runs it; writes each block it is sent, then says it is done. */
const COMPRESSOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const fd = openSync(workerData.path, 'w');
const done = new Int32Array(workerData.done);
parentPort.on('message', (bytes) => {
  if (bytes === null) { closeSync(fd); Atomics.store(done, 0, 1); Atomics.notify(done, 0); parentPort.close(); return; }
  writeSync(fd, workerData.gzip ? gzipSync(bytes, { level: workerData.level }) : bytes);
});`;

/** The trace option of runJit for one replication, writing to `parts`; `close` after the run (it waits for the compressor). */
export function traceToFiles(parts: TraceParts, replication: number): { trace: NonNullable<JitRunOptions['trace']>; close(): void } {
  const done = new SharedArrayBuffer(4);
  const compressor = new Worker(COMPRESSOR, { eval: true, workerData: { path: parts.orders, gzip: parts.gzip, level: TRACE_GZIP_LEVEL, done } });
  const sellers = openSync(parts.sellers, 'w');
  let closed = false;
  return {
    trace: (world, causes) => csvTraceSink(world, causes, replication, {
      orders: (bytes) => { compressor.postMessage(bytes.slice()); }, // the block's buffer is reused: send a copy
      sellers: (bytes) => { writeSync(sellers, bytes); },
    }),
    close() {
      if (closed) return;
      closed = true;
      closeSync(sellers);
      compressor.postMessage(null);
      Atomics.wait(new Int32Array(done), 0, 0);
    },
  };
}
