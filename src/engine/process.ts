// Generator processes, SimPy style: a process yields a waitable (a timeout, a resource request,
// a store get/put, another process) and resumes when it is satisfied. They ride on the same
// calendar as callbacks: resuming a process is an ordinary event whose payload is its id.
import type { Simulation } from './simulation.ts';

/** Something a process can yield. */
export interface Waitable {
  /**
   * Arranges for `process` to be resumed when this is satisfied, by scheduling
   * `process.resumeKind` with `process.id`. Returns true if it is satisfied already, in which
   * case the process goes on at once without an event.
   */
  wait(process: Process): boolean;
}

export type ProcessGenerator = Generator<Waitable, unknown, unknown>;
export type ProcessBody = ProcessGenerator | (() => ProcessGenerator);

/** Resumes the yielding process after a delay in hours. */
export class Timeout implements Waitable {
  constructor(readonly delay: number) {}
  wait(process: Process): boolean {
    process.sim.schedule(this.delay, process.resumeKind, process.id);
    return false;
  }
}

/** A running process; yield it from another process to wait until it finishes. */
export class Process implements Waitable {
  /** False once the generator has returned. */
  alive = true;
  /** What the generator returned. */
  value: unknown = undefined;
  private joiners: Process[] = [];

  constructor(
    readonly sim: Simulation,
    readonly id: number,
    readonly resumeKind: number,
    readonly generator: ProcessGenerator,
  ) {}

  wait(process: Process): boolean {
    if (!this.alive) return true;
    this.joiners.push(process);
    return false;
  }

  /** Called by the table when the generator returns: wakes every process that joined it. */
  finish(value: unknown): void {
    this.alive = false;
    this.value = value;
    for (const p of this.joiners) this.sim.schedule(0, p.resumeKind, p.id);
    this.joiners.length = 0;
  }
}

/** The processes of one simulation, indexed by id, with the one event kind that resumes them. */
export class ProcessTable {
  private readonly live: (Process | undefined)[] = [];
  private readonly freeIds: number[] = [];
  readonly resumeKind: number;

  constructor(private readonly sim: Simulation) {
    this.resumeKind = sim.on((id) => this.step(id));
  }

  start(body: ProcessBody): Process {
    const generator = typeof body === 'function' ? body() : body;
    if (generator === null || typeof generator !== 'object' || typeof generator.next !== 'function') {
      throw new TypeError('Simulation.process: expected a generator (function* () { ... }) or a generator function');
    }
    const id = this.freeIds.length > 0 ? this.freeIds.pop()! : this.live.length;
    const process = new Process(this.sim, id, this.resumeKind, generator);
    this.live[id] = process;
    // Like SimPy, a new process first runs at the current time, after events already due now.
    this.sim.schedule(0, this.resumeKind, id);
    return process;
  }

  /** Runs a process until it yields something not yet satisfied, or returns. */
  private step(id: number): void {
    const process = this.live[id]!;
    for (;;) {
      const r = process.generator.next();
      if (r.done) {
        this.live[id] = undefined;
        this.freeIds.push(id);
        process.finish(r.value);
        return;
      }
      const waitable = r.value as Waitable | undefined;
      if (waitable === null || typeof waitable !== 'object' || typeof waitable.wait !== 'function') {
        throw new TypeError(
          `process ${id} yielded ${String(waitable)}: yield sim.timeout(h), resource.request(), store.get(n), store.put(n) or a process`,
        );
      }
      if (!waitable.wait(process)) return;
    }
  }
}
