// The simulation's contract: event order, cancel, run boundaries, stop, determinism, bad input.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';

describe('Simulation ordering', () => {
  it('fires events in time order, and FIFO among equal times', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const LOG = sim.on((p) => fired.push(`${names[p]}@${sim.now}`));
    sim.schedule(2, LOG, 0);
    sim.schedule(1, LOG, 1);
    sim.schedule(2, LOG, 2);
    sim.scheduleAt(1, LOG, 3);
    sim.schedule(0, LOG, 4);
    sim.schedule(2, LOG, 5);
    sim.run();
    expect(fired).toEqual(['e@0', 'b@1', 'd@1', 'a@2', 'c@2', 'f@2']);
  });

  it('an event scheduled for now by a handler runs after the events already due now', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const LOG = sim.on((p) => fired.push(p));
    const SPAWN = sim.on(() => sim.schedule(0, LOG, 99));
    sim.schedule(1, SPAWN);
    sim.schedule(1, LOG, 1);
    sim.schedule(1, LOG, 2);
    sim.run();
    expect(fired).toEqual([1, 2, 99]);
  });

  it('cancel removes a pending event once; a fired event cannot be cancelled', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const LOG = sim.on((p) => fired.push(p));
    const a = sim.schedule(1, LOG, 1);
    const b = sim.schedule(2, LOG, 2);
    sim.schedule(3, LOG, 3);
    expect(sim.cancel(b)).toBe(true);
    expect(sim.cancel(b)).toBe(false);
    expect(sim.pending).toBe(2);
    sim.run({ until: 1.5 });
    expect(sim.cancel(a)).toBe(false);
    expect(sim.isPending(a)).toBe(false);
    sim.run();
    expect(fired).toEqual([1, 3]);
  });

  it('run until fires events at exactly `until`, not after, and leaves the clock there', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const LOG = sim.on((p) => fired.push(p));
    sim.schedule(5, LOG, 5);
    sim.schedule(5 + 1e-9, LOG, 6);
    const out = sim.run({ until: 5 });
    expect(out).toEqual({ reason: 'until', events: 1 });
    expect(fired).toEqual([5]);
    expect(sim.now).toBe(5);
    // The clock moves to `until` even when the calendar empties before it.
    const out2 = sim.run({ until: 100 });
    expect(out2.reason).toBe('until');
    expect(sim.now).toBe(100);
    expect(fired).toEqual([5, 6]);
    // Scheduling right after an until-stop lands before later events.
    sim.schedule(10, LOG, 7);
    sim.schedule(0.5, LOG, 8);
    sim.run({ until: 200 });
    expect(fired).toEqual([5, 6, 8, 7]);
  });

  it('run without until stops when the calendar is empty, keeping the last event time', () => {
    const sim = new Simulation();
    const LOG = sim.on(() => {});
    sim.schedule(3, LOG);
    expect(sim.run()).toEqual({ reason: 'empty', events: 1 });
    expect(sim.now).toBe(3);
  });

  it('maxEvents and stop() end a run early, and a later run resumes where it left off', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const LOG = sim.on((p) => { fired.push(p); if (p === 4) sim.stop(); });
    for (let i = 0; i < 8; i++) sim.schedule(i, LOG, i);
    expect(sim.run({ maxEvents: 3 })).toEqual({ reason: 'maxEvents', events: 3 });
    expect(sim.now).toBe(2);
    expect(sim.run()).toEqual({ reason: 'stopped', events: 2 });
    expect(sim.now).toBe(4);
    expect(sim.run()).toEqual({ reason: 'empty', events: 3 });
    expect(fired).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sim.eventsFired).toBe(8);
  });

  it('peek tells the next event time without consuming it', () => {
    const sim = new Simulation();
    const LOG = sim.on(() => {});
    expect(sim.peek()).toBe(Infinity);
    sim.schedule(4, LOG);
    expect(sim.peek()).toBe(4);
    sim.schedule(1, LOG);
    expect(sim.peek()).toBe(1);
    expect(sim.run({ maxEvents: 1 }).events).toBe(1);
    expect(sim.now).toBe(1);
  });
});

