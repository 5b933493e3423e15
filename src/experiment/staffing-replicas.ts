// The staffing planner's replications (docs/results.md, "Planners"): the replayed warehouses of a
// block of replications and the moves the search and the minimality pass make on them, each
// answered with one value per replication. A block lives where its inflows are — in this thread,
// or in a worker (src/worker/api.ts) so blocks replay in parallel; `replicas` joins blocks back
// into replication order, so a plan does not depend on how many workers made it.
import type { WarehouseAlone, WarehouseMark, WarehouseState } from '../model/warehouse-alone.ts';
import { closeMidnight, replayedWarehouses, staffDay, type Levels, type StaffingInput } from './staffing-target.ts';

/** A candidate's outcome: each replication's share for the day before (none on the first day) and for the day. */
export interface Outcome { prev: number[]; today: number[] }

/** One step of a cut on trial: per day checked, each replication's share; and whether trial and plan now run alike. */
export interface Step { shares: number[][]; same: boolean }

export class ReplicaBlock {
  private readonly warehouses: WarehouseAlone[];
  private states: WarehouseState[];
  private tried = new Map<string, Outcome & { states: WarehouseState[] }>();
  // The minimality pass: the plan as it stands and the plan with one cut, from the midnight `at`.
  // The plan's marks at the midnights after `at` are kept while it stands: every cut tried on a day
  // is compared with the same plan.
  private plan: WarehouseAlone[] = [];
  private trial: WarehouseAlone[] = [];
  private at: WarehouseState[] = [];
  private planMarks = new Map<number, WarehouseMark[]>();
  /** The midnight the plan warehouses stand at, or -1 when they must be set back to `at`. */
  private planAt = -1;
  private stepAt = -1;
  private finalWithin: Int32Array[] = [];
  private pending: Int32Array[] | null = null;

  constructor(private readonly input: StaffingInput) {
    this.warehouses = replayedWarehouses(input);
    this.states = this.warehouses.map((w) => w.saveState());
  }

  /**
   * Day `day` under `levels` from the plan's midnight: the day replayed, then its parcels in hand
   * left to finish under the same headcount the next day, with no new arrivals.
   */
  evaluate(day: number, levels: Levels): Outcome {
    const key = levels.join();
    const known = this.tried.get(key);
    if (known) return { prev: known.prev, today: known.today };
    const states: WarehouseState[] = [];
    const prev: number[] = [], today: number[] = [];
    this.warehouses.forEach((w, i) => {
      staffDay(w, this.input, day, levels);
      closeMidnight(w, day + 1);
      w.restoreState(this.states[i]);
      w.runTo((day + 1) * 24);
      states.push(w.saveState());
      if (day > 0) prev.push(w.share(day - 1));
      staffDay(w, this.input, day + 1, levels);
      w.arrivalsUntil = (day + 1) * 24;
      w.applyStaff();
      w.runTo((day + 2) * 24);
      w.arrivalsUntil = Infinity;
      today.push(w.share(day));
    });
    this.tried.set(key, { prev, today, states });
    return { prev, today };
  }

  /** Fixes the day's headcount: the next day starts from where it left the warehouses at midnight. */
  accept(day: number, levels: Levels): void {
    this.evaluate(day, levels);
    this.states = this.tried.get(levels.join())!.states;
    for (const w of this.warehouses) staffDay(w, this.input, day, levels);
    this.tried = new Map();
  }

  /** Each day's work per station over the block's replications: receiving and QC hours of the parcels arriving that day. */
  dayWork(): [Float64Array, Float64Array] {
    const { days, inflows } = this.input;
    const receiving = new Float64Array(days), qc = new Float64Array(days);
    for (const f of inflows) {
      for (let p = 0; p < f.count; p++) {
        const d = Math.floor(f.arrivedAt[p] / 24);
        if (d >= days) break;
        receiving[d] += f.receivingHours[p];
        qc[d] += f.qcHours[p];
      }
    }
    return [receiving, qc];
  }

