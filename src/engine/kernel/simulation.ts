// The simulation: a clock in hours, one event calendar, named random streams, and the run loop.
// Events are (time, kind, payload): a kind is a handler registered once with `on`.
import { Calendar } from './calendar.ts';
import type { Handler, Scheduler } from './scheduler.ts';
import { RandomStream, type RandomStreamState } from '../random/random.ts';
import { ProcessTable, Timeout, type ProcessBody, type Process } from './process.ts';

export interface SimulationOptions {
  /** Base seed of every random stream (a whole number). */
  seed?: number;
  /** Replication index: replication i draws from streams derived from (seed, i, name). */
  replication?: number;
}

export interface RunOptions {
  /** Fire every event at or before this time, then set the clock to it. */
  until?: number;
  /** Stop after this many events have fired in this call. */
  maxEvents?: number;
}

export type StopReason = 'until' | 'empty' | 'maxEvents' | 'stopped';

export interface RunOutcome {
  reason: StopReason;
  /** Events fired by this call. */
  events: number;
}

export type { Handler };

/** A simulation's saved state (Simulation.saveState): plain data and typed arrays. */
export interface SimulationState {
  now: number;
  eventsFired: number;
  handlers: number;
  calendar: Record<string, unknown>;
  streams: [string, RandomStreamState][];
}

export class Simulation implements Scheduler {
  /** Current simulated time, in hours. */
  now = 0;
  /** Events fired since the simulation was created. */
  eventsFired = 0;
  readonly seed: number;
  readonly replication: number;
  private readonly calendar = new Calendar();
  private readonly handlers: Handler[] = [];
  private readonly streams = new Map<string, RandomStream>();
  private readonly processes: ProcessTable;
  private stopRequested = false;
  // The running `run` call's bounds, for advanceTo, and the events it handled inline.
  private runUntil = -Infinity;
  private runUnlimited = false;
  private inlineFired = 0;

