// Stores: get waits for stock, strictly FIFO (a small later get never overtakes a large earlier one).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { Store } from './store.ts';

describe('Store', () => {
  it('takes at once when stock is on hand, else waits; waiters are served strictly in order', () => {
    const sim = new Simulation();
    const stock = new Store(sim, { initial: 5 });
    const served: string[] = [];
    const GOT = sim.on((order) => served.push(`${order}@${sim.now}`));
    const ADD = sim.on((n) => stock.add(n));
    expect(stock.take(3, GOT, 1)).toBe(true); // 2 left
    expect(stock.take(4, GOT, 2)).toBe(false); // waits for 4
    expect(stock.take(1, GOT, 3)).toBe(false); // 1 would fit, but order 2 came first
    expect(stock.level).toBe(2);
    sim.schedule(1, ADD, 1); // 3 on hand: still not enough for order 2
    sim.schedule(2, ADD, 2); // 5: order 2 takes 4, then order 3 takes 1
    sim.run();
    expect(served).toEqual(['2@2', '3@2']);
    expect(stock.level).toBe(0);
  });

  it('process style: get waits for a put, and a put waits for room under a capacity', () => {
    const sim = new Simulation();
    const shelf = new Store(sim, { capacity: 10, initial: 8 });
    const log: string[] = [];
    sim.process(function* () {
      yield shelf.put(5); // only 2 units of room: waits until the consumer takes 3+
      log.push(`put@${sim.now} level ${shelf.level}`);
    });
    sim.process(function* () {
      yield sim.timeout(4);
      yield shelf.get(6);
      log.push(`got@${sim.now} level ${shelf.level}`);
      yield shelf.get(9);
      log.push(`got9@${sim.now}`);
    });
    sim.run({ until: 10 });
    // The get leaves 2, which makes room for the waiting put of 5 in the same instant: 7.
    expect(log).toEqual(['got@4 level 7', 'put@4 level 7']);
    expect(shelf.getters.length).toBe(1);
  });

  it('rejects amounts that are not positive or exceed the capacity', () => {
    const sim = new Simulation();
    const s = new Store(sim, { capacity: 10 });
    expect(() => s.get(0)).toThrow(/amount must be a number in \(0, 10\], got 0/);
    expect(() => s.put(11)).toThrow(/got 11/);
    expect(() => s.add(Number.NaN)).toThrow(/got NaN/);
    expect(() => s.add(11)).toThrow(/exceed the capacity/);
    expect(() => new Store(sim, { initial: -1 })).toThrow(/initial must be/);
  });
});
