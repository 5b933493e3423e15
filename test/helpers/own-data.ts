// Scenario files for hand-checked rule cases through the command: the tiny platform of tiny.ts
// (one small seller, constant times) as YAML, its seller "acme" and SKU "mug" from a catalogue
// (skus.csv), its orders replayed from orders.csv, and the trace the run writes read back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { main } from '../../src/cli/main.ts';
import { REGIONS } from '../../src/scenario/types.ts';

const constant = (hours: number) => `{ medianHours: ${hours}, p90Hours: ${hours} }`;
const everyHour = (n: number) => `[${Array(24).fill(n).join(', ')}]`;

/** The tiny platform (tiny.ts) as YAML, its one seller's data in skus.csv and orders.csv beside it. */
export function tinyYaml(): string {
  return [
    'demand: { ordersPerDay: 0, orders: orders.csv, ordersReplace: platform }',
    'sellers:',
    '  count: 1',
    '  catalogue: skus.csv',
    '  classes:',
    '    large: { share: 0 }',
    '    medium: { share: 0 }',
    `    small: { share: 1, skusPerSeller: 1, workingHours: { openHour: 0, closeHour: 24 }, handling: ${constant(0.5)}, pickupHours: [18], defectRate: { mean: 0, sd: 0 }, topUpProbability: 0 }`,
    'factories: { disruptions: [], randomDisruptions: null }',
    `courier: { peakSlowdown: [{ date: 2022-10-01, value: 1 }], transit: { ${REGIONS.map((r) => `${r}: ${constant(10)}`).join(', ')} } }`,
    `warehouse: { receiving: { service: { medianMinutes: 1, p90Minutes: 1 }, staff: { byHour: ${everyHour(5)}, overrides: [] } }, qc: { staff: { byHour: ${everyHour(5)}, overrides: [] } } }`,
  ].join('\n') + '\n';
}

export interface Sku {
  openingStock?: number;
  reorderPoint?: number;
  orderUpTo?: number;
  leadTimeHours?: number;
  unitValueCny?: number;
}

/** skus.csv: acme's one SKU "mug", 0.5 kg, worth 100 CNY unless told. */
export function skusCsv(sku: Sku): string {
  const levels = sku.reorderPoint === undefined ? ',' : `${sku.reorderPoint},${sku.orderUpTo}`;
  const lead = sku.leadTimeHours ?? 100;
  return 'seller,sku,class,region,unitValueCny,unitWeightKg,leadTimeMedianHours,leadTimeP90Hours,openingStock,reorderPoint,orderUpTo\n'
    + `acme,mug,small,shenzhen,${sku.unitValueCny ?? 100},0.5,${lead},${lead},${sku.openingStock ?? ''},${levels}\n`;
}

/** orders.csv rows for acme's mug at hours from 2022-10-01 00:00 China time, 100 CNY a unit unless told. */
export function ordersCsv(orders: [hours: number, quantity: number, unitValueCny?: number][]): string {
  const at = (h: number) => new Date(Date.UTC(2022, 9, 1) - 8 * 3_600_000 + h * 3_600_000).toISOString().replace('Z', '+00:00');
  return 'time,seller,sku,quantity,unitValueCny\n' + orders.map(([h, q, v]) => `${at(h)},acme,mug,${q},${v ?? 100}`).join('\n') + '\n';
}

export type Row = Record<string, string>;

/** Reads a CSV with a header into rows keyed by column (no quoted fields in what jitsim writes here). */
export function csvRows(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** Runs the command in this process (as bin/jitsim.mjs does), capturing what it prints. */
export async function jitsim(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [], err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => { err.push(String(chunk)); return true; }) as typeof process.stderr.write;
  try {
    const status = await main(['node', 'jitsim', ...args]);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/**
 * Runs the command on a case: writes the files (each layer `extends` the one before, the first
 * the base), runs one replication with --trace, and reads the trace's rows back.
 */
export async function runCase(files: { base: string; layers: string[]; skus: string; orders: string }, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'jitsim-own-'));
  writeFileSync(join(dir, 'layer-0.yaml'), files.base);
  files.layers.forEach((layer, i) => writeFileSync(join(dir, `layer-${i + 1}.yaml`), `extends: layer-${i}.yaml\n${layer}`));
  writeFileSync(join(dir, 'case.yaml'), `extends: layer-${files.layers.length}.yaml\n`);
  writeFileSync(join(dir, 'skus.csv'), files.skus);
  writeFileSync(join(dir, 'orders.csv'), files.orders);
  const run = await jitsim(['run', join(dir, 'case.yaml'), '-r', '1', '-w', '1', '-q', '--out', join(dir, 'out'), '--trace', join(dir, 'trace', 'orders.csv.gz'), ...args]);
  if (run.status !== 0) return { status: run.status, stderr: run.stderr, orders: [] as Row[], sellers: [] as Row[], dir };
  const orders = csvRows(gunzipSync(readFileSync(join(dir, 'trace', 'orders.csv.gz'))).toString('utf8')).sort((a, b) => Number(a.order) - Number(b.order));
  const sellers = csvRows(readFileSync(join(dir, 'trace', 'sellers.csv'), 'utf8'));
  return { status: run.status, stderr: run.stderr, orders, sellers, dir };
}
