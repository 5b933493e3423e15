// Hour-by-hour series over a run of fixed length (orders per hour, queue length at each hour's
// end and its peak): one Float64Array slot per hour, sized once, whatever happens in the run.
//
// Time is in hours from 0, and hour h is [h, h + 1). Values whose time falls outside
// [0, hours) are not an error: events keep firing after the horizon while the calendar drains
// (a parcel still in QC, a fine assessed late), and they belong to no reported hour. They are
// dropped and counted in `outside`, so a caller can check that nothing it cared about was lost.

/** Plain-data state of an HourlySeries; `values` is a copy, so it can be transferred. */
export interface HourlySeriesSnapshot {
  hours: number;
  values: Float64Array;
  outside: number;
}

/** Plain-data state of a LevelSeries; the arrays are copies, so they can be transferred. */
export interface LevelSeriesSnapshot {
  hours: number;
  /** Level at the end of each hour. */
  end: Float64Array;
  /** Highest level during each hour. */
  peak: Float64Array;
  outside: number;
}

function checkHours(name: string, hours: number): void {
  if (!Number.isInteger(hours) || hours < 1) {
    throw new RangeError(`${name}: hours must be an integer >= 1, got ${hours}`);
  }
}

/** A quantity bucketed by hour: summed (`add`), overwritten (`set`) or maximised (`max`). */
export class HourlySeries {
  readonly hours: number;
  readonly values: Float64Array;
  /** How many calls fell outside [0, hours) and were dropped. */
  outside = 0;

  /** Every bucket starts at `initial` (0 unless given). */
  constructor(hours: number, initial = 0) {
    checkHours('HourlySeries', hours);
    if (!Number.isFinite(initial)) throw new RangeError(`HourlySeries: initial must be a finite number, got ${initial}`);
    this.hours = hours;
    this.values = new Float64Array(hours);
    if (initial !== 0) this.values.fill(initial);
  }

  /** Bucket of `time`, or -1 (counted in `outside`) when it lies outside the series. */
  private bucket(time: number): number {
    if (time >= 0 && time < this.hours) return Math.floor(time);
    if (Number.isNaN(time)) throw new RangeError('HourlySeries: time must be a number, got NaN');
    this.outside++;
    return -1;
  }

  /** Adds x to the hour containing `time`. */
  add(time: number, x: number): void {
    const h = this.bucket(time);
    if (h >= 0) this.values[h] += x;
  }

  /** Sets the hour containing `hour` (any time inside it) to x. */
  set(hour: number, x: number): void {
    const h = this.bucket(hour);
    if (h >= 0) this.values[h] = x;
  }

  /** Raises the hour containing `time` to x if x is higher. */
  max(time: number, x: number): void {
    const h = this.bucket(time);
    if (h >= 0 && x > this.values[h]) this.values[h] = x;
  }

  snapshot(): HourlySeriesSnapshot {
    return { hours: this.hours, values: this.values.slice(), outside: this.outside };
  }

  static from(s: HourlySeriesSnapshot): HourlySeries {
    const series = new HourlySeries(s.hours);
    if (s.values.length !== s.hours) {
      throw new RangeError(`HourlySeries.from: values must hold ${s.hours} hours, got ${s.values.length}`);
    }
    series.values.set(s.values);
    series.outside = s.outside;
    return series;
  }
}

/**
 * A level over time (a queue length, staff on duty), reported per hour as its value at the
 * hour's end and its peak during the hour. Updates arrive in time order; an hour with no
 * update carries the level forward. Each update costs O(1) plus the hours it steps over, so a
 * whole run costs O(updates + hours).
 */
export class LevelSeries {
  readonly hours: number;
  /** Level at the end of each hour (just before the next hour starts). */
  readonly end: Float64Array;
  /**
   * Highest level during each hour: every level set in the hour counts, even one replaced at
   * the same instant; a level carried in from an earlier hour counts if it held for some time.
   */
  readonly peak: Float64Array;
  /** Updates after the last hour, dropped (see the file comment). */
  outside = 0;
  private level: number;
  private time = 0;
  private hour = 0; // the open hour: floor(time)
  private hourPeak: number;

  /** The level is `initialLevel` from time 0. */
  constructor(hours: number, initialLevel = 0) {
    checkHours('LevelSeries', hours);
    if (!Number.isFinite(initialLevel)) {
      throw new RangeError(`LevelSeries: initialLevel must be a finite number, got ${initialLevel}`);
    }
    this.hours = hours;
    this.end = new Float64Array(hours);
    this.peak = new Float64Array(hours);
    this.level = initialLevel;
    this.hourPeak = initialLevel;
  }

  /** The level now. */
  get current(): number {
    return this.level;
  }

  /** The level becomes `level` at `time`; times must not decrease. */
  update(time: number, level: number): void {
    if (!Number.isFinite(level)) throw new RangeError(`LevelSeries.update: level must be a finite number, got ${level}`);
    this.advance('update', time, level);
    if (this.hour >= this.hours) this.outside++;
  }

  /**
   * Ends the record at `time`: hours up to `time` are filled, and an hour that `time` cuts
   * part-way gets the level and peak so far. Hours from `time` on stay 0.
   */
  finish(time: number): void {
    this.advance('finish', time, this.level);
    if (this.hour < this.hours && time > this.hour) {
      this.end[this.hour] = this.level;
      this.peak[this.hour] = this.hourPeak;
    }
  }

  private advance(caller: string, time: number, level: number): void {
    if (!(time >= this.time) || time === Infinity) {
      throw new RangeError(`LevelSeries.${caller}: time must be a finite number >= ${this.time} (the last update), got ${time}`);
    }
    const h = Math.floor(time);
    if (h > this.hour) {
      this.closeHoursBefore(h);
      // A level counts towards an hour's peak if it was set in the hour or held there for
      // some time: a change exactly on the hour replaces the old level from the first instant.
      this.hourPeak = time > h ? this.level : level;
    }
    if (level > this.hourPeak) this.hourPeak = level;
    this.level = level;
    this.time = time;
  }

  /** Writes the open hour and carries the level through the hours with no update, up to h. */
  private closeHoursBefore(h: number): void {
    const last = Math.min(h, this.hours);
    if (this.hour < last) {
      this.end[this.hour] = this.level;
      this.peak[this.hour] = this.hourPeak;
      for (let i = this.hour + 1; i < last; i++) {
        this.end[i] = this.level;
        this.peak[i] = this.level;
      }
    }
    this.hour = h;
  }

  snapshot(): LevelSeriesSnapshot {
    return { hours: this.hours, end: this.end.slice(), peak: this.peak.slice(), outside: this.outside };
  }
}
