// A sweep's result (sweep.json, written by `jitsim sweep`) read back in the page: checked, its KPIs
// named, and its points grouped into lines of a KPI against one grid parameter. Pure: no DOM.
import { z } from 'zod';
import type { KpiInterval } from '../src/experiment/summary.ts';
import { WINDOW_ROWS } from '../src/cli/table.ts';
import { formatNumber } from '../src/experiment/number-format.ts';

/** One grid point: its overrides (field path → value, in the sweep's order) and its KPIs over its replications. */
export interface SweepPointResult {
  point: number;
  overrides: Record<string, unknown>;
  replications: number;
  kpis: Record<string, KpiInterval>;
}

export interface SweepResult {
  /** The sweep file and its base scenario, as the command named them. */
  sweep: string;
  scenario: string;
  seed: number;
  /** Replications asked for at each point; a point's own count says how many finished. */
  replications: number;
  points: number;
  jobs: number;
  completed: number;
  interrupted: boolean;
  seconds: number;
  results: SweepPointResult[];
}

// JSON has no NaN or Infinity: the command writes them as null, read back as NaN.
const figure = z.number().nullable().transform((x) => x ?? NaN);
const interval = z.object({ n: z.number(), mean: figure, sd: figure, halfWidth: figure, low: figure, high: figure });
const count = z.int().min(0);
const schema = z.object({
  sweep: z.string(),
  scenario: z.string(),
  seed: z.number(),
  replications: count,
  points: z.int().min(1),
  jobs: count,
  completed: count,
  interrupted: z.boolean(),
  seconds: figure,
  results: z.array(z.object({ point: count, overrides: z.record(z.string(), z.unknown()), replications: count, kpis: z.record(z.string(), interval) })),
});

/** A path inside the file as a reader writes it: `results[2].kpis.ordersPlaced.mean`. */
const pathText = (path: PropertyKey[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');

/**
 * Reads sweep.json's text; a message of one line naming the file, and the place in it and what was
 * expected there, when it is not JSON or not a sweep's result.
 */
export function readSweepResult(text: string, file: string): SweepResult | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return `${file}: not JSON (${String((err as Error).message).split('\n')[0]}).`;
  }
  const not = (why: string) => `${file} is not a sweep result (the sweep.json of jitsim sweep): ${why}.`;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !('results' in doc)) return not('expected an object with a list of results');
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return not(`${pathText(issue.path) || 'the file'}: ${issue.message.split('\n')[0]}`);
  }
  const result = parsed.data as SweepResult;
  if (result.results.length !== result.points) return not(`expected ${result.points} results, one a point, got ${result.results.length}`);
  const paths = parameters(result).join(', ');
  const odd = result.results.findIndex((r) => Object.keys(r.overrides).join(', ') !== paths);
  if (odd >= 0) return not(`results[${odd}].overrides: expected the paths the first point has (${paths || 'none'})`);
  return result;
}

/** The grid's field paths (grid, then zip), as the points' overrides give them. */
export function parameters(result: SweepResult): string[] {
  return Object.keys(result.results[0]?.overrides ?? {});
}

/** Every KPI at any point, in the order the points give them. */
export function kpiNames(result: SweepResult): string[] {
  return [...new Set(result.results.flatMap((r) => Object.keys(r.kpis)))];
}

/** The page's readable labels (the KPI table over days, src/cli/table.ts) where a sweep KPI has one. */
const LABELS = new Map(WINDOW_ROWS);
export const kpiLabel = (kpi: string) => LABELS.get(kpi) ?? kpi;

/** The first KPI whose mean differs between points, the most worth a chart; else the first. */
export function firstVaryingKpi(result: SweepResult): string | undefined {
  const names = kpiNames(result);
  return names.find((k) => new Set(result.results.map((r) => String(r.kpis[k]?.mean))).size > 1) ?? names[0];
}

/** A figure as the page writes it: thousands separators, a true minus sign; — where there is none. */
export const figureText = (x: number) => formatNumber(x).replace(/^-/, '−');

/** A grid value as text: numbers, words and true/false as they are, lists and objects as JSON, cut at `max` characters. */
export function valueText(value: unknown, max = Infinity): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Each path's shortest tail of names that no other path ends with: `cycleServiceLevel` for
 * `sellers.classes.small.stocking.cycleServiceLevel`, `small.staff` and `large.staff` for two
 * paths both ending in `staff`.
 */
