// Entry point of a Node worker thread: exposes the simulator API to the parent through comlink,
// with one Node-only addition, a replication that writes its trace to files as it runs.
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runJit } from '../model/jit.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulatorApi, transferables, type DayListener, type RunExtras } from './api.ts';
import { traceToFiles, type TraceParts } from './trace-files.ts';

export const nodeSimulatorApi = {
  ...simulatorApi,
  /** runReplication, also writing every order's and seller's story to `parts`. */
  runTracedReplication(scenario: Scenario, seed: number, replication: number, parts: TraceParts, onDay?: DayListener, warmUpHours?: number, extras?: RunExtras) {
    const files = traceToFiles(parts, replication);
    try {
      const result = runJit(scenario, {
        seed, replication, warmUpHours, trace: files.trace, ...extras,
        onDay: onDay ? (days, events) => { void onDay(replication, days, events); } : undefined,
      });
      return transfer(result, transferables(result));
    } finally {
      files.close();
    }
  },
};

export type NodeSimulatorApi = typeof nodeSimulatorApi;

if (parentPort) expose(nodeSimulatorApi, nodeEndpoint(parentPort));
