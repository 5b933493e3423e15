// A run refused up front when its estimated memory (src/experiment/memory-estimate.ts) exceeds
// what the browser can hold: each worker's heap, and the page's for the results it keeps. The
// limit is Chrome's `performance.memory.jsHeapSizeLimit` where it gives one, else 2 GB.
import { memoryEstimate } from '../src/experiment/memory-estimate.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** The heap one worker (or the page) may use, in bytes. */
export function heapLimit(): number {
  const memory = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory;
  return memory?.jsHeapSizeLimit ?? 2 * 1024 ** 3;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1)} GB`;

/** Why `scenarios` cannot run this way, with the estimate and the limit, or undefined if they fit. */
export function memoryRefusal(scenarios: Scenario[], options: { workers: number; replications: number }, limit = heapLimit()): string | undefined {
  const estimates = scenarios.map((s) => memoryEstimate(s, options));
  const perReplication = Math.max(...estimates.map((e) => e.perReplication));
  const kept = estimates.reduce((sum, e) => sum + e.perResult * options.replications, 0);
  if (perReplication > limit) return `Not run: one replication needs about ${gb(perReplication)}, more than a worker can hold (${gb(limit)}). Use fewer sellers or a shorter season.`;
  if (kept > limit) return `Not run: the results kept need about ${gb(kept)}, more than the page can hold (${gb(limit)}). Use fewer replications.`;
  return undefined;
}
