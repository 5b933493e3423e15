// Packing (docs/model.md §6): each seller's packers take its reserved orders FIFO, each order a
// lognormal handling time that runs only inside working hours. Every day at opening the seller
// sets its number of packers from the orders it expects; packed orders wait for the next pickup.
import { finishWithinHours } from './curves.ts';
import { OrderLines } from './records.ts';
import type { Market } from './state.ts';
import { draw } from './world.ts';

export interface Packing {
  /** A reserved order joins its seller's packing line. */
  reserve(order: number): void;
  /** The seller accepted an order today (its packers are planned from these). */
  accepted(seller: number): void;
  /** The event kind of a class's opening (payload: the class). */
  readonly openKind: number;
  /** Midnight: today's accepted orders go into each seller's 7-day history. */
  closeDay(day: number): void;
  /** Calls `visit` for each seller of class `c` holding orders in packing; forgets those left with none. */
  pickupRound(c: number, visit: (seller: number) => void): void;
  /** Takes the seller's orders packed at or before now out of packing, in order: the first, linked by Orders.next. */
  takePacked(seller: number): number;
  /** Packers the seller has on duty today. */
  packersOf(seller: number): number;
}

const DESK = 16; // ints per seller's desk record (64 bytes)
const LINE = 0, IN_HAND = 2, PACKERS = 4, AWAITING_PICKUP = 5, ACCEPTED_TODAY = 6;
const SOLO_FREE_AT = 4; // in floats: bytes 32–39 of the record

