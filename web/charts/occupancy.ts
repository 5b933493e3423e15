// Chart: warehouse shelf occupancy over the season — units on the shelf at each China hour's end, the
// mean over replications with its P5–P95 band, one line a run (B dashed, on A's clock), and each
// run's peak and mean beside the plot. A run without pre-stock sellers keeps nothing on the
// shelf: its line lies flat at 0, and a note says why. A function of data and a container.
import * as d3 from 'd3';
import type { HourlyBand } from '../../src/experiment/summary.ts';
import { drawAndFollowSize } from './resize.ts';
import { notOnClock, onClockOf, shown } from './align.ts';
import { B_DASH, keyAbove } from './legend.ts';
import { cell, registerTable } from './chart-table.ts';
import { fillTable } from '../plain-table.ts';
import { wholeTicks } from './ticks.ts';
import { chinaClock, chinaHour, chinaScale, chinaTimeLabel, stampTicks } from './china-time.ts';

export interface OccupancyRun {
  label: string;
  seasonStart: string;
  shelf: HourlyBand;
  /** The run's peak and mean occupancy, units: mean over replications and 95% half width. */
  peak: { mean: number; halfWidth: number };
  average: { mean: number; halfWidth: number };
  /** Whether any class with sellers stocks the shelf. */
  prestock: boolean;
}

export interface OccupancyData {
  /** A first; in compare mode B second. */
  runs: OccupancyRun[];
}

const COLOURS = ['#0072B2', '#D55E00']; // Okabe–Ito, as A and B
const units = d3.format(',.0f');
const dayMonth = d3.utcFormat('%-d %b'); // of chart time: the China day
/** The plot's least width with the figures beside it; narrower, they go below it. */
const MIN_BESIDE = 560;

/** Each run's band on A's clock; a run sharing no hour with A has none and is left off the plot. */
function onAClock(runs: OccupancyRun[]) {
  const [a] = runs, hours = a.shelf.mean.length;
  return runs.map((run, k) => {
    if (k === 0) return { run, k, band: run.shelf as HourlyBand | undefined };
    const on = (v: Float64Array) => onClockOf(a.seasonStart, hours, run.seasonStart, v);
    const mean = on(run.shelf.mean);
    return { run, k, band: mean && { mean, p5: on(run.shelf.p5)!, p95: on(run.shelf.p95)! } };
  });
}

