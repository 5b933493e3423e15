// Time average of a level that changes at events (queue length, staff on duty, stock on hand):
// the level is a step function of simulated time, so its mean is an area over a span.

/** Plain-data state of a TimeWeighted; survives structured clone unchanged. */
export interface TimeWeightedSnapshot {
  startTime: number;
  lastTime: number;
  level: number;
  /** Area under the level from startTime to lastTime. */
  area: number;
  min: number;
  max: number;
}

export class TimeWeighted {
  private start: number;
  private last: number;
  private level: number;
  private sum = 0;
  private lo: number;
  private hi: number;

  constructor(startTime = 0, initialLevel = 0) {
    if (!Number.isFinite(startTime)) {
      throw new RangeError(`TimeWeighted: startTime must be a finite number, got ${startTime}`);
    }
    if (!Number.isFinite(initialLevel)) {
      throw new RangeError(`TimeWeighted: initialLevel must be a finite number, got ${initialLevel}`);
    }
    this.start = startTime;
    this.last = startTime;
    this.level = initialLevel;
    this.lo = initialLevel;
    this.hi = initialLevel;
  }

  /**
   * The level becomes `level` at `time`. Several updates at one time are allowed; a level held
   * for zero time still counts for min and max (a queue that reached 5 for an instant did
   * reach 5) but adds no area.
   */
  update(time: number, level: number): void {
    if (!(time >= this.last)) {
      throw new RangeError(`TimeWeighted.update: time must be a number >= ${this.last} (the last update), got ${time}`);
    }
    if (!Number.isFinite(level)) {
      throw new RangeError(`TimeWeighted.update: level must be a finite number, got ${level}`);
    }
    if (time === Infinity) throw new RangeError('TimeWeighted.update: time must be finite, got Infinity');
    this.sum += this.level * (time - this.last);
    this.last = time;
    this.level = level;
    if (level < this.lo) this.lo = level;
    if (level > this.hi) this.hi = level;
  }

  /** Integral of the level from the start (or last reset) to `untilTime` (default: the last update). */
  area(untilTime = this.last): number {
    if (!(untilTime >= this.last) || untilTime === Infinity) {
      throw new RangeError(`TimeWeighted.area: untilTime must be a finite number >= ${this.last} (the last update), got ${untilTime}`);
    }
    return this.sum + this.level * (untilTime - this.last);
  }

  /**
   * Time-average level from the start (or last reset) to `untilTime` (default: the last update).
   * Over a span of zero length it returns the current level, the limit of the average as the
   * span shrinks to nothing, rather than 0/0.
   */
  mean(untilTime = this.last): number {
    const a = this.area(untilTime);
    const span = untilTime - this.start;
    return span > 0 ? a / span : this.level;
  }

  /** Discards the past (warm-up): statistics restart at `time` from the current level. */
  reset(time: number): void {
    if (!(time >= this.last) || time === Infinity) {
      throw new RangeError(`TimeWeighted.reset: time must be a finite number >= ${this.last} (the last update), got ${time}`);
    }
    this.start = time;
    this.last = time;
    this.sum = 0;
    this.lo = this.level;
    this.hi = this.level;
  }

  /** The level now. */
  get current(): number {
    return this.level;
  }

  /** Highest level since the start or last reset. */
  get max(): number {
    return this.hi;
  }

  /** Lowest level since the start or last reset. */
  get min(): number {
    return this.lo;
  }

  /** Start of the averaging span (construction or last reset). */
  get startTime(): number {
    return this.start;
  }

  /** Time of the last update. */
  get lastTime(): number {
    return this.last;
  }

  snapshot(): TimeWeightedSnapshot {
    return { startTime: this.start, lastTime: this.last, level: this.level, area: this.sum, min: this.lo, max: this.hi };
  }

  static from(s: TimeWeightedSnapshot): TimeWeighted {
    const t = new TimeWeighted(s.startTime, s.level);
    if (!(s.lastTime >= s.startTime && Number.isFinite(s.lastTime) && Number.isFinite(s.area) && s.min <= s.level && s.level <= s.max)) {
      throw new RangeError(`TimeWeighted.from: inconsistent snapshot ${JSON.stringify(s)}`);
    }
    t.last = s.lastTime;
    t.sum = s.area;
    t.lo = s.min;
    t.hi = s.max;
    return t;
  }
}
