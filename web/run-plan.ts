// A run planned before it starts (src/experiment/run-estimate.ts): refused when a replication or
// the results kept cannot fit a heap (Chrome's `performance.memory.jsHeapSizeLimit`, else 2 GB) or
// when it would take more than a day; its workers as many as asked, fewer when the device's memory
// (`navigator.deviceMemory`, where the browser tells it) holds fewer; and its estimated time.
import { formatSeconds, runEstimate, workersThatFit, type RunShape } from '../src/experiment/run-estimate.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** The page runs this much slower than Node (bench/results/browser.json, browserToNode). */
export const BROWSER_SLOWER = 1.2;
/** The longest run the page starts, as the command's default --max-time. */
export const MAX_SECONDS = 24 * 3600;
/** The share of the device's memory a run may take, as the command's default --max-memory. */
const DEVICE_SHARE = 0.5;

/** The heap one worker (or the page) may use, in bytes. */
export function heapLimit(): number {
  const memory = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory;
  return memory?.jsHeapSizeLimit ?? 2 * 1024 ** 3;
}

/** Half the device's memory in bytes, or undefined where the browser does not say. */
export function deviceLimit(): number | undefined {
  const gigabytes = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return gigabytes ? gigabytes * 1024 ** 3 * DEVICE_SHARE : undefined;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1)} GB`;

export type RunPlan =
  | { refusal: string }
  | { refusal?: undefined; workers: number; seconds: number; note: string };

/** How `scenarios` run with the workers and replications asked: refused, or the workers to use and the estimate. */
export function planPageRun(scenarios: Scenario[], asked: Omit<RunShape, 'cores' | 'threadBytes'>, limits = { heap: heapLimit(), device: deviceLimit(), cores: navigator.hardwareConcurrency || 1 }): RunPlan {
  const shape: RunShape = { ...asked, cores: limits.cores, threadBytes: 0 };
  const estimate = runEstimate(scenarios, shape);
  if (estimate.perThreadBytes > limits.heap) return { refusal: `Not run: one replication needs about ${gb(estimate.perThreadBytes)}, more than a worker can hold (${gb(limits.heap)}). Use fewer sellers or a shorter season.` };
  if (estimate.keptBytes > limits.heap) return { refusal: `Not run: the results kept need about ${gb(estimate.keptBytes)}, more than the page can hold (${gb(limits.heap)}). Use fewer replications.` };
  const fit = limits.device === undefined ? asked.workers : workersThatFit(scenarios, shape, limits.device);
  if (fit === 0) return { refusal: `Not run: it needs about ${gb(estimate.totalBytes)}, more than half this device's memory (${gb(limits.device!)}). Use fewer replications, sellers or a shorter season.` };
  const workers = Math.min(fit, asked.workers);
  const seconds = runEstimate(scenarios, { ...shape, workers }).seconds * BROWSER_SLOWER;
  if (seconds > MAX_SECONDS) return { refusal: `Not run: it would take about ${formatSeconds(seconds)}, more than the page's limit of ${formatSeconds(MAX_SECONDS)}. Use fewer replications, sellers, orders or days, or run it with the command.` };
  const fewer = workers < asked.workers ? ` (${workers} worker${workers === 1 ? '' : 's'}: ${asked.workers} would need more than half this device's memory)` : '';
  return { workers, seconds, note: `about ${formatSeconds(seconds)} estimated in all${fewer}` };
}
