// Scenario files on disk: every shipped scenario validates and says what it asks; missing files
// read as one plain line; a gzip data file is unzipped up to a stated bound, never a bomb's whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ordersCsv, skusCsv, tinyYaml } from '../../test/helpers/own-data.ts';
import { formatNumber } from '../scenario/fields.ts';
import { parseScenario, ScenarioError } from '../scenario/load.ts';
import { defaultScenario } from '../scenario/schema.ts';
import { readTables } from '../scenario/tables.ts';
import { MAX_UNZIPPED_BYTES, readScenarioFile, textChunks } from './read-scenario.ts';
import { SIZE_CLASSES, type Scenario } from '../scenario/types.ts';

const folder = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const shipped = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
const read = (name: string) => readScenarioFile(join(folder, name));

describe('shipped scenarios', () => {
  it('include the seven the project promises', () => {
    expect(shipped.sort()).toEqual(['black-friday-2022.yaml', 'jit-for-large-sellers.yaml', 'october-baseline.yaml', 'prestock-2022.yaml', 'shenzhen-lockdown.yaml', 'small-seller.yaml', 'understaffed-warehouse.yaml']);
  });

  it('the pre-stock twin differs from the JIT season only in its modes; the mixed one puts only large sellers on JIT', () => {
    const modes = (s: Scenario) => SIZE_CLASSES.map((c) => s.sellers.classes[c].mode);
    const jit = read('black-friday-2022.yaml'), twin = read('prestock-2022.yaml'), mixed = read('jit-for-large-sellers.yaml');
    expect([jit.mode, ...modes(jit)]).toEqual(['jit', 'jit', 'jit', 'jit']);
    expect([twin.mode, ...modes(twin)]).toEqual(['prestock', 'prestock', 'prestock', 'prestock']);
    expect(modes(mixed)).toEqual(['jit', 'prestock', 'prestock']);
    const sameAsJit = (s: Scenario) => {
      const copy = structuredClone(s);
      copy.description = jit.description;
      copy.mode = 'jit';
      for (const c of SIZE_CLASSES) copy.sellers.classes[c].mode = 'jit';
      return copy;
    };
    expect(sameAsJit(twin)).toEqual(jit);
    expect(sameAsJit(mixed)).toEqual(jit);
  });

  it.each(shipped)('%s validates and opens with the question it answers', (name) => {
    const scenario = read(name);
    const firstLine = readFileSync(join(folder, name), 'utf8').split('\n')[0];
    expect(firstLine).toMatch(/^# .+\?$/);
    expect(scenario.description).toMatch(/\?$/);
  });

  it('black-friday-2022 is the calibrated default', () => {
    const { description, ...rest } = read('black-friday-2022.yaml');
    const { description: _, ...defaults } = defaultScenario();
    expect(rest).toEqual(defaults);
    expect(description).toMatch(/Black Friday/);
  });

  it('the what-ifs change what they say and nothing else of note', () => {
    const october = read('october-baseline.yaml');
    expect(october.season).toEqual({ start: '2022-10-01', end: '2022-10-31' });
    expect(october.demand.dayMultiplier).toEqual([{ date: '2022-10-01', value: 1 }]);

    const lockdown = read('shenzhen-lockdown.yaml').factories.disruptions;
    expect(lockdown[0]).toEqual({ regions: ['shenzhen', 'guangzhou'], from: '2022-10-10', to: '2022-10-24', affectedShare: 0.4, restartHours: 24, courierSuspended: true });
    expect(lockdown.slice(1)).toEqual(defaultScenario().factories.disruptions);

    const understaffed = read('understaffed-warehouse.yaml').warehouse;
    expect([understaffed.receiving.staff.byHour[6], understaffed.qc.staff.byHour[1], understaffed.qc.staff.byHour[2]]).toEqual([45, 110, 0]);
    expect([understaffed.receiving.staff.overrides, understaffed.qc.staff.overrides]).toEqual([[], []]);

    const small = read('small-seller.yaml');
    expect([small.sellers.count, small.sellers.classes.small.share, small.demand.ordersPerDay]).toEqual([1, 1, 40]);
  });
});

describe('readScenarioFile', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'jitsim-scenario-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('turns a missing file into "path: file not found"', () => {
    const path = join(scratch, 'nope.yaml');
    expect(() => readScenarioFile(path)).toThrow(ScenarioError);
    expect(() => readScenarioFile(path)).toThrow(new RegExp(`^${path}: file not found$`));
  });

  it('reads extends from disk relative to the including file', () => {
    writeFileSync(join(scratch, 'child.yaml'), `extends: ${join(folder, 'small-seller.yaml')}\nsellers: { count: 2 }\n`);
    writeFileSync(join(scratch, 'orphan.yaml'), 'extends: missing/base.yaml\n');
    expect(readScenarioFile(join(scratch, 'child.yaml')).sellers.count).toBe(2);
    expect(() => readScenarioFile(join(scratch, 'orphan.yaml')))
      .toThrow(`${join(scratch, 'orphan.yaml')}: extends: cannot read ${join(scratch, 'missing/base.yaml')}: file not found`);
  });
});

describe('gzip data files', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'jitsim-gzip-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const orders = ordersCsv([[1, 2], [30, 1]]);
  const scenarioPath = join(scratch, 'gz.yaml');
  writeFileSync(scenarioPath, tinyYaml().replace('orders: orders.csv', 'orders: orders.csv.gz'));
  writeFileSync(join(scratch, 'skus.csv'), skusCsv({}));
  const text = (chunks: Iterable<string>) => [...chunks].join('');

  it('reads a gzip orders file as its plain text', () => {
    writeFileSync(join(scratch, 'orders.csv.gz'), gzipSync(orders));
    const replayed = readScenarioFile(scenarioPath).tables?.orders;
    expect([replayed?.count, replayed?.quantity]).toEqual([2, Int32Array.from([2, 1])]);
  });

  it('unzips a file of exactly the bound, and refuses one byte more', () => {
    const path = join(scratch, 'exact.csv.gz');
    writeFileSync(path, gzipSync(orders));
    expect(text(textChunks(path, orders.length))).toBe(orders);
    expect(() => textChunks(path, orders.length - 1)).toThrow(`unzips to more than ${formatNumber(orders.length - 1)} bytes`);
  });

  it('refuses a gzip bomb in one line naming the file and the bound', () => {
    // 64 MiB of newlines in 64 kB; the bound set at 1 MiB to stay fast (the command's is MAX_UNZIPPED_BYTES).
    const bomb = gzipSync(Buffer.alloc(64 << 20, '\n'), { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 17);
    writeFileSync(join(scratch, 'orders.csv.gz'), bomb);
    const scenario = parseScenario(readFileSync(scenarioPath, 'utf8'), scenarioPath, () => '');
    const error = (() => {
      try {
        readTables(scenario, scenarioPath, (path) => textChunks(path, 1 << 20));
      } catch (err) {
        return err as Error;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error?.message).toBe(`${scenarioPath}: demand.orders: cannot read ${join(scratch, 'orders.csv.gz')}: unzips to more than 1,048,576 bytes, the most a gzip data file may hold; give it unzipped (a plain file is read as it goes)`);
  });

  it('bounds the command\'s unzipping by the longest table at 256 bytes a row, as docs/scenario-format.md says', () => {
    expect(MAX_UNZIPPED_BYTES).toBe(10_000_000 * 256);
    const docs = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    expect(docs).toContain(`${formatNumber(MAX_UNZIPPED_BYTES)} bytes unzipped`);
  });
});
