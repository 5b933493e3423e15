// Sweep files: the grid's points in order, overrides checked by the schema, and errors that name
// the file, the field and what was expected.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/schema.ts';
import { ScenarioError } from '../scenario/load.ts';
import { parseSweep, pathKeys, pointScenario, sweepCsv, sweepKpis, sweepPoints } from './sweep.ts';

const error = (f: () => unknown) => {
  try { f(); } catch (err) { if (err instanceof ScenarioError) return err.message; throw err; }
  return 'no error';
};

describe('sweep files', () => {
  it('expands every combination of the grid, the last path fastest, each with every zip row', () => {
    const sweep = parseSweep('scenario: base.yaml\nreplications: 3\ngrid:\n  a.b: [1, 2]\n  c[0]: [x, y, z]\nzip:\n  d: [10, 20]\n  e: [0.1, 0.2]\n', 's.yaml');
    expect(sweep.seed).toBe(1);
    const points = sweepPoints(sweep);
    expect(points).toHaveLength(2 * 3 * 2);
    expect(points[0].overrides).toEqual([['a.b', 1], ['c[0]', 'x'], ['d', 10], ['e', 0.1]]);
    expect(points[1].overrides).toEqual([['a.b', 1], ['c[0]', 'x'], ['d', 20], ['e', 0.2]]);
    expect(points[2].overrides).toEqual([['a.b', 1], ['c[0]', 'y'], ['d', 10], ['e', 0.1]]);
    expect(points[11].overrides).toEqual([['a.b', 2], ['c[0]', 'z'], ['d', 20], ['e', 0.2]]);
    expect(points.map((p) => p.index)).toEqual([...Array(12).keys()]);
    expect(sweepPoints(parseSweep('scenario: b.yaml\nreplications: 1\n', 's.yaml'))).toEqual([{ index: 0, overrides: [] }]);
  });

  it('reads field paths with list indices', () => {
    expect(pathKeys('warehouse.qc.staff.byHour[6]')).toEqual(['warehouse', 'qc', 'staff', 'byHour', 6]);
    expect(pathKeys('a[1][2].b')).toEqual(['a', 1, 2, 'b']);
    expect(pathKeys('a..b')).toBeNull();
    expect(pathKeys('a[x]')).toBeNull();
  });

  it('refuses bad sweep files with one line naming the file, the field and what was expected', () => {
    expect(error(() => parseSweep('replications: 2\n', 's.yaml'))).toBe('s.yaml: scenario: expected the base scenario file (a path relative to this file)');
    expect(error(() => parseSweep('scenario: b.yaml\nreplications: 0\n', 's.yaml'))).toBe('s.yaml: replications: expected a whole number of replications >= 1');
    expect(error(() => parseSweep('scenario: b.yaml\nreplications: 2\ngrid: { a: [] }\n', 's.yaml'))).toBe('s.yaml: grid.a: expected at least one value');
    expect(error(() => parseSweep('scenario: b.yaml\nreplications: 2\nzip: { a: [1, 2], b: [1] }\n', 's.yaml'))).toBe('s.yaml: zip.b: expected 2 values, as zip.a has, got 1');
    expect(error(() => parseSweep('scenario: b.yaml\nreplications: 2\ngrid: { "a..b": [1] }\n', 's.yaml'))).toBe('s.yaml: grid.a..b: expected a field path such as warehouse.qc.staff.byHour[6]');
    expect(error(() => parseSweep('scenario: b.yaml\nreplications: 2\nseeds: 4\n', 's.yaml'))).toMatch(/^s\.yaml: unknown field\(s\) seeds: expected scenario, replications, seed, grid, zip$/);
    const huge = `scenario: b.yaml\nreplications: 1\ngrid:\n  a: [${Array(200).fill(1)}]\n  b: [${Array(200).fill(1)}]\n`;
    expect(error(() => parseSweep(huge, 's.yaml'))).toBe('s.yaml: grid: expected at most 10000 grid points, got 40000');
  });

  it('puts a point\'s overrides into the base and checks them with the schema', () => {
    const base = defaultScenario();
    const [point] = sweepPoints(parseSweep('scenario: b.yaml\nreplications: 1\ngrid:\n  warehouse.qc.staff.byHour[6]: [7]\n  sellers.classes.small.mode: [prestock]\n', 's.yaml'));
    const s = pointScenario(base, point, 's.yaml');
    expect(s.warehouse.qc.staff.byHour[6]).toBe(7);
    expect(s.sellers.classes.small.mode).toBe('prestock');
    expect(base.warehouse.qc.staff.byHour[6]).toBe(150); // the base is left as it was
    const bad = sweepPoints(parseSweep('scenario: b.yaml\nreplications: 1\ngrid:\n  warehouse.qc.staff.byHour[6]: [-2]\n', 's.yaml'))[0];
    expect(error(() => pointScenario(base, bad, 's.yaml'))).toBe('s.yaml (grid point 1: warehouse.qc.staff.byHour[6] = -2): warehouse.qc.staff.byHour[6]: expected a whole number in [0, 100,000] (staff on duty), got -2');
    const missing = sweepPoints(parseSweep('scenario: b.yaml\nreplications: 1\ngrid:\n  warehouse.qc.staf.byHour[6]: [1]\n', 's.yaml'))[0];
    expect(error(() => pointScenario(base, missing, 's.yaml'))).toBe('s.yaml: grid point 1: warehouse.qc.staf.byHour[6]: the scenario has no warehouse.qc.staf to set a field in');
  });

  it('keeps the base\'s data tables (orders.csv, skus.csv as read) on every point', () => {
    const tables = { orders: { file: 'orders.csv', count: 1, time: Float64Array.of(5) } } as unknown as NonNullable<ReturnType<typeof defaultScenario>['tables']>;
    const base = { ...defaultScenario(), tables };
    const [point] = sweepPoints(parseSweep('scenario: b.yaml\nreplications: 1\ngrid:\n  demand.meanQuantity: [2]\n', 's.yaml'));
    const s = pointScenario(base, point, 's.yaml');
    expect(s.demand.meanQuantity).toBe(2);
    expect(s.tables).toBe(tables);
  });

  it('writes one CSV row per point with each KPI\'s mean and 95% interval', () => {
    const points = sweepPoints(parseSweep('scenario: b.yaml\nreplications: 2\ngrid:\n  a: [1, "x,y"]\n', 's.yaml'));
    const kpis = sweepKpis([[{ k: 1 }, { k: 3 }], [{ k: 5 }, { k: 5 }]]);
    const csv = sweepCsv(points, kpis, [2, 2]).trim().split('\n');
    expect(csv[0]).toBe('point,a,replications,k_mean,k_low_95,k_high_95');
    // Mean 2, sd √2, t(0.975, 1) = 12.706: half width 12.706.
    expect(csv[1]).toMatch(/^1,1,2,2,-10\.706\d*,14\.706\d*$/);
    expect(csv[2]).toBe('2,"x,y",2,5,5,5');
    // Interrupted before the second point finished a replication: its row is there, empty.
    const partial = sweepCsv(points, sweepKpis([[{ k: 1 }, { k: 3 }], []]), [2, 0]).trim().split('\n');
    expect(partial[2]).toBe('2,"x,y",0,,,');
  });
});
