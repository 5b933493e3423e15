// Closed-form results of queueing theory that the simulator is checked against:
// M/M/c by Erlang C, and M/G/1 by Pollaczek–Khinchine.
import { exp } from '../random/math.ts';

export interface QueueFigures {
  /** Mean wait in queue (hours) before service starts. */
  wait: number;
  /** Mean number waiting in queue. */
  queueLength: number;
  /** Server utilisation, arrival rate / (servers x service rate). */
  load: number;
}

/** Erlang C: probability that an arrival waits, for c servers and offered load a = λ/μ < c. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`erlangC: servers must be a whole number >= 1, got ${servers}`);
  if (!(offeredLoad >= 0 && offeredLoad < servers)) {
    throw new RangeError(`erlangC: offered load must be in [0, servers) for a stable queue, got ${offeredLoad}`);
  }
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / servers;
  return b / (1 - rho + rho * b);
}

/** M/M/c with arrival rate λ and service rate μ per server (per hour). */
export function mmc(arrivalRate: number, serviceRate: number, servers: number): QueueFigures {
  const a = arrivalRate / serviceRate;
  const c = erlangC(servers, a);
  const wait = c / (servers * serviceRate - arrivalRate);
  return { wait, queueLength: arrivalRate * wait, load: a / servers };
}

/**
 * M/M/c: the probability that a customer spends more than `t` hours in the system (wait plus
 * service). The wait is 0 with probability 1 − C and otherwise exponential with rate cμ − λ
 * (C by Erlang C); the service is exponential with rate μ and independent of it.
 */
export function mmcTimeInSystemTail(arrivalRate: number, serviceRate: number, servers: number, t: number): number {
  const c = erlangC(servers, arrivalRate / serviceRate);
  const theta = servers * serviceRate - arrivalRate, mu = serviceRate;
  const both = Math.abs(theta - mu) < 1e-12 * mu ? (1 + mu * t) * exp(-mu * t) : (theta * exp(-mu * t) - mu * exp(-theta * t)) / (theta - mu);
  return (1 - c) * exp(-mu * t) + c * both;
}

/**
 * M/G/1 (Pollaczek–Khinchine): mean wait λ E[S²] / (2 (1 − ρ)), from the mean and variance of
 * the service time. M/D/1 is variance 0, M/M/1 variance mean².
 */
export function mg1(arrivalRate: number, serviceMean: number, serviceVariance: number): QueueFigures {
  const load = arrivalRate * serviceMean;
  if (!(load >= 0 && load < 1)) throw new RangeError(`mg1: load λE[S] must be in [0, 1) for a stable queue, got ${load}`);
  const secondMoment = serviceVariance + serviceMean * serviceMean;
  const wait = (arrivalRate * secondMoment) / (2 * (1 - load));
  return { wait, queueLength: arrivalRate * wait, load };
}
