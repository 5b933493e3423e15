// The page's reading of a sweep's result (web/sweep-result.ts): sweep.json checked, with a one-line
// message naming what is wrong; its KPIs named; its points grouped into lines against a parameter.
import { describe, expect, it } from 'vitest';
import { jsonNumbers } from '../src/experiment/csv.ts';
import { parseSweep, sweepPoints } from '../src/experiment/sweep.ts';
import { describeSweep, firstVaryingKpi, kpiLabel, kpiNames, parameters, readSweepResult, shortNames, sweepLines, valueText, type SweepResult } from '../web/sweep-result.ts';

const LEVEL = 'sellers.classes.small.stocking.cycleServiceLevel', PAUSE = 'sellers.classes.small.pauseListingWhenOut';

/** A sweep.json as the command writes it (src/cli/sweep.ts): the grid's points, and KPIs made up from their values. */
function sweepJson(yaml: string, kpis: (overrides: Record<string, unknown>) => Record<string, number>, extra: object = {}): string {
  const sweep = parseSweep(yaml, 'test.yaml');
  const points = sweepPoints(sweep);
  const interval = (mean: number) => ({ n: 2, mean, sd: 1, halfWidth: Number.isFinite(mean) ? 1 : NaN, low: mean - 1, high: mean + 1 });
  const doc = {
    sweep: 'sweeps/test.yaml', scenario: 'scenarios/small-seller.yaml', seed: sweep.seed, replications: sweep.replications, points: points.length,
    jobs: points.length * sweep.replications, completed: points.length * sweep.replications, interrupted: false, seconds: 1.25,
    results: points.map((p) => {
      const overrides = Object.fromEntries(p.overrides);
      return { point: p.index + 1, overrides, replications: sweep.replications, kpis: Object.fromEntries(Object.entries(kpis(overrides)).map(([k, v]) => [k, interval(v)])) };
    }),
    ...extra,
  };
  return JSON.stringify(doc, jsonNumbers, 2);
}

const GRID = `scenario: base.yaml\nreplications: 2\ngrid:\n  ${LEVEL}: [0.99, 0.9, 0.95]\n  ${PAUSE}: [false, true]\n`;
const fines = (o: Record<string, unknown>) => ({ ordersPlaced: 1000, finesShareOfGmv: (o[LEVEL] as number) / 10 + (o[PAUSE] ? 1 : 0), qcWaitP95Hours: NaN });
const read = (text: string, file = 'sweep.json') => readSweepResult(text, file) as SweepResult;

describe('reading sweep.json', () => {
  it('reads the command’s document, nulls (NaN, infinities) back as NaN', () => {
    const result = read(sweepJson(GRID, fines));
    expect(result.points).toBe(6);
    expect(parameters(result)).toEqual([LEVEL, PAUSE]);
    expect(kpiNames(result)).toEqual(['ordersPlaced', 'finesShareOfGmv', 'qcWaitP95Hours']);
    expect(result.results[0].kpis.qcWaitP95Hours.mean).toBeNaN();
    expect(result.results[0].kpis.qcWaitP95Hours.halfWidth).toBeNaN();
    expect(result.results[3].overrides).toEqual({ [LEVEL]: 0.9, [PAUSE]: true });
    expect(describeSweep(result)).toBe('sweeps/test.yaml: 6 grid points × 2 replications of scenarios/small-seller.yaml, seed 1; complete, 12 of 12 runs in 1.25 s.');
    const interrupted = read(sweepJson(GRID, fines, { completed: 7, interrupted: true }));
    expect(describeSweep(interrupted)).toMatch(/; interrupted, 7 of 12 runs finished\.$/);
  });

  it.each([
    ['{ "results": [', /^bad\.json: not JSON \(.+\)\.$/],
    ['', /^bad\.json: not JSON/],
    ['[1, 2]', /^bad\.json is not a sweep result \(the sweep\.json of jitsim sweep\): expected an object with a list of results\.$/],
    ['{ "kpis": {} }', /expected an object with a list of results\.$/],
    [sweepJson(GRID, fines).replace('"seed": 1', '"seed": "one"'), /: seed: .*expected number/],
    [sweepJson(GRID, fines).replace('"mean": 1000', '"mean": "many"'), /: results\[0\]\.kpis\.ordersPlaced\.mean: .*expected number/],
    [sweepJson(GRID, fines).replace('"points": 6', '"points": 7'), /: expected 7 results, one a point, got 6\.$/],
    [sweepJson(GRID, fines).replace(`"${PAUSE}": true`, '"other": true'), /: results\[1\]\.overrides: expected the paths the first point has/],
  ])('says in one line what is wrong with %#', (text, message) => {
    const said = readSweepResult(text, 'bad.json');
    expect(typeof said).toBe('string');
    expect(said).toMatch(message);
    expect(said).not.toContain('\n');
  });
});

