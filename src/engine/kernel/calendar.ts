// The event calendar: a calendar queue (Brown 1988) on typed arrays that adapts its bucket
// width, holding events as (time, kind, payload) slots so nothing is allocated per event.
//
// Why not a heap: measured on this machine (DESIGN.md), bucketed calendars beat a 4-ary heap
// 1.3-2x from 10k pending events up, because a pop touches one or two cache lines instead of
// log4(N) levels. Events at equal times share a bucket and are kept in scheduling order, so
// ties fire FIFO without a sequence number.

const SLOT_BITS = 26;
const SLOT_SPACE = 2 ** SLOT_BITS; // at most 67M pending events
const GEN_SPACE = 2 ** (53 - SLOT_BITS); // handle = generation * SLOT_SPACE + slot, exact in a double
const MIN_BUCKETS = 16;
const SAMPLE = 32; // events sampled from the front to estimate the bucket width
// Bucket width in mean gaps between events, and one to two buckets per pending event. Brown's
// 3 gaps and half a bucket per event walked longer lists: measured at 1M pending, 1.5 gaps
// with a bucket per event ran 1.6-1.75M -> 2.05-2.2M events/s, and no slower below.
const WIDTH_GAPS = 1.5;
const NIL = -1;

// A slot's time sits in its own column, which the hot loop scans; the rest is one 16-byte
// record rec[4s..4s+3] = next in bucket, kind (-1 when free), payload, generation. Measured:
// five separate columns ran 10% slower at 1M pending, and whole 32-byte records with the time
// inside ran 2x slower at 100k. Buckets keep head and tail side by side: buckets[2b], [2b+1].
const NEXT = 0, KIND = 1, PAYLOAD = 2, GEN = 3;

export class Calendar {
  private time = new Float64Array(64);
  private rec = new Int32Array(64 * 4);
  private capacity = 64;
  private freeHead = NIL;
  private used = 0; // slots ever handed out (high-water mark)

  private buckets = new Int32Array(2 * MIN_BUCKETS).fill(NIL);
  private mask = MIN_BUCKETS - 1;
  private width = 1;
  private invWidth = 1;
  /** Virtual bucket (floor(time / width)) of the cursor: no pending event lies before it. */
  private cursor = 0;
  /** Time of the last popped event (or of a rewind): nothing may be pushed before it. */
  private now = 0;

  /** Number of pending events. */
  size = 0;
  // Cost monitor: bucket steps walked on insert and skipped on pop since the last check.
  private steps = 0;
  private ops = 0;
  private stepsBefore = 0; // steps of earlier checks, for diagnostics
  private rebuilds = 0;