  constructor(options: SimulationOptions = {}) {
    const { seed = 0, replication = 0 } = options;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`Simulation: seed must be a whole number, got ${seed}`);
    if (!Number.isSafeInteger(replication) || replication < 0) {
      throw new RangeError(`Simulation: replication must be a whole number >= 0, got ${replication}`);
    }
    this.seed = seed;
    this.replication = replication;
    this.processes = new ProcessTable(this);
  }

  /**
   * The simulation's state between events (a snapshot, e.g. at a midnight): clock, calendar and
   * every random stream. The handlers are not state: a snapshot is restored into a simulation
   * whose model registered the same handlers in the same order. Processes (generators) cannot be
   * saved, so a simulation with live ones refuses.
   */
  saveState(): SimulationState {
    if (this.runUntil !== -Infinity) throw new Error('Simulation.saveState: not inside run(); save between runs');
    if (this.processes.live > 0) throw new Error(`Simulation.saveState: ${this.processes.live} live processes cannot be saved`);
    return {
      now: this.now,
      eventsFired: this.eventsFired,
      handlers: this.handlers.length,
      calendar: this.calendar.saveState(),
      streams: [...this.streams].map(([name, s]) => [name, s.saveState()]),
    };
  }

  /** Continues from a saved state; the model must have registered the same handlers (checked by count). */
  restoreState(state: SimulationState): void {
    if (state.handlers !== this.handlers.length) {
      throw new Error(`Simulation.restoreState: the state was saved with ${state.handlers} handlers, this simulation has ${this.handlers.length}`);
    }
    this.now = state.now;
    this.eventsFired = state.eventsFired;
    this.calendar.restoreState(state.calendar);
    for (const [name, s] of state.streams) this.stream(name).restoreState(s);
  }

  /** The random stream of this name for this (seed, replication); the same object on every call. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = new RandomStream(this.seed, this.replication, name);
      this.streams.set(name, s);
    }
    return s;
  }

  /** Registers an event handler and returns its kind, for `schedule`. */
  on(handler: Handler): number {
    if (typeof handler !== 'function') throw new TypeError('Simulation.on: handler must be a function');
    return this.handlers.push(handler) - 1;
  }

  /** Schedules event `kind` with `payload` after `delay` hours; returns a handle for `cancel`. */
  schedule(delay: number, kind: number, payload = 0): number {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`Simulation.schedule: delay must be a finite number of hours >= 0, got ${delay}`);
    }
    return this.push(this.now + delay, kind, payload);
  }

  /** Schedules event `kind` at absolute time `time` (not before now). */
  scheduleAt(time: number, kind: number, payload = 0): number {
    if (!(time >= this.now) || time === Infinity) {
      throw new RangeError(
        Number.isNaN(time) || time === Infinity
          ? `Simulation.scheduleAt: time must be a finite number of hours, got ${time}`
          : `Simulation.scheduleAt: time ${time} is in the past (now is ${this.now})`,
      );
    }
    return this.push(time, kind, payload);
  }

  private push(time: number, kind: number, payload: number): number {
    if (!(kind >= 0 && kind < this.handlers.length) || (kind | 0) !== kind) {
      throw new RangeError(`Simulation.schedule: kind ${kind} is not a handler registered with on()`);
    }
    if ((payload | 0) !== payload) {
      throw new RangeError(`Simulation.schedule: payload must be a 32-bit integer, got ${payload}`);
    }
    return this.calendar.push(time, kind, payload);
  }

  /**
   * Fires event `kind` with `payload` now, inside the current handler, without going through
   * the calendar: for hand-offs that need no event of their own (a resource granting a freed
   * server to the next job in line). Ordinary models should `schedule(0, ...)` instead.
   */
  fire(kind: number, payload = 0): void {
    this.handlers[kind](payload);
  }

  /**
   * For a source that schedules its own next event (arrivals): if the running `run` reaches
   * `time` and nothing else is due at or before it, moves the clock there and returns true,
   * and the caller handles that event inline, saving a trip through the calendar. The order
   * of events is exactly what scheduling it would give. Returns false otherwise (then
   * schedule it), and always inside a run bounded by maxEvents or after stop().
   */
  advanceTo(time: number): boolean {
    if (!(time >= this.now) || time > this.runUntil || !this.runUnlimited || this.stopRequested) return false;
    const slot = this.calendar.peekMin();
    if (slot >= 0 && !(this.calendar.timeOf(slot) > time)) {
      this.calendar.rewind(this.now);
      return false;
    }
    this.now = time;
    this.calendar.rewind(time);
    this.inlineFired++;
    return true;
  }

  /** Cancels a pending event; returns false if it has already fired or been cancelled. */
  cancel(handle: number): boolean {
    return this.calendar.cancel(handle);
  }

  /** True while the event behind this handle is still waiting to fire. */
  isPending(handle: number): boolean {
    return this.calendar.isPending(handle);
  }

  /** Number of events waiting in the calendar. */
  get pending(): number {
    return this.calendar.size;
  }

  /** Time of the next event, or Infinity if none. */
  peek(): number {
    const slot = this.calendar.peekMin();
    if (slot < 0) return Infinity;
    const t = this.calendar.timeOf(slot);
    this.calendar.rewind(this.now);
    return t;
  }

  /** Asks the running `run` call to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Fires events in time order (FIFO among equal times) until the calendar is empty, the next
   * event is after `until`, `maxEvents` have fired, or a handler calls `stop()`.
   */
  run(options: RunOptions = {}): RunOutcome {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    if (Number.isNaN(until) || until < this.now) {
      throw new RangeError(`Simulation.run: until must be a time >= now (${this.now}), got ${until}`);
    }
    if (!(maxEvents >= 0)) throw new RangeError(`Simulation.run: maxEvents must be >= 0, got ${maxEvents}`);
    const cal = this.calendar, handlers = this.handlers;
    this.stopRequested = false;
    this.runUntil = until;
    this.runUnlimited = maxEvents === Infinity;
    this.inlineFired = 0;
    let fired = 0;
    let reason: StopReason = 'empty';
    while (fired < maxEvents) {
      const slot = cal.peekMin();
      if (slot < 0) { reason = 'empty'; break; }
      const t = cal.timeOf(slot);
      if (t > until) { reason = 'until'; break; }
      const kind = cal.kindOf(slot), payload = cal.payloadOf(slot);
      cal.popMin();
      this.now = t;
      fired++;
      handlers[kind](payload);
      if (this.stopRequested) { reason = 'stopped'; break; }
    }
    if (fired >= maxEvents && reason === 'empty' && cal.size > 0) reason = 'maxEvents';
    fired += this.inlineFired;
    this.runUntil = -Infinity;
    this.eventsFired += fired;
    if (reason === 'until' || (reason === 'empty' && until !== Infinity)) {
      this.now = until;
      reason = 'until';
    }
    cal.rewind(this.now);
    return { reason, events: fired };
  }

  /** Starts a generator process now; `yield` inside it a Timeout, a resource request, ... */
  process(body: ProcessBody): Process {
    return this.processes.start(body);
  }

  /** A waitable that resumes the yielding process after `delay` hours. */
  timeout(delay: number): Timeout {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`Simulation.timeout: delay must be a finite number of hours >= 0, got ${delay}`);
    }
    return new Timeout(delay);
  }
}
