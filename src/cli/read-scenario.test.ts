// Scenario files on disk: every shipped scenario validates and says what it asks; missing files
// read as one plain line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/load.ts';
import { defaultScenario } from '../scenario/schema.ts';
import { readScenarioFile } from './read-scenario.ts';
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
