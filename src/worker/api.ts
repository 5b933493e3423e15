// The simulator as a worker sees it: one API, exposed through comlink in a browser Web Worker
// and in a Node worker thread alike. Results go back by transfer of their typed arrays.
import { transfer } from 'comlink';
import { ReplicaBlock } from '../experiment/staffing-replicas.ts';
import { csvTraceSink } from '../experiment/trace-csv.ts';
import type { StaffingInput } from '../experiment/staffing-target.ts';
import { inflowBuffers } from '../model/inflow.ts';
import { runJit } from '../model/jit.ts';
import type { RunResult } from '../model/result.ts';
import type { MarketState } from '../model/snapshot.ts';
import type { Scenario } from '../scenario/types.ts';

/** What a replication does beyond its run: save its state at a time, start from a saved one (snapshot.ts), watch a seller (seller-watch.ts). */
export interface RunExtras { saveStateAt?: number; startFrom?: MarketState; watchSeller?: number }

/** Told after each simulated day: (replication, days done, events so far). */
export type DayListener = (replication: number, days: number, events: number) => void;

/** Told how far a replication's setup of sellers and SKUs has got: (replication, share from 0 to 1). */
export type SetupProgress = (replication: number, share: number) => void;

export const simulatorApi = {
  /** Runs replication `replication` of `scenario` from `seed`; the result is a pure function of the three. */
  runReplication(scenario: Scenario, seed: number, replication: number, onDay?: DayListener, warmUpHours?: number, recordInflow?: boolean, extras?: RunExtras, onSetup?: SetupProgress): RunResult {
    const result = runJit(scenario, {
      seed,
      replication,
      warmUpHours,
      recordInflow,
      ...extras,
      onDay: onDay ? (days, events) => { void onDay(replication, days, events); } : undefined,
      onSetup: onSetup ? (share) => { void onSetup(replication, share); } : undefined,
    });
    return transfer(result, transferables(result));
  },

  /**
   * `runReplication` telling every order's and seller's story (docs/results.md, "Traces"): the
   * result comes back with the replication's trace rows as CSV text (no headers), for a browser
   * to offer as files; a Node run writes them to disk instead (src/cli/trace.ts).
   */
  runTraced(scenario: Scenario, seed: number, replication: number, onDay?: DayListener, extras?: RunExtras, onSetup?: SetupProgress): RunResult & { trace: { orders: string; sellers: string } } {
    const orders: string[] = [], sellers: string[] = [], text = new TextDecoder();
    const result = runJit(scenario, {
      seed,
      replication,
      ...extras,
      onDay: onDay ? (days, events) => { void onDay(replication, days, events); } : undefined,
      onSetup: onSetup ? (share) => { void onSetup(replication, share); } : undefined,
      // Blocks end at row ends, so each decodes alone.
      trace: (world, causes) => csvTraceSink(world, causes, replication, { orders: (b) => orders.push(text.decode(b)), sellers: (b) => sellers.push(text.decode(b)) }),
    });
    return transfer(Object.assign(result, { trace: { orders: orders.join(''), sellers: sellers.join('') } }), transferables(result));
  },

  /** Holds a block of the staffing planner's replications here (their inflows), as `id`. */
  staffingBlock(id: number, input: StaffingInput): void {
    blocks.set(id, new ReplicaBlock(input));
  },

  /** One move on block `id` (staffing-replicas.ts): its answer, one value per replication of the block. */
  staffingMove(id: number, move: keyof ReplicaBlock, args: unknown[]): unknown {
    const block = blocks.get(id);
    if (!block) throw new Error(`staffing block ${id} is not here`);
    return (block[move] as (...a: unknown[]) => unknown)(...args);
  },

  staffingDrop(id: number): void {
    blocks.delete(id);
  },
};

const blocks = new Map<number, ReplicaBlock>();

export type SimulatorApi = typeof simulatorApi;

/** The buffers of a result's typed arrays, to move rather than copy across the boundary. */
export function transferables(result: RunResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of Object.values(result.hourly)) buffers.add(a.buffer as ArrayBuffer);
  for (const a of Object.values(result.daily)) buffers.add(a.buffer as ArrayBuffer);
  for (const h of Object.values(result.dailyHistograms)) for (const a of [h.counts, h.overflow, h.max]) buffers.add(a.buffer as ArrayBuffer);
  for (const h of Object.values(result.histograms)) buffers.add(h.counts.buffer as ArrayBuffer);
  buffers.add(result.perSeller.profitCny.buffer as ArrayBuffer);
  buffers.add(result.perSeller.finesCny.buffer as ArrayBuffer);
  buffers.add(result.perSeller.classOf.buffer as ArrayBuffer);
  if (result.inflow) for (const b of inflowBuffers(result.inflow)) buffers.add(b);
  return [...buffers];
}
