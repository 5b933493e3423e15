// The calendar against a reference (a stable sort by time): order, FIFO ties, cancel, resizing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Calendar } from './calendar.ts';

/** Pops everything, returning payloads in pop order. */
function drain(cal: Calendar): number[] {
  const out: number[] = [];
  for (let s = cal.peekMin(); s >= 0; s = cal.peekMin()) {
    out.push(cal.payloadOf(s));
    cal.popMin();
  }
  return out;
}

describe('Calendar', () => {
  it('pops in time order with ties in insertion order, matching a stable sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }), (ticks) => {
        const cal = new Calendar();
        ticks.forEach((t, i) => cal.push(t * 0.25, 0, i));
        const expected = ticks.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t).map((e) => e.i);
        expect(drain(cal)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps order while events are pushed during popping (hold model) across resizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        (initial, delays) => {
          const cal = new Calendar();
          initial.forEach((t, i) => cal.push(t, 0, i));
          let now = 0, id = initial.length, d = 0;
          const popped: number[] = [];
          while (cal.size > 0) {
            const s = cal.peekMin();
            const t = cal.timeOf(s);
            expect(t).toBeGreaterThanOrEqual(now);
            now = t;
            popped.push(t);
            cal.popMin();
            if (d < delays.length) cal.push(now + delays[d++], 0, id++);
            if (d < delays.length && delays[d] > 2.5) cal.push(now + delays[d++], 0, id++); // grow
          }
          expect(popped.length).toBe(id);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('cancels by handle, once, and ignores stale handles after a slot is reused', () => {
    const cal = new Calendar();
    const a = cal.push(1, 0, 10), b = cal.push(2, 0, 20), c = cal.push(2, 0, 30);
    expect(cal.cancel(b)).toBe(true);
    expect(cal.cancel(b)).toBe(false);
    expect(cal.isPending(b)).toBe(false);
    expect(cal.isPending(c)).toBe(true);
    const d = cal.push(3, 0, 40); // reuses b's slot with a new generation
    expect(cal.cancel(b)).toBe(false);
    expect(cal.isPending(d)).toBe(true);
    expect(cal.cancel(-1)).toBe(false);
    expect(cal.cancel(Number.NaN)).toBe(false);
    expect(drain(cal)).toEqual([10, 30, 40]);
    expect(cal.cancel(a)).toBe(false);
  });

  it('cancel of random events leaves the rest in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.boolean()), { maxLength: 500 }), (evs) => {
        const cal = new Calendar();
        const handles = evs.map(([t], i) => cal.push(t / 7, 0, i));
        evs.forEach(([, drop], i) => { if (drop) expect(cal.cancel(handles[i])).toBe(true); });
        const expected = evs
          .map(([t, drop], i) => ({ t, i, drop }))
          .filter((e) => !e.drop)
          .sort((x, y) => x.t - y.t)
          .map((e) => e.i);
        expect(cal.size).toBe(expected.length);
        expect(drain(cal)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('copes with a million-fold spread of times and with thousands of ties at one instant', () => {
    const cal = new Calendar();
    let id = 0;
    for (let i = 0; i < 5000; i++) cal.push(18, 0, id++); // every seller's pickup at 18:00
    for (let i = 0; i < 2000; i++) cal.push(1e-3 * i, 0, id++);
    for (let i = 0; i < 100; i++) cal.push(1e3 + i * 1e3, 0, id++);
    const order = drain(cal);
    expect(order.length).toBe(7100);
    expect(order.slice(0, 2000)).toEqual(Array.from({ length: 2000 }, (_, i) => 5000 + i));
    expect(order.slice(2000, 7000)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(order.slice(7000)).toEqual(Array.from({ length: 100 }, (_, i) => 7000 + i));
  });
});

describe('Calendar adapts its width', () => {
  /** Hold model from a start where every event sits at one instant; returns walk steps per event. */
  function stepsPerEvent(pending: number, events: number, spacing: number): { perEvent: number; width: number } {
    const cal = new Calendar();
    let s = 12345;
    const rnd = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
    for (let i = 0; i < pending; i++) cal.push(0, 0, i); // e.g. 20k processes all started at time 0
    for (let e = 0; e < events; e++) {
      const slot = cal.peekMin();
      const t = cal.timeOf(slot);
      cal.popMin();
      cal.push(t - spacing * Math.log(1 - rnd()), 0, e);
    }
    const d = cal.diagnostics();
    return { perEvent: d.steps / events, width: d.width };
  }

  it('from a batch of ties, settles to a width near 1.5 mean gaps and a few steps per event', () => {
    // Without adapting, every insert walks the batch of 20k ties: thousands of steps per event.
    for (const spacing of [1, 1e-3, 1e3]) {
      const { perEvent, width } = stepsPerEvent(20_000, 200_000, spacing);
      expect(perEvent).toBeLessThan(8);
      // The front of a hold model with exponential(mean m) gaps has spacing ≈ m / N.
      const gap = spacing / 20_000;
      expect(width).toBeGreaterThan(0.5 * gap);
      expect(width).toBeLessThan(6 * gap);
    }
  });
});
