// A replication's trace written to files from inside its worker thread (Node): each block of rows
// goes out as it comes, as its own gzip member when the file is compressed (a gzip file may hold
// several members, read back as one text), so a season of orders never sits in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, gzipSync } from 'node:zlib';
import { csvTraceSink } from '../experiment/trace-csv.ts';
import type { JitRunOptions } from '../model/jit.ts';

/** Where one replication writes its rows (headers are the command's to add). */
export interface TraceParts {
  orders: string;
  sellers: string;
  /** Compress the orders' file (gzip). */
  gzip: boolean;
}

/** Level 3 of 9: a third bigger than the default level, at about a third of its time. */
export const TRACE_GZIP_LEVEL = 3;

/** The trace option of runJit for one replication, writing to `parts`; `close` after the run. */
export function traceToFiles(parts: TraceParts, replication: number): { trace: NonNullable<JitRunOptions['trace']>; close(): void } {
  const orders = openSync(parts.orders, 'w'), sellers = openSync(parts.sellers, 'w');
  const pack = (text: string) => (parts.gzip ? gzipSync(text, { level: TRACE_GZIP_LEVEL, strategy: constants.Z_DEFAULT_STRATEGY }) : Buffer.from(text));
  return {
    trace: (world, causes) => csvTraceSink(world, causes, replication, {
      orders: (text) => { writeSync(orders, pack(text)); },
      sellers: (text) => { writeSync(sellers, text); },
    }),
    close() {
      closeSync(orders);
      closeSync(sellers);
    },
  };
}