export function occupancyChart(container: HTMLElement, data: OccupancyData): void {
  const time = chinaClock(data.runs[0].seasonStart).at, hours = data.runs[0].shelf.mean.length;
  const tabled = onAClock(data.runs).filter((d) => d.band);
  registerTable(container, {
    caption: `hour by hour (China time), units on the shelf at the end of each hour as means per replication; ${hours.toLocaleString('en')} rows, the box scrolls`,
    columns: ['China hour', ...tabled.map((d) => `${d.run.label}, units`)],
    rows: Array.from({ length: hours }, (_, h) => [chinaHour(time(h)), ...tabled.map((d) => cell(d.band!.mean[h]))]),
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren(figures(data.runs));
    const full = container.clientWidth || 800;
    const beside = full - ((container.firstElementChild as HTMLElement).offsetWidth + 24); // the gap, and slack for rounding
    const width = beside >= MIN_BESIDE ? beside : full;
    const [a] = data.runs;
    const hours = a.shelf.mean.length;
    const clock = chinaClock(a.seasonStart), time = clock.at;
    const drawn = onAClock(data.runs);
    const svg = d3.select(container).insert('svg', 'table').attr('width', width)
      .attr('role', 'img').attr('aria-label', 'Units on the warehouse shelf by hour');
    // Above the plot: the read-out's row, then the key.
    const { tip, top: plotTop } = keyAbove(svg, [
      ...drawn.filter((d) => d.band).map(({ run, k }) => ({ label: `${run.label}, mean`, colour: COLOURS[k], swatch: k === 0 ? 'line' as const : 'dashed' as const, dash: B_DASH })),
      { label: 'band: P5–P95 over replications', colour: '#bbb' },
    ], width);
    const height = plotTop + 260;
    svg.attr('height', height);
    const margin = { top: plotTop, right: 16, bottom: 36, left: width < 500 ? 52 : 72 };
    const top = d3.max(drawn.flatMap((d) => (d.band ? [d3.max(d.band.p95) ?? 0, d3.max(d.band.mean) ?? 0] : []))) ?? 0;
    const x = chinaScale().domain([time(0), time(hours)]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, Math.max(1, top)]).nice().range([height - margin.bottom, margin.top]);
    const covered = (h: number, band: HourlyBand) => !Number.isNaN(band.mean[h]);
    for (const { run, k, band } of drawn) {
      if (!band) continue;
      const area = d3.area<number>().defined((_, h) => covered(h, band)).x((_, h) => x(time(h))).y0((_, h) => y(band.p5[h])).y1((_, h) => y(band.p95[h]));
      const line = d3.line<number>().defined((_, h) => covered(h, band)).x((_, h) => x(time(h))).y((v) => y(v));
      svg.append('path').attr('d', area(Array.from(band.mean))).attr('fill', COLOURS[k]).attr('opacity', 0.2);
      svg.append('path').attr('class', 'occupancy-line').attr('data-run', k === 0 ? 'a' : 'b').attr('data-label', run.label)
        .attr('d', line(Array.from(band.mean))).attr('fill', 'none').attr('stroke', COLOURS[k])
        .attr('stroke-width', 1.5).attr('stroke-dasharray', k === 0 ? null : B_DASH);
    }
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat((d) => dayMonth(d as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(wholeTicks(y.domain()[1], 6)).tickFormat((v) => units(Number(v))));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(height - margin.bottom + margin.top) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('units on the shelf (end of hour)');
    // Why a line lies flat: nothing is stocked ahead of orders under JIT. Two lines on a narrow plot.
    const flat = data.runs.filter((r) => !r.prestock);
    flat.forEach((r, i) => {
      const note = svg.append('text').attr('class', 'axis-label occupancy-note').attr('x', margin.left + 8);
      const parts = [`${r.label}: no pre-stock sellers,`, 'nothing on the shelf (flat at 0)'];
      const rows = width < MIN_BESIDE ? parts : [parts.join(' ')];
      const bottom = height - margin.bottom - 8 - 14 * (rows.length * (flat.length - i) - 1);
      rows.forEach((text, j) => note.append('tspan').attr('x', margin.left + 8).attr('y', bottom + 14 * j).text(text));
    });
    const missing = drawn.find((d) => !d.band);
    if (missing) notOnClock(svg, missing.run.label, width - margin.right - 4, margin.top + 40);
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])))));
      tip.text(`${chinaHour(time(h))}: ` + drawn.filter((d) => d.band)
        .map(({ run, band }) => `${run.label} ${Number.isNaN(band!.mean[h]) ? shown(NaN, 0) : units(band!.mean[h])}`).join('; ') + ' units');
    });
  });
}

/** Each run's peak and mean occupancy, with 95% intervals where there are two replications or more. */
function figures(runs: OccupancyRun[]): HTMLTableElement {
  const table = Object.assign(document.createElement('table'), { className: 'occupancy-figures' });
  const cell = (f: { mean: number; halfWidth: number }) =>
    `${units(f.mean)}${Number.isFinite(f.halfWidth) && f.halfWidth > 0 ? ` ± ${units(f.halfWidth)}` : ''}`;
  fillTable(table, ['run', 'peak', 'mean'], runs.map((r, k) => ({ data: { run: k === 0 ? 'a' : 'b' },
    cells: [r.label, { text: cell(r.peak), data: { figure: 'peak' } }, { text: cell(r.average), data: { figure: 'mean' } }] })),
  'Shelf occupancy, units');
  return table;
}
