// `jitsim run --trace FILE`: every order's story in FILE (gzip when it ends in .gz) and every
// seller's in sellers.csv beside it (docs/results.md, "Traces"). Each replication writes its own
// part from its worker thread; the parts are joined in replication order at the end, so the files
// are the same whatever the number of workers. A trace bigger than a stated limit is refused
// before the run: a season of the default platform is 8 million rows a replication.
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { orderTraceHeader, sellerTraceHeader } from '../experiment/trace-csv.ts';
import { expectedOrders } from '../experiment/trace-size.ts';
import { fineCauses } from '../model/fine-causes.ts';
import { ScenarioError } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { TRACE_GZIP_LEVEL, type TraceParts } from '../worker/trace-files.ts';

/** Order rows written without --trace-limit: about 1.3 GB of text, 250 MB compressed. */
export const DEFAULT_TRACE_LIMIT = 10_000_000;

export interface TracePlan {
  orders: string;
  sellers: string;
  gzip: boolean;
  /** Expected order rows in all. */
  rows: number;
  /** The folder the replications write their parts in. */
  partsDir: string;
  parts(replication: number): TraceParts;
}

/** `20000000`, `20M`, `500k`: a number of rows for --trace-limit. */
export function rowCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(text.trim());
  const n = m ? Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'] : NaN;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new InvalidArgumentError(`expected a number of rows such as 20000000, 20M or 500k, got ${text}`);
  return n;
}


const millions = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toPrecision(3)}M` : n >= 1e3 ? `${+(n / 1e3).toPrecision(3)}k` : String(Math.round(n)));

/** Checks the trace's size against the limit and names its files; parts go in a folder beside them. */
export function planTrace(file: string, scenario: Scenario, path: string, replications: number, limit: number): TracePlan {
  const perReplication = expectedOrders(scenario);
  const rows = perReplication * replications;
  if (rows > limit) {
    throw new ScenarioError([{ file, path: '--trace', message: `the trace would hold about ${millions(rows)} order rows (${millions(perReplication)} a replication × ${replications}), about ${millions(rows * 130)}B before compression; the limit is ${millions(limit)} rows: pass --trace-limit ${millions(Math.ceil(rows * 1.1))} to write it anyway, or trace fewer replications` }]);
  }
  const gzip = path.endsWith('.gz');
  const partsDir = `${path}.parts-${process.pid}`;
  return {
    orders: path,
    sellers: join(dirname(path), 'sellers.csv'),
    gzip,
    rows,
    partsDir,
    parts: (r) => {
      mkdirSync(partsDir, { recursive: true });
      return { orders: join(partsDir, `orders-${r}`), sellers: join(partsDir, `sellers-${r}`), gzip };
    },
  };
}

/** Joins the parts of the replications that finished, in order, under their headers; removes the parts. */
export function assembleTrace(plan: TracePlan, scenario: Scenario, finished: number[]): void {
  const causes = fineCauses(scenario.rules);
  try {
    mkdirSync(dirname(plan.orders), { recursive: true });
    const ordersHeader = orderTraceHeader(causes);
    joinParts(plan.orders, plan.gzip ? gzipSync(ordersHeader, { level: TRACE_GZIP_LEVEL }) : Buffer.from(ordersHeader), finished.map((r) => plan.parts(r).orders));
    joinParts(plan.sellers, Buffer.from(sellerTraceHeader(causes)), finished.map((r) => plan.parts(r).sellers));
  } finally {
    dropTraceParts(plan);
  }
}

/** Removes the parts folder (after an error or Ctrl-C too). */
export function dropTraceParts(plan: TracePlan): void {
  rmSync(plan.partsDir, { recursive: true, force: true });
}

/** Writes `head` then each part to a temporary file, renamed to `path` once whole. */
function joinParts(path: string, head: Buffer, parts: string[]): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = openSync(tmp, 'w');
  const buffer = Buffer.alloc(4 << 20);
  try {
    writeSync(out, head);
    for (const part of parts) {
      const input = openSync(part, 'r');
      try {
        for (let n; (n = readSync(input, buffer, 0, buffer.length, null)) > 0; ) writeSync(out, buffer, 0, n);
      } finally {
        closeSync(input);
      }
    }
  } finally {
    closeSync(out);
  }
  renameSync(tmp, path);
}
