// A seller's own data inside a synthetic platform (docs/model.md §20): adding acme-home's catalogue
// and replaying its orders changes nothing the other sellers draw — their orders, regions, factory
// and district lockdowns, new products — and acme-home's trace rows are exactly its file's orders.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvRows, jitsim, type Row } from './helpers/own-data.ts';

const scenarios = new URL('../scenarios/', import.meta.url).pathname;

describe('a catalogue seller with replayed orders on a synthetic platform', () => {
  it('leaves every other seller as it was and places exactly its file\'s orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jitsim-platform-'));
    writeFileSync(join(dir, 'platform.yaml'), [
      `extends: ${scenarios}shenzhen-lockdown.yaml`, // factory and district lockdowns: per-SKU and per-seller draws
      'season: { start: 2022-10-01, end: 2022-10-31 }',
      'sellers: { count: 200 }',
      'demand: { ordersPerDay: 400 }',
    ].join('\n') + '\n');
    // acme-home lists 7 SKUs where a small seller has 5, in Shenzhen whatever its slot drew.
    const skus = ['seller,sku,class,region,unitValueCny,unitWeightKg,openingStock',
      ...Array.from({ length: 7 }, (_, i) => `acme-home,item-${i + 1},small,shenzhen,${20 + 10 * i},0.4,${i === 0 ? 5 : ''}`)];
    writeFileSync(join(dir, 'skus.csv'), skus.join('\n') + '\n');
    const times = Array.from({ length: 60 }, (_, i) => `2022-10-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T${i % 2 ? '09:15' : '20:40'}:00+08:00`);
    writeFileSync(join(dir, 'orders.csv'), ['time,seller,sku,quantity,unitValueCny', ...times.map((t, i) => `${t},acme-home,item-${1 + (i % 7)},${1 + (i % 3)},${20 + 10 * (i % 7)}`)].join('\n') + '\n');
    writeFileSync(join(dir, 'acme.yaml'), 'extends: platform.yaml\nsellers: { catalogue: skus.csv }\ndemand: { orders: orders.csv }\n');

    const trace = async (file: string) => {
      const out = join(dir, file.replace('.yaml', ''));
      const run = await jitsim(['run', join(dir, file), '-r', '1', '-q', '--out', out, '--trace', join(out, 'orders.csv.gz')]);
      expect(run.stderr).toBe('');
      return {
        orders: csvRows(gunzipSync(readFileSync(join(out, 'orders.csv.gz'))).toString('utf8')),
        sellers: csvRows(readFileSync(join(out, 'sellers.csv'), 'utf8')),
      };
    };
    const base = await trace('platform.yaml'), acme = await trace('acme.yaml');
    // The first small slot: after 5% large and 25% medium of 200 sellers.
    const slot = 'seller-61';
    const demand = (rows: Row[], without: string) => rows.filter((r) => r.seller !== without)
      .map((r) => [r.time, r.seller, r.sku, r.quantity, r.unitValueCny].join(',')).sort();
    expect(demand(acme.orders, 'acme-home')).toEqual(demand(base.orders, slot));
    expect(base.orders.filter((r) => r.seller !== slot).length).toBeGreaterThan(10_000);
    // Regions, and the lockdowns that fell on each seller, are the other sellers' own.
    const regions = (rows: Row[]) => rows.filter((r) => r.seller !== 'acme-home' && r.seller !== slot).map((r) => `${r.seller} ${r.region}`);
    expect(regions(acme.sellers)).toEqual(regions(base.sellers));
    const lateOthers = (rows: Row[]) => rows.filter((r) => r.seller !== 'acme-home' && r.seller !== slot && r.outcome === 'lostNotListed').map((r) => r.time).sort();
    expect(lateOthers(acme.orders)).toEqual(lateOthers(base.orders)); // the same new products, launched at the same times
    // acme-home: its 60 orders, at its times, in its slot, none lost to a launch (a catalogue lists what is on sale).
    const own = acme.orders.filter((r) => r.seller === 'acme-home');
    expect(own.map((r) => r.time.replace('.000+08:00', '+08:00')).sort()).toEqual([...times].sort());
    expect(own.some((r) => r.outcome === 'lostNotListed')).toBe(false);
    expect(acme.sellers.find((r) => r.seller === 'acme-home')).toMatchObject({ class: 'small', region: 'shenzhen', ordersPlaced: '60' });
    expect(acme.sellers.some((r) => r.seller === slot)).toBe(false);
  });
});
