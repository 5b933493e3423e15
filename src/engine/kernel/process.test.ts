// Generator processes: timeouts, joins, immediate grants, and the SimPy-style M/M/c in a dozen lines.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { Resource } from './resource.ts';

describe('processes', () => {
  it('a process advances by timeouts and interleaves with others in time order', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.process(function* () {
      log.push(`a0@${sim.now}`);
      yield sim.timeout(2);
      log.push(`a1@${sim.now}`);
      yield sim.timeout(3);
      log.push(`a2@${sim.now}`);
    });
    sim.process(function* () {
      yield sim.timeout(1);
      log.push(`b1@${sim.now}`);
      yield sim.timeout(3);
      log.push(`b2@${sim.now}`);
    });
    sim.run();
    expect(log).toEqual(['a0@0', 'b1@1', 'a1@2', 'b2@4', 'a2@5']);
  });

  it('yielding a process waits for it to finish and reads its return value', () => {
    const sim = new Simulation();
    const child = sim.process(function* () {
      yield sim.timeout(4);
      return 'parcel';
    });
    let seen: unknown;
    let at = -1;
    sim.process(function* () {
      yield child;
      seen = child.value;
      at = sim.now;
      yield child; // already finished: goes on at once
      expect(sim.now).toBe(4);
    });
    sim.run();
    expect(child.alive).toBe(false);
    expect(seen).toBe('parcel');
    expect(at).toBe(4);
  });

  it('a yield of something that is not waitable fails with a clear message', () => {
    const sim = new Simulation();
    sim.process(function* () {
      yield 3 as never;
    });
    expect(() => sim.run()).toThrow(/yielded 3: yield sim.timeout\(h\)/);
  });

  it('rejects a non-generator body', () => {
    const sim = new Simulation();
    expect(() => sim.process((() => 5) as never)).toThrow(/expected a generator/);
  });

  it('the M/M/c example of DESIGN.md runs in a dozen lines and serves every customer', () => {
    const sim = new Simulation({ seed: 42, replication: 0 });
    const arrivals = sim.stream('arrivals'), service = sim.stream('service');
    const desk = new Resource(sim, { servers: 4 });
    let served = 0;
    sim.process(function* source() {
      for (;;) {
        yield sim.timeout(arrivals.exponential(3.6));
        sim.process(customer());
      }
    });
    function* customer() {
      yield desk.request();
      yield sim.timeout(service.exponential(1.0));
      desk.release();
      served++;
    }
    sim.run({ until: 2_000 });
    // 3.6 an hour for 2000 h: about 7200 customers (Poisson sd ~85), at load 0.9 per server.
    expect(served).toBeGreaterThan(6900);
    expect(served).toBeLessThan(7500);
    expect(desk.busy).toBeLessThanOrEqual(4);
    expect(desk.busyLevel.mean(sim.now)).toBeGreaterThan(0.85 * 3.6 / 1.0 * 0.9);
  });
});
