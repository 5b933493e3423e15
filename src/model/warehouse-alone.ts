// The warehouse on its own (docs/model.md §11–§13): a recorded inflow (inflow.ts) replayed through
// receiving, QC and put-away under a roster given hour by hour, counting per arrival day the
// parcels stocked within the service target. Nothing is drawn: every time comes with the parcel,
// so two rosters see the same parcels (common random numbers) and more staff can only help. Its
// whole state can be saved at a midnight and resumed under another roster (the staffing planner).
import { Resource, Simulation, type ResourceState, type SimulationState, type WaitingLineState } from '../engine/index.ts';
import type { Inflow } from './inflow.ts';

/** A saved warehouse (WarehouseAlone.saveState). */
export interface WarehouseState {
  sim: SimulationState;
  receiving: ResourceState;
  qc: ResourceState;
  arrived: Int32Array;
  within: Int32Array;
  inService: Int32Array;
}

// The bits of a completion time, for the in-service fingerprint.
const timeBits = new Float64Array(1);
const timeWords = new Int32Array(timeBits.buffer);

/** A 32-bit hash of (parcel, completion time): XORed in when service starts and out when it ends. */
function serviceHash(p: number, t: number): number {
  timeBits[0] = t;
  let h = Math.imul(p ^ 0x9e3779b9, 0x85ebca6b) ^ timeWords[0];
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ timeWords[1];
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return h ^ (h >>> 16);
}

export class WarehouseAlone {
  /** Staff on duty in each hour from the start, per station; hours past the end keep the last value. Change freely between runs. */
  readonly receivingStaff: Int32Array;
  readonly qcStaff: Int32Array;
  /** Per arrival day: parcels arrived, and those stocked (or rejected whole) within `withinHours` of arriving. */
  readonly arrived: Int32Array;
  readonly within: Int32Array;
  /**
   * Fingerprint of the parcels in service at each station (XOR of their hashed parcel and end time)
   * and the parcels arrived in all: with the waiting lines, what the future depends on.
   */
  private readonly inService = new Int32Array(3);
  /** Parcels arriving at or after this time are left out (the planner's look at how the parcels in hand finish). */
  arrivalsUntil = Infinity;
  private readonly sim = new Simulation();
  private readonly receiving: Resource;
  private readonly qc: Resource;
  private readonly ARRIVE: number;
  private readonly HOUR: number;

  /**
   * `days` days of arrivals are counted; the staff arrays give each hour's staff (at least one
   * value each). `withinHours` is the target: stocked less than this many hours after arriving.
   */
  constructor(private readonly inflow: Inflow, readonly days: number, readonly withinHours: number, receivingStaff: ArrayLike<number>, qcStaff: ArrayLike<number>) {
    this.receivingStaff = Int32Array.from(receivingStaff);
    this.qcStaff = Int32Array.from(qcStaff);
    this.arrived = new Int32Array(days);
    this.within = new Int32Array(days);
    const sim = this.sim;
    const { arrivedAt, receivingHours, qcHours, rejected, putawayHours, count } = inflow;
    const receiving = (this.receiving = new Resource(sim, { servers: this.receivingStaff[0], immediateGrants: true }));
    const qc = (this.qc = new Resource(sim, { servers: this.qcStaff[0], immediateGrants: true }));
    const inService = this.inService;
    const receive = (p: number) => {
      inService[0] ^= serviceHash(p, sim.now + receivingHours[p]);
      sim.schedule(receivingHours[p], RECEIVED, p);
    };
    const inspect = (p: number) => {
      inService[1] ^= serviceHash(p, sim.now + qcHours[p]);
      sim.schedule(qcHours[p], INSPECTED, p);
    };
    const RECEIVE = sim.on(receive);
    const RECEIVED = sim.on((p) => {
      inService[0] ^= serviceHash(p, sim.now);
      receiving.release();
      if (qc.acquire(INSPECT, p)) inspect(p);
    });
    const INSPECT = sim.on(inspect);
    const INSPECTED = sim.on((p) => {
      inService[1] ^= serviceHash(p, sim.now);
      qc.release();
      const day = Math.floor(arrivedAt[p] / 24);
      if (day < days && sim.now + (rejected[p] ? 0 : putawayHours) - arrivedAt[p] < withinHours) this.within[day]++;
    });
    this.ARRIVE = sim.on((p) => {
      if (arrivedAt[p] >= this.arrivalsUntil) return;
      const day = Math.floor(arrivedAt[p] / 24);
      if (day < days) this.arrived[day]++;
      inService[2]++;
      if (p + 1 < count) sim.scheduleAt(arrivedAt[p + 1], this.ARRIVE, p + 1);
      if (receiving.acquire(RECEIVE, p)) receive(p);
    });
    this.HOUR = sim.on((h) => {
      this.staffHour(h);
      if (h + 1 < Math.max(this.receivingStaff.length, this.qcStaff.length)) sim.scheduleAt(h + 1, this.HOUR, h + 1);
    });
    if (count > 0) sim.scheduleAt(arrivedAt[0], this.ARRIVE, 0);
    sim.scheduleAt(0, this.HOUR, 0);
  }