export function packing(m: Market): Packing {
  const { sim, world, orders } = m;
  const sellers = world.sellerCount;
  const handlingTime = sim.stream('packing.handling');
  // Each seller's packing desk, one 64-byte record: its two order lines (head, tail), packers on
  // duty, whether it awaits a pickup, orders accepted today, and (as a float) when its only packer
  // is next free. An order reserved touches one cache line of seller state here, not six.
  const desk = new Int32Array(sellers * DESK);
  const deskTimes = new Float64Array(desk.buffer);
  /** Reserved orders waiting for a packer, and orders given to a packer (done at Orders.packedAt). */
  const line = new OrderLines(sellers, desk, DESK, LINE);
  const inHand = new OrderLines(sellers, desk, DESK, IN_HAND);
  /** When each of a seller's packers is next free (one entry per packer on duty), a min-heap; a seller with one packer (most of them) uses its desk's SOLO_FREE_AT instead. */
  const packerFreeAt: number[][] = Array.from({ length: sellers }, () => []);
  const pickupWaiting: number[][] = world.classes.map(() => []);
  /** The day on which each class last opened: packers are planned only then. */
  const openedOn = new Int32Array(world.classes.length).fill(-1);
  const acceptedHistory = new Int32Array(sellers * 7);
  const openKind = sim.on(openClass);
  m.kept.set('packing', { desk, deskTimes, packerFreeAt, pickupWaiting, openedOn, acceptedHistory });

  function reserve(o: number): void {
    const seller = orders.seller(o);
    line.push(seller, o, orders);
    assignPackers(seller);
  }

  /**
   * Packers take reserved orders FIFO, each the packer free soonest, starting only inside today's
   * working hours. An order's finish time is known when it is given out, so no event marks it:
   * the pickup takes the orders done by then. Orders that cannot start before closing wait for
   * the next opening, when the day's packers are planned.
   */
  function assignPackers(seller: number): void {
    const c = world.sellerClass[seller];
    const day = Math.floor(sim.now / 24);
    if (openedOn[c] !== day) return;
    const rules = world.classes[c];
    const closing = day * 24 + rules.close;
    const many = desk[seller * DESK + PACKERS] > 1 ? packerFreeAt[seller] : null;
    const solo = (seller * DESK) / 2 + SOLO_FREE_AT;
    while (line.head(seller) >= 0) {
      // The packer free soonest: the root of a min-heap of free times, or the only one.
      const start = Math.max(sim.now, many ? many[0] : deskTimes[solo]);
      if (start >= closing) return;
      const o = line.shift(seller, orders);
      const done = finishWithinHours(start, draw(handlingTime, rules.handling), rules.open, rules.close);
      if (many) replaceRoot(many, done);
      else deskTimes[solo] = done;
      orders.setPackedAt(o, done);
      inHand.push(seller, o, orders);
      if (!desk[seller * DESK + AWAITING_PICKUP]) {
        desk[seller * DESK + AWAITING_PICKUP] = 1;
        pickupWaiting[c].push(seller);
      }
    }
  }

  /**
   * Today's number of packers. Going up, the new ones are free now; going down, the packers kept
   * are those free last: like staff who finish the orders in hand before the smaller team takes
   * new ones (what a non-pre-emptive resource does).
   */
  function setPackers(seller: number, count: number, before: number): void {
    if (count === before) return;
    const solo = (seller * DESK) / 2 + SOLO_FREE_AT;
    const free = before > 1 ? packerFreeAt[seller] : before === 1 ? [deskTimes[solo]] : [];
    while (free.length < count) free.push(sim.now);
    // Sorted ascending is a valid min-heap; going down keeps the packers free last.
    free.sort((a, b) => a - b);
    if (count < free.length) free.splice(0, free.length - count);
    if (count === 1) {
      deskTimes[solo] = free[0];
      packerFreeAt[seller] = [];
    } else packerFreeAt[seller] = free;
  }

  /**
   * Opening: each seller of the class sets its packers for the day, then starts work. Expected
   * orders: the average accepted over the last 7 complete days (fewer early on; before the first,
   * its share of day 1), or for a class that plans for the peak, the largest of the next 7 days.
   */
  function openClass(c: number): void {
    const rules = world.classes[c];
    const day = Math.floor(sim.now / 24);
    const hours = rules.close - rules.open;
    openedOn[c] = day;
    let peak = 0;
    if (rules.plansForPeak) for (let d = day; d < day + 7; d++) peak = Math.max(peak, world.expectedOrdersByDay[d]);
    const { first, end } = world.classRange[c];
    for (let s = first; s < end; s++) {
      let expected: number;
      if (rules.plansForPeak) expected = world.sellerShare[s] * peak;
      else if (day === 0) expected = world.sellerShare[s] * world.expectedOrdersByDay[0];
      else {
        const n = Math.min(day, 7);
        let sum = 0;
        for (let k = 0; k < n; k++) sum += acceptedHistory[s * 7 + ((day - 1 - k) % 7)];
        expected = sum / n;
      }
      const before = desk[s * DESK + PACKERS];
      const count = Math.max(1, Math.ceil((rules.headroom * expected * rules.meanHandlingHours) / hours));
      desk[s * DESK + PACKERS] = count;
      setPackers(s, count, before);
      assignPackers(s);
    }
  }

  return {
    reserve,
    accepted(seller) {
      desk[seller * DESK + ACCEPTED_TODAY]++;
    },
    openKind,
    closeDay(day) {
      const slot = (day - 1) % 7;
      for (let s = 0; s < sellers; s++) {
        acceptedHistory[s * 7 + slot] = desk[s * DESK + ACCEPTED_TODAY];
        desk[s * DESK + ACCEPTED_TODAY] = 0;
      }
    },
    pickupRound(c, visit) {
      const waiting = pickupWaiting[c];
      let kept = 0;
      for (let i = 0; i < waiting.length; i++) {
        const seller = waiting[i];
        visit(seller);
        if (inHand.head(seller) >= 0) waiting[kept++] = seller;
        else desk[seller * DESK + AWAITING_PICKUP] = 0;
      }
      waiting.length = kept;
    },
    takePacked(seller) {
      const now = sim.now;
      let first = -1, last = -1;
      const all = inHand.takeAll(seller);
      for (let o = all; o >= 0; ) {
        const next = orders.next(o);
        if (orders.packedAt(o) <= now) {
          if (last < 0) first = o; else orders.setNext(last, o);
          last = o;
        } else inHand.push(seller, o, orders);
        o = next;
      }
      if (last >= 0) orders.setNext(last, -1);
      return first;
    },
    packersOf: (seller) => desk[seller * DESK + PACKERS],
  };
}

/** Replaces the smallest value of a binary min-heap and restores the heap. */
function replaceRoot(heap: number[], value: number): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && heap[r] < heap[l] ? r : l;
    if (!(heap[c] < value)) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = value;
}
