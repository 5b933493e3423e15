// SF pickups and dispatch (docs/model.md §7): at each of its class's pickup times, every packed
// order of a seller leaves in one parcel, unless a lockdown has stopped SF's pickups from that
// seller (§4). Shipping is paid by the seller; each order's lateness is assessed as it leaves.
// A pre-stock seller's stocking batches leave the same way (§16).
import { inside } from './disruptions.ts';
import { shippingPrice, type SendToWarehouse } from './courier.ts';
import type { AssessLateness } from './lateness.ts';
import type { Packing } from './packing.ts';
import type { Market } from './state.ts';
import { PACKED, PICKED_UP } from './trace.ts';

export interface Pickup {
  /** The event kind of a class's pickup (payload: the class). */
  readonly pickupKind: number;
}

export function pickup(m: Market, packing: Packing, assessLateness: AssessLateness, send: SendToWarehouse): Pickup {
  const { sim, world, orders, parcels, ledger, books } = m;
  const pickupKind = sim.on((c) => packing.pickupRound(c, visit));

  function visit(seller: number): void {
    if (!inside(world.courierStops, seller, sim.now)) dispatch(seller);
  }

  function dispatch(seller: number): void {
    const first = packing.takePacked(seller);
    if (first < 0) return;
    let units = 0, weight = 0;
    for (let o = first; o >= 0; o = orders.next(o)) {
      // A stocking batch has no 24-hour rule (§16): only customers' orders are assessed.
      if (!orders.isBatch(o)) assessLateness(o, seller);
      if (m.trace) {
        m.trace.mark(o, PACKED, orders.packedAt(o));
        m.trace.mark(o, PICKED_UP, sim.now);
      }
      const q = orders.quantity(o);
      units += q;
      weight += q * world.unitWeight[orders.sku(o)];
    }
    const p = parcels.open(seller, first, units);
    const cost = shippingPrice(m, weight);
    books.addShipping(seller, cost);
    ledger.shippingCostCny += cost;
    ledger.parcelsShipped++;
    send(p, seller);
  }

  return { pickupKind };
}
