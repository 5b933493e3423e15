// Resources: FIFO service, rosters that never interrupt work in hand, and hand-computed schedules.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { Resource } from './resource.ts';
import { Roster } from './roster.ts';

/** Jobs of fixed service time arriving at given times; returns (start, end) per job. */
function serve(resource: (sim: Simulation) => Resource, arrivals: number[], service: number, until = 1000) {
  const sim = new Simulation();
  const res = resource(sim);
  const starts: number[] = [], ends: number[] = [];
  const DONE = sim.on((job) => { ends[job] = sim.now; res.release(); });
  const START = sim.on((job) => { starts[job] = sim.now; sim.schedule(service, DONE, job); });
  const ARRIVE = sim.on((job) => { if (res.acquire(START, job)) { starts[job] = sim.now; sim.schedule(service, DONE, job); } });
  arrivals.forEach((t, job) => sim.scheduleAt(t, ARRIVE, job));
  sim.run({ until });
  return { starts, ends, res, sim };
}

describe('Resource', () => {
  it('serves FIFO on a fixed number of servers', () => {
    const { starts, ends } = serve((sim) => new Resource(sim, { servers: 2 }), [0, 0, 0, 1, 1], 3);
    expect(starts).toEqual([0, 0, 3, 3, 6]);
    expect(ends).toEqual([3, 3, 6, 6, 9]);
  });

  it('follows a roster without interrupting work in hand (hand-computed)', () => {
    // 2 servers 0–8 h, none 8–16 h, 1 from 16 h. Seven 3-hour jobs all at time 0.
    // 0: jobs 0,1 start; 3: jobs 2,3; 6: jobs 4,5 start (and run past 8, as they must);
    // 8–16: nobody new starts; 16: job 6 starts on the single server, ends 19.
    const roster = new Roster([0, 8, 16], [2, 0, 1]);
    const { starts, ends, res } = serve((sim) => new Resource(sim, { roster }), [0, 0, 0, 0, 0, 0, 0], 3, 30);
    expect(starts).toEqual([0, 0, 3, 3, 6, 6, 16]);
    expect(ends).toEqual([3, 3, 6, 6, 9, 9, 19]);
    // Staff on duty: 2 x 8 + 0 x 8 + 1 x 14 over 30 h; busy server-hours: 7 jobs x 3 h.
    expect(res.capacityLevel.area(30)).toBeCloseTo(30, 12);
    expect(res.busyLevel.area(30)).toBeCloseTo(21, 12);
    expect(res.waits.mean).toBeCloseTo((0 + 0 + 3 + 3 + 6 + 6 + 16) / 7, 12);
  });

  it('a daily periodic roster repeats every day', () => {
    // One server from 09:00 to 17:00, none otherwise; a 2-hour job arriving at 16:00 each day
    // starts at once (16:00 is on shift) and one arriving at 20:00 waits until 09:00 next day.
    const roster = new Roster([9, 17], [1, 0], 24);
    expect(roster.serversAt(8)).toBe(0);
    expect(roster.serversAt(9)).toBe(1);
    expect(roster.serversAt(24 + 16.9)).toBe(1);
    expect(roster.serversAt(48 + 17)).toBe(0);
    expect(roster.nextChange(10)).toBe(17);
    expect(roster.nextChange(17)).toBe(33);
    const { starts, ends } = serve((sim) => new Resource(sim, { roster }), [16, 20, 24 + 16], 2, 100);
    expect(starts).toEqual([16, 33, 40]);
    expect(ends).toEqual([18, 35, 42]);
  });

  it('setCapacity up serves the waiting line at once; release without a busy server throws', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { servers: 0 });
    const got: number[] = [];
    const GOT = sim.on((p) => got.push(p));
    expect(res.acquire(GOT, 1)).toBe(false);
    expect(res.acquire(GOT, 2)).toBe(false);
    expect(res.queueLength).toBe(2);
    res.setCapacity(1);
    sim.run();
    expect(got).toEqual([1]);
    expect(res.queueLength).toBe(1);
    res.release();
    sim.run();
    expect(got).toEqual([1, 2]);
    res.release();
    expect(() => res.release()).toThrow(/no server is busy/);
  });

  it('with immediate grants the next job starts inside the release, with the same schedule and one event fewer', () => {
    const plain = serve((sim) => new Resource(sim, { servers: 2 }), [0, 0, 0, 1, 1], 3);
    const direct = serve((sim) => new Resource(sim, { servers: 2, immediateGrants: true }), [0, 0, 0, 1, 1], 3);
    expect(direct.starts).toEqual(plain.starts);
    expect(direct.ends).toEqual(plain.ends);
    expect(direct.sim.eventsFired).toBe(plain.sim.eventsFired - 3); // three jobs waited for a server
  });

  it('rejects bad servers and rosters with clear errors', () => {
    const sim = new Simulation();
    expect(() => new Resource(sim, { servers: -1 })).toThrow(/servers must be a whole number >= 0, got -1/);
    expect(() => new Resource(sim, { servers: 1.5 })).toThrow(/got 1.5/);
    expect(() => new Roster([0, 0], [1, 2])).toThrow(/strictly increasing/);
    expect(() => new Roster([0], [-3])).toThrow(/servers\[0\] must be a whole number >= 0, got -3/);
    expect(() => new Roster([25], [1], 24)).toThrow(/must lie in \[0, 24\)/);
    expect(() => new Roster([], [])).toThrow(/non-empty/);
  });

  it('saves its state between events and resumes from it in a twin, under its own roster (hand-computed)', () => {
    // Seven 3-hour jobs at 0 on the roster 2 (0–8 h), 0 (8–16 h), 1 (from 16 h), saved at 7 h:
    // jobs 4 and 5 in hand, job 6 waiting. A twin whose roster has 2 from 16 h resumes it: job 6
    // starts at 16 as before; with a saved line of one, the queue and busy counts come back as saved.
    const build = (late: number) => {
      const sim = new Simulation();
      const res = new Resource(sim, { roster: new Roster([0, 8, 16], [2, 0, late]) });
      const starts: number[] = [];
      const DONE = sim.on(() => res.release());
      const start = (job: number) => { starts[job] = sim.now; sim.schedule(3, DONE, job); };
      const START = sim.on(start);
      const ARRIVE = sim.on((job) => { if (res.acquire(START, job)) start(job); });
      return { sim, res, starts, ARRIVE };
    };
    const a = build(1);
    for (let job = 0; job < 7; job++) a.sim.scheduleAt(0, a.ARRIVE, job);
    a.sim.run({ until: 7 });
    const saved = { sim: a.sim.saveState(), res: a.res.saveState() };
    expect(saved.res.busy).toBe(2);
    expect(Array.from(saved.res.line.payload)).toEqual([6]);
    const b = build(2);
    b.sim.restoreState(saved.sim);
    b.res.restoreState(saved.res);
    expect(b.res.busy).toBe(2);
    expect(b.res.queueLength).toBe(1);
    expect(b.res.capacity).toBe(2); // its own roster at 7 h
    b.sim.run({ until: 30 });
    expect(b.starts[6]).toBe(16);
    expect(b.res.queueLength).toBe(0);
    // The saved state is a copy: restoring it again gives the same line.
    b.res.restoreState(saved.res);
    expect(b.res.queueLength).toBe(1);
  });
});
