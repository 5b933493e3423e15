// A sweep (`jitsim sweep SWEEP.yaml`, docs/results.md, "Sweeps"): a base scenario, a grid of
// overrides (field path → values, every combination; `zip` lists advance together), replications
// and a seed. Each grid point is the base with its overrides, checked by the schema like any
// scenario; its replications run on common random numbers with every other point's.
import { z } from 'zod';
import { parseText, ScenarioError, validateScenario, type ScenarioIssue } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { kpiIntervals, type KpiInterval } from './summary.ts';
import { csvNumber } from './csv.ts';

export interface Sweep {
  /** The base scenario file, relative to the sweep file. */
  scenario: string;
  replications: number;
  seed: number;
  /** Field path → values: every combination of them. */
  grid: Record<string, unknown[]>;
  /** Field path → values, all lists the same length: the i-th values go together. */
  zip: Record<string, unknown[]>;
}

/** One grid point: its overrides, in the sweep's order (grid paths, then zip paths). */
export interface SweepPoint { index: number; overrides: [path: string, value: unknown][] }

/** Longest grid accepted: a typo in a list is likelier than a sweep of more points. */
export const MAX_POINTS = 10_000;

const values = z.array(z.unknown(), { error: 'expected a list of values' }).min(1, { error: 'expected at least one value' });
const schema = z.strictObject({
  scenario: z.string({ error: 'expected the base scenario file (a path relative to this file)' }).min(1),
  replications: z.int({ error: 'expected a whole number of replications >= 1' }).min(1, { error: 'expected a whole number of replications >= 1' }).max(10_000, { error: 'expected at most 10000 replications' }),
  seed: z.int({ error: 'expected a whole number >= 0' }).min(0, { error: 'expected a whole number >= 0' }).default(1),
  grid: z.record(z.string(), values).default({}),
  zip: z.record(z.string(), values).default({}),
}, { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}: expected scenario, replications, seed, grid, zip` : undefined) });

/** Reads a sweep file's text (YAML or JSON); a ScenarioError names the file, the field and what was expected. */
export function parseSweep(text: string, file: string): Sweep {
  // The scenario's parser: the same limits on depth, tags, keys and aliases, each at its line and column.
  const parsed = schema.safeParse(parseText(text, file));
  if (!parsed.success) {
    throw new ScenarioError(parsed.error.issues.map((i): ScenarioIssue => ({ file, path: i.path.map(String).join('.'), message: i.message })));
  }
  const sweep = parsed.data as Sweep;
  const lengths = Object.entries(sweep.zip).map(([path, list]) => [path, list.length] as const);
  const odd = lengths.find(([, n]) => n !== lengths[0][1]);
  if (odd) throw new ScenarioError([{ file, path: `zip.${odd[0]}`, message: `expected ${lengths[0][1]} values, as zip.${lengths[0][0]} has, got ${odd[1]}` }]);
  const points = Object.values(sweep.grid).reduce((n, list) => n * list.length, 1) * (lengths.length > 0 ? lengths[0][1] : 1);
  if (points > MAX_POINTS) throw new ScenarioError([{ file, path: 'grid', message: `expected at most ${MAX_POINTS} grid points, got ${points}` }]);
  for (const path of [...Object.keys(sweep.grid), ...Object.keys(sweep.zip)]) {
    if (pathKeys(path) === null) throw new ScenarioError([{ file, path: path in sweep.grid ? `grid.${path}` : `zip.${path}`, message: 'expected a field path such as warehouse.qc.staff.byHour[6]' }]);
  }
  return sweep;
}

/** The grid points: every combination of the grid's values (the last path varying fastest), each with every zip row. */
export function sweepPoints(sweep: Sweep): SweepPoint[] {
  const grid = Object.entries(sweep.grid), zip = Object.entries(sweep.zip);
  const rows = zip.length > 0 ? zip[0][1].length : 1;
  let combos: [string, unknown][][] = [[]];
  for (const [path, list] of grid) combos = combos.flatMap((c) => list.map((v): [string, unknown][] => [...c, [path, v]]));
  const points: SweepPoint[] = [];
  for (const c of combos) for (let r = 0; r < rows; r++) points.push({ index: points.length, overrides: [...c, ...zip.map(([path, list]): [string, unknown] => [path, list[r]])] });
  return points;
}

/** A field path's keys: names and list indices (`a.b[3].c` → a, b, 3, c); null when it is not one. */
export function pathKeys(path: string): (string | number)[] | null {
  if (!/^[A-Za-z_][\w]*(\[\d+\])*(\.[A-Za-z_][\w]*(\[\d+\])*)*$/.test(path)) return null;
  return path.split('.').flatMap((part) => {
    const [name, ...indices] = part.split('[');
    return [name, ...indices.map((i) => Number(i.slice(0, -1)))];
  });
}

/** The base scenario with a point's overrides, checked by the schema; errors name the sweep file, the point and the field. */
export function pointScenario(base: Scenario, point: SweepPoint, file: string): Scenario {
  // The data tables are read once from the files and shared by every point (a sweep changes fields, not data).
  const { tables, ...fields } = base;
  const s = structuredClone(fields) as unknown as Record<string | number, unknown>;
  for (const [path, value] of point.overrides) {
    const keys = pathKeys(path)!;
    let at: Record<string | number, unknown> = s;
    for (let k = 0; k < keys.length - 1; k++) {
      const next = at[keys[k]];
      if (next === null || typeof next !== 'object') {
        throw new ScenarioError([{ file, path: `grid point ${point.index + 1}: ${path}`, message: `the scenario has no ${keys.slice(0, k + 1).join('.').replace(/\.(\d+)/g, '[$1]')} to set a field in` }]);
      }
      at = next as Record<string | number, unknown>;
    }
    const last = keys[keys.length - 1];
    if (!(last in at)) throw new ScenarioError([{ file, path: `grid point ${point.index + 1}: ${path}`, message: 'the scenario has no such field (a sweep changes fields, it does not add them)' }]);
    at[last] = structuredClone(value);
  }
  try {
    const scenario = validateScenario(s, `${file} (grid point ${point.index + 1})`);
    return tables ? { ...scenario, tables } : scenario;
  } catch (err) {
    if (err instanceof ScenarioError) throw new ScenarioError(err.issues.map((i) => ({ ...i, file: `${file} (grid point ${point.index + 1}: ${describePoint(point)})` })));
    throw err;
  }
}

/** A point's overrides as text: `qc staff = 3, seed level = 0.95`. */
export function describePoint(point: SweepPoint): string {
  return point.overrides.map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ') || 'the base scenario';
}

/** Each point's KPIs over its replications: mean and 95% interval; none for a point with no replication finished (an interrupted sweep). */
export function sweepKpis(kpisByPoint: Record<string, number>[][]): Record<string, KpiInterval>[] {
  return kpisByPoint.map((records) => (records.length > 0 ? kpiIntervals(records) : {}));
}

/** One row per point: the overrides, the replications, then each KPI's mean and 95% interval. */
export function sweepCsv(points: SweepPoint[], kpis: Record<string, KpiInterval>[], replications: number[]): string {
  const paths = points[0]?.overrides.map(([p]) => p) ?? [];
  const names = Object.keys(kpis.find((k) => Object.keys(k).length > 0) ?? {});
  const header = ['point', ...paths, 'replications', ...names.flatMap((n) => [`${n}_mean`, `${n}_low_95`, `${n}_high_95`])];
  const cell = (v: unknown) => { const text = typeof v === 'number' ? csvNumber(v) : typeof v === 'string' ? v : JSON.stringify(v); return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text; };
  const rows = [header.map(cell).join(',')];
  points.forEach((p, i) => {
    const k = kpis[i] ?? {};
    rows.push([p.index + 1, ...p.overrides.map(([, v]) => v), replications[i] ?? 0, ...names.flatMap((n) => [k[n]?.mean ?? NaN, k[n]?.low ?? NaN, k[n]?.high ?? NaN])].map(cell).join(','));
  });
  return rows.join('\n') + '\n';
}
