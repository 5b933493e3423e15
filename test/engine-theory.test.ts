// The engine against queueing theory: M/M/1 and M/M/10 at load 0.9 (Erlang C), M/D/1
// (Pollaczek–Khinchine) and Little's law, on long single runs with fixed seeds.
import { describe, expect, it } from 'vitest';
import { Simulation, Resource, mg1, mmc } from '../src/engine/index.ts';

interface Measured {
  wait: number;
  queueLength: number;
  arrivals: number;
  horizon: number;
  timeInSystem: number;
  inSystem: number;
}

/**
 * A G/G/c queue on the callback path: Poisson arrivals, service from `service`, FIFO.
 * Runs until `customers` have arrived, measuring waits and time averages.
 */
function runQueue(seed: number, arrivalRate: number, servers: number, customers: number, service: (sim: Simulation) => () => number): Measured {
  const sim = new Simulation({ seed });
  const arrivals = sim.stream('arrivals');
  const draw = service(sim);
  const desk = new Resource(sim, { servers });
  const arrivedAt = new Float64Array(customers);
  let arrived = 0, inSystem = 0, inSystemArea = 0, lastChange = 0, sojournSum = 0, departed = 0;
  const track = (delta: number) => {
    inSystemArea += inSystem * (sim.now - lastChange);
    lastChange = sim.now;
    inSystem += delta;
  };
  const DONE = sim.on((c) => {
    desk.release();
    track(-1);
    sojournSum += sim.now - arrivedAt[c];
    departed++;
  });
  const START = sim.on((c) => sim.schedule(draw(), DONE, c));
  const ARRIVE = sim.on((c) => {
    arrivedAt[c] = sim.now;
    arrived++;
    track(+1);
    if (desk.acquire(START, c)) sim.schedule(draw(), DONE, c);
    if (c + 1 < customers) sim.schedule(arrivals.exponential(arrivalRate), ARRIVE, c + 1);
  });
  sim.schedule(arrivals.exponential(arrivalRate), ARRIVE, 0);
  sim.run();
  const horizon = sim.now;
  track(0);
  return {
    wait: desk.waits.mean,
    queueLength: desk.queueLevel.mean(horizon),
    arrivals: arrived,
    horizon,
    timeInSystem: sojournSum / departed,
    inSystem: inSystemArea / horizon,
  };
}

const exponentialService = (rate: number) => (sim: Simulation) => {
  const s = sim.stream('service');
  return () => s.exponential(rate);
};

describe('engine against queueing theory', () => {
  it('M/M/1 at load 0.9: mean wait and queue length within 3% of theory', () => {
    // Wq = ρ/(μ−λ) = 9 h, Lq = 8.1. At ρ = 0.9 waits are strongly autocorrelated: the variance
    // constant of the mean wait is ≈ ρ(2+5ρ−4ρ²+ρ³)/(1−ρ)⁴ ≈ 3.6e4, so 4M customers give a
    // standard error of ≈ 1%: 3% is three standard errors.
    const theory = mmc(0.9, 1, 1);
    expect(theory.wait).toBeCloseTo(9, 12);
    const m = runQueue(1, 0.9, 1, 4_000_000, exponentialService(1));
    expect(Math.abs(m.wait / theory.wait - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.queueLength / theory.queueLength - 1)).toBeLessThan(0.03);
  });

  it('M/M/10 at load 0.9: mean wait and queue length within 3% of Erlang C', () => {
    const theory = mmc(9, 1, 10); // Erlang C = 0.6687315 (direct formula), Wq = C/(cμ−λ)
    expect(theory.wait).toBeCloseTo(0.6687315241, 9);
    const m = runQueue(2, 9, 10, 3_000_000, exponentialService(1));
    expect(Math.abs(m.wait / theory.wait - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.queueLength / theory.queueLength - 1)).toBeLessThan(0.03);
  });

  it('M/D/1 at load 0.8: mean wait within 3% of Pollaczek–Khinchine', () => {
    const theory = mg1(0.8, 1, 0); // Wq = λE[S²]/(2(1−ρ)) = 2 h
    expect(theory.wait).toBeCloseTo(2, 12);
    const m = runQueue(3, 0.8, 1, 2_000_000, () => () => 1);
    expect(Math.abs(m.wait / theory.wait - 1)).toBeLessThan(0.03);
  });

  it("Little's law L = λW holds within 1% for the queue and for the whole system", () => {
    const m = runQueue(4, 0.85, 1, 1_000_000, exponentialService(1));
    const lambda = m.arrivals / m.horizon;
    expect(Math.abs(m.queueLength / (lambda * m.wait) - 1)).toBeLessThan(0.01);
    expect(Math.abs(m.inSystem / (lambda * m.timeInSystem) - 1)).toBeLessThan(0.01);
  });
});
