// Receiving at Zhaoqing (docs/model.md §11): arriving parcels queue FIFO for the receiving staff,
// whose number follows the roster (work in hand is never cut off); each unloads and scans one
// parcel at a time, a lognormal service time, then the parcel joins the QC line.
import { Resource } from '../engine/index.ts';
import type { Market } from './state.ts';
import { ARRIVED, RECEIVED } from './trace.ts';
import { draw } from './world.ts';
import { lawMean } from './laws.ts';

export interface Receiving {
  arrive(parcel: number): void;
  readonly staff: Resource;
  /** The next receiving time the stream would give (the inflow's parcels left waiting at the horizon). */
  nextServiceTime(): number;
  /** Parcels one clerk handles in an hour on average: 1 / the service time's mean (the capacity series, docs/results.md). */
  readonly perClerkHour: number;
}

export function receiving(m: Market): Receiving {
  const { sim, world, parcels, ledger, handoffs } = m;
  const serviceTime = sim.stream('warehouse.receiving');
  const START = sim.on(start);
  const DONE = sim.on(done);
  const staff = new Resource(sim, { roster: world.receivingRoster, immediateGrants: true });
  m.kept.set('receiving', staff);

  function arrive(p: number): void {
    const now = sim.now;
    parcels.arrivedAt[p] = now;
    parcels.queuedAt[p] = now;
    ledger.parcelsArrived++;
    ledger.parcelsArrivingHourly.add(now, 1);
    m.inflow?.arrived(p, now, parcels.units[p]);
    if (m.trace) markParcel(p, ARRIVED);
    if (staff.acquire(START, p)) start(p);
    else ledger.receivingQueue.update(now, staff.queueLength);
  }

  function start(p: number): void {
    const now = sim.now;
    ledger.receivingWait.add(now - parcels.queuedAt[p]);
    ledger.daily.receivingWait.add(Math.floor(parcels.queuedAt[p] / 24), now - parcels.queuedAt[p]);
    ledger.receivingQueue.update(now, staff.queueLength);
    const hours = draw(serviceTime, world.receivingService);
    m.inflow?.receivingStarted(hours);
    sim.schedule(hours, DONE, p);
  }

  function done(p: number): void {
    staff.release();
    ledger.receivingQueue.update(sim.now, staff.queueLength);
    if (m.trace) markParcel(p, RECEIVED);
    handoffs.joinQc(p);
  }

  function markParcel(p: number, stage: number): void {
    for (let o = parcels.firstOrder[p]; o >= 0; o = m.orders.next(o)) m.trace!.mark(o, stage, sim.now);
  }

  return { arrive, staff, nextServiceTime: () => draw(serviceTime, world.receivingService), perClerkHour: 1 / lawMean(world.receivingService) };
}
