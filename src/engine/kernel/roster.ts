// A roster: how many servers (staff) a resource has over time, as a step function that may
// repeat with a period (a day's shifts), for resources whose capacity follows a schedule.

export class Roster {
  private readonly times: Float64Array;
  private readonly servers: Int32Array;

  /**
   * `servers[i]` are on duty from `times[i]` until `times[i + 1]` (the last value holds on).
   * With `period`, the pattern repeats: times must lie in [0, period) and the value at time t
   * is the one at t mod period (before times[0] in a period, the last value of the period).
   */
  constructor(times: ArrayLike<number>, servers: ArrayLike<number>, readonly period?: number) {
    if (times.length === 0 || times.length !== servers.length) {
      throw new RangeError(`Roster: times and servers must be non-empty and the same length, got ${times.length} and ${servers.length}`);
    }
    if (period !== undefined && !(period > 0 && period < Infinity)) {
      throw new RangeError(`Roster: period must be a finite number of hours > 0, got ${period}`);
    }
    for (let i = 0; i < times.length; i++) {
      const t = times[i], n = servers[i];
      if (!Number.isFinite(t) || (i > 0 && !(t > times[i - 1]))) {
        throw new RangeError(`Roster: times must be finite and strictly increasing, got times[${i}] = ${t}`);
      }
      if (period !== undefined && !(t >= 0 && t < period)) {
        throw new RangeError(`Roster: times[${i}] = ${t} must lie in [0, ${period}) for a periodic roster`);
      }
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`Roster: servers[${i}] must be a whole number >= 0, got ${n}`);
      }
    }
    this.times = Float64Array.from(times);
    this.servers = Int32Array.from(servers);
  }

  /** A roster with a constant number of servers. */
  static constant(servers: number): Roster {
    return new Roster([0], [servers]);
  }

  /** Servers on duty at time t. */
  serversAt(t: number): number {
    const { times, servers, period } = this;
    const local = period === undefined ? t : t - Math.floor(t / period) * period;
    // Rosters are short (a day's shifts, a season's surges): a scan is as fast as a search.
    let i = -1;
    while (i + 1 < times.length && times[i + 1] <= local) i++;
    if (i >= 0) return servers[i];
    return period === undefined ? servers[0] : servers[servers.length - 1];
  }

  /** The first time after t at which the number of servers may change, or Infinity. */
  nextChange(t: number): number {
    const { times, period } = this;
    if (period === undefined) {
      for (let i = 0; i < times.length; i++) if (times[i] > t) return times[i];
      return Infinity;
    }
    const base = Math.floor(t / period) * period;
    for (let i = 0; i < times.length; i++) if (base + times[i] > t) return base + times[i];
    return base + period + times[0];
  }
}
