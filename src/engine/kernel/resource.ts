// A multi-server FIFO resource (a packing bench, a receiving dock, a QC line) whose number of
// servers may follow a roster. Non-pre-emptive: when servers leave, jobs in hand finish first.
import type { Scheduler } from './scheduler.ts';
import type { Process, Waitable } from './process.ts';
import { WaitingLine, type WaitingLineState } from './waiting-line.ts';
import { Roster } from './roster.ts';
import { TimeWeighted } from '../stats/time-weighted.ts';
import { Tally } from '../stats/tally.ts';

export interface ResourceOptions {
  /** A fixed number of servers (default 1), or */
  servers?: number;
  /** a roster the number of servers follows. */
  roster?: Roster;
  /**
   * Hand a freed server to the next job by calling its event at once (Simulation.fire) rather
   * than scheduling it for now: one event fewer per queued job, for callback-style models whose
   * grant handlers only schedule work. Default false (the grant is an event, as in SimPy).
   */
  immediateGrants?: boolean;
}

/** Waitable for `yield resource.request()`: resumes the process once it holds a server. */
export class Request implements Waitable {
  constructor(private readonly resource: Resource) {}
  wait(process: Process): boolean {
    return this.resource.acquire(process.resumeKind, process.id);
  }
}

/** A saved resource (Resource.saveState): plain data and typed arrays. */
export interface ResourceState {
  capacity: number;
  busy: number;
  line: WaitingLineState;
  busyLevel: Record<string, number>;
  queueLevel: Record<string, number>;
  capacityLevel: Record<string, number>;
  waits: Record<string, number>;
}

export class Resource {
  /** Servers on duty now. */
  capacity: number;
  /** Servers busy now (may exceed capacity for a while after a roster cut). */
  busy = 0;
  readonly line = new WaitingLine();
  /** Time-weighted number of busy servers, of waiting jobs, and of servers on duty. */
  readonly busyLevel: TimeWeighted;
  readonly queueLevel: TimeWeighted;
  readonly capacityLevel: TimeWeighted;
  /** Waiting time (hours) of each job, counted when it gets a server. */
  readonly waits = new Tally();
  private readonly roster: Roster | undefined;
  private readonly immediateGrants: boolean;
  private readonly rosterKind: number;

  constructor(private readonly sim: Scheduler, options: ResourceOptions = {}) {
    const { servers, roster } = options;
    if (servers !== undefined && roster !== undefined) {
      throw new RangeError('Resource: give either servers or roster, not both');
    }
    if (servers !== undefined && (!Number.isInteger(servers) || servers < 0)) {
      throw new RangeError(`Resource: servers must be a whole number >= 0, got ${servers}`);
    }
    this.roster = roster;
    this.immediateGrants = options.immediateGrants ?? false;
    this.capacity = roster ? roster.serversAt(sim.now) : servers ?? 1;
    this.busyLevel = new TimeWeighted(sim.now, 0);
    this.queueLevel = new TimeWeighted(sim.now, 0);
    this.capacityLevel = new TimeWeighted(sim.now, this.capacity);
    this.rosterKind = sim.on(() => this.followRoster());
    if (roster) this.scheduleRosterChange();
  }

  /** Jobs waiting for a server. */
  get queueLength(): number {
    return this.line.length;
  }

  /**
   * Callback style: claims a server for the event (kind, payload). Returns true if one is free
   * now (the caller goes on and must `release` later); otherwise the claim waits FIFO and the
   * event fires when it gets a server.
   */
  acquire(kind: number, payload: number): boolean {
    if (this.busy < this.capacity && this.line.length === 0) {
      this.busy++;
      this.busyLevel.update(this.sim.now, this.busy);
      this.waits.add(0);
      return true;
    }
    this.line.push(kind, payload, 1, this.sim.now);
    this.queueLevel.update(this.sim.now, this.line.length);
    return false;
  }

  /** Process style: `yield desk.request()` waits FIFO for a server. */
  request(): Request {
    return new Request(this);
  }

  /** Frees one server and hands it to the oldest waiting job if the roster allows. */
  release(): void {
    if (this.busy <= 0) throw new Error('Resource.release: no server is busy');
    this.busy--;
    this.serveWaiting();
    this.busyLevel.update(this.sim.now, this.busy);
  }

  /** Changes the number of servers now. Jobs in hand are never interrupted. */
  setCapacity(servers: number): void {
    if (!Number.isInteger(servers) || servers < 0) {
      throw new RangeError(`Resource.setCapacity: servers must be a whole number >= 0, got ${servers}`);
    }
    this.capacity = servers;
    this.capacityLevel.update(this.sim.now, servers);
    this.serveWaiting();
    this.busyLevel.update(this.sim.now, this.busy);
  }

  /**
   * The resource's state between events (a snapshot, with Simulation.saveState): servers on duty
   * and busy, the waiting line and the statistics.
   */
  saveState(): ResourceState {
    const copy = (o: object) => ({ ...o }) as Record<string, number>;
    return {
      capacity: this.capacity, busy: this.busy, line: this.line.saveState(),
      busyLevel: copy(this.busyLevel), queueLevel: copy(this.queueLevel), capacityLevel: copy(this.capacityLevel), waits: copy(this.waits),
    };
  }

  /**
   * Puts back a saved state, into this resource or a twin built the same way. A resource that
   * follows a roster then takes its servers from its own roster at the current time, so a
   * snapshot can go on under another roster whose changes fall at the same times (its pending
   * change is in the saved calendar).
   */
  restoreState(state: ResourceState): void {
    this.capacity = state.capacity;
    this.busy = state.busy;
    this.line.restoreState(state.line);
    Object.assign(this.busyLevel, state.busyLevel);
    Object.assign(this.queueLevel, state.queueLevel);
    Object.assign(this.capacityLevel, state.capacityLevel);
    Object.assign(this.waits, state.waits);
    if (this.roster) this.setCapacity(this.roster.serversAt(this.sim.now));
  }

  private serveWaiting(): void {
    const line = this.line, now = this.sim.now;
    if (line.length === 0 || this.busy >= this.capacity) return;
    while (line.length > 0 && this.busy < this.capacity) {
      const i = line.front;
      const kind = line.kind[i], payload = line.payload[i];
      this.busy++;
      this.waits.add(now - line.since[i]);
      line.shift();
      this.queueLevel.update(now, line.length);
      if (this.immediateGrants) this.sim.fire(kind, payload);
      else this.sim.schedule(0, kind, payload);
    }
  }

  private followRoster(): void {
    this.setCapacity(this.roster!.serversAt(this.sim.now));
    this.scheduleRosterChange();
  }

  private scheduleRosterChange(): void {
    const t = this.roster!.nextChange(this.sim.now);
    if (t !== Infinity) this.sim.scheduleAt(t, this.rosterKind, 0);
  }
}
