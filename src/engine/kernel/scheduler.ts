// What the kernel's parts (processes, resources, stores) need of a simulation: its clock and its
// calendar. They depend on this, not on Simulation, so the kernel has no import circle.

/** A handler receives the integer payload given to `schedule`. */
export type Handler = (payload: number) => void;

export interface Scheduler {
  /** Current simulated time, in hours. */
  readonly now: number;
  /** Registers a handler; returns its event kind. */
  on(handler: Handler): number;
  /** Schedules event `kind` after `delay` hours; returns a cancel handle. */
  schedule(delay: number, kind: number, payload?: number): number;
  /** Schedules event `kind` at absolute time `time`; returns a cancel handle. */
  scheduleAt(time: number, kind: number, payload?: number): number;
  /** Runs event `kind`'s handler now, without a trip through the calendar. */
  fire(kind: number, payload?: number): void;
}