describe('a KPI against a grid parameter', () => {
  it('a line per value of the other parameter, its points in ascending order of a numeric one', () => {
    const result = read(sweepJson(GRID, fines));
    const { numeric, xValues, lines, alongside } = sweepLines(result, LEVEL, 'finesShareOfGmv');
    expect(numeric).toBe(true);
    expect(xValues).toEqual([0.9, 0.95, 0.99]);
    expect(alongside).toEqual([]);
    expect(lines.map((l) => l.label)).toEqual(['pauseListingWhenOut = false', 'pauseListingWhenOut = true']);
    expect(lines[1].others).toEqual([[PAUSE, true]]);
    expect(lines[0].figures.map((f) => [f.x, f.point])).toEqual([[0.9, 3], [0.95, 5], [0.99, 1]]);
    expect(lines[1].figures.map((f) => f.kpi.mean)).toEqual([1.09, 1.095, 1.099].map((x) => expect.closeTo(x, 12)));
  });

  it('values not all numbers: a categorical axis in the sweep’s order', () => {
    const result = read(sweepJson(GRID, fines));
    const { numeric, xValues, lines } = sweepLines(result, PAUSE, 'finesShareOfGmv');
    expect(numeric).toBe(false);
    expect(xValues).toEqual([false, true]);
    expect(lines.map((l) => l.label)).toEqual(['cycleServiceLevel = 0.99', 'cycleServiceLevel = 0.9', 'cycleServiceLevel = 0.95']);
    expect(lines.every((l) => l.figures.length === 2)).toBe(true);
    const mixed = read(sweepJson(`scenario: b.yaml\nreplications: 1\ngrid:\n  a.b: [2, "two", [1, 2]]\n`, () => ({ k: 1 })));
    const along = sweepLines(mixed, 'a.b', 'k');
    expect(along.numeric).toBe(false);
    expect(along.xValues).toEqual([2, 'two', [1, 2]]);
    expect(along.lines).toHaveLength(1);
    expect(along.lines[0].label).toBe('');
  });

  it('a zip partner moves with x: no line of its own', () => {
    const zip = read(sweepJson(`scenario: b.yaml\nreplications: 1\ngrid:\n  c: [1, 2]\nzip:\n  a.staff: [1, 2, 3]\n  b.staff: [10, 20, 30]\n`, (o) => ({ k: (o['a.staff'] as number) + (o.c as number) })));
    const { lines, alongside } = sweepLines(zip, 'a.staff', 'k');
    expect(alongside).toEqual(['b.staff']);
    expect(lines.map((l) => [l.label, l.figures.length])).toEqual([['c = 1', 3], ['c = 2', 3]]);
    // Along c, the zip's two paths each split lines: three rows, a line each.
    expect(sweepLines(zip, 'c', 'k').lines.map((l) => l.label)).toEqual(['a.staff = 1, b.staff = 10', 'a.staff = 2, b.staff = 20', 'a.staff = 3, b.staff = 30']);
  });

  it('a point without the KPI (none of its replications finished) has NaN figures', () => {
    const text = sweepJson(GRID, fines);
    const doc = JSON.parse(text);
    doc.results[2].kpis = {};
    doc.results[2].replications = 0;
    const { lines } = sweepLines(read(JSON.stringify(doc)), LEVEL, 'finesShareOfGmv');
    expect(lines[0].figures[0].point).toBe(3);
    expect(lines[0].figures[0].kpi.mean).toBeNaN();
    expect(lines[0].figures[0].replications).toBe(0);
  });
});

describe('names', () => {
  it('KPIs by the page’s labels where it has one, else by their own name', () => {
    expect(kpiLabel('qcWaitP95Hours')).toBe('QC wait P95, h');
    expect(kpiLabel('finesShareOfGmv')).toBe('finesShareOfGmv');
  });

  it('the first KPI whose mean differs between points is the one charted first', () => {
    expect(firstVaryingKpi(read(sweepJson(GRID, fines)))).toBe('finesShareOfGmv');
  });

  it('paths by their shortest tail no other path shares', () => {
    expect(shortNames([LEVEL, PAUSE])).toEqual({ [LEVEL]: 'cycleServiceLevel', [PAUSE]: 'pauseListingWhenOut' });
    expect(shortNames(['a.small.staff', 'a.large.staff', 'b.x'])).toEqual({ 'a.small.staff': 'small.staff', 'a.large.staff': 'large.staff', 'b.x': 'x' });
    expect(shortNames(['x.staff', 'staff'])).toEqual({ 'x.staff': 'x.staff', staff: 'staff' });
  });

  it('values as text, long ones cut', () => {
    expect([valueText(0.95), valueText(true), valueText('sS'), valueText([1, 2])]).toEqual(['0.95', 'true', 'sS', '[1,2]']);
    expect(valueText(Array.from({ length: 24 }, () => 3), 10)).toBe('[3,3,3,3,…');
  });
});