  /** Each replication's share per day under `levels` (the scenario's roster after them), replayed from the start. */
  replay(levels: Levels[]): number[][] {
    const { days } = this.input;
    return replayedWarehouses(this.input).map((w) => {
      this.staffPlan(w, levels);
      w.runTo((days + 1) * 24);
      return Array.from({ length: days }, (_, d) => w.share(d));
    });
  }

  private staffPlan(w: WarehouseAlone, levels: Levels[]): void {
    levels.forEach((l, d) => staffDay(w, this.input, d, l));
    if (levels.length === this.input.days) staffDay(w, this.input, this.input.days, levels[levels.length - 1]);
  }

  /** The minimality pass begins: the plan replayed whole (its final counts), both sets of warehouses at the first midnight. */
  startMinimal(levels: Levels[]): void {
    const { days } = this.input;
    this.plan = replayedWarehouses(this.input);
    this.trial = replayedWarehouses(this.input);
    for (const w of [...this.plan, ...this.trial]) this.staffPlan(w, levels);
    this.at = this.plan.map((w) => w.saveState());
    this.forgetPlan();
    this.finalWithin = this.plan.map((w, i) => {
      w.runTo((days + 1) * 24);
      const within = w.within.slice();
      w.restoreState(this.at[i]);
      return within;
    });
  }

  /** Puts `cut` on day d of the trial warehouses and sets them back at the midnight of day d. */
  startCut(d: number, cut: Levels): void {
    this.staffTrialDay(d, cut);
    this.trial.forEach((w, i) => w.restoreState(this.at[i]));
    if (this.planAt < 0) {
      this.plan.forEach((w, i) => w.restoreState(this.at[i]));
      this.planAt = d;
    }
    this.pending = null;
  }

  /** Replays the trial to midnight m (and the plan, the first time it is asked there); the trial's shares of days from..to (inclusive). */
  step(m: number, from: number, to: number): Step {
    for (const w of this.trial) w.runTo(m * 24);
    let marks = this.planMarks.get(m);
    if (!marks) {
      for (const w of this.plan) w.runTo(m * 24);
      marks = this.plan.map((w) => w.mark());
      this.planMarks.set(m, marks);
      this.planAt = m;
    }
    this.stepAt = m;
    this.pending = this.trial.map((w) => w.within.slice());
    const shares: number[][] = [];
    for (let e = from; e <= to; e++) shares.push(this.trial.map((w) => w.share(e)));
    return { shares, same: this.trial.every((w, i) => w.sameFutureAs(marks[i])) };
  }

  /**
   * Once trial and plan run alike: each day's final count under the cut is what the trial has now
   * plus what the plan still adds to it. The trial's shares of days from..days-1.
   */
  merge(firstDay: number, from: number): number[][] {
    const { days } = this.input;
    const marks = this.planMarks.get(this.stepAt)!;
    this.pending = this.trial.map((w, i) => {
      const out = this.finalWithin[i].slice();
      for (let e = firstDay; e < days; e++) out[e] = e < from ? w.within[e] : w.within[e] + this.finalWithin[i][e] - marks[i].within[e];
      return out;
    });
    const shares: number[][] = [];
    for (let e = from; e < days; e++) shares.push(this.trial.map((w, i) => (w.arrived[e] > 0 ? this.pending![i][e] / w.arrived[e] : 1)));
    return shares;
  }

  /** Ends a cut: kept, it joins the plan (and its final counts); otherwise the trial goes back to the plan. */
  endCut(d: number, cut: Levels, kept: boolean, planned: Levels): void {
    if (kept) {
      for (const w of this.plan) this.staffDayAndRunOut(w, d, cut);
      this.pending!.forEach((x, i) => this.finalWithin[i].set(x));
      this.forgetPlan();
    } else this.staffTrialDay(d, planned);
    this.pending = null;
  }

  /** The plan on to the next midnight (nobody on duty at its first instant, see closeMidnight). */
  nextMidnight(d: number, next: Levels): void {
    this.at = this.plan.map((w, i) => {
      w.restoreState(this.at[i]);
      closeMidnight(w, d + 1);
      w.runTo((d + 1) * 24);
      const state = w.saveState();
      staffDay(w, this.input, d + 1, next);
      return state;
    });
    this.forgetPlan();
  }

