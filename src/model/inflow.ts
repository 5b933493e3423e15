// What reaches the warehouse in one replication, parcel by parcel in order of arrival (the inflow):
// when each parcel arrived, its receiving and QC times and whether QC rejected it whole. The
// staffing planner (docs/results.md, "Planners") replays it against candidate rosters.
/** One replication's parcels in order of arrival: plain data, moved across a worker boundary by transfer. */
export interface Inflow {
  /** Parcels recorded. */
  count: number;
  /** Arrival time (hours from the season start). */
  arrivedAt: Float64Array;
  /** Time to unload and scan it (hours, §11): the draw the model made, or would make, for it. */
  receivingHours: Float64Array;
  /** Time to inspect it (hours, §12). */
  qcHours: Float64Array;
  /** 1 if QC rejected every order in it: it is done at the end of its inspection, with no put-away. */
  rejected: Uint8Array;
  /** Put-away after inspection (hours, §13). */
  putawayHours: number;
}

/** The buffers of an inflow, to move it rather than copy it. */
export function inflowBuffers(f: Inflow): ArrayBuffer[] {
  return [f.arrivedAt, f.receivingHours, f.qcHours, f.rejected].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Records the inflow while the model runs. Receiving is one FIFO line, so parcels start their
 * receiving in the order they arrived: the k-th service time drawn belongs to the k-th arrival,
 * whatever the roster — which is why the replay may key service times to the parcel.
 */
export class InflowRecorder {
  private n = 0;
  private started = 0;
  private arrivedAt = new Float64Array(1024);
  private receivingHours = new Float64Array(1024);
  private qcHours = new Float64Array(1024);
  private rejected = new Uint8Array(1024);
  /** Arrival index of the parcel in each record slot, while it is in the warehouse. */
  private indexOfSlot = new Int32Array(256);

  constructor(private readonly putawayHours: number, private readonly qc: { perParcelMinutes: number; perUnitMinutes: number }) {}

  arrived(parcel: number, now: number, units: number): void {
    if (this.n === this.arrivedAt.length) this.grow();
    if (parcel >= this.indexOfSlot.length) {
      const slots = new Int32Array(Math.max(parcel + 1, this.indexOfSlot.length * 2));
      slots.set(this.indexOfSlot);
      this.indexOfSlot = slots;
    }
    this.indexOfSlot[parcel] = this.n;
    this.arrivedAt[this.n] = now;
    this.qcHours[this.n] = (this.qc.perParcelMinutes + this.qc.perUnitMinutes * units) / 60;
    this.n++;
  }

  /** The receiving time just drawn for the next parcel to start receiving (the oldest not started). */
  receivingStarted(hours: number): void {
    this.receivingHours[this.started++] = hours;
  }

  rejectedWhole(parcel: number): void {
    this.rejected[this.indexOfSlot[parcel]] = 1;
  }

  /**
   * The inflow. Parcels still waiting for receiving at the horizon get the next draws of the same
   * receiving stream, the ones the model would have given them; one not inspected yet counts as accepted.
   */
  finish(receivingTime: () => number): Inflow {
    while (this.started < this.n) this.receivingHours[this.started++] = receivingTime();
    const n = this.n;
    return {
      count: n,
      arrivedAt: this.arrivedAt.slice(0, n),
      receivingHours: this.receivingHours.slice(0, n),
      qcHours: this.qcHours.slice(0, n),
      rejected: this.rejected.slice(0, n),
      putawayHours: this.putawayHours,
    };
  }

  private grow(): void {
    const size = this.arrivedAt.length * 2;
    const bigger = <T extends Float64Array | Uint8Array>(a: T, into: T): T => { into.set(a); return into; };
    this.arrivedAt = bigger(this.arrivedAt, new Float64Array(size));
    this.receivingHours = bigger(this.receivingHours, new Float64Array(size));
    this.qcHours = bigger(this.qcHours, new Float64Array(size));
    this.rejected = bigger(this.rejected, new Uint8Array(size));
  }
}
