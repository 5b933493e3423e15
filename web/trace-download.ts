// A run's trace in the page (docs/results.md, "Traces"): refused before the run when it would not
// fit in a browser tab, and offered as the command's two files, orders.csv.gz and sellers.csv, the
// replications' rows joined in replication order under the command's headers.
import { orderTraceHeader, sellerTraceHeader } from '../src/experiment/trace-csv.ts';
import { fineCauses } from '../src/model/fine-causes.ts';
import { expectedOrders } from '../src/experiment/trace-size.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { download } from './export.ts';

/** Order rows the page traces at most: about 130 MB of text held in the tab before compression. */
export const TRACE_LIMIT_ROWS = 1_000_000;

/** Why a trace of `replications` is refused here, or undefined when it fits. */
export function traceRefusal(scenario: Scenario, replications: number): string | undefined {
  const rows = expectedOrders(scenario) * replications;
  if (rows <= TRACE_LIMIT_ROWS) return undefined;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const each = replications > 1 ? ` (${n(rows / replications)} a replication × ${replications})` : '';
  const fewer = replications > 1 ? 'trace fewer replications, or ' : '';
  return `A trace here holds at most ${n(TRACE_LIMIT_ROWS)} order rows; this one would hold about ${n(rows)}${each}: ${fewer}run jitsim run --trace, which writes any size to disk.`;
}

/** The trace rows of each replication, in replication order. */
export interface TraceParts { orders: string[]; sellers: string[] }

/** Downloads the orders trace (gzip) or the sellers trace. */
export async function downloadTrace(file: 'orders.csv.gz' | 'sellers.csv', scenario: Scenario, parts: TraceParts): Promise<void> {
  const causes = fineCauses(scenario.rules);
  if (file === 'sellers.csv') {
    download(file, new Blob([sellerTraceHeader(causes), ...parts.sellers], { type: 'text/csv' }));
    return;
  }
  const text = new Blob([orderTraceHeader(causes), ...parts.orders]);
  const gzip = await new Response(text.stream().pipeThrough(new CompressionStream('gzip'))).blob();
  download(file, new Blob([gzip], { type: 'application/gzip' }));
}
