// A small platform for planner tests: the peak fortnight of black-friday-2022 at 1:100 (300
// sellers, 600 orders a day), one receiving clerk 06:00-24:00 and two QC inspectors 06:00-02:00.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const scenarios = new URL('../../scenarios/', import.meta.url).pathname;

/** Staff n on duty from hour `from` to hour `to` (China time), through midnight if to < from. */
const staff = (n: number, from: number, to: number) => `[${Array.from({ length: 24 }, (_, h) => ((to > from ? h >= from && h < to : h >= from || h < to) ? n : 0)).join(', ')}]`;

/** Writes peak.yaml into dir; resolves to its path. */
export function writeSmallPeak(dir: string): string {
  const file = join(dir, 'peak.yaml');
  writeFileSync(file, [
    `extends: ${scenarios}black-friday-2022.yaml`,
    'season: { start: 2022-11-20, end: 2022-12-02 }',
    'sellers: { count: 300 }',
    'demand: { ordersPerDay: 600 }',
    'warehouse:',
    `  receiving: { staff: { byHour: ${staff(1, 6, 24)}, overrides: [] } }`,
    `  qc: { staff: { byHour: ${staff(2, 6, 2)}, overrides: [] } }`,
  ].join('\n') + '\n');
  return file;
}
