// Factory disruptions and courier stops (docs/model.md §4): scheduled windows from the scenario
// plus random closures (a Poisson number per region, lognormal lengths); which factories each
// window stops is drawn once per replication. A blocked factory's production pauses and resumes
// `restartHours` after the window; in a window with `courierSuspended`, SF does not pick up from
// a share affectedShare of the region's sellers (drawn once per replication).
import type { RandomStream, Simulation } from '../engine/index.ts';
import { REGIONS, type Scenario } from '../scenario/types.ts';
import { hoursFromStart } from '../scenario/time.ts';

/** A window during which some factories stand still, and maybe couriers too. */
export interface Window { regions: number[]; from: number; to: number; affectedShare: number; restartHours: number; courierSuspended: boolean }

/** Per owner (a factory, one per SKU; or a seller), its intervals [from, to) in CSR form, merged and sorted. */
export interface BlockedIntervals { start: Int32Array; from: Float64Array; to: Float64Array }

/** Scheduled windows plus random closures; `duration` draws a random closure's length in hours. */
export function disruptionWindows(scenario: Scenario, sim: Simulation, horizon: number, duration: (s: RandomStream) => number): Window[] {
  const start = scenario.season.start;
  const windows: Window[] = scenario.factories.disruptions.map((d) => ({
    regions: d.regions.map((r) => REGIONS.indexOf(r)),
    from: hoursFromStart(d.from, start),
    to: hoursFromStart(d.to, start, { endOfDay: true }),
    affectedShare: d.affectedShare,
    restartHours: d.restartHours,
    courierSuspended: d.courierSuspended,
  }));
  const random = scenario.factories.randomDisruptions;
  if (random && random.ratePerDayPerRegion > 0) {
    const stream = sim.stream('world.randomDisruptions');
    for (let r = 0; r < REGIONS.length; r++) {
      for (let t = stream.exponential(random.ratePerDayPerRegion / 24); t < horizon; t += stream.exponential(random.ratePerDayPerRegion / 24)) {
        windows.push({
          regions: [r],
          from: t,
          to: t + duration(stream),
          affectedShare: random.affectedShare,
          restartHours: random.restartHours,
          courierSuspended: random.courierSuspended,
        });
      }
    }
  }
  return windows;
}

/**
 * The sellers as the draws see them: a catalogue seller (docs/model.md §20) makes the draws of the
 * synthetic seller whose slot it took (its drawn region, its class's SKUs), and its own come from
 * a stream of their own, so the other sellers' factories and districts are the same either way.
 */
export interface DrawLayout {
  sellerRegion: Uint8Array;
  sellerFirstSku: Int32Array;
  /** Per seller, true if it comes from the catalogue. */
  catalogue: (seller: number) => boolean;
  /** Per seller, the region drawn for its slot, and its class's SKUs. */
  slotRegion: Uint8Array;
  slotSkus: (seller: number) => number;
}

/** Which factories each window stops (each with probability affectedShare), merged per factory. */
export function blockedIntervals(windows: Window[], sim: Simulation, layout: DrawLayout): BlockedIntervals {
  const stream = sim.stream('world.factories'), own = sim.stream('world.catalogueFactories');
  const { sellerRegion, sellerFirstSku, slotRegion } = layout;
  const sellers = sellerRegion.length, skus = sellerFirstSku[sellers];
  const lists = new Map<number, [number, number][]>();
  for (const w of windows) {
    for (let s = 0; s < sellers; s++) {
      const catalogue = layout.catalogue(s);
      if (catalogue && w.regions.includes(slotRegion[s])) for (let k = layout.slotSkus(s); k > 0; k--) stream.bernoulli(w.affectedShare);
      if (!w.regions.includes(sellerRegion[s])) continue;
      for (let sku = sellerFirstSku[s]; sku < sellerFirstSku[s + 1]; sku++) {
        if ((catalogue ? own : stream).bernoulli(w.affectedShare)) addInterval(lists, sku, w.from, w.to + w.restartHours);
      }
    }
  }
  return merged(lists, skus);
}

/**
 * Which sellers each window with `courierSuspended` cuts off from SF: a district lockdown closes a
 * district, not a city, so each seller of a listed region is stopped with probability
 * affectedShare, drawn once per replication. Per seller, its stopped intervals [from, to), merged.
 */
export function courierStops(windows: Window[], sim: Simulation, layout: DrawLayout): BlockedIntervals {
  const stream = sim.stream('world.courier'), own = sim.stream('world.catalogueCourier');
  const { sellerRegion, slotRegion } = layout;
  const lists = new Map<number, [number, number][]>();
  for (const w of windows) {
    if (!w.courierSuspended) continue;
    for (let seller = 0; seller < sellerRegion.length; seller++) {
      const catalogue = layout.catalogue(seller);
      if (catalogue && w.regions.includes(slotRegion[seller])) stream.bernoulli(w.affectedShare);
      if (!w.regions.includes(sellerRegion[seller])) continue;
      if (!(catalogue ? own : stream).bernoulli(w.affectedShare)) continue;
      addInterval(lists, seller, w.from, w.to);
    }
  }
  return merged(lists, sellerRegion.length);
}

function addInterval(lists: Map<number, [number, number][]>, owner: number, from: number, to: number): void {
  let list = lists.get(owner);
  if (!list) lists.set(owner, (list = []));
  list.push([from, to]);
}

/** Per owner, its intervals sorted and overlapping ones merged, in CSR form. */
function merged(lists: Map<number, [number, number][]>, owners: number): BlockedIntervals {
  const start = new Int32Array(owners + 1);
  const from: number[] = [], to: number[] = [];
  for (let owner = 0; owner < owners; owner++) {
    const list = (lists.get(owner) ?? []).sort((a, b) => a[0] - b[0]);
    for (const [a, b] of list) {
      const last = to.length - 1;
      if (to.length > start[owner] && a <= to[last]) to[last] = Math.max(to[last], b);
      else { from.push(a); to.push(b); }
    }
    start[owner + 1] = from.length;
  }
  return { start, from: Float64Array.from(from), to: Float64Array.from(to) };
}

/**
 * When `work` hours of production started at `start` are done at the factory of `sku`: work
 * pauses inside its blocked intervals (window + restart) and resumes after; an order placed
 * inside one starts at its end.
 */
export function productionDone(blocked: BlockedIntervals, sku: number, start: number, work: number): number {
  let t = start, left = work;
  for (let i = blocked.start[sku]; i < blocked.start[sku + 1]; i++) {
    const a = blocked.from[i], b = blocked.to[i];
    if (b <= t) continue;
    if (a <= t) { t = b; continue; }
    if (t + left <= a) break;
    left -= a - t;
    t = b;
  }
  return t + left;
}

/** Whether owner's intervals (a factory's blocks, a seller's courier stops) hold time `t`. */
export function inside(intervals: BlockedIntervals, owner: number, t: number): boolean {
  for (let i = intervals.start[owner]; i < intervals.start[owner + 1]; i++) if (t >= intervals.from[i] && t < intervals.to[i]) return true;
  return false;
}

/** Whether any of owner's intervals meets the span [from, to]. */
export function meets(intervals: BlockedIntervals, owner: number, from: number, to: number): boolean {
  for (let i = intervals.start[owner]; i < intervals.start[owner + 1]; i++) if (intervals.from[i] <= to && intervals.to[i] > from) return true;
  return false;
}
