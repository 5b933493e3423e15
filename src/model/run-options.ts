// What a caller may ask of one replication beyond its scenario, seed and replication (runJit in
// jit.ts): a warm-up, early stops, records and watches, saved or restored state, a trace, and
// news of a long setup.
import type { FineCause } from './fine-causes.ts';
import type { MarketState } from './snapshot.ts';
import type { TraceSink } from './trace.ts';
import type { SetupListener, World } from './world.ts';

export type { SetupListener };

export interface JitRunOptions {
  seed: number;
  replication: number;
  /** Statistics start at this time (hours); what happened before is discarded (warm-up). */
  warmUpHours?: number;
  /** Called after each simulated day with the days done; return false to stop early. */
  onDay?: (daysDone: number, events: number) => boolean | void;
  /** Record what reaches the warehouse (result.inflow), for the staffing planner. */
  recordInflow?: boolean;
  /** Also watch this seller hour by hour (result.seller): stock, backorders, deposit, fines. */
  watchSeller?: number;
  /** Also return the whole state at this time (hours from the season's start) in result.state. */
  saveStateAt?: number;
  /** Go on from this state (saved from the same scenario, seed and replication) instead of the season's start. */
  startFrom?: MarketState;
  /** Tell every order's and every seller's story to the sink this makes for the replication's world (trace.ts). */
  trace?: (world: World, causes: readonly FineCause[]) => TraceSink;
  /** Told how far the setup of sellers and SKUs has got (0 to 1), for a scenario large enough to take a while (world.ts). */
  onSetup?: SetupListener;
}