  /** Every field as plain data (typed arrays copied): the calendar's part of a simulation snapshot. */
  saveState(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this).map(([k, v]) => [k, ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v]));
  }

  /** Takes the saved fields back (copies, so one saved state can be restored many times). */
  restoreState(state: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(state)) (this as Record<string, unknown>)[k] = ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v;
  }

  /** Time of the event in `slot`. */
  timeOf(slot: number): number {
    return this.time[slot];
  }

  /** Handler kind of the event in `slot`. */
  kindOf(slot: number): number {
    return this.rec[(slot << 2) + KIND];
  }

  /** Integer payload of the event in `slot` (an order, a parcel, a process...). */
  payloadOf(slot: number): number {
    return this.rec[(slot << 2) + PAYLOAD];
  }

  /** Adds an event; returns its handle. `time` must not precede the last popped time. */
  push(time: number, kind: number, payload: number): number {
    let slot = this.freeHead;
    if (slot !== NIL) this.freeHead = this.rec[(slot << 2) + NEXT];
    else {
      if (this.used === this.capacity) this.growSlots();
      slot = this.used++;
    }
    this.time[slot] = time;
    this.rec[(slot << 2) + KIND] = kind;
    this.rec[(slot << 2) + PAYLOAD] = payload;
    this.link(slot, time);
    if (++this.size > this.mask + 1) this.rebuild((this.mask + 1) * 2, this.sampleWidth());
    else if (this.steps > 8 * (this.mask + 1) + 64) this.checkCost();
    return this.rec[(slot << 2) + GEN] * SLOT_SPACE + slot;
  }

  /**
   * The slot of the earliest event (FIFO among equal times), or -1 when empty. Moves the cursor
   * to that event's bucket but leaves the event in place: call `popMin` to take it.
   */
  peekMin(): number {
    if (this.size === 0) return NIL;
    const buckets = this.buckets, time = this.time, mask = this.mask, inv = this.invWidth;
    let vb = this.cursor;
    for (let i = 0; i <= mask; i++) {
      const h = buckets[(vb & mask) << 1];
      if (h !== NIL && Math.floor(time[h] * inv) <= vb) {
        this.steps += i;
        this.cursor = vb;
        return h;
      }
      vb++;
    }
    // A whole year of empty buckets: jump straight to the smallest head.
    this.steps += mask + 1;
    this.ops++;
    let best = NIL;
    for (let b = 0; b <= mask; b++) {
      const h = buckets[b << 1];
      if (h !== NIL && (best === NIL || time[h] < time[best])) best = h;
    }
    this.cursor = Math.floor(time[best] * inv);
    return best;
  }

  /** Removes the event found by the last `peekMin` (the head of the cursor's bucket). */
  popMin(): void {
    const b = (this.cursor & this.mask) << 1;
    const slot = this.buckets[b];
    const nxt = this.rec[(slot << 2) + NEXT];
    this.buckets[b] = nxt;
    if (nxt === NIL) this.buckets[b + 1] = NIL;
    this.now = this.time[slot];
    this.release(slot);
    if (++this.ops > this.mask + 1 || this.steps > 8 * (this.mask + 1) + 64) this.checkCost();
    else if (this.size < (this.mask + 1) >> 2 && this.mask >= MIN_BUCKETS) this.shrink();
  }

  /** Cancels a pending event by handle; false if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    if (!this.isPending(handle)) return false;
    const slot = handle % SLOT_SPACE;
    const rec = this.rec;
    const b = (Math.floor(this.time[slot] * this.invWidth) & this.mask) << 1;
    let prev = NIL, cur = this.buckets[b];
    while (cur !== slot) { prev = cur; cur = rec[(cur << 2) + NEXT]; }
    const nxt = rec[(slot << 2) + NEXT];
    if (prev === NIL) this.buckets[b] = nxt; else rec[(prev << 2) + NEXT] = nxt;
    if (this.buckets[b + 1] === slot) this.buckets[b + 1] = prev;
    this.release(slot);
    if (this.size < (this.mask + 1) >> 2 && this.mask >= MIN_BUCKETS) this.shrink();
    return true;
  }

  /** True if the handle names an event still pending. */
  isPending(handle: number): boolean {
    if (!(handle >= 0 && handle < SLOT_SPACE * GEN_SPACE)) return false;
    const slot = handle % SLOT_SPACE;
    return slot < this.used && this.rec[(slot << 2) + KIND] >= 0 && this.rec[(slot << 2) + GEN] === (handle - slot) / SLOT_SPACE;
  }

  /** How the calendar is shaped now and what it has cost: for tests and tuning, not for models. */
  diagnostics(): { buckets: number; width: number; rebuilds: number; steps: number } {
    return { buckets: this.mask + 1, width: this.width, rebuilds: this.rebuilds, steps: this.stepsBefore + this.steps };
  }

  /** Moves the cursor back to `time` (the clock), after a peek that was not followed by a pop. */
  rewind(time: number): void {
    this.now = time;
    this.cursor = Math.floor(time * this.invWidth);
  }

  private release(slot: number): void {
    this.rec[(slot << 2) + KIND] = -1;
    this.rec[(slot << 2) + GEN] = (this.rec[(slot << 2) + GEN] + 1) % GEN_SPACE;
    this.rec[(slot << 2) + NEXT] = this.freeHead;
    this.freeHead = slot;
    this.size--;
  }

  /** Inserts a slot into its bucket after every event at or before its time (FIFO ties). */
  private link(slot: number, t: number): void {
    const b = (Math.floor(t * this.invWidth) & this.mask) << 1;
    const buckets = this.buckets, rec = this.rec, time = this.time;
    const last = buckets[b + 1];
    if (last === NIL) {
      buckets[b] = buckets[b + 1] = slot;
      rec[(slot << 2) + NEXT] = NIL;
    } else if (time[last] <= t) {
      rec[(last << 2) + NEXT] = slot;
      rec[(slot << 2) + NEXT] = NIL;
      buckets[b + 1] = slot;
    } else {
      let prev = NIL, cur = buckets[b], walked = 0;
      while (time[cur] <= t) { prev = cur; cur = rec[(cur << 2) + NEXT]; walked++; }
      rec[(slot << 2) + NEXT] = cur;
      if (prev === NIL) buckets[b] = slot; else rec[(prev << 2) + NEXT] = slot;
      this.steps += walked;
    }
  }

  private growSlots(): void {
    const n = this.capacity * 2;
    if (n > SLOT_SPACE) {
      throw new RangeError(`event calendar: more than ${SLOT_SPACE} pending events; the model schedules too far ahead`);
    }
    this.time = grow(this.time, new Float64Array(n));
    this.rec = grow(this.rec, new Int32Array(n * 4));
    this.capacity = n;
  }

  private shrink(): void {
    this.rebuild((this.mask + 1) >> 1, this.sampleWidth());
  }

  /**
   * Every year of pops, or as soon as walking buckets has cost as much as a rebuild would,
   * re-estimate the width if buckets were walked or skipped too much. Rebuilding only when the
   * estimate moved keeps a calendar whose cost comes from the shape of the events (overnight
   * gaps, say) from rebuilding over and over for nothing.
   */
  private checkCost(): void {
    const perOp = this.steps / Math.max(1, this.ops);
    this.stepsBefore += this.steps;
    this.steps = 0;
    this.ops = 0;
    if (perOp > 6 && this.size > SAMPLE) {
      const w = this.sampleWidth();
      if (Math.abs(w - this.width) > 0.25 * this.width) this.rebuild(this.mask + 1, w);
    }
  }

  /** Re-buckets every pending event into `count` buckets of the given width. */
  private rebuild(count: number, width: number): void {
    const old = this.buckets;
    this.rebuilds++;
    this.stepsBefore += this.steps;
    this.width = width;
    this.invWidth = 1 / width;
    this.buckets = new Int32Array(2 * count).fill(NIL);
    this.mask = count - 1;
    // Re-linking bucket by bucket keeps equal-time events in their FIFO order.
    const rec = this.rec;
    for (let b = 0; b < old.length; b += 2) {
      let s = old[b];
      while (s !== NIL) {
        const after = rec[(s << 2) + NEXT];
        this.link(s, this.time[s]);
        s = after;
      }
    }
    this.cursor = Math.floor(this.now * this.invWidth);
    this.steps = 0;
    this.ops = 0;
  }

  /**
   * Brown's estimate: a multiple (WIDTH_GAPS) of the mean gap between distinct event times near the front
   * of the queue, ignoring gaps over twice the mean (stragglers). Ties are sampled once: a
   * bucket holds them at no cost, so they must not shrink the width.
   */
  private sampleWidth(): number {
    const times = this.earliestTimes(Math.min(this.size, SAMPLE));
    const n = times.length;
    if (n < 2) return this.width;
    let sum = 0, count = 0;
    for (let i = 1; i < n; i++) {
      const gap = times[i] - times[i - 1];
      sum += gap;
      count++;
    }
    if (count === 0) return this.width;
    const mean = sum / count;
    let sum2 = 0, count2 = 0;
    for (let i = 1; i < n; i++) {
      const gap = times[i] - times[i - 1];
      if (gap <= 2 * mean) { sum2 += gap; count2++; }
    }
    const w = WIDTH_GAPS * (count2 > 0 ? sum2 / count2 : mean);
    return w > 0 && Number.isFinite(w) ? w : this.width;
  }

  /** The n smallest distinct pending times in order (fewer if there are not n), by a bounded scan. */
  private earliestTimes(n: number): Float64Array {
    // Keep the n smallest seen so far in a sorted buffer. Bucket lists are sorted, so a bucket
    // is left as soon as it holds nothing smaller; this runs only on a rebuild, itself O(size).
    // Equal times are kept once: a batch of ties says nothing about the spacing of events.
    const out = new Float64Array(n);
    let filled = 0;
    const time = this.time, rec = this.rec, buckets = this.buckets;
    for (let b = 0; b < buckets.length; b += 2) {
      for (let s = buckets[b]; s !== NIL; s = rec[(s << 2) + NEXT]) {
        const t = time[s];
        if (filled === n && t >= out[n - 1]) break;
        let i = filled;
        while (i > 0 && out[i - 1] > t) i--;
        if (i > 0 && out[i - 1] === t) continue;
        const end = filled < n ? filled++ : n - 1;
        for (let j = end; j > i; j--) out[j] = out[j - 1];
        out[i] = t;
      }
    }
    return out.subarray(0, filled);
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