describe('advanceTo (inline self-scheduling)', () => {
  /** Poisson arrivals among other events, the arrivals either scheduled or handled inline. */
  function trace(inline: boolean, until: number): { log: string; fired: number } {
    const sim = new Simulation({ seed: 3 });
    const gaps = sim.stream('gaps'), other = sim.stream('other');
    const log: string[] = [];
    const OTHER = sim.on((p) => { log.push(`o${p}@${sim.now}`); if (p < 300) sim.schedule(other.exponential(2), OTHER, p + 1); });
    const ARRIVE = sim.on(function arrive(p) {
      for (let n = p; ; n++) {
        log.push(`a${n}@${sim.now}`);
        if (n >= 500) return;
        const next = sim.now + Math.round(gaps.exponential(1) * 4) / 4; // ties with other events happen
        if (!(inline && sim.advanceTo(next))) { sim.scheduleAt(next, ARRIVE, n + 1); return; }
      }
    });
    sim.schedule(0, ARRIVE, 0);
    sim.schedule(0.5, OTHER, 0);
    let fired = 0;
    for (let t = 10; t <= until; t += 10) fired += sim.run({ until: t }).events;
    return { log: log.join(' '), fired };
  }

  it('gives exactly the trace of scheduling, across run boundaries, and counts inline events', () => {
    const a = trace(false, 200), b = trace(true, 200);
    expect(b.log).toBe(a.log);
    expect(b.fired).toBe(a.fired);
  });

  it('refuses when something is due first, beyond until, or in a run bounded by maxEvents', () => {
    const sim = new Simulation();
    const K = sim.on(() => {});
    let answers: boolean[] = [];
    const PROBE = sim.on(() => { answers = [sim.advanceTo(sim.now + 2), sim.advanceTo(sim.now + 0.5), sim.advanceTo(100)]; });
    sim.schedule(1, PROBE);
    sim.schedule(2, K); // due at 2: advancing to 3 must be refused
    sim.run({ until: 50 });
    expect(answers).toEqual([false, true, false]); // 1.5 is fine; 100 is past until
    sim.schedule(1, PROBE);
    sim.run({ maxEvents: 10 });
    expect(answers[1]).toBe(false);
  });
});

describe('Simulation bad input', () => {
  const sim = new Simulation();
  const K = sim.on(() => {});
  it.each([
    ['a negative delay', () => sim.schedule(-1, K), /delay must be a finite number of hours >= 0, got -1/],
    ['a NaN delay', () => sim.schedule(Number.NaN, K), /got NaN/],
    ['an infinite delay', () => sim.schedule(Infinity, K), /got Infinity/],
    ['a time in the past', () => { sim.run({ until: 10 }); sim.scheduleAt(3, K); }, /time 3 is in the past \(now is 10\)/],
    ['a NaN time', () => sim.scheduleAt(Number.NaN, K), /finite number of hours, got NaN/],
    ['an unknown kind', () => sim.schedule(1, 42), /kind 42 is not a handler registered/],
    ['a fractional payload', () => sim.schedule(1, K, 1.5), /payload must be a 32-bit integer/],
    ['run until before now', () => sim.run({ until: 1 }), /until must be a time >= now/],
    ['a fractional seed', () => new Simulation({ seed: 1.5 }), /seed must be a whole number/],
    ['a negative replication', () => new Simulation({ replication: -1 }), /replication must be a whole number >= 0/],
    ['a negative timeout', () => sim.timeout(-2), /Simulation.timeout: delay must be/],
  ])('rejects %s with a clear error', (_name, act, message) => {
    expect(act).toThrow(message);
  });
});

/** A small stochastic model whose whole event trace is hashed. */
function traceHash(seed: number, replication: number, extraStream = false): string {
  const sim = new Simulation({ seed, replication });
  const hash = createHash('sha256');
  const arrivals = sim.stream('arrivals');
  if (extraStream) sim.stream('a-new-stream').random(); // a stream added later must not shift others
  const service = sim.stream('service');
  const DONE = sim.on((p) => hash.update(`d${p}@${sim.now};`));
  const ARRIVE = sim.on((p) => {
    hash.update(`a${p}@${sim.now};`);
    sim.schedule(service.exponential(1.2), DONE, p);
    if (p < 2000) sim.schedule(arrivals.exponential(1), ARRIVE, p + 1);
  });
  sim.schedule(0, ARRIVE, 0);
  sim.run();
  return hash.digest('hex');
}

describe('Simulation determinism', () => {
  it('the same seed gives an identical event trace; another seed or replication a different one', () => {
    const a = traceHash(42, 0);
    expect(traceHash(42, 0)).toBe(a);
    expect(traceHash(43, 0)).not.toBe(a);
    expect(traceHash(42, 1)).not.toBe(a);
  });

  it('adding a stream does not change the draws of existing streams', () => {
    expect(traceHash(7, 3, true)).toBe(traceHash(7, 3, false));
  });

  it('stream(name) returns the same stream object for the same name', () => {
    const sim = new Simulation({ seed: 1 });
    expect(sim.stream('x')).toBe(sim.stream('x'));
    expect(sim.stream('x')).not.toBe(sim.stream('y'));
  });
});
