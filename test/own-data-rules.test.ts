// The hand cases of model-rules.test.ts as a user would check them: scenario files, the seller's
// catalogue (skus.csv) and order history (orders.csv), run through the command, every time and fine
// read from the trace it writes. Times are hours from 2022-10-01 00:00 China time.
import { describe, expect, it } from 'vitest';
import { ordersCsv, runCase, skusCsv, tinyYaml, type Row, type Sku } from './helpers/own-data.ts';

const hours = (row: Row, column: string) => (row[column] === '' ? NaN : Number(row[column]));

async function run(orders: [number, number, number?][], sku: Sku, ...layers: string[]) {
  const result = await runCase({ base: tinyYaml(), layers, skus: skusCsv(sku), orders: ordersCsv(orders) });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.orders.length).toBe(orders.length); // one row per order placed
  return result;
}

/** Stock 10 on hand with (s, S) = (0, 10): a few orders never reach the reorder point. */
const stocked: Sku = { openingStock: 10, reorderPoint: 0, orderUpTo: 10 };
const makeToOrder = 'sellers: { classes: { small: { stocking: { policy: makeToOrder } } } }\n';

describe('the rules, through the command and its trace', async () => {
  it('lateness (§8): 24 h exactly is on time, 24 h and a minute pays 1x; the parcel\'s path through the warehouse', async () => {
    const { orders, sellers } = await run([[17 + 59 / 60, 1], [18, 1]], stocked);
    const [early, onTime] = orders;
    // 17:59 → packed 18:29, misses the 18:00 pickup: leaves next day 18:00 (42 h), 24 h 1 min late.
    expect(hours(early, 'reservedHour')).toBeCloseTo(17 + 59 / 60, 3);
    expect(hours(early, 'packedHour')).toBeCloseTo(18 + 29 / 60, 3);
    expect(hours(early, 'pickedUpHour')).toBe(42);
    expect(hours(early, 'shipDelayHours')).toBeCloseTo(24 + 1 / 60, 3);
    expect(early.fineLateTier1Cny).toBe('100');
    expect(onTime.shipDelayHours).toBe('24');
    expect(onTime.finesCny).toBe('0');
    // One parcel of 2 units: transit 10 h, receiving 1 min, QC 2 + 2 × 0.5 min, put-away 2 h.
    for (const o of orders) {
      expect(hours(o, 'arrivedHour')).toBe(52);
      expect(hours(o, 'receivedHour')).toBeCloseTo(52 + 1 / 60, 3);
      expect(hours(o, 'inspectedHour')).toBeCloseTo(52 + 4 / 60, 3);
      expect(hours(o, 'endedHour')).toBeCloseTo(54 + 4 / 60, 3);
      expect(o.outcome).toBe('fulfilled');
    }
    expect(sellers).toHaveLength(1);
    expect(sellers[0]).toMatchObject({ seller: 'acme', class: 'small', region: 'shenzhen', ordersPlaced: '2', finesCny: '100', depositLowCny: '4900', suspendedAt: '' });
  });

  it('packing only inside working hours (§6): work paused at 21:00 resumes at 09:00', async () => {
    // One packer: 20:45 gets 15 min before closing and 15 min after opening (09:15); 22:00 is next (09:45).
    const { orders } = await run([[20.75, 1], [22, 1]], stocked, 'sellers: { classes: { small: { workingHours: { openHour: 9, closeHour: 21 } } } }\n');
    expect(orders.map((o) => hours(o, 'packedHour'))).toEqual([24 + 9.25, 24 + 9.75]);
    expect(orders.map((o) => hours(o, 'shipDelayHours'))).toEqual([21.25, 20]);
  });

  it('stockout (§9): a make-to-order backorder not served in 72 h is cancelled at 77 h and pays 5x', async () => {
    const { orders, sellers } = await run([[5, 1]], { openingStock: 0 }, makeToOrder);
    expect(orders[0]).toMatchObject({ outcome: 'cancelled', endedHour: '77', fineStockoutCny: '500', reservedHour: '', pickedUpHour: '' });
    expect(sellers[0].depositLowCny).toBe('4500');
  });

  it('a backorder reserved in time (§9) is served when the factory delivers, and pays for lateness only', async () => {
    const { orders } = await run([[5, 1]], { openingStock: 0, leadTimeHours: 50 }, makeToOrder);
    // Units land at 55 h, packed 55.5, the 66 h pickup: 61 h after the order, 5x.
    expect(orders[0]).toMatchObject({ reservedHour: '55', packedHour: '55.5', pickedUpHour: '66', shipDelayHours: '61', fineStockoutCny: '0', fineLateTier2Cny: '500' });
  });

  it('quality (§12): a rejected order pays 5x on top of its lateness fine, ended at inspection', async () => {
    const { orders } = await run([[17 + 59 / 60, 1]], stocked, 'sellers: { classes: { small: { defectRate: { mean: 1, sd: 0 } } } }\n');
    const [o] = orders;
    expect(o).toMatchObject({ outcome: 'rejected', fineLateTier1Cny: '100', fineQualityCny: '500', finesCny: '600' });
    expect(hours(o, 'endedHour')).toBeCloseTo(52 + 1 / 60 + 2.5 / 60, 3); // 1 unit: QC 2.5 min
    expect(hours(o, 'endedHour')).toBe(hours(o, 'inspectedHour'));
  });

  it('deposit (§14): a seller that does not top up is suspended 72 h after going below zero; later orders are lost', async () => {
    // A at 1 h fails at 73 h: 10 000 CNY, deposit −5 000, suspended at 145 h. B at 100 h was accepted
    // before and still fails (172 h); C at 200 h is lost.
    const { orders, sellers } = await run([[1, 1, 2000], [100, 1, 2000], [200, 1, 2000]], { openingStock: 0, leadTimeHours: 1000 }, makeToOrder);
    expect(orders.map((o) => o.outcome)).toEqual(['cancelled', 'cancelled', 'lostSuspended']);
    expect(orders.map((o) => o.endedHour)).toEqual(['73', '172', '200']);
    expect(orders.map((o) => o.fineStockoutCny)).toEqual(['10000', '10000', '0']);
    expect(sellers[0]).toMatchObject({ suspendedHour: '145', suspendedAt: '2022-10-07T01:00:00.000+08:00', depositLowCny: '-15000', finesCny: '20000', topUpsCny: '0' });
  });

  it('deposit (§14): a seller that tops up pays back to 5 000 at each answer and keeps trading', async () => {
    const { orders, sellers } = await run([[1, 1, 2000], [100, 1, 2000], [200, 1, 2000]], { openingStock: 0, leadTimeHours: 1000 }, makeToOrder, 'sellers: { classes: { small: { topUpProbability: 1 } } }\n');
    expect(orders.map((o) => o.outcome)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(sellers[0]).toMatchObject({ suspendedHour: '', topUpsCny: '30000', depositLowCny: '-5000', finesCny: '30000' });
  });

  const allRegions = '[shenzhen, guangzhou, dongguan, foshan, restOfGuangdong, neighbouringProvinces]';
  const stop = (from: string, to: string, courierSuspended: boolean) =>
    `factories: { disruptions: [{ regions: ${allRegions}, from: ${from}, to: ${to}, affectedShare: 1, restartHours: ${courierSuspended ? 0 : 24}, courierSuspended: ${courierSuspended} }] }\n`;

  it('a lockdown stopping SF (§4) makes an order ship 49 h after it was placed: 5x', async () => {
    // Placed 17:00, packed 17:30; pickups at 18 and 42 h fall in the stop; the 66 h one takes it.
    const { orders } = await run([[17, 2]], stocked, stop('2022-10-01', '2022-10-02', true));
    expect(orders[0]).toMatchObject({ pickedUpHour: '66', shipDelayHours: '49', fineLateTier2Cny: '1000', outcome: 'fulfilled' });
  });

  it('a factory window (§4) delays a make-to-order unit by the overlap plus the restart', async () => {
    // 120 h of work from 10 h: 38 h done by the window (48–96 h), restart to 120 h, done at 202 h.
    const { orders } = await run([[10, 1]], { openingStock: 0, leadTimeHours: 120 }, makeToOrder, 'rules: { failAfterHours: 1000 }\n', stop('2022-10-03', '2022-10-04', false));
    expect(orders[0]).toMatchObject({ reservedHour: '202', packedHour: '202.5', pickedUpHour: '210', shipDelayHours: '200' });
  });

  it('a roster cut (§12) never interrupts work in hand: a 30-minute inspection begun at 18:51 ends 19:21', async () => {
    const { orders } = await run([[10, 1]], stocked,
      `courier: { transit: { ${['shenzhen', 'guangzhou', 'dongguan', 'foshan', 'restOfGuangdong', 'neighbouringProvinces'].map((r) => `${r}: { medianHours: ${50 / 60}, p90Hours: ${50 / 60} }`).join(', ')} } }\n`,
      `warehouse: { qc: { perParcelMinutes: 30, perUnitMinutes: 0, staff: { byHour: [${Array.from({ length: 24 }, (_, h) => (h < 19 ? 1 : 0)).join(', ')}], overrides: [] } } }\n`);
    const [o] = orders;
    expect(hours(o, 'arrivedHour')).toBeCloseTo(18 + 50 / 60, 3);
    expect(hours(o, 'receivedHour')).toBeCloseTo(18 + 51 / 60, 3);
    expect(hours(o, 'inspectedHour')).toBeCloseTo(19 + 21 / 60, 3);
    expect(hours(o, 'endedHour')).toBeCloseTo(21 + 21 / 60, 3);
  });

  describe('pausing a listing when out of stock (§3), with the catalogue\'s (s, S) = (0, 1)', () => {
    // A at 1 h takes the one unit; the review orders one more (lands at 101 h). B at 5 h finds
    // nothing on hand and a factory order out. C at 150 h finds the unit that landed.
    const script: [number, number][] = [[1, 1], [5, 1], [150, 1]];
    const one: Sku = { openingStock: 1, reorderPoint: 0, orderUpTo: 1 };

    it('a paused listing loses the order at once, without a fine', async () => {
      const { orders } = await run(script, one, 'sellers: { classes: { small: { pauseListingWhenOut: true } } }\n');
      expect(orders.map((o) => o.outcome)).toEqual(['fulfilled', 'lostPaused', 'fulfilled']);
      expect(orders[1]).toMatchObject({ endedHour: '5', finesCny: '0' });
    });

    it('without it the order waits as a backorder and is cancelled and fined at 77 h', async () => {
      const { orders } = await run(script, one);
      expect(orders.map((o) => o.outcome)).toEqual(['fulfilled', 'cancelled', 'fulfilled']);
      expect(orders[1]).toMatchObject({ endedHour: '77', fineStockoutCny: '500' });
    });
  });

  it('force majeure (§15) waives the stockout fine of an order placed while its factory was blocked, and the lateness fine of one whose pickups were stopped', async () => {
    // A at 1 h: production waits to 48 h, fails at 73 h. C at 30 h: its unit lands at 98 h, ships at
    // 114 h. B at 60 h: served at 98 h by A's unit, ships at 114 h, 54 h late with nothing stopping it.
    const { orders, sellers } = await run([[1, 1], [30, 1], [60, 1]], { openingStock: 0, leadTimeHours: 50 }, makeToOrder, stop('2022-10-01', '2022-10-02', true), 'rules: { forceMajeure: true }\n');
    expect(orders.map((o) => [o.outcome, o.finesCny])).toEqual([['cancelled', '0'], ['fulfilled', '0'], ['fulfilled', '500']]);
    expect(sellers[0].finesCny).toBe('500');
  });
});

describe('bad rows in the seller\'s files, through the command', () => {
  it('gives one line per problem naming file, row and column, and runs nothing', async () => {
    const orders = [
      'time,seller,sku,quantity,unitValueCny',
      '2022-10-01T10:00+08:00,acme,mug,1,100',
      '01/10/2022 11:00,acme,mug,1,100',
      '2022-10-01T12:00+08:00,acme,mug,-2,100',
      '2022-10-01T13:00+08:00,acne,mug,1,100',
      '2022-10-01T14:00+08:00,acme,cup,1,100',
    ].join('\n') + '\n';
    const bad = await runCase({ base: tinyYaml(), layers: [], skus: skusCsv(stocked), orders });
    expect(bad.status).toBe(1);
    const file = `${bad.dir}/orders.csv`;
    expect(bad.stderr.trim().split('\n')).toEqual([
      `${file}: row 3, column time: expected an ISO date-time with offset, e.g. 2022-11-25T09:30+08:00, got "01/10/2022 11:00"`,
      `${file}: row 4, column quantity: expected a whole number >= 1, got "-2"`,
      `${file}: row 5, column seller: unknown seller "acne" (not in ${bad.dir}/skus.csv and not a platform seller such as seller-1)`,
      `${file}: row 6, column sku: unknown SKU "cup" of seller "acme" (a platform seller's SKUs are sku-1, sku-2, … up to its class's skusPerSeller)`,
    ]);
    const missing = await runCase({ base: tinyYaml(), layers: [], skus: skusCsv(stocked).replace('unitWeightKg', 'weightKg'), orders: ordersCsv([[1, 1]]) });
    expect(missing.status).toBe(1);
    const columns = 'expected the columns seller, sku, class, unitValueCny, unitWeightKg, and optionally region, leadTimeMedianHours, leadTimeP90Hours, openingStock, reorderPoint, orderUpTo';
    expect(missing.stderr.trim().split('\n')).toEqual([
      `${missing.dir}/skus.csv: row 1, column weightKg: unknown column; ${columns}`,
      `${missing.dir}/skus.csv: row 1, column unitWeightKg: missing from the header; ${columns}`,
    ]);
  });
});
