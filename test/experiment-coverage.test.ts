// Confidence intervals that mean what they say: 200 independent 10-replication intervals of an
// M/M/1 mean wait, each replication started in steady state, cover the true value about 95% of
// the time (the count must fall between 90% and 99%).
import { describe, expect, it } from 'vitest';
import { Simulation, Resource, confidenceInterval, mmc } from '../src/engine/index.ts';

const LAMBDA = 0.5, MU = 1, CUSTOMERS = 2000;

/** Mean queueing wait of the first CUSTOMERS arrivals, from a stationary start (replication i of seed 77). */
function meanWait(replication: number): number {
  const sim = new Simulation({ seed: 77, replication });
  const arrivals = sim.stream('arrivals'), service = sim.stream('service'), start = sim.stream('start');
  const desk = new Resource(sim, { servers: 1 });
  let waitSum = 0, counted = 0, arrived = 0;
  const DONE = sim.on(() => desk.release());
  const START = sim.on((c) => {
    if (c >= 0) { waitSum += sim.now - arrivedAt.get(c)!; counted++; arrivedAt.delete(c); }
    sim.schedule(service.exponential(MU), DONE, 0);
  });
  const arrivedAt = new Map<number, number>();
  const ARRIVE = sim.on(() => {
    const c = arrived++;
    arrivedAt.set(c, sim.now);
    if (desk.acquire(START, c)) { counted++; arrivedAt.delete(c); sim.schedule(service.exponential(MU), DONE, 0); } // no wait
    if (arrived < CUSTOMERS) sim.schedule(arrivals.exponential(LAMBDA), ARRIVE, 0);
  });
  // Steady state at time 0: P(N = n) = (1 − ρ) ρ^n customers already present (memoryless services).
  const present = start.geometric(1 - LAMBDA / MU);
  for (let i = 0; i < present; i++) if (desk.acquire(START, -1 - i)) sim.schedule(service.exponential(MU), DONE, 0);
  sim.schedule(arrivals.exponential(LAMBDA), ARRIVE, 0);
  sim.run();
  return waitSum / counted;
}

describe('confidence intervals cover', () => {
  it('about 95% of 200 ten-replication intervals contain the true M/M/1 mean wait', () => {
    const truth = mmc(LAMBDA, MU, 1).wait; // ρ/(μ−λ) = 1 h
    let covered = 0;
    for (let k = 0; k < 200; k++) {
      const waits = Array.from({ length: 10 }, (_, j) => meanWait(k * 10 + j));
      const ci = confidenceInterval(waits);
      if (ci.low <= truth && truth <= ci.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });
});