export function shortNames(paths: string[]): Record<string, string> {
  const parts = paths.map((p) => p.split('.'));
  const tail = (ps: string[], k: number) => ps.slice(-k).join('.');
  return Object.fromEntries(paths.map((path, i) => {
    let k = 1;
    while (k < parts[i].length && parts.some((ps, j) => j !== i && tail(ps, k) === tail(parts[i], k))) k++;
    return [path, tail(parts[i], k)];
  }));
}

/** One point on a line: its grid values, the chosen parameter's among them, and the KPI there. */
export interface SweepFigure { point: number; x: unknown; overrides: Record<string, unknown>; replications: number; kpi: KpiInterval }

/** The points sharing every other free parameter's values, in the order of the chosen one's. */
export interface SweepLine { label: string; others: [path: string, value: unknown][]; figures: SweepFigure[] }

export interface SweepLines {
  /** The parameter along the x axis. */
  x: string;
  /** Whether its values are all numbers (a linear axis) or not (a categorical one). */
  numeric: boolean;
  /** Its distinct values: ascending when numeric, else in the sweep's order. */
  xValues: unknown[];
  lines: SweepLine[];
  /** Other parameters whose value follows from x's (zip partners): they move with it, not a line each. */
  alongside: string[];
}

const NO_FIGURE: KpiInterval = { n: 0, mean: NaN, sd: NaN, halfWidth: NaN, low: NaN, high: NaN };
/** A grid value's identity: values equal as JSON are one value. */
export const valueKey = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/**
 * The points as lines of `kpi` against the parameter `x`: one line per combination of the other
 * parameters that vary independently of x; a parameter whose value x settles (a zip partner)
 * splits no line. A point without the KPI (no replication finished) has NaN figures.
 */
export function sweepLines(result: SweepResult, x: string, kpi: string): SweepLines {
  const distinct = [...new Map(result.results.map((r) => [valueKey(r.overrides[x]), r.overrides[x]])).values()];
  const numeric = distinct.length > 0 && distinct.every((v) => typeof v === 'number' && Number.isFinite(v));
  const xValues = numeric ? [...distinct].sort((a, b) => (a as number) - (b as number)) : distinct;
  const others = parameters(result).filter((p) => p !== x);
  // A parameter is free when some value of x meets two of its values; otherwise x settles it.
  const settles = (p: string) => {
    const valueAt = new Map<string, string>();
    for (const r of result.results) {
      const at = valueKey(r.overrides[x]), v = valueKey(r.overrides[p]);
      if (!valueAt.has(at)) valueAt.set(at, v);
      else if (valueAt.get(at) !== v) return false;
    }
    return true;
  };
  const free = others.filter((p) => !settles(p));
  const alongside = others.filter((p) => settles(p) && new Set(result.results.map((r) => valueKey(r.overrides[p]))).size > 1);
  const names = shortNames(parameters(result));
  const lines = new Map<string, SweepLine>();
  for (const r of result.results) {
    const at: [string, unknown][] = free.map((p) => [p, r.overrides[p]]);
    const id = valueKey(at.map(([, v]) => v));
    if (!lines.has(id)) lines.set(id, { label: at.map(([p, v]) => `${names[p]} = ${valueText(v, 24)}`).join(', '), others: at, figures: [] });
    lines.get(id)!.figures.push({ point: r.point, x: r.overrides[x], overrides: r.overrides, replications: r.replications, kpi: r.kpis[kpi] ?? NO_FIGURE });
  }
  const order = new Map(xValues.map((v, i) => [valueKey(v), i]));
  for (const line of lines.values()) line.figures.sort((a, b) => order.get(valueKey(a.x))! - order.get(valueKey(b.x))!);
  return { x, numeric, xValues, lines: [...lines.values()], alongside };
}

/** What the file holds, in a sentence: the sweep, its base scenario, points × replications, seed, and whether it finished. */
export function describeSweep(result: SweepResult): string {
  const runs = `${result.completed} of ${result.jobs} runs`;
  const how = result.interrupted ? `interrupted, ${runs} finished` : `complete, ${runs}${Number.isFinite(result.seconds) ? ` in ${formatNumber(result.seconds)} s` : ''}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${result.sweep}: ${plural(result.points, 'grid point')} × ${plural(result.replications, 'replication')} of ${result.scenario}, seed ${result.seed}; ${how}.`;
}