  private forgetPlan(): void {
    this.planMarks = new Map();
    this.planAt = -1;
  }

  private staffTrialDay(d: number, levels: Levels): void {
    for (const w of this.trial) this.staffDayAndRunOut(w, d, levels);
  }

  private staffDayAndRunOut(w: WarehouseAlone, d: number, levels: Levels): void {
    staffDay(w, this.input, d, levels);
    if (d === this.input.days - 1) staffDay(w, this.input, d + 1, levels);
  }
}

/** A block's moves, here or across a worker boundary. */
export type Block = { [K in keyof ReplicaBlock]: ReplicaBlock[K] extends (...a: infer A) => infer R ? (...a: A) => R | Promise<R> : never };

/** The blocks' moves as one, each answer in replication order (blocks hold consecutive replications). */
export interface Replicas {
  dayWork(): Promise<[Float64Array, Float64Array]>;
  evaluate(day: number, levels: Levels): Promise<Outcome>;
  accept(day: number, levels: Levels): Promise<void>;
  replay(levels: Levels[]): Promise<number[][]>;
  startMinimal(levels: Levels[]): Promise<void>;
  startCut(d: number, cut: Levels): Promise<void>;
  step(m: number, from: number, to: number): Promise<Step>;
  merge(firstDay: number, from: number): Promise<number[][]>;
  endCut(d: number, cut: Levels, kept: boolean, planned: Levels): Promise<void>;
  nextMidnight(d: number, next: Levels): Promise<void>;
}

/** The moves a block makes, by name (what a worker is asked to run on its block). */
export const MOVES = ['dayWork', 'evaluate', 'accept', 'replay', 'startMinimal', 'startCut', 'step', 'merge', 'endCut', 'nextMidnight'] as const satisfies readonly (keyof ReplicaBlock)[];

/** A block held elsewhere, each move sent through `call` (a worker's staffingMove). */
export function remoteBlock(call: (move: (typeof MOVES)[number], args: unknown[]) => Promise<unknown>): Block {
  return Object.fromEntries(MOVES.map((move) => [move, (...args: unknown[]) => call(move, args)])) as unknown as Block;
}

export function replicas(blocks: Block[]): Replicas {
  const all = <R>(call: (b: Block) => R | Promise<R>) => Promise.all(blocks.map(call));
  const byDay = (parts: number[][][]) => parts[0].map((_, e) => parts.flatMap((p) => p[e]));
  return {
    dayWork: async () => {
      const parts = await all((b) => b.dayWork());
      const sum = (station: 0 | 1) => parts[0][station].map((_, d) => parts.reduce((a, p) => a + p[station][d], 0));
      return [sum(0), sum(1)];
    },
    evaluate: async (day, levels) => {
      const parts = await all((b) => b.evaluate(day, levels));
      return { prev: parts.flatMap((p) => p.prev), today: parts.flatMap((p) => p.today) };
    },
    accept: async (day, levels) => { await all((b) => b.accept(day, levels)); },
    replay: async (levels) => (await all((b) => b.replay(levels))).flat(),
    startMinimal: async (levels) => { await all((b) => b.startMinimal(levels)); },
    startCut: async (d, cut) => { await all((b) => b.startCut(d, cut)); },
    step: async (m, from, to) => {
      const parts = await all((b) => b.step(m, from, to));
      return { shares: byDay(parts.map((p) => p.shares)), same: parts.every((p) => p.same) };
    },
    merge: async (firstDay, from) => byDay(await all((b) => b.merge(firstDay, from))),
    endCut: async (d, cut, kept, planned) => { await all((b) => b.endCut(d, cut, kept, planned)); },
    nextMidnight: async (d, next) => { await all((b) => b.nextMidnight(d, next)); },
  };
}

/** Splits replications into `count` blocks of consecutive ones (as even as can be). */
export function blocksOf<T>(items: T[], count: number): T[][] {
  const n = Math.max(1, Math.min(count, items.length));
  return Array.from({ length: n }, (_, g) => items.slice(Math.floor((g * items.length) / n), Math.floor(((g + 1) * items.length) / n)));
}
