// Saving a simulation's state between runs and resuming from it: the same events and draws, to
// the bit, as the uninterrupted run (the ground a model's midnight snapshots stand on).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';

/** A little model: arrivals and services that reschedule themselves, drawing exponentials and normals; it logs every event. */
function build(log: number[]) {
  const sim = new Simulation({ seed: 7, replication: 3 });
  const arrivals = sim.stream('arrivals'), service = sim.stream('service');
  const ARRIVE = sim.on((n) => {
    log.push(sim.now, 0, n, service.normal(0, 1)); // an odd number of normals: one waits as the spare
    sim.schedule(arrivals.exponential(2), ARRIVE, n + 1);
    sim.schedule(service.exponential(1.5), DONE, n);
  });
  const DONE = sim.on((n) => { log.push(sim.now, 1, n, arrivals.random()); });
  sim.schedule(0, ARRIVE, 0);
  return sim;
}

describe('Simulation.saveState / restoreState', () => {
  it('resumes with byte-identical events and draws, as often as asked', () => {
    const whole: number[] = [];
    const a = build(whole);
    a.run({ until: 50 });
    const state = a.saveState();
    const cut = whole.length;
    a.run({ until: 100 });

    for (let k = 0; k < 2; k++) {
      // Fresh wiring with its own first event pending: all of it replaced by the saved state.
      const log: number[] = [];
      const b = build(log);
      b.restoreState(state);
      b.run({ until: 100 });
      expect(b.now).toBe(100);
      expect(b.eventsFired).toBe(a.eventsFired);
      expect(new Float64Array(log)).toEqual(new Float64Array(whole.slice(cut)));
    }
  });

  it('refuses inside a run, with live processes, and into other wiring', () => {
    const sim = new Simulation();
    const kind = sim.on(() => { expect(() => sim.saveState()).toThrow(/not inside run/); });
    sim.schedule(1, kind);
    sim.run({ until: 2 });
    const withProcess = new Simulation();
    withProcess.process(function* () { yield withProcess.timeout(5); });
    withProcess.run({ until: 1 });
    expect(() => withProcess.saveState()).toThrow(/1 live processes/);
    const other = new Simulation();
    expect(() => other.restoreState(sim.saveState())).toThrow(/saved with 2 handlers, this simulation has 1/); // one is the process table's
  });
});
