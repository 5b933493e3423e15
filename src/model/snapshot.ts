// A replication's whole state at an instant (docs/model.md, "Snapshots"): the simulation (clock,
// calendar, random streams), the shared records (orders, parcels, stock and backorders, seller
// books and deposits, the ledger) and what each stage keeps (packers, factory orders, the receiving
// and QC lines, cancellation deadlines, the shelf, the warm-up), as plain data and typed arrays.
// The staffing planner's midnight snapshots rest on the same Simulation and Resource states.
import { restoreFields, saveFields, type SimulationState } from '../engine/index.ts';
import type { Kept, Market } from './state.ts';

/** What a market is, between two events. */
export interface MarketState {
  sim: SimulationState;
  /** The market's records, field by field (the static world, scenario and wiring left out). */
  records: Record<string, unknown>;
  /** Each stage's own state, by the name it keeps it under. */
  stages: Record<string, unknown>;
}

/** Market fields that are not state: built from the scenario, or the wiring; and the trace, which is the run's own. */
const NOT_STATE = ['sim', 'world', 'scenario', 'causes', 'handoffs', 'kept', 'trace'] as const;

const selfSaving = (k: Kept): k is { saveState(): unknown; restoreState(state: never): void } => typeof (k as { saveState?: unknown }).saveState === 'function';

export function saveMarket(m: Market): MarketState {
  const shared = new Set<unknown>([m.sim, m.world, m.scenario, m.causes, m.handoffs]);
  const records = saveFields(m, new Set([...shared, m.kept, m.trace]));
  for (const key of NOT_STATE) delete records[key];
  const stages: Record<string, unknown> = {};
  for (const [name, kept] of m.kept) stages[name] = selfSaving(kept) ? kept.saveState() : saveFields(kept, shared);
  return { sim: m.sim.saveState(), records, stages };
}

/** Puts a saved state into a market built from the same scenario, seed and replication. */
export function restoreMarket(m: Market, state: MarketState): void {
  const names = [...m.kept.keys()].sort().join(', '), saved = Object.keys(state.stages).sort().join(', ');
  if (names !== saved) throw new Error(`the state holds stages ${saved}; this model has ${names}`);
  m.sim.restoreState(state.sim);
  restoreFields(m, state.records);
  for (const [name, kept] of m.kept) {
    if (selfSaving(kept)) kept.restoreState(state.stages[name] as never);
    else restoreFields(kept, state.stages[name] as Record<string, unknown>);
  }
}