  get now(): number {
    return this.sim.now;
  }

  /** Replays up to time `hours`. */
  runTo(hours: number): void {
    this.sim.run({ until: hours });
  }

  /** Share of a day's parcels stocked within the target; 1 for a day with none (nothing was late). */
  share(day: number): number {
    return this.arrived[day] > 0 ? this.within[day] / this.arrived[day] : 1;
  }

  saveState(): WarehouseState {
    return { sim: this.sim.saveState(), receiving: this.receiving.saveState(), qc: this.qc.saveState(), arrived: this.arrived.slice(), within: this.within.slice(), inService: this.inService.slice() };
  }

  /**
   * Resumes from a saved state under the staff arrays as they are now (the hour in progress takes
   * their value at once). Saved at a midnight whose hour had no staff on duty, it goes on exactly as
   * an unbroken replay under the new arrays would.
   */
  restoreState(state: WarehouseState): void {
    this.sim.restoreState(state.sim);
    this.receiving.restoreState(state.receiving);
    this.qc.restoreState(state.qc);
    this.arrived.set(state.arrived);
    this.within.set(state.within);
    this.inService.set(state.inService);
    this.applyStaff();
  }

  /** Puts the staff arrays' value for the hour in progress on duty now (after changing them mid-run). */
  applyStaff(): void {
    this.staffHour(Math.floor(this.sim.now));
  }

  private staffHour(h: number): void {
    const r = this.receivingStaff, q = this.qcStaff;
    this.receiving.setCapacity(r[Math.min(h, r.length - 1)]);
    this.qc.setCapacity(q[Math.min(h, q.length - 1)]);
  }

  /**
   * What the replay's future depends on, now: the parcels arrived, those in service (a fingerprint
   * of who ends when), who waits at each station in what order since when; and the counts so far.
   */
  mark(): WarehouseMark {
    const line = (r: Resource) => ({ busy: r.busy, waiting: r.line.saveState() });
    return { now: this.sim.now, inService: this.inService.slice(), receiving: line(this.receiving), qc: line(this.qc), within: this.within.slice() };
  }

  /**
   * True if, from now on, this warehouse goes on exactly as the one marked (the same inflow, another
   * roster until then) under the same staff: the same parcels arrived, the same in service ending
   * at the same times, the same waiting in the same order since the same times.
   */
  sameFutureAs(mark: WarehouseMark): boolean {
    if (this.sim.now !== mark.now) return false;
    for (let i = 0; i < 3; i++) if (this.inService[i] !== mark.inService[i]) return false;
    return sameLine(this.receiving, mark.receiving) && sameLine(this.qc, mark.qc);
  }

  sameFuture(other: WarehouseAlone): boolean {
    return this.sameFutureAs(other.mark());
  }
}

/** A warehouse's state as far as its future goes (WarehouseAlone.mark), with its counts so far. */
export interface WarehouseMark {
  now: number;
  inService: Int32Array;
  receiving: { busy: number; waiting: WaitingLineState };
  qc: { busy: number; waiting: WaitingLineState };
  within: Int32Array;
}

function sameLine(a: Resource, b: { busy: number; waiting: WaitingLineState }): boolean {
  const w = b.waiting;
  if (a.busy !== b.busy || a.line.length !== w.kind.length) return false;
  const line = a.line, mask = line.kind.length - 1;
  for (let k = 0; k < line.length; k++) {
    const i = (line.front + k) & mask;
    if (line.payload[i] !== w.payload[k] || line.since[i] !== w.since[k] || line.kind[i] !== w.kind[k]) return false;
  }
  return true;
}
