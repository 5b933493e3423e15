// The warehouse on its own (docs/model.md §11–§13): a recorded inflow (inflow.ts) replayed through
// receiving, QC and put-away under a roster given hour by hour, counting per arrival day the
// parcels stocked within the service target. Nothing is drawn: every time comes with the parcel,
// so two rosters see the same parcels (common random numbers) and more staff can only help. Its
// whole state can be saved at a midnight and resumed under another roster (the staffing planner).
import { Resource, Simulation, type ResourceState, type SimulationState } from '../engine/index.ts';
import type { Inflow } from './inflow.ts';

/** A saved warehouse (WarehouseAlone.saveState). */
export interface WarehouseState {
  sim: SimulationState;
  receiving: ResourceState;
  qc: ResourceState;
  arrived: Int32Array;
  within: Int32Array;
}

export class WarehouseAlone {
  /** Staff on duty in each hour from the start, per station; hours past the end keep the last value. Change freely between runs. */
  readonly receivingStaff: Int32Array;
  readonly qcStaff: Int32Array;
  /** Per arrival day: parcels arrived, and those stocked (or rejected whole) within `withinHours` of arriving. */
  readonly arrived: Int32Array;
  readonly within: Int32Array;
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
    const RECEIVE = sim.on((p) => sim.schedule(receivingHours[p], RECEIVED, p));
    const RECEIVED = sim.on((p) => {
      receiving.release();
      if (qc.acquire(INSPECT, p)) sim.schedule(qcHours[p], INSPECTED, p);
    });
    const INSPECT = sim.on((p) => sim.schedule(qcHours[p], INSPECTED, p));
    const INSPECTED = sim.on((p) => {
      qc.release();
      const day = Math.floor(arrivedAt[p] / 24);
      if (day < days && sim.now + (rejected[p] ? 0 : putawayHours) - arrivedAt[p] < withinHours) this.within[day]++;
    });
    this.ARRIVE = sim.on((p) => {
      const day = Math.floor(arrivedAt[p] / 24);
      if (day < days) this.arrived[day]++;
      if (p + 1 < count) sim.scheduleAt(arrivedAt[p + 1], this.ARRIVE, p + 1);
      if (receiving.acquire(RECEIVE, p)) sim.schedule(receivingHours[p], RECEIVED, p);
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
    return { sim: this.sim.saveState(), receiving: this.receiving.saveState(), qc: this.qc.saveState(), arrived: this.arrived.slice(), within: this.within.slice() };
  }

  /** Resumes from a saved state under the staff arrays as they are now (the hour in progress takes their value at once). */
  restoreState(state: WarehouseState): void {
    this.sim.restoreState(state.sim);
    this.receiving.restoreState(state.receiving);
    this.qc.restoreState(state.qc);
    this.arrived.set(state.arrived);
    this.within.set(state.within);
    this.staffHour(Math.floor(this.sim.now));
  }

  private staffHour(h: number): void {
    const r = this.receivingStaff, q = this.qcStaff;
    this.receiving.setCapacity(r[Math.min(h, r.length - 1)]);
    this.qc.setCapacity(q[Math.min(h, q.length - 1)]);
  }

  /** Parcels in the inflow (for callers that size their work). */
  get parcels(): number {
    return this.inflow.count;
  }
}
