// The staffing planner's replications spread over Node worker threads: consecutive blocks of
// replications, each replayed in its own thread (src/experiment/staffing-replicas.ts), the search
// and its decisions staying in this one. The plan is the same whatever the number of workers.
import { transfer, wrap, releaseProxy } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { blocksOf, remoteBlock, replicas, type Replicas } from '../experiment/staffing-replicas.ts';
import type { StaffingInput } from '../experiment/staffing-target.ts';
import { inflowBuffers } from '../model/inflow.ts';
import type { SimulatorApi } from './api.ts';
import { defaultWorkers, startWorker } from './pool.ts';

/** The replications of `input` in blocks over `workers` threads (the inflows move there); close() ends the threads. */
export async function staffingWorkers(input: StaffingInput, workers = defaultWorkers()): Promise<{ on: Replicas; close(): void }> {
  const parts = blocksOf(input.inflows, workers);
  const threads = parts.map(() => startWorker());
  const apis = threads.map((t) => wrap<SimulatorApi>(nodeEndpoint(t)));
  const close = () => {
    for (const api of apis) api[releaseProxy]();
    for (const t of threads) void t.terminate();
  };
  try {
    // An inflow read back from a queue may hold several arrays in one buffer: each moves once.
    await Promise.all(parts.map((inflows, id) => apis[id].staffingBlock(id, transfer({ ...input, inflows }, [...new Set(inflows.flatMap(inflowBuffers))]))));
  } catch (err) {
    close();
    throw err;
  }
  return { on: replicas(apis.map((api, id) => remoteBlock((move, args) => api.staffingMove(id, move, args)))), close };
}
