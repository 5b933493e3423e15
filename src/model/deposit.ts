// Fines and the deposit (docs/model.md §14): every fine comes off the seller's deposit when it is
// assessed, and may take it below zero. Whether a seller tops up is its disposition, drawn once
// per replication with its class's top-up probability (a seller that pays once pays again). Each
// time the balance drops below zero, the seller answers topUpGraceHours later, trading meanwhile:
// a topping-up seller pays back to the full deposit, any other is suspended from then on.
import type { Market } from './state.ts';

export type Fine = (order: number, seller: number, cause: number, cny: number) => void;

export function deposit(m: Market): Fine {
  const { sim, world, orders, ledger, books } = m;
  const { depositCny, topUpGraceHours } = m.scenario.rules;
  const topUpDraws = sim.stream('deposit.topUp');
  for (let s = 0; s < world.sellerCount; s++) books.setTopsUp(s, topUpDraws.bernoulli(world.classes[world.sellerClass[s]].topUpProbability));
  const RESPOND = sim.on(respond);

  function respond(seller: number): void {
    books.setResponsePending(seller, false);
    if (books.topsUp(seller)) books.topUp(seller, depositCny);
    else {
      books.suspend(seller);
      m.trace?.suspended(seller, sim.now);
      ledger.suspended.update(sim.now, books.suspendedCount);
    }
  }

  // A fine on no order record (o < 0: a pre-stock order lost to an empty shelf) is a fined order of its own.
  return (o, seller, cause, cny) => {
    if (o >= 0) orders.addFine(o, cny);
    else ledger.finePerFinedOrder.add(cny);
    ledger.fine(cause, cny, sim.now);
    const balance = books.takeFine(seller, cause, cny);
    if (m.trace) {
      m.trace.fined(o, cause, cny);
      m.trace.deposit(seller, balance);
    }
    if (balance < 0 && !books.responsePending(seller) && !books.suspended(seller)) {
      books.markNegative(seller);
      books.setResponsePending(seller, true);
      sim.schedule(topUpGraceHours, RESPOND, seller);
    }
  };
}
